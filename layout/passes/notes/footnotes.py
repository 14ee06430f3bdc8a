"""The footnote pass: find the notes at each page foot, follow them across pages, link
each to its mark in the text.

In: a book whose furniture (running titles, page numbers, signatures, catchwords) is
already marked. Out: the same book with `footnote` and `separator` roles on the note
lines and rules (only lines that were `body` change; blank lines stay blank), one
`Footnote` per note or note part in `Page.footnotes` (label, lines, continuation flags,
anchor), and `Book.notes_scheme`.

Book-wide evidence first: the label styles of the book, whether its OCR reads every
superscript number as `*`; a first sweep over the pages finds the clear note areas, from
which the widths of note and body lines and the numbering scheme are learned; a second
sweep uses them. Continuations run page to page: a note whose last line leaves its
sentence open is expected to go on at the top of the next page's note area. The second
sweep settles each page, a page behind the sweep, and writes it: only the views of the
few pages around it are held, never the whole book's (memory).

Not handled: end notes, marginal notes, notes in two columns, notes of notes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property

from layout import geometry
from layout.model import Anchor, Book, Footnote, Line, Page, Role
from layout.passes.notes import anchors, areas, continuations, flow, habits, raised, small_type
from layout.passes.notes.anchors import MarkStyle
from layout.passes.notes.areas import NoteArea
from layout.passes.notes.labels import NUMBERED, Label
from layout.passes.notes.page_lines import BookHints, PageLines, PageState

STRONG = 2.0
"""A mark candidate at least this heavy shows that the body reaches its line."""

STRONG_OCR = 3.0
"""The same where the OCR reads superscripts as quotes and stars: only a lone star."""

LIKELY = 1.0
"""A mark candidate at least this heavy counts as the mark of a note being found."""



class _PageMarks:
    """The places a mark may stand on one page, scanned once, and their weights per label."""

    def __init__(self, view: PageLines, style: MarkStyle,
                 boxed: Sequence[Line] | None = None) -> None:
        self.view = view
        self.style = style
        self.boxed = boxed
        """The page's lines when their words have boxes (a raised mark weighs more)."""
        self.cache: dict[tuple[str, str], list[anchors.Candidate]] = {}
        self.likely_lines: dict[tuple[str, str], list[int]] = {}
        """Per label, the lines holding a likely mark, in order (asked for thousands of
        times)."""
        self.strong_lines: dict[tuple[str, str], list[int]] = {}
        """Per label, the lines holding a strong mark, in order."""

    @cached_property
    def body(self) -> anchors.BodyText:
        """The page's running text (body and headings), where marks stand."""
        texts = self.view.texts
        return anchors.BodyText([(i, texts[i]) for i in self.view.prose])

    def drop_body(self) -> None:
        """Let go of the page's joined running text (made again if a label not yet asked
        about comes): the pages of a long book are not all held joined at once."""
        self.__dict__.pop("body", None)

    def of(self, label: Label) -> list[anchors.Candidate]:
        """The candidates of the label's mark on the page (none on a label itself)."""
        key = (label.kind, label.marker)
        found = self.cache.get(key)
        if found is None:
            labels = self.view.labels
            found = [  # a label at a line start is no mark
                c
                for c in anchors.candidates(self.body, label, self.style)
                if (lab := labels[c.line]) is None or c.start >= lab.end
            ]
            if self.boxed is not None:
                boxed = self.boxed
                found = [raised.lift(c, boxed[c.line]) for c in found]
            self.cache[key] = found
        return found

    def has_mark(self, label: Label, before: int) -> int:
        """How many lines above line `before` hold a likely mark of the label."""
        key = (label.kind, label.marker)
        lines = self.likely_lines.get(key)
        if lines is None:
            found = {c.line for c in self.of(label) if c.weight >= LIKELY}
            lines = self.likely_lines[key] = sorted(found)
        return bisect_left(lines, before)

    def strong_line(self, labels: Sequence[Label], before: int) -> int:
        """The last line above `before` with a strong mark of one of the labels, or -1."""
        last = -1
        for key, lab in {(lab.kind, lab.marker): lab for lab in labels}.items():
            lines = self.strong_lines.get(key)
            if lines is None:
                strong = STRONG_OCR if self.style.ocr_superscripts else STRONG
                found = {c.line for c in self.of(lab) if c.weight >= strong}
                lines = self.strong_lines[key] = sorted(found)
            k = bisect_left(lines, before)
            if k and lines[k - 1] > last:
                last = lines[k - 1]
        return last


