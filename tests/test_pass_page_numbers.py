"""The page_numbers pass: printed folios read, mended and checked against the sequence."""

from __future__ import annotations

import pytest
from furniture_fixtures import BODY, book, furnish, header, numbered, page

from layout import numerals
from layout.model import Page, Role
from layout.passes import analyse


@pytest.mark.parametrize(
    ("token", "value", "roman", "exact"),
    [
        ("286", 286, False, True),
        ("3l0", 310, False, False),
        ("35O", 350, False, False),
        ("4O2", 402, False, False),
        ("l00", 100, False, False),
        ("1S", 15, False, False),
        ("2B", 28, False, False),
        ("XII", 12, True, True),
        ("vii", 7, True, True),
        ("xlv", 45, True, True),
    ],
)
def test_numeral_readings(token: str, value: int, roman: bool, exact: bool) -> None:
    first = numerals.readings(token)[0]
    assert (first.value, first.roman, first.exact) == (value, roman, exact)


@pytest.mark.parametrize("token", ["Die", "0", "012", "S", "XiI", "12345", "L'S"])
def test_tokens_that_are_no_numerals(token: str) -> None:
    assert numerals.readings(token) == []


def test_lookalike_only_tokens_are_weak_and_roman_is_lower_case() -> None:
    assert numerals.readings("lO")[0].weak
    assert numerals.readings("XIV")[0].text == "xiv"
    assert numerals.to_roman(1888) == "mdccclxxxviii"


def test_editorial_correction_keeps_printed_and_true_number() -> None:
    (reading,) = numerals.readings("317[137]")
    assert (reading.value, reading.text) == (137, "317[137]")


def test_numbers_left_and_right_of_the_head_line() -> None:
    b = furnish(book(*numbered(312, 4)), through="page_numbers")
    assert [p.number for p in b.pages] == ["312", "313", "314", "315"]
    verso, recto = b.pages[0], b.pages[1]
    assert verso.lines[0].role is Role.HEADER and verso.number_line == 0
    s, e = verso.number_span or (0, 0)
    assert verso.lines[0].text[s:e] == "312"
    s, e = recto.number_span or (0, 0)
    assert recto.lines[0].text[s:e] == "313"
    assert all(line.role is not Role.HEADER for line in verso.lines[1:])


def test_ocr_confusions_are_mended() -> None:
    pages = numbered(308, 5)
    pages[2] = page("3l0          Zweites Buch. Zweiter Abſchnitt.", "", *BODY)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[2].number == "310"
    assert b.pages[2].number_span == (0, 3)


def test_centred_number_alone_at_head_and_at_foot() -> None:
    pages = [page(f"                 {n}", *BODY) for n in (20, 21)]
    pages += [page(*BODY, "", f"           — {n} —") for n in (22, 23)]
    b = furnish(book(*pages), through="page_numbers")
    assert [p.number for p in b.pages] == ["20", "21", "22", "23"]
    assert b.pages[0].lines[0].role is Role.PAGE_NUMBER
    last = b.pages[3]
    assert last.lines[-1].role is Role.PAGE_NUMBER
    s, e = last.number_span or (0, 0)
    assert last.lines[-1].text[s:e] == "23"


def test_sequence_rejects_numbers_that_are_not_folios() -> None:
    # a title opening with a section number, and a sheet signature alone at the foot
    pages = numbered(48, 4, recto="2. Der Staat — allgemeine Betrachtung.")
    pages[1] = page("2. Der Staat — allgemeine Betrachtung.", "", *BODY, "15")
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[1].number is None
    assert b.pages[1].inferred_number == "49"
    assert b.pages[1].lines[-1].role is Role.BODY


def test_page_without_number_gets_inferred_number_only() -> None:
    pages = numbered(20, 6)
    pages[3] = page("ZWEITER ABSCHNITT.", "Die Organe des Staats.", *BODY)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number is None and b.pages[3].inferred_number == "23"
    assert b.pages[3].number_line is None


def test_plate_between_numbered_pages_gets_no_number() -> None:
    pages = numbered(10, 4) + [page("Tafel III.")] + numbered(14, 4)
    b = furnish(book(*pages), through="page_numbers")
    assert [p.number for p in b.pages] == ["10", "11", "12", "13", None, "14", "15", "16", "17"]
    assert b.pages[4].inferred_number is None


