"""The note area of a page read with geometry: the blocks of a column set in smaller
type than its text, at the column's foot or where a section's notes end it.

In: a page's lines (roles of furniture and marginal notes already given) and its layout
(`layout.geometry`). Out: a `NoteArea`, one part per block (a block the OCR set apart,
else lines split where a label opens one), or None when no block qualifies, or the page
has no geometry.

How: the lines of each column are taken in blocks (the source's text blocks; without
them, runs of lines split at wide gaps) from top to bottom. The column's text is read
from its first block of running text (mostly full lines ending at one right edge;
headings and lists are passed over), by three measures that agree for a smaller face:
the height of the words, the width each character takes (a smaller face sets more
characters to the inch) and the width of a full line (notes often have a measure of
their own). The run of blocks at the column's foot that are smaller by these (by all
three; by two when the block opens with a label), or set to one narrower measure in the
text's own type, is the notes when one of its blocks opens with a label whose mark is in
the text above, or its first block continues a note the page before left open, or it is
justified text smaller by all three measures (a list or a table set small at the foot is
no note). Below a note, a block opening with the next label is the next note. A block
inside the column (older books print a section's notes where the section ends) must be
smaller and open with a bracketed label, `(a)` or `(*)`, whose mark stands in the text
above. Where the text finder (`areas`) sees what a page's text says of its notes, this
sees what the printer's choice of type and measure says, and needs no blank line.

Not handled: notes set in the body's own type and measure (the text finder's case),
notes in a column of their own.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from layout import geometry
from layout.geometry import Layout
from layout.model import Line, Role
from layout.passes.notes.areas import NoteArea, Part
from layout.passes.notes.labels import SYMBOL, Label, follows, parse, symbol_rank

SMALLER = 0.92
"""A measure at this share of the text's or less speaks for smaller type."""
NOT_LARGER = 1.05
"""A measure above this share of the text's speaks against it."""
STRONG = 0.82
"""Type this much smaller in height and in width per character is smaller whatever the
measure of its lines."""
TEXT_BLOCK = 0.6
"""The column's text is read from its first block whose lines are mostly (this share, and
two at least) full lines: a block of running text, not of headings or a list."""
GAP = 1.6
"""Without the source's blocks, a gap of this many line pitches ends one."""
RAGGED = 0.02
"""Lines ending further than this share of the measure from a block's right edge (the
median of its lines' ends) are ragged."""
SAME = 0.03
"""Blocks whose full lines differ by at most this share are set to the same measure."""
MIN_CHARS = 12
"""A line shorter than this says nothing of its face by the width of its characters."""
BRACKETED = frozenset({"(1)", "[1]", "(a)", "(*)", "*"})
"""Label styles distinct enough to open notes inside a column, when their mark is found."""

Measures = tuple[float | None, float | None, float | None]
"""A block's type height, width per character and full-line width (None: unknown)."""


def _column_of(line: Line, layout: Layout) -> int:
    """The column a line stands in: the one it overlaps most."""
    box = line.box
    assert box is not None
    best, best_overlap = 0, float("-inf")
    for k, (left, right) in enumerate(layout.columns):
        overlap = min(box.x1, right) - max(box.x0, left)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def _median(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None and v > 0]
    return float(statistics.median(known)) if known else None


def _measures(lines: Sequence[Line], block: list[int], layout: Layout) -> Measures:
    heights = [geometry.type_height(lines[i]) for i in block]
    per_char: list[float | None] = []
    widths: list[float | None] = []
    for i in block:
        box, text = lines[i].box, lines[i].text.strip()
        assert box is not None
        per_char.append(box.width / len(text) if len(text) >= MIN_CHARS else None)
        widths.append(float(box.width) if layout.full(box) else None)
    return _median(heights), _median(per_char), _median(widths)


