"""Setting words into lines: Knuth–Plass breaking, then runs of text placed on the measure.

In: words (from `content`: text with footnote marks lifted out), a measure, a face and
size. Out: `SetText` lines: runs with x offsets from the line's start (a mark is a raised,
smaller run of its own), the width of the inter-word space, the notes marked on the line,
whether the line ends inside a word, the horizontal scale of its glyphs. Justified lines
fill the measure exactly (the spaces are recomputed from the drawn widths, marks at their
real size, glyphs at the line's scale); last lines are ragged.

Lines are broken by `linebreak.break_paragraph`; text is measured as `shaping` draws it
(kerned, with its ligatures, characters the book face lacks from a fallback face), and what
no face has is collected for the report (`Setter.replaced`, `Setter.missing`). Not handled:
letter-spacing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from layout.model import Hyphen
from layout.patterns import Hyphenator
from layout.typeset.content import NoteKey, Word
from layout.typeset.linebreak import DEFAULT_SETTINGS, break_paragraph
from layout.typeset.orthography import BookHyphenator
from layout.typeset.pages import FaceName, Kind, Placed, Run, Style
from layout.typeset.shaping import Typeface
from layout.typeset.ties import ties


@dataclass(frozen=True, slots=True)
class SetText:
    """A set line before it is placed on a page: runs at x offsets from the line's start."""

    runs: tuple[Run, ...]
    width: float
    space: float
    size: float
    hyphenated: bool = False
    joined: bool = False
    notes: tuple[NoteKey, ...] = ()
    """The notes whose marks stand on this line."""
    first_word: int = 0
    last_word: int = 0
    """The indexes (in the block) of the first and last word with a piece on this line."""
    justified: bool = False
    """Set to the full measure (its spaces stretched or shrunk)."""
    scale: float = 1.0
    """Horizontal scale of the line's glyphs (glyph expansion), not of its spaces."""
    measure: float = 0.0
    """The measure the line was set to."""
    opens: bool = False
    """The first line of what was set (a paragraph, heading or note, or the part of one
    on this page): how it begins is the source's, not a break the typesetter chose."""

    def placed(self, kind: Kind, x: float, y: float) -> Placed:
        runs = tuple(
            Run(x + r.x, r.text, r.face, r.size, r.rise, r.mark, r.note) for r in self.runs
        )
        return Placed(
            kind, x, y, runs, self.width, self.space, self.size, self.hyphenated, self.joined,
            self.scale, self.opens,
        )


LOOSE_TOLERANCE = 10_000.0
"""The breaker's tolerance for a block the page break cuts, when the usual one leaves no
justified ending (badness 10 000: spaces up to about 3.2 times their stretch)."""
FIXED_GAP = "\u00a0"
"""In a word's segments: a space of fixed width (after a note's label)."""

Segment = tuple[str, bool, NoteKey | None]
"""A piece of a word's drawn text: (text, is a mark, the note marked)."""


