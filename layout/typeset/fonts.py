"""The book face: Source Serif Pro (static TrueType, from the PyPI package), its metrics and gaps.

In: a face (regular, italic, bold) and text. Out: advance widths in points, exactly as
ReportLab measures (and embeds) the same TrueType file, which glyphs the face lacks, and
a drawable stand-in for each missing character with a report of what was replaced.

The font files come from the `font-source-serif-pro` package via importlib.resources,
never from the system, so every machine sets the same lines. TrueType (glyf) outlines
only: ReportLab cannot embed CFF. Widths are plain advances; kerning and ligatures are
not applied (the renderers draw plain advances too, and text stays extractable).
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ReportLab is imported lazily: it costs start-up time
    from reportlab.pdfbase.ttfonts import TTFont

PACKAGE = "font_source_serif_pro"
FILES = {
    "regular": "SourceSerifPro-Regular.ttf",
    "italic": "SourceSerifPro-It.ttf",
    "bold": "SourceSerifPro-Bold.ttf",
}

SUBSTITUTES: dict[str, str] = {
    "\u2e17": "-",  # double oblique hyphen (Fraktur) -> hyphen
    "\u2e40": "-",  # double hyphen
    "\u00ac": "-",  # not sign used as a line-end hyphen by OCR
    "\u2011": "\u2010",  # non-breaking hyphen -> hyphen
    "\u3003": "\u2033",  # ditto mark -> double prime
    "\ua75b": "r",  # r rotunda
    "\ua75a": "R",
    "\u017f": "s",  # long s, for faces without it
    "\u03f1": "\u03c1",  # rho symbol -> rho
    "\u03d1": "\u03b8",  # theta symbol -> theta
    "\ufffd": "?",
}
"""Typographic equivalents tried first for a character the face lacks."""

COMBINING_E = "\u0364"  # the historical superscript e over a vowel: an umlaut
DIAERESIS = "\u0308"
LAST_RESORT = "?"


@dataclass(frozen=True)
class Face:
    """One font file of the book face and the name it is registered under."""

    name: str
    path: Path


@dataclass(frozen=True)
class FaceSet:
    """The three styles the typesetter uses."""

    regular: Face
    italic: Face
    bold: Face

    def get(self, style: str) -> Face:
        """The face for "regular", "italic" or "bold"."""
        return {"regular": self.regular, "italic": self.italic, "bold": self.bold}[
            style
        ]


@cache
def book_faces() -> FaceSet:
    """Source Serif Pro regular, italic and bold, located inside the installed package."""
    root = importlib.resources.files(PACKAGE) / "files"
    faces = {}
    for style, filename in FILES.items():
        path = Path(str(root / filename))
        if not path.is_file():
            raise FileNotFoundError(
                f"font file {filename} missing from package {PACKAGE}"
            )
        faces[style] = Face(name=filename.removesuffix(".ttf"), path=path)
    return FaceSet(**faces)


class Metrics:
    """Advance widths and glyph coverage of one face, read once from its TrueType file.

    `font` is the parsed ReportLab TTFont, so a renderer can register the very object
    the lines were measured with.
    """

    def __init__(self, face: Face) -> None:
        from reportlab.pdfbase.ttfonts import TTFont

        self.face = face
        self.font: TTFont = TTFont(face.name, str(face.path))
        self._advances: dict[int, int | float] = self.font.face.charWidths
        self._default: float = self.font.face.defaultWidth
        self._units: dict[str, float] = {}
        ascent = self.font.face.ascent
        descent = self.font.face.descent
        self.ascent: float = ascent / 1000  # per point of size
        self.descent: float = descent / 1000  # negative: below the baseline

    def units(self, text: str) -> float:
        """Width of the text in thousandths of an em (cached per string)."""
        width = self._units.get(text)
        if width is None:
            get = self._advances.get
            default = self._default
            width = float(sum(get(ord(ch), default) for ch in text))
            if len(self._units) < 500_000:
                self._units[text] = width
        return width

    def width(self, text: str, size: float) -> float:
        """Width of the text set at `size` points, in points (as ReportLab measures it)."""
        return self.units(text) * size * 0.001

    def has_glyph(self, ch: str) -> bool:
        """Whether the face draws this character itself (white space counts as drawn)."""
        return ord(ch) in self._advances or ch in " \n\t"


@cache
def metrics(face: Face) -> Metrics:
    """The metrics of a face, parsed once per process."""
    return Metrics(face)


def missing_glyphs(text: str, face: Face) -> set[str]:
    """The characters of the text the face has no glyph for."""
    m = metrics(face)
    return {ch for ch in set(text) if not m.has_glyph(ch)}


def _fallback(ch: str, m: Metrics) -> str:
    """A drawable stand-in for a character the face lacks: an equivalent, its base, or '?'."""
    sub = SUBSTITUTES.get(ch)
    if sub is not None and all(m.has_glyph(c) for c in sub):
        return sub
    if unicodedata.combining(ch):
        return ""  # a mark the face cannot place: the base letter stands alone
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed != ch:
        kept = "".join(c for c in decomposed if m.has_glyph(c))
        composed = unicodedata.normalize("NFC", kept)
        has_base = any(not unicodedata.combining(c) for c in composed)
        if has_base and all(m.has_glyph(c) for c in composed):
            return composed
    return LAST_RESORT


def drawable(text: str, face: Face) -> tuple[str, set[str]]:
    """The text with every character the face lacks replaced, and the set replaced.

    A vowel with a combining small e above (old German "uͤ") becomes the umlaut "ü";
    other gaps go through SUBSTITUTES, then the NFKD base letters, then "?". Renderers
    draw (and measure) the returned text and report the replaced characters to the user.
    """
    m = metrics(face)
    if all(m.has_glyph(ch) for ch in text):
        return text, set()
    replaced: set[str] = set()
    if COMBINING_E in text and not m.has_glyph(COMBINING_E):
        replaced.add(COMBINING_E)
        text = unicodedata.normalize("NFC", text.replace(COMBINING_E, DIAERESIS))
    out: list[str] = []
    for ch in text:
        if m.has_glyph(ch):
            out.append(ch)
            continue
        replaced.add(ch)
        out.append(_fallback(ch, m))
    return "".join(out), replaced
