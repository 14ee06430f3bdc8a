"""Reflowed composition: the book's text run continuously onto pages of a chosen size.

In: a Book after the passes and a page size. Out: a TypesetBook: paragraphs broken by
Knuth–Plass to the page's measure and poured onto pages; the source page numbers in the
outer margin ("[286]") beside the line where each source page's text begins; every
footnote at the foot of the page where its mark falls, split with its rest carried to the
next page when the page cannot hold all of it (at least two lines of it stay with the
mark); running heads by the page's side, in their one form: on versos the book's title
(the title given, else what the source prints on its versos), on rectos what the source
prints on its rectos there; the folio at the outer corner. Two-line widow and orphan
control: a paragraph never leaves its first line alone at a page's foot nor its last line
alone at a page's head, a heading stands with at least two lines of what follows it
(`KEEP_WITH_HEAD`), and a recto never ends in a broken word. List items hang (`lists`).

Not handled: balancing facing pages, vertical justification (a page shortened to save a
widow stays short), notes longer than a whole page beside a mark near the page's foot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from layout.model import Book
from layout.typeset.content import (
    Continuous,
    NoteKey,
    SourcePage,
    continuous,
    source_pages,
)
from layout.typeset.facsimile import HEAD_GAP, HEADING_SCALE, head_line, recto_pages
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

MARGIN_GAP = 8.0
"""From the text block to a margin reference, in points."""
MIN_NOTE_LINES = 2
"""Lines of a note that must stand on the page of its mark (all, if it is shorter)."""
KEEP_WITH_HEAD = 2
"""Lines of what follows a heading that stand on its page: a heading is never the last
thing on a page, nor followed there by a single line."""


@dataclass(frozen=True, slots=True)
class _Line:
    """A set body line with what pagination needs to know about it."""

    kind: Kind  # "body" or "head"
    text: SetText
    above: float
    block: int
    index: int
    count: int
    refs: tuple[str, ...] = ()
    """Labels of the source pages whose text begins on this line."""
    notes: tuple[NoteKey, ...] = ()
    heading: str | None = None
    """The heading's text, on a heading's first line."""
    level: int = 0
    """The heading's level in the book's outline (1: outermost)."""
    source: int = 0
    """The source page this line's text comes from."""


def set_lines(
    flow: Continuous, labels: list[str | None], setter: Setter, measure: float,
    on_page: Callable[[], None] | None = None,
) -> list[_Line]:
    """Break every block of the continuous text; attach page references and unanchored
    notes; `on_page` hears of each source page whose start has been set."""
    st = setter.style
    refs: dict[int, list[tuple[int, int]]] = {}
    for b, w, p in flow.page_starts:
        refs.setdefault(b, []).append((w, p))
    loose: dict[int, list[tuple[int, NoteKey]]] = {}
    for b, w, key in flow.unanchored:
        loose.setdefault(b, []).append((w, key))
    out: list[_Line] = []
    after_head = False
    source = 0
    hung = hangs(flow.blocks, setter)
    for b, block in enumerate(flow.blocks):
        kind: Kind
        if block.kind == "heading":
            size = st.size * HEADING_SCALE.get(block.level, 1.0)
            lines = setter.set(block.words, measure, face="bold", size=size, align="center")
            kind = "head"
        else:
            indent = 0.0 if after_head or not out else st.indent * st.size
            if block.kind == "line":  # a line the source keeps: as it stands, ragged
                lines = setter.set(block.words, measure, align="left")
            elif block.kind == "item":
                lines = set_item(block, setter, measure, hung[b])
            else:
                lines = setter.set(block.words, measure, indent=indent)
            kind = "body"
        starts = refs.get(b, [])
        title = " ".join(w.text for w in block.words)
        for k, line in enumerate(lines):
            low = lines[k - 1].last_word if k else -1
            high = line.last_word if k < len(lines) - 1 else len(block.words)

            def on_line(w: int, low: int = low, high: int = high) -> bool:
                return low < w <= high

            here = tuple(p for w, p in starts if on_line(w))
            if here:
                source = here[-1]
            extra = tuple(key for w, key in loose.get(b, []) if on_line(w))
            above = 0.0
            if k == 0 and (kind == "head") != after_head and out:
                above = 0.5 * st.leading  # before a heading, after one; none between two
            out.append(
                _Line(
                    kind, line, above, b, k, len(lines),
                    refs=tuple(labels[p] or "" for p in here if labels[p]),
                    notes=line.notes + extra,
                    heading=title if kind == "head" and k == 0 and not after_head else None,
                    level=block.level,
                    source=source,
                )
            )
        if kind == "head" and after_head and lines:  # a heading printed as several
            first = next((n for n in range(len(out) - 1, -1, -1) if out[n].heading), None)
            if first is not None:
                out[first] = replace(out[first], heading=f"{out[first].heading} {title}")
        if not lines and starts:  # an empty block still carries its page starts
            source = starts[-1][1]
        if on_page is not None:
            for _ in starts:
                on_page()
        after_head = kind == "head"
    return out


