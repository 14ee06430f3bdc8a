"""The JSON analysis of the evaluation contract: per page its number, running title,
one entry per input line (role, hyphen decision) and its footnotes.

In: a Book whose passes have run. Out: UTF-8 JSON bytes. The contract's fields (`pages`,
`number`, `running_title`, `lines[].role`, `lines[].hyphen`, `footnotes[]` with `marker`,
`lines`, `continued`, `anchor`) are exactly as `../shared/eval/CONTRACT.md` says; the
fields beyond it carry what the engine knows besides: the number inferred for a page that
prints none, where the printed number stands, the rung of evidence behind each hyphen
decision (an undecided break has `hyphen` null and `hyphen_undecided` true), paragraph
starts, a note's label end, whether it goes on over the page, anchor certainty, metadata
and diagnostics. For OCR with geometry each line entry has its source `id` (the contract's
key for pairing lines) and `box`, each page its source `id`, `image` and size.
`schemas/analysis.schema.json` describes the whole document. Not handled: the text itself
(the input has it) and word boxes.
"""

from __future__ import annotations

import io
import json
from operator import attrgetter
from typing import Any, BinaryIO

from layout import __version__
from layout.model import Book, Footnote, Hyphen, Line, Page

SCORED_HYPHENS = {Hyphen.JOIN: "join", Hyphen.KEEP: "keep", Hyphen.SPACE: "space"}
"""The contract's words; an undecided break is null there (the hyphen is kept)."""

LineKey = tuple[str, "Hyphen | None", "str | None", bool]
_LINE_KEY = attrgetter("role", "hyphen", "hyphen_rule", "paragraph_start")
"""A line's `LineKey`."""


def _line(key: LineKey) -> dict[str, Any]:
    role, hyphen, rule, start = key
    entry: dict[str, Any] = {
        "role": str(role),
        "hyphen": SCORED_HYPHENS.get(hyphen) if hyphen is not None else None,
    }
    if hyphen is not None or rule is not None:  # a rule alone: the sign is no break
        entry["hyphen_rule"] = rule
        if hyphen is Hyphen.UNDECIDED:
            entry["hyphen_undecided"] = True
    if start:
        entry["paragraph_start"] = True
    return entry


class _Lines:
    """Line entries, one dict per distinct (role, decision, rule, start): most lines of a
    book share a handful, and json.dumps may write the same dict many times."""

    def __init__(self) -> None:
        self.cache: dict[LineKey, dict[str, Any]] = {}

    def entries(self, lines: tuple[Line, ...]) -> list[dict[str, Any]]:
        cache = self.cache
        out = []
        for key in map(_LINE_KEY, lines):  # the keys built in C: this runs for every line
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = _line(key)
            out.append(entry)
        if lines and lines[0].id is not None:  # OCR with geometry: every line its own entry
            out = [_located(entry, line) for entry, line in zip(out, lines, strict=True)]
        return out


def _located(entry: dict[str, Any], line: Line) -> dict[str, Any]:
    """A line entry with the line's source id and box."""
    box = line.box
    return {
        **entry,
        "id": line.id,
        "box": [box.x0, box.y0, box.x1, box.y1] if box is not None else None,
    }


def _footnote(note: Footnote) -> dict[str, Any]:
    anchor = None
    if note.anchor is not None:
        anchor = {
            "line": note.anchor.line,
            "start": note.anchor.start,
            "end": note.anchor.end,
            "certain": note.anchor.certain,
        }
    entry: dict[str, Any] = {
        "marker": note.marker,
        "lines": list(note.lines),
        "continued": note.continued,
        "continues": note.continues_on_next_page,
        "label_end": note.label_end,
        "anchor": anchor,
    }
    if note.rule is not None:  # why the note was taken, and whether on thin evidence
        entry["rule"] = note.rule
    if not note.certain:
        entry["certain"] = False
    return entry


def _page(page: Page, lines: _Lines) -> dict[str, Any]:
    entry = {
        "number": page.number,
        "number_inferred": page.inferred_number,
        "number_line": page.number_line,
        "number_span": list(page.number_span) if page.number_span is not None else None,
        "number_rule": page.number_rule,
        "label": page.label,
        "running_title": page.running_title,
        "lines": lines.entries(page.lines),
        "footnotes": [_footnote(note) for note in page.footnotes],
    }
    if page.id is not None or page.width is not None:
        entry.update(id=page.id, image=page.image, width=page.width, height=page.height)
    return entry


def _metadata(book: Book) -> dict[str, str]:
    meta = book.metadata
    fields = {
        "title": meta.title,
        "author": meta.author,
        "publisher": meta.publisher,
        "date": meta.date,
        "handle": meta.handle,
        "rights": meta.rights,
        "source": meta.source,
    }
    out = {k: v for k, v in fields.items() if v}
    for key, value in meta.extra:
        out.setdefault(key, value)
    return out


def build(book: Book) -> dict[str, Any]:
    """The analysis as a JSON-ready dict."""
    lines = _Lines()
    return {
        "engine": {"name": "layout", "version": __version__},
        "metadata": _metadata(book),
        "language": book.language,
        "notes_scheme": book.notes_scheme,
        "pages": [_page(page, lines) for page in book.pages],
        "diagnostics": [
            {"message": d.message, "page": d.page, "line": d.line} for d in book.diagnostics
        ],
    }


def write(book: Book) -> bytes:
    """The analysis as UTF-8 JSON."""
    out = io.BytesIO()
    write_to(book, out)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO) -> None:
    """The bytes of `write`, written to `out` a page at a time: a long book's analysis is
    never held whole, neither as dicts nor as text."""

    def dumps(value: object) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    lines = _Lines()
    out.write(b'{"engine":' + dumps({"name": "layout", "version": __version__}))
    out.write(b',"metadata":' + dumps(_metadata(book)))
    out.write(b',"language":' + dumps(book.language))
    out.write(b',"notes_scheme":' + dumps(book.notes_scheme) + b',"pages":[')
    for n, page in enumerate(book.pages):
        out.write((b"," if n else b"") + dumps(_page(page, lines)))
    diagnostics = [
        {"message": d.message, "page": d.page, "line": d.line} for d in book.diagnostics
    ]
    out.write(b'],"diagnostics":' + dumps(diagnostics) + b"}")