SAMPLE_RUN = 40
"""Pages per stretch the first sweep reads in a long book: its statistics need no more."""


def _sample(pages: int) -> list[range]:
    """The stretches of consecutive pages the first sweep reads: all of a short book,
    three stretches (start, middle, end) of a long one."""
    if pages <= 4 * SAMPLE_RUN:
        return [range(pages)]
    starts = (0, (pages - SAMPLE_RUN) // 2, pages - SAMPLE_RUN)
    return [range(a, a + SAMPLE_RUN) for a in starts]


def _after(view: PageLines, area: NoteArea, state: PageState, hints: BookHints) -> PageState:
    """What a page leaves to the next: whether its last note goes on, its last label,
    whether its body ended in small type."""
    last_label = state.last_label
    for part in area.parts:
        lab = part.label
        if lab is not None and lab.value is not None and lab.kind in NUMBERED:
            last_label = lab
    small = continuations.small_type(view, area.top, hints.widths)
    if not area.parts:
        return PageState(small_type=small, last_label=last_label)
    last_lines = area.parts[-1].lines
    return PageState(
        open_note=continuations.unfinished(view, last_lines),
        had_notes=True,
        leaning=continuations.leaning(view, last_lines),
        small_type=small,
        last_label=last_label,
    )


WINDOW = 8
"""Pages behind the last one asked about whose views and marks the finder keeps while it
walks the book: it asks about a page and its neighbours, in order (a long book's views
are not all held at once)."""


class _Views:
    """The pages' views, each made when first asked for. Once `window` is set, making the
    view of page p lets go of those of pages more than `window` before it (and of their
    marks); a view let go is made again if asked for again."""

    def __init__(self, book: Book, labels: Sequence[tuple[Label | None, ...]]) -> None:
        self.book = book
        self.labels = labels
        self.window: int | None = None
        self.marks: dict[int, _PageMarks] = {}
        """The pages' mark finders, kept as their views are."""
        self._views: dict[int, PageLines] = {}
        self._gone = 0  # the pages before this one are let go

    def __len__(self) -> int:
        return len(self.book.pages)

    def __getitem__(self, p: int) -> PageLines:
        view = self._views.get(p)
        if view is not None:
            return view
        if not 0 <= p < len(self.book.pages):
            raise IndexError(p)
        view = self._views[p] = PageLines.of(self.book.pages[p].lines, self.labels[p])
        if self.window is not None and p - self.window > self._gone:
            for q in range(self._gone, p - self.window):
                self._views.pop(q, None)
                self.marks.pop(q, None)
            self._gone = p - self.window
        return view


class _Pages:
    """What the finder reads of every page: its view, its marks, its word joins."""

    def __init__(self, views: _Views, style: MarkStyle) -> None:
        self.views = views
        self.style = style
        self.ties = flow.Ties(views)

    def marks(self, p: int) -> _PageMarks:
        """The places a mark may stand on page p (kept while its view is)."""
        found = self.views.marks.get(p)
        if found is None:
            view = self.views[p]
            lines = self.views.book.pages[p].lines
            boxed = lines if any(ln.words for ln in lines) else None
            found = self.views.marks[p] = _PageMarks(view, self.style, boxed)
        return found

    def area(self, p: int, hints: BookHints, state: PageState) -> NoteArea:
        """The note area of page p, told what the book and the page before tell."""
        marks = self.marks(p)
        area = areas.find(
            self.views[p], hints, state, marks.has_mark, marks.strong_line, self.ties.of(p)
        )
        marks.drop_body()  # its marks for the labels asked about are kept
        return area


def _sweep(
    pages: _Pages, hints: BookHints, stretch: range
) -> Iterator[tuple[NoteArea, PageState]]:
    """The note area of each page of a stretch, in order, each page told about the one
    before; with the state each page was told."""
    state = PageState(had_notes=True, first=True)  # an excerpt may begin in a note
    for p in stretch:
        area = pages.area(p, hints, state)
        yield area, state
        state = _after(pages.views[p], area, state, hints)


def _settled(pages: _Pages, hints: BookHints) -> Iterator[NoteArea]:
    """The note area of every page, in order, the sweep a page ahead: a page whose foot
    was taken for the rest of a note that had ended its sentence is looked at again when
    the next page's body opens in small type above its notes, as its lines may be the
    beginning of that passage (`PageState.small_overleaf`); the page after hears of a
    change. Then, with geometry, a column ending in smaller type says where its notes
    are."""
    views = pages.views
    sweep = _sweep(pages, hints, range(len(views)))
    found, told = next(sweep, (None, None))
    open_note = False
    for p in range(len(views)):
        assert found is not None and told is not None
        nxt, nxt_told = next(sweep, (None, None))
        if nxt is not None and nxt_told is not None:
            parts = found.parts
            if (
                parts and parts[0].label is None and not told.open_note
                and continuations.opens_small(views[p + 1], hints.widths, nxt.top)
            ):
                area = pages.area(p, hints, replace(told, small_overleaf=True))
                if area != found:
                    found = area
                    after = _after(views[p], area, told, hints)
                    if after != nxt_told:
                        nxt_told = after
                        nxt = pages.area(p + 1, hints, after)
        page = views.book.pages[p]
        by_type = small_type.area(page.lines, geometry.of(page), open_note)
        if by_type is not None:
            found = by_type
        parts = found.parts
        open_note = bool(parts) and continuations.unfinished(views[p], parts[-1].lines)
        yield found
        found, told = nxt, nxt_told


def _notes(area: NoteArea, found: Sequence[Anchor | None]) -> tuple[Footnote, ...]:
    """The page's footnotes: one per note part, with its label and anchor."""
    notes: list[Footnote] = []
    for part, anchor in zip(area.parts, found, strict=True):
        lab = part.label
        notes.append(
            Footnote(
                marker=lab.marker if lab is not None else None,
                lines=part.lines,
                continued=lab is None,
                anchor=anchor,
                label_end=lab.end if lab is not None else 0,
                rule=part.rule,
                certain=part.certain,
            )
        )
    return tuple(notes)


def _relabel(lines: tuple[Line, ...], area: NoteArea) -> tuple[Line, ...]:
    """The page's lines, its note lines and rules given their roles (body lines only)."""
    out = list(lines)  # only the area's lines are visited: most of a page stays as it is
    for i in area.rules:
        if out[i].role is Role.BODY:
            out[i] = replace(out[i], role=Role.SEPARATOR)
    for part in area.parts:
        for i in part.lines:
            if lines[i].role is Role.BODY:
                out[i] = replace(lines[i], role=Role.FOOTNOTE)
    return tuple(out)


def mark(book: Book) -> Book:
    """Mark the notes of every page and link them to their marks and to each other."""
    labels = [PageLines.labels_of(page.lines) for page in book.pages]
    styles, repeats = habits.label_habits(book, labels)
    digit_styles = [s for s in styles if s in ("1)", "1", "(1)", "[1]", "1.")]
    style = MarkStyle(
        paren="1)" in digit_styles,
        ocr_superscripts=repeats,
        abbreviations=habits.abbreviations(book) if repeats else frozenset(),
    )
    views = _Views(book, labels)
    read = _Pages(views, style)
    hints = BookHints(scheme="symbols" if repeats else None, repeats=repeats, styles=styles)
    # first sweep: the clear cases, to learn widths, numbering and gaps from (its pages'
    # views and marks all kept: a few stretches)
    sample = _sample(len(book.pages))
    seen = [p for stretch in sample for p in stretch]
    first = [area for stretch in sample for area, _ in _sweep(read, hints, stretch)]
    s_views = [views[p] for p in seen]
    scheme = habits.scheme(first, repeats)
    strong_lines = [read.marks(p).strong_line for p in seen]
    hints = replace(
        hints,
        scheme=scheme,
        widths=habits.widths(s_views, first, strong_lines),
        gap=habits.gap_weight(s_views, first, strong_lines),
    )
    del s_views, strong_lines
    views.window = WINDOW  # the second sweep walks the whole book
    pages: list[Page] = []
    for p, (page, area) in enumerate(zip(book.pages, _settled(read, hints), strict=True)):
        if not area.parts:
            pages.append(page)
            continue
        assert area.top is not None
        top = area.top
        pm = read.marks(p)
        found = anchors.link(
            [
                [c for c in pm.of(part.label) if c.line < top] if part.label is not None
                else None
                for part in area.parts
            ]
        )
        pm.drop_body()
        pages.append(replace(page, lines=_relabel(page.lines, area), footnotes=_notes(area, found)))
    # a note continued overleaf: its part on the page before goes on
    for p in range(len(pages) - 1):
        nxt = pages[p + 1].footnotes
        if nxt and nxt[0].continued and pages[p].footnotes:
            notes = list(pages[p].footnotes)
            notes[-1] = replace(notes[-1], continues_on_next_page=True)
            pages[p] = replace(pages[p], footnotes=tuple(notes))
    return replace(book, pages=tuple(pages), notes_scheme=scheme)
