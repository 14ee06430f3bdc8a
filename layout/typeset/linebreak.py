"""Knuth–Plass total-fit line breaking: a paragraph's words into justified lines of one measure.

In: the words of a paragraph as printed (line-end hyphens already resolved by the engine),
the measure, a face's metrics and size, and a hyphenator. Out: `SetLine`s, each with its
words (a broken word as its fragment plus "-"), its adjustment ratio and the width of its
inter-word spaces. The breaker chooses all breaks of the paragraph at once so that the sum
of the lines' demerits is least (Knuth & Plass, "Breaking Paragraphs into Lines", 1981):

- the paragraph is a sequence of boxes (word pieces) joined by glue (the inter-word
  space, which stretches and shrinks) or by penalties (a hyphenation point, with the width
  of the added hyphen, or an explicit hyphen, with none); it ends in infinitely stretchable
  glue and a forced break when the last line is set ragged;
- a line's adjustment ratio r is the gap to the measure over the line's stretch (or
  shrink); its badness is 100·|r|³; r < -1 is overfull and never chosen;
- a break's demerits are (line_penalty + badness)² + penalty², plus extra demerits for two
  hyphenated lines in a row, for a hyphen on the last-but-one line, and for adjacent lines
  whose fitness classes (tight, decent, loose, very loose) are more than one apart;
- pass 1 tries without hyphenation under `pretolerance`, pass 2 with hyphenation under
  `tolerance`, pass 3 under `loose_tolerance`; the last resort accepts any loose line and,
  only when a single piece is wider than the measure, an overfull one. Never more than
  `max_hyphen_run` lines in a row end in a hyphen (added, explicit, or the end of a word
  like "Staats-" in "Staats- und", or a last word that ends in one, cut by the page
  break); no line breaks at a tie (`ties`); a paragraph's last
  line never holds only the rest of a broken word (unless nothing else fits at all).

The item list itself is built by `items`. Optional glyph expansion (`Settings.expansion`,
off by default) adds each box's share to the line's stretch and shrink, so a line may set
its glyphs a little wider or narrower instead of opening its spaces.

Not handled: lines of different lengths (apart from the first-line indent), looseness
other than 0, and where the paragraph falls on pages (the composer's business).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from layout.patterns import Hyphenator
from layout.typeset.items import (
    DASH_GLUE,
    END,
    EXPLICIT,
    GLUE,
    HYPHEN,
    HYPHEN_TEXT,
    SPACES,
    TIE,
    ItemList,
    build,
)
from layout.typeset.shaping import Typeface

TIGHT, DECENT, LOOSE, VERY_LOOSE = 0, 1, 2, 3
BROKEN = (HYPHEN, EXPLICIT)
"""Joints that break inside a word."""
HUGE = 1e9


@dataclass(frozen=True, slots=True)
class Settings:
    """The breaker's parameters; where TeX has the same one, the default is plain TeX's."""

    stretch: float = 1 / 2
    """Stretch of the inter-word space, as a share of its natural width."""
    shrink: float = 1 / 3
    line_penalty: float = 10.0
    hyphen_penalty: float = 50.0
    explicit_hyphen_penalty: float = 50.0
    double_hyphen_demerits: float = 10000.0
    final_hyphen_demerits: float = 5000.0
    adjacent_demerits: float = 10000.0
    pretolerance: float = 100.0
    """Badness limit of the first pass, without hyphenation; negative skips that pass."""
    tolerance: float = 200.0
    loose_tolerance: float = 2700.0
    """Badness limit of the third pass (spaces up to 2.5 times natural at the defaults),
    tried before the last resort that accepts any line; the two agree whenever this one
    succeeds, and it is much cheaper."""
    max_hyphen_run: int = 2
    expansion: float = 0.0
    """Glyph expansion (Zapf's hz, pdfTeX's font expansion): each line's glyphs may be
    scaled horizontally by up to this share (0.02 = 2 %) to even out the spacing. Off by
    default: a renderer must draw `SetLine.scale` before it is switched on."""


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class SetLine:
    """One line of a broken paragraph, ready to draw."""

    words: tuple[str, ...]
    """The pieces on the line; a broken word appears as its fragment with a trailing "-"."""
    hyphenated: bool
    """The line ends inside a word (at a hyphenation point or an explicit hyphen)."""
    ratio: float
    """Adjustment ratio: 0 natural spacing, > 0 stretched, < 0 shrunk."""
    space: float
    """Width of each inter-word space, in points."""
    natural: float
    """Width of the words (with an added hyphen, without the indent), in points."""
    final: bool
    """The paragraph's last line, set ragged (a justified last line has final False)."""
    indent: float = 0.0
    """White space before the first word (the paragraph indent on its first line)."""
    explicit_hyphen: bool = False
    """The line ends after a hyphen that belongs to the word ("well-" + "known")."""
    scale: float = 1.0
    """Horizontal scale of the line's glyphs (glyph expansion); 1 unless
    `Settings.expansion` is set. The words are `natural * scale` wide."""


