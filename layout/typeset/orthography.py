"""Where this book's words may break: the book's own breaks first, then its period's rules.

In: a Book after the passes (its line-end hyphens decided `join`: the words the printer
broke, and where) and its language. Out: a `BookHyphenator`, pyphen's points for the
language (`layout.patterns`) corrected by what the book shows:

- a word the book itself broke may break where the book broke it, whatever the patterns
  say (`Ab-theilung` from the book, not `Abt-heilung` from today's patterns);
- in German, no break falls inside `ſt` (1901 and earlier: "trenne nie st"): a point
  between `ſ` and `t` moves before the `ſ` (`Mini-ſter`); a round `s` before `t` marks a
  compound's seam and stays breakable (`Haus-thür`);
- in German, `th` is one consonant (`Theil`, `Eigenthum`) when the book never breaks
  between `t` and `h` in the words it broke: a point there moves before the `t`
  (`Eigen-thum`).

A moved point that would leave fewer letters than the patterns' margins is dropped.
Not handled: the 1901 spelling changes at a break (`Zuk-ker`, `Schiff-fahrt`): the
typeset text must read letter for letter as the source.
"""

from __future__ import annotations

from collections import Counter

from layout.flows import successors
from layout.model import Book, Hyphen
from layout.patterns import CORE, Hyphenator

LONG_S = "\u017f"


def book_breaks(book: Book) -> dict[str, set[int]]:
    """The words the book broke at a line's end (`join`), case-folded, and where: the
    offsets, in the word's alphabetic core, after which the printer broke it."""
    out: dict[str, set[int]] = {}
    joined = successors(book, lambda line: line.hyphen is Hyphen.JOIN)
    for (p, i), (q, j) in joined.items():
        line = book.pages[p].lines[i]
        if line.hyphen is not Hyphen.JOIN:
            continue
        head = line.text.rstrip()
        if head and not head[-1].isalnum():
            head = head[:-1]  # the sign, whatever the OCR made of it
        before = head.split()
        after = book.pages[q].lines[j].text.split()
        if not before or not after:
            continue
        match = CORE.match(before[-1] + after[0])
        assert match is not None  # the pattern matches every string
        lead, core = match.group(1), match.group(2)
        offset = len(before[-1]) - len(lead)
        if core.isalpha() and 0 < offset < len(core):
            out.setdefault(core.lower(), set()).add(offset)
    return out


class BookHyphenator(Hyphenator):
    """Pyphen's points for the book's language, corrected by the book's own breaks and,
    in German, by the rules of the book's period."""

    def __init__(self, lang: str | None, breaks: dict[str, set[int]]) -> None:
        super().__init__(lang)
        self.breaks = breaks
        self.german = (lang or "").lower().startswith("de")
        seams: Counter[str] = Counter(
            core[k - 1 : k + 1] for core, offsets in breaks.items() for k in offsets
        )
        self.th_digraph = self.german and seams["th"] == 0
        """The book never breaks `t|h`: `th` is one consonant, as in its period."""

    def _find(self, word: str) -> tuple[int, ...]:
        found = super()._find(word)
        match = CORE.match(word)
        assert match is not None
        lead, core = match.group(1), match.group(2)
        offset = len(lead)
        own = self.breaks.get(core.lower())
        if not found and not own:
            return found
        points = set(found)
        if self.german:
            moved = (self._moved(core, p - offset) for p in found)
            points = {offset + p for p in moved if p is not None}
        if own:
            points |= {offset + p for p in own}
        return tuple(sorted(points))

    def _moved(self, core: str, p: int) -> int | None:
        """Where a break after `core[:p]` goes by the period's rules (None: nowhere)."""
        pair = core[p - 1 : p + 1].lower()
        if pair == LONG_S + "t" or (self.th_digraph and pair == "th"):
            p -= 1
            if p < self.left:
                return None  # too near the word's start: no break at all
        return p
