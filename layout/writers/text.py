"""The reading text: what a reader reads, one chunk per input page, chunks split by `\\f`.

In: a Book whose passes have run. Out: UTF-8 text with exactly one chunk per input page.
The running text is every line that is neither furniture, nor footnote, nor marginal note,
nor white space (the evaluation contract's body group). Footnote marks found by the passes
are cut out; line-end hyphens are resolved by their decisions (join: the sign goes; keep
and undecided: a hyphen stays; space: a hyphen and a space). A word broken over a page
break belongs to the page where it starts: the rest of the word moves back, the rest of
the line stays. Paragraphs and headings are set apart by a blank line; each paragraph
is one line (re-flowed) or keeps its printed lines (`lines`); a heading over two lines
reads as one; the lines of verse, a letter's closing and signature and the title page
stay lines. With `notes="end"` each page's notes (labels kept, hyphens resolved) follow
its text. Not handled: wrapping re-flowed paragraphs to a width.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from layout.flows import glued
from layout.model import FURNITURE, Book, Hyphen, Line, Page, Role

NOTES_MODES = ("none", "end")


def is_running_text(line: Line) -> bool:
    """A line a reader reads as the book's text: not furniture, not a note, not blank."""
    return (
        line.role not in FURNITURE
        and line.role is not Role.FOOTNOTE
        and line.role is not Role.MARGINAL
        and bool(line.text)
        and not line.text.isspace()
    )


def running_text(book: Book) -> Iterator[tuple[int, Line, str]]:
    """(page index, line, text with its marks cut) for every running-text line, in order."""
    footnote, marginal = Role.FOOTNOTE, Role.MARGINAL
    for p, page in enumerate(book.pages):
        cuts = mark_spans(page)
        for i, line in enumerate(page.lines):
            text, role = line.text, line.role
            # `is_running_text`, inlined: this runs for every line of the book
            if (role not in FURNITURE and role is not footnote and role is not marginal
                    and text and not text.isspace()):
                yield p, line, cut(text, cuts[i]) if i in cuts else text


def mark_spans(page: Page) -> dict[int, list[tuple[int, int]]]:
    """Per line, the spans of the footnote marks found in it."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for note in page.footnotes:
        a = note.anchor
        if a is not None and 0 <= a.start < a.end:
            spans.setdefault(a.line, []).append((a.start, a.end))
    return spans


def cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the given spans (overlapping spans cut once)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= len(text):
            break
        out.append(text[pos:start])
        pos = max(pos, min(end, len(text)))
    out.append(text[pos:])
    return "".join(out)


def strip_marks(page: Page) -> dict[int, str]:
    """The texts of the page's lines that hold found footnote marks, the marks cut out."""
    return {i: cut(page.lines[i].text, spans) for i, spans in mark_spans(page).items()
            if 0 <= i < len(page.lines)}


class Piece(NamedTuple):
    """A printed line of the running text (or lines joined by a word broken over them)."""

    text: str
    starts: bool
    """It begins a paragraph, a heading or another block."""
    keeps: bool
    """Its line break belongs to the text: a heading's, or a kept block's (verse, a
    signature, the title page)."""
    heading: bool = False
    """It is a line of a heading."""


def page_pieces(book: Book) -> list[list[Piece]]:
    """The running-text pieces of each page, hyphenated words already joined, each with
    whether it starts a block and keeps its break."""
    # each line's break is resolved on the line alone and the pieces joined once per
    # chunk: resolving it on the growing chunk copied the chunk at every line (quadratic)
    chunks: list[list[Piece]] = [[] for _ in book.pages]
    buf: list[str] | None = None
    buf_page = 0
    starts = keeps = head = glue = False
    heading = Role.HEADING
    for p, line, raw in running_text(book):
        piece, joins = glued(raw.strip(), line)
        if glue and buf is not None and p != buf_page:
            head_rest = piece.split(None, 1)  # only the rest of the word moves back
            buf.append(head_rest[0] if head_rest else "")
            if len(head_rest) > 1:
                chunks[buf_page].append(Piece("".join(buf), starts, keeps, head))
                buf, buf_page, starts = [head_rest[1]], p, False
        elif glue and buf is not None:
            buf.append(piece)
        else:
            if buf is not None:
                chunks[buf_page].append(Piece("".join(buf), starts, keeps, head))
            buf, buf_page = [piece], p
            starts = line.paragraph_start
            head = line.role is heading
            keeps = head or line.keeps_break
        # after a suspended hyphen the next word follows on the same page, as the
        # contract's reading text has it ("Vater- und" even over a page break)
        glue = joins or line.hyphen is Hyphen.SPACE
    if buf is not None:
        chunks[buf_page].append(Piece("".join(buf), starts, keeps, head))
    return chunks


