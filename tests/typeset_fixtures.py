"""Books for the typesetting tests, built from the corpus' gold annotations.

The typesetter is tested on what a perfect analysis would give it (roles, hyphen decisions,
footnotes with their anchors, page numbers from the gold), so its tests do not move while
the analysis passes improve.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pikepdf
import pytest

from layout.model import Anchor, Book, Footnote, Hyphen, Line, Metadata, Page, Role
from layout.typeset.compose import compose
from layout.typeset.pages import TEXT_KINDS, TypesetBook

HYPHENS = {
    "join": Hyphen.JOIN,
    "keep": Hyphen.KEEP,
    "space": Hyphen.SPACE,
    "uncertain": Hyphen.UNDECIDED,
}
ROLES = {role.value: role for role in Role}


def label_end(first: str, marker: str | None) -> int:
    """Where the printed label of a note ("1)", "[2]", "*") and the space after it end."""
    if not marker:
        return 0
    found = re.match(r"\s*[(\[]?" + re.escape(marker) + r"[)\].]?\s*", first)
    return found.end() if found else 0


def gold_book(path: Path, pages: int | None = None, language: str | None = None) -> Book:
    """A Book holding the gold analysis of a corpus file (the first `pages` pages); the test
    is skipped when the shared corpus is not beside the repository."""
    if not path.is_file():
        from conftest import NO_SHARED

        pytest.skip(f"{NO_SHARED}: {path.name}")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    records = records[:pages] if pages else records
    out: list[Page] = []
    for n, rec in enumerate(records):
        lines = [
            Line(
                text,
                role=ROLES.get(role, Role.BODY),
                hyphen=HYPHENS.get(rec.get("hyphens", {}).get(str(i), "")),
            )
            for i, (text, role) in enumerate(zip(rec["lines"], rec["roles"], strict=True))
        ]
        notes = []
        following = records[n + 1]["footnotes"] if n + 1 < len(records) else []
        for k, fn in enumerate(rec.get("footnotes", [])):
            a = fn.get("anchor")
            notes.append(
                Footnote(
                    marker=fn.get("marker"),
                    lines=tuple(fn["lines"]),
                    continued=bool(fn.get("continued")),
                    anchor=Anchor(a["line"], a["start"], a["end"]) if a else None,
                    label_end=label_end(rec["lines"][fn["lines"][0]], fn.get("marker")),
                    continues_on_next_page=(
                        k == len(rec["footnotes"]) - 1
                        and bool(following)
                        and bool(following[0].get("continued"))
                    ),
                )
            )
        out.append(
            Page(
                lines=tuple(lines),
                number=rec.get("page_number"),
                running_title=rec.get("running_title"),
                footnotes=tuple(notes),
            )
        )
    lang = language or ("en" if "/en/" in str(path) or "seed" in str(path) else "de")
    meta = Metadata(title=path.stem, source=str(path))
    return Book(pages=tuple(out), metadata=meta, language=lang)


@dataclass(frozen=True)
class Shown:
    """One string a PDF page shows: where, in which font and size, what, how wide."""

    x: float
    y: float
    size: float
    font: str
    text: str
    width: float


def _to_unicode(font: pikepdf.Dictionary) -> dict[int, str]:
    """The code -> text map of a simple font's ToUnicode CMap (bfchar entries)."""
    cmap: dict[int, str] = {}
    data = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            if uni.strip("0"):
                cmap[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    return cmap


def shown_strings(data: bytes) -> list[list[Shown]]:
    """Every string each page shows, measured from the PDF's own font widths.

    Follows the text state of the content stream (Tm, Tf, Tw, Ts, Tz, Tj, and TJ arrays of
    strings and kerns), as our writer writes it: every run is placed with Tm, so no
    text-matrix arithmetic beyond that. Each string between kerns is one `Shown`.
    """
    out: list[list[Shown]] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            fonts = page.Resources.get("/Font", {})
            tables = {str(k): _to_unicode(f) for k, f in fonts.items()}
            shown: list[Shown] = []
            x = y = size = tw = rise = 0.0
            scale = 1.0
            font = ""
            for op in pikepdf.parse_content_stream(page):
                name = str(op.operator)
                args = list(op.operands)
                if name == "Tm":
                    x, y = float(args[4]), float(args[5])
                elif name == "Tf":
                    font, size = str(args[0]), float(args[1])
                elif name == "Tw":
                    tw = float(args[0])
                elif name == "Ts":
                    rise = float(args[0])
                elif name == "Tz":
                    scale = float(args[0]) / 100
                elif name in ("Tj", "TJ"):
                    parts = [args[0]] if name == "Tj" else list(args[0])
                    fd = fonts[font]
                    first = int(fd.FirstChar)
                    widths = [float(w) for w in fd.Widths]
                    for part in parts:
                        if isinstance(part, (int, float, Decimal)):  # a kern's move
                            x -= float(part) / 1000 * size * scale
                            continue
                        codes = bytes(part)
                        width = sum(widths[c - first] * size / 1000 for c in codes)
                        width = (width + tw * codes.count(32)) * scale
                        text = "".join(tables[font].get(c, "\ufffd") for c in codes)
                        shown.append(Shown(x, y + rise, size, str(fd.BaseFont), text, width))
                        x += width
            out.append(shown)
    return out


def typeset_words(typeset: TypesetBook, kinds: frozenset[str] = TEXT_KINDS) -> list[str]:
    """The words of the typeset text, the lines' final hyphens resolved by their flags."""
    words: list[str] = []
    pending = ""
    for page in typeset.pages:
        for item in page.items:
            if item.kind not in kinds:
                continue
            line = item.text.split()
            if not line:
                continue
            line[0] = pending + line[0]
            pending = ""
            if item.joined:
                last = line.pop()
                pending = last[:-1] if item.hyphenated and last.endswith("-") else last
            words.extend(line)
    if pending:
        words.append(pending)
    return words


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
LABAND = CORPUS / "dta" / "laband1876.gold.jsonl"
SEED = CORPUS / "seed" / "page-286.gold.jsonl"


@cache
def laband() -> Book:
    """The 120 gold pages of Laband (1876): German, footnotes on most pages."""
    return gold_book(LABAND)


@cache
def composed(mode: str, pages: int | None = None) -> TypesetBook:
    """Laband typeset in `mode` (all pages, or the first `pages`), once per test session."""
    book = laband()
    if pages:
        book = Book(pages=book.pages[:pages], metadata=book.metadata, language=book.language)
    return compose(book, mode)
