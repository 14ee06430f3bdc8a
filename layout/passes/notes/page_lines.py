"""What the footnote finder reads of a page and of the book, computed once.

In: a page's lines with their roles; statistics of the whole book. Out: `PageLines` (per
line its text, length, label, and whether it is body, blank or a rule; the run of body
and blank lines at the page foot), `Widths` (how wide full body and note lines are, and
what a line's width says), `BookHints` and `PageState` (what the book and the page before
tell). Not handled here: any decision about notes (`areas`, `continuations`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from layout.model import HYPHEN_SIGNS, Line, Role
from layout.passes.notes.labels import FIRST_SIGNS, Label, parse

RULE = re.compile(r"^\s*[-—–_─━=~|.·]{1,}\s*$")
"""A line of rule signs only: the printer's rule above the notes."""

FINISHED = re.compile(r"[.!?:][\"'”“’)\]]*\s*$")
"""A line ending a sentence: a note may end here."""

WIDTH_FLOOR = -3.0
"""The most that line widths can speak against a run of lines being notes: indented
quotations and tables in a long note make its lines as short as body lines."""

_RULE_START = frozenset("-—–_─━=~|.·")


@dataclass(frozen=True, slots=True)
class PageLines:
    """What the note finder reads of a page, computed once: the run of body and blank
    lines at the page foot, and per line its text, length, label and whether it is a
    body line, blank, or a rule."""

    texts: tuple[str, ...]
    sizes: tuple[int, ...]
    """Length of each line without the white space around it."""
    body: tuple[bool, ...]
    blank: tuple[bool, ...]
    rule: tuple[bool, ...]
    labels: tuple[Label | None, ...]
    prose: tuple[int, ...]
    """The body and heading lines: the running text, where marks stand."""
    top: int
    """First line of the foot run (-1 when the page has no body line)."""
    bottom: int
    """Last body line of the page."""
    broken: frozenset[int] = frozenset()
    """Body lines that end in a hyphen sign (a word may run on to the next line)."""
    first_blank: int = -1
    """The first blank line between body lines of the foot run (-1 when none)."""

    @classmethod
    def of(
        cls, lines: Sequence[Line], labels: Sequence[Label | None] | None = None
    ) -> PageLines:
        """The view of a page, its body lines' labels parsed (or given: `labels_of`)."""
        body_role, blank_role = Role.BODY, Role.BLANK
        texts = [line.text for line in lines]
        roles = [line.role for line in lines]
        body = [r is body_role for r in roles]
        blank = [r is blank_role for r in roles]
        heading = Role.HEADING
        prose = tuple(i for i, r in enumerate(roles) if r is body_role or r is heading)
        stripped = [t.strip() for t in texts]
        rule = [
            b and t[:1] in _RULE_START and RULE.match(t) is not None
            for b, t in zip(body, stripped, strict=True)
        ]
        if labels is None:
            labels = _labels(texts, body, stripped)
        bottom = len(lines) - 1
        while bottom >= 0 and not body[bottom]:
            bottom -= 1
        top = bottom
        if bottom >= 0:
            while top > 0 and (body[top - 1] or blank[top - 1]):
                top -= 1
            while blank[top]:
                top += 1
        sizes = [len(t) for t in stripped]
        hyphens = HYPHEN_SIGNS
        broken = frozenset(
            i for i, t in enumerate(stripped) if t[-1:] in hyphens and body[i]
        )
        first_blank = next((i for i in range(top + 1, bottom) if blank[i]), -1)
        return cls(
            tuple(texts),
            tuple(sizes),
            tuple(body),
            tuple(blank),
            tuple(rule),
            tuple(labels),
            prose,
            top,
            bottom,
            broken,
            first_blank,
        )

    @staticmethod
    def labels_of(lines: Sequence[Line]) -> tuple[Label | None, ...]:
        """The labels `of` parses on a page's lines (a pass that reads every page's labels
        before it looks at the pages one by one gives them back to `of`)."""
        body, first = Role.BODY, FIRST_SIGNS
        return tuple([  # (the test of `_labels`, on body lines only: speed)
            parse(t)
            if line.role is body
            and ((st := (t := line.text).strip())[:1] in first or st[1:2] == ")")
            else None
            for line in lines
        ])

    def above(self, i: int) -> tuple[int, bool]:
        """The nearest non-blank line above i within the foot run (-1 if none) and
        whether blank lines stand between."""
        j = i - 1
        while j >= self.top and self.blank[j]:
            j -= 1
        return (j if j >= self.top else -1), j < i - 1


