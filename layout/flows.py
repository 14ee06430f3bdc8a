"""Flows: the sequences of lines a reader follows through the book, across page breaks.

A book prints two flows: the running text (body and headings) and the footnotes. The
"next line" of a line-end hyphen is the next line of the same flow, which may stand on
the next page, after its furniture. Passes and writers share these helpers.
"""

from __future__ import annotations

from collections.abc import Iterator

from layout.model import TEXT_ROLES, Book, Role

Position = tuple[int, int]
"""(page index, line index), both 0-based."""


def text_flow(book: Book) -> Iterator[Position]:
    """Every running-text line of the book, in reading order."""
    for p, page in enumerate(book.pages):
        for i, line in enumerate(page.lines):
            if line.role in TEXT_ROLES:
                yield (p, i)


def note_flow(book: Book) -> Iterator[Position]:
    """Every footnote line of the book, in reading order."""
    for p, page in enumerate(book.pages):
        for i, line in enumerate(page.lines):
            if line.role is Role.FOOTNOTE:
                yield (p, i)


def successors(book: Book) -> dict[Position, Position]:
    """For each text or note line, the next line of its own flow (absent at a flow's end)."""
    nxt: dict[Position, Position] = {}
    for flow in (text_flow(book), note_flow(book)):
        prev: Position | None = None
        for pos in flow:
            if prev is not None:
                nxt[prev] = pos
            prev = pos
    return nxt
