"""The note area of one page, and the view of a page it reads: the foot run, the chain of
labels, and the traps (a numbered list in the text, a number going on after `S.`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from layout.model import Line, Role
from layout.passes.notes.areas import MOST_NOTES, find
from layout.passes.notes.labels import Label
from layout.passes.notes.page_lines import BookHints, PageLines, PageState, Widths


def view(*texts: str, header: bool = True) -> PageLines:
    lines = [Line(t, role=Role.BLANK if not t.strip() else Role.BODY) for t in texts]
    if header:
        lines[0] = Line(texts[0], role=Role.HEADER)
    return PageLines.of(lines)


def marks_in(page: PageLines) -> tuple:
    """A mark check that looks for `word<n>)` in the page's text above a line."""

    def has_mark(label: Label, before: int) -> bool:  # the mark glued to a word: `Text1)`
        return any(re.search(rf"\w{label.marker}\)", t) for t in page.texts[:before])

    def strong(labels: Sequence[Label], before: int) -> int:
        hits = [
            i
            for i, t in enumerate(page.texts[:before])
            for lab in labels
            if f"{lab.marker})" in t and not t.lstrip().startswith(lab.marker)
        ]
        return max(hits, default=-1)

    return has_mark, strong


HINTS = BookHints(scheme="page", styles=frozenset({"1)"}))


def test_page_view() -> None:
    page = view("313   Die Reichs-Behörden.", "", "Text der Seite1).", "——————", "1) Note.", "")
    assert (page.top, page.bottom) == (2, 4)
    assert page.rule == (False, False, False, True, False, False)
    assert page.labels[4] is not None and page.labels[4].marker == "1"
    assert page.labels[2] is None and page.labels[0] is None  # the header is not read


def test_widths_speak_for_long_lines_only() -> None:
    widths = Widths(body=60, note=72)
    assert widths.note_odds(75) > 0 > widths.note_odds(61)
    assert widths.note_odds(20) == 0.0  # a short last line says nothing
    assert Widths(body=60, note=61).note_odds(75) == 0.0  # same widths: no evidence


def test_list_in_the_text_is_not_a_note() -> None:
    page = view(
        "Header",
        "Die Staaten ſchloſſen einen Vertrag1):",
        "1) Sie ſchloſſen ein Bündniß.",
        "2) Sie verpflichteten ſich zur Verfaſſung2).",
        "1) Verordn. vom 22. Januar 1874.",
        "2) Geſ. vom 19. Juni 1868 §. 4.",
    )
    area = find(page, HINTS, PageState(), *marks_in(page))
    assert [p.lines for p in area.parts] == [(4,), (5,)]
    assert area.top == 4


def test_number_going_on_after_an_abbreviation_is_no_label() -> None:
    page = view(
        "Header",
        "Der Bundesrath beſchließt1).",
        "",
        "1) Vgl. Hirth’s Annalen 1872 S.",
        "2 ff. und die Protokolle.",
    )
    area = find(page, HINTS, PageState(), *marks_in(page))
    assert [p.lines for p in area.parts] == [(3, 4)]


def test_no_labels_no_open_note_no_area() -> None:
    page = view("Header", "Nur Text auf dieſer Seite,", "und noch mehr Text.")
    state = PageState(open_note=False, had_notes=True)
    assert find(page, HINTS, state, *marks_in(page)).parts == ()


def test_page_of_many_labels_weighs_a_bounded_number_of_starts() -> None:
    """A page of a hundred label-shaped lines (a long numbered list, or OCR noise) still
    finds its one note at the foot: only the best-placed label lines are weighed in full,
    which keeps the finder linear in the page's lines."""
    items = [f"{k % 9 + 1}) Ein Punkt der Liste, ohne Anmerkung." for k in range(100)]
    page = view("Header", "Der Text verweist auf die Note1).", *items, "", "1) Die Note.")
    area = find(page, HINTS, PageState(), *marks_in(page))
    assert [p.lines for p in area.parts] == [(len(items) + 3,)]


def test_widths_speak_for_notes_narrower_than_the_body() -> None:
    widths = Widths(body=56, note=32)  # notes in two columns under a wide text block
    assert widths.note_odds(32) > 0 > widths.note_odds(55)
    assert widths.note_odds(12) == 0.0  # a short last line says nothing


def test_a_notes_last_line_is_not_held_against_it() -> None:
    page = view(
        "Header",
        "A line of the running text of the page, to its full width.",
        "",
        "1) A note in smaller type, so that its lines hold more letters.",
        "Its end, shorter than a full one..",
        "2) The next note, as wide as notes are in the book as a whole.",
    )
    odds = Widths(body=40, note=60).odds_of(page, frozenset({"1)"}))
    assert Widths(body=40, note=60).note_odds(page.sizes[4]) < 0  # alone, it says "body"
    assert odds[4] == 0.0 and odds[3] > 0


def test_a_chain_of_labels_stops_at_the_most_notes_a_page_prints() -> None:
    """A page of hundreds of numbered lines, all called from the text: no more than
    MOST_NOTES notes are opened, and every line below the last stays in it (nothing is
    lost); the work per start is bounded so."""
    count = 3 * MOST_NOTES
    calls = " ".join(f"Wort{k})" for k in range(1, count + 1))
    items = [f"{k}) Beleg {k}." for k in range(1, count + 1)]
    page = view("Header", calls, "", *items)
    area = find(page, HINTS, PageState(), *marks_in(page))
    assert len(area.parts) == MOST_NOTES
    assert [i for p in area.parts for i in p.lines] == list(range(3, 3 + count))
