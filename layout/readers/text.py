"""Plain text pages: a file whose pages are separated by form feeds, or a single page.

In: the decoded text and a name for messages (or a folder's page files, one page each).
Out: a `Book` of plain lines (no roles yet). Lines are the page split at newlines, one
trailing empty line dropped when the page ends in a newline (the evaluation contract's
rule), so line numbers match the input exactly; each page knows where it starts in the
text (`Page.offset`; a folder's page files each start at 0). Not handled: inputs without page
separators: a page longer than any printed page is refused with a `ReadError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from layout.model import Book, Line, Metadata, Page
from layout.readers.decoding import ReadError

MAX_LINES_PER_PAGE = 20_000
"""A page longer than this is not a printed page: the input lacks page separators."""


def split_lines(page: str) -> list[str]:
    """The lines of one page, as the contract counts them."""
    lines = page.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def make_page(lines: list[str], name: str, number: int, label: str | None = None,
              offset: int | None = None) -> Page:
    """A `Page` of plain lines, refusing pages no printer could print; `offset` is where
    its first line starts in the input text."""
    if len(lines) > MAX_LINES_PER_PAGE:
        raise ReadError(
            f"{name}: page {number}: {len(lines)} lines, more than a printed page holds "
            f"(at most {MAX_LINES_PER_PAGE}); "
            "are the page separators (form feeds) missing?"
        )
    return Page(lines=tuple(map(Line, lines)), label=label, offset=offset)


def read(text: str, name: str) -> Book:
    """A book from text whose pages are separated by form feeds (one page if none)."""
    return read_pages(form_feed_pages(text), name)


def form_feed_pages(text: str) -> Iterator[str]:
    """The text's pages, between form feeds, one at a time (no list of copies)."""
    start = 0
    while (end := text.find("\f", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def read_pages(pages: Iterable[str], name: str) -> Book:
    """A book from its pages' texts, in order, taken one at a time (so a reader decoding
    a long file page by page never holds its whole text)."""
    made: list[Page] = []
    printed = False
    offset = 0  # where the page starts in the text, in characters
    for number, chunk in enumerate(pages, start=1):
        made.append(make_page(split_lines(chunk), name, number, offset=offset))
        offset += len(chunk) + 1  # the form feed
        printed = printed or not chunk.isspace() and chunk != ""
    if not printed:
        what = "holds only form feeds and white space" if len(made) > 1 else "is empty"
        raise ReadError(f"{name}: the file {what}: no text to read")
    return Book(pages=tuple(made), metadata=Metadata(source=name))


def read_folder(files: list[tuple[str, str]], name: str) -> Book:
    """A book from page files, given as (file name, text) in natural order, one page each."""
    if not files:
        raise ReadError(f"{name}: the folder holds no .txt page files")
    pages = tuple(make_page(split_lines(t), n, i + 1, offset=0)
                  for i, (n, t) in enumerate(files))
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise ReadError(f"{name}: every page file is empty: no text to read")
    return Book(pages=pages, metadata=Metadata(source=name))
