"""What is typeset: the book's reading text and notes as words in blocks, page by page.

In: a Book after the passes (roles, hyphen decisions, paragraph starts, footnotes with
their anchors). Out: for each source page its paragraphs and headings (words with the
line-end hyphens resolved as the reading text resolves them, footnote marks lifted out of
the words and kept as `Mark`s at a character offset), its footnotes (text without the
printed label; a part continued from an earlier page flagged), its printed number and
running title. A word cut by the page break stays cut: its first part (with the hyphen, as
printed) ends one page and its rest begins the next; `continuous` joins the pages again
for the reflowed book. Furniture, blank lines and footnote lines never enter the text.

A list item (`Line.block` ITEM) is a block of its own, its printed label ("1.", "a)": the
first line's text up to `Line.label_end`) kept apart from its words, so the typesetter can
hang it in the margin of the item's lines. Not handled: emphasis (the model records no
italics), tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from layout.flows import glued
from layout.model import TEXT_ROLES, Book, Footnote, Hyphen, Line, Page, Role
from layout.model import Block as Structure

NoteKey = tuple[int, int]
"""(source page index, index of the note in Page.footnotes)."""

TOKEN = re.compile(r"\S+")
BRACKETS = "()[]{}"


class Mark(NamedTuple):
    """A footnote mark standing in a word: it follows `text[:offset]`."""

    offset: int
    label: str
    note: NoteKey


class Word(NamedTuple):
    """A word of the reading text, with its footnote marks lifted out (a tuple: books
    have hundreds of thousands)."""

    text: str
    marks: tuple[Mark, ...] = ()
    cut: Hyphen | None = None
    """Set on the first part of a word the source page break cuts: how it joins its rest.
    The text then ends in the printed hyphen ("con-")."""

    def joined(self, rest: Word) -> Word:
        """This cut word and its rest from the next page as one word ("con-" + "flicting")."""
        head = self.text[:-1] if self.cut is Hyphen.JOIN else self.text
        shifted = tuple(m._replace(offset=m.offset + len(head)) for m in rest.marks)
        kept = tuple(m._replace(offset=min(m.offset, len(head))) for m in self.marks)
        return Word(head + rest.text, kept + shifted, rest.cut)


BlockKind = Literal["paragraph", "heading", "line", "item"]
"""A paragraph, a heading, one line whose break the source keeps (verse, a letter's
closing, a signature: `Line.keeps_break`), set as it stands, ragged and unbroken, or a
list item (set with its label hanging)."""
RUNNING: frozenset[str] = frozenset({"paragraph", "item"})
"""Kinds of block that run on over a page break (a heading or a kept line ends on its own)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a heading, or the part of one that stands on one source page."""

    kind: BlockKind
    words: tuple[Word, ...]
    continued: bool = False
    """Begun on an earlier page (so not indented)."""
    continues: bool = False
    """Goes on on the next page (so its last line here is justified, not ragged)."""
    level: int = 0
    """A heading's level in the book's outline (1: outermost; 0: a paragraph)."""
    label: tuple[Word, ...] = ()
    """A list item's printed label ("1.", "a)"), apart from its words; empty on the part
    of an item continued from an earlier page."""


@dataclass(frozen=True, slots=True)
class NotePart:
    """A footnote, or the part of one printed on one source page."""

    key: NoteKey
    marker: str | None
    words: tuple[Word, ...]
    continued: bool = False
    continues: bool = False
    anchored: bool = True


@dataclass(frozen=True, slots=True)
class SourcePage:
    """One source page's content, in reading order."""

    index: int
    number: str | None
    label: str | None
    """The printed number, else the inferred one, else None."""
    running_title: str | None
    """The running title in its one form (`Page.running_title_form`), else as printed."""
    blocks: tuple[Block, ...]
    notes: tuple[NotePart, ...]


@dataclass
class _Builder:
    """Gathers one page's blocks while the text flow is walked."""

    blocks: list[Block] = field(default_factory=list)
    kind: BlockKind | None = None
    words: list[Word] = field(default_factory=list)
    continued: bool = False
    level: int = 0
    label: tuple[Word, ...] = ()

    def close(self) -> None:
        if self.kind is not None and (self.words or self.label):
            self.blocks.append(
                Block(self.kind, tuple(self.words), self.continued, level=self.level,
                      label=self.label)
            )
        self.kind, self.words, self.continued, self.level = None, [], False, 0
        self.label = ()

    def open(self, kind: BlockKind, continued: bool = False, level: int = 0) -> None:
        self.close()
        self.kind, self.continued, self.level = kind, continued, level


def label_of(page: Page) -> str | None:
    """The page's printed number, else the number its sequence gives it."""
    return page.number or page.inferred_number


def mark_label(note: Footnote, printed: str) -> str:
    """The label a mark shows: the note's marker, else the printed mark without brackets."""
    label = (note.marker or printed).strip().strip(BRACKETS).strip()
    return label or "*"


