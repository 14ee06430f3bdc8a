"""Read the page numbers of a djvu text's head blocks as one sequence.

In: the `Anchor`s (head blocks) of a text without page separators, with the number
readings each may print, and how much text follows each page start. Out: which anchors
really open pages, and how many pages without a head block (chapter openings, pages
whose title the OCR lost) hide in each stretch of text, with the numbers they would
print. The sequence is the longest run of readings that rise from page to page; a
reading off that run is an OCR misreading or no page number at all. Not handled: roman
numbering (front matter is split by the amount of its text alone).
"""

from __future__ import annotations

from bisect import bisect_left
from heapq import heapify, heappop, heappush
from itertools import pairwise
from statistics import median

from layout.readers.djvu_titles import Anchor

Chain = list[tuple[int, int]]
"""(anchor index, page number) pairs, in order, numbers rising with the pages."""


def number_chain(anchors: list[Anchor]) -> Chain:
    """The longest run of anchors whose readings rise from page to page. Anchors without
    a reading take no part; a reading off the run is a misreading or not a page number
    (a section number standing alone, say)."""
    tails: list[int] = []  # smallest last number of a rising run of each length
    tail_at: list[tuple[int, int]] = []
    parent: dict[tuple[int, int], tuple[int, int] | None] = {}
    for k, anchor in enumerate(anchors):
        values = sorted({value for value, _ in anchor.numbers}, reverse=True)
        for value in values:  # descending: two readings of one anchor never chain
            pos = bisect_left(tails, value)
            node = (k, value)
            parent[node] = tail_at[pos - 1] if pos else None
            if pos == len(tails):
                tails.append(value)
                tail_at.append(node)
            else:
                tails[pos] = value
                tail_at[pos] = node
    chain: Chain = []
    link = tail_at[-1] if tail_at else None
    while link is not None:
        chain.append(link)
        link = parent[link]
    return chain[::-1]


def confirmed(anchors: list[Anchor], volume: list[int]) -> tuple[list[Anchor], Chain]:
    """The anchors that open pages, and their number chain. Between two numbers of the
    chain there is room for so many pages; anchors off the chain beyond that room are
    headings that repeat the running title, dropped: those without a number first, then
    those with the least text since the anchor before. `volume[i]` counts the characters
    before line i."""
    chain = number_chain(anchors)
    drop: set[int] = set()
    for (a, va), (b, vb) in pairwise(chain):
        surplus = (b - a) - (vb - va)
        if surplus > 0:
            ranked = sorted(
                range(a + 1, b),
                key=lambda k: (
                    bool(anchors[k].numbers),
                    volume[anchors[k].start] - volume[anchors[k - 1].start],
                ),
            )
            drop.update(ranked[:surplus])
    if not drop:
        return anchors, chain
    kept = [k for k in range(len(anchors)) if k not in drop]
    new_index = {k: n for n, k in enumerate(kept)}
    return [anchors[k] for k in kept], [(new_index[k], v) for k, v in chain]


def page_size(chain: Chain, shift: int, size: list[int]) -> float:
    """The book's typical amount of text per page: the text between two numbers of the
    chain shared among the pages their numbers span (not among the anchors, which may
    miss pages); the median stretch when there is no chain."""
    shares = [
        sum(size[a + shift:b + shift]) / (vb - va)
        for (a, va), (b, vb) in pairwise(chain)
    ]
    return max(median(shares or size or [1.0]), 1.0)


def missing_pages(
    chain: Chain, shift: int, size: list[int], page_size: float, numbered_tail: int = 0
) -> dict[int, tuple[int, frozenset[int]]]:
    """How many pages without a head block each stretch between page starts hides, and
    which numbers they may print, by stretch index. Anchor k opens stretch k + shift
    (shift is 1 when text precedes the first anchor); `size` is each stretch's text;
    `numbered_tail` counts the lone numbers after the chain's last that the last
    stretch shows in sequence."""
    count: dict[int, int] = {}
    numbers: dict[int, frozenset[int]] = {}
    for (a, va), (b, vb) in pairwise(chain):
        gap = (vb - va) - (b - a)
        stretch = range(a + shift, b + shift)
        room = round(sum(size[k] for k in stretch) / page_size) + 1 - len(stretch)
        # each missing page to the stretch fullest per page so far (the first of equals),
        # kept in a heap: a long stretch lacking many pages stays n log n
        fullest = [(-size[k] / (count.get(k, 0) + 1), k) for k in stretch]
        heapify(fullest)
        printed: frozenset[int] | None = None
        for _ in range(min(gap, max(room, 0))):
            _, k = heappop(fullest)
            count[k] = count.get(k, 0) + 1
            printed = printed or frozenset(range(va + 1, vb))
            numbers[k] = printed
            heappush(fullest, (-size[k] / (count[k] + 1), k))
    heads_and_tail = ([0] if shift else []) + [len(size) - 1]
    for k in heads_and_tail:  # text outside the number chain: as many pages as it fills
        pages = max(1, round(size[k] / page_size))
        if k == len(size) - 1:
            pages = max(pages, 1 + numbered_tail)
        if k not in count and pages > 1:
            count[k] = pages - 1
            after = chain[-1][1] if chain and k else None
            numbers[k] = frozenset(range(after + 1, after + pages)) if after else frozenset()
    return {k: (count[k], numbers[k]) for k in count}
