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
from collections import Counter
from collections.abc import Collection, Sequence
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
        lines: Sequence[str] = (), cuts: dict[int, tuple[int, int]] | None = None,
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
        self.cuts = cuts or {}
        """The lines counted in part (a word cut by a line-end break left out): the
        slice of the line's text counted, by its index in `lines`."""
        self._inside: dict[str, int] = {}

    def counted(self, k: int) -> str:
        """The text counted of line k of `lines`."""
        cut = self.cuts.get(k)
        return self.lines[k] if cut is None else self.lines[k][cut[0]: cut[1]]

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
    book: Book, ends: Collection[tuple[int, int]], starts: Collection[tuple[int, int]]
) -> Vocabulary:
    """Count the book's words, leaving out the fragment before each break (`ends`, line
    positions) and the first word of each continuation (`starts`)."""
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
    cuts: dict[int, tuple[int, int]] = {}
    size = 0
    for p, page in enumerate(book.pages):
        texts = [line.text if line.role in COUNTED_ROLES else "" for line in page.lines]
        whole = texts.copy()
        starts_here, ends_here = starts_at.get(p, []), ends_at.get(p, [])
        for i in starts_here:
            texts[i] = texts[i].lstrip().partition(" ")[2]
        for i in ends_here:
            text = texts[i].rstrip()
            cut = text.rfind(" ")
            texts[i] = text[:cut] if cut >= 0 else ""
        for i in {*starts_here, *ends_here}:  # kept as slices of the lines' own texts
            cuts[len(pieces) + i] = _slice(whole[i], texts[i], i in starts_here)
        # counted page by page: a whole book's text joined and split at once would hold
        # every token of the book in one list (memory)
        tokens.update("\n".join(texts).split())
        pieces += whole
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
    return Vocabulary(counts, lower, pieces, cuts)


def _slice(whole: str, part: str, start_cut: bool) -> tuple[int, int]:
    """Where `part`, what is counted of a line, stands in the line's text `whole`: a
    continuation loses its first word, a broken line its last, so the part is the
    line's text from its first word's end, or up to its last word's start."""
    if not part:
        return 0, 0
    start = whole.lstrip().find(" ") + 1 + len(whole) - len(whole.lstrip()) if start_cut else 0
    return start, start + len(part)


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