def _blocks(lines: Sequence[Line], column: list[int], layout: Layout) -> list[list[int]]:
    """The column's lines in blocks, top to bottom: the source's blocks, else runs of
    lines split at wide gaps."""
    if all(lines[i].region is not None for i in column):
        by_region: dict[str, list[int]] = {}
        for i in column:
            by_region.setdefault(lines[i].region or "", []).append(i)
        blocks = list(by_region.values())
    else:
        blocks = []
        for i in column:
            if blocks and geometry.middle(lines[i]) - geometry.middle(
                    lines[blocks[-1][-1]]) <= GAP * layout.pitch:
                blocks[-1].append(i)
            else:
                blocks.append([i])
    return sorted(blocks, key=lambda b: geometry.middle(lines[b[0]]))


def _ratios(m: Measures, ref: Measures) -> list[float | None]:
    return [a / b if a is not None and b else None for a, b in zip(m, ref, strict=True)]


def _smaller(ratios: list[float | None], labelled: bool) -> bool:
    """Whether a block's measures speak for smaller type than the text's: all three
    (two when the block opens with a label), or height and width per character by much."""
    known = [r for r in ratios if r is not None]
    if not known or max(known) > NOT_LARGER:
        return False
    height, per_char, _ = ratios
    if height is not None and per_char is not None and max(height, per_char) <= STRONG:
        return True
    agree = sum(1 for r in known if r <= SMALLER)
    return agree >= (2 if labelled else 3)


_BRACKETED_SYMBOL = re.compile(r"\s*\((\*{1,3}|†{1,2}|‡)\)\s*(?=\S)")
"""A symbol in brackets opening a note, `(*)` or `(**)`."""


def _label(text: str) -> Label | None:
    """The note label a block's first line opens with: the text finder's grammar, and
    a bracketed symbol (`(*)`), which the type set apart makes a label here."""
    found = parse(text)
    if found is None and (m := _BRACKETED_SYMBOL.match(text)) is not None:
        return Label(m.group(1), SYMBOL, "(*)", symbol_rank(m.group(1)), m.end())
    return found


_BRACKETS = re.compile(r"[(\[][^()\[\]\s]{1,3}[)\]]|\*\)")
"""A bracketed label or mark as printed: `(a)`, `(12)`, `[3]`, `(*)`, `*)`."""


def _marked(block: list[int], lines: Sequence[Line], above: list[int]) -> bool:
    """Whether a bracketed label printed in the block (older books run several notes
    on in one block) stands in the text above as a mark."""
    printed = {m.group() for i in block for m in _BRACKETS.finditer(lines[i].text)}
    return any(mark in lines[i].text for i in above for mark in printed)


def _justified(lines: Sequence[Line], block: list[int], layout: Layout) -> bool:
    """Whether a block's lines (but its last) end at one right edge, as running text's
    do (headings, lists and tables are ragged)."""
    ends = [box.x1 for i in block[:-1] if (box := lines[i].box) is not None]
    if not ends:
        return True
    edge = statistics.median(ends)
    return sum(1 for x in ends if abs(edge - x) <= RAGGED * layout.measure) >= (
        TEXT_BLOCK * len(ends))


def _text_block(lines: Sequence[Line], block: list[int], layout: Layout, least: int) -> bool:
    """Whether a block is running text: at least `least` full lines, mostly full lines,
    ending at one right edge."""
    full = sum(1 for i in block if (box := lines[i].box) is not None and layout.full(box))
    return (
        full >= least
        and full >= TEXT_BLOCK * len(block)
        and _justified(lines, block, layout)
    )


def _narrower(m: Measures, ref: Measures) -> bool:
    """Whether a block is set to a narrower measure than the text's."""
    return m[2] is not None and ref[2] is not None and m[2] <= SMALLER * ref[2]


def _same_measure(a: Measures, b: Measures) -> bool:
    return a[2] is not None and b[2] is not None and abs(a[2] - b[2]) <= SAME * b[2]


