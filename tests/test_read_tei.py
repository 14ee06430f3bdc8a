"""Reading back a TEI document we wrote: the decisions come back, unsafe XML is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES, shared
from lxml import etree
from writer_fixtures import history_book

from layout.cli import main
from layout.model import FURNITURE, Book, Hyphen, Page, Role
from layout.passes import analyse
from layout.readers import ReadError, read_file
from layout.writers import tei, text

TEI_NS = "http://www.tei-c.org/ns/1.0"
SEED = SAMPLES / "page-286.txt"


def laband_path() -> Path:
    """A whole corpus book (skips without the shared corpus)."""
    return shared("corpus", "dta", "laband1876.txt")


def squeeze(text: str) -> str:
    """White space runs as one space: the TEI keeps neither the gap after a note's label
    nor the spacing inside a furniture line."""
    return " ".join(text.split())


def view(page: Page) -> dict[str, object]:
    """What a page says, independent of line indices (blank lines are not in the TEI)."""
    lines = page.lines
    return {
        "number": (page.number, page.inferred_number),
        "title": page.running_title,
        "text": [(line.role, line.text, line.hyphen, line.paragraph_start)
                 for line in lines if line.role in (Role.BODY, Role.HEADING)
                 and not line.is_blank],
        "notes": [(line.role, squeeze(line.text), line.hyphen)
                  for line in lines if line.role is Role.FOOTNOTE and not line.is_blank],
        "furniture": [(line.role is Role.PAGE_NUMBER, squeeze(line.text))
                      for line in lines if line.role in FURNITURE],
        "footnotes": [
            (note.marker, note.continued, note.continues_on_next_page,
             (lines[note.anchor.line].text, note.anchor.start, note.anchor.end,
              note.anchor.certain) if note.anchor else None,
             [squeeze(lines[i].text) for i in note.lines if not lines[i].is_blank])
            for note in page.footnotes
        ],
    }


def round_trip(book: Book) -> Book:
    return read_file(tei.write(book), "book.tei.xml")


@pytest.fixture(scope="module")
def laband() -> Book:
    return analyse(read_file(laband_path().read_bytes(), str(laband_path())))


@pytest.fixture(scope="module")
def seed() -> Book:
    return analyse(read_file(SEED.read_bytes(), str(SEED)))


def books(laband: Book, seed: Book) -> Iterator[Book]:
    yield laband
    yield seed


def test_a_corpus_book_comes_back_page_by_page(laband: Book, seed: Book) -> None:
    for book in books(laband, seed):
        back = round_trip(book)
        assert back.analysed and not book.analysed
        assert len(back.pages) == len(book.pages)
        for p, (page, again) in enumerate(zip(book.pages, back.pages, strict=True)):
            assert view(again) == view(page), f"page {p + 1}"
        assert back.metadata == book.metadata
        assert (back.language, back.notes_scheme) == (book.language, book.notes_scheme)


def test_the_corpus_book_has_what_the_round_trip_must_carry(laband: Book) -> None:
    """The laband book exercises every kind of decision the reader restores."""
    lines = [line for page in laband.pages for line in page.lines]
    assert {Hyphen.JOIN, Hyphen.KEEP} <= {line.hyphen for line in lines}
    notes = [note for page in laband.pages for note in page.footnotes]
    assert any(note.continued for note in notes)
    assert any(note.continues_on_next_page for note in notes)
    assert sum(note.anchor is not None for note in notes) > 50
    assert all(page.running_title for page in laband.pages[1:])


def test_the_reading_text_is_the_same(laband: Book, seed: Book) -> None:
    for book in books(laband, seed):
        assert text.write(round_trip(book)) == text.write(book)


def test_writing_the_book_read_back_gives_the_same_tei_text(laband: Book) -> None:
    """TEI -> Book -> TEI: the <text> is byte for byte what was read."""
    first = tei.write(laband)
    second = tei.write(read_file(first, "first.tei.xml"))
    text_of = [etree.tostring(etree.fromstring(doc).find(f"{{{TEI_NS}}}text"))
               for doc in (first, second)]
    assert text_of[0] == text_of[1]


def test_every_decision_of_the_hand_made_book_comes_back() -> None:
    """Head line split in number and title, every hyphen decision (one over the page
    break), notes anchored, unsure, unanchored, continued, a stray note line, an
    inferred page number, a number at the foot, a scanner line."""
    book = history_book()
    back = round_trip(book)
    for page, again in zip(book.pages, back.pages, strict=True):
        assert view(again) == view(page)
    first = back.pages[0]
    assert first.lines[first.number_line or 0].role is Role.HEADER
    span = first.number_span
    assert span is not None and first.lines[0].text[span[0]:span[1]] == "12"
    assert back.pages[2].lines[back.pages[2].number_line or 0].text == "14"
    assert text.write(back, notes="end") == text.write(book, notes="end")
    assert back.metadata == book.metadata


def test_lines_are_set_furniture_text_notes_then_the_foot(laband: Book) -> None:
    back = round_trip(laband)
    order = {Role.HEADER: 0, Role.BODY: 1, Role.HEADING: 1, Role.SEPARATOR: 2,
             Role.FOOTNOTE: 3}
    for page in back.pages:
        ranks = [order.get(line.role, 4) for line in page.lines if not line.is_blank]
        assert ranks == sorted(ranks)


# -- documents an editor touched ---------------------------------------------------------

EDITED = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}">
  <teiHeader><fileDesc><titleStmt><title>Edited</title></titleStmt>
    <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>
  </fileDesc></teiHeader>
  <text>
    <body>
      <div>
        <pb n="[4]"/>
        <fw type="header" place="top">A RUNNING TITLE</fw>
        <head>
          <lb/>A Heading
        </head>
        <p>
          <lb/>The first line of a para<pc force="weak">-</pc>
          <lb break="no"/>graph, with a corrected word.
        </p>
      </div>
    </body>
  </text>
</TEI>
"""


