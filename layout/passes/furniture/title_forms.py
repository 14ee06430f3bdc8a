"""The one form of each running title: what the book printed, read across all its pages.

In: a Book whose running titles are set (`running_titles` ran). Out: each Page with a
title gets `running_title_form`, the form its cluster of like titles (their letters agree
to `likeness.SAME`) reads most often, once each reading is normalised: letter-spacing
closed up (`F L OR I D A` -> `FLORIDA`, the words found in the book's own vocabulary),
white space collapsed, no space before punctuation. An OCR confusion on a few pages
(`FLOR1DA`, `TERRITORI.ALPAPERS`) is outvoted by the pages that read it right; a reading
that is like two clusters (the first page's `geometrlsche` alone, the next pages'
`geometrische` with another slip) joins them, so the whole run votes. The numbers a title
prints (`§. 162.`, `Cap. IV`: a section's, which changes from page to page) are the page's
own: the vote is over the wording around them, and each page keeps its figures. The
printed reading stays in `running_title`; writers offer the form beside it.
Not handled: a title printed differently on purpose from page to page within one cluster
(the commonest form wins), titles whose every reading is damaged, an OCR slip inside a
title's number (it is the page's own reading).
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from dataclasses import replace

from layout.model import Book, Role
from layout.passes.furniture.likeness import SAME, letters, similar

SPACED_TOKEN = 2
"""Tokens this short, three or more in a row, are a letter-spaced word's pieces."""
MIN_RUN = 3
UNKNOWN = 5
"""The cost of a letter no vocabulary word covers, against 1 for each word."""
LONGEST_WORD = 30
CLOSE_UP_CHARS = 300
"""A longer line is no title to close up (and the split into words costs thirty looks a
letter)."""
CLUSTER_WINDOW = 40
"""Pages back within which a misread title finds the title it misreads (titles change by
chapter, and a title's run shows it on every page or every other one)."""
WIDE_SPACE = re.compile(r"\s{2,}")
SPACE_BEFORE = re.compile(r"\s+([.,;:!?)\]])")
WORD = re.compile(r"[^\W\d_]+")
SPECK = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
"""A point between two letters of a closed-up word: a speck the OCR read."""
DAMAGE = re.compile(r"(?<=[^\W\d_])[\d.](?=[^\W\d_])")
NUMBER = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")
"""A printed number: figures standing apart from letters (`162` in `§. 162.`, not the
`1` of `FLOR1DA`)."""
SLOT = "\x00"
"""Where a number stood in a reading, while the readings' wording is compared."""


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
    spaces part its words, at them, each word keeping its figures and signs (`§ .   2 9 .`
    is `§. 29.`); else its letters split into the book's words. Points between letters
    (OCR specks) go, a final point stays. Another title is left as it is."""
    if len(text) > CLOSE_UP_CHARS or not letter_spaced(text):
        return text
    groups = WIDE_SPACE.split(text.strip())
    if len(groups) > 1:
        return " ".join(SPECK.sub("", "".join(g.split())) for g in groups)
    end = "." if text.rstrip().endswith(".") else ""
    return _segment("".join(WORD.findall(text)), vocabulary) + end


def normalised(text: str, vocabulary: Counter[str]) -> str:
    """One reading of a title in the form readings are compared in."""
    text = " ".join(_close_up(text, vocabulary).split())
    return SPACE_BEFORE.sub(r"\1", text)


def _damage(text: str) -> int:
    """Signs of an OCR slip in a reading: a digit or a point between two letters."""
    return len(DAMAGE.findall(text))


def _near(
    key: str, clusters: list[tuple[str, list[int]]], recent: OrderedDict[int, int], p: int
) -> list[int]:
    """The clusters, among those used within CLUSTER_WINDOW pages before p, whose title is
    like `key` (the latest used first); a bound on the comparisons each new reading costs,
    so a book whose every page prints another title stays linear."""
    found: list[int] = []
    for c in reversed(recent):
        if recent[c] < p - CLUSTER_WINDOW:
            break
        if similar(key, clusters[c][0], SAME):
            found.append(c)
    return found


def _root(parent: list[int], c: int) -> int:
    """The cluster `c` was merged into (union-find, paths halved on the way)."""
    while parent[c] != c:
        parent[c] = parent[parent[c]]
        c = parent[c]
    return c


def _forms(readings: list[str]) -> list[str]:
    """Each reading's form: the commonest wording (numbers set aside) among the readings
    that print as many numbers, filled with the reading's own numbers. A reading that
    prints fewer numbers than the cluster's commonest wording, its letters the same, is
    that wording where the readings before and after it (in page order) that print it
    agree on the numbers: a section's title that lost its `§. 217.` between two pages of
    § 217. Where they disagree (the section may have changed between), it keeps its own."""
    if not readings:
        return []
    wordings = [NUMBER.sub(SLOT, r) for r in readings]
    votes: dict[int, Counter[str]] = {}
    for wording in wordings:
        votes.setdefault(wording.count(SLOT), Counter())[wording] += 1
    best = {
        n: max(forms, key=lambda f: (forms[f], -_damage(f))) for n, forms in votes.items()
    }
    commonest = max(best.values(), key=lambda f: (votes[f.count(SLOT)][f], -_damage(f)))
    full = commonest.count(SLOT)
    numbers = [NUMBER.findall(r) for r in readings]
    filled = _numbers_between(numbers, [w == commonest for w in wordings])
    out: list[str] = []
    for n, wording in enumerate(wordings):
        form, own, between = best[wording.count(SLOT)], numbers[n], filled[n]
        if len(own) < full and between is not None and letters(wording) == letters(commonest):
            form, own = commonest, between
        parts = form.split(SLOT)
        out.append("".join(part + number
                           for part, number in zip(parts, [*own, ""], strict=False)))
    return out


def _numbers_between(
    numbers: list[list[str]], printed: list[bool]
) -> list[list[str] | None]:
    """For each reading, the numbers of the nearest `printed` readings before and after
    it when the two agree (None when they do not, or one side has none): two passes."""
    before: list[list[str] | None] = []
    last: list[str] | None = None
    for n, has in enumerate(printed):
        before.append(last)
        if has:
            last = numbers[n]
    out: list[list[str] | None] = [None] * len(numbers)
    last = None
    for n in range(len(numbers) - 1, -1, -1):
        if before[n] is not None and before[n] == last:
            out[n] = last
        if printed[n]:
            last = numbers[n]
    return out


def mark(book: Book) -> Book:
    """Set `running_title_form` on every page with a running title."""
    titled = [p for p, page in enumerate(book.pages) if page.running_title]
    if not titled:
        return book
    spaced = any(letter_spaced(book.pages[p].running_title or "") for p in titled)
    vocabulary = _vocabulary(book) if spaced else Counter()  # read only when needed
    clusters: list[tuple[str, list[int]]] = []
    parent: list[int] = []  # clusters a later reading found alike are merged
    seen: dict[str, int] = {}  # a key met before: its cluster (titles repeat page on page)
    recent: OrderedDict[int, int] = OrderedDict()  # cluster -> its last page, latest last
    for p in titled:
        key = letters(book.pages[p].running_title or "")
        c = seen.get(key)
        if c is None:
            alike = _near(key, clusters, recent, p)
            if alike:
                c = _root(parent, alike[0])
                for other in alike[1:]:
                    root = _root(parent, other)
                    if root != c:
                        parent[root] = c
                        clusters[c][1].extend(clusters[root][1])
                        clusters[root][1].clear()  # its key stays in `recent`, for _near
            else:
                c = len(clusters)
                clusters.append((key, []))
                parent.append(c)
            seen[key] = c
        c = _root(parent, c)
        clusters[c][1].append(p)
        recent[c] = p
        recent.move_to_end(c)
    pages = list(book.pages)
    for _, members in clusters:
        members.sort()  # page order (a merged cluster's pages came in two runs)
        readings = [
            normalised(book.pages[p].running_title or "", vocabulary) for p in members
        ]
        for p, form in zip(members, _forms(readings), strict=True):
            pages[p] = replace(pages[p], running_title_form=form)
    return replace(book, pages=tuple(pages))
