"""Find where paragraphs and headings start in the running text, across page breaks.

In: a book whose furniture and footnotes are marked and whose breaks are decided. Out:
`paragraph_start` on the first line of every paragraph and heading, and `Role.HEADING` on
body lines that stand alone as headings (a `§. 34.` line, a short centred or capitalised
line between paragraphs). The signals a book uses differ, so each is tested book-wide
first: a blank line between two text lines, a line indented against the book's left
edge (for OCR with geometry, the line's box against its column's edge: `indents`), a
previous line shorter than the book's measure. A paragraph running over a page
break is not cut: the next page's first line starts a paragraph only when the last line
before it ends one. Not handled: verse, tables and block quotes (read as paragraphs),
headings that run over two lines unless both are short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from layout.flows import Position, text_flow
from layout.model import HYPHEN_SIGNS, Book, Line, Role
from layout.passes.text import indents

SHORT = 0.8
"""A line shorter than this share of the book's measure ends its paragraph."""
HEADING_SHORT = 0.7
"""A heading is shorter than this share of the measure."""
NUMBERED_SHORT = 0.9
"""A numbered heading ending in a full stop (`C. Das Recht des Staats.`) may be this long."""
SIGNAL_MIN, SIGNAL_MAX = 0.01, 0.5
"""A layout feature is a paragraph signal when it marks this share of the text lines."""
CENTRED = 0.15
"""An indent of this share of the measure (or more) on a short line centres it."""
SECTION = re.compile(
    r"^\s*(?:§+\.?\s*\d+|[IVXLC]+\.\s|[A-Z]\.\s|\d+\.\s|[a-z]\)\s"
    r"|(?:Chapter|CHAPTER|Kapitel|Abschnitt|Capitel|Buch|Book|BOOK|Part|PART|Theil|Teil)\b)"
)
"""The opening of a numbered heading: `§. 34.`, `I.`, `A.`, `Chapter`."""
LABEL = re.compile(
    r"^\s*(?:\S+\s+)?(?:Kapitel|Capitel|Abs?chnitt|Abſchnitt|Buch|Theil|Teil|Chapter|Book|Part"
    r"|Section|Livre|Chapitre|Partie)\.?(?:\s+[IVXLC\d]+\.?)?\s*$|^\s*§+\.?\s*\d+\.?\s*$",
    re.IGNORECASE,
)
"""A heading's label line on its own: `Erſtes Kapitel.`, `Chapter IV`, `§. 19.`."""
SENTENCE_END = re.compile(r"[.!?][\d¹²³⁴⁵⁶⁷⁸⁹*†)“”\"'’»«]*$")
"""A line ending a sentence, maybe followed by a note mark or a closing quote."""


@dataclass(frozen=True, slots=True)
class Measure:
    """The book's typical text line: its length (the measure) and which signals it uses."""

    width: float
    indent: int
    indent_signal: bool
    blank_signal: bool


