"""The book's own vocabulary: how often each word form is printed where no line breaks it.

In: the book and the set of line-end word breaks (the fragments they cut are not words).
Out: a `Vocabulary` counting, case-folded, every word and every hyphenated compound
("bundeskanzler-amt") with the compounds inside it ("reichs-eiſenbahn" in
"reichs-eiſenbahn-amt", up to SPAN_PARTS parts) and its single parts. The counts are the
strongest evidence for a line-end hyphen: the author's spelling elsewhere in the same book.
Not handled: inflection (a form counts only as printed) and OCR-damaged words.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from itertools import count as count_from
from operator import contains, itemgetter

from layout.model import Book, Role

EDGE = ".,;:!?()[]{}<>/|*†‡§\"'„“”‚‘’»«-–—=¬⸗‐‑0123456789"
"""Punctuation, marks and digits stripped from the ends of a white-space token."""
INNER_HYPHEN = re.compile(r"[-‐‑⸗]")
COUNTED_ROLES = frozenset({Role.BODY, Role.HEADING, Role.FOOTNOTE})
SENTENCE_ENDS = ".!?:;"
"""Signs after which a capital opens a sentence (or a clause set as one)."""
OPENING = " \t\n\"'„“”‚‘’»«(["
"""Space, quotes and brackets that may stand between a sentence's end and its first word."""
SENTENCE_LOOK = 40
"""Signs looked back from a word for the last printed sign before it."""
FOLD_LINES = 50_000
"""Lines whose tokens are counted as printed before they are folded into words: the
distinct tokens of a whole book as printed (every case and punctuation of every word)
would take as much memory as its text."""
SPAN_PARTS = 6
"""The most parts of a compound counted as a compound of its own: a line break cuts a
compound of at most this many parts on either side, and a chain of thousands of
hyphenated parts (`ab-ab-ab-...`) must not count the square of its length."""


