"""A paragraph as Knuth and Plass's item list: boxes joined by glue or penalties.

In: the words of a paragraph, a face's metrics and size, a hyphenator, the indent and the
inter-word glue (natural width, stretch, shrink; optionally the glyph expansion each box
allows). Out: an `ItemList`, flattened for the breaker: box i (a word or a piece of one)
is followed by joint i, the legal break after it, with prefix sums of natural width,
stretch and shrink so that any line's totals are two subtractions. Every joint is a legal
break; the last one ends the paragraph. Not handled: breaks inside a box other than
hyphenation points and explicit hyphens (no URL or slash breaking).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from layout.patterns import Hyphenator
from layout.typeset.shaping import Typeface

GLUE, HYPHEN, EXPLICIT, END, DASH_GLUE, TIE = 0, 1, 2, 3, 4, 5
"""Kinds of joint after a box: inter-word glue, hyphenation point (a penalty with the width
of the added hyphen), explicit hyphen (a penalty of no width), paragraph end, glue after a
word that ends in a hyphen ("Staats- und"): a break there leaves a hyphen at the line's
end, so the breaker counts it like a hyphenated line; and a tie, glue where no line may
break (`§ 12`, see `ties`)."""
SPACES = frozenset({GLUE, DASH_GLUE, TIE})
HYPHEN_SIGNS = ("-", "\u2010")
DASHES = frozenset("-\u2010\u2013\u2014")
EXPLICIT_BREAK = re.compile(r"(?<=\w[-\u2010\u2013\u2014])(?=\w)")
"""After a hyphen or dash that stands between two word characters: "well-|known"."""
HYPHEN_TEXT = "-"


@dataclass(slots=True)
class ItemList:
    """The flattened item list; index i is box i and the joint after it."""

    texts: list[str] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    """Index of the word each box belongs to."""
    kind: list[int] = field(default_factory=list)
    start_w: list[float] = field(default_factory=list)
    """Natural width of everything before box i (a line starting there subtracts it)."""
    start_y: list[float] = field(default_factory=list)
    start_z: list[float] = field(default_factory=list)
    end_w: list[float] = field(default_factory=list)
    """Natural width through box i, plus the added hyphen when joint i is a hyphenation point."""
    end_y: list[float] = field(default_factory=list)
    """Stretch through box i (its glue excluded: a line broken there drops it)."""
    end_z: list[float] = field(default_factory=list)
    end_hyphen: bool = False
    """The paragraph's last piece ends in a hyphen sign (a word the page break cuts,
    "con-", or one that goes on after it, "Unfall-" + "und"): its last line counts in a
    run of hyphenated lines."""


@lru_cache(maxsize=1 << 17)
def pieces(
    word: str, hyphenator: Hyphenator | None, metrics: Typeface
) -> tuple[tuple[str, int, float], ...]:
    """The word cut at its explicit hyphens and hyphenation points: (piece, joint after it,
    width in thousandths of an em). A piece's width is the growth of the part's prefix, so
    the pieces add up to the part as drawn whole (a kern or ligature across a hyphenation
    point counts once)."""
    parts = EXPLICIT_BREAK.split(word) if DASHES.intersection(word) else [word]
    units = metrics.units
    out: list[tuple[str, int, float]] = []
    for k, part in enumerate(parts):
        if k < len(parts) - 1:
            last_kind = EXPLICIT
        else:
            last_kind = DASH_GLUE if part.endswith(HYPHEN_SIGNS) else GLUE
        points = hyphenator.points(part) if hyphenator is not None else []
        prev, before = 0, 0.0
        for p in points:  # widths as differences of prefixes: kerning and ligatures hold
            upto = units(part[:p])
            out.append((part[prev:p], HYPHEN, upto - before))
            prev, before = p, upto
        out.append((part[prev:], last_kind, units(part) - before))
    return tuple(out)


def build(
    words: Sequence[str],
    metrics: Typeface,
    size: float,
    hyphenator: Hyphenator | None,
    indent: float,
    glue: tuple[float, float, float],
    expansion: float = 0.0,
    tied: Sequence[bool] = (),
) -> ItemList:
    """The item list of the words; `glue` is the space's (width, stretch, shrink) in points,
    `expansion` the share of its width each box may widen or narrow by, `tied[i]` whether
    the space after word i is a tie."""
    scale = size * 0.001
    hyphen_w = metrics.units(HYPHEN_TEXT) * scale
    space, stretch, shrink = glue
    items = ItemList()
    texts, owners, kind = items.texts, items.owners, items.kind
    start_w, start_y, start_z = items.start_w, items.start_y, items.start_z
    end_w, end_y, end_z = items.end_w, items.end_y, items.end_z
    w, y, z = indent, 0.0, 0.0  # the indent is part of the first box
    for wi, word in enumerate(words):
        for text, joint, units in pieces(word, hyphenator, metrics):
            if joint == GLUE and wi < len(tied) and tied[wi]:
                joint = TIE
            texts.append(text)
            owners.append(wi)
            kind.append(joint)
            start_w.append(w)
            start_y.append(y)
            start_z.append(z)
            width = units * scale
            w += width
            if expansion:
                y += expansion * width
                z += expansion * width
            end_y.append(y)
            end_z.append(z)
            if joint == HYPHEN:
                end_w.append(w + hyphen_w)
            else:
                end_w.append(w)
                if joint != EXPLICIT:
                    w += space
                    y += stretch
                    z += shrink
    kind[-1] = END
    start_w[0] = 0.0
    items.end_hyphen = texts[-1].endswith(HYPHEN_SIGNS)
    return items
