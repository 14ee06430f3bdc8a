"""The structure pass: find the book's headings and nest them into divisions.

In: a book whose paragraphs pass has run. Out: every line of every heading with role
HEADING and its `Heading` (level, division type, number, evidence); the first line of a
heading starts it (`paragraph_start`), the others go on with it, so a heading printed over
two lines is one. Lines the book's evidence shows to be headings though the paragraphs
pass left them in the text are made headings (see `heads`). Not handled: a book read back
from our TEI (its divisions are read from the TEI).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from layout.flows import Position, text_flow
from layout.model import Book, Heading, Role
from layout.passes.structure.heads import find
from layout.passes.structure.outline import levels
from layout.passes.text.paragraphs import measure


def mark(book: Book) -> Book:
    """Set the headings of the book and their places in its outline."""
    flow = list(text_flow(book))
    if not flow:
        return book
    heads = find(book, measure(book, flow, blanks=False), flow)
    changes: dict[int, dict[int, Heading | None]] = {}
    for head, heading in zip(heads, levels(heads), strict=True):
        for p, i in head.lines:
            changes.setdefault(p, {})[i] = heading
        nxt = following(flow, head.lines[-1])
        if nxt is not None:  # the text after a heading starts a paragraph
            changes.setdefault(nxt[0], {}).setdefault(nxt[1], None)
    in_head = {pos for head in heads for pos in head.lines}
    for p, i in flow:  # a line marked as a heading that heads nothing is text
        if (p, i) not in in_head and book.pages[p].lines[i].role is Role.HEADING:
            changes.setdefault(p, {}).setdefault(i, None)
    if not changes:
        return book
    pages = list(book.pages)
    firsts = {head.lines[0] for head in heads}
    for p, rows in changes.items():
        lines = list(pages[p].lines)
        for i, change in rows.items():
            if change is None:
                lines[i] = replace(lines[i], paragraph_start=True, role=Role.BODY)
            else:
                lines[i] = lines[i].evolve(role=Role.HEADING, heading=change,
                                           paragraph_start=(p, i) in firsts)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages))


def following(flow: Sequence[Position], pos: Position) -> Position | None:
    """The line after `pos` in the flow (None after its last line or outside it): found
    in the flow, which is in reading order (a map of every line to its successor would
    hold a long book's lines once more)."""
    k = bisect_left(flow, pos)
    return flow[k + 1] if k + 1 < len(flow) and flow[k] == pos else None
