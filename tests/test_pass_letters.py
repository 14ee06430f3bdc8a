"""The letter pass: a letter's close (closing formula, signature, addressee) marked on
small books typed the way OCR gives them (no indents, no type sizes), and the short lines
in capitals that are no signature left alone."""

from __future__ import annotations

import pytest
from lxml import etree
from writer_fixtures import layout_rng

from layout.model import Block, Book, Role
from layout.passes import analyse
from layout.passes.structure.datelines import is_dateline
from layout.passes.structure.letters import is_address, is_name
from layout.readers import read_file
from layout.writers import tei

FULL = "In pursuance of the instructions of the President as communicated thro"
"""A full line of prose (the book's measure)."""
TEXT = [f"SIR, {FULL}", FULL, FULL, "you, I shall proceed as soon as practicable."]
CLOSE = ["I have the honor to be, Your Obed' Serv'", "J. C. CALHOUN",
         "MAJOR GEN ANDREW JACKSON, Gov' of Florida"]
HEADING = ["THE SECRETARY OF WAR TO COMMISSIONER AND", "GOVERNOR JACKSON",
           "[LC:Jackson Papers, Vol. 59:LS]"]
DOCKET = "[Endorsed] Secretary of War, 31 March 1821, relative to the Indians"
TEI_NS = "{http://www.tei-c.org/ns/1.0}"


def book(*pages: list[str]) -> Book:
    text = "\f".join("\n".join(page) + "\n" for page in pages)
    return analyse(read_file(text.encode("utf-8"), "test.txt"))


def letter(close: list[str] = CLOSE) -> list[str]:
    """A letter as the Territorial Papers print it: heading, source, text, close, docket."""
    return [*HEADING, *TEXT, *close, DOCKET]


def parts(b: Book) -> list[tuple[str, str]]:
    """Every line a letter's part, with its block."""
    return [(line.block.value, line.text) for page in b.pages for line in page.lines
            if line.block in (Block.SALUTE, Block.SIGNED, Block.ADDRESS, Block.DATELINE)]


def role_of(b: Book, text: str) -> Role:
    return next(line.role for page in b.pages for line in page.lines if line.text == text)


def test_a_letters_close_is_marked_and_heads_nothing() -> None:
    b = book(letter(), letter())
    assert parts(b) == [("salute", CLOSE[0]), ("signed", CLOSE[1]), ("address", CLOSE[2])] * 2
    for page in b.pages:
        signed = next(line for line in page.lines if line.block is Block.SIGNED)
        assert signed.role is Role.BODY and signed.heading is None and signed.paragraph_start
        assert signed.keeps_break
    docket = b.pages[0].lines[len(letter()) - 1]
    assert docket.block is None and docket.paragraph_start, "the docket is prose of its own"


def test_a_signature_after_the_texts_end_in_a_book_of_letters() -> None:
    """No closing formula: the signature after a sentence's end is taken where the book's
    letters close the same way again and again."""
    bare = ["J. C. CALHOUN", "MAJOR GEN ANDREW JACKSON, Gov' of Florida"]
    b = book(letter(), letter(), letter(), letter(bare))
    assert parts(b)[-2:] == [("signed", bare[0]), ("address", bare[1])]
    alone = book(letter(bare))
    assert parts(alone) == [], "one such line in a book is thin evidence"


def test_a_close_over_a_page_break_is_one_closer_in_valid_tei() -> None:
    b = book([*HEADING, *TEXT, *CLOSE[:2]], [CLOSE[2], DOCKET, *letter()])
    assert [part for part, _ in parts(b)] == ["salute", "signed", "address"] * 2
    doc = etree.fromstring(tei.write(b))
    layout_rng().assertValid(doc)
    closers = doc.findall(f".//{TEI_NS}closer")
    assert len(closers) == 2
    assert [etree.QName(el).localname for el in closers[0]] == ["salute", "signed", "pb",
                                                                 "address"]
    div = closers[0].getparent()
    assert div[-1] is closers[0], "the closer ends its div: the docket opens the next"


@pytest.mark.parametrize("lines", [
    # a short heading in capitals titling the text after it
    [*TEXT, "THE INDIAN TRIBES OF FLORIDA", *TEXT],
    # a heading's second line in capitals, after its first
    [*TEXT, *HEADING, *TEXT],
    # a date inside a paragraph, and a paragraph's short last line
    [FULL, "the letter of March 31, 1821, and the", FULL, "of State.", *TEXT],
    # a name in capitals after a closing word, followed by running text it titles
    [*TEXT[:-1], "With great respect", "ANDREW JACKSON", *TEXT],
])
def test_no_letter_part_where_the_shape_is_a_headings_or_prose(lines: list[str]) -> None:
    b = book(lines)
    assert parts(b) == []


