"""The DTA base format: valid against the DTABf's own schema (schemas/basisformat.rng),
in the DTA's conventions, and holding every printed character of the book."""

from __future__ import annotations

import pytest
from lxml import etree
from writer_fixtures import (
    CORPUS,
    ROOT,
    SAMPLES,
    TEI,
    documents_book,
    history_book,
    outline_book,
    pipeline,
    seed_book,
    squeeze,
)

import layout
from layout.model import FURNITURE, Book, Role
from layout.writers import dtabf
from layout.writers.tei_header import xml_text
from layout.writers.text import strip_marks


@pytest.fixture(scope="module")
def basisformat() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "basisformat.rng")))


def assert_dtabf_valid(schema: etree.RelaxNG, data: bytes) -> None:
    doc = etree.fromstring(data)
    assert schema.validate(doc), str(schema.error_log.last_error)


def running_text(data: bytes) -> str:
    """The DTABf text without notes and furniture, white space taken out."""
    doc = etree.fromstring(data)
    text = doc.find(f"{TEI}text")
    assert text is not None
    for el in list(text.iter(f"{TEI}note", f"{TEI}fw")):
        tail = el.tail
        parent = el.getparent()
        assert parent is not None
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + (tail or "")
        else:
            parent.text = (parent.text or "") + (tail or "")
        parent.remove(el)
    return squeeze("".join(text.itertext()))


def book_text(book: Book) -> str:
    """The book's running-text lines (marks cut), white space taken out."""
    out = []
    for page in book.pages:
        in_note = {i for fn in page.footnotes for i in fn.lines}
        cut = strip_marks(page)
        for i, line in enumerate(page.lines):
            if i in in_note or line.role in FURNITURE or line.role in (Role.FOOTNOTE,
                                                                        Role.MARGINAL):
                continue
            out.append(xml_text(cut.get(i, line.text)))
    return squeeze("".join(out))


def test_hand_built_books_are_valid_dtabf(basisformat: etree.RelaxNG) -> None:
    for book in (history_book(), seed_book(), outline_book(), documents_book()):
        data = dtabf.write(book)
        assert_dtabf_valid(basisformat, data)
        assert running_text(data) == book_text(book)


def test_lines_end_with_lb_hyphens_as_printed_pages_with_facs() -> None:
    data = dtabf.write(seed_book()).decode("utf-8")
    assert "tangle of con-<lb/>\nflicting ideas" in data  # no pc, no break="no"
    assert "<pc" not in data and 'break="no"' not in data
    assert '<pb n="286" facs="#f0001"/>' in data
    assert "<p>He returned to Moscow" in data  # no lb opens a block
    assert '<note place="foot" n="1" xml:id="n1.1">Texts of the Finland' in data  # label in @n


def test_divisions_carry_their_level_and_a_dtabf_type() -> None:
    doc = etree.fromstring(dtabf.write(outline_book()))
    divs = doc.findall(f".//{TEI}body//{TEI}div")
    assert [(d.get("n"), d.get("type")) for d in divs] == [
        ("1", "chapter"), ("2", None), ("3", None), ("1", "chapter")]
    doc = etree.fromstring(dtabf.write(documents_book()))
    assert doc.find(f".//{TEI}div[@type='letter']/{TEI}closer/{TEI}signed") is not None
    assert doc.find(f".//{TEI}front/{TEI}titlePage[@type='main']") is not None


def test_the_header_follows_the_dtabf_template() -> None:
    doc = etree.fromstring(dtabf.write(history_book()))
    header = doc.find(f"{TEI}teiHeader")
    assert header is not None
    assert header.find(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}title[@type='main']") is not None
    assert header.find(f"{TEI}fileDesc/{TEI}sourceDesc/{TEI}biblFull") is not None
    language = header.find(f"{TEI}profileDesc/{TEI}langUsage/{TEI}language")
    assert language is not None and language.get("ident") == "eng"


@pytest.mark.parametrize("name", ["page-286.txt", "laband1876-excerpt.txt"])
def test_samples_through_the_pipeline_are_valid_dtabf(name: str,
                                                      basisformat: etree.RelaxNG) -> None:
    book, _ = pipeline(SAMPLES / name)
    data = dtabf.write(book)
    assert_dtabf_valid(basisformat, data)
    assert running_text(data) == book_text(book)


CORPUS_BOOKS = sorted(str(p.relative_to(CORPUS.parent)) for p in [
    *CORPUS.glob("*/*.txt"), *(CORPUS.parent / "corpus-geo").glob("*/*/")])
"""Every book of the shared corpus: the text books and the geometry books (folders)."""


@pytest.mark.parametrize("name", CORPUS_BOOKS or ["corpus"])
def test_every_corpus_book_is_valid_dtabf(name: str, basisformat: etree.RelaxNG) -> None:
    path = CORPUS.parent / name
    if not CORPUS_BOOKS:
        pytest.skip(f"shared corpus not found: {CORPUS}")
    book = layout.convert(path).book
    data = dtabf.write(book)
    assert_dtabf_valid(basisformat, data)
    assert running_text(data) == book_text(book)


def test_the_schema_is_not_lax(basisformat: etree.RelaxNG) -> None:
    """What the DTABf forbids and our TEI has is refused: the check can fail."""
    data = dtabf.write(outline_book()).replace(b'<div n="2">', b'<div n="2" type="section">')
    assert not basisformat.validate(etree.fromstring(data))
