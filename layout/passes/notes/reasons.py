"""Why each note of a page was taken, and how sure the finder is of it: the reasons the
model keeps (`Footnote.rule`, `Footnote.certain`), as `Line.hyphen_rule` keeps them for
hyphens.

In: the chain of labels the note-area finder chose, how well its first label fits the
book's numbering, what the previous page leaves, and the area's score. Out: per note
part a rule name and whether the finder is sure. Not handled: the certainty of a note's
mark (`Anchor.certain`, from `anchors`).
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.passes.notes.labels import Label, follows
from layout.passes.notes.page_lines import PageState

SURE_AREA = 2.0
"""An area scoring below this is found on thin evidence: each of its notes is unsure."""

FITS = 1.5
"""The fit of a first label that is the number the book's numbering expects."""


def of_labels(
    heads: Sequence[tuple[int, Label]], first_fit: float, repeats: bool, score: float
) -> list[tuple[str, bool]]:
    """The rule and certainty of each labelled note, in order.

    `label`: its label follows the one before (or, for the first, is the number the
    book's numbering expects); `label-restart`: the numbering starts again at 1 within
    the page; `label-off-sequence`: the first label is not the expected number (notes
    missed on a page before, or the OCR lost one); `label-twice`: the same label as the
    note before, called by a mark of its own; `label-out-of-order`: printed or misread
    out of order, taken for its mark in the text.
    """
    sure_area = score >= SURE_AREA
    out: list[tuple[str, bool]] = []
    for k, (_, lab) in enumerate(heads):
        if k == 0:
            fits = first_fit >= FITS
            out.append(("label" if fits else "label-off-sequence", fits and sure_area))
            continue
        prev = heads[k - 1][1]
        if follows(prev, lab, repeats):
            out.append(("label", sure_area))
        elif lab.value == 1 and lab.style == prev.style:
            out.append(("label-restart", sure_area))
        elif lab.marker == prev.marker:
            out.append(("label-twice", False))
        else:
            out.append(("label-out-of-order", False))
    return out


def of_rest(state: PageState, score: float) -> tuple[str, bool]:
    """The rule and certainty of the rest of a note continued from the page before,
    named for what the page before told: its last note left its sentence `open`, ended
    in a colon or an open parenthesis (`leaning`), ended a sentence (`closed`: the lines
    themselves had to show it), or there was no page before (`first-page`)."""
    if state.first:
        return "continued-first-page", False
    if state.open_note:
        return "continued-open", score >= SURE_AREA
    if state.leaning:
        return "continued-leaning", False
    return "continued-closed", False
