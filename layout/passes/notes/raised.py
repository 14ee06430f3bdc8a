"""Note marks read from geometry: a mark printed raised and smaller than its line's words.

In: a mark candidate (`anchors.Candidate`) and the line it stands in. Out: the candidate
with more weight when the source boxes the mark as a word of its own (`¹`, `(a)`, `*`)
whose box stands above its neighbours' baseline and is smaller than they are, as a
superscript is printed; unchanged otherwise (a line without word boxes, a mark glued to
its word, a mark set on the line). Not handled: marks glued to a word (the word's box is
the word's), baseline slopes.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from layout.model import Box, Line, word_texts
from layout.passes.notes.anchors import Candidate

RAISED = 1.0
"""What a raised, smaller mark adds to its candidate's weight."""
LIFT = 0.25
"""A mark's bottom stands this share of its neighbours' height above their bottoms..."""
SMALLER = 0.8
"""... and its box is at most this share of their height."""


def _word_box(line: Line, start: int, end: int) -> Box | None:
    """The box of the word that is exactly (or holds only) characters start:end (found
    by the words' texts: most marks are glued to a word, and their line's words need not
    be made)."""
    offset = 0
    for k, text in enumerate(word_texts(line.words)):
        at = line.text.find(text, offset) if text else -1
        if at < 0:
            return None
        if at <= start and end <= at + len(text):
            alone = not text[: start - at].strip("([") and not text[end - at:].strip(")]")
            return line.words[k].box if alone else None
        offset = at + len(text)
    return None


def lift(candidate: Candidate, line: Line) -> Candidate:
    """The candidate, weighed up when its mark is boxed raised and small."""
    if not line.words:
        return candidate
    box = _word_box(line, candidate.start, candidate.end)
    if box is None:
        return candidate
    others = [w.box for w in line.words if w.box is not None and w.box is not box]
    if len(others) < 2:
        return candidate
    height = statistics.median(b.height for b in others)
    bottom = statistics.median(b.y1 for b in others)
    if box.y1 <= bottom - LIFT * height and box.height <= SMALLER * height:
        return replace(candidate, weight=candidate.weight + RAISED)
    return candidate