@dataclass
class Setter:
    """Breaks words into set lines with one face set, hyphenator and style."""

    style: Style
    language: str | None = None
    breaks: dict[str, set[int]] = field(default_factory=dict)
    """The words the book broke at its line ends, and where (`orthography.book_breaks`)."""
    faces: dict[FaceName, Typeface] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hyphenator: Hyphenator = BookHyphenator(self.language or "en", self.breaks)
        st = self.style
        self.settings = replace(
            DEFAULT_SETTINGS, expansion=st.expansion, stretch=st.space_stretch,
            shrink=st.space_shrink, hyphen_penalty=st.hyphen_penalty,
        )
        self.loose = replace(self.settings, tolerance=LOOSE_TOLERANCE)

    def metrics(self, face: FaceName) -> Typeface:
        """The typeface of a style (its chain of faces), as this book is measured with it."""
        found = self.faces.get(face)
        if found is None:
            found = self.faces[face] = Typeface(face)
        return found

    @property
    def replaced(self) -> set[str]:
        """Characters drawn as a typographic equivalent, or left out (no face has them)."""
        return set().union(*(t.replaced | t.missing for t in self.faces.values()))

    @property
    def missing(self) -> set[str]:
        """Characters no face has and no equivalent stands for."""
        return set().union(*(t.missing for t in self.faces.values()))

    def segments(self, word: Word, face: FaceName) -> list[Segment]:
        """The word as drawn: text pieces and marks in order."""
        if not word.marks:
            return [(word.text, False, None)]
        out: list[Segment] = []
        pos = 0
        for mark in sorted(word.marks, key=lambda m: m.offset):
            if mark.offset > pos:
                out.append((word.text[pos : mark.offset], False, None))
                pos = mark.offset
            out.append((mark.label, True, mark.note))
        if pos < len(word.text):
            out.append((word.text[pos:], False, None))
        return out

    def set(
        self,
        words: Sequence[Word],
        measure: float,
        *,
        face: FaceName = "regular",
        size: float | None = None,
        indent: float = 0.0,
        flush: bool = True,
        align: Literal["justify", "center", "left"] = "justify",
        label: str | None = None,
        note: NoteKey | None = None,
    ) -> list[SetText]:
        """Break the words into lines of `measure`; `label` is set raised before the first word
        (the label of note `note`).

        `flush` False justifies the last line too (a block the page break cuts).
        """
        size = size or self.style.size
        segs = [self.segments(w, face) for w in words]
        if label and segs:
            segs[0] = [(label, True, note), (FIXED_GAP, False, None)] + segs[0]
        keep = [i for i, s in enumerate(segs) if any(t for t, _, _ in s)]
        strings = ["".join(t for t, _, _ in segs[i]) for i in keep]
        if not strings:
            return []
        m = self.metrics(face)
        hyphenator = self.hyphenator if align == "justify" else None
        settings = self.settings
        tied = ties(strings, self.language)
        lines = break_paragraph(
            strings, measure, m, size, hyphenator,
            first_indent=indent, last_line_flush=flush, settings=settings, tied=tied,
        )
        if not flush and lines and lines[-1].final:
            # No justified ending within the tolerance: a ragged line in mid-paragraph
            # would read as the paragraph's end, so some looser lines are the lesser evil.
            settings = self.loose
            lines = break_paragraph(
                strings, measure, m, size, hyphenator,
                first_indent=indent, last_line_flush=False, settings=settings, tied=tied,
            )
        out: list[SetText] = []
        wi, cursor = 0, 0
        natural_space = m.width(" ", size)
        mark_size = size * self.style.mark_scale
        rise = size * self.style.mark_rise
        for line in lines:
            chunks: list[Segment] = []
            notes: list[NoteKey] = []
            first = wi
            plain = True  # no marks, labels or gaps: the breaker's widths hold as they are
            for j, piece in enumerate(line.words):
                added = j == len(line.words) - 1 and line.hyphenated and not line.explicit_hyphen
                base = piece[:-1] if added else piece
                if j:
                    chunks.append((" ", False, None))
                word = segs[keep[wi]]
                if len(word) == 1 and not word[0][1]:
                    chunks.append((base, False, None))
                else:
                    plain = False
                    for chunk in _slice(word, cursor, len(base)):
                        chunks.append(chunk)
                        if chunk[2] is not None and chunk[1] and chunk[2] != note:
                            notes.append(chunk[2])
                cursor += len(base)
                if added:
                    chunks.append(("-", False, None))
                if cursor >= len(strings[wi]):
                    wi, cursor = wi + 1, 0
            last = wi - 1 if cursor == 0 else wi
            if plain:
                text = " ".join(line.words)
                runs: list[tuple[str, bool, float, float, NoteKey | None, float]]
                runs = [(text, False, size, 0.0, None, 0.0)]
                natural, gaps = m.ink(text, size), len(line.words) - 1
            else:
                runs, natural, gaps = _runs(chunks, m, face, size, mark_size, rise)
            lead = line.indent
            scale = line.scale
            fixed = sum(run[5] for run in runs)
            natural = (natural - fixed) * scale + fixed  # glyphs as drawn, gaps as they are
            room = measure - lead - natural
            justified = bool(gaps) and align == "justify" and not line.final
            if justified:
                space = room / gaps
            elif gaps:
                space = min(natural_space, room / gaps) if room > 0 else natural_space
            else:
                space = natural_space
            width = natural + gaps * space
            start = lead + ((measure - width) / 2 if align == "center" else 0.0)
            placed: list[Run] = []
            x = start
            for k, (text, is_mark, rsize, rrise, key, gap) in enumerate(runs):
                x += gap
                placed.append(Run(x, text, face, rsize, rrise, is_mark, key))
                if k + 1 < len(runs):
                    x += m.ink(text, rsize) * scale + text.count(" ") * space
            hyphenated, joined = line.hyphenated and not line.explicit_hyphen, line.hyphenated
            if line is lines[-1] and words and words[-1].cut is not None:
                hyphenated, joined = words[-1].cut is Hyphen.JOIN, True
            out.append(
                SetText(
                    tuple(placed), width + lead, space, size,
                    hyphenated=hyphenated, joined=joined,
                    notes=tuple(notes),
                    first_word=keep[min(first, len(keep) - 1)],
                    last_word=keep[min(last, len(keep) - 1)],
                    justified=justified,
                    scale=scale,
                    measure=measure,
                    opens=line is lines[0],
                )
            )
        return out

    def relabel(self, line: SetText, labels: dict[NoteKey, str]) -> SetText:
        """The line with the marks and note labels of `labels`' notes renumbered.

        A justified line keeps its width (its spaces take up the difference); another keeps
        its start and spacing, unless a wider label would push it past the measure.
        """
        if not any(r.mark and r.note in labels for r in line.runs):
            return line
        runs = [
            Run(r.x, labels[r.note], r.face, r.size, r.rise, r.mark, r.note)
            if r.mark and r.note in labels else r
            for r in line.runs
        ]
        gaps_before: list[float] = []
        end = line.runs[0].x
        for r in line.runs:
            gaps_before.append(r.x - end)
            end = r.x + self.metrics(r.face).ink(r.text, r.size) * line.scale
            end += r.text.count(" ") * line.space
        ink = [
            (
                self.metrics(r.face).ink(r.text, r.size) * line.scale,
                r.text.count(" "),
            )
            for r in runs
        ]
        natural = sum(w for w, _ in ink) + sum(gaps_before)
        gaps = sum(g for _, g in ink)
        start = runs[0].x
        space = line.space
        if line.justified and gaps:
            space = (line.width - start - natural) / gaps
        elif gaps and start + natural + gaps * space > line.measure:
            space = (line.measure - start - natural) / gaps
        x = start
        out: list[Run] = []
        for r, (w, g), before in zip(runs, ink, gaps_before, strict=True):
            x += before
            out.append(Run(x, r.text, r.face, r.size, r.rise, r.mark, r.note))
            x += w + g * space
        return replace(line, runs=tuple(out), space=space, width=x)


