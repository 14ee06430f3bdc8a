"""Shaping: text into the glyphs a chain of faces draws, kerned and with its ligatures.

In: a style ("regular", "italic", "bold") and text. Out: `Glyphs` runs, each in one face of
the style's chain (`fonts.face_chain`): the characters to draw (the standard ligatures as
the presentation forms the face maps, so a renderer draws them like any character) and the
kerning after each one, in thousandths of an em, from the face's GPOS pairs. A
`Typeface` measures text exactly as it is drawn, so the line breaker, the PDF and the PNG
agree to the point: `units` is the sum of the drawn advances and the kerning.

Each character cluster (a base and its combining marks, NFC-composed) is drawn by the first
face that has all of it; a cluster no face has is drawn as a typographic equivalent
(SUBSTITUTES, then its NFKD letters) or, failing that, left out: never a stand-in `?`. The
characters so replaced or left out are collected per Typeface for the user's report.

Not handled: contextual substitutions, mark positioning beyond the face's own offsets,
right-to-left text (Hebrew is drawn in logical order), kerning across a face change or a
space.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

from layout.typeset.fonts import Face, Metrics, face_chain, metrics

SUBSTITUTES: dict[str, str] = {
    "\u2e17": "-",  # double oblique hyphen (Fraktur) -> hyphen
    "\u2e40": "-",  # double hyphen
    "\u00ac": "-",  # not sign used as a line-end hyphen by OCR
    "\u2011": "\u2010",  # non-breaking hyphen -> hyphen
    "\u3003": "\u2033",  # ditto mark -> double prime
    "\u23d0": "|",  # vertical line extension -> vertical line
    "\ua75b": "r",  # r rotunda
    "\ua75a": "R",
    "\u017f": "s",  # long s, for faces without it
    "\u03f1": "\u03c1",  # rho symbol -> rho
    "\u03d1": "\u03b8",  # theta symbol -> theta
}
"""Typographic equivalents for a character no face of the chain has."""


class Glyphs(NamedTuple):
    """Characters drawn in one face of the chain, with the kerning after each."""

    face: int
    """Index of the face in the chain (0: the book face)."""
    text: str
    kerns: tuple[float, ...]
    """Adjustment after each character, thousandths of an em (negative: closer)."""


class Shaped(NamedTuple):
    """A word shaped once: its glyph runs, width, and what could not be drawn as itself."""

    runs: tuple[Glyphs, ...]
    units: float
    replaced: frozenset[str]
    missing: frozenset[str]


def clusters(text: str) -> list[str]:
    """The text's character clusters: each base character with the combining marks after it."""
    out: list[str] = []
    for ch in text:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def ligate(text: str, forms: dict[str, str]) -> str:
    """The text with each standard ligature the face has replaced by its form (longest first)."""
    if not forms or "f" not in text:
        return text
    for letters, form in forms.items():  # LIGATURES' order: longest first
        text = text.replace(letters, form)
    return text


class Shaper:
    """Shapes words in one style's chain of faces; shared by every Typeface of the style."""

    def __init__(self, faces: tuple[Face, ...]) -> None:
        self.faces = faces
        self._metrics: list[Metrics | None] = [None] * len(faces)
        self._cluster_face: dict[str, int | None] = {}
        self._words: dict[str, Shaped] = {}

    def metrics(self, i: int) -> Metrics:
        m = self._metrics[i]
        if m is None:
            m = self._metrics[i] = metrics(self.faces[i])
        return m

    def face_for(self, cluster: str) -> int | None:
        """The first face of the chain that draws every character of the cluster."""
        if cluster in self._cluster_face:
            return self._cluster_face[cluster]
        found: int | None = None
        for i in range(len(self.faces)):
            m = self.metrics(i)
            if all(m.has_glyph(ch) for ch in cluster):
                found = i
                break
        self._cluster_face[cluster] = found
        return found

    def _equivalent(self, cluster: str) -> tuple[str, set[str], set[str]]:
        """A drawable stand-in for a cluster no face has: the text, what it replaced, what
        it left out."""
        out, replaced, missing = "", set(), set()
        for ch in cluster:
            if self.face_for(ch) is not None:
                out += ch
                continue
            sub = SUBSTITUTES.get(ch) or unicodedata.normalize("NFKD", ch)
            if sub != ch and all(self.face_for(c) is not None for c in sub):
                out += sub
                replaced.add(ch)
            else:
                missing.add(ch)
        return out, replaced, missing

    def word(self, word: str) -> Shaped:
        """The word (no spaces) shaped: runs per face, width in thousandths of an em."""
        found = self._words.get(word)
        if found is not None:
            return found
        text = word if word.isascii() else unicodedata.normalize("NFC", word)
        groups: list[tuple[int, str]] = []
        replaced: set[str] = set()
        missing: set[str] = set()
        for cluster in clusters(text):
            face = self.face_for(cluster)
            if face is None:
                cluster, rep, miss = self._equivalent(cluster)
                replaced |= rep
                missing |= miss
                if not cluster:
                    continue
                face = self.face_for(cluster)
                if face is None:  # drawable piece by piece, each from its own face
                    for ch in cluster:
                        self._add(groups, self.face_for(ch) or 0, ch)
                    continue
            self._add(groups, face, cluster)
        runs: list[Glyphs] = []
        units = 0.0
        for index, chars in groups:
            m = self.metrics(index)
            tables = m.tables
            drawn = ligate(chars, tables.ligatures)
            kerns = tuple(tables.kern(a, b) for a, b in zip(drawn, drawn[1:], strict=False))
            kerns += (0.0,)
            units += m.units(drawn) + sum(kerns)
            runs.append(Glyphs(index, drawn, kerns))
        shaped = Shaped(tuple(runs), units, frozenset(replaced), frozenset(missing))
        if len(self._words) < 500_000:
            self._words[word] = shaped
        return shaped

    @staticmethod
    def _add(groups: list[tuple[int, str]], face: int, text: str) -> None:
        if groups and groups[-1][0] == face:
            groups[-1] = (face, groups[-1][1] + text)
        else:
            groups.append((face, text))


