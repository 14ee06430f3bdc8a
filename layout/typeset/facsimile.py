"""Facsimile composition: one output page per source page, its text re-broken to the measure.

In: a Book after the passes. Out: a TypesetBook whose page i holds source page i: its
running title and printed number in the head line (the number at the outer corner, verso
left, recto right), its paragraphs and headings re-broken by Knuth–Plass, its footnotes
under a short rule at the foot. A paragraph that runs over the source page break runs over
it here too (its last line on the page is justified, a cut word keeps its hyphen), and so
does a note continued on the next page. Page labels are the printed page numbers.

The measure holds as many characters as the book's full lines do, so a page's text needs
about as many lines as the original, and the notes are set a little larger or smaller
(`note_scale`) so that they take the share of a page they took in the source; the text
block is as tall as 95 % of the pages need:
the white a page then has left is spread between its paragraphs and into its leadings,
body and notes (`fill`), but for a chapter's last page; a fuller page is squeezed within
limits, and a rare page far fuller than the rest gets a taller page of its own.
Not handled: widows and orphans (a page's text is fixed by the source).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from layout.model import TEXT_ROLES, Book, Role
from layout.typeset.content import SourcePage, source_pages
from layout.typeset.fill import spread, squeeze_room
from layout.typeset.foot import foot_height, place_notes
from layout.typeset.lists import hangs, set_item
from layout.typeset.orthography import book_breaks
from layout.typeset.pages import (
    Kind,
    OutlineEntry,
    Placed,
    Run,
    Style,
    TypesetBook,
    TypesetPage,
)
from layout.typeset.setting import Setter, SetText

MIN_MEASURE, MAX_MEASURE = 192.0, 432.0
"""16 to 36 picas: the measures a book page has."""
FULL_PAGE = 0.95
"""The text block is as tall as this share of the pages need: the fuller ones are squeezed
(`fill`), a page needing more than that allows gets a taller page of its own; a block as
tall as the fullest page would leave every other page short."""
LENGTH_BIN = 3
SHORT_LINE = 15
TALLEST = 2.6
"""A text block taller than this many measures is no book page's: the measure widens..."""
SHAPE = 1.6
"""...to give the block this height-to-width ratio, an octavo's."""
SAMPLE = 20_000
"""Characters of body text measured for the face's mean character width."""
HEADING_SCALE = {1: 1.2, 2: 1.1}
"""A heading's type size by its level in the outline, as a share of the text size."""
NOTE_SCALE = (0.9, 1.1)
"""Bounds of the notes' size and leading as a share of the style's (`note_scale`)."""
MIN_NOTE_PAGES = 12
"""Pages with notes `note_scale` needs to fit the notes' room."""
HEAD_GAP = 1.5
"""From the head line's baseline to the first text baseline, in leadings."""


@dataclass(frozen=True, slots=True)
class _Set:
    """One source page set into lines, before it is placed."""

    body: tuple[tuple[Kind, SetText, float], ...]
    """(kind, line, extra space above it)."""
    notes: tuple[SetText, ...]
    heads: tuple[tuple[str, int, int], ...]
    """Heading texts, the index of their first line in `body`, their outline level."""
    starts: tuple[bool, ...] = ()
    """For each body line, whether it begins a paragraph or a heading (for `fill`)."""


def book_measure(book: Book, setter: Setter) -> float:
    """A measure holding as many characters as the book's usual full line.

    The usual line is the commonest length of the body lines (in bins of three
    characters; lines under 15 are paragraph ends and headings), which holds when a
    fraction of the OCR lines are merged or split. When the text of the fuller pages would
    then stand in a block far taller than wide (a two-column page, lines the OCR merged
    by the hundred), the measure widens to give the block a book page's proportions.
    """
    lengths = Counter(
        len(text) // LENGTH_BIN
        for page in book.pages
        for line in page.lines
        if line.role is Role.BODY and len(text := line.text.strip()) >= SHORT_LINE
    )
    if not lengths:
        return 288.0
    chars = (max(lengths, key=lambda b: (lengths[b], b)) + 0.5) * LENGTH_BIN
    sample = " ".join(
        line.text.strip()
        for page in book.pages[:40]
        for line in page.lines
        if line.role is Role.BODY
    )[:SAMPLE]
    st = setter.style
    per_char = setter.metrics("regular").width(sample, st.size) / max(1, len(sample))
    measure = chars * per_char
    full_pages = sorted(
        sum(len(line.text.strip()) for line in page.lines if line.role in TEXT_ROLES)
        for page in book.pages
    )
    page_chars = full_pages[int(0.9 * (len(full_pages) - 1))]  # the block holds the fullest
    height = page_chars / chars * st.leading
    if height > TALLEST * measure:
        measure = math.sqrt(page_chars * per_char * st.leading / SHAPE)
    measure = round(measure / 6.0) * 6.0
    return min(MAX_MEASURE, max(MIN_MEASURE, measure))


