"""The running_titles pass: titles found book-wide, chapter headings kept as text."""

from __future__ import annotations

from furniture_fixtures import BODY, RECTO, VERSO, book, furnish, numbered, page

from layout.model import Role
from layout.passes.furniture.likeness import SAME, letters, similar
from layout.passes.furniture.running_titles import clean

FLORIDA = "F L OR I D A T E R R IT OR Y"
PAPERS = "T E R R IT OR I. A L PA P E R S"


def test_title_beside_the_folio_without_the_number() -> None:
    b = furnish(book(*numbered(4, 4)))
    assert [p.running_title for p in b.pages] == [VERSO, RECTO, VERSO, RECTO]
    assert b.pages[0].lines[0].role is Role.HEADER


def test_letter_spaced_verso_and_recto_titles() -> None:
    heads = [f"{FLORIDA} 25", f"26 {PAPERS}", "F L OR I D A T E R R I TOR Y 27",
             "28 T E R R I TOR I. A L P A P E R S"]
    b = furnish(book(*(page(h, *BODY) for h in heads)))
    assert b.pages[0].running_title == FLORIDA
    assert b.pages[1].running_title == PAPERS
    assert [p.number for p in b.pages] == ["25", "26", "27", "28"]


def test_stray_punctuation_beside_the_folio_is_not_title() -> None:
    assert clean(" . FLORIDAv STATE HORTICULTURAL SOCIETY. . ") == (
        "FLORIDAv STATE HORTICULTURAL SOCIETY."
    )
    assert clean('   " THE TILSIT PEACE "') == '" THE TILSIT PEACE "'


def test_chapter_heading_on_the_head_line_stays_text() -> None:
    # the part's heading reads like the verso title of the pages that follow it
    first = numbered(60, 4, verso="Erster Abschnitt.", recto="§. 23. Die Staatsgewalt.")
    second = numbered(65, 6, verso="Zweiter Abschnitt.", recto="§. 25. Der Monarch.")
    opening = page("Zweiter Abschnitt.", "Die Organe des Staats.", "Allgemeines.", *BODY)
    b = furnish(book(*first, opening, *second))
    assert b.pages[4].running_title is None
    assert b.pages[4].lines[0].role is Role.BODY
    assert b.pages[4].number is None and b.pages[4].inferred_number == "64"
    assert b.pages[6].running_title == "Zweiter Abschnitt."


def test_title_whose_folio_the_ocr_lost_inside_the_titles_run() -> None:
    pages = numbered(60, 10)
    pages[4] = page(VERSO, "", *BODY)
    b = furnish(book(*pages))
    assert b.pages[4].running_title == VERSO
    assert b.pages[4].lines[0].role is Role.RUNNING_TITLE
    assert b.pages[4].number is None


def test_title_whose_folio_the_ocr_lost_when_the_text_runs_on() -> None:
    pages = numbered(60, 10)
    pages[4] = page(VERSO, "", "den Grundgeſetzen des Bundes gemäß erfolgt ſei und ob ſie", *BODY)
    b = furnish(book(*pages))
    assert b.pages[4].running_title == VERSO
    assert b.pages[4].lines[0].role is Role.RUNNING_TITLE


def test_titles_alone_with_folios_at_the_foot_change_by_chapter() -> None:
    chapters = ["THE SPANISH CESSION", "THE SPANISH CESSION", "THE SPANISH CESSION",
                "FLORIDA TERRITORY", "FLORIDA TERRITORY", "FLORIDA TERRITORY"]
    pages = [page(t, "", *BODY, "", str(n)) for n, t in zip(range(40, 46), chapters, strict=True)]
    b = furnish(book(*pages))
    assert [p.running_title for p in b.pages] == chapters
    assert all(p.lines[0].role is Role.RUNNING_TITLE for p in b.pages)
    assert [p.number for p in b.pages] == [str(n) for n in range(40, 46)]


def test_heading_in_capitals_is_not_the_title_in_small_letters() -> None:
    pages = [page("Florida Territory", "", *BODY, "", str(n)) for n in range(40, 46)]
    pages[3] = page("FLORIDA TERRITORY", "", *BODY, "", "43")
    b = furnish(book(*pages))
    assert b.pages[3].running_title is None
    assert b.pages[2].running_title == "Florida Territory"


def test_title_on_the_line_after_a_lone_folio() -> None:
    title = "FLORIDA STATE HORTICULTURAL SOCIETY."
    pages = [page(str(n), title, *BODY) for n in range(64, 70)]
    pages[2] = page("66", "Riedel, Die Reichsverfaſſungsurkunde v. 16. April 1871.", *BODY)
    b = furnish(book(*pages))
    assert b.pages[0].running_title == title
    assert b.pages[0].lines[1].role is Role.RUNNING_TITLE
    assert b.pages[0].lines[0].role is Role.PAGE_NUMBER
    assert b.pages[2].running_title is None
    assert b.pages[2].lines[1].role is Role.BODY


def test_repeated_first_lines_of_text_are_no_titles() -> None:
    # no furniture at all: top lines differ, so none recurs
    pages = [page(line, *BODY) for line in BODY]
    b = furnish(book(*pages))
    assert all(p.running_title is None for p in b.pages)
    assert all(p.lines[0].role is Role.BODY for p in b.pages)


def test_likeness_by_letters_and_the_stricter_sameness() -> None:
    assert similar(letters("T E R R IT OR I. A L PA P E R S"), letters("TERRITORIAL PAPERS"))
    assert similar(letters("Reichs-Verwaltungsbehörden."), letters("Reichs-Verwalfungsbehördcn."))
    assert similar(letters("Erster Abschnitt."), letters("Zweiter Abschnitt."))
    assert not similar(letters("Erster Abschnitt."), letters("Zweiter Abschnitt."), SAME)
    assert not similar(letters("Zweites Buch."), letters("Drittes Buch."))


def test_title_on_the_same_side_of_two_spreads() -> None:
    # a recto title printed on two rectos only, its folio at the foot
    rectos = {1: "§. 22. Das Staatsgebiet.", 3: "§. 22. Das Staatsgebiet."}
    pages = [page(rectos.get(k, BODY[k]), *BODY, "", str(60 + k)) for k in range(5)]
    b = furnish(book(*pages))
    assert [p.running_title for p in b.pages] == [None, rectos[1], None, rectos[3], None]
