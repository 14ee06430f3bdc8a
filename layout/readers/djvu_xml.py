"""The Internet Archive's `_djvu.xml`: the words of every page of a scanned book, boxed.

In: the bytes of a `DjVuXML` document and its name. Out: one `Page` per `OBJECT` (page
size from its `width` and `height`, its id from `usemap` or the `PAGE` parameter), one
line per `LINE` (nested `PAGECOLUMN > REGION > PARAGRAPH > LINE > WORD`), its text the
`WORD`s joined by single spaces, its box around the words' `coords` (left, bottom,
right, top, and an optional baseline), its block the paragraph it stands in. The file
names no line ids: lines get `line_N`, counted on their page. The DOCTYPE the Archive
writes names an external DTD: it is neither fetched nor read (`xml_safety`).

Not handled: `x-confidence` (word confidences), `MAP`/`AREA` hyperlinks, `PARAM`s other
than the page name.
"""

from __future__ import annotations

from lxml import etree

from layout.model import Line, Page, Word, word_of
from layout.readers import boxes
from layout.readers.decoding import ReadError
from layout.readers.page_xml import local
from layout.readers.xml_safety import parse


def _word(el: etree._Element) -> Word:
    values = boxes.numbers(el.get("coords"))
    box = None
    if len(values) >= 4:
        left, bottom, right, top = values[:4]
        box = boxes.around((left, right), (top, bottom))
    return word_of(" ".join("".join(el.itertext()).split()), box)


def _line(el: etree._Element, n: int, block: str) -> Line:
    words = tuple(_word(w) for w in el.iter() if local(w.tag) == "WORD")
    found = [w.box for w in words if w.box is not None]
    box = None
    if found:
        box = boxes.around([b.x0 for b in found] + [b.x1 for b in found],
                           [b.y0 for b in found] + [b.y1 for b in found])
    baselines = [v[4] for w in el.iter() if local(w.tag) == "WORD"
                 for v in [boxes.numbers(w.get("coords"))] if len(v) >= 5]
    return Line(
        " ".join(w.text for w in words if w.text),
        box=box,
        id=f"line_{n}",
        words=words,
        region=block,
        baseline=round(sum(baselines) / len(baselines)) if baselines else None,
    )


def _page(obj: etree._Element) -> Page:
    lines: list[Line] = []
    paragraphs = [p for p in obj.iter() if local(p.tag) == "PARAGRAPH"]
    for k, para in enumerate(paragraphs or [obj]):
        found = [
            _line(el, len(lines) + j + 1, f"par_{k + 1}")
            for j, el in enumerate(e for e in para.iter() if local(e.tag) == "LINE")
        ]
        lines += boxes.top_down(found)
    name = obj.get("usemap") or next(
        (p.get("value") for p in obj if local(p.tag) == "PARAM"
         and (p.get("name") or "").upper() == "PAGE"),
        None,
    )
    width, height = boxes.numbers(obj.get("width")), boxes.numbers(obj.get("height"))
    return Page(
        lines=tuple(lines),
        width=round(width[0]) if width else None,
        height=round(height[0]) if height else None,
        id=name or None,
    )


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of one djvu XML file."""
    root = parse(data, name, external_doctype=True)
    if local(root.tag) != "DjVuXML":
        raise ReadError(f"{name}: not djvu XML: the root element is <{local(root.tag)}>")
    objects = [el for el in root.iter() if local(el.tag) == "OBJECT"]
    if not objects:
        raise ReadError(f"{name}: djvu XML without an <OBJECT> (page) element")
    return [_page(obj) for obj in objects]