def set_page(
    page: SourcePage, setter: Setter, measure: float, hang: Sequence[float] = ()
) -> _Set:
    """Break one source page's blocks and notes into lines; `hang[k]` is where the lines
    of block k start when it is a list item (`lists.hangs`, over the book's lists)."""
    st = setter.style
    body: list[tuple[Kind, SetText, float]] = []
    starts: list[bool] = []
    heads: list[tuple[str, int, int]] = []
    after_head = False
    for b, block in enumerate(page.blocks):
        if block.kind == "heading":
            size = st.size * HEADING_SCALE.get(block.level, 1.0)
            lines = setter.set(block.words, measure, face="bold", size=size, align="center")
            title = " ".join(w.text for w in block.words)
            if after_head and heads:  # a heading printed as several: one title, no gaps
                heads[-1] = (heads[-1][0] + " " + title, heads[-1][1], heads[-1][2])
            else:
                heads.append((title, len(body), block.level))
            for k, line in enumerate(lines):
                gap = k == 0 and bool(body) and not after_head
                body.append(("head", line, 0.5 * st.leading if gap else 0.0))
                starts.append(k == 0 and not after_head)
            after_head = True
            continue
        indent = 0.0 if block.continued or after_head else st.indent * st.size
        if block.kind == "line":  # a line the source keeps: as it stands, ragged
            lines = setter.set(block.words, measure, align="left")
        elif block.kind == "item":
            at = hang[b] if b < len(hang) else hangs([block], setter)[0]
            lines = set_item(block, setter, measure, at, flush=not block.continues)
        else:
            lines = setter.set(block.words, measure, indent=indent, flush=not block.continues)
        for k, line in enumerate(lines):
            body.append(("body", line, 0.5 * st.leading if k == 0 and after_head else 0.0))
            starts.append(k == 0 and not block.continued and not after_head)
        after_head = False
    return _Set(tuple(body), set_notes(page, setter, measure), tuple(heads), tuple(starts))


def set_notes(page: SourcePage, setter: Setter, measure: float) -> tuple[SetText, ...]:
    """Break one source page's notes into lines at the style's note size."""
    st = setter.style
    notes: list[SetText] = []
    for part in page.notes:
        notes.extend(
            setter.set(
                part.words, measure, size=st.note_size,
                indent=0.0 if part.continued else st.indent * st.note_size,
                flush=not part.continues,
                label=None if part.continued else part.marker,
                note=part.key,
            )
        )
    return tuple(notes)


def needed_height(done: _Set, setter: Setter) -> float:
    """The height of text block this page's lines need."""
    st = setter.style
    m = setter.metrics("regular")
    height = m.ascent * st.running_size + HEAD_GAP * st.leading
    if done.body:
        height += sum(extra for _, _, extra in done.body) + (len(done.body) - 1) * st.leading
    return height + foot_height(st, len(done.notes), m.descent)


def note_scale(done: list[_Set], full: list[bool], setter: Setter) -> float:
    """How much larger (or smaller) the notes should be set for a page's notes to take the
    room its source gave them, from the whole book.

    The source's pages are full: body and notes add up to one height. So over the pages
    that are not a chapter's last, the body's height x and the notes' height y of our
    pages should add up to a constant too, x + k·y; k is the least-squares fit
    (-cov(x, y) / var(y)). Lines of notes are as many as their size allows and as tall as
    their leading, so size and leading scale by √k, within `NOTE_SCALE`; 1 when too few
    pages have notes to say."""
    st = setter.style
    descent = setter.metrics("regular").descent
    xs: list[float] = []
    ys: list[float] = []
    for d, keep in zip(done, full, strict=True):
        if keep and d.body:
            y = foot_height(st, len(d.notes), descent) if d.notes else 0.0
            xs.append(needed_height(d, setter) - y)
            ys.append(y)
    if sum(1 for y in ys if y) < MIN_NOTE_PAGES:
        return 1.0
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((y - my) ** 2 for y in ys)
    if var <= 0:
        return 1.0
    k = -sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var
    low, high = NOTE_SCALE
    return min(high, max(low, math.sqrt(max(k, 0.0))))


def recto_pages(book: Book) -> list[bool]:
    """Whether each page is a recto (right-hand, odd-numbered) page."""
    for i, page in enumerate(book.pages):
        if page.number and page.number.isdigit():
            base = int(page.number) - i
            return [(base + j) % 2 == 1 for j in range(len(book.pages))]
    return [j % 2 == 0 for j in range(len(book.pages))]


