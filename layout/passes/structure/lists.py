"""The list pass: mark the numbered list items of the running text.

In: a book whose paragraphs and divisions passes have run (paragraph starts set, headings
decided). Out: every line of every list item with `Block.ITEM`, its first line with
`label_end` (where its printed label and the space after it end); TEI writes them as
`<list>`/`<item n>`, the typesetter hangs them from their labels.

An item is a paragraph that opens with a label (`1.`, `2)`, `a)`, `(b)`, `aa)`, `α)`,
`IV.`, read by `numbering.read_number`) and goes on with text on its line; a list is a
run of at least two such paragraphs, one after another in the running text, whose labels
are of one style and count on by one (1, 2, 3 / a, b, c / I, II, III), across page breaks,
and that shows a list's marks (`weigh`): its labels start their series, it has three items
or more, the text before it ends in a colon (`... folgende Behörden:`), its labels are
letters or close a parenthesis (`c)`, `7)`), or its items are short. Lists nest: a label
starting a series (`a)` inside `1.`) opens a list in the item, and the outer list goes on
at its next label (`2.`); TEI and the typesetter set the items one after another. A single
numbered paragraph is no list, nor are labels that do not count on, nor two long
paragraphs numbered `167.`, `168.` or `XV.`, `XVI.` with none of those marks, nor long
paragraphs numbered in the hundreds (a book that numbers its paragraphs throughout). Not
items: headings (the divisions pass decided them; a label alone on its line heads what
follows), `§`-sections and named divisions (`Kapitel 3`), dates (`1. Mai`), lines of
figures (`1. D. 6—9, 2. D. 15—18`), note lines and furniture (not in the running text).

Plain text has no indents: after a full line the paragraphs pass sees no start. An item
it ran into the text before it starts where a line opens with the label after an open
item's, the line before ending its sentence or a number (`XVIII. Der Herzog ... 733` /
`XIX. Prinz ...`), or with a series' first label after a colon; the item's first line
then starts a paragraph. Not handled: an item of more than one paragraph (unlabelled
prose ends every open list). The evidence (`weigh`) is not kept: the model has no place
for a block's reason.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from statistics import median

from layout.dates import MONTHS
from layout.model import HYPHEN_SIGNS, TEXT_ROLES, Block, Book, Line, Role
from layout.passes.structure.heads import is_formula
from layout.passes.structure.numbering import NAMED_STYLES, read_number, readings

MIN_ITEMS = 2
"""A run of fewer labelled paragraphs is no list (a numbered paragraph alone)."""
MAX_DEPTH = 3
"""Lists nest at most this deep (a deeper one ends the deepest open list)."""
LONG_RUN = 3
"""A run of this many items is evidence of a list by itself."""
SHORT_ITEM = 3
"""Items of at most this many lines (the median) are a list's entries, not numbered prose."""
NUMBERED_PARAGRAPHS = 100
"""Long items numbered from here on are a book's numbered paragraphs: a list of long
entries rarely reaches a hundred."""
LIST_STYLES = ("lower", "alpha", "greek")
"""Numberings of letters (`a)`, `c.`, `B)`, `α)`): a list's, where a book that numbers
its paragraphs throughout uses figures (`167.`) or roman numerals (`XV.`)."""
OPENING = "„\"»«“‚'(["
"""What may stand between a label and the first letter of its item's text."""

Position = tuple[int, int]
Reading = tuple[str, int]
"""A label read one way: its style and value (`I.` is the letter 9 or the numeral 1)."""


@dataclass(frozen=True, slots=True)
class Label:
    """A paragraph's opening label as an item's: its readings and where it ends."""

    readings: tuple[Reading, ...]
    end: int
    """Where the label and the space after it end in the line (`Line.label_end`)."""


def item_label(text: str) -> Label | None:
    """The label a paragraph's first line opens with as a list item's, or None: a number
    or letter of an item's style, followed on its line by words (not a date, not figures)."""
    number = read_number(text)
    if number is None or number.end <= 0 or number.style.startswith(NAMED_STYLES):
        return None
    if is_formula(text):
        return None
    lead = len(text) - len(text.lstrip())
    end = lead + number.end
    rest = text[end:]
    words = rest.lstrip(" ").lstrip(OPENING)
    if not words[:1].isalpha():
        return None
    first = words.split(None, 1)[0].lower().rstrip(",;:")
    if first in MONTHS or first.rstrip(".") in MONTHS:  # a date: `1. Mai 1848`
        return None
    return Label(readings(number), end + len(rest) - len(rest.lstrip(" ")))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the running text as the list pass sees it."""

    start: Position
    label: Label | None
    """Its opening label as an item's; None for a heading or unlabelled prose."""
    lines: int
    after_lead_in: bool
    """The text line before it ends in a colon (`... folgende Behörden:`)."""


def _goes_on(labels: Sequence[Label], line: Line, before: Line) -> Label | None:
    """The label of an item that starts at `line` though the paragraphs pass saw no
    start there (plain text after a full line), `labels` being those of the items open
    around it (the latest last): the line opens with the label after one of them and the
    line before it ends its sentence or a number, not a word (`XVIII. Der Herzog ... 733`
    / `XIX. Prinz Wilhelm ... 738`); or it opens with a series' first label after a colon
    (`... folgende anerkannt werden:` / `I. Ein ... Friede`). None otherwise; a start found
    so stands only if its run is taken for a list."""
    end = before.text.rstrip()[-1:]
    if not end or end.isalpha() or before.hyphen is not None or end in HYPHEN_SIGNS:
        return None
    if not labels and end != ":":
        return None
    nxt = item_label(line.text)
    if nxt is None:
        return None
    if end == ":" and any(value == 1 for _, value in nxt.readings):
        return nxt
    after = any((style, value - 1) in label.readings
                for label in labels for style, value in nxt.readings)
    return nxt if after else None


