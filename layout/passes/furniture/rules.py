"""Printed rules standing in the running text: furniture, not text.

In: a Book whose footnotes are found (the footnote pass takes the rule above the notes as
the notes' own and marks it `separator`). Out: the same Book where every other line of
rule signs only (`———`, `|-`, `_____`), printed between two letters of an edition or two
sections, is a `separator` too. A line of stars or dots (`* * *`, an ornament that parts
sections, a row of leaders) stays text. Not handled: rules drawn as images (no text).
"""

from __future__ import annotations

from dataclasses import replace

from layout.model import Book, Page, Role

RULE_SIGNS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015_\u2500\u2501=~|")
"""The signs an OCR engine reads from a printed rule."""
RULE_CHARS = 200
"""A longer line is no rule (a bound on the work, too)."""


def is_rule(text: str) -> bool:
    """True for a line of rule signs and spaces only."""
    stripped = text.strip()
    return 0 < len(stripped) <= RULE_CHARS and all(
        ch in RULE_SIGNS or ch == " " for ch in stripped
    )


def _mark_page(page: Page) -> Page:
    found = [
        i for i, line in enumerate(page.lines)
        if line.role is Role.BODY and is_rule(line.text)
    ]
    if not found:
        return page
    lines = list(page.lines)
    for i in found:
        lines[i] = replace(lines[i], role=Role.SEPARATOR)
    return replace(page, lines=tuple(lines))


def mark(book: Book) -> Book:
    """Mark the rules left in the running text as separators."""
    return replace(book, pages=tuple(_mark_page(page) for page in book.pages))
