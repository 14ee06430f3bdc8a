"""Detect the book's main language from its most common function words.

In: a book whose `language` may be unset (the CLI's `--lang` sets it). Out: the same book
with `language` set to an ISO 639-1 code when the running text shows one clearly; a
given language is never overridden. Not handled: books in several languages (the most
frequent wins), languages outside the table below, scripts other than Latin.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from layout.model import TEXT_ROLES, Book, Role

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that it was for with as by this which be not".split()),
    "de": frozenset("der die und den des das ist nicht von zu mit dem ein sich auf eine".split()),
    "fr": frozenset("le la les et des du un une est que qui dans pour pas sur au".split()),
    "nl": frozenset("de het een en van is dat op te niet met zijn voor die".split()),
    "it": frozenset("il di che la le è per non una con gli del della sono".split()),
    "es": frozenset("el la de que y los las en del se por con una para es".split()),
    "la": frozenset("et in est non ad cum quod ut sed qui quae esse enim".split()),
}
"""Frequent words that are rare in the other languages of the table."""
WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 200_000
"""Enough running text to tell the languages apart; more only costs time."""
MIN_HITS = 20


def detect(text: str) -> str | None:
    """The language whose function words are most frequent in the text, if any clearly is."""
    words = Counter(WORD.findall(text.lower()))
    scores = {
        lang: sum(words[w] for w in table) for lang, table in FUNCTION_WORDS.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_HITS else None


def mark(book: Book) -> Book:
    """Set `book.language` from the running text unless it is already given."""
    if book.language:
        return book
    pieces: list[str] = []
    size = 0
    for page in book.pages:
        for line in page.lines:
            if line.role in TEXT_ROLES or line.role is Role.FOOTNOTE:
                pieces.append(line.text)
                size += len(line.text) + 1
        if size >= SAMPLE_CHARS:
            break
    lang = detect("\n".join(pieces))
    return replace(book, language=lang) if lang else book
