"""Page records: one JSON object per page, the form corpus tools ingest directly.

In: a Book whose passes have run, and the name the shelf knows it by. Out: UTF-8 JSON
lines, one per input page, in page order: the book's name, the page's place in the input
(`seq`, from 1), the printed page number (`number`; null when none is printed, the
sequence's number then in `number_inferred`), the running title, the body text as the
reading text has it (furniture and notes left out, marks cut, hyphens resolved, a word
broken over the page break kept whole on the page where it starts) and the page's notes,
one string each. `layout batch --pages` gathers the records of every book of a shelf
into one `pages.jsonl`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from layout.model import Book
from layout.writers.text import page_notes, page_pieces, paragraphs


def records(book: Book, name: str) -> Iterator[dict[str, Any]]:
    """The book's page records, in page order."""
    bodies, notes = page_pieces(book), page_notes(book)
    for seq, (page, body, texts) in enumerate(zip(book.pages, bodies, notes, strict=True), 1):
        yield {
            "book": name,
            "seq": seq,
            "number": page.number,
            "number_inferred": None if page.number else page.inferred_number,
            "running_title": page.running_title,
            "text": paragraphs(body, lines=False),
            "notes": texts,
        }


def write(book: Book, name: str) -> bytes:
    """The page records as JSON lines (each line ends in a newline)."""
    return "".join(
        json.dumps(record, ensure_ascii=False) + "\n" for record in records(book, name)
    ).encode("utf-8")
