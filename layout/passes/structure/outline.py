"""Nest the book's headings: the level of each, from the book's own habits.

In: the `Head`s of a book in reading order. Out: for each, a `Heading` (level, division
type, number, the evidence for its level and whether it is certain).

Each heading has a style: its kind of numbering (`§`, `I.`, `A.`, `1.`, `a)`, `Erstes
Kapitel`...), or for an unnumbered one its look (capitals, type size, centring). Styles
are ranked book-wide: when a heading follows another of a different style with no text
between (`Zweites Kapitel.` / `§. 7.`), the first is the second's parent, and the votes of
the whole book decide between two styles; so does a numbering that starts again
(`1.` after `3.`) after a heading of another style, which opened the new series.
Styles the book never shows together fall back on the order numberings conventionally nest
in (divisions named by a word, then `§`, capital roman, capital letters, arabic,
unnumbered headings, small letters, doubled and Greek letters; larger type and capitals
before smaller and plain), and then on the order the book first shows them. The headings
then nest on a stack: a heading closes every open heading of its rank or below and opens
inside the nearest one above. A letter that is also
a roman numeral (`C.`, `I.`) is read the way that continues the series open before it.
Not handled: a numbering that changes rank within one book (`A.` above `§` in one part and
below it in another) beyond what continuing series show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cmp_to_key

from layout.model import Heading
from layout.passes.structure.heads import Head
from layout.passes.structure.numbering import Number

CONVENTION = (
    "label:book", "label:part", "label:volume", "label:section", "label:chapter",
    "label:article", "label:lecture", "label:letter", "label:act", "label:scene",
    "label:canto", "label:appendix", "section", "roman", "alpha", "arabic", "caps",
    "plain", "lower", "lroman", "lower2", "greek", "greek2",
)
"""The order numberings conventionally nest in, outermost first (by kind, whatever the
punctuation)."""


def _kind(style: str) -> str:
    """A style's kind of numbering, without punctuation, size or placement."""
    if style.startswith("label:"):
        return style
    base = style.split("@", 1)[0].split(":", 1)[0]
    return base.rstrip(".)(")


def _convention(style: str) -> tuple[int, float, int]:
    """Where a style stands by convention: its kind, then larger type, then centred."""
    kind = _kind(style)
    rank = CONVENTION.index(kind) if kind in CONVENTION else len(CONVENTION)
    size = 0.0
    if "@" in style:
        size = -float(style.split("@", 1)[1].split(":", 1)[0])
    return rank, size, 0 if style.endswith(":centred") else 1


def _choose_readings(heads: Sequence[Head]) -> list[Number | None]:
    """Each heading's number, a letter that is also a roman numeral read the way that
    continues a series: `C.` after `B.` is a letter, `II.` after `I.` a numeral."""
    last: dict[str, int] = {}
    chosen: list[Number | None] = []
    for head in heads:
        number = head.number
        if number is not None and number.alternative is not None:
            alt = number.alternative
            continues = last.get(alt.style) == alt.value - 1 \
                and last.get(number.style) != number.value - 1
            opens = alt.value == 1 and number.value != 1 and number.style not in last
            if continues or opens:
                number = alt
        if number is not None:
            last[number.style] = number.value
        chosen.append(number)
    return chosen


def _styles(heads: Sequence[Head], numbers: Sequence[Number | None]) -> list[str]:
    return [num.style if num is not None else head.style
            for head, num in zip(heads, numbers, strict=True)]


def votes(styles: Sequence[str], values: Sequence[int | None],
          after_head: Sequence[bool]) -> Counter[tuple[str, str]]:
    """The book's evidence of which style stands above which: a heading directly under
    another of a different style (no text between), and a numbering that starts again
    (`1.` after `3.`) after a heading of another style, which opened the new series."""
    above: Counter[tuple[str, str]] = Counter()
    last: dict[str, int] = {}
    for k, style in enumerate(styles):
        value = values[k]
        restarts = value is not None and style in last and value <= last[style]
        if k and style != styles[k - 1] and (after_head[k] or restarts):
            above[(styles[k - 1], style)] += 1
        if value is not None:
            last[style] = value
    return above


def ranks(styles: Sequence[str], above: Counter[tuple[str, str]]
          ) -> tuple[dict[str, int], set[str]]:
    """Each style's rank (0 outermost) and the styles whose rank the book itself shows
    (`above`: the votes for one style standing over another)."""
    first_seen = {style: k for k, style in reversed(list(enumerate(styles)))}

    def compare(a: str, b: str) -> int:
        votes = above[(a, b)] - above[(b, a)]
        if votes:
            return -1 if votes > 0 else 1
        ca, cb = _convention(a), _convention(b)
        if ca != cb:
            return -1 if ca < cb else 1
        return first_seen[a] - first_seen[b]

    order = sorted(first_seen, key=cmp_to_key(compare))
    shown = {style for pair in above for style in pair}
    return {style: k for k, style in enumerate(order)}, shown


def levels(heads: Sequence[Head]) -> list[Heading]:
    """The `Heading` of each head, in order."""
    numbers = _choose_readings(heads)
    styles = _styles(heads, numbers)
    values = [number.value if number is not None else None for number in numbers]
    rank, shown = ranks(styles, votes(styles, values, [head.after_head for head in heads]))
    several = len(rank) > 1
    stack: list[int] = []  # the ranks of the open headings, outermost first
    out: list[Heading] = []
    for number, style in zip(numbers, styles, strict=True):
        r = rank[style]
        while stack and stack[-1] >= r:
            stack.pop()
        stack.append(r)
        if not several:
            rule = "only"
        elif style in shown:
            rule = "book"
        else:
            rule = "convention"
        out.append(Heading(
            level=len(stack),
            kind=number.kind if number is not None else "section",
            n=_n(number),
            rule=rule,
            certain=rule != "convention",
        ))
    return out


def _n(number: Number | None) -> str | None:
    """`div/@n`: the number's value as printed ("IV", "b", "12"), a named division's as
    a figure ("Erstes Kapitel" -> "1")."""
    if number is None:
        return None
    if number.style.startswith("label:") or number.style == "section":
        return str(number.value)
    return number.printed
