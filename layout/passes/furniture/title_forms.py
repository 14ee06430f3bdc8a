"""The one form of each running title: what the book printed, read across all its pages.

In: a Book whose running titles are set (`running_titles` ran). Out: each Page with a
title gets `running_title_form`, the form its cluster of like titles (their letters agree
to `likeness.SAME`) reads most often, once each reading is normalised: letter-spacing
closed up (`F L OR I D A` -> `FLORIDA`, the words found in the book's own vocabulary),
white space collapsed, no space before punctuation. An OCR confusion on a few pages
(`FLOR1DA`, `TERRITORI.ALPAPERS`) is outvoted by the pages that read it right. The
printed reading stays in `running_title`; writers offer the form beside it.
Not handled: a title printed differently on purpose from page to page within one cluster
(the commonest form wins), titles whose every reading is damaged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from layout.model import Book, Role
from layout.passes.furniture.likeness import SAME, letters, similar

SPACED_TOKEN = 2
"""Tokens this short, three or more in a row, are a letter-spaced word's pieces."""
MIN_RUN = 3
UNKNOWN = 5
"""The cost of a letter no vocabulary word covers, against 1 for each word."""
LONGEST_WORD = 30
WIDE_SPACE = re.compile(r"\s{2,}")
SPACE_BEFORE = re.compile(r"\s+([.,;:!?)\]])")
WORD = re.compile(r"[^\W\d_]+")
DAMAGE = re.compile(r"(?<=[^\W\d_])[\d.](?=[^\W\d_])")


def _vocabulary(book: Book) -> Counter[str]:
    """The book's words, case-folded, from its running text (for closing up spacing)."""
    counts: Counter[str] = Counter()
    for page in book.pages:
        for line in page.lines:
            if line.role in (Role.BODY, Role.HEADING, Role.FOOTNOTE):
                counts.update(w.casefold() for w in WORD.findall(line.text))
    return counts


def _segment(chars: str, vocabulary: Counter[str]) -> str:
    """The letters split into the fewest words of the vocabulary (a letter no word covers
    costs UNKNOWN); the letters unsplit when nothing covers them."""
    folded = chars.casefold()
    n = len(folded)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            piece = folded[start:end]
            cost = 1.0 if vocabulary.get(piece, 0) >= 2 and len(piece) > 1 else None
            if cost is None and end - start == 1:
                cost = UNKNOWN
            if cost is not None and best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, start)
    cuts: list[int] = []
    end = n
    while end > 0:
        cuts.append(end)
        end = best[end][1]
    bounds = [0] + sorted(cuts)
    words = [chars[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if any(len(w) == 1 for w in words) and len(words) > 2:
        return chars  # the vocabulary does not know these words
    return " ".join(words)


def letter_spaced(text: str) -> bool:
    """Whether most of the title's tokens are one or two letters: a letter-spaced title."""
    tokens = text.split()
    short = sum(1 for t in tokens if len(t) <= SPACED_TOKEN)
    return len(tokens) >= MIN_RUN and 2 * short >= len(tokens)


def _close_up(text: str, vocabulary: Counter[str]) -> str:
    """A letter-spaced title (most of its tokens one or two letters) closed up: where wider
    spaces part its words, at them; else its letters split into the book's words. Points
    inside it (OCR specks) go, a final point stays. Another title is left as it is."""
    if not letter_spaced(text):
        return text
    end = "." if text.rstrip().endswith(".") else ""
    groups = WIDE_SPACE.split(text.strip())
    if len(groups) > 1:
        return " ".join("".join(WORD.findall(g)) for g in groups) + end
    return _segment("".join(WORD.findall(text)), vocabulary) + end


def normalised(text: str, vocabulary: Counter[str]) -> str:
    """One reading of a title in the form readings are compared in."""
    text = " ".join(_close_up(text, vocabulary).split())
    return SPACE_BEFORE.sub(r"\1", text)


def _damage(text: str) -> int:
    """Signs of an OCR slip in a reading: a digit or a point between two letters."""
    return len(DAMAGE.findall(text))


def mark(book: Book) -> Book:
    """Set `running_title_form` on every page with a running title."""
    titled = [p for p, page in enumerate(book.pages) if page.running_title]
    if not titled:
        return book
    spaced = any(letter_spaced(book.pages[p].running_title or "") for p in titled)
    vocabulary = _vocabulary(book) if spaced else Counter()  # read only when needed
    clusters: list[tuple[str, list[int]]] = []
    seen: dict[str, int] = {}  # a key met before: its cluster (titles repeat page on page)
    for p in titled:
        key = letters(book.pages[p].running_title or "")
        c = seen.get(key)
        if c is None:
            c = next(
                (k for k, (ckey, _) in enumerate(clusters) if similar(key, ckey, SAME)),
                len(clusters),
            )
            if c == len(clusters):
                clusters.append((key, []))
            seen[key] = c
        clusters[c][1].append(p)
    pages = list(book.pages)
    for _, members in clusters:
        forms = Counter(
            normalised(book.pages[p].running_title or "", vocabulary) for p in members
        )
        form = max(forms, key=lambda f: (forms[f], -_damage(f)))
        for p in members:
            pages[p] = replace(pages[p], running_title_form=form)
    return replace(book, pages=tuple(pages))
