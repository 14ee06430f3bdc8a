"""The dateline pass: mark the line under a letter's heading that says where and when it
was written.

In: a book whose divisions pass has run (headings decided). Out: `Block.DATELINE` and
`paragraph_start` on each dateline, and `paragraph_start` on the line after it; TEI writes
it as the letter's `<opener>/<dateline>` after its `<head>`, the typesetter keeps it a
line.

A dateline (`DEPARTMENT OF WAR, 31 March, 1821.`, `NASHVILLE 2 April 1821`, `No 4. ST
AUGUSTINE June 8 1821.`) is the first running-text line after a heading, short (at most
`MAX_WORDS` words), naming a month (`dates.MONTHS`) and ending in a year. Such a line
is also how a heading's subtitle or a short first sentence can look (`Das Gesetz vom 27.
Juni 1873`): only a book where datelines stand under headings again and again
(`RECURRING` times) is taken for a book of letters, and only a line ending in its year.
Not handled: a dateline at a letter's end or before its heading, a date written out in
words (`this twelfth day of April`), a dateline over two lines.
"""

from __future__ import annotations

import re
from dataclasses import replace

from layout.dates import MONTHS
from layout.flows import text_flow
from layout.model import Block, Book, Role

MAX_WORDS = 8
"""A dateline has at most this many words (a place, maybe an office, a day, month, year)."""
RECURRING = 3
"""A book needs this many datelines under its headings to have any taken."""
YEAR_END = re.compile(r"\b1\d{3}\W{0,2}$")
"""A line ending in a year (`1821.`, `1821`)."""


def is_dateline(text: str) -> bool:
    """Whether a line reads as a dateline: short, naming a month, ending in a year."""
    words = text.split()
    if not words or len(words) > MAX_WORDS or YEAR_END.search(text.rstrip()) is None:
        return False
    return any(w.strip(".,;:*\"'’”").lower() in MONTHS
               or w.strip(",;:*\"'’”").lower() in MONTHS for w in words)


def mark(book: Book) -> Book:
    """Mark the datelines standing under the book's headings, where they recur."""
    flow = list(text_flow(book))
    found: list[int] = []
    pages = book.pages
    for k in range(1, len(flow)):
        (p, i), (q, j) = flow[k - 1], flow[k]
        before, line = pages[p].lines[i], pages[q].lines[j]
        if before.role is Role.HEADING and line.role is Role.BODY and line.block is None \
                and line.hyphen is None and is_dateline(line.text):
            found.append(k)
    if len(found) < RECURRING:
        return book
    changes: dict[int, dict[int, bool]] = {}
    for k in found:
        p, i = flow[k]
        changes.setdefault(p, {})[i] = True
        if k + 1 < len(flow):  # the letter's text (or its salutation) begins after it
            q, j = flow[k + 1]
            changes.setdefault(q, {}).setdefault(j, False)
    new_pages = list(pages)
    for p, rows in changes.items():
        lines = list(new_pages[p].lines)
        for i, dateline in rows.items():
            lines[i] = lines[i].evolve(block=Block.DATELINE, paragraph_start=True) \
                if dateline else replace(lines[i], paragraph_start=True)
        new_pages[p] = replace(new_pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(new_pages))
