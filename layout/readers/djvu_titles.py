"""Find the blocks of running title and page number that open the pages of a text without
page separators (an Internet Archive `_djvu.txt`).

In: the lines of the whole text. Out: `Anchor`s, one per page whose head block was found:
where the page starts, the title line, and the page numbers the block may print (the
number line before or after the title, or a number at either end of the title line).
How: a running title is a short line standing alone between blank lines that recurs,
letters compared fuzzily, on many pages with a number line beside it. Books whose pages
print a number but no running title are not handled here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from rapidfuzz import process
from rapidfuzz.distance import Indel

MAX_TITLE_CHARS = 80
"""A running title is one short line; longer lines are running text."""
MIN_KEY_LETTERS = 4
MIN_OCCURRENCES = 3
"""A title must recur on at least this many pages to count as furniture."""
MIN_NUMBERED_SHARE = 0.5
"""Share of a title's occurrences that must stand beside a page number."""
SIMILARITY = 0.8
"""Letters-only similarity at which an OCR variant joins a title ("FLORIDAv STATE")."""
MAX_SEEDS = 500
"""The most recurring titles an OCR variant is compared with (the most frequent first):
more than a book has chapters, and a bound on the work each variant costs."""
MAX_SPACING = 3.5
"""A title recurs at most this many times further apart than the most frequent one: a
line with a number every 8 or 16 pages is a signature, not a running title."""
MAX_BLANKS_BETWEEN = 4
"""How many blank lines may separate a title from its page number."""

OCR_DIGITS = str.maketrans("OoIl|SB", "0011158")
"""Letters OCR reads for digits: O/0, l/I/1, S/5, B/8."""
NUMBER_LINE = re.compile(r"^[\W_]{0,3}([0-9OoIl|SB]{1,5})[\W_]{0,3}$")
LEADING_NUMBER = re.compile(r"^([0-9OoIl|SB]{1,5})[\s.,:;*'\"]+(?=\S)")
TRAILING_NUMBER = re.compile(r"(?<=\S)[\s.,:;*'\"]+([0-9OoIl|SB]{1,5})$")
NOT_LETTER = re.compile(r"[\W\d_]+")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A page's head block: the page starts at `start`; `numbers` are readings of the
    printed number, each with the line where the page starts if that reading is taken."""

    start: int
    title: int
    numbers: tuple[tuple[int, int], ...]


def read_number(token: str) -> int | None:
    """An arabic page number from an OCR token, or None; at least one true digit needed."""
    if not any(ch.isdigit() for ch in token):
        return None
    digits = token.translate(OCR_DIGITS)
    return int(digits) if digits.isdigit() else None


def title_key(text: str) -> tuple[str, int | None]:
    """A title line's letters (upper case, number at either end removed) and that number."""
    stripped = text.strip()
    number = None
    for pattern in (LEADING_NUMBER, TRAILING_NUMBER):
        match = pattern.search(stripped)
        if match and (value := read_number(match.group(1))) is not None:
            number = value
            stripped = stripped[: match.start()] + stripped[match.end():]
            break
    return NOT_LETTER.sub("", stripped).upper(), number


def find_anchors(lines: list[str]) -> list[Anchor]:
    """Every page head block of the text, in line order."""
    blank = [not line.strip() for line in lines]
    n = len(lines)
    keys: dict[int, str] = {}
    edge_numbers: dict[int, int] = {}
    for i, line in enumerate(lines):
        if blank[i] or len(line.strip()) > MAX_TITLE_CHARS:
            continue
        if (i > 0 and not blank[i - 1]) or (i + 1 < n and not blank[i + 1]):
            continue  # not alone between blank lines
        key, number = title_key(line)
        if len(key) >= MIN_KEY_LETTERS:
            keys[i] = key
            if number is not None:
                edge_numbers[i] = number
    neighbours = {i: _neighbour_numbers(lines, blank, i) for i in keys}
    numbered = {i for i in keys if i in edge_numbers or neighbours[i]}
    titles = _title_lines(keys, numbered)
    anchors: list[Anchor] = []
    for i in sorted(titles):
        readings = [(edge_numbers[i], i)] if i in edge_numbers else []
        readings += neighbours[i]
        start = min([i] + [where for _, where in readings])
        if anchors and all(
            blank[j] or NUMBER_LINE.match(lines[j].strip())
            for j in range(anchors[-1].title + 1, start)
        ):
            continue  # a second title in the same head block
        anchors.append(Anchor(start=start, title=i, numbers=tuple(readings)))
    return anchors


def _neighbour_numbers(lines: list[str], blank: list[bool], i: int) -> list[tuple[int, int]]:
    """Page numbers on the nearest lines before and after line i (blank lines between),
    each with the line the page would start at if the number belongs to this block."""
    found: list[tuple[int, int]] = []
    for step in (-1, 1):
        j = i + step
        gap = 0
        while 0 <= j < len(lines) and blank[j] and gap <= MAX_BLANKS_BETWEEN:
            j += step
            gap += 1
        if not (0 <= j < len(lines)) or blank[j] or gap > MAX_BLANKS_BETWEEN:
            continue
        match = NUMBER_LINE.match(lines[j].strip())
        if match and (value := read_number(match.group(1))) is not None:
            found.append((value, min(i, j)))
    return found


def _title_lines(keys: dict[int, str], numbered: set[int]) -> set[int]:
    """The lines of every recurring title that stands beside page numbers."""
    by_key: defaultdict[str, list[int]] = defaultdict(list)
    for i, key in keys.items():
        by_key[key].append(i)
    counts = Counter({key: len(where) for key, where in by_key.items()})
    seeds = [key for key, count in counts.most_common() if count >= 2]
    clusters: dict[str, list[int]] = {key: list(by_key[key]) for key in seeds}
    # OCR variants join a title only where a page number vouches for them; only vouched
    # titles grow, so the list of those they may join is made once
    vouched = [s for s in seeds if _numbered_share(clusters[s], numbered)][:MAX_SEEDS]
    for key, where in by_key.items():
        if key in clusters or not any(i in numbered for i in where):
            continue
        best = _most_similar(key, vouched)
        if best is not None:
            clusters[best].extend(where)
    titles = [
        sorted(where) for where in clusters.values()
        if len(where) >= MIN_OCCURRENCES and _numbered_share(where, numbered) >= MIN_NUMBERED_SHARE
    ]
    if not titles:
        return set()
    spacing = [median(b - a for a, b in pairwise(where)) for where in titles]
    page = min(spacing)  # the most frequent title recurs every page or every other one
    return {
        i
        for where, gap in zip(titles, spacing, strict=True)
        if gap <= MAX_SPACING * page
        for i in where
    }


def _numbered_share(where: list[int], numbered: set[int]) -> float:
    return sum(1 for i in where if i in numbered) / len(where)


def _most_similar(key: str, seeds: list[str]) -> str | None:
    """The seed title most like `key`, if alike enough to be the same title misread
    (rapidfuzz's Indel similarity: linear in the titles' lengths for short titles)."""
    found = process.extractOne(
        key, seeds, scorer=Indel.normalized_similarity, score_cutoff=SIMILARITY
    )
    return None if found is None else found[0]
