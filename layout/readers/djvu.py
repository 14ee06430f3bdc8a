"""An Internet Archive `_djvu.txt`: a whole book's OCR with no page separators at all.

In: the decoded text. Out: a `Book` whose pages are recovered from the text itself, and a
`Diagnostic` saying how many were found and how. A page starts at its block of running
title and page number (found by `djvu_titles`); the printed numbers of those blocks, read
as one sequence (`djvu_sequence`), show where pages without such a block are missing (the
opening page of a chapter or paper, which prints no number; a page whose title does not
recur or was lost), and each missing page is placed at the best break of its stretch of
text: a lone page number of the sequence, else a heading after a long blank run. Every
input line lands on exactly one page. Not handled: books that print no recurring running
title at all (no page is found; they are read as one page, or refused if too long).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, pairwise

from layout.model import Book, Diagnostic, Metadata
from layout.readers.djvu_sequence import Chain, confirmed, missing_pages, page_size
from layout.readers.djvu_titles import (
    MAX_BLANKS_BETWEEN,
    MAX_TITLE_CHARS,
    MIN_OCCURRENCES,
    NUMBER_LINE,
    Anchor,
    find_anchors,
    read_number,
)
from layout.readers.text import make_page, split_lines

MIN_LINES = 40
"""Texts shorter than this are one page, whatever recurs in them."""
PAGE_CAPACITY = 1.1
"""A page holds at most this many times the book's median page of text."""
SENTENCE_END = re.compile(r"[.?!:;\"'”’)\]]\s*$")
WORD_BREAK = re.compile(r"[-¬\u00ad\u2010\u2011\u2e17=]\s*$")


def detect(content: str) -> bool:
    """True for a long text without form feeds whose pages open with running titles."""
    if "\f" in content or content.count("\n") < MIN_LINES:
        return False
    return len(_anchors(content)) >= MIN_OCCURRENCES


@lru_cache(maxsize=1)
def _anchors(content: str) -> tuple[Anchor, ...]:
    """The head blocks of the text, remembered so `read` does not repeat `detect`."""
    return tuple(find_anchors(split_lines(content)))


def read(content: str, name: str) -> Book:
    """The pages of a djvu text, recovered from its running-title blocks."""
    lines = split_lines(content)
    volume = list(accumulate((len(line.strip()) for line in lines), initial=0))
    anchors, chain = confirmed(list(_anchors(content)), volume)
    starts = [a.start for a in anchors]
    head_text = not starts or any(line.strip() for line in lines[: starts[0]])
    if head_text:
        starts.insert(0, 0)  # text before the first head block is a page of its own
    else:
        starts[0] = 0  # leading blank lines join the first page
    bounds = starts + [len(lines)]
    size = [volume[b] - volume[a] for a, b in pairwise(bounds)]
    typical = page_size(chain, int(head_text), size)
    numbered_tail = 0
    if chain and chain[-1][0] == len(anchors) - 1:
        numbered_tail = _lone_numbers(lines, bounds[-2], bounds[-1], chain[-1][1] + 1)
    placed: list[int] = []
    missing = missing_pages(chain, int(head_text), size, typical, numbered_tail)
    title_first = _title_first(anchors, chain)
    for k, (count, numbers) in missing.items():
        stretch = (bounds[k], bounds[k + 1])
        placed += _place_breaks(lines, volume, stretch, count, numbers, typical, title_first)
    all_starts = sorted(set(starts) | set(placed))
    at = list(accumulate((len(line) + 1 for line in lines), initial=0))  # line offsets
    pages = tuple(
        make_page(lines[a:b], name, n + 1, offset=at[a])
        for n, (a, b) in enumerate(pairwise([*all_starts, len(lines)]))
    )
    note = Diagnostic(
        f"Internet Archive djvu text without page separators: {len(pages)} pages recovered "
        f"({len(anchors)} from running-title blocks, {len(placed)} without one placed at "
        "headings, as the gaps in the page numbers and the amount of text require)"
    )
    return Book(pages=pages, metadata=Metadata(source=name), diagnostics=(note,))


def _lone_numbers(lines: list[str], a: int, b: int, first: int) -> int:
    """How many lines in lines[a:b], alone between blank lines, read first, first + 1, ...
    in order: the numbers of pages whose running title did not recur."""
    expected = first
    for i in range(a + 1, b - 1):
        if lines[i - 1].strip() or lines[i + 1].strip() or not lines[i].strip():
            continue
        match = NUMBER_LINE.match(lines[i].strip())
        if match and read_number(match.group(1)) == expected:
            expected += 1
    return expected - first


