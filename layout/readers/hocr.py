"""hOCR (OCR results in HTML): Tesseract, kraken, ocropy, ABBYY conversions, Google's.

In: the bytes of an HTML file and its name. Out: one `Page` per `ocr_page` element (one
file may hold a whole book), the whole body as one page when there is none. Lines are the
elements of class `ocr_line` (and `ocrx_line`, `ocr_header`, `ocr_textfloat`,
`ocr_caption`, which Tesseract writes for lines of those kinds) not inside another line;
a line's text is its `ocrx_word`s (white space folded) joined by single spaces, or its
text content when it has no words, as the evaluation contract reads it. From `@title`
come the boxes (`bbox`), the page image (`image "..."` or `file ...`), the type size of a
word (`x_fsize`, points) and each line's block: the id of its `ocr_par` (else
`ocr_carea`). Lines without an id get `line_N`. A block's lines are put top to bottom when
the file lists them otherwise (ocropy writes them bottom up).

Not handled: `x_size` (a pixel height, not a type size: the box says as much),
`baseline` slopes, per-character boxes (`x_bboxes`, `cuts`), `ocr_separator`s.
"""

from __future__ import annotations

import re
import statistics

from lxml import etree

from layout.model import Box, Line, Page, Word
from layout.readers import boxes
from layout.readers.decoding import ReadError
from layout.readers.xml_safety import parse_html

LINE_CLASSES = frozenset({"ocr_line", "ocrx_line", "ocr_header", "ocr_textfloat",
                          "ocr_caption"})
BLOCK_CLASSES = ("ocr_par", "ocr_carea")
"""Classes of the elements whose id names a line's block, nearest first."""

_BBOX = re.compile(r"\bbbox\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)")
_IMAGE = re.compile(r"""\b(?:image|file)\s+(?:"([^"]*)"|'([^']*)'|([^\s;,]+))""")
_FSIZE = re.compile(r"\bx_fsize\s+([\d.]+)")


def _classes(el: etree._Element) -> set[str]:
    value = el.get("class") if isinstance(el.tag, str) else None
    return set((value or "").split())


def _bbox(el: etree._Element) -> Box | None:
    m = _BBOX.search(el.get("title") or "")
    if m is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    return boxes.around((x0, x1), (y0, y1))


def _folded(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _block(el: etree._Element) -> str | None:
    for name in BLOCK_CLASSES:
        for anc in el.iterancestors():
            if name in _classes(anc):
                return anc.get("id") or None
    return None


def _line(el: etree._Element, n: int) -> Line:
    words: list[Word] = []
    for w in el.iterdescendants():
        if "ocrx_word" in _classes(w):
            m = _FSIZE.search(w.get("title") or "")
            words.append(Word(_folded(w), _bbox(w), float(m.group(1)) if m else None))
    text = " ".join(w.text for w in words if w.text) if words else _folded(el)
    sizes = [w.font_size for w in words if w.font_size]
    return Line(
        text,
        box=_bbox(el),
        font_size=statistics.median(sizes) if sizes else None,
        id=el.get("id") or f"line_{n}",
        words=tuple(words),
        region=_block(el),
    )


def _is_line(el: etree._Element) -> bool:
    if not _classes(el) & LINE_CLASSES:
        return False
    return not any(_classes(a) & LINE_CLASSES for a in el.iterancestors())


def _page(container: etree._Element, n_before: int) -> Page:
    lines: list[Line] = []
    block: list[Line] = []
    last: str | None = None
    for el in container.iter():
        if not _is_line(el):
            continue
        line = _line(el, n_before + len(lines) + len(block))
        if line.region != last and block:
            lines += boxes.top_down(block)
            block = []
        last = line.region
        block.append(line)
    lines += boxes.top_down(block)
    box = _bbox(container)
    image = _IMAGE.search(container.get("title") or "")
    return Page(
        lines=tuple(lines),
        width=box.x1 if box is not None and box.x1 > 0 else None,
        height=box.y1 if box is not None and box.y1 > 0 else None,
        image=next((g for g in image.groups() if g), None) if image else None,
        id=container.get("id") or None,
    )


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of one hOCR file."""
    root = parse_html(data, name)
    containers = [el for el in root.iter() if "ocr_page" in _classes(el)]
    if not containers:
        if not any(_is_line(el) for el in root.iter()):
            raise ReadError(f"{name}: not hOCR: no element of class ocr_page or ocr_line")
        body = next((el for el in root.iter() if el.tag == "body"), root)
        containers = [body]
    pages: list[Page] = []
    for container in containers:
        pages.append(_page(container, 0))
    return pages
