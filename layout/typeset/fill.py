"""Vertical justification: a facsimile page's text brought to the height of its block.

In: for each body line of a page whether it begins a paragraph or a heading, its number of
note lines, the room the page has left above its notes (negative: what it needs beyond its
block) and the leadings. Out: the extra space to put above each body line and the extra
leading of each note line, so that the text reaches down to the note rule (or the block's
foot) as on the printed page. White goes first between paragraphs (up to half a leading
each), then into the leading of every line, body and notes alike (up to a tenth of it);
what the limits leave stays above the notes. A page a little fuller than its block is
squeezed: every leading closes by the same share, up to `LEADING_SQUEEZE` (a twenty-fifth:
half a point at 13 points, which the eye does not see); `squeeze_room` says how much that
is, so the composition gives only a page needing more a taller page of its own. The
composition decides which pages are filled (not a chapter's last page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PARAGRAPH_SPACE = 0.5
"""Most extra space before a paragraph or heading, in leadings."""
LEADING_STRETCH = 0.1
"""Most extra leading of a line, as a share of the leading."""
LEADING_SQUEEZE = 0.04
"""Most a line's leading closes on a page fuller than its block, as a share of it."""


@dataclass(frozen=True, slots=True)
class Filled:
    """Where a page's white (or its squeeze) goes."""

    above: list[float]
    """Extra space above each body line (none above the first; negative: closer)."""
    note_leading: float = 0.0
    """Extra leading of each note line after the first (negative: closer)."""


def _gaps(lines: int, notes: int, leading: float, note_leading: float) -> float:
    """The leading between the page's lines: body to body and note to note."""
    return leading * max(0, lines - 1) + note_leading * max(0, notes - 1)


def squeeze_room(lines: int, notes: int, leading: float, note_leading: float) -> float:
    """How many points a page of `lines` body and `notes` note lines can close up."""
    return LEADING_SQUEEZE * _gaps(lines, notes, leading, note_leading)


def spread(
    starts: Sequence[bool], room: float, leading: float, notes: int = 0,
    note_leading: float = 0.0,
) -> Filled:
    """The extra space above each body line and in each note line's leading that uses up
    `room` points within the limits (a negative room closes the leadings, within theirs);
    `starts[k]` is True where body line k begins a paragraph or heading."""
    n = len(starts)
    above = [0.0] * n
    gaps = _gaps(n, notes, leading, note_leading)
    if room == 0 or gaps <= 0:
        return Filled(above)
    if room < 0:
        share = max(-LEADING_SQUEEZE, room / gaps)
        return Filled([0.0] + [share * leading] * (n - 1) if n else [], share * note_leading)
    openings = [k for k in range(1, n) if starts[k]]
    if openings:
        each = min(PARAGRAPH_SPACE * leading, room / len(openings))
        for k in openings:
            above[k] += each
        room -= each * len(openings)
    share = min(LEADING_STRETCH, room / gaps) if room > 0 else 0.0
    for k in range(1, n):
        above[k] += share * leading
    return Filled(above, share * note_leading)
