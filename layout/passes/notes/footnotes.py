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
sentence open is expected to go on at the top of the next page's note area.

Not handled: end notes, marginal notes, notes in two columns, notes of notes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
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


class _Pages:
    """What the finder reads of every page: its view, its marks, its word joins."""

    def __init__(self, views: Sequence[PageLines], marks: Sequence[_PageMarks]) -> None:
        self.views = views
        self.marks = marks
        self.ties = flow.Ties(views)

    def area(self, p: int, hints: BookHints, state: PageState) -> NoteArea:
        """The note area of page p, told what the book and the page before tell."""
        marks = self.marks[p]
        area = areas.find(
            self.views[p], hints, state, marks.has_mark, marks.strong_line, self.ties.of(p)
        )
        marks.drop_body()  # its marks for the labels asked about are kept
        return area


def _sweep(
    pages: _Pages, hints: BookHints, stretch: range
) -> tuple[list[NoteArea], list[PageState]]:
    """Find the note area of a stretch of pages, in order, each page told about the one
    before; with the state each page was told."""
    found: list[NoteArea] = []
    told: list[PageState] = []
    state = PageState(had_notes=True, first=True)  # an excerpt may begin in a note
    for p in stretch:
        area = pages.area(p, hints, state)
        found.append(area)
        told.append(state)
        state = _after(pages.views[p], area, state, hints)
    return found, told


def _overleaf(
    pages: _Pages, hints: BookHints, found: list[NoteArea], told: list[PageState]
) -> None:
    """Look again at each page whose foot was taken for the rest of a note that had ended
    its sentence, when the next page's body opens in small type above its notes: the
    lines may be the beginning of that passage (`PageState.small_overleaf`). The page
    after hears of a change."""
    views = pages.views
    for p in range(len(views) - 1):
        parts = found[p].parts
        if not parts or parts[0].label is not None or told[p].open_note:
            continue
        if not continuations.opens_small(views[p + 1], hints.widths, found[p + 1].top):
            continue
        area = pages.area(p, hints, replace(told[p], small_overleaf=True))
        if area == found[p]:
            continue
        found[p] = area
        after = _after(views[p], area, told[p], hints)
        if after != told[p + 1]:
            told[p + 1] = after
            found[p + 1] = pages.area(p + 1, hints, after)


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
    views = [PageLines.of(page.lines) for page in book.pages]
    labels = [view.labels for view in views]
    styles, repeats = habits.label_habits(book, labels)
    digit_styles = [s for s in styles if s in ("1)", "1", "(1)", "[1]", "1.")]
    style = MarkStyle(
        paren="1)" in digit_styles,
        ocr_superscripts=repeats,
        abbreviations=habits.abbreviations(book) if repeats else frozenset(),
    )
    marks = [
        _PageMarks(view, style, page.lines if any(ln.words for ln in page.lines) else None)
        for view, page in zip(views, book.pages, strict=True)
    ]
    read = _Pages(views, marks)
    hints = BookHints(scheme="symbols" if repeats else None, repeats=repeats, styles=styles)
    # first sweep: the clear cases, to learn widths, numbering and gaps from
    sample = _sample(len(book.pages))
    seen = [p for stretch in sample for p in stretch]
    first = [area for stretch in sample for area in _sweep(read, hints, stretch)[0]]
    s_views = [views[p] for p in seen]
    scheme = habits.scheme(first, repeats)
    strong_lines = [marks[p].strong_line for p in seen]
    hints = replace(
        hints,
        scheme=scheme,
        widths=habits.widths(s_views, first, strong_lines),
        gap=habits.gap_weight(s_views, first, strong_lines),
    )
    page_areas, told = _sweep(read, hints, range(len(book.pages)))
    _overleaf(read, hints, page_areas, told)
    # with geometry, a column ending in smaller type says where its notes are
    open_note = False
    for p, page in enumerate(book.pages):
        by_type = small_type.area(page.lines, geometry.of(page), open_note)
        if by_type is not None:
            page_areas[p] = by_type
        parts = page_areas[p].parts
        open_note = bool(parts) and continuations.unfinished(views[p], parts[-1].lines)

    pages: list[Page] = []
    for page, area, pm in zip(book.pages, page_areas, marks, strict=True):
        if not area.parts:
            pages.append(page)
            continue
        assert area.top is not None
        top = area.top
        found = anchors.link(
            [
                [c for c in pm.of(p.label) if c.line < top] if p.label is not None else None
                for p in area.parts
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