def indent_of(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def measure(book: Book, flow: list[Position], blanks: bool = True,
            placed: dict[Position, int] | None = None) -> Measure:
    """The measure and signals, learned from all the book's running-text lines (without
    `blanks`, the blank-line signal is not looked for and is False); `placed`: the
    indents geometry gives (`indents.of`)."""
    texts = [book.pages[p].lines[i].text for p, i in flow]  # looked up once (speed)
    widths = sorted([len(t.strip()) for t in texts])
    width = float(widths[int(len(widths) * 0.75)]) if widths else 0.0
    indents = sorted([len(t) - len(t.lstrip()) for t in texts])  # as `indent_of`
    if placed:
        indents = sorted(placed.get(pos, len(t) - len(t.lstrip()))
                         for pos, t in zip(flow, texts, strict=True))
    base = indents[len(indents) // 4] if indents else 0
    limit = max(8, width * CENTRED)
    indented = sum(1 for n in indents if 0 < n - base <= limit)
    gaps = 0
    for (p, i), (q, j) in pairwise(flow) if blanks else ():
        if p == q and j > i + 1 and all(
            book.pages[p].lines[k].role is Role.BLANK for k in range(i + 1, j)
        ):
            gaps += 1
    n = max(1, len(flow))
    return Measure(
        width=width,
        indent=base,
        indent_signal=SIGNAL_MIN <= indented / n <= SIGNAL_MAX,
        blank_signal=SIGNAL_MIN <= gaps / n <= SIGNAL_MAX,
    )


def ends_paragraph(line: Line, m: Measure) -> bool:
    """Whether a text line is short enough (and not cut by a hyphen) to end its paragraph,
    and ends as a sentence or a lead-in does: a short line that stops mid-sentence (a word
    too long for the next line pushed it over) goes on."""
    text = line.text.rstrip()
    if not text or text[-1] in HYPHEN_SIGNS or line.hyphen is not None:
        return False
    if len(text.strip()) >= m.width * SHORT:
        return False
    return text.endswith(":") or SENTENCE_END.search(text) is not None


def looks_like_heading(line: Line, m: Measure, indent: int | None = None) -> bool:
    """A short line set apart as a heading: numbered, centred or in capitals."""
    text = line.text.strip()
    if not text or line.hyphen is not None:
        return False
    if SECTION.match(text) and text.endswith(".") and len(text) < m.width * NUMBERED_SHORT:
        return True
    if len(text) >= m.width * HEADING_SHORT:
        return False
    if LABEL.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    if SECTION.match(text) and not text.endswith((",", ";", ":")):
        return True
    if indent is None:
        indent = indent_of(line)
    if m.indent_signal and indent - m.indent >= m.width * CENTRED:
        return True
    return all(c.isupper() for c in letters) and len(letters) >= 4


def is_title(line: Line, m: Measure) -> bool:
    """A short line that may name what a label line (`Erſtes Kapitel.`) numbers."""
    text = line.text.strip()
    return (
        0 < len(text) < m.width * HEADING_SHORT
        and text[0].isupper()
        and text.endswith(".")
        and line.hyphen is None
    )


def starts(book: Book, flow: list[Position], m: Measure,
           placed: dict[Position, int] | None = None) -> tuple[set[Position], set[Position]]:
    """The paragraph starts and the heading lines of the running text; `placed`: the
    indents geometry gives."""
    placed = placed or {}
    para: set[Position] = set()
    heads: set[Position] = set()
    prev: Line | None = None
    prev_pos: Position | None = None
    # enum members bound once: attribute lookups on an enum class are slow in this loop
    blank, heading, body = Role.BLANK, Role.HEADING, Role.BODY
    pages = book.pages
    for pos in flow:
        p, i = pos
        lines = pages[p].lines
        line = lines[i]
        start = prev is None or ends_paragraph(prev, m)
        if prev_pos is not None and prev_pos[0] == p:
            between = range(prev_pos[1] + 1, i)
            if m.blank_signal and any(lines[k].role is blank for k in between):
                start = True
        indent = placed.get(pos)
        if indent is None:
            indent = indent_of(line)
        if m.indent_signal and prev is not None and indent > m.indent:
            start = start or prev.hyphen is None  # an indent after a break is OCR noise
        prev_head = prev_pos in heads
        if prev_head:
            start = True
        after_sentence = prev is None or start or bool(SENTENCE_END.search(prev.text.rstrip()))
        title_follows = prev_head and prev is not None and bool(LABEL.match(prev.text))
        if line.role is heading or (
            line.role is body
            and (
                (after_sentence and looks_like_heading(line, m, indent))
                or (title_follows and is_title(line, m))
            )
        ):
            heads.add(pos)
            start = True
        if start:
            para.add(pos)
        prev, prev_pos = line, pos
    return para, heads


def mark(book: Book) -> Book:
    """Set `paragraph_start` on paragraph and heading starts; label heading lines."""
    flow = list(text_flow(book))
    if not flow:
        return book
    placed = indents.of(book, flow)  # with geometry, where each line begins
    m = measure(book, flow, placed=placed)
    para, heads = starts(book, flow, m, placed)
    pages = list(book.pages)
    touched: dict[int, list[int]] = {}
    for p, i in para | heads:
        touched.setdefault(p, []).append(i)
    for p, rows in touched.items():
        lines = list(pages[p].lines)
        for i in rows:
            line = lines[i]
            role = Role.HEADING if (p, i) in heads and line.role is Role.BODY else line.role
            lines[i] = replace(line, paragraph_start=(p, i) in para, role=role)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages))