def _paragraphs(book: Book) -> Iterator[Paragraph]:
    """Each paragraph of the running text in reading order (a heading is one), and apart
    an item the paragraphs pass ran into the text before it (`_goes_on`)."""
    body = Role.BODY
    start: Position | None = None
    label: Label | None = None
    labels: deque[Label] = deque(maxlen=MAX_DEPTH)  # of the items open, the latest last
    count = 0
    lead_in = False
    before: Line | None = None
    for p, page in enumerate(book.pages):
        for i, line in enumerate(page.lines):
            if line.role not in TEXT_ROLES:
                continue
            unseen = None
            if before is not None and not line.paragraph_start and line.role is body \
                    and before.role is body:
                unseen = _goes_on(labels, line, before)
            if line.paragraph_start or start is None or unseen is not None:
                if start is not None:
                    yield Paragraph(start, label, count, lead_in)
                start, count = (p, i), 0
                label = unseen or (item_label(line.text) if line.role is body else None)
                if label is None:
                    labels.clear()
                else:
                    labels.append(label)
                lead_in = before is not None and before.text.rstrip().endswith(":")
            count += 1
            before = line
    if start is not None:
        yield Paragraph(start, label, count, lead_in)


def weigh(run: Sequence[Paragraph], first: bool, styles: Sequence[Reading] = ()) -> str | None:
    """The marks of a list a run of labelled paragraphs in order shows, joined by "+"
    ("first": its labels start their series, `1.`, `a)`, `I.`; "run": three items or
    more; "lead-in": the text before it ends in a colon; "style": labels of a list's
    style, letters or a closing parenthesis, `b)`, `c.`, `7)`, as `styles`, the readings
    of its last label, show; "short": its items are short). None when it shows none (two
    numbered paragraphs picked up inside a longer series), when its items are long
    paragraphs numbered in the hundreds (`182.`, `183.`, `184.`: a book that numbers its
    paragraphs throughout), or when it is no run."""
    if len(run) < MIN_ITEMS:
        return None
    short = median(par.lines for par in run) <= SHORT_ITEM
    if not short and all(value - len(run) + 1 >= NUMBERED_PARAGRAPHS for _, value in styles):
        return None
    found = []
    if first:
        found.append("first")
    if len(run) >= LONG_RUN:
        found.append("run")
    if run[0].after_lead_in:
        found.append("lead-in")
    if any(style.startswith(LIST_STYLES) or style.endswith(")") for style, _ in styles):
        found.append("style")
    if short:
        found.append("short")
    return "+".join(found) or None


def items(book: Book) -> dict[Position, int]:
    """The first line of every list item and where its label ends. Runs nest: a label
    that starts a series (`a)` after `1.`) opens a run inside the open one, which goes on
    at its next label (`2.`); unlabelled prose ends every open run."""
    found: dict[Position, int] = {}
    runs: list[tuple[list[Paragraph], tuple[Reading, ...]]] = []  # outermost first

    def close(depth: int) -> None:
        """End the open runs deeper than `depth`, taking those that are lists."""
        while len(runs) > depth:
            run, last = runs.pop()
            first = any(value - len(run) + 1 == 1 for _, value in last)
            if weigh(run, first, last) is not None:
                found.update((par.start, par.label.end) for par in run if par.label)

    for par in _paragraphs(book):
        label = par.label
        if label is None:
            close(0)
            continue
        for depth in range(len(runs) - 1, -1, -1):
            run, last = runs[depth]
            going_on = tuple((style, value) for style, value in label.readings
                             if (style, value - 1) in last)
            if going_on:
                close(depth + 1)
                run.append(par)
                runs[depth] = (run, going_on)
                break
        else:  # a new run: inside the open one when its label starts a series
            starts = any(value == 1 for _, value in label.readings)
            close(min(len(runs), MAX_DEPTH - 1) if starts else 0)
            runs.append(([par], label.readings))
    close(0)
    return found


def mark(book: Book) -> Book:
    """Mark the lines of the book's numbered list items (`Block.ITEM`, `label_end`); an
    item's first line starts a paragraph (the paragraphs pass may not have seen it)."""
    firsts = items(book)
    if not firsts:
        return book
    pages = list(book.pages)
    changed: dict[int, list[Line]] = {}
    in_item = False
    for p, page in enumerate(book.pages):
        for i, line in enumerate(page.lines):
            if line.role not in TEXT_ROLES:
                continue
            first = firsts.get((p, i))
            if line.paragraph_start or line.role is not Role.BODY or first is not None:
                in_item = first is not None
            if not in_item or line.block is not None:
                continue
            lines = changed.get(p)
            if lines is None:
                lines = changed[p] = list(page.lines)
            if first is None:
                lines[i] = line.evolve(block=Block.ITEM)
            else:
                lines[i] = line.evolve(block=Block.ITEM, label_end=first,
                                       paragraph_start=True)
    for p, lines in changed.items():
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages))
