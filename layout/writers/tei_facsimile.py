"""The TEI facsimile of a book read with geometry: one surface per page, one zone per line.

In: a Book whose lines carry boxes (OCR with geometry). Out: a `<facsimile>` element, one
`<surface>` per page (its size as `lrx`/`lry`, the image the source names as
`<graphic url>`), one `<zone>` per line with a box (`ulx`, `uly`, `lrx`, `lry` in the
image's pixels, the source's line id in `@n`); and the `xml:id`s by which `<pb/>` and
`<lb/>` point to them (`@facs`). A book without geometry has no facsimile (None). Not
handled: word zones, polygons (a zone is the upright box).
"""

from __future__ import annotations

from urllib.parse import quote

from lxml import etree

from layout.model import Book, Page
from layout.writers.tei_header import TEI_NS, xml_text

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FACSIMILE, SURFACE, GRAPHIC, ZONE = (
    f"{{{TEI_NS}}}{name}" for name in ("facsimile", "surface", "graphic", "zone")
)


def has_geometry(book: Book) -> bool:
    """True when some line of the book has a box."""
    return any(line.box is not None for page in book.pages for line in page.lines)


def surface_id(p: int) -> str:
    """The xml:id of page p's surface (`pb/@facs` points to it)."""
    return f"f{p + 1}"


def zone_id(p: int, i: int) -> str:
    """The xml:id of the zone of line i of page p (`lb/@facs` points to it)."""
    return f"f{p + 1}.{i + 1}"


def zones(book: Book) -> list[list[str | None]]:
    """Per page, per line, the `@facs` of its line: "#id" of its zone, None when the line
    has no box."""
    return [
        [f"#{zone_id(p, i)}" if line.box is not None else None
         for i, line in enumerate(page.lines)]
        for p, page in enumerate(book.pages)
    ]


def _extent(page: Page) -> tuple[int, int]:
    """The surface's right and bottom edges: the image's size, else the lines' extent."""
    right = page.width or max((ln.box.x1 for ln in page.lines if ln.box), default=0)
    bottom = page.height or max((ln.box.y1 for ln in page.lines if ln.box), default=0)
    return right, bottom


def _url(image: str) -> str:
    return quote(xml_text(image).replace("\\", "/"), safe="/:@!$&'()*+,;=-._~%#?")


def _surface(parent: etree._Element, page: Page, p: int) -> None:
    surface = etree.SubElement(parent, SURFACE)
    surface.set(XML_ID, surface_id(p))
    if page.id:
        surface.set("n", xml_text(page.id))
    right, bottom = _extent(page)
    surface.attrib.update({"ulx": "0", "uly": "0", "lrx": str(right), "lry": str(bottom)})
    if page.image:
        graphic = etree.SubElement(surface, GRAPHIC, url=_url(page.image))
        if page.width and page.height:
            graphic.attrib.update({"width": f"{page.width}px", "height": f"{page.height}px"})
    sub = etree.SubElement
    prefix = f"f{p + 1}."
    for i, line in enumerate(page.lines):
        box = line.box
        if box is None:
            continue
        attrib = {XML_ID: f"{prefix}{i + 1}"}
        if line.id:
            attrib["n"] = xml_text(line.id)
        attrib.update(ulx=str(box.x0), uly=str(box.y0), lrx=str(box.x1), lry=str(box.y1))
        sub(surface, ZONE, attrib)


def facsimile(book: Book, parent: etree._Element) -> etree._Element | None:
    """The book's `<facsimile>`, made as the last child of `parent`, the TEI root it
    belongs in (moved in from a tree of its own, its thousands of zones would be walked
    again by lxml: a tenth of a second for a long book), or None when its lines have no
    geometry."""
    if not has_geometry(book):
        return None
    root = etree.SubElement(parent, FACSIMILE)
    for p, page in enumerate(book.pages):
        _surface(root, page, p)
    return root


_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
"""What lxml writes for these characters in an attribute value."""


def _quoted(value: str) -> str:
    return xml_text(value).translate(_ATTRIBUTE)


def text(book: Book) -> str | None:
    """The book's `<facsimile>` as written into the TEI document at its place (inside the
    root, indented as `tei_indent` lays it out), made as text rather than as a tree: a
    zone a line, a long book's zones cost more to build as elements than all the rest of
    its facsimile. The same characters as `facsimile` serialized; None without geometry."""
    if not has_geometry(book):
        return None
    out = ["<facsimile>"]
    add = out.append
    for p, page in enumerate(book.pages):
        named = f' n="{_quoted(page.id)}"' if page.id else ""
        right, bottom = _extent(page)
        head = (f'\n    <surface xml:id="{surface_id(p)}"{named} ulx="0" uly="0" '
                f'lrx="{right}" lry="{bottom}"')
        inside = []
        if page.image:
            size = (f' width="{page.width}px" height="{page.height}px"'
                    if page.width and page.height else "")
            inside.append(f'\n      <graphic url="{_quoted(_url(page.image))}"{size}/>')
        prefix = f"f{p + 1}."
        for i, line in enumerate(page.lines):
            box = line.box
            if box is None:
                continue
            named = f' n="{_quoted(line.id)}"' if line.id else ""
            inside.append(f'\n      <zone xml:id="{prefix}{i + 1}"{named} ulx="{box.x0}" '
                          f'uly="{box.y0}" lrx="{box.x1}" lry="{box.y1}"/>')
        if inside:
            add(head + ">")
            out += inside
            add("\n    </surface>")
        else:
            add(head + "/>")
    add("\n  </facsimile>")
    return "".join(out)

