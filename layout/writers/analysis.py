"""The JSON analysis of the evaluation contract: per page its number, running title,
one entry per input line (role, hyphen decision) and its footnotes.

Fields beyond the contract carry what the engine knows besides: the number inferred for a
page that prints none, the rung of evidence behind each hyphen decision, paragraph starts,
anchor certainty. `schemas/analysis.schema.json` describes the whole document.
"""

from __future__ import annotations

import json
from typing import Any

from layout.model import Book, Footnote, Hyphen, Line, Page

SCORED_HYPHENS = {Hyphen.JOIN: "join", Hyphen.KEEP: "keep", Hyphen.SPACE: "space"}


def _line(line: Line) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "role": line.role.value,
        "hyphen": SCORED_HYPHENS.get(line.hyphen) if line.hyphen else None,
    }
    if line.hyphen is not None:
        entry["hyphen_rule"] = line.hyphen_rule
        if line.hyphen is Hyphen.UNDECIDED:
            entry["hyphen_undecided"] = True
    if line.paragraph_start:
        entry["paragraph_start"] = True
    return entry


def _footnote(note: Footnote) -> dict[str, Any]:
    anchor = None
    if note.anchor is not None:
        anchor = {
            "line": note.anchor.line,
            "start": note.anchor.start,
            "end": note.anchor.end,
            "certain": note.anchor.certain,
        }
    return {
        "marker": note.marker,
        "lines": list(note.lines),
        "continued": note.continued,
        "continues": note.continues_on_next_page,
        "anchor": anchor,
    }


def _page(page: Page) -> dict[str, Any]:
    return {
        "number": page.number,
        "number_inferred": page.inferred_number,
        "label": page.label,
        "running_title": page.running_title,
        "lines": [_line(line) for line in page.lines],
        "footnotes": [_footnote(note) for note in page.footnotes],
    }


def write(book: Book) -> bytes:
    """The analysis as UTF-8 JSON."""
    meta = {k: v for k, v in (
        ("title", book.metadata.title),
        ("author", book.metadata.author),
        ("publisher", book.metadata.publisher),
        ("handle", book.metadata.handle),
        ("source", book.metadata.source),
    ) if v}
    doc = {
        "metadata": meta,
        "language": book.language,
        "notes_scheme": book.notes_scheme,
        "pages": [_page(page) for page in book.pages],
        "diagnostics": [
            {"message": d.message, "page": d.page, "line": d.line} for d in book.diagnostics
        ],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
