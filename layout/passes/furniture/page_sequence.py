"""The book's page sequence: which numeral readings are the printed page numbers.

In: for every page, the numerals read in its head and foot (`Reading`s). Out: for every
page the reading the sequence confirms (or None), and the number the sequence expects
there. A book counts one more per page: a reading at page index p with value v lies on
the line v - p (its *offset*); readings of neighbouring pages on the same offset confirm
each other (anchors). Between anchors the sequence gives the expected numbers; a gap where
the offset changes is a plate or an unnumbered leaf. Roman front matter is a sequence of
its own. Verso and recto are learnt from the anchors: which side of the head line even
and odd numbers stand on. Not handled: books numbered by columns or leaves (recto only).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from layout.numerals import Numeral

WINDOW = 10
"""Pages either side where a reading looks for readings on its own offset."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A numeral read at a place where page numbers stand."""

    page: int
    line: int
    start: int
    end: int
    numeral: Numeral
    where: str
    """"left" or "right" of a head line, or "alone" on its line."""
    top: bool
    rank: int
    """0 for the first (or last) printed line of the page, 1 for the next, ..."""

    @property
    def key(self) -> tuple[bool, int]:
        """The sequence this reading belongs to: roman or arabic, and its offset."""
        return (self.numeral.roman, self.numeral.value - self.page)

    @property
    def place_score(self) -> int:
        """How typical the reading's place is for a folio (higher is better)."""
        score = 4 if self.top else 2
        score -= self.rank
        score += 1 if self.numeral.exact else 0
        return score


@dataclass(frozen=True, slots=True)
class Expectation:
    """What the sequence expects on one page: (roman, value) options, best first."""

    options: tuple[tuple[bool, int], ...]
    near: bool
    """True when an anchor stands within WINDOW pages."""


def _support(pages_on_key: dict[tuple[bool, int], list[int]], r: Reading) -> int:
    pages = pages_on_key[r.key]
    lo = bisect_left(pages, r.page - WINDOW)
    hi = bisect_right(pages, r.page + WINDOW)
    return hi - lo - 1  # minus the reading's own page


def anchors(readings: list[list[Reading]]) -> list[Reading | None]:
    """Per page, the reading that readings of neighbouring pages confirm, if any."""
    pages_on_key: dict[tuple[bool, int], list[int]] = {}
    for page_readings in readings:
        seen: set[tuple[bool, int]] = set()
        for r in page_readings:
            if not r.numeral.weak and r.key not in seen:
                seen.add(r.key)
                pages_on_key.setdefault(r.key, []).append(r.page)
    out: list[Reading | None] = []
    support: list[int] = []
    for page_readings in readings:
        best: Reading | None = None
        best_rank = (0, 0)
        for r in page_readings:
            if r.numeral.weak:
                continue
            s = _support(pages_on_key, r)
            if s >= 1 and (s, r.place_score) > best_rank:
                best, best_rank = r, (s, r.place_score)
        out.append(best)
        support.append(best_rank[0])
    return _drop_disorder(out, support)


def _drop_disorder(found: list[Reading | None], support: list[int]) -> list[Reading | None]:
    """Drop an anchor out of order with a better supported one nearby (section numbers
    that rise by one a page for a while, `§. 154.`, `§. 156.`, are not the folios)."""
    out = list(found)
    for p, a in enumerate(found):
        if a is None:
            continue
        for q in range(max(0, p - WINDOW), min(len(found), p + WINDOW + 1)):
            b = found[q]
            if b is None or q == p or b.numeral.roman is not a.numeral.roman:
                continue
            ordered = (b.numeral.value - a.numeral.value) * (q - p) > 0
            if not ordered and support[q] > support[p]:
                out[p] = None
                break
    return out


def expectations(found: list[Reading | None]) -> list[Expectation]:
    """Per page, the numbers the anchors before and after it allow there."""
    n = len(found)
    prev: list[Reading | None] = [None] * n
    nxt: list[Reading | None] = [None] * n
    last: Reading | None = None
    for p in range(n):
        prev[p] = last
        if found[p] is not None:
            last = found[p]
    last = None
    for p in range(n - 1, -1, -1):
        nxt[p] = last
        if found[p] is not None:
            last = found[p]
    out: list[Expectation] = []
    for p in range(n):
        a = found[p]
        if a is not None:
            out.append(Expectation(((a.numeral.roman, a.numeral.value),), True))
            continue
        options: list[tuple[bool, int]] = []
        before, after = prev[p], nxt[p]
        if before is not None:
            roman, value = before.numeral.roman, before.numeral.value + p - before.page
            if value >= 1 and not (
                after is not None and after.numeral.roman is roman and value >= after.numeral.value
            ):
                options.append((roman, value))
        if after is not None:
            roman, value = after.numeral.roman, after.numeral.value - (after.page - p)
            if value >= 1 and (roman, value) not in options and not (
                before is not None and before.numeral.roman is roman
                and value <= before.numeral.value
            ):
                options.append((roman, value))
        if len(options) == 2 and options[0][0] and not options[1][0]:
            options.reverse()  # after roman front matter, the arabic count back from 1 wins
        near = any(
            x is not None and abs(x.page - p) <= WINDOW for x in (before, after)
        )
        out.append(Expectation(tuple(options), near))
    return out


def sides(found: list[Reading | None]) -> dict[int, str]:
    """Which side of the head line even (0) and odd (1) numbers stand on, when the book
    keeps to one rule (verso numbers left, recto numbers right, or all on one side)."""
    counts: Counter[tuple[int, str]] = Counter()
    for a in found:
        if a is not None and a.top and a.where in ("left", "right"):
            counts[(a.numeral.value % 2, a.where)] += 1
    out: dict[int, str] = {}
    for parity in (0, 1):
        left, right = counts[(parity, "left")], counts[(parity, "right")]
        total = left + right
        if total >= 3:
            if left >= 0.8 * total:
                out[parity] = "left"
            elif right >= 0.8 * total:
                out[parity] = "right"
    return out
