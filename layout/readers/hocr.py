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
the file lists them otherwise (ocropy writes them bottom up); lines in no block that stand
in columns are read column by column.

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


def _bbox(title: str | None) -> Box | None:
    if not title:
        return None
    if title.startswith("bbox "):  # the common case, read without a regular expression
        parts = title[5:].split(";", 1)[0].split(",", 1)[0].split()
        if len(parts) == 4:
            try:
                x0, y0, x1, y1 = map(int, parts)
            except ValueError:
                pass
            else:
                return Box(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None
    m = _BBOX.search(title)
    if m is None:
        return None
    x0, y0, x1, y1 = (round(float(v)) for v in m.groups())
    return Box(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None


def _word(el: etree._Element) -> Word:
    title = el.get("title") or ""
    text = (el.text or "") if len(el) == 0 else "".join(el.itertext())
    if " " in text or not text.isprintable():  # white space to fold
        text = " ".join(text.split())
    box = None
    if title.startswith("bbox "):  # the common case: four whole numbers first
        parts = title[5:].split(";", 1)[0].split()
        if len(parts) == 4 and parts[0].isdigit() and parts[3].isdigit():
            try:
                x0, y0, x1, y1 = int(parts[0]), int(parts[1]), int(parts[2]), int(parts[3])
                if x1 >= x0 and y1 >= y0:
                    box = Box(x0, y0, x1, y1)
            except ValueError:
                box = _bbox(title)
        else:
            box = _bbox(title)
    else:
        box = _bbox(title)
    size = _FSIZE.search(title) if "x_fsize" in title else None
    return Word(text, box, float(size.group(1)) if size else None)


def _folded(el: etree._Element) -> str:
    if len(el) == 0:
        return " ".join((el.text or "").split())
    return " ".join("".join(el.itertext()).split())


class _Book:
    """The pages being read: the current page's lines, its current block's run."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.lines: list[Line] = []
        self.run: list[Line] = []

    def add(self, el: etree._Element, words: list[Word], region: str | None) -> None:
        text = " ".join(w.text for w in words if w.text) if words else _folded(el)
        sizes = [w.font_size for w in words if w.font_size]
        line = Line(
            text,
            box=_bbox(el.get("title")),
            font_size=statistics.median(sizes) if sizes else None,
            id=el.get("id") or f"line_{len(self.lines) + len(self.run)}",
            words=tuple(words),
            region=region,
        )
        if self.run and self.run[-1].region != region:
            self.flush()
        self.run.append(line)

    def flush(self) -> None:
        """The run of lines of one block, in reading order (column by column when the
        source sets its lines in no block)."""
        self.lines += boxes.top_down(self.run, columns=self.run[0].region is None)
        self.run = []

    def close(self, el: etree._Element | None) -> None:
        if self.run:
            self.flush()
        title = el.get("title") if el is not None else None
        box = _bbox(title)
        image = _IMAGE.search(title or "")
        self.pages.append(Page(
            lines=tuple(self.lines),
            width=box.x1 if box is not None and box.x1 > 0 else None,
            height=box.y1 if box is not None and box.y1 > 0 else None,
            image=next((g for g in image.groups() if g), None) if image else None,
            id=el.get("id") if el is not None else None,
        ))
        self.lines, self.run = [], []


def _inside_line(el: etree._Element) -> bool:
    return any(LINE_CLASSES.intersection((a.get("class") or "").split())
               for a in el.iterancestors())


def _read(root: etree._Element) -> tuple[list[Page], bool]:
    """One walk over the elements in document order (a line's words follow it, a
    block's lines follow it, a page's blocks follow it), each seen once; the pages, and
    whether the document has any hOCR page or line."""
    book = _Book()
    page: etree._Element | None = None
    started = False
    line: etree._Element | None = None
    words: list[Word] = []
    region: str | None = None
    line_region: str | None = None
    for el in root.iter():
        value = el.get("class")
        if not value:
            continue
        if value == "ocrx_word" or "ocrx_word" in value.split():
            if line is not None:
                words.append(_word(el))
            continue
        classes = value.split()
        if LINE_CLASSES.intersection(classes):
            if line is not None and _inside_line(el):
                continue  # a line inside a line: its words are the outer line's
            if line is not None:
                book.add(line, words, line_region)
            line, words, line_region = el, [], region
        elif "ocr_page" in classes:
            if line is not None:
                book.add(line, words, line_region)
                line = None
            if started:
                book.close(page)
            page, started, region = el, True, None
        elif "ocr_par" in classes or "ocr_carea" in classes:
            if line is not None:
                book.add(line, words, line_region)
                line = None
            region = el.get("id") or region
    if line is not None:
        book.add(line, words, line_region)
    seen = started or bool(book.lines or book.run)
    if seen:
        book.close(page)
    return book.pages, seen


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of one hOCR file."""
    pages, seen = _read(parse_html(data, name))
    if not seen:
        raise ReadError(f"{name}: not hOCR: no element of class ocr_page or ocr_line")
    return pages
