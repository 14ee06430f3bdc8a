"""The rest of a note from the previous page: found when that note was left open and a
gap or the width of its lines sets it apart, not found otherwise."""

from __future__ import annotations

from layout.model import Line, Role
from layout.passes.notes import continuations
from layout.passes.notes.page_lines import BookHints, PageLines, PageState, Widths

OPEN = PageState(open_note=True, had_notes=True)
CLOSED = PageState(open_note=False, had_notes=True)

BODY = "Aus allem Diesem ergiebt sich der Inhalt des Rechts, welches"  # 61 characters
NOTE = "gewalt anzuerkennen, welche jetzt ebensowenig duldet, dass ihre Functionen"  # 74


def view(*texts: str) -> PageLines:
    lines = [Line(t, role=Role.BLANK if not t.strip() else Role.BODY) for t in texts]
    return PageLines.of([Line("58   Erster Abschnitt.", role=Role.HEADER), *lines])


def test_unfinished() -> None:
    page = view("Es ist diess nicht", "als Recht des Staats ausgeübt.", "Vgl. oben S. 12 f.)")
    assert continuations.unfinished(page, (1,))
    assert not continuations.unfinished(page, (2,))
    assert not continuations.unfinished(page, (3,))
    assert not continuations.unfinished(page, ())


def test_rest_after_a_gap() -> None:
    page = view(
        BODY, BODY, "", NOTE, "Sphäre der Gemeinden versetzt werden.", "7 Von der Stellung."
    )
    start, sure = continuations.find(page, 6, BookHints(), OPEN, None, -1)
    assert start == 4 and sure > 0


def test_no_rest_when_the_note_was_finished() -> None:
    page = view(BODY, BODY, NOTE, "Sphäre der Gemeinden versetzt werden.", "7 Von der Stellung.")
    start, _ = continuations.find(page, 5, BookHints(), CLOSED, None, -1)
    assert start == -1


def test_rest_told_by_its_width() -> None:
    widths = Widths(body=61, note=74)
    page = view(BODY, BODY, BODY, NOTE, NOTE, "Sphäre der Gemeinden versetzt werden.")
    odds = widths.odds_of(page)
    start, _ = continuations.find(page, 7, BookHints(widths=widths), OPEN, odds, -1)
    assert start == 4


def test_rest_stays_below_the_marks() -> None:
    page = view(BODY, "", NOTE, "sind selbständige Corporationen7 mit eigenem Leben.", NOTE)
    start, _ = continuations.find(page, 6, BookHints(), OPEN, None, 4)
    assert start == 5
