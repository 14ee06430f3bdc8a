"""The note area of one page: which lines at the page foot are footnotes, split into notes.

In: the page's lines with the roles earlier passes gave them, the label each line starts
with, and what the book and the previous page tell (numbering, label styles, the widths
of body and note lines, whether the last note of the previous page is unfinished). Out:
a `NoteArea`: the rule lines above the notes, and the notes in order, each with its
lines and label (None for the part of a note continued from the previous page).

How: every label line in the run of body lines at the page foot may open the note area;
each such start is scored (a blank line or rule above it, its number fitting the book's
numbering, the marks of its notes standing in the body above, no note-shaped line left
out of the chain of labels below it, lines as wide as note lines) and the best one wins.
Above it, a run of unlabelled lines is the rest of a note from the previous page when
that note was left unfinished and the lines look like note lines.

Not handled: notes set in two columns, notes that are not at the foot (end notes),
labels the OCR lost altogether (such a note merges with the one before it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from layout.passes.notes import continuations, reasons
from layout.passes.notes.flow import PageTies
from layout.passes.notes.labels import LETTER, OCR, SYMBOL, Label, follows, successors
from layout.passes.notes.page_lines import (
    FINISHED,
    BookHints,
    PageLines,
    PageState,
)

LABELLED = 0.6
"""The least score a label line needs to open the note area."""

RIVALS = 3
"""How many of the best-scored starts are weighed together with a continued part."""

HEAD = 0.4
"""What each further line opening a note in the book's label style adds to a chain."""

NEVER = float("-inf")

UNMARKED = 2.5
"""What it costs a run of labelled lines that no mark in the text calls."""

LABELLED_FLOOR = -2.0
"""The most that line widths can speak against a run of notes opened by a label: less
than against an unlabelled run, for the label and its mark speak too."""

MOST_NOTES = 60
"""The most notes a chain of labels opens on one page; lines below the last are its."""

UNCALLED = 0.3
"""How much a label-like line in a chain that fits no numbering and whose mark stands
nowhere in the text counts as a note left out (a whole one when its mark stands)."""

STARTS = 24
"""At most this many label lines of a page are weighed in full as the note area's start:
those whose own place speaks best for it. A chain is read from each down to the page foot,
so the finder stays linear in the page's lines even on a page of thousands of labels."""

STRONG_MARK = 1.2
"""What a strong mark of one of a chain's notes in the text (`word,1`, `Sinne1)`: glued to
a word, where no other reading of the digits is likely) adds: the body above calls notes,
so a chain with it needs no gap above it, nor lines wider than the body's."""

MarkCheck = Callable[[Label, int], int]
"""How many places in the body above the given line hold a likely mark of the label (a
truth value will do where only whether one does matters)."""


@dataclass(frozen=True, slots=True)
class Part:
    """One note, or the part of one, on this page."""

    lines: tuple[int, ...]
    label: Label | None
    rule: str = "label"
    """Why the part was taken (`reasons`: "label", "label-restart", "continued-open", ...)."""
    certain: bool = True


@dataclass(frozen=True, slots=True)
class NoteArea:
    """The notes found at a page foot."""

    parts: tuple[Part, ...] = ()
    rules: tuple[int, ...] = ()
    top: int | None = None
    """The first line of the area (notes or rule); None when the page has no notes."""
    labelled_top: int = -1
    """The first line of the first labelled note (-1 when none)."""
    score: float = 0.0


def _first_ok(label: Label, hints: BookHints, state: PageState) -> float:
    """How well a label fits as the first numbered note of the page."""
    if hints.repeats or label.kind == OCR:
        return 0.5
    if label.value is None:
        return -2.0
    last = state.last_label
    after = last.value + 1 if last is not None and last.value is not None else None
    scheme = hints.scheme
    if after is None and scheme != "page":
        return 1.5 if label.value == 1 else 0.0  # the first notes of the book
    if label.value == 1:
        if scheme == "continuous" and after not in (None, 1):
            return -1.0
        return 1.5
    if last is not None and label.value in successors(last) and scheme != "page":
        if label.style != last.style and label.style not in hints.styles:
            return 0.0  # the next number, but not in the form the notes print it
        return 1.5
    if after is not None and label.kind != SYMBOL and label.value > after and scheme != "page":
        # a note or two the OCR lost; further on, the notes of a page or more that were
        # missed: the number is taken from what follows (the marks, the chain below)
        return 0.0 if label.value - after <= 2 else -1.0
    if scheme == "page" and label.kind != SYMBOL and label.value <= 3:
        return -1.5  # the first label lost, or notes printed out of order
    return -2.5


_CONTINUES_NUMBER = re.compile(
    r"(?:\b(?:[SsPpNnZB]|Art|Nro?|No|Nr|Bd|Bde|Tom|Vol|vol|Th|Abſ|Abs|Anm|Note|pag|pp|col|fol"
    r"|cap|Kap|Sp|ff?)|§|§§)\.?\s*$"
)
"""A line ending with `S.`, `Art.`, `§.`: the number at the next line's start goes on."""


