"""The verse pass: mark the lines of verse quoted in the running text, so they stay lines.

In: a book whose paragraphs, divisions, letters, datelines and lists passes have run
(paragraph starts, headings, letters' parts and list items decided). Out: `Block.VERSE` on
every line of a verse run, `paragraph_start` on the first line of each stanza (the run's
first line, and a line after a blank line inside it) and on the prose line after it; TEI
writes `<lg>`/`<l>`, the typesetter keeps each line a line. Each run taken leaves a
`Diagnostic` naming its lines and the evidence that took it.

A printer sets verse line by line: each line ends where the verse does, short of the full
line of the prose around it (the measure), and the lines differ in length. So a run of
verse is a run of consecutive running-text lines (across page breaks) each clearly short
(`SHORT` of the measure or less), none broken by a hyphen, with prose right before and
after it (`_prose_around`), and lengths that vary (`VARIED`). Prose ends a paragraph in a
short line too: the first short line after a long one is taken for the prose's last line,
unless the long line ends in a colon (a lead-in: `... the poet says:`) or the short one
opens with a quotation mark. A run needs `MIN_RUN` lines (`MIN_MARKED` after such a
mark). A run with no prose around it (a page of verse, a poem opening after a heading) is
taken only when long (`LONG_RUN`), its lines of several words and seldom abbreviated,
and its diagnostic says it is less sure: the model keeps no certainty for a block, so the
diagnostic is where a reviewer finds it.

The measure is the length, in characters, of the book's full lines: the median length of
the lines that end in a word break (a printer breaks a word only in a full line; in a
book whose OCR ran some lines together the longest lines are no measure), else the
paragraphs pass's measure (`paragraphs.measure`). Plain OCR text gives nothing else; with
geometry the same characters count (the line's box is not read: OCR-D's pages are samples,
too few for a page's own measure).

Not taken (false verse in a prose book is worse than a missed poem): lines that are
furniture, notes, headings, list items or a letter's parts (not running body text, or
their block decided); lines mostly of other signs than letters (`LETTERS`: tables, a
table of figures), lines holding a number (a date, a count, a page reference: tables of
contents), lines holding a word in capitals (a signature, an address, a title page's or
a heading's line); short runs without prose around them (a title page, a list of names).
Not handled: verse set as long as the prose (hexameters, lines the OCR ran together), a
book of poems whose measure is its verse's, verse within a footnote, a verse line turned
over onto the next line (read as two lines, the second often too short to count).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from layout.flows import Position, text_flow
from layout.model import HYPHEN_SIGNS, Block, Book, Diagnostic, Line, Role
from layout.passes.structure.letters import in_capitals
from layout.passes.text.paragraphs import measure

SHORT = 0.7
"""A verse line is at most this share of the measure."""
TOO_SHORT = 0.15
"""... and at least this share (a shorter line is a label, a figure or a stray mark)."""
MIN_RUN = 4
"""A run of fewer short lines is no verse (in the corpus, every run of three is something
else: a paragraph's last line and a heading over two lines, a letter's close)..."""
MIN_MARKED = 3
"""... unless a colon before it or a quotation mark opening it marks it: then three do."""
LONG_RUN = 12
"""A run with no prose right before or after it (a page of verse) needs this many lines:
in the corpus the long runs of short lines are verse, or prose set narrow beside a figure
(its lines' lengths alike: `VARIED`), while title pages, lists of names and tables of
contents are cut into short runs by lines of figures, capitals or a single word."""
MIN_WORDS = 3
"""... and each of its lines this many words (`Oldenburg`, `- Raff`: a list's entries)..."""
ABBREVIATION = re.compile(r"(?<!\w)\w{1,3}\.\s+\S")
"""... and few of its lines an abbreviation before their end (`Hr. Amtsv. Sauermann, zu`,
`Dr. Lenz, in Oldenb.`: a list of names and places), ..."""
ABBREVIATED = 0.25
"""... at most this share of them."""
VARIED = 0.04
"""The lengths of a run's lines vary by this share of the measure at least (their median
distance from their median, which one odd line does not sway): verse lines end where the
verse does; prose set narrow beside a figure, or a column of like entries, does not."""
LETTERS = 0.75
"""A verse line's signs (not spaces) are letters for this share at least."""
MIN_BREAKS = 20
"""A book needs this many lines ending in a word break to measure its full line by them."""
OPENING = "„\"»«“‚‘'"
"""Quotation marks that open a quoted poem."""
NUMBER_END = re.compile(r"\d\W{0,2}$")
"""A line ending in a number (a page reference, a table's figure, a note mark)."""
NUMBER = re.compile(r"(?<!\w)\d+(?!\w)")
"""A number standing as a word (`5. Juli`, `2 Commissions`): a date, a count, a
reference; a figure inside a word (`Möbe1n`) is OCR's misreading of a letter."""
CAPITALS_WORD = re.compile(r"\b[^\W\d_a-zß]{3,}\b")
"""A word of three capitals or more (`BELL`, `CALHOUN`): a name in a signature or an
address, a heading's word; no verse's."""


def full_measure(book: Book, flow: Sequence[Position], lines: Sequence[Line],
                 texts: Sequence[str]) -> float:
    """The length of the book's full lines, in characters: the median of the lines that
    end in a word break, else the paragraphs pass's measure. `lines` are the flow's lines
    and `texts` their stripped texts."""
    broken = [
        len(text) for line, text in zip(lines, texts, strict=True)
        if len(text) > 1 and line.role is Role.BODY
        and (line.hyphen is not None or text[-1] in HYPHEN_SIGNS)
    ]
    if len(broken) >= MIN_BREAKS:
        return float(median(broken))
    return measure(book, list(flow), blanks=False).width


def is_short(line: Line, text: str, width: float) -> bool:
    """Whether a running-text line may be a verse line: a body line of prose (no heading,
    no block), clearly short, ending in no word break, with no number and no word in
    capitals, of letters mostly (`text`: the line's text, stripped)."""
    if not TOO_SHORT * width <= len(text) <= SHORT * width:
        return False
    if line.role is not Role.BODY or line.block is not None or line.heading is not None:
        return False
    if line.hyphen is not None or text[-1] in HYPHEN_SIGNS or NUMBER_END.search(text) \
            or NUMBER.search(text) or CAPITALS_WORD.search(text):
        return False
    signs = len(text) - sum(map(str.isspace, text))
    if sum(map(str.isalpha, text)) < LETTERS * signs:
        return False
    return not in_capitals(text)


def is_long(line: Line, text: str, width: float) -> bool:
    """Whether a running-text line is a line of prose longer than a verse line (by its
    length: a line ending in a word break may be short, set beside a figure; `text`: the
    line's text, stripped)."""
    return line.role is Role.BODY and line.block is None and len(text) > SHORT * width


def runs(lines: Sequence[Line], texts: Sequence[str],
         width: float) -> list[tuple[int, int, str]]:
    """The verse runs of the running text's `lines` (`texts`: their texts, stripped):
    (first, end) indices (end exclusive) and the evidence that took each."""
    short = [is_short(line, text, width) for line, text in zip(lines, texts, strict=True)]
    found: list[tuple[int, int, str]] = []
    k, n = 0, len(lines)
    while k < n:
        if not short[k]:
            k += 1
            continue
        start = k
        while k < n and short[k]:
            k += 1
        end = k
        taken = weigh(lines, texts, start, end, width)
        if taken is not None:
            found.append(taken)
    return found


def _varied(texts: Sequence[str], width: float) -> tuple[int, int] | None:
    """The shortest and longest of the lines' lengths (`texts`: their texts, stripped),
    when they vary as verse lines do (`VARIED`); None when they do not."""
    lengths = [len(text) for text in texts]
    middle = median(lengths)
    if median(abs(n - middle) for n in lengths) < VARIED * width:
        return None
    return min(lengths), max(lengths)


def _prose_around(lines: Sequence[Line], texts: Sequence[str], start: int, end: int,
                  width: float) -> tuple[int, str] | None:
    """Where the verse begins in the run of short lines `lines[start:end]` when prose
    stands right before and after it, and what marks its opening; None without prose
    around. Before it a long line (or a short line of prose that is no candidate, after a
    long one), after it a long line. The first short line after a long one is the
    prose's last, unless a lead-in's colon or a quotation mark opens the verse."""
    if start == 0 or end >= len(lines) or not is_long(lines[end], texts[end], width):
        return None
    before = lines[start - 1]
    if is_long(before, texts[start - 1], width):
        if texts[start - 1].endswith(":"):
            return start, "after a colon"
        if texts[start][:1] in OPENING:
            return start, "quoted"
        return start + 1, ""  # the prose paragraph's last line
    if start < 2 or before.role is not Role.BODY or before.block is not None \
            or not is_long(lines[start - 2], texts[start - 2], width):
        return None  # (before it a heading, or a short line of prose after another)
    return start, ""


def weigh(lines: Sequence[Line], texts: Sequence[str], start: int, end: int,
          width: float) -> tuple[int, int, str] | None:
    """The verse in the run of short lines `lines[start:end]`: where it begins and ends
    and the evidence, or None. With prose around it (`_prose_around`) the run must be
    `MIN_RUN` long (`MIN_MARKED` after a colon or a quotation mark); without, as on a
    page of verse, `LONG_RUN` long, every line of `MIN_WORDS` words at least, few with
    an abbreviation (`ABBREVIATED`): no list of names, no title page's lines. Its
    lengths must vary (`_varied`)."""
    around = _prose_around(lines, texts, start, end, width)
    if around is not None:
        start, mark = around
        if end - start < (MIN_MARKED if mark else MIN_RUN):
            return None
        context = "prose before and after" + (f", {mark}" if mark else "")
    elif end - start >= LONG_RUN and all(
            len(line.text.split()) >= MIN_WORDS for line in lines[start:end]) and sum(
            ABBREVIATION.search(line.text) is not None
            for line in lines[start:end]) <= ABBREVIATED * (end - start):
        context = "no prose around: less sure"
    else:
        return None
    span = _varied(texts[start:end], width)
    if span is None:
        return None
    return start, end, (f"{end - start} lines of {span[0]}-{span[1]} characters against "
                        f"a measure of {width:.0f}, {context}")


def mark(book: Book) -> Book:
    """Mark the verse runs of the running text (`Block.VERSE`), a stanza's first line and
    the prose line after a run starting a paragraph; a diagnostic tells each run's reason."""
    flow = list(text_flow(book))
    if not flow:
        return book
    lines = [book.pages[p].lines[i] for p, i in flow]
    texts = [line.text.strip() for line in lines]  # the line's own string when unpadded
    width = full_measure(book, flow, lines, texts)
    if width <= 0:
        return book
    found = runs(lines, texts, width)
    if not found:
        return book
    pages = list(book.pages)
    changes: dict[int, dict[int, tuple[bool, bool]]] = {}  # page: line: (verse, start)
    notes = []
    for start, end, reason in found:
        for k in range(start, end):
            p, i = flow[k]
            stanza = k == start or (flow[k - 1][0] == p and any(
                pages[p].lines[j].role is Role.BLANK for j in range(flow[k - 1][1] + 1, i)))
            changes.setdefault(p, {})[i] = (True, stanza)
        if end < len(flow):
            p, i = flow[end]
            changes.setdefault(p, {})[i] = (False, True)
        (p0, i0), (p1, i1) = flow[start], flow[end - 1]
        notes.append(Diagnostic(f"verse: {end - start} lines, page {p0 + 1} line {i0 + 1} "
                                f"to page {p1 + 1} line {i1 + 1} ({reason})", p0, i0))
    for p, rows in changes.items():
        lines = list(pages[p].lines)
        for i, (verse, first) in rows.items():
            if verse:
                lines[i] = lines[i].evolve(block=Block.VERSE, paragraph_start=first)
            else:
                lines[i] = replace(lines[i], paragraph_start=True)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages), diagnostics=book.diagnostics + tuple(notes))
