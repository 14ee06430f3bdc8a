"""Placeholder for the Internet Archive djvu text reader (being written)."""

from __future__ import annotations

from layout.model import Book


def detect(content: str) -> bool:
    """Never matches yet."""
    return False


def read(content: str, name: str) -> Book:
    raise NotImplementedError