def _chain(
    page: PageLines, start: int, hints: BookHints, short: float, has_mark: MarkCheck
) -> tuple[list[tuple[int, Label]], float]:
    """The notes opened by label lines from `start` down, and how many label lines that
    look like note starts did not fit the numbering."""
    labels = page.labels
    first = labels[start]
    assert first is not None
    heads = [(start, first)]
    rejects = 0.0
    restart = hints.scheme in ("chapter", None)
    prev = start
    for i in range(start + 1, page.bottom + 1):
        if not page.body[i]:
            continue
        lab = labels[i]
        if len(heads) >= MOST_NOTES:
            break  # no page prints so many notes: the rest is the last one's (speed)
        if lab is not None and (lab.kind != LETTER or first.kind == LETTER):
            cur = heads[-1][1]
            fits = follows(cur, lab, hints.repeats) or (
                restart and lab.value == 1 and lab.style == cur.style and cur.kind != OCR
            )  # a numbering that starts again keeps its form
            ends = (
                page.sizes[prev] < short or FINISHED.search(page.texts[prev]) is not None
            ) and not _CONTINUES_NUMBER.search(page.texts[prev])
            if fits and (
                lab.style == cur.style or lab.style in hints.styles or has_mark(lab, start)
            ):
                heads.append((i, lab))
            elif (
                ends
                and lab.style in hints.styles
                and has_mark(lab, start)
                and all(lab.value != h.value for _, h in heads)
            ):
                heads.append((i, lab))  # out of order: printed so, or misread
                rejects += 0.2
            elif (
                ends
                and lab.marker == cur.marker
                and lab.style == cur.style
                and has_mark(lab, start) > sum(1 for _, h in heads if h.marker == lab.marker)
            ):
                heads.append((i, lab))  # the same label twice, each called by a mark
            elif ends and lab.style in hints.styles:
                # a label-like line that fits no numbering: a note lost to the chain when
                # its mark stands in the text, else most likely a number of the note's
                # own text (`3 Thle.`, a year) that happens to start a line
                rejects += 1 if has_mark(lab, start) else UNCALLED
        prev = i
    return heads, rejects


@dataclass(frozen=True, slots=True)
class _Foot:
    """Running sums over the page's foot run, so each start is weighed in constant time
    before its chain is read."""

    odds_below: list[float] | None
    """Per line, the width evidence of it and every line below it to the foot."""
    last_blank: int
    """The last blank line above the page's last body line (-1 when none)."""
    first_blank: int
    """The first blank line between body lines of the foot run (-1 when none)."""

    @classmethod
    def of(cls, page: PageLines, odds: list[float] | None) -> _Foot:
        below: list[float] | None = None
        if odds is not None:
            below = [0.0] * (len(odds) + 1)
            for i in range(page.bottom, -1, -1):
                below[i] = below[i + 1] + odds[i]
        last_blank = next(
            (i for i in range(page.bottom - 1, page.top, -1) if page.blank[i]), -1
        )
        return cls(below, last_blank, page.first_blank)


def _opening(
    page: PageLines, c: int, hints: BookHints, state: PageState, foot: _Foot
) -> float:
    """What line `c`'s own label and place say for its opening the note area (NEVER when
    it cannot open it): the label's number, the gap or rule above, the label style."""
    lab = page.labels[c]
    if lab is None or (lab.kind == LETTER and lab.style not in hints.styles):
        return NEVER  # letters label lists far more often than notes, unless the book
        # marks them in its text (`habits.label_habits`)
    if lab.kind == OCR and not hints.repeats:
        return NEVER  # a quotation mark, unless the OCR reads superscripts so
    score = _first_ok(lab, hints, state)
    if score < -2:
        return NEVER
    prev, blank = page.above(c)
    if blank or (prev >= 0 and page.rule[prev]):
        score += hints.gap
    elif prev >= 0:
        if _CONTINUES_NUMBER.search(page.texts[prev]):
            score -= 2.0  # "S." above: the number goes on, it labels nothing
        if foot.last_blank > c:
            score -= hints.stray_blank  # the gap below, not this line, opens notes
    if hints.styles and lab.style not in hints.styles:
        score -= 1.0
    if foot.odds_below is not None:
        score += max(LABELLED_FLOOR, foot.odds_below[c])
    return score


