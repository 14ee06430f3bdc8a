"""hOCR's `@title` properties: a box and a type size, and a line's words read from them.

In: the `title` attribute of an hOCR element ("bbox 10 20 300 60; x_wconf 93") and, for a
line, its words' texts and titles. Out: the `Box` of `bbox`, the type size of `x_fsize`
(points), and the line's words packed (`PackedWords`: `Word`s made only when a pass
reads them). Bad numbers give no box rather than an error.

Not handled: `x_size` (a pixel height, not a type size), `baseline` slopes,
per-character boxes (`x_bboxes`, `cuts`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import partial
from itertools import chain
from typing import cast

from layout.model import Box, PackedWords, box_of

_BBOX = re.compile(r"\bbbox\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)")
_FSIZE = re.compile(r"\bx_fsize\s+([\d.]+)")
_PLAIN_BOX = re.compile(r"bbox ([0-9]+) ([0-9]+) ([0-9]+) ([0-9]+)(?:;|\Z)").match
"""A title that opens with a box of four whole numbers one space apart, as engines write
it: the common case, read in one match."""
_GROUPS = re.Match.groups
_NO_BOX = (0, 0, -1, -1)
"""A word without a box, as `PackedWords` keeps it: an inverted box."""


def bbox(title: str | None) -> Box | None:
    """The box a title gives (`bbox x0 y0 x1 y1`, rounded to whole pixels); None when it
    gives none or an inverted one."""
    if not title:
        return None
    found = _PLAIN_BOX(title)
    if found is not None:
        a, b, c, d = found.groups()
        x0, y0, x1, y1 = int(a), int(b), int(c), int(d)
        return box_of(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None
    if title.startswith("bbox "):  # numbers set apart otherwise, read without a regex
        parts = title[5:].split(";", 1)[0].split(",", 1)[0].split()
        if len(parts) == 4:
            try:
                x0, y0, x1, y1 = map(int, parts)
            except ValueError:
                pass
            else:
                return Box(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None
    m = _BBOX.search(title)
    if m is None:
        return None
    x0, y0, x1, y1 = (round(float(v)) for v in m.groups())
    return Box(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None


def font_size(title: str) -> float | None:
    """The type size a title gives (`x_fsize`, points); None when it gives none."""
    if "x_fsize" not in title:
        return None
    size = _FSIZE.search(title)
    return float(size.group(1)) if size else None


def words(texts: list[str], titles: list[str]) -> PackedWords:
    """A line's words from their texts (white space folded) and their titles, packed
    (see `PackedWords`): their boxes read only when a pass asks for them (`boxes`), a
    word's `Word` made only when a pass reads the word."""
    joined = "\n".join(titles)
    sizes = None
    if "x_fsize" in joined:  # one search for the line: most engines give none
        sizes = [font_size(title) for title in titles]
    if joined.count("\n") != len(titles) - 1:  # a title of many lines: read now
        return PackedWords(texts, boxes(titles), sizes)
    return PackedWords(texts, partial(_unread_boxes, joined), sizes)


def _unread_boxes(joined: str) -> Sequence[int]:
    return boxes(joined.split("\n"))


def boxes(titles: list[str]) -> Sequence[int]:
    """The boxes the titles give, four numbers a title (an inverted box where a title
    gives none): the common titles read in C, one regex match and four numbers each."""
    found = list(map(_PLAIN_BOX, titles))
    if None in found:  # a title set otherwise: each read as `bbox` reads it
        read: list[int] = []
        for title in titles:
            box = bbox(title)
            read += (box.x0, box.y0, box.x1, box.y1) if box is not None else _NO_BOX
    else:
        plain = cast(list[re.Match[str]], found)
        read = list(map(int, chain.from_iterable(map(_GROUPS, plain))))
    try:
        return array("q", read)  # one object, not four a word
    except OverflowError:  # numbers too long for 64 bits: kept as they are
        return tuple(read)
