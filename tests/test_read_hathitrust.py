"""The HathiTrust full-text download reader: page lines, labels, header metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, shared

from layout.readers import ReadError, read_file
from layout.readers.hathitrust import detect, read

SAMPLE = SAMPLES / "laband1876-hathitrust.txt"

HEADLESS = (
    "## p. (#1) ##################\n\n\f\n\n"
    "## p. iv (#2) ################\n\nPREFACE\n\nText of the preface.\n\f\n\n"
    "## p. 1 (#3) #################\n\nCHAPTER I\n"
)


def raw() -> Path:
    """The raw download (skips without the shared corpus)."""
    return shared("corpus-raw", "tpus22-hathitrust-download.txt")


def pages_file() -> Path:
    """The corpus book the download was split into (skips without the shared corpus)."""
    return shared("corpus", "en", "tpus22.txt")


def lines_of(book: object) -> list[list[str]]:
    return [[line.text for line in page.lines] for page in book.pages]  # type: ignore[attr-defined]


def test_raw_download_gives_the_pages_of_the_corpus_book() -> None:
    book = read_file(raw().read_bytes(), str(raw()))
    plain = read_file(pages_file().read_bytes(), str(pages_file()))
    assert len(book.pages) == len(plain.pages) == 60
    assert lines_of(book) == lines_of(plain)


def test_raw_download_labels_are_the_printed_page_numbers() -> None:
    book = read_file(raw().read_bytes(), "tpus22")
    assert [p.label for p in book.pages] == [str(n) for n in range(25, 85)]


def test_raw_download_header_becomes_metadata() -> None:
    meta = read_file(raw().read_bytes(), "tpus22").metadata
    assert meta.title == "The Territorial papers of the United States."
    assert meta.publisher == "Washington, D.C. : U.S. G.P.O., 1934-"
    assert meta.handle == "https://hdl.handle.net/2027/umn.31951d02363848f"
    assert meta.rights is not None and meta.rights.startswith("Public Domain, Google-digitized")
    extra = dict(meta.extra)
    assert extra["originalFrom"] == "University of Minnesota"
    assert extra["digitizedBy"] == "Google"
    assert all(" " not in key for key in extra)  # keys serve as TEI @type values
    assert "HathiTrust" in (meta.source or "")


def test_the_reader_says_how_many_pages_it_found() -> None:
    book = read_file(raw().read_bytes(), "tpus22")
    messages = [d.message for d in book.diagnostics]
    assert messages == ["HathiTrust download: 60 pages (scans #45-104)"]


def test_sample_reads_as_the_form_feed_excerpt() -> None:
    book = read_file(SAMPLE.read_bytes(), "sample")
    excerpt = read_file((SAMPLES / "laband1876-excerpt.txt").read_bytes(), "excerpt")
    assert lines_of(book) == lines_of(excerpt)
    assert book.metadata.author == "Laband, Paul"
    assert book.metadata.date == "1876"
    assert book.metadata.handle is None


def test_download_without_header_empty_page_and_roman_label() -> None:
    assert detect(HEADLESS)
    book = read(HEADLESS, "h.txt")
    assert [p.label for p in book.pages] == [None, "iv", "1"]
    assert lines_of(book) == [[], ["PREFACE", "", "Text of the preface."], ["CHAPTER I"]]
    assert book.metadata.title is None


def test_page_lines_inside_an_ordinary_book_are_not_a_download() -> None:
    book = "Some text\nmore text\n## p. 3 (#5) ####\nquoted in a page\n\fnext page\n"
    assert not detect(book)
    assert len(read_file(book.encode(), "plain.txt").pages) == 2


def test_a_book_that_names_hathitrust_needs_page_lines_too() -> None:
    assert not detect("Scanned by HathiTrust.\n\nChapter 1\nText.\n")
    assert detect("Scanned by HathiTrust.\n\n## p. 1 (#1) ###\n\nText.\n")


def test_download_of_empty_pages_is_refused() -> None:
    with pytest.raises(ReadError, match="all empty"):
        read("HathiTrust\n\n## p. 1 (#1) ###\n\n\f\n\n## p. 2 (#2) ###\n\n\f\n", "e.txt")
