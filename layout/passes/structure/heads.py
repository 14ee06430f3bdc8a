"""Find the book's headings as wholes: which running-text lines form one heading.

In: a book whose paragraphs pass has run (heading lines marked, paragraph starts set) and
the book's measure. Out: the `Head`s in reading order, each with its lines, its number
(`numbering.read_number`) and the features of its style (capitals, type size, centring).

A heading is one or more lines the paragraphs pass marked as headings, grouped so that a
heading printed over two lines is one (`Die Antinomie zwischen ... des` / `allmächtigen
Gottes.`) and a label stands with its title (`Erstes Kapitel.` / `Der Monarch.`), while
a line with a number of its own starts a heading of its own (`a) Die Institution.` /
`§. 25.`). Lines the paragraphs pass left in the text become headings on the book's own
evidence: a bare number or label (`3.`, `§. 212.`, `Zweites Buch.`) standing between
paragraphs, with the short lines that name it; and a short block standing alone between a
paragraph's end and the full first line of the next (`Rechte der Neutralen.`). Not
handled: headings as long as a paragraph's lines and set apart only by type, which plain
OCR text does not show; a figure's label and caption (`Fig. 4.` / `Lotusknospe.`) are
no heading, nor is a line of figures (`1. D. 6—9, 2. D. 15—18`), a numbered clause
(`1. erweitern kann`), an entry of a numbered list (its number counts on from the one
opening the block before it, or on to the one opening the block after: `1) Die
Reichsbank.` / `2) Die Reichsschuld.`) or a line of a table of contents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from layout.flows import Position, text_flow
from layout.model import LETTER_PARTS, Book, Line, Role
from layout.passes.structure.numbering import Number, counts_on, read_number
from layout.passes.text.paragraphs import SENTENCE_END, Measure, indent_of

SHORT = 0.8
"""A line shorter than this share of the measure is short (a heading's, or a last line)."""
MAX_LINES = 3
"""A block of more lines is a paragraph, however short its lines."""
CENTRED = 0.1
"""A line indented by this share of the measure on both sides is centred."""
FIGURE = re.compile(r"^\s*(?:Fig|Figur|Figure|Abb|Abbildung|Taf|Tafel|Plate|Tab|Tabelle)\b\.?\s*"
                    r"[\dIVXLC]", re.IGNORECASE)
"""A caption's label (`Fig. 4.`, `Tafel II`): a caption is no heading."""
NOTE_MARK = re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡)]+$")
"""A note mark at a heading's end (`Die Neutralen.1`)."""
FORMULA = 0.3
"""A line whose characters are digits for this share or more is a formula or a list of
references (`1. D. 6—9, 2. D. 15—18, P. 13—14`), no heading."""
OPEN_END = (",", ";", ":", "-", "\u2014", "\u2013")
"""How a line ends that does not end its sentence (nor a heading's text)."""


@dataclass(frozen=True, slots=True)
class Head:
    """One heading: its lines, its number and what its style shows."""

    lines: tuple[Position, ...]
    number: Number | None
    text: str
    """The heading's lines joined by spaces."""
    caps: bool
    """All its letters are capitals."""
    size: float | None
    """The median type size of its lines, when the input gives sizes."""
    centred: bool
    """Its lines stand in the middle of the measure (when the input shows indents)."""
    after_head: bool
    """No running text stands between it and the heading before it."""
    found: str
    """How it was found: "marked" (by the paragraphs pass), "number" (a bare number
    between paragraphs), "alone" (a short block standing alone) or "tail" (short lines
    at the end of a paragraph's block)."""

    @property
    def style(self) -> str:
        """The book's style of this heading: its numbering's, else its look."""
        if self.number is not None:
            return self.number.style
        look = "caps" if self.caps else "plain"
        if self.size is not None:
            look += f"@{round(self.size)}"
        return look + (":centred" if self.centred else "")


