"""The structure pass: headings as wholes, their numbers and their levels, on small books
typed the way OCR gives them (no indents, no type sizes)."""

from __future__ import annotations

import pytest

from layout.model import Book, Heading, Role
from layout.passes import analyse
from layout.passes.structure.numbering import read_number
from layout.readers import read_file

FULL = "Der Staat ist die rechtlich geordnete Gemeinschaft eines Volkes und"
"""A full line of prose (the book's measure)."""


def paragraph(lines: int = 4, end: str = "dieses Landes hier.") -> list[str]:
    return [FULL] * (lines - 1) + [end]


def book(*pages: list[str]) -> Book:
    text = "\f".join("\n".join(page) + "\n" for page in pages)
    return analyse(read_file(text.encode("utf-8"), "test.txt"))


def heads(b: Book) -> list[tuple[str, Heading]]:
    """Each heading's text (its lines joined) and its Heading, in order."""
    out: list[tuple[str, Heading]] = []
    for page in b.pages:
        for line in page.lines:
            if line.heading is None:
                continue
            assert line.role is Role.HEADING
            if line.paragraph_start:
                out.append((line.text.strip(), line.heading))
            else:
                text, heading = out[-1]
                assert heading == line.heading, "every line of a heading has its Heading"
                out[-1] = (f"{text} / {line.text.strip()}", heading)
    return out


# -- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "value", "bare"),
    [
        ("Erſtes Kapitel.", "label:chapter", 1, True),
        ("ERSTES CAPITEL.", "label:chapter", 1, True),
        ("Dritfer Abfchnitt.", "label:section", 3, True),  # OCR slips in both words
        ("Chapter IV", "label:chapter", 4, True),
        ("Kapitel 3. Der Staat", "label:chapter", 3, False),
        ("§. 19.", "section", 19, True),
        ("§. 211. Pönalklagen.", "section", 211, False),
        ("II.", "roman.", 2, True),
        ("A. Reichsjustizgerichte.", "alpha.", 1, False),
        ("1) Die Disciplinarkammern.", "arabic)", 1, False),
        ("a) Die monarchische Institution.", "lower)", 1, False),
        ("aa) Unterfall", "lower2)", 1, False),
        ("(2) Der Fall", "arabic()", 2, False),
    ],
)
def test_numbers_are_read_with_their_style(line: str, style: str, value: int, bare: bool
                                           ) -> None:
    number = read_number(line)
    assert number is not None
    assert (number.style, number.value, number.bare) == (style, value, bare)


@pytest.mark.parametrize("line", ["Der Monarch.", "Unkörperliche Sachen.", "1870 war ein Jahr"])
def test_lines_without_a_number(line: str) -> None:
    assert read_number(line) is None


def test_a_letter_that_is_a_numeral_is_read_both_ways() -> None:
    number = read_number("C. Reichs-Verwaltungsgerichte.")
    assert number is not None and number.alternative is not None
    assert {number.style, number.alternative.style} == {"alpha.", "roman."}


# -- headings as wholes -----------------------------------------------------------------


def test_a_label_and_its_title_are_one_heading_of_the_labels_type() -> None:
    b = book(paragraph() + ["Erſtes Kapitel.", "Der Monarch."] + paragraph(6))
    [(text, heading)] = heads(b)
    assert text == "Erſtes Kapitel. / Der Monarch."
    assert (heading.kind, heading.n, heading.level) == ("chapter", "1", 1)


def test_a_heading_over_two_lines_is_one_heading() -> None:
    b = book(paragraph() + ["Die Antinomie zwiſchen der Vorſtellung des",
                            "allmächtigen Gottes und der Freiheit."] + paragraph(6))
    assert [text for text, _ in heads(b)] == [
        "Die Antinomie zwiſchen der Vorſtellung des / allmächtigen Gottes und der Freiheit."
    ]


def test_a_bare_number_between_paragraphs_is_a_heading() -> None:
    b = book(paragraph() + ["2."] + paragraph(6) + ["3."] + paragraph(5))
    assert [(text, h.n) for text, h in heads(b)] == [("2.", "2"), ("3.", "3")]