@cache
def shaper(style: str) -> Shaper:
    """The shaper of a style, built once per process."""
    return Shaper(face_chain(style))


class Typeface:
    """One style of the book face with its fallbacks, as the typesetter measures and the
    renderers draw it; collects the characters it had to replace or leave out."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.shaper = shaper(style)
        self.faces = self.shaper.faces
        main = self.shaper.metrics(0)
        self.ascent, self.descent = main.ascent, main.descent
        self._space = main.units(" ")
        self._units: dict[str, float] = {}
        self.replaced: set[str] = set()
        """Characters drawn as a typographic equivalent."""
        self.missing: set[str] = set()
        """Characters no face has and no equivalent stands for: left out, and reported."""

    def _word(self, word: str) -> Shaped:
        shaped = self.shaper.word(word)
        if shaped.replaced or shaped.missing:
            self.replaced |= shaped.replaced
            self.missing |= shaped.missing
        return shaped

    def units(self, text: str) -> float:
        """Width of the text as drawn (kerned, ligatures formed), thousandths of an em."""
        width = self._units.get(text)
        if width is None:
            words = text.split(" ")
            width = sum(self._word(w).units for w in words if w)
            width += (len(words) - 1) * self._space
            if len(self._units) < 500_000:
                self._units[text] = width
        return width

    def width(self, text: str, size: float) -> float:
        """Width of the text set at `size` points, in points."""
        return self.units(text) * size * 0.001

    def ink(self, text: str, size: float) -> float:
        """Width of the text without its spaces (what a run's glyphs take; spaces vary)."""
        return (self.units(text) - text.count(" ") * self._space) * size * 0.001

    def has_glyph(self, ch: str) -> bool:
        """Whether some face of the chain draws the character."""
        return self.shaper.face_for(ch) is not None

    def superior(self, text: str) -> bool:
        """Whether every character is drawn superior by its face (`*`): such a mark is set
        at text size on the baseline, any other raised and smaller like a figure."""
        if not text:
            return False
        for ch in text:
            face = self.shaper.face_for(ch)
            if face is None or not self.shaper.metrics(face).tables.superior(ch):
                return False
        return True

    def shape(self, text: str) -> tuple[Glyphs, ...]:
        """The text's glyph runs as drawn; spaces are drawn in the book face, unkerned."""
        out: list[Glyphs] = []
        face, chars = -1, ""  # the run being gathered
        kerns: list[float] = []
        for k, word in enumerate(text.split(" ")):
            pieces = self._word(word).runs if word else ()
            if k:
                pieces = (Glyphs(0, " ", (0.0,)), *pieces)
            for g in pieces:
                if g.face != face:
                    if chars:
                        out.append(Glyphs(face, chars, tuple(kerns)))
                    face, chars, kerns = g.face, "", []
                chars += g.text
                kerns.extend(g.kerns)
        if chars:
            out.append(Glyphs(face, chars, tuple(kerns)))
        return tuple(out)


def kerned_pairs(text: str, style: str) -> int:
    """How many letter pairs of the text its faces kern (for the benchmark's count)."""
    return sum(
        1 for word in text.split(" ") if word
        for g in shaper(style).word(word).runs for k in g.kerns if k
    )