def is_formula(text: str) -> bool:
    """Whether a line is mostly figures (see `FORMULA`)."""
    signs = [c for c in text if c.isalnum()]
    return bool(signs) and sum(c.isdigit() for c in signs) >= FORMULA * len(signs)


PAGE_NUMBER_END = re.compile(r"\d{1,4}\.?$")


def ends_in_page_reference(text: str) -> bool:
    """A line ending in a page number after a space or after leaders (`§. 7. Das Reich 56`,
    `Das Reich .... 56`): a contents line. Read from the line's end, each sign once (a
    pattern searched over a long run of spaces went back over it at every space)."""
    m = PAGE_NUMBER_END.search(text[-6:])
    if m is None:
        return False
    before = text[: len(text) - 6 + m.start()] if len(text) > 6 else text[: m.start()]
    spaced = before.rstrip()
    if len(spaced) < len(before):
        return True
    leaders = spaced.rstrip(".")
    return len(leaders) < len(spaced) and leaders[-1:].isspace()
CONTENTS = 5
"""A page with this many contents lines is a table of contents: its lines head nothing."""


def contents_pages(book: Book) -> set[int]:
    """The pages that list the book's contents (many lines ending in a page number)."""
    return {
        p for p, page in enumerate(book.pages)
        if sum(1 for line in page.lines if line.role in (Role.BODY, Role.HEADING)
               and ends_in_page_reference(line.text)) >= CONTENTS
    }


def _may_head(line: Line) -> bool:
    """Whether a line the paragraphs pass marked may head a division: not a line of
    figures, and after its number a capital (`1. erweitern kann` is a numbered clause)."""
    if is_formula(line.text):
        return False
    number = read_number(line.text)
    if number is None or number.end <= 0:
        return True
    rest = line.text.strip()[number.end:].lstrip(" .:(„\"»")
    return not rest[:1].islower()


def _blocks(book: Book, flow: list[Position]
            ) -> list[tuple[list[Position], list[Line]]]:
    """The running text cut at paragraph starts (a heading line starts its own): each
    block's positions and lines."""
    blocks: list[tuple[list[Position], list[Line]]] = []
    pages = book.pages
    for pos in flow:
        line = pages[pos[0]].lines[pos[1]]
        if line.paragraph_start or not blocks:
            blocks.append(([], []))
        blocks[-1][0].append(pos)
        blocks[-1][1].append(line)
    return blocks


def _text(line: Line) -> str:
    return line.text.strip()


def _is_short(line: Line, m: Measure) -> bool:
    return len(_text(line)) < m.width * SHORT


def _ends_open(text: str) -> bool:
    """True when the line does not end its sentence (`..., die Faktoren`, `und der`)."""
    return text.endswith(OPEN_END) or text[-1:].isalnum() and SENTENCE_END.search(text) is None


def _title_block(lines: list[Line], m: Measure) -> bool:
    """A block shaped like a heading's title: at most three lines, the last short and
    ending it, the others ending open (a title over two lines) or short."""
    if not lines or len(lines) > MAX_LINES:
        return False
    if not _is_short(lines[-1], m) or FIGURE.match(lines[0].text):
        return False
    last = _text(lines[-1])
    if not last or last.endswith(OPEN_END[:3]):
        return False
    return all(_is_short(line, m) or _ends_open(_text(line)) for line in lines[:-1])


def _in_list(blocks: list[tuple[list[Position], list[Line]]], k: int) -> bool:
    """Whether block k is an entry of a numbered list, no heading: its number, with words
    after it, counts on from the number opening the block before it, or the block after
    it opens with the next number (`1) Die Reichsbank.` / `2) Die Reichsschuld.`)."""
    number = _entry_number(blocks[k][1])
    if number is None:
        return False
    before = _entry_number(blocks[k - 1][1]) if k else None
    after = _entry_number(blocks[k + 1][1]) if k + 1 < len(blocks) else None
    return (before is not None and counts_on(before, number)) or (
        after is not None and counts_on(number, after))


