"""What a book's notes are like, learned from the whole book: the label styles it uses,
whether its OCR reads every superscript number as `*`, the words it abbreviates with a
superscript, how wide its body and note lines are, how it numbers its notes, and how
surely a blank line sets the notes apart.

In: the book, the views of its pages, and the note areas a first sweep found. Out: the
facts the second sweep and the mark finder use (`BookHints`, `MarkStyle` fields). Not
handled: books that change their habits half-way (one set of facts holds for the book).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from statistics import median

from layout.model import Book, Page
from layout.passes.notes.areas import NoteArea
from layout.passes.notes.labels import LETTER, NUMBERED, OCR, SYMBOL, Label
from layout.passes.notes.page_lines import PageLines, Widths

_ABBREVIATION = re.compile(r"\b([A-Za-z]{1,6})[\"”*°'’](?=[\s.,;:]|$)")

_LETTER_MARK = re.compile(r"(?<=[^\s(\[])\(([a-z])\1?\)")
"""A letter in parentheses glued to the word or sign before it: `beträgt(b).`"""


def _letter_marks(page: Page) -> dict[str, int]:
    """The first line of the page where each letter mark stands glued to a word."""
    first: dict[str, int] = {}
    for i, line in enumerate(page.lines):
        if "(" in line.text:
            for m in _LETTER_MARK.finditer(line.text):
                first.setdefault(m.group()[1:-1], i)
    return first


def label_habits(
    book: Book, labels: Iterable[Sequence[Label | None]]
) -> tuple[frozenset[str], bool]:
    """The label styles the book's notes use, and whether one label repeats on a page.

    Counted over the lower half of the pages, where notes stand. Letters label lists far
    more often than notes: a letter label counts only when its mark, `word(b)`, stands
    in a line above it on its page.
    """
    styles: Counter[str] = Counter()
    repeated = 0
    pages_with = 0
    for page, labs in zip(book.pages, labels, strict=True):
        n = len(page.lines)
        seen: Counter[str] = Counter()
        marks: dict[str, int] | None = None
        for i in range(n // 2, n):
            lab = labs[i]
            if lab is None:
                continue
            if lab.kind == LETTER:
                marks = _letter_marks(page) if marks is None else marks
                if marks.get(lab.marker, n) < i:
                    styles[lab.style] += 1
                continue
            styles[lab.style] += 1
            seen[lab.marker] += 1
        if seen:
            pages_with += 1
            if seen.get("*", 0) + sum(v for k, v in seen.items() if k in '"”°') >= 2:
                repeated += 1
    total = sum(styles.values())
    common = frozenset(s for s, k in styles.items() if total and k >= 0.15 * total)
    repeats = pages_with >= 3 and repeated >= 0.2 * pages_with
    return common, repeats


def abbreviations(book: Book) -> frozenset[str]:
    """Words the book prints with a superscript ending again and again (`Ob"`, `Serv"`)."""
    seen: Counter[str] = Counter()
    for page in book.pages:
        for line in page.lines:
            for m in _ABBREVIATION.finditer(line.text):
                seen[m.group(1).lower()] += 1
    return frozenset(w for w, k in seen.items() if (k >= 2 and len(w) <= 4) or k >= 4)


def widths(
    views: Sequence[PageLines],
    areas: Sequence[NoteArea],
    marked: Sequence[Callable[[Sequence[Label], int], int]],
) -> Widths | None:
    """Typical full-line lengths of body and note lines, from the first sweep's notes.

    Body lines are taken only down to the last line holding a mark of the page's notes:
    the body surely reaches that far, while the lines below it may be the rest of a note
    the first sweep missed (in a book of long notes, many pages are mostly notes).
    """
    body: list[int] = []
    note: list[int] = []
    for view, area, strong_line in zip(views, areas, marked, strict=True):
        if area.top is None:
            continue
        labels = [p.label for p in area.parts if p.label is not None]
        last_mark = strong_line(labels, area.top) if labels else -1
        for part in area.parts:
            note.extend(view.sizes[i] for i in part.lines[:-1])
        sizes, is_body = view.sizes, view.body
        body.extend(sizes[i] for i in range(view.top, last_mark + 1) if is_body[i])
    if len(body) < 50 or len(note) < 20:
        return None
    full_body = sorted(body)[len(body) // 2 :]
    full_note = sorted(note)[len(note) // 3 :]
    return Widths(body=median(full_body), note=median(full_note))


def gap_weight(
    views: Sequence[PageLines],
    areas: Sequence[NoteArea],
    marked: Sequence[Callable[[Sequence[Label], int], int]],
) -> float:
    """How strongly a blank line in the page opens the note area, from the first sweep:
    the share of blank lines between body lines that stand above the notes rather than
    above body text holding a mark (a blank above unlabelled lines with no mark may head
    the rest of a note the first sweep missed)."""
    above = elsewhere = 0
    for view, area, strong_line in zip(views, areas, marked, strict=True):
        if area.top is None:
            continue
        labels = [p.label for p in area.parts if p.label is not None]
        last_mark = strong_line(labels, area.top)
        for i in range(view.top + 1, area.top):
            if view.blank[i] and not view.blank[i - 1]:
                j = i + 1
                while j < area.top and view.blank[j]:
                    j += 1
                if j < area.top and last_mark >= j:
                    elsewhere += 1
                else:
                    above += 1
    if above + elsewhere < 5:
        return 2.0
    share = above / (above + elsewhere)
    if share >= 0.97 and above >= 20:
        return 7.0
    return 5.0 if share >= 0.9 else 3.0 if share >= 0.7 else 1.5


def scheme(areas: Sequence[NoteArea], repeats: bool) -> str | None:
    """How the book numbers its notes, from the first numbers of the notes on each page."""
    starts = page_like = continuing = 0
    symbols = numbers = 0
    last: int | None = None
    for area in areas:
        labelled = [p.label for p in area.parts if p.label is not None]
        if not labelled:
            continue
        for lab in labelled:
            if lab.kind in (SYMBOL, OCR):
                symbols += 1
            elif lab.kind in NUMBERED:
                numbers += 1
        first = next((lab for lab in labelled if lab.kind in NUMBERED), None)
        if first is None or first.value is None:
            continue
        starts += 1
        if first.value == 1:
            page_like += 1
        if last is not None and first.value == last + 1:
            continuing += 1
        last = next(  # (a label numbered 0 counts too: `and lab.value` once crashed on it)
            (
                lab.value
                for lab in reversed(labelled)
                if lab.kind in NUMBERED and lab.value is not None
            ),
            last,
        )
    if repeats or symbols > numbers:
        return "symbols"
    if not starts:
        return None
    if page_like >= 0.85 * starts:
        return "page"
    if continuing >= 0.85 * (starts - 1):  # (the first page continues nothing)
        return "continuous"
    return "chapter"