def page_chunks(book: Book) -> list[list[str]]:
    """The running-text pieces of each page, hyphenated words already joined."""
    return [[piece.text for piece in page] for page in page_pieces(book)]


def paragraphs(pieces: list[Piece], lines: bool) -> str:
    """A page's running text: a blank line before each paragraph and heading, headings
    and kept lines (verse, a signature) on lines of their own; each paragraph on one line
    (`lines` False) or its printed lines kept (`lines` True)."""
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if k:
            before = pieces[k - 1]
            if piece.starts:
                out.append("\n\n")
            elif lines or piece.keeps != before.keeps or (
                    piece.keeps and not _is_heading_go_on(before, piece)):
                out.append("\n")
            else:
                out.append(" ")
        out.append(piece.text)
    return "".join(out)


def _is_heading_go_on(before: Piece, piece: Piece) -> bool:
    """Whether a heading's line goes on with the line before: a title printed over two
    lines reads as one line (a label and its title, and verse, keep their lines)."""
    return before.heading and piece.heading and before.text[-1:] not in ".!?"


def _notes_of(page: Page) -> list[tuple[str, bool]]:
    """Each note's text, and whether its last line ends inside a word."""
    groups = [[i for i in note.lines if 0 <= i < len(page.lines)] for note in page.footnotes]
    claimed = {i for group in groups for i in group}
    stray = [i for i, line in enumerate(page.lines)
             if line.role is Role.FOOTNOTE and i not in claimed and not line.is_blank]
    if stray:
        groups.append(stray)
    out = []
    for group in groups:
        pieces: list[str] = []
        glue = False
        for i in group:
            line = page.lines[i]
            piece = line.text.strip()
            if not piece:
                continue
            if pieces and not glue:
                pieces.append(" ")
            piece, glue = glued(piece, line)
            pieces.append(piece)
        out.append(("".join(pieces), glue))
    return out


def page_notes(book: Book) -> list[list[str]]:
    """The notes of each page; a word a note breaks over the page moves back with it, as
    in the running text."""
    out = [_notes_of(page) for page in book.pages]
    for p in range(1, len(out)):
        before, here = out[p - 1], out[p]
        notes = book.pages[p].footnotes
        if before and before[-1][1] and here and notes and notes[0].continued:
            head_rest = here[0][0].split(None, 1)
            if head_rest:
                before[-1] = (before[-1][0] + head_rest[0], False)
                here[0] = (head_rest[1] if len(head_rest) > 1 else "", here[0][1])
    return [[text for text, _ in page if text] for page in out]


def write(book: Book, notes: str = "none", lines: bool = False) -> bytes:
    """The reading text as UTF-8; `notes` is "none" (notes left out) or "end"; `lines`
    keeps the printed lines of paragraphs (else each paragraph is one line)."""
    out = io.BytesIO()
    write_to(book, out, notes, lines)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO, notes: str = "none", lines: bool = False) -> None:
    """The bytes of `write`, written to `out` a page at a time (never the whole text)."""
    if notes not in NOTES_MODES:
        raise ValueError(f"notes must be one of {NOTES_MODES}, not {notes!r}")
    ends = page_notes(book) if notes == "end" else [[] for _ in book.pages]
    for n, (pieces, texts) in enumerate(zip(page_pieces(book), ends, strict=True)):
        text = paragraphs(pieces, lines)
        if texts:
            text = text + "\n\n" + "\n".join(texts) if text else "\n".join(texts)
        out.write(("\f" if n else "").encode("utf-8") + (text + "\n").encode("utf-8"))