def test_a_short_capitals_heading_stays_a_heading() -> None:
    b = book([*TEXT, "THE INDIAN TRIBES OF FLORIDA", *TEXT])
    assert role_of(b, "THE INDIAN TRIBES OF FLORIDA") is Role.HEADING


@pytest.mark.parametrize(("text", "name"), [
    ("ANDREW JACKSON", True), ("J. C. C.", True), ("(Signed) ROBT. BUTLER", True),
    ("ROB' BUTLER", True), ("GOVERNOR JACKSON TO THE PRESIDENT", False),
    ("COMMISSION OF JOHN G. BIRD", False), ("Andrew Jackson", False),
    ("ARTICLE 12", False), ("[Endorsed] ANDREW JACKSON", False),
])
def test_a_signature_is_a_short_name_in_capitals(text: str, name: bool) -> None:
    assert is_name(text) is name


@pytest.mark.parametrize(("text", "address"), [
    ("THE HON. JOHN Q. ADAMS Sec of State", True), ("GOV' COPPINGER", True),
    ("H. E. GOVr COPPINGER.", True), ("THE SECRETARY OF WAR TO ROBERT BUTLER", False),
    ("[Endorsed] Andrew Jackson", False), ("The Hon. John Q. Adams", False),
])
def test_an_address_opens_with_capitals_and_is_no_heading(text: str, address: bool) -> None:
    assert is_address(text) is address


DATELINE = "DEPARTMENT OF WAR, 31 March, 1821."


def dated(page: int, to: str, opening: tuple[str, ...] = (DATELINE,)) -> list[str]:
    """A page (its number first) ending a letter and beginning one, to `to`, whose text
    `opening` begins (a dateline)."""
    return [str(page), f"{to} shall hear in pursuance of the instructions of the President",
            *TEXT[1:], f"THE SECRETARY OF WAR TO {to}", "[LC:Jackson Papers, Vol. 59]",
            *opening, *TEXT, *CLOSE, DOCKET]


def test_datelines_under_the_headings_of_a_book_of_letters() -> None:
    b = book(dated(25, "ROBERT BUTLER"), dated(26, "JEAN A. PENIERES"),
             dated(27, "GOVERNOR JACKSON"))
    assert [text for part, text in parts(b) if part == "dateline"] == [DATELINE] * 3
    doc = etree.fromstring(tei.write(b))
    layout_rng().assertValid(doc)
    opener = doc.find(f".//{TEI_NS}opener")
    assert opener is not None and [etree.QName(el).localname for el in opener] == ["dateline"]
    assert etree.QName(opener.getprevious()).localname == "head", "the dateline opens the letter"
    assert etree.QName(opener.getnext()).localname == "p"


def test_no_dateline_on_thin_evidence_nor_inside_a_paragraph() -> None:
    assert [part for part, _ in parts(book(dated(25, "ROBERT BUTLER")))] == [
        "salute", "signed", "address"]
    inside = (FULL, "at the Department of War, 31 March, 1821.")
    b = book(*(dated(page, to, inside) for page, to in
               ((25, "ROBERT BUTLER"), (26, "JAMES MONROE"), (27, "JOHN R. BELL"))))
    assert [part for part, _ in parts(b)] == ["salute", "signed", "address"] * 3
    assert b.pages[1].lines[7].text == FULL and b.pages[1].lines[7].paragraph_start, (
        "the letter's text begins under its heading")


@pytest.mark.parametrize(("text", "dateline"), [
    (DATELINE, True), ('NASHVILLE 2" April 1821', True), ("No 4. ST AUGUSTINE June 8* 1821.", True),
    ("Das Gesetz vom 27. Juni 1873 (R.-G.-Bl. S. 164) ist", False),
    ("Head Quarters NASHVILLE 12 April", False), ("DEPARTMENT OF WAR, 1821.", False),
])
def test_a_dateline_names_a_month_and_ends_in_a_year(text: str, dateline: bool) -> None:
    assert is_dateline(text) is dateline


def test_the_tei_header_counts_the_letters_parts() -> None:
    b = book(dated(25, "ROBERT BUTLER"), dated(26, "JEAN A. PENIERES"),
             dated(27, "GOVERNOR JACKSON"))
    doc = etree.fromstring(tei.write(b))
    said = " ".join(doc.xpath("//t:interpretation/t:p/text()",
                              namespaces={"t": TEI_NS.strip("{}")}))
    assert ("3 datelines, 3 salutation or closing formula lines, 3 signatures, "
            "3 address lines") in said
    plain = etree.fromstring(tei.write(book([*TEXT, *TEXT])))
    assert "Letters' parts" not in " ".join(plain.xpath("//text()"))