def _entry_number(lines: list[Line]) -> Number | None:
    """The number opening a block, when words follow it on its line."""
    number = read_number(lines[0].text)
    return number if number is not None and number.end > 0 else None


def _stands_alone(lines: list[Line], following: list[Line] | None, m: Measure) -> bool:
    """A short block between paragraphs that reads as a heading: every line short, text
    beginning with a capital and holding no digits but its number and note mark, and the
    paragraph after it beginning with a full line."""
    if len(lines) > MAX_LINES or not all(_is_short(line, m) for line in lines):
        return False
    if FIGURE.match(lines[0].text):
        return False
    text = " ".join(_text(line) for line in lines)
    number = read_number(text)
    words = text[number.end:] if number is not None and number.end > 0 else text
    words = NOTE_MARK.sub("", words.strip()).strip()
    if not words or words.endswith(OPEN_END[:3]) or any(c.isdigit() for c in words):
        return False
    if not words.lstrip("(„\"»").strip()[:1].isupper():
        return False
    if following is None or len(following) < 2:
        return False
    return not _is_short(following[0], m)


def _starts_head(group: list[Line], number: Number | None) -> bool:
    """Whether a heading line (`number`: the number it prints) begins a new heading
    rather than going on with the heading gathered so far (`group`, its lines): a bare
    label takes the title under it; a title goes on while its lines end open."""
    first = read_number(group[0].text)
    if len(group) == 1 and first is not None and first.bare:
        return number is not None
    if number is not None:
        return True
    return not _ends_open(_text(group[-1]))


def _head(book: Book, lines: list[Position], after_head: bool, found: str,
          m: Measure) -> Head:
    got = [book.pages[p].lines[i] for p, i in lines]
    text = " ".join(_text(line) for line in got)
    letters = [c for c in text if c.isalpha()]
    sizes = [line.font_size for line in got if line.font_size]
    centred = m.indent_signal and all(
        indent_of(line) - m.indent >= m.width * CENTRED for line in got
    )
    return Head(
        lines=tuple(lines),
        number=read_number(got[0].text),
        text=text,
        caps=len(letters) >= 3 and all(c.isupper() for c in letters),
        size=median(sizes) if sizes else None,
        centred=centred,
        after_head=after_head,
        found=found,
    )


def tail_head(lines: list[Line], m: Measure) -> int:
    """How many lines at the end of a paragraph's block form a heading the paragraphs
    pass ran into it: a bare number (`2.`), or two or three short lines (which justified
    prose never sets before its last line) ending a sentence; the line before them ends
    one too. 0 when none do."""
    for n in (3, 2, 1):
        if len(lines) <= n:
            continue
        run, before = lines[-n:], _text(lines[-n - 1])
        if not before or _ends_open(before) or lines[-n - 1].hyphen is not None:
            continue
        if n == 1:
            number = read_number(run[0].text)
            return 1 if number is not None and number.bare else 0
        if not all(_is_short(line, m) for line in run) or FIGURE.match(run[0].text):
            continue
        if title_lines(run) == n and run[0].text.strip()[:1].isupper():
            return n
    return 0


def title_lines(lines: list[Line]) -> int:
    """How many of the leading lines (at most three) form a title: the lines up to the
    first that ends its sentence, every one before it ending open; 0 when none does."""
    for k, line in enumerate(lines[:MAX_LINES]):
        text = _text(line)
        if not text:
            return 0
        if not _ends_open(text):
            return k + 1 if not text.endswith(OPEN_END[:3]) else 0
    return 0