def head_line(
    title: str | None, folio: str | None, setter: Setter, x0: float, x1: float, y: float,
    recto: bool,
) -> list[Placed]:
    """The head line: the running title centred, the folio at the outer corner."""
    st = setter.style
    m = setter.metrics("regular")
    out: list[Placed] = []
    folio = folio or ""
    room = 0.0
    if folio:
        w = m.width(folio, st.running_size)
        x = x1 - w if recto else x0
        out.append(Placed("folio", x, y, (Run(x, folio, "regular", st.running_size),), w,
                          size=st.running_size))
        room = w + 2 * st.size
    if title and title.strip():
        text = " ".join(title.split())
        size = st.running_size
        avail = x1 - x0 - 2 * room
        w = m.width(text, size)
        if w > avail > 0:
            size = max(6.0, size * avail / w)
            w = m.width(text, size)
        x = x0 + (x1 - x0 - w) / 2
        out.append(Placed("running-head", x, y, (Run(x, text, "regular", size),), w,
                          space=m.width(" ", size), size=size))
    return out


def facsimile(
    book: Book, style: Style | None = None, page_size: tuple[float, float] | None = None,
    *, on_page: Callable[[], None] | None = None,
) -> TypesetBook:
    """One output page per source page; `page_size` fixes the page, else the book sets it;
    `on_page` hears of each page as it is set."""
    st = style or Style()
    setter = Setter(st, book.language, book_breaks(book))
    pages = source_pages(book)
    measure = page_size[0] - st.inner - st.outer if page_size else book_measure(book, setter)
    every = [block for page in pages for block in page.blocks]
    hung = iter(hangs(every, setter))  # a list over a page break hangs alike on both pages
    done = []
    for page in pages:
        done.append(set_page(page, setter, measure, [next(hung) for _ in page.blocks]))
        if on_page is not None:
            on_page()
    ends = [  # a chapter's last page: its text ends early, as printed
        i + 1 >= len(pages) or (bool(nxt.blocks) and nxt.blocks[0].kind == "heading")
        for i, nxt in enumerate([*pages[1:], pages[0]] if pages else [])
    ]
    if not page_size:  # the book sets the page: its notes take the room the source gave them
        scale = note_scale(done, [not e for e in ends], setter)
        if abs(scale - 1.0) > 0.01:
            st = setter.style = replace(
                st, note_size=round(st.note_size * scale, 2),
                note_leading=round(st.note_leading * scale, 2),
            )
            done = [
                replace(d, notes=set_notes(page, setter, measure))
                for page, d in zip(pages, done, strict=True)
            ]
    needs = [needed_height(d, setter) for d in done]
    if page_size:
        block_h = page_size[1] - st.top - st.bottom
    else:
        ranked = sorted(needs)
        block_h = ranked[int(FULL_PAGE * (len(ranked) - 1))] if ranked else 0.0
        block_h = float(int(block_h) + 1)
    width = measure + st.inner + st.outer
    m = setter.metrics("regular")
    rectos = recto_pages(book)
    out: list[TypesetPage] = []
    outline: list[OutlineEntry] = []
    for i, (page, d, need) in enumerate(zip(pages, done, needs, strict=True)):
        squeeze = squeeze_room(len(d.body), len(d.notes), st.leading, st.note_leading)
        extra = need - block_h if need - squeeze > block_h else 0.0  # else squeezed
        height = block_h + extra + st.top + st.bottom
        x0 = st.inner if rectos[i] else st.outer
        x1 = x0 + measure
        top = height - st.top
        bottom = st.bottom
        y = top - m.ascent * st.running_size
        items = head_line(page.running_title, page.number, setter, x0, x1, y, rectos[i])
        y -= HEAD_GAP * st.leading
        starts = {first: (text, level) for text, first, level in d.heads}
        room = block_h + extra - need  # negative: the page is squeezed
        if ends[i]:
            room = min(0.0, room)
        filled = spread(d.starts, room, st.leading, len(d.notes), st.note_leading)
        for k, (kind, line, above) in enumerate(d.body):
            y -= above + filled.above[k]
            if k in starts:
                text, level = starts[k]
                outline.append(OutlineEntry(text, i, y + st.leading, max(0, level - 1)))
            items.append(line.placed(kind, x0, y))
            y -= st.leading
        items.extend(
            place_notes(d.notes, st, x0, bottom, measure, m.descent, filled.note_leading)
        )
        out.append(
            TypesetPage(width, height, page.label, tuple(items), (x0, bottom, x1, top), (i,))
        )
    meta = book.metadata
    return TypesetBook(
        tuple(out), meta.display_title, meta.author, tuple(outline), "facsimile",
        frozenset(setter.replaced), book.language, frozenset(setter.missing),
    )

