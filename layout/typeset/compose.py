"""Typesetting's entry point: a Book composed page for page or reflowed.

In: a Book after the passes, the mode, a page size and a style. Out: the `TypesetBook` of
`facsimile` or `reflow`. Kept apart from the page model (`pages`) so that the modules
import one way only: content -> pages -> setting -> foot -> facsimile -> reflow -> compose.
"""

from __future__ import annotations

from collections.abc import Callable

from layout.model import Book
from layout.typeset.facsimile import facsimile
from layout.typeset.pages import PAGE_SIZES, Style, TypesetBook
from layout.typeset.reflow import reflow


def compose(
    book: Book,
    mode: str = "facsimile",
    page_size: tuple[float, float] | None = None,
    style: Style | None = None,
    *,
    on_page: Callable[[], None] | None = None,
) -> TypesetBook:
    """Typeset the book: "facsimile" (page for page) or "reflow" (continuous, `page_size`);
    `on_page` hears of each source page as it is set (for a progress bar)."""
    if mode == "facsimile":
        return facsimile(book, style, page_size, on_page=on_page)
    if mode == "reflow":
        return reflow(book, page_size or PAGE_SIZES["book"], style, on_page=on_page)
    raise ValueError(f"typesetting mode {mode!r}: facsimile or reflow")
