"""Mark every empty or white-space-only line `blank`, wherever it stands.

In: a Book as read. Out: the same Book with every line holding nothing but white space
labelled `blank`; no other line changes. Not handled: lines of OCR noise that only look
empty (a stray speck is `signatures`' business).
"""

from __future__ import annotations

from dataclasses import replace

from layout.model import Book, Page, Role


def mark(book: Book) -> Book:
    """Label white-space lines `blank`; every other line keeps its role."""
    blank = Role.BLANK
    pages: list[Page] = []
    for page in book.pages:
        # only the lines that change are rebuilt, and a page without one is kept (speed)
        empty = [
            i for i, line in enumerate(page.lines)
            if line.role is not blank and not line.text.strip()
        ]
        if not empty:
            pages.append(page)
            continue
        lines = list(page.lines)
        for i in empty:
            lines[i] = replace(lines[i], role=blank)
        pages.append(replace(page, lines=tuple(lines)))
    return replace(book, pages=tuple(pages))
