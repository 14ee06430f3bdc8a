"""Boxes as OCR formats write them, and the order of the lines they frame.

In: the coordinate strings of PAGE (`Coords/@points`, `Baseline/@points`), hOCR (`bbox`
in `@title`) and djvu XML (`coords`), and lists of read lines. Out: `Box` values in the
page image's pixels, and each block's lines in top-to-bottom order when the file lists
them otherwise (ocropy writes its lines bottom up). Bad numbers give no box rather than
an error: a line without geometry is still a line. Not handled: rotated or vertical
text (a box is always the upright rectangle around the points).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from layout.model import Box, Line

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def numbers(text: str | None) -> list[float]:
    """Every number in a coordinate string, in order."""
    return [float(n) for n in _NUMBER.findall(text or "")]


def around(xs: Sequence[float], ys: Sequence[float], scale: float = 1.0) -> Box | None:
    """The upright box around the points, scaled to pixels; None without a point or when
    the box is empty in both directions."""
    if not xs or not ys:
        return None
    box = Box(
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
    return Box(min(xs), min(ys), max(xs), max(ys))


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


def top_down(lines: list[Line]) -> list[Line]:
    """A block's lines top to bottom: as listed when the file has them so (lines side by
    side stay as listed), else sorted by their middles."""
    if len(lines) < 2 or any(line.box is None for line in lines):
        return lines
    mids = [middle(line) for line in lines]
    if all(a <= b for a, b in zip(mids, mids[1:], strict=False)):
        return lines
    order = sorted(range(len(lines)), key=mids.__getitem__)
    return [lines[i] for i in order]
