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
in columns are read column by column. The file is read as the parser meets its elements,
without a tree (a book's tree of words cost more to build and free than reading them);
a line's words are kept packed (`hocr_titles.words`), made into `Word`s when read.

Not handled: `x_size` (a pixel height, not a type size: the box says as much),
`baseline` slopes, per-character boxes (`x_bboxes`, `cuts`), `ocr_separator`s.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence

from layout.model import Line, Page, Word
from layout.readers import boxes
from layout.readers.decoding import ReadError
from layout.readers.hocr_titles import bbox
from layout.readers.hocr_titles import words as packed
from layout.readers.xml_safety import walk_html

LINE_CLASSES = frozenset({"ocr_line", "ocrx_line", "ocr_header", "ocr_textfloat",
                          "ocr_caption"})
BLOCK_CLASSES = ("ocr_par", "ocr_carea")
"""Classes of the elements whose id names a line's block, nearest first."""

_IMAGE = re.compile(r"""\b(?:image|file)\s+(?:"([^"]*)"|'([^']*)'|([^\s;,]+))""")


_Read = tuple[list[str], str | None, float | None, str, Sequence[Word], str | None]
"""A line as read, not yet made: the texts of its words (else of its text content), its
title, type size, id, words and block."""


class _Book:
    """The pages being read: the current page's lines, its current block's run. A
    block's lines are made together once it has ended (`flush`): made one by one amid
    the parser's and their words' objects, a book's lines lay strewn over the memory,
    and every pass after reading ran slower over them (about 0.05 s in the benchmark's
    book, 5 % of its passes)."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.lines: list[Line] = []
        self.run: list[_Read] = []

    def add(self, line: _OpenLine, texts: list[str], titles: list[str],
            region: str | None) -> None:
        """A line, once it and its words (their texts and titles) have ended."""
        words: Sequence[Word] = ()
        sizes: list[float] = []
        if texts:
            words = packed(texts, titles)
            sizes = words.sizes
        else:
            texts = line.text.split()
        if self.run and self.run[-1][5] != region:
            self.flush()
        self.run.append((
            texts, line.title, statistics.median(sizes) if sizes else None,
            line.id or f"line_{len(self.lines) + len(self.run)}", words, region,
        ))

    def flush(self) -> None:
        """The run of lines of one block, made, in reading order (column by column when
        the source sets its lines in no block)."""
        run = [Line(" ".join(filter(None, texts)), box=bbox(title), font_size=size, id=name,
                    words=words, region=region)
               for texts, title, size, name, words, region in self.run]
        self.lines += boxes.top_down(run, columns=run[0].region is None)
        self.run = []

    def close(self, page: dict[str, str] | None) -> None:
        if self.run:
            self.flush()
        title = page.get("title") if page is not None else None
        box = bbox(title)
        image = _IMAGE.search(title or "")
        self.pages.append(Page(
            lines=tuple(self.lines),
            width=box.x1 if box is not None and box.x1 > 0 else None,
            height=box.y1 if box is not None and box.y1 > 0 else None,
            image=next((g for g in image.groups() if g), None) if image else None,
            id=page.get("id") if page is not None else None,
        ))
        self.lines, self.run = [], []


class _OpenLine:
    """A line element as read so far: its attributes, and its text once it ends."""

    __slots__ = ("title", "id", "start", "text")

    def __init__(self, attrib: dict[str, str], start: int) -> None:
        self.title = attrib.get("title")
        self.id = attrib.get("id")
        self.start = start
        self.text = ""


_LINE_CLASS = object()
"""Marks an open element of a line class that is not the line being read."""


class _Reader:
    """The parser's listener (see `walk_html`): the elements come in document order (a
    line's words follow it, a block's lines follow it, a page's blocks follow it). A
    word belongs to the line last begun, a line to the block last begun; a line inside
    another line is no line of its own (its words are the outer line's). A line is
    added to its page when the next line, block or page begins, with all its words;
    should that happen while one of them is still open (markup nested against the
    rule), what the book is told waits until it has ended."""

    def __init__(self) -> None:
        self.book = _Book()
        self.texts: list[str] = []  # the pieces of text since the open words and line began
        self.data: Callable[[str], None] = self.texts.append
        self.open: list[object] = []  # per open element: what it is to the reader
        self.in_lines = 0  # open elements of a line class
        self.reading = 0  # open elements whose text is wanted (the line's, its words)
        self.waiting: list[Callable[[], None]] = []  # the book's steps held back
        self.page: dict[str, str] | None = None
        self.started = False  # a page was begun
        self.line: _OpenLine | None = None
        self.words: list[str] = []  # the current line's words' texts (folded), as they end
        self.titles: list[str] = []  # ... and their titles, as they begin
        self.region: str | None = None
        self.line_region: str | None = None
        self.seen = False  # a page or a line was met
        self.elements = False  # an element was met

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        value = attrib.get("class")
        if value == "ocrx_word" and self.line is not None:  # most elements: one word
            if not self.reading:
                self.texts.clear()
            self.reading += 1
            words = self.words  # an open word: its place in its line's words, where its
            # text starts, the words, whether it has a line's class too
            self.open.append((len(words), len(self.texts), words, False))
            words.append("")  # its text when it ends
            self.titles.append(attrib.get("title") or "")
            return
        self.elements = True
        if not value:
            self.open.append(None)
            return
        if value == "ocrx_word" or "ocrx_word" in value.split():
            line_class = value != "ocrx_word" and not LINE_CLASSES.isdisjoint(value.split())
            self.in_lines += line_class
            if self.line is None:
                self.open.append(_LINE_CLASS if line_class else None)
                return
            if not self.reading:
                self.texts.clear()
            self.reading += 1
            self.open.append((len(self.words), len(self.texts), self.words, line_class))
            self.words.append("")
            self.titles.append(attrib.get("title") or "")
            return
        classes = value.split()
        if not LINE_CLASSES.isdisjoint(classes):
            if self.line is not None and self.in_lines:
                self.in_lines += 1  # a line inside a line: its words are the outer line's
                self.open.append(_LINE_CLASS)
                return
            if self.line is not None:
                self.add()
            if not self.reading:
                self.texts.clear()
            self.line = _OpenLine(attrib, len(self.texts))
            self.words, self.titles, self.line_region = [], [], self.region
            self.in_lines += 1
            self.reading += 1
            self.open.append(self.line)
            return
        self.open.append(None)
        if "ocr_page" in classes:
            if self.line is not None:
                self.add()
                self.line = None
            if self.started:
                self.step(self.book.close, self.page)
            self.page, self.started, self.region = attrib, True, None
        elif "ocr_par" in classes or "ocr_carea" in classes:
            if self.line is not None:
                self.add()
                self.line = None
            self.region = attrib.get("id") or self.region

    def end(self, tag: str | None) -> None:
        done = self.open.pop()
        texts = self.texts
        if done.__class__ is tuple:  # most elements: a word
            slot, start, words, line_class = done
            text = texts[start] if len(texts) == start + 1 else "".join(texts[start:])
            if " " in text or not text.isprintable():  # white space to fold
                text = " ".join(text.split())
            words[slot] = text
            self.in_lines -= line_class
        elif done is None:
            return
        elif done is _LINE_CLASS:
            self.in_lines -= 1
            return
        elif isinstance(done, _OpenLine):
            if not self.words:  # its text content is its text only when it has no words
                done.text = "".join(texts[done.start:])
            self.in_lines -= 1
        self.reading -= 1
        if not self.reading and self.waiting:
            for step in self.waiting:
                step()
            self.waiting = []

    def add(self) -> None:
        """The current line, with its words, to the book."""
        assert self.line is not None
        self.step(self.book.add, self.line, self.words, self.titles, self.line_region)

    def step(self, do: Callable[..., None], *args: object) -> None:
        """Tell the book now, or once the words and line still open have ended."""
        if self.reading or self.waiting:
            self.waiting.append(lambda: do(*args))
        else:
            do(*args)

    def take(self) -> list[Page]:
        """The pages read, the reader letting go of them and of the last line's words:
        lxml holds its parser's target in a cycle of its own, and what the reader kept
        would wait for the cycle collector (refcounts alone free the book)."""
        pages = self.book.pages
        self.book, self.words, self.titles, self.line = _Book(), [], [], None
        return pages

    def close(self) -> bool:
        """The book's last page; whether the document had any element."""
        while self.open:
            self.end(None)
        if self.line is not None:
            self.add()
        self.seen = self.started or bool(self.book.lines or self.book.run)
        if self.seen:
            self.book.close(self.page)
        return self.elements


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of one hOCR file."""
    reader = _Reader()
    walk_html(data, name, reader)
    if not reader.seen:
        raise ReadError(f"{name}: not hOCR: no element of class ocr_page or ocr_line")
    return reader.take()
