"""Where a page's lines stand: its text block and columns, its rows, its type size.

In: a Page whose lines carry boxes (OCR with geometry). Out: a `Layout` measured once
per page, for the passes that weigh geometry as evidence: the measure (the width of a
full text line, weighted by the characters lines hold, so many short marginal lines do
not shrink it), the text block's left and right edges and its columns, the body's type
height and line pitch, and the printed lines grouped in rows top to bottom. A page
without boxes has no layout (`of` gives None), and every pass then decides from the
text alone, exactly as before.

Not handled: rotated or vertical text, pages whose text block is not upright.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from layout.model import Box, Line, Page, Role, word_heights

FULL = 0.6
"""A line at least this share of the measure wide is a full text line (a column's)."""
SPANNING = 1.3
"""A line wider than this many measures spans columns (a running title, a heading)."""
COLUMN_OVERLAP = 0.5
"""Two full lines whose extents overlap by this share of the narrower are one column."""
COLUMN_LINES = 3
"""The fewest full lines that make a column."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The geometry of one page, measured from its lines' boxes."""

    measure: float
    """The width of a full text line, in pixels."""
    left: float
    right: float
    """The text block's edges: where full lines begin and end (columns included)."""
    columns: tuple[tuple[float, float], ...]
    """The text columns' left and right edges, left to right (one for most pages)."""
    size: float
    """The body's type height: the median height of its words (or lines)."""
    pitch: float
    """The distance from one full line's middle to the next one's, in the body."""
    rows: tuple[tuple[int, ...], ...]
    """The printed lines (not blank, not marginal) in rows, top to bottom; the lines of a
    row stand side by side (a folio beside its title, a signature beside a catchword)."""

    def full(self, box: Box) -> bool:
        """Whether a line of this box is a full line of a column."""
        return FULL * self.measure <= box.width <= SPANNING * self.measure


def has_boxes(page: Page) -> bool:
    """True when some line of the page has a box."""
    return any(line.box is not None for line in page.lines)


def type_height(line: Line) -> float:
    """The height of a line's type: the median height of its words' boxes (a line's own
    box often takes in the ascenders and descenders of its neighbours), else its box's."""
    heights = sorted(word_heights(line.words))
    if heights:
        half = len(heights) // 2
        return float(heights[half] if len(heights) % 2 else (heights[half - 1] + heights[half]) / 2)
    return float(line.box.height) if line.box is not None else 0.0


def ink(line: Line) -> Box | None:
    """Where the line's print stands: around its words' boxes when the source gives
    them (a line's own box may take in white space), else its box."""
    boxes = [w.box for w in line.words if w.box is not None and w.text.strip()]
    if not boxes:
        return line.box
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
               max(b.x1 for b in boxes), max(b.y1 for b in boxes))


def word_gap(line: Line, start: int, end: int, after: bool) -> float | None:
    """The white space on the page between the word holding characters start:end of the
    line's text and the next word (`after`) or the one before, in the line's average
    character widths; None when the line has no word boxes to tell."""
    box = line.box
    text = line.text.strip()
    if box is None or not text or not line.words:
        return None
    spans: list[tuple[int, int, Box | None]] = []
    offset = 0
    for word in line.words:
        at = line.text.find(word.text, offset) if word.text else -1
        if at < 0:
            return None
        spans.append((at, at + len(word.text), word.box))
        offset = at + len(word.text)
    for k, (s, e, b) in enumerate(spans):
        if s <= start < e or s < end <= e:
            other = k + 1 if after else k - 1
            if b is None or not 0 <= other < len(spans) or spans[other][2] is None:
                return None
            nb = spans[other][2]
            assert nb is not None
            white = nb.x0 - b.x1 if after else b.x0 - nb.x1
            return max(0.0, white) / (box.width / len(line.text))
    return None


def middle(line: Line) -> float:
    """The height of the line's middle on the page. Its box is used, not its baseline:
    baselines are missing from most OCR and sometimes wrong in ground truth, and the box
    stands as well for where a line is set and how far apart lines are."""
    box = line.box
    return (box.y0 + box.y1) / 2 if box is not None else 0.0


def _measure(lines: list[Line]) -> float:
    """The width of a full line: the width at which, taking the widest lines first, half
    the page's characters are counted."""
    placed = sorted(
        ((ln.box.width, len(ln.text.strip())) for ln in lines if ln.box is not None),
        reverse=True,
    )
    total = sum(n for _, n in placed)
    seen = 0
    for width, n in placed:
        seen += n
        if 2 * seen >= total:
            return float(width)
    return float(placed[0][0]) if placed else 0.0


