"""PAGE-XML (PRImA's page content format, 2013 and 2019 schemas): one page per file.

In: the bytes of a `PcGts` document and its name. Out: one `Page` whose lines are the
file's `TextLine`s, each with its id, its text (the first `TextEquiv/Unicode`, as the
evaluation contract reads it; the words' texts joined when the line has none), its box
(`Coords`), baseline, type size and styles (`TextStyle`), its words and the id of its
`TextRegion`; the page has the image's name and size. Lines come region by region in
the `ReadingOrder` (regions it does not name follow in file order), each region's lines
top to bottom. Namespaces are not checked, so every PAGE version reads alike.

Not read, on purpose: a region's `@type` (`page-number`, `footnote`, ...) and the
structure part of `@custom`: the passes decide what a line is from its text and its
place, so that any OCR output is read the same. Not handled: `TableRegion` cells as
tables (their text regions are read as text), glyph-level text, `TextEquiv` variants
(only the first is read).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from layout.model import Box, Line, Page, Word, word_of
from layout.readers import boxes
from layout.readers.decoding import ReadError
from layout.readers.xml_safety import parse

STYLE_FLAGS = ("bold", "italic", "underlined", "subscript", "superscript", "smallCaps",
               "letterSpaced", "strikethrough")
"""`TextStyle` attributes that name a type style (`bold="true"`)."""


def local(tag: object) -> str:
    """An element's name without its namespace ("" for comments and PIs)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> Iterator[etree._Element]:
    return (c for c in el if local(c.tag) == name)


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next(_children(el, name), None)


def _unicode(el: etree._Element) -> str | None:
    """The text of an element's first TextEquiv, None when it has none."""
    equiv = _child(el, "TextEquiv")
    if equiv is None:
        return None
    uni = _child(equiv, "Unicode")
    return (uni.text or "") if uni is not None else ""


def _style(el: etree._Element) -> tuple[float | None, frozenset[str]]:
    """Type size (points) and styles of an element's TextStyle."""
    return _style_of(_child(el, "TextStyle"))


NO_STYLE: tuple[float | None, frozenset[str]] = (None, frozenset())


def _style_of(style: etree._Element | None) -> tuple[float | None, frozenset[str]]:
    if style is None:
        return NO_STYLE
    size = boxes.numbers(style.get("fontSize"))
    flags = frozenset(f for f in STYLE_FLAGS if style.get(f) in ("true", "1"))
    return (size[0] if size and size[0] > 0 else None), flags


def _coords(el: etree._Element) -> Box | None:
    coords = _child(el, "Coords")
    return boxes.from_points(coords.get("points")) if coords is not None else None


def _parts(el: etree._Element) -> dict[str, etree._Element]:
    """An element's first child of each name (its Coords, TextEquiv, TextStyle, ...):
    one look at each child, its name read once."""
    found: dict[str, etree._Element] = {}
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            found.setdefault(tag[tag.rfind("}") + 1:], child)
    return found


def _text_of(equiv: etree._Element | None) -> str | None:
    if equiv is None:
        return None
    uni = _child(equiv, "Unicode")
    return (uni.text or "") if uni is not None else ""


def _word(el: etree._Element) -> Word:
    parts = _parts(el)
    coords = parts.get("Coords")
    return word_of(
        _text_of(parts.get("TextEquiv")) or "",
        boxes.from_points(coords.get("points")) if coords is not None else None,
        _style_of(parts.get("TextStyle"))[0],
    )


def _line(el: etree._Element, region: str | None, n: int,
          region_style: tuple[float | None, frozenset[str]]) -> Line:
    words = tuple(_word(w) for w in el if isinstance(w.tag, str) and w.tag.endswith("Word"))
    parts = _parts(el)
    text = _text_of(parts.get("TextEquiv"))
    if text is None:
        text = " ".join(w.text for w in words if w.text)
    size, styles = _style_of(parts.get("TextStyle"))
    base, coords = parts.get("Baseline"), parts.get("Coords")
    return Line(
        text,
        box=boxes.from_points(coords.get("points")) if coords is not None else None,
        font_size=size if size is not None else region_style[0],
        id=el.get("id") or f"line_{n}",
        words=words,
        region=region,
        baseline=boxes.baseline_y(base.get("points")) if base is not None else None,
        styles=styles or region_style[1],
    )


def _reading_order(page: etree._Element) -> list[str]:
    """The region ids the ReadingOrder names, in order (groups flattened depth first;
    an ordered group's members by their @index)."""
    order = _child(page, "ReadingOrder")
    out: list[str] = []

    def walk(group: etree._Element) -> None:
        if group.get("regionRef"):
            out.append(group.get("regionRef") or "")
        members = [c for c in group if local(c.tag).startswith(("RegionRef", "OrderedGroup",
                                                                "UnorderedGroup"))]
        if local(group.tag).startswith("OrderedGroup"):
            members.sort(key=lambda c: boxes.numbers(c.get("index"))[:1] or [0.0])
        for member in members:
            name = local(member.tag)
            if name.startswith("RegionRef"):
                out.append(member.get("regionRef") or "")
            else:
                walk(member)

    if order is not None:
        for group in order:
            if isinstance(group.tag, str):
                walk(group)
    return out


def read_page(data: bytes, name: str) -> Page:
    """The page of one PAGE-XML file."""
    root = parse(data, name)
    if local(root.tag) != "PcGts":
        raise ReadError(f"{name}: not PAGE-XML: the root element is <{local(root.tag)}>")
    page = _child(root, "Page")
    if page is None:
        raise ReadError(f"{name}: PAGE-XML without a <Page> element")
    regions = [el for el in page.iter() if local(el.tag) == "TextRegion"]
    by_id = {el.get("id"): el for el in regions}
    ordered: list[etree._Element] = []
    seen: set[int] = set()
    for ref in _reading_order(page):
        el = by_id.get(ref)
        if el is not None and id(el) not in seen:
            seen.add(id(el))
            ordered.append(el)
    ordered += [el for el in regions if id(el) not in seen]
    lines: list[Line] = []
    for region in ordered:
        style = _style(region)
        found = [
            _line(el, region.get("id"), len(lines) + k, style)
            for k, el in enumerate(_children(region, "TextLine"))
        ]
        lines += boxes.top_down(found)
    size = [boxes.numbers(page.get(a)) for a in ("imageWidth", "imageHeight")]
    return Page(
        lines=tuple(lines),
        width=round(size[0][0]) if size[0] else None,
        height=round(size[1][0]) if size[1] else None,
        image=page.get("imageFilename") or None,
        id=root.get("pcGtsId") or None,
    )