def line_words(
    text: str, marks: list[tuple[int, int, str, NoteKey]]
) -> tuple[list[Word], list[Mark]]:
    """A line's words with its marks cut out, and the marks that precede every word.

    A mark inside a word or right after it stays with that word; a mark standing alone
    after a space goes with the word before it; marks before the first word are returned
    apart, for the previous line's last word.
    """
    if not marks:
        return [Word(token) for token in text.split()], []
    stripped: list[str] = []
    positions: list[tuple[int, str, NoteKey]] = []
    pos = 0
    kept = 0
    for start, end, label, key in sorted(marks):
        if start < pos:
            continue
        stripped.append(text[pos:start])
        kept += start - pos
        positions.append((kept, label, key))
        pos = end
    stripped.append(text[pos:])
    clean = "".join(stripped)
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(clean)]
    attached: list[list[Mark]] = [[] for _ in spans]
    lead: list[Mark] = []
    for q, label, key in positions:
        owner = -1
        for t, (s, e) in enumerate(spans):
            if s < q <= e:
                owner = t
                break
            if e < q:
                owner = t
        if owner < 0:
            lead.append(Mark(0, label, key))
            continue
        s, e = spans[owner]
        attached[owner].append(Mark(min(q, e) - s, label, key))
    words = [Word(clean[s:e], tuple(ms)) for (s, e), ms in zip(spans, attached, strict=True)]
    return words, lead


def resolve_end(word: Word, line: Line) -> tuple[Word, bool]:
    """The line's last word with its line-end hyphen resolved, and whether the next glues on."""
    text, glue = glued(word.text, line)
    text = text.strip()
    marks = tuple(m._replace(offset=min(m.offset, len(text))) for m in word.marks)
    return Word(text, marks), glue


def _page_marks(book: Book, p: int) -> dict[int, list[tuple[int, int, str, NoteKey]]]:
    page = book.pages[p]
    out: dict[int, list[tuple[int, int, str, NoteKey]]] = {}
    for k, note in enumerate(page.footnotes):
        a = note.anchor
        if a is None or a.line >= len(page.lines):
            continue
        printed = page.lines[a.line].text[a.start : a.end]
        out.setdefault(a.line, []).append((a.start, a.end, mark_label(note, printed), (p, k)))
    return out


def _attach(words: list[Word], marks: list[Mark]) -> None:
    """Put marks at the end of the last word of `words` (in place)."""
    last = words[-1]
    moved = tuple(m._replace(offset=len(last.text)) for m in marks)
    words[-1] = last._replace(marks=last.marks + moved)


def _text_lines(book: Book) -> Iterator[tuple[int, int, Line, bool]]:
    """Text lines in reading order, each with whether a blank line precedes it on its page."""
    for p, page in enumerate(book.pages):
        gap = False
        seen = False
        for i, line in enumerate(page.lines):
            if line.is_blank:
                gap = True
            elif line.role in TEXT_ROLES:
                yield p, i, line, gap and seen
                gap, seen = False, True


def page_blocks(book: Book) -> list[list[Block]]:
    """The blocks of every source page; a cut word ends one page and its rest begins the next.

    A new block begins at a heading, at a paragraph start, and after a blank line inside
    the text of a page; a body line that begins a page continues the paragraph before.
    """
    builders = [_Builder() for _ in book.pages]
    marks = [_page_marks(book, p) for p in range(len(book.pages))]
    glue: Hyphen | None = None  # the previous text line's last word goes on
    b: _Builder | None = None
    cur = -1
    for p, i, line, after_gap in _text_lines(book):
        words, lead = line_words(line.text, marks[p].get(i, []))
        kind: BlockKind = (
            "heading" if line.role is Role.HEADING
            else "line" if line.keeps_break
            else "item" if line.block is Structure.ITEM else "paragraph"
        )
        level = (line.heading.level if line.heading else 1) if kind == "heading" else 0
        if p != cur:
            carried = b is not None and b.kind == kind in RUNNING and bool(b.words)
            if b is not None:
                if glue is not None and b.words:
                    last = b.words[-1]
                    text = last.text + ("-" if glue is Hyphen.JOIN else "")
                    b.words[-1] = last._replace(text=text, cut=glue)
                b.close()
            b, cur = builders[p], p
            b.open(kind, continued=carried and not line.paragraph_start, level=level)
            glue = None
        else:
            assert b is not None
            if glue is None and (
                b.kind != kind or kind == "line" or line.paragraph_start or after_gap
            ):
                b.open(kind, level=level)
        if lead:
            if b.words:
                _attach(b.words, lead)
            elif words:
                words[0] = words[0]._replace(marks=tuple(lead) + words[0].marks)
        if kind == "item" and line.label_end and not b.words and not b.label and glue is None:
            count = len(line.text[: line.label_end].split())
            b.label, words = tuple(words[:count]), words[count:]
        if glue is not None and b.words and words:
            head = b.words.pop()
            shifted = tuple(m._replace(offset=m.offset + len(head.text)) for m in words[0].marks)
            words[0] = Word(head.text + words[0].text, head.marks + shifted)
        b.words.extend(words)
        glue = None
        if line.hyphen is not None and b.words:
            b.words[-1], goes_on = resolve_end(b.words[-1], line)
            glue = line.hyphen if goes_on else None
    if b is not None:
        b.close()
    pages = [builder.blocks for builder in builders]
    for p in range(len(pages) - 1):
        nxt = next((q for q in range(p + 1, len(pages)) if pages[q]), None)
        if pages[p] and nxt is not None and pages[nxt][0].continued:
            pages[p][-1] = replace(pages[p][-1], continues=True)
    return pages


