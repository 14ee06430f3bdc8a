"""Book-wide habits of the notes: the numbering scheme, the label styles, OCR'd
superscripts, abbreviations, and how much a blank line says."""

from __future__ import annotations

from collections.abc import Sequence

from layout.model import Book, Line, Page, Role
from layout.passes.notes import habits
from layout.passes.notes.areas import NoteArea, Part
from layout.passes.notes.labels import Label, parse
from layout.passes.notes.page_lines import PageLines


def area(*markers: str) -> NoteArea:
    labels = [parse(f"{m} Note.") for m in markers]
    return NoteArea(tuple(Part((10 + k,), lab) for k, lab in enumerate(labels)), (), 10)


def test_scheme_by_page() -> None:
    areas = [area("1)", "2)"), area("1)"), NoteArea(), area("1)", "2)", "3)")]
    assert habits.scheme(areas, repeats=False) == "page"


def test_scheme_continuous() -> None:
    areas = [area("26)"), area("27)", "28)"), area("29)"), area("30)", "31)")]
    assert habits.scheme(areas, repeats=False) == "continuous"


def test_scheme_by_chapter() -> None:
    areas = [area("1", "2"), area("3"), area("4", "5"), area("1", "2"), area("3")]
    assert habits.scheme(areas, repeats=False) == "chapter"


def test_scheme_symbols() -> None:
    assert habits.scheme([area("*", "†"), area("*")], repeats=False) == "symbols"


def book(*pages: Sequence[str]) -> Book:
    return Book(pages=tuple(Page(tuple(Line(t) for t in page)) for page in pages))


def test_label_habits_find_repeated_stars() -> None:
    page = ["Text", "more text", "* Ante, p. 13.", "* Ante, pp. 8, 9."]
    b = book(page, page, page)
    labels = [[parse(t) for t in p] for p in (page, page, page)]
    styles, repeats = habits.label_habits(b, labels)
    assert styles == frozenset({"*"}) and repeats


def test_label_habits_numbered_notes() -> None:
    page = ["Text1) and2)", "more text", "1) Vgl. S. 4.", "2) Ebenda."]
    labels: list[list[Label | None]] = [[parse(t) for t in page]] * 3
    styles, repeats = habits.label_habits(book(page, page, page), labels)
    assert styles == frozenset({"1)"}) and not repeats


def test_abbreviations() -> None:
    b = book(['Your Most Ob" Serv"', 'I am your Ob" Serv" and the Pensacola"'])
    found = habits.abbreviations(b)
    assert {"ob", "serv"} <= found and "pensacola" not in found


def test_gap_weight() -> None:
    lines = [Line("Header", role=Role.HEADER)] + [Line("Text der Seite1).")] * 5
    lines += [Line("", role=Role.BLANK), Line("1) Note.")]
    views = [PageLines.of(lines)] * 30
    areas = [NoteArea((Part((7,), parse("1) Note.")),), (), 7)] * 30
    no_marks = [lambda labels, before: -1] * 30
    assert habits.gap_weight(views, areas, no_marks) == 7.0  # blanks only above notes
    marks_below = [lambda labels, before: 8] * 30
    # (a blank with marked text below it stands in the body: it says little)
    lines2 = lines[:2] + [Line("", role=Role.BLANK)] + lines[2:]
    views2 = [PageLines.of(lines2)] * 30
    areas2 = [NoteArea((Part((8,), parse("1) Note.")),), (), 8)] * 30
    assert habits.gap_weight(views2, areas2, marks_below) < 2.0


def test_scheme_survives_notes_numbered_zero() -> None:
    """A label `(0)` or `⁰` (a misread, or a printer's own zero) is a number like any other:
    the numbering scheme is still learned, and nothing crashes."""
    areas = [area("(0)"), area("⁰", "(1)"), area("(0)")]
    assert habits.scheme(areas, repeats=False) in ("page", "chapter", "continuous")
