"""Mark the lines printed in the margins beside the text block: role `marginal`.

In: a Book as read (blank lines marked). Out: the same Book with the lines that stand
outside the text block, left or right of its columns and level with its text, labelled
`marginal` (only body lines change), unless it is set in larger type than the body (an
initial letter). A line is outside when its middle lies beyond the
columns' edges and at most half of it reaches into them; the OCR's blocks then speak for
their lines: a block most of whose lines stand outside is a marginal note as a whole (its
last lines may run on under the text, the full width of the page), and a block most of
whose lines stand inside keeps them all. The text block's edges are checked once more
against the widest lines that are not marginal, spanning ones too (a table's row labels
stand left of its columns, inside the text block a line of text above it spans). A
marginal note has words (two letters at least: a column of bare numbers is a register's
or a table's). Lines above the text's first full line or below its last (folios, running
titles, signatures) are furniture's, not this pass's. Books without geometry are
returned unchanged.

Not handled: marginal notes set inside the text block (cut-in notes), line numbers
(read as marginal notes), notes in the gutter of a two-page spread scanned as one image.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from layout import geometry
from layout.model import Book, Box, Page, Role

REACH = 0.5
"""The most of a marginal line's width that may reach into the text block."""
BLOCK_SHARE = 2 / 3
"""A block with at least this share of its printed lines outside is a marginal note."""
TYPE = 1.5
"""A marginal note is set no larger than this many times the body's type (an initial
letter beside the text is not a note)."""
LETTERS = 2
"""A marginal note has words: a column of bare numbers beside the text (a register's page
references, a table's) is none."""


def _outside(box: Box, left: float, right: float) -> bool:
    middle = (box.x0 + box.x1) / 2
    inside = min(box.x1, right) - max(box.x0, left)
    return (middle < left or middle > right) and inside <= REACH * box.width


def _level(box: Box, top: float, bottom: float) -> bool:
    """Whether the line stands level with the text block (from half a line above the
    middle of its first full line to half a line below its last), not above or below."""
    middle = (box.y0 + box.y1) / 2
    return top <= middle <= bottom


def _blocks(page: Page, printed: list[int], found: set[int]) -> set[int]:
    """The lines found outside, with the OCR's blocks speaking for their lines: a block
    mostly outside is marginal as a whole, a block mostly inside keeps all its lines."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in printed:
        region = page.lines[i].region
        if region is not None:
            blocks[region].append(i)
    out = set(found)
    for members in blocks.values():
        share = sum(1 for i in members if i in found) / len(members)
        if share >= BLOCK_SHARE:
            out.update(members)
        elif share < 1 - BLOCK_SHARE:
            out.difference_update(members)
    return out


def marginal_lines(page: Page) -> set[int]:
    """The indices of the page's lines printed in its margins."""
    layout = geometry.of(page)
    if layout is None:
        return set()
    lines = page.lines
    boxes = {i: ln.box for i, ln in enumerate(lines) if ln.box is not None and ln.text.strip()}
    printed = list(boxes)
    full = [i for i in printed if layout.full(boxes[i])]
    if not full:
        return set()
    top = min(boxes[i].y0 + boxes[i].y1 for i in full) / 2 - layout.pitch / 2
    bottom = max(boxes[i].y0 + boxes[i].y1 for i in full) / 2 + layout.pitch / 2
    # a line inside the columns is never marginal: only the others are looked at further
    beside = [i for i in printed if _outside(boxes[i], layout.left, layout.right)]
    if not beside:
        return set()
    level = [
        i for i in beside
        if _level(boxes[i], top, bottom)
        and geometry.type_height(lines[i]) <= TYPE * layout.size
        and sum(map(str.isalpha, lines[i].text)) >= LETTERS
    ]

    def outside(left: float, right: float) -> set[int]:
        return _blocks(page, printed, {i for i in level if _outside(boxes[i], left, right)})

    first = outside(layout.left, layout.right)
    # the edges once more from the wide lines left in the block, spanning ones too
    kept = [boxes[i] for i in printed if i not in first]
    widest = max((b.width for b in kept), default=0)
    kept = [b for b in kept if b.width >= geometry.FULL * max(widest, layout.measure)]
    if not first or not kept:
        return first
    left = min(layout.left, min(b.x0 for b in kept))
    right = max(layout.right, max(b.x1 for b in kept))
    return outside(left, right)


def mark(book: Book) -> Book:
    """Label the lines printed in the margins `marginal`."""
    pages: list[Page] = []
    changed = False
    for page in book.pages:
        found = [i for i in marginal_lines(page) if page.lines[i].role is Role.BODY]
        if not found:
            pages.append(page)
            continue
        lines = list(page.lines)
        for i in found:
            lines[i] = replace(lines[i], role=Role.MARGINAL)
        pages.append(replace(page, lines=tuple(lines)))
        changed = True
    return replace(book, pages=tuple(pages)) if changed else book
