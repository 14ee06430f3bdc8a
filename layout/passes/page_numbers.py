"""Placeholder: the page_numbers pass is being written; it returns the book unchanged."""

from __future__ import annotations

from layout.model import Book


def mark(book: Book) -> Book:
    """Return the book unchanged (not yet implemented)."""
    return book
