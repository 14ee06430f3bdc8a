"""The paragraphs pass: starts from short lines, blank lines and indents; headings; page breaks."""

from __future__ import annotations

from layout.model import Book, Line, Page, Role
from layout.passes.text import paragraphs

FULL = [  # lines of laband1876 at the book's full measure
    "Verantwortlichkeit der Miniſter für ihre Geſchäftsführung zur",
    "Die Verwaltungsgeſchäfte des Reiches ſind in folgender Art zu",
    "Aemtern gruppirt und beſonderen Behörden übertragen worden iſt",
    "Durch den Allerhöchſten Präſidial-Erlaß v. 12. Auguſt 1867 iſt",
    "eine Behörde errichtet worden für die dem Bundeskanzler ſeit",
    "Beaufſichtigung der, durch die Verfaſſung des Norddeutſchen",
]


def page(*lines: Line) -> Page:
    return Page(lines=tuple(lines))


def body(text: str) -> Line:
    return Line(text)


def starts(book: Book) -> list[tuple[int, int]]:
    return [
        (p, i) for p, pg in enumerate(paragraphs.mark(book).pages)
        for i, line in enumerate(pg.lines) if line.paragraph_start
    ]


def test_a_short_line_ends_its_paragraph() -> None:
    book = Book(pages=(page(*map(body, FULL[:3]), body("gegeben."), *map(body, FULL[3:])),))
    assert starts(book) == [(0, 0), (0, 4)]


def test_a_paragraph_running_over_a_page_break_is_not_cut() -> None:
    first = page(Line("313   §. 34. Die Reichsverwaltungs-Behörden.", Role.HEADER),
                 *map(body, FULL[:3]))
    second = page(Line("314   §. 34. Die Reichsverwaltungs-Behörden.", Role.HEADER),
                  Line("", Role.BLANK), *map(body, FULL[3:]))
    assert starts(Book(pages=(first, second))) == [(0, 1)]


def test_a_short_last_line_starts_the_next_page_afresh() -> None:
    first = page(*map(body, FULL[:3]), body("gegeben."))
    second = page(*map(body, FULL[3:]))
    assert (1, 0) in starts(Book(pages=(first, second)))


def test_blank_lines_separate_paragraphs_when_the_book_uses_them() -> None:
    lines = []
    for _ in range(4):
        lines += [*map(body, FULL), Line("", Role.BLANK)]
    book = Book(pages=(page(*lines),))
    assert starts(book) == [(0, 0), (0, 7), (0, 14), (0, 21)]


def test_indented_lines_start_paragraphs_when_the_book_indents() -> None:
    lines = []
    for _ in range(5):
        lines += [body("    " + FULL[0]), *map(body, FULL[1:])]
    book = Book(pages=(page(*lines),))
    assert starts(book) == [(0, 6 * k) for k in range(5)]


def test_a_numbered_heading_is_labelled_and_starts_the_next_paragraph() -> None:
    book = Book(pages=(page(
        *map(body, FULL[:2]), body("zu Aemtern gruppirt und beſonderen Behörden übertragen."),
        body("§. 34. Die Reichsverwaltungs-Behörden."),
        *map(body, FULL[2:]),
    ),))
    marked = paragraphs.mark(book).pages[0].lines
    assert marked[3].role is Role.HEADING and marked[3].paragraph_start
    assert marked[4].paragraph_start and marked[4].role is Role.BODY
    assert [line.role for line in marked].count(Role.HEADING) == 1


def test_a_label_line_and_its_title_are_both_headings() -> None:
    book = Book(pages=(page(
        *map(body, FULL), body("gegeben."),
        body("Erſtes Kapitel."), body("Auguſtinus."),
        *map(body, FULL),
    ),))
    roles = [line.role for line in paragraphs.mark(book).pages[0].lines]
    assert roles[7:9] == [Role.HEADING, Role.HEADING]
    assert roles.count(Role.HEADING) == 2


def test_only_body_lines_become_headings() -> None:
    book = Book(pages=(page(
        *map(body, FULL), body("gegeben."),
        Line("§. 34. Die Reichsverwaltungs-Behörden.", Role.FOOTNOTE),
        *map(body, FULL),
    ),))
    roles = [line.role for line in paragraphs.mark(book).pages[0].lines]
    assert Role.HEADING not in roles and roles[7] is Role.FOOTNOTE


def test_a_book_without_running_text_is_returned_unchanged() -> None:
    book = Book(pages=(page(Line("", Role.BLANK), Line("12", Role.PAGE_NUMBER)),))
    assert paragraphs.mark(book) == book


def test_a_short_line_that_stops_mid_sentence_does_not_end_the_paragraph() -> None:
    from layout.passes import analyse
    from layout.readers.text import read

    text = (
        "5) über die Verwaltung des Reichs-Invalidenfonds mit Einschluß\n"
        "des Festungsbaufonds und des Fonds für das\n"
        "Reichstags-Gebäude, welche der Rechnungshof ebenfalls prüft.\n"
        "Die Erörterung der verschiedenen Richtungen, in welchen der\n"
        "Rechnungshof prüft, folgt später.\n"
        "Ein neuer Absatz beginnt nach einem kurzen Satzende hier.\n"
    )
    lines = analyse(read(text, "p.txt")).pages[0].lines
    assert not lines[2].paragraph_start  # after "für das": the sentence goes on
    assert lines[5].paragraph_start  # after "folgt später.": a new paragraph
