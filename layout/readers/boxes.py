"""Boxes as OCR formats write them, and the order of the lines they frame.

In: the coordinate strings of PAGE (`Coords/@points`, `Baseline/@points`), hOCR (`bbox`
in `@title`) and djvu XML (`coords`), and lists of read lines. Out: `Box` values in the
page image's pixels, and each block's lines in top-to-bottom order when the file lists
them otherwise (ocropy writes its lines bottom up). Bad numbers give no box rather than
an error: a line without geometry is still a line. Not handled: rotated or vertical
text (a box is always the upright rectangle around the points).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from layout.model import Box, Line, box_of

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def numbers(text: str | None) -> list[float]:
    """Every number in a coordinate string, in order."""
    return [float(n) for n in _NUMBER.findall(text or "")]


def around(xs: Sequence[float], ys: Sequence[float], scale: float = 1.0) -> Box | None:
    """The upright box around the points, scaled to pixels; None without a point or when
    the box is empty in both directions."""
    if not xs or not ys:
        return None
    box = box_of(
        round(min(xs) * scale), round(min(ys) * scale),
        round(max(xs) * scale), round(max(ys) * scale),
    )
    if box.x1 < box.x0 or box.y1 < box.y0:
        return None
    return box


def from_points(points: str | None) -> Box | None:
    """PAGE `@points` ("x1,y1 x2,y2 ..."): the box around them."""
    if not points:
        return None
    try:  # the common case: whole pixels, "x,y" pairs apart
        values = [int(v) for v in points.replace(",", " ").split()]
    except ValueError:
        values = [round(v) for v in numbers(points)]
    xs, ys = values[0::2], values[1::2]
    if not xs or not ys:
        return None
    return box_of(min(xs), min(ys), max(xs), max(ys))


def baseline_y(points: str | None) -> int | None:
    """PAGE `Baseline/@points`: the baseline's mean height on the page."""
    values = numbers(points)
    ys = values[1::2]
    return round(sum(ys) / len(ys)) if ys else None


def from_extent(x: float, y: float, width: float, height: float, scale: float) -> Box | None:
    """ALTO's HPOS, VPOS, WIDTH, HEIGHT, scaled to pixels."""
    if width < 0 or height < 0:
        return None
    return around((x, x + width), (y, y + height), scale)


def middle(line: Line) -> float:
    """The height of a line's middle (its baseline, if the box is missing: 0)."""
    if line.box is not None:
        return (line.box.y0 + line.box.y1) / 2
    return float(line.baseline or 0)


SPANNING = 1.3
"""A line this many times wider than a block's median line spans its columns."""
COLUMN_LINES = 3
"""The fewest lines that make a column of a block."""
COLUMN_WIDTH = 0.5
"""A column is at least this share of the widest column's width (a run of marginal
notes beside the text block is narrower: no column)."""
MOST_COLUMNS = 8
"""More separate runs of lines than this are scattered lines, not columns."""


def _columns(boxes: list[Box]) -> list[int] | None:
    """Each line's column (left to right, -1 for a line spanning them), or None when the
    lines stand in one column. Linear: a line is compared with at most MOST_COLUMNS
    columns."""
    widths = sorted(b.width for b in boxes)
    wide = SPANNING * widths[len(widths) // 2]
    spans: list[list[int]] = []  # per column: left, right, lines
    of: list[int] = []
    for b in boxes:
        if b.width > wide:
            of.append(-1)
            continue
        for k, span in enumerate(spans):
            if min(span[1], b.x1) - max(span[0], b.x0) > 0:
                span[0], span[1], span[2] = min(span[0], b.x0), max(span[1], b.x1), span[2] + 1
                of.append(k)
                break
        else:
            if len(spans) == MOST_COLUMNS:
                return None
            spans.append([b.x0, b.x1, 1])
            of.append(len(spans) - 1)
    full = [s[1] - s[0] for s in spans if s[2] >= COLUMN_LINES]
    if sum(1 for w in full if w >= COLUMN_WIDTH * max(full)) < 2:
        return None
    rank = {k: r for r, k in enumerate(sorted(range(len(spans)), key=lambda k: spans[k][0]))}
    return [rank[k] if k >= 0 else -1 for k in of]


def top_down(lines: list[Line], columns: bool = False) -> list[Line]:
    """A block's lines in reading order: as listed when the file has them so, else
    sorted top to bottom by their middles. With `columns` (lines the source sets in no
    block: the page is one run), lines standing in columns are read column by column,
    a line spanning the columns (a heading) before the lines below it."""
    if len(lines) < 2 or any(line.box is None for line in lines):
        return lines
    mids = [middle(line) for line in lines]
    column = _columns([line.box for line in lines if line.box is not None]) if columns else None
    if column is None:
        if all(a <= b for a, b in zip(mids, mids[1:], strict=False)):
            return lines
        order = sorted(range(len(lines)), key=mids.__getitem__)
        return [lines[i] for i in order]
    keys = [(column[i], mids[i]) for i in range(len(lines))]
    if all(a <= b for a, b in zip(keys, keys[1:], strict=False)) and -1 not in column:
        return lines  # listed column by column already
    heads = sorted(mids[i] for i in range(len(lines)) if column[i] == -1)

    def key(i: int) -> tuple[int, int, float]:
        above = bisect.bisect_left(heads, mids[i])  # spanning lines above this one
        if column[i] == -1:
            return (2 * above + 1, -1, mids[i])  # between the columns above and below it
        return (2 * above, column[i], mids[i])

    return [lines[i] for i in sorted(range(len(lines)), key=key)]
