"""The signatures pass: sheet marks, catchwords and scanner lines at the page's foot."""

from __future__ import annotations

from furniture_fixtures import BODY, book, furnish, header, numbered, page, roles

from layout.model import Role


def _with_foot(pages: list, k: int, *foot: str) -> None:
    """Give page k the foot lines `foot` below its text."""
    pages[k] = page(*(line.text for line in pages[k].lines), *foot)


def test_sheet_marks_with_asterisk_and_bare() -> None:
    pages = numbered(321, 4)
    _with_foot(pages, 0, "", "                     21")
    _with_foot(pages, 2, "           21*")
    _with_foot(pages, 3, "                     22 *")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.SIGNATURE
    assert b.pages[2].lines[-1].role is Role.SIGNATURE
    assert b.pages[3].lines[-1].role is Role.SIGNATURE
    assert b.pages[0].number == "321"


def test_bare_number_larger_than_half_the_folio_is_no_signature() -> None:
    pages = numbered(30, 3)
    _with_foot(pages, 1, "25")
    b = furnish(book(*pages))
    assert b.pages[1].lines[-1].role is Role.BODY


def test_titled_signatures_are_confirmed_book_wide() -> None:
    pages = numbered(305, 40)
    _with_foot(pages, 0, "      Laband, Reichsſtaatsrecht. I. 20")
    _with_foot(pages, 16, "   Laband, Reichsſtaatsreeht. I. 21")
    _with_foot(pages, 32, "Laband, Reichsſtaatsrecht. I. 22")
    b = furnish(book(*pages))
    assert [b.pages[k].lines[-1].role for k in (0, 16, 32)] == [Role.SIGNATURE] * 3


def test_sheet_number_after_the_volume_numeral() -> None:
    # page 401 opens sheet 26 of an octavo volume I: (401 - 1) = 25 * 16
    pages = numbered(400, 4)
    _with_foot(pages, 1, "", "          I. 26")
    _with_foot(pages, 3, "     II. 7")  # page 403 opens no sheet, no other mark confirms it
    b = furnish(book(*pages))
    assert b.pages[1].lines[-1].role is Role.SIGNATURE
    assert b.pages[3].lines[-1].role is Role.BODY


def test_footnote_lines_ending_in_a_number_are_no_signatures() -> None:
    pages = numbered(305, 40)
    for k, n in ((0, 48), (16, 12), (32, 348)):  # page references, not rising by sheets
        _with_foot(pages, k, f"1) Vgl. Laband, Staatsrecht S. {n}")
    b = furnish(book(*pages))
    assert [b.pages[k].lines[-1].role for k in (0, 16, 32)] == [Role.BODY] * 3


def test_government_printing_office_jacket_numbers() -> None:
    pages = numbered(33, 4)
    _with_foot(pages, 0, "201867–56–4")
    _with_foot(pages, 2, "301867-57 *")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.SIGNATURE
    assert b.pages[2].lines[-1].role is Role.SIGNATURE


def test_scanner_stamps_are_footers_at_head_or_foot_only() -> None:
    pages = numbered(10, 3)
    _with_foot(pages, 0, "Digitized by Google")
    pages[1] = page("Digitized by the Internet Archive", *(ln.text for ln in pages[1].lines))
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.FOOTER
    assert b.pages[1].lines[0].role is Role.FOOTER
    assert b.pages[1].number == "11"  # the stamp does not hide the head line
    mid = page(header(13), *BODY[:3], "Google Books is a service of Google.", *BODY)
    b = furnish(book(*numbered(10, 3), mid))
    assert b.pages[3].lines[4].role is Role.BODY


def test_speck_of_noise_on_the_last_line() -> None:
    pages = numbered(56, 2)
    _with_foot(pages, 0, "j K")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.FOOTER


def test_catchword_repeats_the_next_pages_first_word() -> None:
    pages = numbered(10, 3)
    _with_foot(pages, 0, "                                  Erwägung")
    _with_foot(pages, 1, "                                  Gerichte")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.CATCHWORD
    assert b.pages[1].lines[-1].role is Role.BODY


def test_catchword_with_a_hyphen_matches_the_start_of_the_word() -> None:
    pages = numbered(10, 2)
    _with_foot(pages, 0, "                                  Erwä-")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.CATCHWORD


def test_end_of_a_broken_word_is_text() -> None:
    pages = numbered(10, 2)
    pages[0] = page(header(10), *BODY[:4], "Erwä-", "gung")
    pages[1] = page(header(11), "gung über das bei der Abſtimmung", *BODY)
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.BODY


def test_only_body_lines_at_the_foot_change() -> None:
    pages = numbered(20, 3)
    _with_foot(pages, 1, "", "4*", "")
    b = furnish(book(*pages))
    assert roles(b.pages[1])[-3:] == [Role.BLANK, Role.SIGNATURE, Role.BLANK]
    assert roles(b.pages[1])[2:-3] == [Role.BODY] * len(BODY)


def test_letter_signatures_and_a_mark_sharing_its_line_with_the_catchword() -> None:
    pages = numbered(17, 4)
    _with_foot(pages, 0, "                 B2")
    _with_foot(pages, 2, "   B 3                  Erwägung")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.SIGNATURE
    assert b.pages[2].lines[-1].role is Role.SIGNATURE


def test_lone_bare_number_needs_a_sheet_to_begin_on_its_page() -> None:
    pages = numbered(30, 6)
    _with_foot(pages, 3, "3")  # page 33 opens sheet 3 of an octavo: (33 - 1) = 2 * 16
    _with_foot(pages, 5, "4")  # page 35 opens no sheet, and no other mark confirms it
    b = furnish(book(*pages))
    assert b.pages[3].lines[-1].role is Role.SIGNATURE
    assert b.pages[5].lines[-1].role is Role.BODY


def test_asterism_and_lone_dash_at_the_foot_stay_text() -> None:
    pages = numbered(56, 3)
    _with_foot(pages, 0, "* * *")
    _with_foot(pages, 1, "•")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-1].role is Role.BODY
    assert b.pages[1].lines[-1].role is Role.FOOTER


def test_library_named_in_the_text_is_no_stamp() -> None:
    pages = numbered(10, 3)
    pages[1] = page(header(11), "Die Staatsbibliothek in Berlin beſitzt eine Handſchrift,", *BODY)
    _with_foot(pages, 2, "Bayerische Staatsbibliothek München")
    b = furnish(book(*pages))
    assert b.pages[1].lines[1].role is Role.BODY
    assert b.pages[2].lines[-1].role is Role.FOOTER


def test_catchword_above_the_signature_and_misread_by_the_ocr() -> None:
    pages = numbered(16, 2)
    _with_foot(pages, 0, "                                  Erwagung", "   B 2")
    b = furnish(book(*pages))
    assert b.pages[0].lines[-2].role is Role.CATCHWORD
    assert b.pages[0].lines[-1].role is Role.SIGNATURE


def test_a_year_range_or_a_word_at_the_foot_stays_text() -> None:
    from layout.passes import analyse
    from layout.readers.text import read

    for last in ("1914-18", "NO"):
        text = "The war went on through the long winter and the spring,\nuntil at last\n" + last
        book = analyse(read(text + "\n", "foot.txt"))
        assert book.pages[0].lines[-1].role.value == "body", last