def _column_notes(lines: Sequence[Line], column: list[int], layout: Layout,
                  open_note: bool) -> list[list[int]]:
    """The note blocks of one column; `open_note`: the page before left a note open."""
    blocks = _blocks(lines, column, layout)
    if len(blocks) < 2:
        return []  # the column's text and nothing set apart from it
    measures = [_measures(lines, b, layout) for b in blocks]
    # the text's type: the column's first block if it is running text (a page may open
    # with one line of text above a long note), else its first block of two full lines
    ref_at = 0 if blocks and _text_block(lines, blocks[0], layout, 1) else next(
        (k for k, b in enumerate(blocks) if _text_block(lines, b, layout, 2)), None
    )
    if ref_at is None:
        return []
    ref = measures[ref_at]
    labels = [_label(lines[b[0]].text) for b in blocks]
    small = [
        k > ref_at and _smaller(_ratios(m, ref), labels[k] is not None)
        for k, m in enumerate(measures)
    ]
    # at the column's foot, the notes' own measure speaks as well: a run of blocks set
    # to one narrower measure is the notes when one of them opens with a label whose mark
    # is in the text, or the first continues a note the page before left open
    text = [i for b in blocks[: ref_at + 1] for i in b]
    foot = len(blocks)
    while foot > ref_at + 1 and (
        small[foot - 1]
        or _narrower(measures[foot - 1], ref)
        and (foot == len(blocks) or _same_measure(measures[foot - 1], measures[foot]))
    ):
        foot -= 1
    run = range(foot, len(blocks))
    labelled = any(labels[k] is not None and _marked(blocks[k], lines, text) for k in run)
    continued = open_note and foot < len(blocks) and labels[foot] is None
    # without a label, smaller type alone makes notes of justified text, not of a list,
    # a table or the last line of a page
    unlabelled = sum(len(blocks[k]) for k in run) >= 2 and all(
        small[k] and _justified(lines, blocks[k], layout) for k in run)
    if not (labelled or continued or unlabelled):
        foot = len(blocks)
    notes: list[list[int]] = []
    above: list[int] = []
    last: Label | None = None
    for k, block in enumerate(blocks):
        label = labels[k]
        if (
            k >= foot
            or small[k] and label is not None and label.style in BRACKETED
            and _marked(block, lines, above)
            or notes and last is not None and label is not None and follows(last, label)
        ):
            notes.append(block)
            last = label or last
        else:
            above += block
    return notes


def _parts(lines: Sequence[Line], block: list[int], split: bool) -> list[Part]:
    """The notes of a block: one, or (a run of lines that is no source block) one more
    at every line that opens with a label."""
    parts: list[Part] = []
    current: list[int] = []
    label: Label | None = None
    for i in block:
        found = parse(lines[i].text)
        if split and found is not None and current:
            parts.append(Part(tuple(current), label))
            current = []
        if not current:
            label = found  # a part's label is its first line's (None: a continued note)
        current.append(i)
    if current:
        parts.append(Part(tuple(current), label))
    return parts


def area(lines: Sequence[Line], layout: Layout | None, open_note: bool = False
         ) -> NoteArea | None:
    """The notes set in smaller type (or to a measure of their own) in the page's
    columns, or None; `open_note`: the page before left a note unfinished."""
    if layout is None:
        return None
    text = [i for i, line in enumerate(lines)
            if line.role is Role.BODY and line.box is not None and line.text.strip()]
    if not text:
        return None
    columns: list[list[int]] = [[] for _ in layout.columns]
    for i in text:
        columns[_column_of(lines[i], layout)].append(i)
    parts: list[Part] = []
    for column in columns:
        column.sort(key=lambda i: geometry.middle(lines[i]))
        for block in _column_notes(lines, column, layout, open_note):
            split = any(lines[i].region is None for i in block)
            parts += _parts(lines, sorted(block, key=lambda i: geometry.middle(lines[i])),
                            split)
    if not parts:
        return None
    top = min(i for part in parts for i in part.lines)
    labelled = [part.lines[0] for part in parts if part.label is not None]
    return NoteArea(tuple(parts), (), top, min(labelled, default=-1), 0.0)