def test_an_indented_tei_reads_as_its_printed_lines() -> None:
    book = read_file(EDITED.encode(), "edited.tei.xml")
    (page,) = book.pages
    assert page.inferred_number == "4" and page.number is None
    assert page.running_title == "A RUNNING TITLE"
    assert [(line.role, line.text, line.hyphen) for line in page.lines] == [
        (Role.RUNNING_TITLE, "A RUNNING TITLE", None),
        (Role.HEADING, "A Heading", None),
        (Role.BODY, "The first line of a para-", Hyphen.JOIN),
        (Role.BODY, "graph, with a corrected word.", None),
    ]
    assert book.metadata.title == "Edited"
    assert text.write(book).decode().splitlines()[-1] == (
        "The first line of a paragraph, with a corrected word.")


def test_an_edit_in_the_tei_reaches_the_reading_text(seed: Book) -> None:
    data = tei.write(seed).replace(b"disappointed", b"disenchanted")
    assert b"disenchanted" in text.write(read_file(data, "seed.tei.xml"))


# -- refusals and dispatch -------------------------------------------------------------


def test_malformed_xml_is_refused_naming_file_and_line() -> None:
    data = tei.write(history_book()).replace(b"</head>", b"</hed>", 1)
    with pytest.raises(ReadError, match=r"^bad\.tei\.xml: line \d+, column \d+: malformed XML"):
        read_file(data, "bad.tei.xml")


def test_an_xml_document_that_is_not_tei_is_refused() -> None:
    with pytest.raises(ReadError, match=r"^page\.xml: line 2: <html>: an HTML page"):
        read_file(b'<?xml version="1.0"?>\n<html><body>hi</body></html>', "page.xml")
    with pytest.raises(ReadError, match="without the TEI namespace"):
        read_file(b"<TEI><text><body/></text></TEI>", "plain.xml")


