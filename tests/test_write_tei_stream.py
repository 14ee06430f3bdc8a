"""The TEI written page by page (`tei.write`, `tei_stream`) is byte for byte the document
laid out and written whole from the writer's tree (`tei.build`), and the tree it holds
stays small however long the book."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace

import pytest
from lxml import etree
from writer_fixtures import (
    CHAPTER_I,
    SAMPLES,
    TEI,
    B,
    documents_book,
    history_book,
    outline_book,
    page,
    pipeline,
    seed_book,
)

from layout.model import Book, Box, Line, Metadata, Page, Role
from layout.writers import tei, tei_stream
from layout.writers.tei_header import E
from layout.writers.tei_indent import indent


def whole(book: Book) -> bytes:
    """The document as written from the whole tree (the reference)."""
    root = tei.build(book)
    indent(root)
    return tei.prologue() + etree.tostring(root, encoding="UTF-8") + b"\n"


def heading_after_a_bare_page() -> Book:
    """A page holding only its head line (a div is opened for its page break), then a
    chapter heading: the div takes the chapter's type and number after a flush."""
    bare = page([("12", Role.PAGE_NUMBER)], number="12")
    chapter = page([("CHAPTER I", Role.HEADING, {"paragraph_start": True,
                                                 "heading": CHAPTER_I}),
                    ("Text of the chapter.", B, {"paragraph_start": True}),
                    ("Bad \x0b character.", B)], number="13")
    return Book(pages=(bare, chapter), metadata=Metadata(source="bare.txt"))


def geometry_book() -> Book:
    """Pages with geometry (the facsimile is written as text, the tree's as elements):
    ids and an image name XML must escape, a line without a box, a page without any,
    a page whose size the lines give."""
    lines = (Line("Erste Zeile", box=Box(10, 20, 300, 40), id='l1 & <"b">\n\t\x0b\u00e4'),
             Line("ohne Box"), Line("zweite", box=Box(10, 50, 200, 70)))
    return Book(pages=(
        Page(lines=lines, id='p&1 "\u00e4"\r', image="scans/a b&c\\d\u00e4.png",
             width=400, height=600),
        Page(lines=(Line("keine"),), image="b.png", width=300),
        Page(lines=(Line("nichts"),)),
        Page(lines=lines[2:], id="p3"),
    ), metadata=Metadata(source="geo.hocr"))


BOOKS = [seed_book, outline_book, documents_book, history_book, heading_after_a_bare_page,
         geometry_book]


@pytest.mark.parametrize("flush_pages", [1, 2, tei.FLUSH_PAGES])
@pytest.mark.parametrize("make", BOOKS, ids=[b.__name__ for b in BOOKS])
def test_streamed_document_is_the_whole_tree_written(
    make: object, flush_pages: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tei, "FLUSH_PAGES", flush_pages)
    book = make()  # type: ignore[operator]
    assert tei.write(book) == whole(book)


def test_the_held_back_div_gets_its_heading() -> None:
    data = tei.write(heading_after_a_bare_page())
    assert b'<div type="chapter" n="I">' in data
    assert "1 character that XML cannot hold" in data.decode("utf-8")


def test_an_analysed_book_streams_as_written_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tei, "FLUSH_PAGES", 1)
    book, data = pipeline(SAMPLES / "laband1876-excerpt.txt")
    assert len(book.pages) > 2
    assert data == whole(book)
    many = replace(book, pages=book.pages * 3)  # divisions and notes over many flushes
    assert tei.write(many) == whole(many)


def grow(flush: Callable[[etree._Element], None]) -> etree._Element:
    """A <text> with one long paragraph, then another, grown a page of lines at a time;
    `flush` hears the element after each page."""
    text = E.text()
    div = etree.SubElement(etree.SubElement(text, f"{TEI}body"), f"{TEI}div")
    for k in range(200):
        p = etree.SubElement(div, f"{TEI}p") if k in (0, 100) else div[-1]
        for _ in range(30):
            etree.SubElement(p, f"{TEI}lb").tail = f"line {k}"
        flush(text)
    return text


def test_the_stream_holds_only_the_open_elements() -> None:
    sink = io.BytesIO()
    held: list[int] = []
    stream: list[tei_stream.Stream] = []

    def flush(text: etree._Element) -> None:
        if not stream:
            stream.append(tei_stream.Stream(text, sink, depth=1))
        stream[0].flush()
        held.append(sum(1 for _ in text.iter()))

    grow(flush)
    stream[0].finish()
    assert max(held) <= 5  # text, body, div, p and its last line: never the lines before
    reference = grow(lambda text: None)
    indent(reference, depth=1)
    written = etree.tostring(reference, encoding="UTF-8")  # as a root, it declares TEI's
    assert sink.getvalue() == written.replace(tei_stream.NS_DECLARATION, b"", 1)
    assert sink.getvalue().count(b"<lb/>") == 200 * 30
