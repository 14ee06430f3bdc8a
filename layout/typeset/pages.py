"""The typesetter's result: one page model that the PDF and PNG renderers both draw.

In: set lines (from `setting`) placed by a composition (`facsimile` or `reflow`, run by
`compose`). Out: a `TypesetBook` of `TypesetPage`s of `Placed` items (a line of body,
heading or note text as runs of one face and size, a folio, a running head, a margin
reference, a rule), in points from the page's bottom-left corner with y on the baseline;
`parse_page_size` reads a page size. Footnote marks are runs of their own (raised,
smaller, flagged `mark`, with the note they stand for), so the reading text of a line is
its other runs. This module imports no other part of the typesetter but `content`: the
others import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from layout.typeset.content import NoteKey

FaceName = Literal["regular", "italic", "bold"]
Kind = Literal["body", "head", "note", "folio", "running-head", "rule", "margin"]
TEXT_KINDS: frozenset[str] = frozenset({"body", "head"})
"""Kinds of item that hold the reading text."""


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one face and size, starting at `x`; its spaces are `Placed.space` wide."""

    x: float
    text: str
    face: FaceName = "regular"
    size: float = 10.0
    rise: float = 0.0
    mark: bool = False
    """A footnote mark (or a note's label): not part of the reading text."""
    note: NoteKey | None = None
    """The note a mark or a note's label stands for."""


@dataclass(frozen=True, slots=True)
class Placed:
    """One thing drawn on a page: a line of text (its runs) or a rule.

    `x`, `y` is the start of the baseline (a rule's left end); `width` the line's set
    width (a rule's length); `space` the width of each inter-word space in the runs.
    """

    kind: Kind
    x: float
    y: float
    runs: tuple[Run, ...] = ()
    width: float = 0.0
    space: float = 0.0
    size: float = 10.0
    hyphenated: bool = False
    """The line ends in a hyphen that goes on reading: one the typesetter added, or a
    printer's hyphen in a word the source page break cuts."""
    joined: bool = False
    """The line's last word goes on on the next line (at `hyphenated`, or at a hyphen
    of the word's own: "Bundes-" + "Angelegenheiten")."""
    scale: float = 1.0
    """Horizontal scale of the glyphs (glyph expansion, within a few per cent); the
    spaces are `space` wide whatever it is. A run's glyphs span their advances times it."""
    opens: bool = False
    """The line begins its block (a paragraph, heading or note, or the part of one on
    this page): its start is the source's, not a line break the typesetter made."""

    @property
    def text(self) -> str:
        """The line's text without marks, as a reader reads it."""
        return "".join(r.text for r in self.runs if not r.mark)


@dataclass(frozen=True, slots=True)
class TypesetPage:
    """One output page: its size, its page label and what is drawn on it."""

    width: float
    height: float
    label: str | None
    items: tuple[Placed, ...]
    block: tuple[float, float, float, float]
    """The text block (x0, y0, x1, y1): nothing is drawn outside it but margin references."""
    sources: tuple[int, ...] = ()
    """Indexes of the source pages whose text stands on this page."""


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """A heading for the PDF outline: its text, output page index and baseline."""

    title: str
    page: int
    y: float
    level: int = 0


@dataclass(frozen=True, slots=True)
class TypesetBook:
    """The whole typeset book."""

    pages: tuple[TypesetPage, ...]
    title: str | None = None
    author: str | None = None
    outline: tuple[OutlineEntry, ...] = ()
    mode: str = "facsimile"
    replaced: frozenset[str] = frozenset()
    """Characters no face has, drawn as a typographic equivalent or left out (`shaping`)."""
    language: str | None = None
    missing: frozenset[str] = frozenset()
    """Of `replaced`, those no equivalent stands for: left out of the drawing."""


@dataclass(frozen=True, slots=True)
class Style:
    """Sizes and proportions of the page, in points."""

    size: float = 10.0
    leading: float = 13.0
    note_size: float = 8.0
    note_leading: float = 10.0
    running_size: float = 9.0
    margin_size: float = 7.0
    mark_scale: float = 0.62
    mark_rise: float = 0.36
    """Raise of a mark above the baseline, as a share of the text size."""
    indent: float = 1.0
    """Paragraph indent in ems."""
    expansion: float = 0.035
    """Glyph expansion allowed to even out justified lines (0.035: glyphs 96.5-103.5 %
    wide), so that the spaces vary less and fewer lines need a hyphen."""
    space_stretch: float = 0.3
    """How far an inter-word space may open, as a share of its width, before the line
    counts as loose (TeX's plain font: 1/2; the glyphs take their share first)."""
    space_shrink: float = 0.4
    """How far it may close (TeX: 1/3)."""
    hyphen_penalty: float = 150.0
    """The breaker's penalty for a hyphenated line (TeX: 50): about one line in six or
    fewer ends in a hyphen on a German page of a book's measure."""
    top: float = 54.0
    bottom: float = 66.0
    inner: float = 54.0
    outer: float = 66.0
    rule: float = 0.4
    """Thickness of the rule above the notes."""


PAGE_SIZES: dict[str, tuple[float, float]] = {
    "book": (396.0, 612.0),  # 5.5 x 8.5 in
    "a4": (595.28, 841.89),
    "a5": (419.53, 595.28),
    "b5": (498.9, 708.66),
    "letter": (612.0, 792.0),
    "crown-octavo": (360.0, 540.0),  # 5 x 7.5 in
}
"""Named page sizes for `--page-size`, in points."""
UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54}
SIZE = re.compile(r"^\s*([\d.]+)\s*[x×]\s*([\d.]+)\s*(pt|in|mm|cm)?\s*$", re.IGNORECASE)


def parse_page_size(text: str) -> tuple[float, float]:
    """A page size from a name ("a5", "book") or "WxH" with a unit ("5.5x8.5in", "148x210mm")."""
    named = PAGE_SIZES.get(text.strip().lower())
    if named:
        return named
    found = SIZE.match(text)
    if not found:
        names = ", ".join(sorted(PAGE_SIZES))
        raise ValueError(
            f"page size {text!r}: give WxH with a unit (5.5x8.5in, 148x210mm) or one of {names}"
        )
    unit = UNITS[(found.group(3) or "pt").lower()]
    width, height = float(found.group(1)) * unit, float(found.group(2)) * unit
    if not (72 <= width <= 2000 and 72 <= height <= 2000):
        raise ValueError(f"page size {text!r}: between 1 in and 27 in a side")
    return width, height