def test_external_entities_are_neither_fetched_nor_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY x SYSTEM "{secret.as_uri()}">\n]>\n'
        f'<TEI xmlns="{TEI_NS}"><text><body><div><pb n="1"/><p><lb/>&x;</p></div>'
        "</body></text></TEI>"
    ).encode()
    with pytest.raises(ReadError, match=r"^evil\.xml: line 2: .*DOCTYPE") as err:
        read_file(data, "evil.xml")
    assert "TOP SECRET" not in str(err.value)


def test_an_entity_bomb_is_refused() -> None:
    entities = "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "boom"}">' for i in range(10)
    )
    data = f'<?xml version="1.0"?><!DOCTYPE TEI [{entities}]><TEI>&e9;</TEI>'.encode()
    with pytest.raises(ReadError, match=r"^bomb\.xml: line 1"):
        read_file(data, "bomb.xml")


def test_an_undeclared_entity_is_malformed() -> None:
    data = f'<TEI xmlns="{TEI_NS}"><text><body><p>&nbsp;</p></body></text></TEI>'.encode()
    with pytest.raises(ReadError, match="malformed XML"):
        read_file(data, "nbsp.xml")


def test_xml_is_recognised_after_a_bom_and_white_space() -> None:
    data = tei.write(history_book())
    for variant in (b"\xef\xbb\xbf" + data, b"\n  " + data,
                    data[data.index(b"<TEI"):]):
        assert read_file(variant, "h.xml").analysed
    assert not read_file(b"<p> is OCR text here\n", "ocr.txt").analysed


# -- through the command line ----------------------------------------------------------


def test_convert_reads_a_tei_and_keeps_its_decisions(tmp_path: Path) -> None:
    tei_path, first, again = tmp_path / "b.tei.xml", tmp_path / "a.txt", tmp_path / "b.txt"
    assert main(["convert", str(laband_path()), "--tei", str(tei_path), "--text", str(first),
                 "-q"]) == 0
    assert main(["convert", str(tei_path), "--text", str(again), "-q"]) == 0
    assert again.read_bytes() == first.read_bytes()