class Vocabulary:
    """Counts of the book's word forms, case-folded; hyphens inside compounds are `-`."""

    def __init__(
        self, counts: Counter[str], lower: dict[str, int] | None = None,
        lines: Sequence[str] = (), starts: Sequence[int] = (), ends: Sequence[int] = (),
    ) -> None:
        self.counts = counts
        self.lower = lower or {}
        """How often each word is printed starting in lower case (`the` and `The` are
        one word in `counts`: this tells a sentence's first word from a name)."""
        self.lines = lines
        """The lines' texts, in reading order ("" for a line not counted): the text
        `capital_inside` reads, as if joined by newlines (never joined, and the lines
        are the book's own strings: a long book's text is a lot of memory to hold
        twice)."""
        self.starts = starts
        """The lines (indices in `lines`, ascending) counted without their first word:
        it finishes a word broken at the end of the line before."""
        self.ends = ends
        """The lines (ascending) counted without their last word: a line-end break cuts
        it (a cut line's counted text is made again when asked for, not held: a long
        book has hundreds of thousands)."""
        self._inside: dict[str, int] = {}

    def counted(self, k: int) -> str:
        """The text counted of line k of `lines`."""
        return cut(self.lines[k], _holds(self.starts, k), _holds(self.ends, k))

    def __getitem__(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def lowercase(self, word: str) -> int:
        """How often the book prints `word` starting in lower case."""
        return self.lower.get(word.lower(), 0)

    def capital_inside(self, word: str) -> int:
        """How often the book prints `word` capitalised inside a sentence: after a sign
        that ends no sentence (`das Beſtehen`, not `... end. The`). The lines holding the
        word are found by a literal search (in C, over all lines at once) and each
        occurrence's left side looked at, across line ends; asked only of the
        commonest words that continue a line-end hyphen with a capital."""
        key = word.lower()
        found = self._inside.get(key)
        if found is None:
            title = word[:1].upper() + word[1:].lower()
            pattern = re.compile(re.escape(title) + r"\b")
            lines = self.lines
            found = 0
            for k in compress(count_from(), map(contains, lines, repeat(title))):
                line = self.counted(k)
                for m in pattern.finditer(line):
                    s = m.start()
                    if s and (line[s - 1].isalnum() or line[s - 1] == "_"):
                        continue  # inside a longer word
                    before = self._before(k, s).rstrip(OPENING)
                    if before and before[-1] not in SENTENCE_ENDS:
                        found += 1
            self._inside[key] = found
        return found

    def _before(self, k: int, s: int) -> str:
        """The SENTENCE_LOOK signs before offset s of line k in the lines' joined text."""
        before = self.counted(k)[:s]
        while len(before) < SENTENCE_LOOK and k > 0:
            k -= 1
            before = self.counted(k) + "\n" + before
        return before[-SENTENCE_LOOK:]


def count(
    book: Book, ends: Iterable[tuple[int, int]], starts: Iterable[tuple[int, int]]
) -> Vocabulary:
    """Count the book's words, leaving out the fragment before each break (`ends`, line
    positions) and the first word of each continuation (`starts`); a position given
    twice counts once (they are taken one at a time: a long book's positions are not
    gathered in sets)."""
    # the positions grouped by page: each page's texts are taken in one comprehension,
    # then its few cut lines changed (speed); lines not counted give "", which adds no word
    starts_at: dict[int, list[int]] = {}
    ends_at: dict[int, list[int]] = {}
    for at, positions in ((starts_at, starts), (ends_at, ends)):
        for p, i in positions:
            at.setdefault(p, []).append(i)
    found: dict[str, int] = {}
    lower: dict[str, int] = {}
    tokens: Counter[str] = Counter()
    pieces: list[str] = []
    cut_starts, cut_ends = array("q"), array("q")  # indices in `pieces`, ascending
    size = 0
    for p, page in enumerate(book.pages):
        texts = [line.text if line.role in COUNTED_ROLES else "" for line in page.lines]
        starts_here, ends_here = set(starts_at.get(p, ())), set(ends_at.get(p, ()))
        if starts_here or ends_here:
            whole = texts.copy()
            for i in starts_here:
                texts[i] = cut(texts[i], True, False)
            for i in ends_here:
                texts[i] = cut(texts[i], False, True)
            cut_starts.extend(sorted(len(pieces) + i for i in starts_here))
            cut_ends.extend(sorted(len(pieces) + i for i in ends_here))
            pieces += whole
        else:
            pieces += texts
        # counted page by page: a whole book's text joined and split at once would hold
        # every token of the book in one list (memory)
        tokens.update("\n".join(texts).split())
        size += len(texts)
        if size >= FOLD_LINES:  # the tokens as printed would grow with the book: fold
            _fold(tokens, found, lower)
            tokens, size = Counter(), 0
    _fold(tokens, found, lower)
    counts: Counter[str] = Counter(found)
    compounds = [w for w in counts if "-" in w or "‐" in w or "‑" in w or "⸗" in w]
    for word in compounds:
        n = counts[word]
        parts = INNER_HYPHEN.split(word)
        normal = "-".join(parts)
        if normal != word:
            counts[normal] += n
        for a in range(len(parts)):
            for b in range(a + 1, min(len(parts), a + SPAN_PARTS) + 1):
                if b - a < len(parts):
                    counts["-".join(parts[a:b])] += n
    return Vocabulary(counts, lower, pieces, cut_starts, cut_ends)


def cut(text: str, first: bool, last: bool) -> str:
    """What is counted of a line's text: without its first word when that finishes a
    word broken on the line before (`first`), without its last when a line-end break
    cuts it (`last`)."""
    if first:
        text = text.lstrip().partition(" ")[2]
    if last:
        text = text.rstrip()
        end = text.rfind(" ")
        text = text[:end] if end >= 0 else ""
    return text


def _holds(ascending: Sequence[int], k: int) -> bool:
    """Whether the ascending sequence holds k."""
    j = bisect_left(ascending, k)
    return j < len(ascending) and ascending[j] == k


def _fold(tokens: Counter[str], found: dict[str, int], lower: dict[str, int]) -> None:
    """Add the tokens counted as printed to the words' counts, each distinct token folded
    (lower-cased, stripped) with maps that run in C, into plain dicts: much less work
    than folding every token (speed). The words keep the order of their first token,
    which the compounds rely on (a stretch's tokens come in the order first printed, and
    stretches in the book's order); case and EDGE signs do not interact, so folding
    order does not matter."""
    get = found.get
    folded = map(str.strip, map(str.lower, tokens), repeat(EDGE))
    lows = map(str.islower, map(itemgetter(0), tokens))
    for word, n, low in zip(folded, tokens.values(), lows, strict=True):
        if word:
            found[word] = get(word, 0) + n
            if low:
                lower[word] = lower.get(word, 0) + n