@dataclass
class _Pager:
    """Pours set lines and their notes onto pages of one text block."""

    lines: list[_Line]
    notes: dict[NoteKey, list[SetText]]
    style: Style
    avail: float
    descent: float

    def body_used(self, i: int, j: int) -> float:
        """Distance from the first to the last baseline of lines i..j-1 on one page."""
        if j <= i:
            return 0.0
        above = sum(line.above for line in self.lines[i + 1 : j])
        return above + (j - i - 1) * self.style.leading

    def fits(self, i: int, j: int, note_lines: int) -> bool:
        used = self.body_used(i, j) + foot_height(self.style, note_lines, self.descent)
        return used <= self.avail + 0.01

    def new_notes(self, line: _Line, seen: set[NoteKey]) -> list[NoteKey]:
        return [k for k in line.notes if k not in seen and k in self.notes]

    def page_end(self, i: int, carried: int) -> int:
        """The first line of the next page, before widow and orphan control."""
        n = len(self.lines)
        seen: set[NoteKey] = set()
        count = carried
        j = i
        while j < n:
            new = self.new_notes(self.lines[j], seen)
            sizes = [len(self.notes[k]) for k in new]
            least = sum(sizes[:-1]) + min(MIN_NOTE_LINES, sizes[-1]) if sizes else 0
            if j > i and not self.fits(i, j + 1, count + least):
                break
            seen.update(new)
            count += sum(sizes)
            j += 1
            if not self.fits(i, j, count):
                break  # the notes overflow: the last one is split here
        return j

    def heading_start(self, i: int, j: int) -> int | None:
        """Where a heading begins that lines i..j-1 end with, or follow by fewer than
        `KEEP_WITH_HEAD` lines of what comes after it (None: no such heading)."""
        k, after = j - 1, 0
        while k > i and self.lines[k].kind != "head" and after < KEEP_WITH_HEAD:
            k, after = k - 1, after + 1
        if self.lines[k].kind != "head" or after >= KEEP_WITH_HEAD:
            return None
        while k > i and self.lines[k - 1].kind == "head":
            k -= 1
        return k

    def _broken(self, k: int) -> bool:
        """Whether line k is a body line ending in a broken word."""
        line = self.lines[k]
        return line.kind == "body" and line.text.joined

    def keep(self, i: int, j: int, recto: bool = False, carried: bool = False) -> int:
        """Move the page end back for widows, orphans, a heading without two lines of what
        follows it and, on a recto, a word broken at its foot (the reader would turn the
        leaf mid-word); a recto of one line ending mid-word (its notes fill the page) takes
        the line that ends the word instead, its notes going on over the leaf. A page that
        `carried` notes over from the page before may be left to them alone rather than
        hold nothing but a heading (and one line after it)."""
        n = len(self.lines)
        for _ in range(4):
            if j >= n or j <= i:
                break
            head = self.heading_start(i, j)
            if head is not None and (head > i or carried):
                j = head  # the heading goes over with the lines it heads
                continue
            if j - 1 <= i:
                while recto and j < n and self._broken(j - 1) and self.fits(i, j + 1, 1):
                    j += 1  # a page of one line (its notes fill it): the word's end too
                break
            prev, nxt = self.lines[j - 1], self.lines[j]
            same = prev.block == nxt.block
            if same and prev.index == 0 and prev.count > 1:
                j -= 1  # an orphan: the first line alone at the foot
            elif same and nxt.index == nxt.count - 1 and nxt.count > 1:
                j -= 1  # a widow: the last line alone at the head
            elif recto and self._broken(j - 1):
                j -= 1  # a hyphen at a recto's foot
            else:
                break
        return j

    def paginate(self) -> list[tuple[int, int, list[tuple[NoteKey, SetText, bool]]]]:
        """(first line, end line, note lines with their note and whether it begins there)."""
        pages: list[tuple[int, int, list[tuple[NoteKey, SetText, bool]]]] = []
        carry: list[tuple[NoteKey, SetText, bool]] = []
        i = 0
        n = len(self.lines)
        while i < n or carry:
            recto = len(pages) % 2 == 0
            end = self.page_end(i, len(carry))
            j = self.keep(i, end, recto, carried=bool(carry)) if i < n else i
            queue = list(carry)
            seen: set[NoteKey] = set()
            for line in self.lines[i:j]:
                for key in self.new_notes(line, seen):
                    seen.add(key)
                    queue.extend((key, text, k == 0) for k, text in enumerate(self.notes[key]))
            fit = len(queue)
            while fit and not self.fits(i, j, fit):
                fit -= 1
            if j == i and fit == 0 and queue:
                fit = 1  # a page of notes alone always takes one line
            pages.append((i, j, queue[:fit]))
            carry = queue[fit:]
            i = j
        return pages