# An active node: (start width, start stretch, start shrink, total demerits, fitness,
# hyphen run, break joint, previous node, ratio of the line ending here).
_Node: TypeAlias = tuple[float, float, float, float, int, int, int, "_Node | None", float]


def _search(
    par: ItemList,
    measure: float,
    settings: Settings,
    limit: float,
    flush: bool,
    final_pass: bool,
) -> _Node | None:
    """The least-demerits chain of breaks, or None when this pass finds no feasible one."""
    kind, start_w, start_y, start_z = par.kind, par.start_w, par.start_y, par.start_z
    end_w, end_y, end_z = par.end_w, par.end_y, par.end_z
    n = len(kind)
    lp = settings.line_penalty
    adjacent = settings.adjacent_demerits
    double = settings.double_hyphen_demerits
    max_run = settings.max_hyphen_run
    penalties = {
        GLUE: 0.0,
        DASH_GLUE: 0.0,
        TIE: 0.0,
        HYPHEN: settings.hyphen_penalty**2,
        EXPLICIT: settings.explicit_hyphen_penalty**2,
        END: 0.0,
    }
    active: list[_Node] = [(0.0, 0.0, 0.0, 0.0, DECENT, 0, -1, None, 0.0)]
    last_space = max((b for b in range(n - 1) if kind[b] in SPACES), default=-1)
    for b in range(n):
        k = kind[b]
        if k == TIE:
            continue  # no line breaks at a tie
        penalty = penalties[k]
        is_end = k == END
        flagged = k in (HYPHEN, EXPLICIT, DASH_GLUE) or (is_end and par.end_hyphen)
        ragged = is_end and flush
        eb, yb, zb = end_w[b], end_y[b], end_z[b]
        best: dict[tuple[int, int], tuple[float, _Node, float]] = {}
        kept: list[_Node] = []
        closest: _Node | None = None
        closest_r, closest_over = -HUGE, HUGE
        for node in active:
            width = eb - node[0]
            if width < measure:
                if ragged:
                    r = 0.0
                else:
                    y = yb - node[1]
                    r = (measure - width) / y if y > 0 else HUGE
            elif width > measure:
                z = zb - node[2]
                r = (measure - width) / z if z > 0 else -HUGE
                if r < -1.0:  # overfull: this node can start no line from here on
                    if width - measure < closest_over:
                        closest, closest_r, closest_over = node, r, width - measure
                    continue
            else:
                r = 0.0
            if not is_end:
                kept.append(node)
            if r > limit:
                continue
            if is_end and node[6] > last_space and kind[node[6]] in BROKEN and not final_pass:
                continue  # the last line would hold only the rest of a broken word
            run = node[5] + 1 if flagged else 0
            if run > max_run:
                continue
            if r >= 0.0:
                d = lp + 100.0 * r * r * r
                fit = DECENT if r <= 0.5 else LOOSE if r <= 1.0 else VERY_LOOSE
            else:
                d = lp - 100.0 * r * r * r
                fit = TIGHT if r < -0.5 else DECENT
            d = d * d + penalty
            if node[5]:
                if flagged:
                    d += double
                elif is_end:
                    d += settings.final_hyphen_demerits
            if fit - node[4] > 1 or node[4] - fit > 1:
                d += adjacent
            total = node[3] + d
            key = (fit, run)
            held = best.get(key)
            if held is None or total < held[0]:
                best[key] = (total, node, r)
        nxt = b + 1
        after = (
            (start_w[nxt], start_y[nxt], start_z[nxt]) if nxt < n else (0.0, 0.0, 0.0)
        )
        if best:
            least = min(v[0] for v in best.values()) + adjacent
            for (fit, run), (total, prev, r) in best.items():
                if total <= least:
                    kept.append((*after, total, fit, run, b, prev, r))
        elif not kept and final_pass and closest is not None:
            # Nothing fits: a piece wider than the measure. Set it overfull, alone.
            kept.append((*after, closest[3] + HUGE, TIGHT, 0, b, closest, closest_r))
        if is_end:
            ends = [node for node in kept if node[6] == b]
            return min(ends, key=lambda node: node[3]) if ends else None
        if not kept:
            return None
        active = kept
    return None