def _slice(segs: list[Segment], start: int, length: int) -> list[Segment]:
    """The segments covering characters [start, start + length) of the word's drawn text."""
    out: list[Segment] = []
    pos = 0
    end = start + length
    for text, is_mark, note in segs:
        s, e = pos, pos + len(text)
        pos = e
        if e <= start or s >= end:
            continue
        part = text[max(start, s) - s : min(end, e) - s]
        # a mark is counted on the line where its first character stands
        out.append((part, is_mark, note if s >= start else None))
    return out


def _runs(
    chunks: list[Segment], m: Typeface, face: FaceName, size: float, mark_size: float,
    rise: float,
) -> tuple[list[tuple[str, bool, float, float, NoteKey | None, float]], float, int]:
    """Merge a line's chunks into runs (text, mark?, size, rise, note, white space before);
    the natural width of the ink and fixed gaps, and the number of spaces.

    Text chunks merge; each mark stays a run of its own (it may be renumbered): raised and
    smaller, figures, letters and symbols alike (‖ ¶ from a fallback face too), unless its
    face draws it superior (`*`): then at text size on the baseline; a fixed
    gap (after a note's label) is white space before the next run, drawn by position
    (a no-break space would share the space's code in the PDF and stretch with it)."""
    runs: list[tuple[str, bool, float, float, NoteKey | None, float]] = []
    natural = 0.0
    gaps = 0
    gap = 0.0
    for text, is_mark, note in chunks:
        if text == FIXED_GAP:
            gap += m.width(" ", size)
            natural += m.width(" ", size)
            continue
        rsize, rrise = size, 0.0
        if is_mark and not m.superior(text):
            rsize, rrise = mark_size, rise  # a superior figure or letter
        if text == " ":
            gaps += 1
        if runs and not is_mark and not runs[-1][1] and not gap:
            t, mk, s_, r, k, g = runs[-1]
            runs[-1] = (t + text, mk, s_, r, k, g)
        else:
            runs.append((text, is_mark, rsize, rrise, note if is_mark else None, gap))
            gap = 0.0
    # the ink measured run by run, as drawn: a kern between a word and its hyphen counts
    natural += sum(m.ink(run[0], run[2]) for run in runs)
    return runs, natural, gaps

