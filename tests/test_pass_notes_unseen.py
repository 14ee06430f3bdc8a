"""Issue 8: notes in books the engine was never tuned on. One test (or a few) per class
of failure, each on a few lines written for the test:

1. a line that merely looks like a label (a date, a list item, a numbered paragraph, a
   year) opens no note area;
2. numbering that restarts (per page, section, chapter, letter), and recovery after a page
   whose notes were missed;
3. where a note continued from the page before begins and ends;
4. notes on thin evidence (a one-line note without a blank above it, a mark without its
   `)`, a label printed twice on a page, superscripts of abbreviations in the text).
"""

from __future__ import annotations

from dataclasses import replace

from layout.model import Book, Role
from layout.passes import blanks
from layout.passes.notes import footnotes
from layout.readers.text import read


def analyse(text: str) -> Book:
    """Read pages split by form feeds (each page's first line its head line), find notes."""
    book = blanks.mark(read(text, "fixture"))
    pages = []
    for page in book.pages:
        lines = list(page.lines)
        lines[0] = replace(lines[0], role=Role.HEADER)
        pages.append(replace(page, lines=tuple(lines)))
    return footnotes.mark(replace(book, pages=tuple(pages)))


def notes_of(book: Book) -> list[list[tuple[str | None, tuple[int, ...]]]]:
    return [[(n.marker, n.lines) for n in page.footnotes] for page in book.pages]


# Class 2: notes lettered (a), (b), ... that start again at (a) in every section; their
# marks stand glued to a word, `sentence(a)`. A lettered list, its letters after a space
# and called from nowhere, stays in the text. The notes are set in two narrow columns.
LETTERED = """\
§. 12. Of pledges.                                         31
A pledge binds the thing and not the person who gave
it(a), and the creditor may hold it until he is paid;
the law names three cases in which he may not:
(a) when the debt is void,
(b) when it is paid,
(c) when he gave the thing back(b).

(a) The rule is old, and the
sources state it often.
(b) So the later writers.
\f32                       Book II. Of things.
The same holds of the hypothec, which leaves the thing
with the debtor(c). Both are rights in a thing of another
and both follow it into any hand.

(c) Unless the law of the
place says otherwise.
\f§. 13. Of servitudes.                                     33
A servitude burdens land for the good of other land or
of a person(a); it cannot be sold apart from that land
and it ends when the two come into one hand(b).

(a) Praedial and personal
servitudes.
(b) Confusion.
"""


def test_lettered_notes_restart_per_section() -> None:
    book = analyse(LETTERED)
    assert notes_of(book) == [
        [("a", (8, 9)), ("b", (10,))],
        [("c", (5, 6))],
        [("a", (5, 6)), ("b", (7,))],
    ]
    first = book.pages[0].footnotes[0]
    assert first.anchor is not None and (first.anchor.line, first.anchor.start) == (2, 2)
    # the lettered list stays in the running text
    assert [line.role for line in book.pages[0].lines[4:7]] == [Role.BODY] * 3
