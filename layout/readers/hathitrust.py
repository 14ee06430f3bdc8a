"""Placeholder for the HathiTrust full-text download reader (being written)."""

from __future__ import annotations

from layout.model import Book


def detect(content: str) -> bool:
    """Never matches yet."""
    return False


def read(content: str, name: str) -> Book:
    raise NotImplementedError