def _title_first(anchors: list[Anchor], chain: Chain) -> dict[int, bool]:
    """For even (0) and odd (1) pages: whether the book's head blocks print the running
    title above the number, by the majority of the blocks whose number is confirmed."""
    votes: dict[int, list[int]] = {0: [0, 0], 1: [0, 0]}
    for k, value in chain:
        anchor = anchors[k]
        start = next(where for number, where in anchor.numbers if number == value)
        votes[value % 2][start == anchor.title] += 1
    return {parity: after > before for parity, (before, after) in votes.items()}


def _block_start(lines: list[str], c: int, title_first: dict[int, bool]) -> int:
    """Where the page whose lone number line is c starts: at the running title above it
    when the book prints titles above the numbers of such pages, else at c."""
    match = NUMBER_LINE.match(lines[c].strip())
    value = read_number(match.group(1)) if match else None
    if value is None or not title_first[value % 2]:
        return c
    p = c - 1
    while p > 0 and c - p <= MAX_BLANKS_BETWEEN + 1 and not lines[p].strip():
        p -= 1
    above = lines[p].strip()
    if p < c - 1 and above and len(above) <= MAX_TITLE_CHARS and not lines[p - 1].strip():
        return p
    return c


def _place_breaks(
    lines: list[str], volume: list[int], stretch: tuple[int, int], count: int,
    numbers: frozenset[int], page_size: float, title_first: dict[int, bool],
) -> list[int]:
    """Where `count` unnumbered pages begin in lines[a:b], placed from the end: each at
    the most heading-like break whose text to the stretch's end fits on one page (the
    earliest of equals), else at the most heading-like one nearest the end.
    `volume[i]` is the number of characters before line i. The breaks that fit lie in
    one page's text before the end, and the others are looked up by score: the work is
    linear in the stretch, however many pages it lacks."""
    a, end = stretch
    breaks = _breaks(lines, a, end)
    scores = [_break_score(lines, c, numbers) for c in breaks]
    before = [volume[c] for c in breaks]  # rising: every break's line holds text
    by_score: dict[int, list[int]] = {}
    for k, score in enumerate(scores):
        by_score.setdefault(score, []).append(k)
    placed: list[int] = []
    for _ in range(count):
        hi = bisect_left(breaks, end)
        lo = bisect_left(before, volume[end] - PAGE_CAPACITY * page_size, 0, hi)
        best: int | None = None
        if lo < hi:
            best = max(range(lo, hi), key=lambda k: (scores[k], -k))
        else:
            for score in sorted(by_score, reverse=True):
                at = bisect_left(by_score[score], hi)
                if at:
                    best = by_score[score][at - 1]
                    break
        if best is None:
            break
        end = _block_start(lines, breaks[best], title_first)
        placed.append(end)
    return placed


def _breaks(lines: list[str], a: int, b: int) -> list[int]:
    """Lines in (a, b) that follow a blank line, after the stretch's own head block."""
    first = a
    while first < b and (not lines[first].strip() or first == a):
        first += 1
    return [c for c in range(first + 1, b) if lines[c].strip() and not lines[c - 1].strip()]


def _break_score(lines: list[str], c: int, numbers: frozenset[int]) -> int:
    """How much a break before line c looks like the start of a chapter's first page, or
    of a page whose lone number line (one of the missing `numbers`) outlived its title."""
    run = 0
    while c - run - 1 >= 0 and not lines[c - run - 1].strip():
        run += 1
    score = min(run, 4)
    before = lines[c - run - 1] if c - run - 1 >= 0 else ""
    if SENTENCE_END.search(before):
        score += 1
    elif WORD_BREAK.search(before):
        score -= 2
    if _heading_like(lines, c):
        score += 2
    number = NUMBER_LINE.match(lines[c].strip())
    if number and read_number(number.group(1)) in numbers:
        score += 3
    return score


def _heading_like(lines: list[str], c: int) -> bool:
    """A short line alone between blank lines, most of its words capitalised."""
    text = lines[c].strip()
    if len(text) > 80 or (c + 1 < len(lines) and lines[c + 1].strip()):
        return False
    if text.endswith((",", "-", "¬")) or not text[0].isupper():
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words)
