"""The TEI reads like TEI: one printed line per XML line, containers indented, schemas
named in `<?xml-model?>`; and the layout changes no text, for plain lxml as for our reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree
from writer_fixtures import CORPUS, SAMPLES, TEI, history_book, pipeline, seed_book

from layout.model import FURNITURE, Book, Role
from layout.readers import tei as tei_reader
from layout.writers import tei
from layout.writers.tei_header import xml_text
from layout.writers.text import strip_marks


@dataclass
class PlainPage:
    """One page of a TEI document as plain lxml sees it."""

    text: list[str] = field(default_factory=list)  # running text, split at newlines
    furniture: list[str] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)


def plain_read(data: bytes) -> list[PlainPage]:
    """The text of the TEI read with lxml and TEI's white space rule only: white space in
    an element that holds only elements means nothing; text in an element that holds text
    is text. Pages at pb, furniture in fw (a choice's orig), notes apart; no knowledge of
    lb or pc."""
    root = etree.fromstring(data)
    text = root.find(f"{TEI}text")
    assert text is not None
    pages: list[PlainPage] = []
    buffer: list[str] = []

    def flush() -> None:
        if pages:
            pages[-1].text += [x for x in "".join(buffer).split("\n") if x]
        buffer.clear()

    def holds_text(el: etree._Element) -> bool:
        return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)

    def walk(el: etree._Element, mixed: bool) -> None:
        if mixed and el.text:
            buffer.append(el.text)
        for child in el:
            if child.tag == f"{TEI}pb":
                flush()
                pages.append(PlainPage())
            elif child.tag == f"{TEI}fw":  # of a choice, the printed alternative (orig)
                orig = child.find(f"{TEI}choice/{TEI}orig")
                shown = orig if orig is not None else child
                pages[-1].furniture.append("".join(shown.itertext()))
            elif child.tag == f"{TEI}note":
                pages[-1].notes.append([x for x in "".join(child.itertext()).split("\n") if x])
            else:
                inner = holds_text(child) or child.tag in (f"{TEI}p", f"{TEI}head")
                walk(child, inner)
                if inner:
                    buffer.append("\n")  # a block's end ends its line
            if mixed and child.tail:
                buffer.append(child.tail)

    walk(text, False)  # the front (a title page) and the body
    flush()
    return pages


def assert_text_is_the_input(book: Book, data: bytes) -> None:
    """Plain lxml finds every printed line of the book in the TEI, exactly as printed:
    running-text lines in order (the marks of notes moved to the notes), each note's
    lines, and the furniture."""
    pages = plain_read(data)
    assert len(pages) == len(book.pages)
    for p, (page, plain) in enumerate(zip(book.pages, pages, strict=True)):
        in_note = {i for fn in page.footnotes for i in fn.lines}
        cut = strip_marks(page)
        want_text, want_notes, want_fw = [], [], []
        for i, line in enumerate(page.lines):
            if line.is_blank:
                continue
            text = xml_text(line.text)
            if i in in_note or line.role is Role.FOOTNOTE:
                want_notes.append(text)
            elif line.role in FURNITURE:
                want_fw.append("".join(text.split()))
            else:
                want_text.append(xml_text(cut.get(i, line.text)))
        assert plain.text == want_text, f"page {p + 1}: running text"
        assert sorted(x for note in plain.notes for x in note) == sorted(want_notes), (
            f"page {p + 1}: note lines"
        )
        assert "".join("".join(f.split()) for f in plain.furniture) == "".join(want_fw), (
            f"page {p + 1}: furniture"
        )


def test_each_printed_line_is_one_line_of_xml() -> None:
    data = tei.write(seed_book())
    text = data.decode("utf-8")
    body = text[text.index("<body>"):]
    for line in body.splitlines():
        # every line of the body opens with an element or is a printed line's start
        assert line.lstrip().startswith("<"), line
    assert text.count("<lb") == sum(1 for line in body.splitlines() if "<lb" in line)


def test_containers_are_indented_and_blocks_end_on_their_last_line() -> None:
    text = tei.write(history_book()).decode("utf-8")
    assert "\n  <teiHeader>\n" in text and "\n    <body>\n" in text
    assert "\n      <div type=\"chapter\" n=\"I\">\n" in text and "\n      </div>\n" in text
    assert "\n        <p><lb/>" in text
    assert "\n</p>" not in text  # a paragraph ends right after its last printed line


def test_xml_model_names_tei_all_and_our_schema() -> None:
    head = tei.write(seed_book()).split(b"<TEI", 1)[0].decode("utf-8")
    assert head.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    models = [line for line in head.splitlines() if line.startswith("<?xml-model")]
    assert len(models) == 2
    assert "tei_all.rng" in models[0] and "tei-layout.rng" in models[1]
    assert all('schematypens="http://relaxng.org/ns/structure/1.0"' in m for m in models)


def test_plain_lxml_reads_the_printed_text_of_hand_built_books() -> None:
    for book in (history_book(), seed_book()):
        assert_text_is_the_input(book, tei.write(book))


def test_plain_lxml_reading_notices_a_changed_character() -> None:
    book = seed_book()
    data = tei.write(book).replace(b"embittered", b"embitterd")
    with pytest.raises(AssertionError, match="running text"):
        assert_text_is_the_input(book, data)


def test_plain_lxml_reads_the_printed_text_of_the_samples() -> None:
    for name in ("page-286.txt", "laband1876-excerpt.txt"):
        book, data = pipeline(SAMPLES / name)
        assert_text_is_the_input(book, data)


def test_a_label_keeps_the_space_printed_after_it() -> None:
    data = tei.write(seed_book())
    assert b"<label>1</label> " in data or b"<label>1</label>\t" in data


@pytest.mark.parametrize("name", ["dta/laband1876.txt", "en/tpus22.txt", "dta/siebold1863.txt"])
def test_plain_lxml_reads_the_printed_text_of_corpus_books(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        from conftest import NO_SHARED

        pytest.skip(f"{NO_SHARED}: {name}")
    book, data = pipeline(path)
    assert_text_is_the_input(book, data)


def _decisions(book: Book) -> list[tuple[object, ...]]:
    return [
        (line.text.strip(), line.role, line.hyphen, line.paragraph_start)
        for page in book.pages for line in page.lines if not line.is_blank
    ]


@pytest.mark.parametrize("source", [SAMPLES / "laband1876-excerpt.txt",
                                    SAMPLES / "page-286.txt"])
def test_our_reader_reads_the_laid_out_tei_as_the_unindented_one(source: Path) -> None:
    """The layout is white space TEI ignores: reading the TEI back gives the same book as
    reading the same tree written without it."""
    book, data = pipeline(source)
    flat = etree.tostring(tei.build(book))
    assert flat != data
    pretty_book = tei_reader.read(data, "pretty.xml")
    flat_book = tei_reader.read(flat, "flat.xml")
    assert _decisions(pretty_book) == _decisions(flat_book)
    assert [p.footnotes for p in pretty_book.pages] == [p.footnotes for p in flat_book.pages]
    assert [[line.text for line in p.lines] for p in pretty_book.pages] == [
        [line.text for line in p.lines] for p in flat_book.pages]