def test_roman_front_matter_then_arabic() -> None:
    pages = [
        page("Vorwort.", *BODY[:2]),
        page("VI                    Vorwort.", *BODY),
        page("Vorwort.                    VII", *BODY),
        page("VIII           Vorwort.", *BODY),
        page("Literatur-Ueberſicht.", *BODY),
        page("                                2", *BODY),
        *numbered(3, 3),
    ]
    b = furnish(book(*pages), through="page_numbers")
    assert [p.number for p in b.pages] == [None, "vi", "vii", "viii", None, "2", "3", "4", "5"]
    assert b.pages[0].inferred_number == "v"
    assert b.pages[4].inferred_number == "1"


def test_garbled_folio_beside_the_title_takes_the_expected_number() -> None:
    title = "FLORIDA STATE HORTICULTURAL SOCIETY."
    pages = [page(header(n, title, title), "", *BODY) for n in range(28, 34)]
    pages[0] = page("L'S " + title, *BODY)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[0].number == "28"
    assert b.pages[0].number_span == (0, 3)
    assert b.pages[0].lines[0].role is Role.HEADER


def test_title_word_at_the_folio_side_is_not_taken_for_a_garbled_folio() -> None:
    title = "THE TILSIT PEACE"
    pages = [page(header(n, title, title), "", *BODY) for n in range(284, 290)]
    pages[2] = page("THE TILSIT PEACE", "", *BODY)  # 286 lost, "THE" stands where it was
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[2].number is None
    assert b.pages[2].inferred_number == "286"


def test_garbled_folio_alone_on_its_line() -> None:
    title = "FLORIDA STATE HORTICULTURAL SOCIETY."
    pages = [page(title, "", str(n), "", *BODY) for n in range(44, 50)]
    pages[3] = page(title, "", "4?", "", *BODY)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number == "47"
    assert b.pages[3].lines[2].role is Role.PAGE_NUMBER


NOVEL = [
    "The lamp had burned low by the time the carrier came up the lane,",
    "and nobody in the kitchen had the heart to go out and meet him.",
    "Martha folded the letter twice and put it behind the clock.",
    "It was not until morning that anyone spoke of it again.",
]
"""A novel's page, written for these tests: its folios stand alone at the foot."""


def _novel(first: int, count: int, at_foot: bool = True) -> list[Page]:
    folio = lambda n: f"                            {n}"  # noqa: E731
    return [page(*NOVEL, "", folio(n)) if at_foot else page(folio(n), "", *NOVEL)
            for n in range(first, first + count)]


@pytest.mark.parametrize(
    ("garbled", "first", "printed", "rule"),
    [
        ("q3", 90, "93", "sequence"),  # a look-alike letter for a digit: read as 93
        ("Il2", 109, "112", "sequence"),  # look-alikes for two of three digits
        ("93 i", 90, "93", "mended"),  # a speck read as a letter beside it
        ("' 93", 90, "93", "sequence"),  # a quote is decoration
        ("r311", 308, "311", "mended"),  # a letter glued to it
        ("818", 315, "318", "mended"),  # one digit misread
        ("9?", 90, "93", "mended"),
    ],
)
def test_garbled_folio_alone_at_the_foot_is_mended_and_furniture(
    garbled: str, first: int, printed: str, rule: str
) -> None:
    pages = _novel(first, 7)
    pages[3] = page(*NOVEL, "", "                        " + garbled)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number == printed
    assert b.pages[3].number_rule == rule
    assert b.pages[3].lines[-1].role is Role.PAGE_NUMBER
    s, e = b.pages[3].number_span or (0, 0)
    assert any(ch.isdigit() for ch in b.pages[3].lines[-1].text[s:e])
    assert b.pages[2].number_rule == "sequence"


def test_garbled_folio_alone_at_the_head_with_a_glued_letter() -> None:
    pages = _novel(380, 6, at_foot=False)
    pages[2] = page("382r", "", *NOVEL)
    b = furnish(book(*pages), through="page_numbers")
    assert (b.pages[2].number, b.pages[2].lines[0].role) == ("382", Role.PAGE_NUMBER)


@pytest.mark.parametrize(
    "last",
    [
        "17",  # a number of another shape: two of its two digits wrong
        "9",  # too short for 93
        "the end.",  # text
        "93 and 94",  # a number among words
    ],
)
def test_foot_line_that_does_not_fit_the_folio_stays_text(last: str) -> None:
    pages = _novel(90, 7)
    pages[3] = page(*NOVEL, "", last)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number is None and b.pages[3].inferred_number == "93"
    assert b.pages[3].number_rule == "inferred"
    assert b.pages[3].lines[-1].role is Role.BODY


