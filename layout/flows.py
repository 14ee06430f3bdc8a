"""Flows: the sequences of lines a reader follows through the book, across page breaks.

A book prints two flows: the running text (body and headings) and the footnotes. The
"next line" of a line-end hyphen is the next line of the same flow, which may stand on
the next page, after its furniture. Passes and writers share these helpers.

In: a Book whose lines carry roles. Out: (page, line) positions of each flow in reading
order, and each line's successor in its flow. Not handled: more than one note flow
(marginal notes, notes of notes): every footnote line is in the one note flow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from layout.model import TEXT_ROLES, Book, Footnote, Hyphen, Line, Page, Role

Position = tuple[int, int]
"""(page index, line index), both 0-based."""


def text_flow(book: Book) -> Iterator[Position]:
    """Every running-text line of the book, in reading order."""
    return iter([  # a comprehension, not a generator: several times faster over a book
        (p, i)
        for p, page in enumerate(book.pages)
        for i, line in enumerate(page.lines)
        if line.role in TEXT_ROLES
    ])


def note_flow(book: Book) -> Iterator[Position]:
    """Every footnote line of the book, in reading order."""
    footnote = Role.FOOTNOTE
    return iter([
        (p, i)
        for p, page in enumerate(book.pages)
        for i, line in enumerate(page.lines)
        if line.role is footnote
    ])


def successors(
    book: Book, wanted: Callable[[Line], bool] | None = None
) -> dict[Position, Position]:
    """For each text or note line, the next line of its own flow (absent at a flow's end);
    with `wanted`, only for the lines it accepts (a pass that asks about the lines ending
    in a hyphen need not hold a position pair for every line of a long book)."""
    # both flows in one walk over the book's lines, as `text_flow` and `note_flow` read
    # them (this runs over every line of the book)
    nxt: dict[Position, Position] = {}
    last_text: Position | None = None  # the last line of the flow, if wanted
    last_note: Position | None = None
    footnote = Role.FOOTNOTE
    for p, page in enumerate(book.pages):
        for i, line in enumerate(page.lines):
            role = line.role
            if role in TEXT_ROLES:
                if last_text is not None:
                    nxt[last_text] = (p, i)
                last_text = (p, i) if wanted is None or wanted(line) else None
            elif role is footnote:
                if last_note is not None:
                    nxt[last_note] = (p, i)
                last_note = (p, i) if wanted is None or wanted(line) else None
    return nxt


GLUE = {Hyphen.JOIN: "", Hyphen.KEEP: "-", Hyphen.SPACE: "- ", Hyphen.UNDECIDED: "-"}
"""What replaces a line-end hyphen sign on reading, before the next line's text."""


def glued(text: str, line: Line) -> tuple[str, bool]:
    """The line's text with its final break resolved, and whether the next line goes on
    the same word (False after a suspended hyphen: a new word follows its space)."""
    if line.hyphen is None:
        return text, False
    body = text.rstrip()
    if body and not body[-1].isalnum():
        body = body[:-1]  # the sign, whatever the OCR made of it
    return body + GLUE[line.hyphen], line.hyphen is not Hyphen.SPACE


def note_text(page: Page, note: Footnote) -> str:
    """A footnote part's text as a reader reads it: its printed lines (label included)
    joined, line-end hyphens resolved by their decisions; blank lines left out."""
    text, glue = "", False
    for i in note.lines:
        if not 0 <= i < len(page.lines):
            continue
        line = page.lines[i]
        piece = line.text.strip()
        if not piece:
            continue
        text = text + piece if glue or not text else text + " " + piece
        text, glue = glued(text, line)
    return text
