"""A text book and the same book as hOCR with boxes from a simple layout (one face, one
column, one block: tests/hocr_of_text.py) get the same decisions: geometry that tells
nothing new changes nothing. The hOCR folds runs of spaces into one (its words carry
their places instead), so running titles are compared with their white space folded."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES, shared
from hocr_of_text import hocr, text_pages

from layout.model import Book
from layout.passes import analyse
from layout.readers import read_file


def decisions(book: Book) -> list[object]:
    out: list[object] = []
    for page in book.pages:
        title = " ".join(page.running_title.split()) if page.running_title else None
        out.append((page.number, title, page.number_line))
        out.append([(line.role, line.hyphen, line.paragraph_start) for line in page.lines])
        out.append([(n.marker, n.lines, n.continued) for n in page.footnotes])
    return out


def both(path: Path) -> tuple[Book, Book]:
    raw = path.read_bytes()
    text = analyse(read_file(raw, str(path)))
    geo = analyse(read_file(hocr(text_pages(raw.decode("utf-8-sig"))), "book.hocr"))
    return text, geo


def test_the_seed_page_as_hocr_decides_as_its_text() -> None:
    text, geo = both(SAMPLES / "page-286.txt")
    assert all(line.box is not None for line in geo.pages[0].lines)
    assert decisions(geo) == decisions(text)
    assert geo.pages[0].number == "286" and len(geo.pages[0].footnotes) == 2


def test_a_dta_book_as_hocr_decides_as_its_text() -> None:
    text, geo = both(shared("corpus", "dta", "laband1876.txt"))
    assert len(geo.pages) == 120
    assert decisions(geo) == decisions(text)
