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
from itertools import repeat
from operator import itemgetter

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
SPAN_PARTS = 6
"""The most parts of a compound counted as a compound of its own: a line break cuts a
compound of at most this many parts on either side, and a chain of thousands of
hyphenated parts (`ab-ab-ab-...`) must not count the square of its length."""


class Vocabulary:
    """Counts of the book's word forms, case-folded; hyphens inside compounds are `-`."""

    def __init__(
        self, counts: Counter[str], lower: dict[str, int] | None = None,
        lines: Sequence[str] = (),
    ) -> None:
        self.counts = counts
        self.lower = lower or {}
        """How often each word is printed starting in lower case (`the` and `The` are
        one word in `counts`: this tells a sentence's first word from a name)."""
        self._lines = lines
        self._text: str | None = None
        self._inside: dict[str, int] = {}

    @property
    def text(self) -> str:
        """The counted lines as one text, for the rare question `capital_inside` asks of
        it: joined only when asked (a long book's text is a lot of memory to hold)."""
        if self._text is None:
            self._text = "\n".join(self._lines)
        return self._text

    def __getitem__(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def lowercase(self, word: str) -> int:
        """How often the book prints `word` starting in lower case."""
        return self.lower.get(word.lower(), 0)

    def capital_inside(self, word: str) -> int:
        """How often the book prints `word` capitalised inside a sentence: after a sign
        that ends no sentence (`das Beſtehen`, not `... end. The`). The word is searched
        as a literal (fast) and each occurrence's left side looked at; asked only of the
        commonest words that continue a line-end hyphen with a capital."""
        key = word.lower()
        found = self._inside.get(key)
        if found is None:
            title = word[:1].upper() + word[1:].lower()
            text = self.text
            found = 0
            for m in re.finditer(re.escape(title) + r"\b", text):
                s = m.start()
                if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                    continue  # inside a longer word
                before = text[max(0, s - SENTENCE_LOOK): s].rstrip(OPENING)
                if before and before[-1] not in SENTENCE_ENDS:
                    found += 1
            self._inside[key] = found
        return found


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
    tokens: Counter[str] = Counter()
    pieces: list[str] = []
    for p, page in enumerate(book.pages):
        texts = [line.text if line.role in COUNTED_ROLES else "" for line in page.lines]
        for i in starts_at.get(p, ()):
            texts[i] = texts[i].lstrip().partition(" ")[2]
        for i in ends_at.get(p, ()):
            text = texts[i].rstrip()
            cut = text.rfind(" ")
            texts[i] = text[:cut] if cut >= 0 else ""
        # counted page by page: a whole book's text joined and split at once would hold
        # every token of the book in one list (memory)
        tokens.update("\n".join(texts).split())
        pieces += texts
    # tokens counted as printed, then each distinct one folded (lower-cased, stripped) with
    # maps that run in C, into a plain dict: much less work than folding the whole text
    # (speed). The words keep the order of their first token, which the compounds below
    # rely on; case and EDGE signs do not interact, so folding order does not matter.
    found: dict[str, int] = {}
    lower: dict[str, int] = {}
    get = found.get
    folded = map(str.strip, map(str.lower, tokens), repeat(EDGE))
    lows = map(str.islower, map(itemgetter(0), tokens))
    for word, n, low in zip(folded, tokens.values(), lows, strict=True):
        if word:
            found[word] = get(word, 0) + n
            if low:
                lower[word] = lower.get(word, 0) + n
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
    return Vocabulary(counts, lower, pieces)
