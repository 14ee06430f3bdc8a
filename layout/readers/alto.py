"""ALTO (Analyzed Layout and Text Object), versions 1 to 4: one page per `Page` element.

In: the bytes of an `alto` document and its name. Out: one `Page` per `Layout/Page`
(usually one a file), its lines the `TextLine`s of every `TextBlock` (inside
`ComposedBlock`s too) in file order, each line's lines top to bottom. A line's text is its
`String/@CONTENT`s joined by single spaces with a `HYP/@CONTENT` glued to the end (as the
evaluation contract reads it); its box is HPOS/VPOS/WIDTH/HEIGHT, its words the Strings
with theirs. `MeasurementUnit` mm10 and inch1200 are turned into pixels at 300 dpi; the
type size and styles come from the `TextStyle` a line (or its block, or most of its
strings) refers to by `STYLEREFS`, and `FONTSTYLE`. The page image is
`sourceImageInformation/fileName`. Namespaces are not checked: ALTO 1.x (ccs-gmbh), 2, 3
and 4 read alike.

Not handled: `SUBS_CONTENT` (the hyphenated word's full form: the passes decide breaks
themselves), `Shape` polygons (the upright box is used), `Illustration` and
`GraphicalElement` (no text).
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from layout.model import Box, Line, Page, Word, word_of
from layout.readers import boxes
from layout.readers.decoding import ReadError
from layout.readers.page_xml import local
from layout.readers.xml_safety import parse

UNITS = {"pixel": 1.0, "mm10": 300 / 254, "inch1200": 300 / 1200}
"""Pixels (at 300 dpi for physical units) per unit of each MeasurementUnit."""

STYLES = {"bold": "bold", "italics": "italic", "italic": "italic", "underline": "underlined",
          "smallcaps": "smallCaps", "superscript": "superscript", "subscript": "subscript"}
"""ALTO FONTSTYLE words and the style names the model uses."""


def _num(el: etree._Element, attr: str) -> float | None:
    values = boxes.numbers(el.get(attr))
    return values[0] if values else None


def _box(el: etree._Element, scale: float) -> Box | None:
    x, y, w, h = (_num(el, a) for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
    if x is None or y is None or w is None or h is None:
        return None
    return boxes.from_extent(x, y, w, h, scale)


def _styles(root: etree._Element) -> dict[str, tuple[float | None, frozenset[str]]]:
    """TextStyle id -> (type size, styles)."""
    out: dict[str, tuple[float | None, frozenset[str]]] = {}
    for el in root.iter():
        if local(el.tag) == "TextStyle" and el.get("ID"):
            size = _num(el, "FONTSIZE")
            flags = frozenset(
                STYLES[w] for w in (el.get("FONTSTYLE") or "").lower().split() if w in STYLES
            )
            out[el.get("ID") or ""] = (size if size and size > 0 else None, flags)
    return out


def _style_of(el: etree._Element, styles: dict[str, tuple[float | None, frozenset[str]]]
              ) -> tuple[float | None, frozenset[str]] | None:
    for ref in (el.get("STYLEREFS") or "").split():
        if ref in styles:
            return styles[ref]
    return None


def _line(el: etree._Element, block: etree._Element, n: int, scale: float,
          styles: dict[str, tuple[float | None, frozenset[str]]]) -> Line:
    text = ""
    words: list[Word] = []
    sizes: Counter[float] = Counter()
    for child in el:
        name = local(child.tag)
        if name == "String":
            content = child.get("CONTENT") or ""
            text += (" " if text and not text.endswith(" ") else "") + content
            style = _style_of(child, styles)
            size = style[0] if style else None
            if size is not None:
                sizes[size] += 1
            words.append(word_of(content, _box(child, scale), size))
        elif name == "HYP":
            text += child.get("CONTENT") or ""
    own = _style_of(el, styles) or _style_of(block, styles)
    size = own[0] if own else None
    if size is None and sizes:
        size = sizes.most_common(1)[0][0]
    flags = own[1] if own else frozenset()
    if el.get("STYLE"):
        flags |= {STYLES[w] for w in el.get("STYLE", "").lower().split() if w in STYLES}
    base = _num(el, "BASELINE")
    return Line(
        text,
        box=_box(el, scale),
        font_size=size,
        id=el.get("ID") or f"line_{n}",
        words=tuple(words),
        region=block.get("ID"),
        baseline=round(base * scale) if base is not None and " " not in el.get(
            "BASELINE", "") else None,
        styles=frozenset(flags),
    )


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of one ALTO file."""
    root = parse(data, name)
    if local(root.tag) != "alto":
        raise ReadError(f"{name}: not ALTO: the root element is <{local(root.tag)}>")
    scale = 1.0
    image: str | None = None
    for el in root.iter():
        tag = local(el.tag)
        if tag == "MeasurementUnit":
            unit = (el.text or "").strip()
            if unit not in UNITS:
                raise ReadError(f"{name}: ALTO MeasurementUnit {unit!r} is unknown "
                                "(pixel, mm10 or inch1200)")
            scale = UNITS[unit]
        elif tag == "fileName" and (el.text or "").strip():
            image = (el.text or "").strip()
    styles = _styles(root)
    pages: list[Page] = []
    for page in root.iter():
        if local(page.tag) != "Page":
            continue
        lines: list[Line] = []
        for block in page.iter():
            if local(block.tag) != "TextBlock":
                continue
            found = [
                _line(el, block, len(lines) + k, scale, styles)
                for k, el in enumerate(c for c in block if local(c.tag) == "TextLine")
            ]
            lines += boxes.top_down(found)
        width, height = _num(page, "WIDTH"), _num(page, "HEIGHT")
        pages.append(Page(
            lines=tuple(lines),
            width=round(width * scale) if width else None,
            height=round(height * scale) if height else None,
            image=image,
            id=page.get("ID") or None,
        ))
    if not pages:
        raise ReadError(f"{name}: ALTO without a <Page> element")
    return pages