def test_convert_refuses_a_broken_tei_in_one_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.tei.xml"
    broken.write_bytes(b'<?xml version="1.0"?>\n<TEI xmlns="x">\n<text>')
    assert main(["convert", str(broken), "--text", str(tmp_path / "o.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{broken}: line 3" in err


def test_a_head_line_as_one_fw_and_a_label_gap_in_the_tail_keep_their_spacing() -> None:
    data = (
        f'<TEI xmlns="{TEI_NS}"><text><body><div><pb n="286"/>'
        '<fw type="header" place="top"><fw type="pageNum">286</fw>   " THE PEACE "</fw>'
        '<p><lb/>man.<note place="foot" n="1"><lb/><label>1</label>  Texts of the'
        "</note></p></div></body></text></TEI>"
    ).encode()
    (page,) = read_file(data, "nested.xml").pages
    assert [line.text for line in page.lines] == [
        '286   " THE PEACE "', "man.1", "1  Texts of the"]
    assert (page.number, page.number_line, page.number_span) == ("286", 0, (0, 3))
    assert page.running_title == '" THE PEACE "'
    (note,) = page.footnotes
    assert (note.marker, note.label_end, note.lines) == ("1", 3, (2,))
    assert note.anchor is not None and (note.anchor.line, note.anchor.start) == (1, 4)


def test_a_tei_read_back_is_typeset_page_for_page() -> None:
    """The reason to read TEI: an edited TEI re-typeset as PDF, with the TEI's metadata."""
    import io

    import pypdf

    from layout.writers import pdf

    book = history_book()
    data = tei.write(book).replace(b"The Beginning", b"The True Beginning")
    reader = pypdf.PdfReader(io.BytesIO(pdf.write(read_file(data, "history.tei.xml"))))
    assert len(reader.pages) == len(book.pages)
    assert reader.metadata is not None and reader.metadata.title == book.metadata.title
    assert "True Beginning" in " ".join(reader.pages[0].extract_text().split())


def test_a_hand_added_note_without_label_is_no_continuation(tmp_path: Path) -> None:
    tei = tmp_path / "edited.tei.xml"
    tei.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
        "<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
        "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body><div>"
        '<pb n="5"/><p><lb/>A line with a mark.<note place="foot" n="1"><lb/>An added note.'
        "</note> And more text.</p></div></body></text></TEI>\n",
        encoding="utf-8",
    )
    book = read_file(tei.read_bytes(), str(tei))
    (note,) = book.pages[0].footnotes
    assert not note.continued and note.marker == "1" and note.anchor is not None


def test_structure_comes_back_from_the_divisions_and_blocks() -> None:
    """Headings (level, type, number), list items with their labels, verse, a letter's
    and the title page's parts: what the TEI writes of the structure reads back."""
    from writer_fixtures import documents_book, outline_book

    for book in (outline_book(), documents_book()):
        back = read_file(tei.write(book), "structured.tei.xml")
        want = [(line.text, line.heading and (line.heading.level, line.heading.kind,
                                              line.heading.n), line.block, line.label_end,
                 line.paragraph_start)
                for page in book.pages for line in page.lines]
        got = [(line.text, line.heading and (line.heading.level, line.heading.kind,
                                             line.heading.n), line.block, line.label_end,
                line.paragraph_start)
               for page in back.pages for line in page.lines]
        assert got == want


def test_marginal_notes_come_back_where_they_stand() -> None:
    """A marginal note beside the text and one set after the page's footnotes: their
    lines come back as marginal lines, no running line after them is lost, and a
    running line's break is glued across the note to its next line, not to the note."""
    from layout.model import Footnote, Line

    lines = (
        Line("The text runs on and is bro-", hyphen=Hyphen.JOIN, paragraph_start=True),
        Line("Side", role=Role.MARGINAL),
        Line("note", role=Role.MARGINAL),
        Line("ken here, and goes on.1"),
        Line("The last line of the text."),
        Line("1 A footnote.", role=Role.FOOTNOTE),
        Line("Late margin", role=Role.MARGINAL),
    )
    page = Page(lines, footnotes=(Footnote("1", (5,), label_end=2),))
    back = round_trip(Book(pages=(page,), analysed=True)).pages[0]
    got = [(line.role, line.text) for line in back.lines if not line.is_blank]
    body = [text for role, text in got if role is Role.BODY]
    assert body == ["The text runs on and is bro-", "ken here, and goes on.1",
                    "The last line of the text."]
    assert [text for role, text in got if role is Role.MARGINAL] == [
        "Side", "note", "Late margin"]
    assert [line.hyphen for line in back.lines if line.text.endswith("bro-")] == [Hyphen.JOIN]
    assert all(line.hyphen is None for line in back.lines if line.role is Role.MARGINAL)


@pytest.mark.parametrize("name", ["arnold_ketzerhistorie01_1699", "euler_rechenkunst01_1738"])
def test_books_with_marginal_notes_come_back_with_every_character(name: str) -> None:
    """Every page of a geometry book with marginal notes, written and read back, holds the
    same characters (white space aside: the TEI joins a head row's lines into one)."""
    from collections import Counter

    from layout.api import read

    book = analyse(read(shared("corpus-geo", "page", name)))
    back = round_trip(book)
    assert len(back.pages) == len(book.pages)
    for p, (page, again) in enumerate(zip(book.pages, back.pages, strict=True)):
        signs = [Counter("".join("".join(line.text.split()) for line in pg.lines))
                 for pg in (page, again)]
        assert signs[0] == signs[1], f"page {p + 1}"