def _lines(
    par: ItemList,
    last: _Node,
    measure: float,
    space: float,
    settings: Settings,
    indent: float,
    flush: bool,
) -> list[SetLine]:
    """The chosen breaks as lines: their pieces, spacing and glyph scale."""
    chain: list[_Node] = []
    node: _Node | None = last
    while node is not None and node[6] >= 0:
        chain.append(node)
        node = node[7]
    chain.reverse()
    out: list[SetLine] = []
    first = 0
    e = settings.expansion
    for node in chain:
        b, r = node[6], node[8]
        pieces: list[str] = []
        owner = -1
        for i in range(first, b + 1):
            if par.owners[i] == owner:
                pieces[-1] += par.texts[i]
            else:
                pieces.append(par.texts[i])
                owner = par.owners[i]
        k = par.kind[b]
        if k == HYPHEN:
            pieces[-1] += HYPHEN_TEXT
        lead = indent if first == 0 else 0.0
        glues = sum(1 for i in range(first, b) if par.kind[i] in SPACES)
        natural = par.end_w[b] - par.start_w[first] - lead - glues * space
        final = k == END and flush
        if (final and r > 0) or not glues:
            r = 0.0  # a ragged last line, or a single word: nothing to adjust
        r = max(r, -1.0)  # an overfull line is set as tight as it goes
        scale = 1.0 + min(r, 1.0) * e
        if r <= -1.0 or final or r == 0.0:
            word_space = space * (1.0 + r * settings.shrink) if r < 0 else space
        else:  # justified: the spaces take what the glyphs do not
            slack = measure - lead - natural * scale - glues * space
            word_space = space + slack / glues
        out.append(
            SetLine(
                words=tuple(pieces),
                hyphenated=k in (HYPHEN, EXPLICIT),
                ratio=r,
                space=word_space,
                natural=natural,
                final=final,
                indent=lead,
                explicit_hyphen=k == EXPLICIT,
                scale=scale,
            )
        )
        first = b + 1
    return out


def break_paragraph(
    words: Sequence[str],
    measure: float,
    metrics: Typeface,
    size: float,
    hyphenator: Hyphenator | None,
    first_indent: float = 0.0,
    last_line_flush: bool = True,
    settings: Settings = DEFAULT_SETTINGS,
    tied: Sequence[bool] = (),
) -> list[SetLine]:
    """Break the paragraph's words into lines of `measure` points, least total demerits.

    With `last_line_flush` False the last line is justified too (a paragraph cut at a
    page break); when no justified ending fits the tolerance it is set ragged instead.
    `tied[i]` makes the space after word i a tie (no break there).
    """
    if any(not w for w in words):
        tied = [t for w, t in zip(words, tied, strict=False) if w]
    words = [w for w in words if w]
    if not words:
        return []
    space = metrics.units(" ") * size * 0.001

    def limit(badness: float) -> float:
        root: float = (badness / 100.0) ** (1 / 3)
        return root

    # (hyphenator, largest adjustment ratio, last resort?) in the order they are tried
    passes: list[tuple[Hyphenator | None, float, bool]] = []
    if settings.pretolerance >= 0:
        passes.append((None, limit(settings.pretolerance), False))
    passes.append((hyphenator, limit(settings.tolerance), False))
    strict = len(passes)
    passes.append((hyphenator, limit(settings.loose_tolerance), False))
    passes.append((hyphenator, HUGE, True))
    # a justified last line is tried within the tolerance only, then the last line is ragged
    attempts = (
        [(True, passes)]
        if last_line_flush
        else [(False, passes[:strict]), (True, passes)]
    )
    glue = (space, space * settings.stretch, space * settings.shrink)
    built: dict[int, ItemList] = {}
    for flush, tries in attempts:
        for hyph, most, final_pass in tries:
            key = id(hyph)
            par = built.get(key)
            if par is None:
                par = built[key] = build(
                    words, metrics, size, hyph, first_indent, glue, settings.expansion, tied
                )
            found = _search(par, measure, settings, most, flush, final_pass)
            if found is not None:
                return _lines(par, found, measure, space, settings, first_indent, flush)
    raise AssertionError("the final pass always finds a breaking")  # pragma: no cover
