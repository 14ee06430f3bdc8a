"""The foot of a page: its footnotes under a short rule, and the height they need.

In: set note lines (from `setting`), the page style and the text block's bottom. Out: the
rule and the note lines placed (`Placed`, kind "note"), from the block's foot upwards, and
`foot_height`, what a page's notes take below its last body baseline. Used by both
compositions. Not handled: notes in two columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from layout.typeset.pages import Placed, Style
from layout.typeset.setting import SetText


def foot_height(style: Style, note_lines: int, descent: float) -> float:
    """What the text block needs below its last body baseline: the notes under their rule
    (a leading's gap, then the note lines), else the body's descenders. `descent` is the
    face's descent per point of size (negative)."""
    if note_lines:
        return 0.9 * style.leading + note_lines * style.note_leading - descent * style.note_size
    return -descent * style.size


def place_notes(
    lines: Sequence[SetText], style: Style, x0: float, bottom: float, measure: float,
    descent: float, extra_leading: float = 0.0,
) -> list[Placed]:
    """The notes at the foot of the block, under a short rule; `extra_leading` opens (or,
    negative, closes) the leading between note lines as a filled page wants it."""
    if not lines:
        return []
    leading = style.note_leading + extra_leading
    y = bottom - descent * style.note_size + (len(lines) - 1) * leading
    rule = Placed(
        "rule", x0, y + style.note_leading, width=min(72.0, measure / 3), size=style.rule
    )
    out = [rule]
    for line in lines:
        out.append(line.placed("note", x0, y))
        y -= leading
    return out