def _columns(boxes: list[Box], measure: float) -> list[tuple[float, float]]:
    """The text columns: full lines that do not span columns, grouped where their
    extents overlap (a group's mean extent, kept as lines join it); each column's edges
    are its lines' median edges."""
    groups: list[list[Box]] = []
    sums: list[list[float]] = []  # per group: sum of x0, sum of x1
    for box in sorted((b for b in boxes if b.width <= SPANNING * measure), key=lambda b: b.x0):
        for group, total in zip(groups, sums, strict=True):
            x0, x1 = total[0] / len(group), total[1] / len(group)
            overlap = min(x1, box.x1) - max(x0, box.x0)
            if overlap >= COLUMN_OVERLAP * min(x1 - x0, box.width):
                group.append(box)
                total[0] += box.x0
                total[1] += box.x1
                break
        else:
            groups.append([box])
            sums.append([float(box.x0), float(box.x1)])
    columns = [
        (float(statistics.median(b.x0 for b in g)), float(statistics.median(b.x1 for b in g)))
        for g in groups if len(g) >= COLUMN_LINES
    ]
    if columns:
        return sorted(columns)
    return [(float(statistics.median(b.x0 for b in boxes)),
             float(statistics.median(b.x1 for b in boxes)))]


def _pitch(lines: Sequence[Line], full: list[int], size: float) -> float:
    """The median distance between the middles of consecutive full lines of one block
    (a larger step is a gap between paragraphs or blocks, not the pitch)."""
    steps = []
    for a, b in zip(full, full[1:], strict=False):
        la, lb = lines[a], lines[b]
        if la.region != lb.region:
            continue
        step = middle(lb) - middle(la)
        if 0 < step < 4 * size:
            steps.append(step)
    return float(statistics.median(steps)) if steps else 1.5 * size


def rows(page: Page, indices: list[int], size: float) -> list[list[int]]:
    """The given lines in rows, top to bottom: a line joins the row above when its
    middle stands within half a type height of the row's first line."""
    order = sorted(indices, key=lambda i: middle(page.lines[i]))
    out: list[list[int]] = []
    for i in order:
        if out and middle(page.lines[i]) - middle(page.lines[out[-1][0]]) < size / 2:
            out[-1].append(i)
        else:
            out.append([i])
    for row in out:
        row.sort(key=lambda i: _left(page.lines[i]))
    return out


def _left(line: Line) -> int:
    return line.box.x0 if line.box is not None else 0


Frame = tuple[float, tuple[tuple[float, float], ...], float, float]
"""What a page's boxes and texts alone say: measure, columns, type height, pitch."""

SIZE_SAMPLE = 25
"""The type height is read from at most this many full lines, spread over the page."""

_FRAMES: dict[tuple[int, int, int], tuple[Box, Box, Frame]] = {}
"""Frames of pages measured lately, by their first and last boxes (kept alive with the
frame, so an id cannot be reused while cached): every geometry pass asks again of pages
whose boxes no pass changes."""
FRAMES_KEPT = 4096


def _frame(lines: Sequence[Line], printed: list[int], boxes: dict[int, Box]) -> Frame | None:
    first, last = boxes[printed[0]], boxes[printed[-1]]
    key = (id(first), id(last), len(lines))
    known = _FRAMES.get(key)
    if known is not None and known[0] is first and known[1] is last:
        return known[2]
    measure = _measure([lines[i] for i in printed])
    if measure <= 0:
        return None
    full = [i for i in printed if FULL * measure <= boxes[i].width]
    columns = _columns([boxes[i] for i in full], measure)
    sample = full or printed
    step = -(-len(sample) // SIZE_SAMPLE)  # at most SIZE_SAMPLE lines
    size = float(statistics.median([type_height(lines[i]) for i in sample[::step]])) or 1.0
    frame = (measure, tuple(columns), size, _pitch(lines, full, size))
    if len(_FRAMES) >= FRAMES_KEPT:
        _FRAMES.clear()
    _FRAMES[key] = (first, last, frame)
    return frame


_LAYOUTS: dict[tuple[int, int, int, tuple[int, ...]], tuple[Box, Box, Layout]] = {}
"""Layouts lately measured, as `_FRAMES`, by their lines in rows too (no marginal note)."""


def of(page: Page) -> Layout | None:
    """The page's layout, or None when its lines have no boxes."""
    lines = page.lines
    marginal = Role.MARGINAL
    printed: list[int] = []  # lines with a box and a text: what the page's layout is of
    in_rows: list[int] = []  # those of them in the text's rows (no marginal note)
    for i, ln in enumerate(lines):  # one loop: the passes ask six times a page
        if ln.box is not None and ln.text and not ln.text.isspace():
            printed.append(i)
            if ln.role is not marginal:
                in_rows.append(i)
    if not printed:
        return None
    first, last = lines[printed[0]].box, lines[printed[-1]].box
    key = (id(first), id(last), len(lines), tuple(in_rows))
    known = _LAYOUTS.get(key)
    if known is not None and known[0] is first and known[1] is last:
        return known[2]
    boxes = {i: box for i in printed if (box := lines[i].box) is not None}
    frame = _frame(lines, printed, boxes)
    if frame is None:
        return None
    measure, columns, size, pitch = frame
    layout = Layout(
        measure=measure,
        left=min(c[0] for c in columns),
        right=max(c[1] for c in columns),
        columns=columns,
        size=size,
        pitch=pitch,
        rows=tuple(tuple(r) for r in rows(page, in_rows, size)),
    )
    if len(_LAYOUTS) >= FRAMES_KEPT:
        _LAYOUTS.clear()
    _LAYOUTS[key] = (boxes[printed[0]], boxes[printed[-1]], layout)
    return layout
