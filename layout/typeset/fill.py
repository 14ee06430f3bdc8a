"""Vertical justification: the white a facsimile page has left, spread over its lines.

In: for each body line of a page whether it begins a paragraph or a heading, the room the
page has left above its notes, and the leading. Out: the extra space to put above each
line, so that the text reaches down to the note rule (or the block's foot) as on the
printed page: first between paragraphs (up to half a leading each), then in the leading of
every line (up to a tenth of it). What the limits leave stays above the notes. The
composition decides which pages are filled (not a chapter's last page). Not handled:
squeezing a page that needs more than its block (it gets a taller page instead).
"""

from __future__ import annotations

from collections.abc import Sequence

PARAGRAPH_SPACE = 0.5
"""Most extra space before a paragraph or heading, in leadings."""
LEADING_STRETCH = 0.1
"""Most extra leading of a line, as a share of the leading."""


def spread(starts: Sequence[bool], room: float, leading: float) -> list[float]:
    """The extra space above each line (none above the first) that uses up `room` points,
    within the limits; `starts[k]` is True where line k begins a paragraph or heading."""
    n = len(starts)
    extra = [0.0] * n
    if n < 2 or room <= 0:
        return extra
    openings = [k for k in range(1, n) if starts[k]]
    if openings:
        each = min(PARAGRAPH_SPACE * leading, room / len(openings))
        for k in openings:
            extra[k] += each
        room -= each * len(openings)
    if room > 0:
        each = min(LEADING_STRETCH * leading, room / (n - 1))
        for k in range(1, n):
            extra[k] += each
    return extra