def reflow(
    book: Book, page_size: tuple[float, float] = (396.0, 612.0), style: Style | None = None,
    *, on_page: Callable[[], None] | None = None,
) -> TypesetBook:
    """The book's text poured continuously onto pages of `page_size` points; `on_page` hears
    of each source page as its text is set."""
    st = style or Style()
    setter = Setter(st, book.language, book_breaks(book))
    pages = source_pages(book)
    flow = continuous(pages)
    width, height = page_size
    measure = width - st.inner - st.outer
    m = setter.metrics("regular")
    lines = set_lines(flow, [p.label for p in pages], setter, measure, on_page)
    notes = {
        key: setter.set(part.words, measure, size=st.note_size, indent=st.indent * st.note_size,
                        label=part.marker or "*", note=key)
        for key, part in flow.notes.items()
    }
    top, bottom = height - st.top, st.bottom
    first_base = top - m.ascent * st.running_size - HEAD_GAP * st.leading
    pager = _Pager(lines, notes, st, first_base - bottom, m.descent)
    book_title = book.metadata.title
    out: list[TypesetPage] = []
    outline: list[OutlineEntry] = []
    verso_titles, recto_titles = side_titles(pages, recto_pages(book))
    numbering = note_numbering(book, flow)
    for n, (i, j, note_lines) in enumerate(pager.paginate()):
        labels = page_labels(note_lines, numbering)
        recto = n % 2 == 0
        x0 = st.inner if recto else st.outer
        x1 = x0 + measure
        source = lines[i].source if i < len(lines) else (lines[-1].source if lines else 0)
        running = recto_titles[source] if recto else (book_title or verso_titles[source])
        y = top - m.ascent * st.running_size
        items = head_line(running, str(n + 1), setter, x0, x1, y, recto)
        y = first_base
        sources: list[int] = []
        for k in range(i, j):
            line = lines[k]
            if k > i:
                y -= line.above
            if line.heading:
                level = max(0, line.level - 1)
                outline.append(OutlineEntry(line.heading, n, y + st.leading, level))
            text = setter.relabel(line.text, labels) if labels else line.text
            items.append(text.placed(line.kind, x0, y))
            if line.refs:
                items.append(margin_ref(line.refs, setter, x0, x1, y, recto))
            if line.source not in sources:
                sources.append(line.source)
            y -= st.leading
        foot = [setter.relabel(t, labels) if labels else t for _, t, _ in note_lines]
        items.extend(place_notes(foot, st, x0, bottom, measure, m.descent))
        out.append(TypesetPage(width, height, str(n + 1), tuple(items), (x0, bottom, x1, top),
                               tuple(sources)))
    if not out:  # a book without text still makes a (blank) page
        out.append(TypesetPage(width, height, "1", (), (st.inner, bottom, st.inner + measure, top)))
    meta = book.metadata
    return TypesetBook(
        tuple(out), meta.display_title, meta.author, tuple(outline), "reflow",
        frozenset(setter.replaced), book.language, frozenset(setter.missing),
    )


