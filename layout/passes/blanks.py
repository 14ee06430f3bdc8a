"""Mark every empty or white-space-only line `blank`, wherever it stands."""

from __future__ import annotations

from dataclasses import replace

from layout.model import Book, Role


def mark(book: Book) -> Book:
    """Label white-space lines `blank`; every other line keeps its role."""
    pages = tuple(
        replace(
            page,
            lines=tuple(
                replace(line, role=Role.BLANK) if line.is_blank else line
                for line in page.lines
            ),
        )
        for page in book.pages
    )
    return replace(book, pages=pages)