def note_parts(book: Book) -> list[list[NotePart]]:
    """The footnotes of every source page, labels cut off, line-end hyphens resolved."""
    out: list[list[NotePart]] = []
    for p, page in enumerate(book.pages):
        parts: list[NotePart] = []
        for k, note in enumerate(page.footnotes):
            words: list[Word] = []
            glue: Hyphen | None = None
            for n, i in enumerate(note.lines):
                line = page.lines[i]
                text = line.text[note.label_end :] if n == 0 else line.text
                found, _ = line_words(text, [])
                if not found:
                    continue
                if glue is not None and words:
                    found[0] = Word(words.pop().text + found[0].text)
                words.extend(found)
                glue = None
                if line.hyphen is not None:
                    words[-1], goes_on = resolve_end(words[-1], line)
                    glue = line.hyphen if goes_on else None
            if glue is not None and words and note.continues_on_next_page:
                cut = words[-1].text + ("-" if glue is Hyphen.JOIN else "")
                words[-1] = Word(cut, (), glue)
            marker = None if note.continued else note.marker
            parts.append(
                NotePart(
                    (p, k), marker, tuple(words), note.continued, note.continues_on_next_page,
                    anchored=note.anchor is not None,
                )
            )
        out.append(parts)
    for p, parts in enumerate(out):
        nxt = next((q for q in range(p + 1, len(out)) if out[q]), None)
        if parts and nxt is not None and out[nxt][0].continued:
            parts[-1] = replace(parts[-1], continues=True)
    return out


def source_pages(book: Book) -> tuple[SourcePage, ...]:
    """Each source page's blocks and notes, with its number and running title."""
    blocks = page_blocks(book)
    notes = note_parts(book)
    return tuple(
        SourcePage(
            p, page.number, label_of(page), page.running_title_form or page.running_title,
            tuple(blocks[p]), tuple(notes[p]),
        )
        for p, page in enumerate(book.pages)
    )


@dataclass(frozen=True, slots=True)
class Continuous:
    """The book as one run of blocks, for reflowing: where each source page begins, the notes."""

    blocks: tuple[Block, ...]
    page_starts: tuple[tuple[int, int, int], ...]
    """(block index, word index, source page index) where each source page's text begins."""
    notes: dict[NoteKey, NotePart]
    """Every note under the key of its first part, continuation parts joined to it."""
    unanchored: tuple[tuple[int, int, NoteKey], ...]
    """(block index, word index, note) for notes without a mark: set where their page begins."""


def _join_words(a: tuple[Word, ...], b: tuple[Word, ...]) -> tuple[Word, ...]:
    if a and b and a[-1].cut is not None:
        return a[:-1] + (a[-1].joined(b[0]),) + b[1:]
    return a + b


def continuous(pages: tuple[SourcePage, ...]) -> Continuous:
    """Join the source pages: continued paragraphs and notes become whole, cut words whole."""
    blocks: list[Block] = []
    starts: list[tuple[int, int, int]] = []
    notes: dict[NoteKey, NotePart] = {}
    unanchored: list[tuple[int, int, NoteKey]] = []
    last_note: NoteKey | None = None
    for page in pages:
        start: tuple[int, int] | None = None
        for n, block in enumerate(page.blocks):
            prev = blocks[-1] if blocks else None
            if n == 0 and prev is not None and prev.words and prev.words[-1].cut is not None:
                start = (len(blocks) - 1, len(prev.words) - 1)
                if block.continued or block.kind == prev.kind:
                    blocks[-1] = replace(prev, words=_join_words(prev.words, block.words))
                    continue
                joined = prev.words[-1].joined(block.words[0]) if block.words else prev.words[-1]
                blocks[-1] = replace(prev, words=prev.words[:-1] + (joined,))
                block = replace(block, words=block.words[1:])
            elif n == 0 and block.continued and prev is not None and prev.kind == block.kind:
                start = (len(blocks) - 1, len(prev.words))
                blocks[-1] = replace(prev, words=prev.words + block.words)
                continue
            if start is None:
                start = (len(blocks), 0)
            blocks.append(replace(block, continued=False, continues=False))
        if start is None:
            start = (len(blocks), 0)
        starts.append((start[0], start[1], page.index))
        for part in page.notes:
            if part.continued and last_note is not None:
                whole = notes[last_note]
                notes[last_note] = replace(whole, words=_join_words(whole.words, part.words))
                continue
            notes[part.key] = replace(part, continued=False, continues=False)
            last_note = part.key
            if not part.anchored:
                unanchored.append((start[0], start[1], part.key))
    return Continuous(tuple(blocks), tuple(starts), notes, tuple(unanchored))