def _titles_taken(heads: list[Head], pending: dict[int, list[Position]]) -> set[int]:
    """Which heads take the lines that open the paragraph under them as their title: the
    bare labels of a style that mostly do (a book that sets its titles on the first
    line of the text, `§. 212.` / `Arten der Klagen. (Fortsetzung.)`)."""
    bare: Counter[str] = Counter()
    titled: Counter[str] = Counter()
    for k, head in enumerate(heads):
        if head.number is not None and head.number.bare and len(head.lines) == 1:
            bare[head.style] += 1
            titled[head.style] += k in pending
    return {k for k in pending if titled[heads[k].style] >= max(2, bare[heads[k].style] / 2)}


def find(book: Book, m: Measure, flow: list[Position] | None = None) -> list[Head]:
    """The book's headings, in reading order (`flow`: the book's `text_flow`, if known)."""
    blocks = _blocks(book, flow if flow is not None else list(text_flow(book)))
    heads: list[Head] = []
    group: list[Position] = []  # the lines of the heading being gathered
    found = "marked"
    after_head = False  # the gathered heading follows another with no text between
    text_since = True  # running text since the last heading (none yet: as if)
    pending: dict[int, list[Position]] = {}  # head index -> lines that may be its title

    def line_at(pos: Position) -> Line:
        return book.pages[pos[0]].lines[pos[1]]

    def start(lines: list[Position], how: str) -> None:
        nonlocal group, found, after_head
        group, found, after_head = list(lines), how, not text_since

    def close() -> None:
        nonlocal group, text_since
        if group:
            heads.append(_head(book, group, after_head, found, m))
            group, text_since = [], False

    def wants_rest() -> bool:
        """Whether the gathered heading is a bare label or stops mid-sentence."""
        first = read_number(line_at(group[0]).text)
        bare = len(group) == 1 and first is not None and first.bare
        return bare or _ends_open(_text(line_at(group[-1])))

    def take_title(block: list[Position], lines: list[Line]) -> bool:
        """Give the gathered heading the title (or the end) that opens `block`; True
        when the whole block went to it."""
        n = title_lines(lines)
        if n and n == len(block):
            group.extend(block)
            close()
            return True
        if n and wants_rest():
            if _ends_open(_text(line_at(group[-1]))):
                group.extend(block[:n])  # the heading's last line ends mid-sentence
            else:
                pending[len(heads)] = block[:n]
        close()
        return False

    caption = False  # the block follows a figure's label: it is the caption
    contents = contents_pages(book)
    for k, (block, lines) in enumerate(blocks):
        figure = FIGURE.match(lines[-1].text) is not None
        if caption or figure or FIGURE.match(lines[0].text) or block[0][0] in contents:
            close()
            caption, text_since = figure, True
            continue
        if lines[0].block in LETTER_PARTS:  # a letter's close (the letters pass): no heading
            close()
            text_since = True
            continue
        listed = _in_list(blocks, k)
        if not listed and all(line.role is Role.HEADING and _may_head(line) for line in lines):
            for pos, line in zip(block, lines, strict=True):
                if group and _starts_head([line_at(q) for q in group], read_number(line.text)):
                    close()
                if group:
                    group.append(pos)
                else:
                    start([pos], "marked")
            continue
        if group and wants_rest() and take_title(block, lines):
            continue
        close()
        number = read_number(lines[0].text)
        following, next_lines = blocks[k + 1] if k + 1 < len(blocks) else (None, None)
        if number is not None and number.bare:
            # a bare number or label between paragraphs, and the title under it
            start(block[:1], "number")
            if len(block) > 1:
                if take_title(block[1:], lines[1:]):
                    continue
            else:
                continue  # the next block may hold its title
        elif not listed and _stands_alone(lines, next_lines, m):
            start(block, "alone")
            close()
            continue
        text_since = True
        tail = tail_head(lines, m)
        if tail:
            start(block[-tail:], "tail")
            number = read_number(lines[-tail].text)
            if tail > 1 or number is None or not number.bare:
                close()
    close()
    taken = _titles_taken(heads, pending)
    return [_head(book, list(head.lines) + pending[k], head.after_head, head.found, m)
            if k in taken else head for k, head in enumerate(heads)]