def test_a_garbled_folio_is_mended_only_where_the_folios_stand() -> None:
    pages = _novel(90, 7)  # folios at the foot: a misread number at the head is not one
    pages[3] = page("98", "", *NOVEL)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number is None
    assert b.pages[3].lines[0].role is Role.BODY


def test_mended_folio_line_stays_furniture_through_the_whole_analysis() -> None:
    pages = _novel(90, 7)
    pages[3] = page(*NOVEL, "", "                        q3")
    b = analyse(book(*pages))
    last = b.pages[3].lines[-1]
    assert (b.pages[3].number, last.role, last.paragraph_start) == ("93", Role.PAGE_NUMBER, False)


def test_editorial_correction_in_the_text() -> None:
    pages = numbered(206, 6)
    pages[4] = page("201[210]          Erſtes Buch.", *BODY)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[4].number == "201[210]"
    assert b.pages[5].number == "211"


def test_single_page_without_sequence() -> None:
    b = furnish(book(page('286                         " THE TILSIT PEACE "', "", *BODY)))
    assert b.pages[0].number == "286"
    assert b.pages[0].lines[0].role is Role.HEADER


def test_only_body_lines_change_role() -> None:
    pages = numbered(1, 3)
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[0].lines[1].role is Role.BLANK
    assert all(line.role is Role.BODY for line in b.pages[0].lines[2:])


def test_book_without_folios_gets_no_numbers_from_its_text() -> None:
    starts = ["2) Sie verpflichteten ſich, die Zwecke des Bündniſſes", "1867 wurde das Geſetz",
              "ſie ſich auf ſolche Gegenſtände beziehen, welche nach Art. 4",
              "a) Das Freizügigkeits-Geſetz vom 1. Nov. 1867", "3) Die Autonomie der Staaten"]
    b = furnish(book(*(page(s, *BODY) for s in starts)), through="page_numbers")
    assert all(p.number is None and p.inferred_number is None for p in b.pages)
    assert all(line.role is Role.BODY for p in b.pages for line in p.lines)


def test_section_numbers_rising_with_the_pages_are_not_folios() -> None:
    pages = [page(f"{n}          Zweites Buch. §. {150 + k}.", *BODY) if n % 2 == 0
             else page(f"§. {150 + k}. Völkerrecht im Zuſtand des Unfriedens.       {n}", *BODY)
             for k, n in enumerate(range(250, 270))]
    pages[5] = page("          Zweites Buch. §. 155.", *BODY)  # the folio 255 lost ...
    pages[7] = page("          Zweites Buch. §. 157.", *BODY)  # ... and 257: "§. 155", "§. 157"
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[5].number is None and b.pages[5].inferred_number == "255"
    assert b.pages[7].number is None
    assert [p.number for p in b.pages[8:11]] == ["258", "259", "260"]


def test_junk_set_apart_where_the_folio_stands_is_the_folio() -> None:
    # recto titles change on every page, so only the wide gap tells the junk is the folio
    pages = [page(header(n, recto=f"Kapitel {BODY[n % 5][:30]}"), *BODY) for n in range(308, 318)]
    pages[3] = page("Die Väter.                    I'^", *BODY)
    pages[5] = page("Die Väter. I'^", *BODY)  # no gap: the junk may be the title's
    b = furnish(book(*pages), through="page_numbers")
    assert b.pages[3].number == "311"
    assert b.pages[3].lines[0].role is Role.HEADER
    assert b.pages[5].number is None and b.pages[5].inferred_number == "313"


def test_a_short_book_does_not_take_a_number_in_running_text_for_a_folio() -> None:
    from layout.passes import analyse
    from layout.readers.text import read

    for first in ("The great war began in the summer of 1914",
                  "12 men came to the town that night"):
        book = analyse(read(first + "\nand it went on for a long time.\n", "short.txt"))
        page = book.pages[0]
        assert page.number is None and page.running_title is None
        assert page.lines[0].role.value == "body"


def test_a_short_book_takes_a_folio_set_apart_on_its_head_line() -> None:
    from layout.passes import analyse
    from layout.readers.text import read

    book = analyse(read("17        THE TILSIT PEACE\n\nHe returned to Moscow.\n", "one.txt"))
    assert book.pages[0].number == "17"
