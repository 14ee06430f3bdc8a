"""The JSON analysis of the evaluation contract: per page its number, running title,
one entry per input line (role, hyphen decision, its text and place) and its footnotes.

In: a Book whose passes have run. Out: UTF-8 JSON bytes. The contract's fields (`pages`,
`number`, `running_title`, `lines[].role`, `lines[].hyphen`, `footnotes[]` with `marker`,
`lines`, `continued`, `anchor`) are exactly as `../shared/eval/CONTRACT.md` says; the
fields beyond it carry what the engine knows besides: the number inferred for a page that
prints none, where the printed number stands, the rung of evidence behind each hyphen
decision (an undecided break has `hyphen` null and `hyphen_undecided` true), paragraph
starts, a note's label end, whether it goes on over the page, anchor certainty, metadata
and diagnostics. Every line entry gives the line's `text` as printed and its place in
the input: `page` and `line` (0-based, as the contract counts) and `offset`, where the
line starts in the input text in characters (null for inputs without one, such as XML);
a heading line its `heading` (level, type, number, the evidence for its level), a line of
a list, a letter's part, verse or the title page its `block`. Each footnote gives its
`text` as a reader reads it. For OCR with geometry each line entry has its source `id`
(the contract's key for pairing lines) and `box`, each page its source `id`, `image` and
size. `schemas/analysis.schema.json` describes the whole document. Not handled: word
boxes.
"""

from __future__ import annotations

import io
import json
from operator import attrgetter
from typing import Any, BinaryIO

from layout import __version__
from layout.flows import note_text
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

    def entries(self, p: int, page: Page) -> list[dict[str, Any]]:
        """The entries of page p's lines: the shared decisions, then each line's text and
        place (and structure, and source id and box where there are)."""
        cache = self.cache
        lines = page.lines
        out = []
        at = page.offset
        geometry = bool(lines) and lines[0].id is not None
        for i, (key, line) in enumerate(zip(map(_LINE_KEY, lines), lines, strict=True)):
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = _line(key)
            item = {**entry, "text": line.text, "page": p, "line": i, "offset": at}
            if at is not None:
                at += len(line.text) + 1
            if line.heading is not None or line.block is not None:
                _structure(item, line)
            if geometry:
                box = line.box
                item["id"] = line.id
                item["box"] = [box.x0, box.y0, box.x1, box.y1] if box is not None else None
            out.append(item)
        return out


def _structure(item: dict[str, Any], line: Line) -> None:
    """A line's place in the book's structure: the heading it belongs to, its block."""
    heading = line.heading
    if heading is not None:
        item["heading"] = {"level": heading.level, "type": heading.kind, "n": heading.n,
                           "rule": heading.rule, "certain": heading.certain}
    if line.block is not None:
        item["block"] = line.block.value
        if line.label_end:
            item["label_end"] = line.label_end


def _footnote(note: Footnote, page: Page) -> dict[str, Any]:
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
        "text": note_text(page, note),
    }
    if note.rule is not None:  # why the note was taken, and whether on thin evidence
        entry["rule"] = note.rule
    if not note.certain:
        entry["certain"] = False
    return entry


def _page(p: int, page: Page, lines: _Lines) -> dict[str, Any]:
    entry = {
        "number": page.number,
        "number_inferred": page.inferred_number,
        "number_line": page.number_line,
        "number_span": list(page.number_span) if page.number_span is not None else None,
        "number_rule": page.number_rule,
        "label": page.label,
        "running_title": page.running_title,
        "lines": lines.entries(p, page),
        "footnotes": [_footnote(note, page) for note in page.footnotes],
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
        "pages": [_page(p, page, lines) for p, page in enumerate(book.pages)],
        "diagnostics": [
            {"message": d.message, "page": d.page, "line": d.line} for d in book.diagnostics
        ],
    }


def write(book: Book, indent: int | None = None) -> bytes:
    """The analysis as UTF-8 JSON; `indent` spaces a level for human eyes (None: compact)."""
    out = io.BytesIO()
    write_to(book, out, indent)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO, indent: int | None = None) -> None:
    """The bytes of `write`, written to `out` a page at a time: a long book's analysis is
    never held whole, neither as dicts nor as text (indented, it is: for human eyes)."""
    if indent is not None:
        out.write(json.dumps(build(book), ensure_ascii=False, indent=indent).encode("utf-8"))
        out.write(b"\n")
        return

    def dumps(value: object) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    lines = _Lines()
    out.write(b'{"engine":' + dumps({"name": "layout", "version": __version__}))
    out.write(b',"metadata":' + dumps(_metadata(book)))
    out.write(b',"language":' + dumps(book.language))
    out.write(b',"notes_scheme":' + dumps(book.notes_scheme) + b',"pages":[')
    for n, page in enumerate(book.pages):
        out.write((b"," if n else b"") + dumps(_page(n, page, lines)))
    diagnostics = [
        {"message": d.message, "page": d.page, "line": d.line} for d in book.diagnostics
    ]
    out.write(b'],"diagnostics":' + dumps(diagnostics) + b"}")
