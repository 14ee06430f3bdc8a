"""The language pass: the book's language from its function words; a given one is kept."""

from __future__ import annotations

from layout.model import Book, Line, Page, Role
from layout.passes.text import language

GERMAN = "Die Verwaltungsgeſchäfte des Reiches ſind in folgender Art zu Aemtern gruppirt und der"
ENGLISH = "He returned to Moscow a disappointed and embittered man, and the view of the man on the"


def book(text: str, lang: str | None = None) -> Book:
    lines = tuple(Line(text) for _ in range(10)) + (Line("THE TILSIT PEACE", Role.HEADER),)
    return Book(pages=(Page(lines=lines),), language=lang)


def test_detects_german_and_english() -> None:
    assert language.mark(book(GERMAN)).language == "de"
    assert language.mark(book(ENGLISH)).language == "en"


def test_a_given_language_is_kept() -> None:
    assert language.mark(book(ENGLISH, "fr")).language == "fr"


def test_too_little_text_decides_nothing() -> None:
    short = Book(pages=(Page(lines=(Line("Reichskanzler-Amt"),)),))
    assert language.mark(short).language is None