def test_a_book_that_sets_titles_on_the_first_line_gives_them_to_their_labels() -> None:
    page: list[str] = []
    for n in (12, 13, 14):
        page += paragraph() + [f"§. {n}.", "Arten der Klagen. (Fortſetzung.)"] + paragraph(5)
    found = heads(book(page))
    assert [text for text, _ in found] == [
        f"§. {n}. / Arten der Klagen. (Fortſetzung.)" for n in (12, 13, 14)
    ]


def test_figures_and_lines_of_figures_head_nothing() -> None:
    b = book(paragraph() + ["Fig. 4.", "Lotusknospe."] + paragraph(5)
             + ["1. D. 6—9, 2. D. 15—18, P. 13—14."] + paragraph(5))
    assert heads(b) == []


def test_short_numbered_entries_counting_on_head_nothing() -> None:
    """Each reads as a heading alone (short, numbered, ending its sentence); one after
    another, counting on, they are the entries of a list."""
    entries = ["1. Die Reichsbank.", "2. Die Reichsschuldenverwaltung.",
               "3) Das Reichsbankdirektorium.", "4) Die Reichsbankstellen."]
    b = book(paragraph() + entries[:2] + paragraph(5) + entries[2:] + paragraph(5))
    assert heads(b) == []
    assert all(line.paragraph_start for line in b.pages[0].lines if line.text in entries)


# -- levels -----------------------------------------------------------------------------


def test_headings_nest_by_the_books_own_habits() -> None:
    page = paragraph() + ["ERSTES CAPITEL.", "Der Monarch.", "1. Inhalt des Rechts.",
                          "a) Die Inſtitution.", "§. 25."] + paragraph(5)
    page += ["b) Die Perſon.", "§. 26."] + paragraph(5)
    page += ["2. Erwerb des Rechts.", "a) Berufung.", "§. 29."] + paragraph(5)
    page += ["ZWEITES CAPITEL.", "Die Stände.", "1. Begriff.", "§. 39."] + paragraph(5)
    found = heads(book(page))
    assert [(text.split(" /")[0], h.level) for text, h in found] == [
        ("ERSTES CAPITEL.", 1), ("1. Inhalt des Rechts.", 2), ("a) Die Inſtitution.", 3),
        ("§. 25.", 4), ("b) Die Perſon.", 3), ("§. 26.", 4), ("2. Erwerb des Rechts.", 2),
        ("a) Berufung.", 3), ("§. 29.", 4), ("ZWEITES CAPITEL.", 1), ("1. Begriff.", 2),
        ("§. 39.", 3),
    ]
    assert all(h.rule == "book" and h.certain for _, h in found)


def test_a_numbering_started_again_shows_what_opened_it() -> None:
    """Unnumbered titles over numbered sections: `2.` after `Die Orphiker.` starts the
    numbers again, so the title stands above them though no heading follows it directly
    (the sections before it, under a title the excerpt does not show, stay at the top)."""
    page = paragraph() + ["6."] + paragraph(6) + ["7."] + paragraph(6)
    page += ["Die Orphiker."] + paragraph(6) + ["2."] + paragraph(6) + ["3."] + paragraph(6)
    found = heads(book(page))
    assert [(text, h.level) for text, h in found] == [
        ("6.", 1), ("7.", 1), ("Die Orphiker.", 1), ("2.", 2), ("3.", 2)]


def test_styles_the_book_never_shows_together_nest_by_convention_uncertainly() -> None:
    page = paragraph() + ["§. 3. Der Staat."] + paragraph(6) + ["I. Die Krone."] + paragraph(6)
    found = heads(book(page))
    assert [h.level for _, h in found] == [1, 2]
    assert [h.rule for _, h in found] == ["convention", "convention"]
    assert not any(h.certain for _, h in found)


def test_a_book_of_one_style_of_heading_has_one_level() -> None:
    page = paragraph() + ["§. 3."] + paragraph(6) + ["§. 4."] + paragraph(6)
    assert [(h.level, h.rule) for _, h in heads(book(page))] == [(1, "only"), (1, "only")]