def _labels(
    texts: Sequence[str], body: Sequence[bool], stripped: Sequence[str]
) -> tuple[Label | None, ...]:
    """The label each body line starts with (None for other lines and lines without)."""
    first = FIRST_SIGNS  # (inlined `may_open`: this runs for every line of the book)
    return tuple([
        parse(t) if b and (st[:1] in first or st[1:2] == ")") else None
        for b, t, st in zip(body, texts, stripped, strict=True)
    ])


@dataclass(frozen=True)
class Widths:
    """Typical lengths, in characters, of full body lines and full note lines."""

    body: float
    note: float

    @cached_property
    def table(self) -> list[float]:
        """`note_odds` for every line length up to twice the note width."""
        return [self.note_odds(n) for n in range(int(2 * self.note) + 2)]

    def odds_of(self, page: PageLines, styles: frozenset[str] = frozenset()) -> list[float]:
        """`note_odds` of each body line of a page (0 for other lines).

        A line right above a label of one of the book's `styles`, and the page's last
        line, may end a note as well as a paragraph: when it is shorter than a full line,
        its shortness says nothing.
        """
        table = self.table
        last = len(table) - 1
        odds = [  # a conditional, not min(): this runs for every line of a page with notes
            (table[n] if n < last else table[last]) if b else 0.0
            for n, b in zip(page.sizes, page.body, strict=True)
        ]
        ends = [page.bottom] if page.bottom >= 0 else []
        prev = -1
        for i, lab in enumerate(page.labels):
            if lab is not None and lab.style in styles and prev >= 0:
                ends.append(prev)
            if page.body[i]:
                prev = i
        full = min(self.body, self.note) - 3  # shorter than this, a line is no full line
        for i in ends:
            if page.sizes[i] < full:
                odds[i] = max(odds[i], 0.0)
        return odds

    def note_odds(self, n: int) -> float:
        """Evidence in [-1, 1] that a line of n characters is a note line (positive) or
        a body line (negative). Notes may be set wider than the body (smaller type on
        the same measure) or narrower (in two columns); either way a line much shorter
        than the narrower of the two says nothing: a paragraph's last line."""
        gap = self.note - self.body
        if abs(gap) < 3:
            return 0.0
        if n < 0.85 * min(self.body, self.note):
            return 0.0
        mid = (self.body + self.note) / 2
        return max(-1.0, min(1.0, (n - mid) / max(1.5, abs(gap) / 2) * (1 if gap > 0 else -1)))


@dataclass(frozen=True, slots=True)
class BookHints:
    """What the whole book tells about its notes."""

    scheme: str | None = None
    """"page", "chapter", "continuous", "symbols"; None while unknown."""
    repeats: bool = False
    """Every note may carry the same label (OCR reads each superscript number as `*`)."""
    styles: frozenset[str] = frozenset()
    """The label styles the book's notes use most ("1)", "1", "*", ...)."""
    widths: Widths | None = None
    gap: float = 2.0
    """What a blank line (or a rule) above a run of lines says for its being the note
    area: much in books whose body has no blank lines of its own."""

    @property
    def stray_blank(self) -> float:
        """What it costs a note area to leave a blank line between body lines above it:
        nothing where the body has blank lines of its own, much where it has none."""
        return max(0.0, self.gap - 2.0)


@dataclass(frozen=True, slots=True)
class PageState:
    """What the previous page leaves to this one."""

    open_note: bool = False
    """The last note of the previous page looks unfinished."""
    had_notes: bool = False
    first: bool = False
    """This is the book's first page: whether a note goes on at its top is unknown (an
    excerpt may begin anywhere in a book)."""
    leaning: bool = False
    """The last note of the previous page ends a sentence, but in a colon or with a
    parenthesis left open: it goes on more often than not."""
    small_type: bool = False
    """The previous page's body ended in lines as wide as note lines (a passage set in
    small type): lines of that width at this page's top may go on with it, so their
    width tells nothing about their being the rest of a note."""
    last_label: Label | None = None
    """The label of the last numbered note so far (for numbering that runs on)."""
    small_overleaf: bool = False
    """The next page's body opens in lines as wide as note lines (a passage set in small
    type that runs over the page break): such lines at this page's foot may be its
    beginning, so when the note before ended its sentence, their width tells nothing
    about their being the rest of that note."""

    @property
    def last_value(self) -> int | None:
        """The rank of the last numbered note so far."""
        return self.last_label.value if self.last_label is not None else None
