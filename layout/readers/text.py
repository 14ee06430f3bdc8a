"""Plain text pages: a file whose pages are separated by form feeds, or a single page.

In: the decoded text and a name for messages (or a folder's page files, one page each).
Out: a `Book` of plain lines (no roles yet). Lines are the page split at newlines, one
trailing empty line dropped when the page ends in a newline (the evaluation contract's
rule), so line numbers match the input exactly; each page knows where it starts in the
text (`Page.offset`; a folder's page files each start at 0). Not handled: inputs without page
separators: a page longer than any printed page is refused with a `ReadError`.
"""

from __future__ import annotations

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
    chunks = text.split("\f")
    if not any(chunk.strip() for chunk in chunks):
        what = "holds only form feeds and white space" if "\f" in text else "is empty"
        raise ReadError(f"{name}: the file {what}: no text to read")
    starts = [0]
    for chunk in chunks[:-1]:
        starts.append(starts[-1] + len(chunk) + 1)  # the form feed
    pages = tuple(make_page(split_lines(c), name, i + 1, offset=starts[i])
                  for i, c in enumerate(chunks))
    return Book(pages=pages, metadata=Metadata(source=name))


def read_folder(files: list[tuple[str, str]], name: str) -> Book:
    """A book from page files, given as (file name, text) in natural order, one page each."""
    if not files:
        raise ReadError(f"{name}: the folder holds no .txt page files")
    pages = tuple(make_page(split_lines(t), n, i + 1, offset=0)
                  for i, (n, t) in enumerate(files))
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise ReadError(f"{name}: every page file is empty: no text to read")
    return Book(pages=pages, metadata=Metadata(source=name))