def _weigh_start(
    page: PageLines,
    c: int,
    opening: float,
    hints: BookHints,
    has_mark: MarkCheck,
    strong_marks: Callable[[Sequence[Label], int], int],
) -> tuple[float, list[tuple[int, Label]]]:
    """How well line `c` opens the note area, given what its own place says (`opening`),
    and the notes it opens: the chain of labels below it and their marks in the text
    (`strong_marks` as in `find`)."""
    lab = page.labels[c]
    assert lab is not None
    score = opening
    short = 0.8 * hints.widths.body if hints.widths else 40.0
    heads, rejects = _chain(page, c, hints, short, has_mark)
    score -= 2.5 * rejects
    score += HEAD * sum(1 for _, h in heads[1:] if h.style in hints.styles)
    marked = 0.3 if hints.repeats or lab.kind == OCR else 0.8  # OCR'd signs are everywhere
    found = sum(1 for _, h in heads if has_mark(h, c))
    score += marked * (2 * found - len(heads))
    if not found:  # notes none of whose marks stand in the text: a list
        score -= UNMARKED * marked / 0.8
    elif not (hints.repeats or lab.kind == OCR) and strong_marks([h for _, h in heads], c) >= 0:
        score += STRONG_MARK  # (not where OCR reads superscripts as signs found everywhere)
    return score, heads


def find(
    page: PageLines,
    hints: BookHints,
    state: PageState,
    has_mark: MarkCheck,
    strong_marks: Callable[[Sequence[Label], int], int],
    ties: PageTies | None = None,
) -> NoteArea:
    """The note area of a page (empty when the page prints no notes).

    `strong_marks(labels, before)` gives the last line above `before` holding a likely
    mark of one of the labels (-1 when none): the body reaches at least that far.
    `ties` tells where a word broken at a line end runs on (`flow`).
    """
    top, bottom = page.top, page.bottom
    if bottom < 0:
        return NoteArea()
    widths = hints.widths
    if not state.had_notes and not any(page.labels[top + 1 : bottom + 1]):
        return NoteArea()  # no label, no note to continue: nothing to find
    odds = widths.odds_of(page, hints.styles) if widths else None

    # no labelled note: at most the rest of one from the previous page, below the marks
    # of the labels in the book's style that it would swallow (they stand in the body)
    labels = page.labels
    cont_start, best_score = continuations.find(page, bottom + 1, hints, state, odds, -1, ties)
    if cont_start >= 0:  # (the marks are looked up only when a rest was found: speed)
        styled = [
            lab for lab in labels[cont_start : bottom + 1] if lab and lab.style in hints.styles
        ][:MOST_NOTES]
        floor = strong_marks(styled, bottom + 1) if styled else -1
        if floor >= cont_start:
            cont_start, best_score = continuations.find(
                page, bottom + 1, hints, state, odds, floor, ties
            )
    best_start, best_heads = -1, []
    foot = _Foot.of(page, odds)
    openings = [  # only label lines can open notes: the others are not weighed (speed)
        (o, c)
        for c in range(top + 1, bottom + 1)
        if labels[c] is not None
        for o in [_opening(page, c, hints, state, foot)]
        if o > NEVER
    ]
    if len(openings) > STARTS:
        openings = sorted(sorted(openings, key=lambda t: -t[0])[:STARTS], key=lambda t: t[1])
    starts = [
        (score, c, heads)
        for o, c in openings
        for score, heads in [_weigh_start(page, c, o, hints, has_mark, strong_marks)]
        if score >= LABELLED
    ]
    # the best starts, each with the rest of a note that may stand above it
    for score, c, heads in sorted(starts, key=lambda t: -t[0])[:RIVALS]:
        s, more = continuations.find(
            page, c, hints, state, odds, strong_marks([h for _, h in heads], c), ties
        )
        total = score + max(0.0, more)
        if more <= 0 and 0 <= foot.first_blank < page.above(c)[0]:
            total -= hints.stray_blank  # a blank line above is left in the body
        if total > best_score:
            best_score, best_start, best_heads = total, c, heads
            cont_start = s if more > 0 else -1

    labelled_top = best_start if best_start >= 0 else bottom + 1
    area_top = cont_start if cont_start >= 0 else best_start
    if area_top < 0:
        return NoteArea()

    parts: list[Part] = []
    if cont_start >= 0:
        cont_lines = _note_lines(page, cont_start, labelled_top)
        if cont_lines:
            parts.append(Part(cont_lines, None, *reasons.of_rest(state, best_score)))
    if best_heads:
        fit = _first_ok(best_heads[0][1], hints, state)
        why = reasons.of_labels(best_heads, fit, hints.repeats, best_score)
        for k, (i, lab) in enumerate(best_heads):
            end = best_heads[k + 1][0] if k + 1 < len(best_heads) else bottom + 1
            parts.append(Part(_note_lines(page, i, end), lab, *why[k]))
    if not parts:
        return NoteArea()
    rules = [i for i in range(area_top, bottom + 1) if page.rule[i]]
    prev, _ = page.above(area_top)
    if prev >= 0 and page.rule[prev]:
        rules.insert(0, prev)  # the rule above the notes
        area_top = prev
    return NoteArea(tuple(parts), tuple(rules), area_top, best_start, best_score)


def _note_lines(page: PageLines, start: int, end: int) -> tuple[int, ...]:
    """The body lines of a note between two lines, without blank lines and rules."""
    return tuple(i for i in range(start, end) if page.body[i] and not page.rule[i])
