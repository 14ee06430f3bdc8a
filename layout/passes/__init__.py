"""The analysis passes, in the one order they run: each takes a Book and returns a Book.

Passes label lines (roles, hyphen decisions, footnotes); they never delete text. Book-wide
evidence comes first: furniture is settled before footnotes, footnotes before the language
and hyphenation (which needs the language and each line's flow), hyphenation before
paragraphs.

In: a Book as a reader made it. Out: the same pages and lines, with roles, page numbers,
running titles, footnotes, the language, hyphen decisions, paragraph starts, letters'
closes, headings, datelines, list items and verse set. Not handled: a Book already `analysed`
(read back from our TEI): the CLI runs no passes on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from layout.model import Book
from layout.passes import blanks
from layout.passes.furniture import page_numbers, rules, running_titles, signatures, title_forms
from layout.passes.margins import marginal
from layout.passes.notes import footnotes
from layout.passes.structure import datelines, divisions, letters, lists, verse
from layout.passes.text import hyphenation, language, paragraphs

Pass = Callable[[Book], Book]

DEFAULT_PASSES: tuple[Pass, ...] = (
    blanks.mark,
    marginal.mark,
    page_numbers.mark,
    running_titles.mark,
    title_forms.mark,
    signatures.mark,
    footnotes.mark,
    rules.mark,
    language.mark,
    hyphenation.mark,
    paragraphs.mark,
    letters.mark,
    divisions.mark,
    datelines.mark,
    lists.mark,
    verse.mark,
)


def analyse(
    book: Book,
    passes: Sequence[Pass] = DEFAULT_PASSES,
    done: Callable[[str], None] | None = None,
) -> Book:
    """Run the passes over the book, in order; `done` hears each pass's name as it ends."""
    for step in passes:
        book = step(book)
        if done is not None:
            done(step.__module__.rsplit(".", 1)[-1])
    return book