def side_titles(
    pages: tuple[SourcePage, ...], rectos: list[bool]
) -> tuple[list[str | None], list[str | None]]:
    """For each source page, the title its book prints on versos and on rectos there: the
    last one on a page of that side up to it (else the first one after), so a reflowed
    verso shows the book's title and a recto its chapter's, whichever source page happens
    to stand under the text. A book with one title on both sides shows it on both."""
    out: list[list[str | None]] = []
    for side in (False, True):
        found: list[str | None] = []
        last: str | None = None
        for page, recto in zip(pages, rectos, strict=True):
            if recto is side and page.running_title:
                last = page.running_title
            found.append(last)
        first = next((t for t in found if t), None)
        out.append([t or first for t in found])
    versos, rectos_ = out
    return [v or r for v, r in zip(versos, rectos_, strict=True)], [
        r or v for v, r in zip(versos, rectos_, strict=True)
    ]


def margin_ref(
    refs: tuple[str, ...], setter: Setter, x0: float, x1: float, y: float, recto: bool
) -> Placed:
    """The source page numbers beside a line, in the outer margin: "[286]"."""
    st = setter.style
    text = " ".join(f"[{r}]" for r in refs)
    w = setter.metrics("regular").width(text, st.margin_size)
    x = x1 + MARGIN_GAP if recto else x0 - MARGIN_GAP - w
    return Placed("margin", x, y, (Run(x, text, "regular", st.margin_size, mark=True),), w,
                  size=st.margin_size)


SYMBOLS = ("*", "\u2020", "\u2021", "\u00a7", "\u2016", "\u00b6")
"""The printer's sequence of note symbols: * † ‡ § ‖ ¶ (then doubled)."""


def note_numbering(book: Book, flow: Continuous) -> str | None:
    """How to relabel notes page by page: "numbers", "symbols", or None (keep the book's).

    A book that numbers its notes afresh on every page ("page" scheme, or most pages'
    first note labelled 1) or marks them with symbols would show the same label twice on
    a reflowed page; its notes are renumbered per output page. Notes numbered through a
    chapter or the book keep their numbers, so references to them still hold.
    """
    markers = [part.marker for part in flow.notes.values() if part.marker]
    if not markers:
        return None
    if all(not m.isalnum() for m in markers) or book.notes_scheme == "symbols":
        return "symbols"
    if book.notes_scheme == "page":
        return "numbers"
    if book.notes_scheme in ("chapter", "continuous"):
        return None
    firsts = [
        page.footnotes[0].marker
        for page in book.pages
        if page.footnotes and not page.footnotes[0].continued and page.footnotes[0].marker
    ]
    restarts = sum(1 for m in firsts if m == "1")
    return "numbers" if firsts and restarts >= 0.5 * len(firsts) and len(firsts) > 1 else None


def page_labels(
    note_lines: list[tuple[NoteKey, SetText, bool]], numbering: str | None
) -> dict[NoteKey, str]:
    """The new label of each note beginning on a page, in the order the notes stand."""
    if numbering is None:
        return {}
    labels: dict[NoteKey, str] = {}
    for key, _, begins in note_lines:
        if begins and key not in labels:
            k = len(labels)
            if numbering == "numbers":
                labels[key] = str(k + 1)
            else:
                labels[key] = SYMBOLS[k % len(SYMBOLS)] * (k // len(SYMBOLS) + 1)
    return labels
