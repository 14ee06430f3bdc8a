"""The book face and its fallbacks: font files from PyPI packages, their metrics and tables.

In: a style (regular, italic, bold). Out: the chain of faces that draws it, first the book
face (Source Serif Pro, package `font-source-serif-pro`), then Cardo (`fontpkg-cardo`: Greek,
Hebrew, MUFI, combining marks, symbols such as `‖`) and Noto Serif (`fontpkg-noto-serif`);
each face's `Metrics`: advance widths exactly as ReportLab measures (and embeds) the same
TrueType file, glyph coverage, and, read with fontTools, its kerning pairs (GPOS pair
adjustment of the `kern` feature), its standard ligatures (the presentation forms ﬀ ﬁ ﬂ ﬃ
ﬄ the face maps) and which glyphs it draws superior (`*`, set above the x-height).

All fonts are SIL Open Font Licence 1.1 and come from packages via importlib.resources,
never from the system, so every machine sets the same lines. TrueType (glyf) outlines
only: ReportLab cannot embed CFF. Shaping text with these tables is `shaping`'s business.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ReportLab and fontTools are imported lazily: they cost start-up time
    from reportlab.pdfbase.ttfonts import TTFont

PACKAGE = "font_source_serif_pro"
FILES = {
    "regular": "SourceSerifPro-Regular.ttf",
    "italic": "SourceSerifPro-It.ttf",
    "bold": "SourceSerifPro-Bold.ttf",
}
FALLBACKS: tuple[tuple[str, dict[str, str]], ...] = (
    ("fontpkg_cardo", {
        "regular": "Cardo-Regular.ttf", "italic": "Cardo-Italic.ttf", "bold": "Cardo-Bold.ttf",
    }),
    ("fontpkg_noto_serif", {
        "regular": "NotoSerif[wdth,wght].ttf", "italic": "NotoSerif-Italic[wdth,wght].ttf",
        "bold": "NotoSerif[wdth,wght].ttf",
    }),
)
"""Fallback faces in the order they are tried, per style (a variable font draws its default
instance). A style a package lacks takes its regular."""

LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
"""The standard ligatures and the presentation form a face maps each to, longest first."""
LETTERS_OF = {form: letters for letters, form in LIGATURES.items()}
SUPERIOR = 0.5
"""A glyph whose ink starts above this share of the x-height is drawn superior (`*`)."""


@dataclass(frozen=True)
class Face:
    """One font file and the name it is registered under."""

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


def _packaged(package: str, files: dict[str, str]) -> FaceSet:
    root = importlib.resources.files(package) / "files"
    faces = {}
    for style, filename in files.items():
        path = Path(str(root / filename))
        if not path.is_file():
            raise FileNotFoundError(f"font file {filename} missing from package {package}")
        name = filename.removesuffix(".ttf").replace("[", "-").replace("]", "").replace(",", "-")
        faces[style] = Face(name=name, path=path)
    return FaceSet(**faces)


@cache
def book_faces() -> FaceSet:
    """Source Serif Pro regular, italic and bold, located inside the installed package."""
    return _packaged(PACKAGE, FILES)


@cache
def face_chain(style: str) -> tuple[Face, ...]:
    """The faces that draw `style`, the book face first, then each fallback in turn."""
    return (book_faces().get(style),) + tuple(
        _packaged(package, files).get(style) for package, files in FALLBACKS
    )


class Metrics:
    """Advance widths and glyph coverage of one face, read once from its TrueType file;
    kerning, ligatures and glyph bounds read with fontTools on first use.

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
        self.ascent: float = self.font.face.ascent / 1000  # per point of size
        self.descent: float = self.font.face.descent / 1000  # negative: below the baseline
        self._tables: _Tables | None = None

    def units(self, text: str) -> float:
        """Advance width of the characters in thousandths of an em (cached per string);
        no kerning or ligatures (see `shaping`)."""
        width = self._units.get(text)
        if width is None:
            get = self._advances.get
            default = self._default
            width = float(sum(get(ord(ch), default) for ch in text))
            if len(self._units) < 500_000:
                self._units[text] = width
        return width

    def width(self, text: str, size: float) -> float:
        """Advance width of the text at `size` points (as ReportLab measures it)."""
        return self.units(text) * size * 0.001

    def has_glyph(self, ch: str) -> bool:
        """Whether the face draws this character itself (white space counts as drawn)."""
        return ord(ch) in self._advances or ch in " \n\t"

    @property
    def tables(self) -> _Tables:
        if self._tables is None:
            self._tables = _Tables(self.face.path)
        return self._tables


class _Tables:
    """What fontTools reads from a face: kerning pairs, ligature forms, superior glyphs."""

    def __init__(self, path: Path) -> None:
        from fontTools.ttLib import TTFont

        self._font = TTFont(str(path), lazy=True)
        self._cmap: dict[int, str] = self._font.getBestCmap()
        self._scale = 1000 / self._font["head"].unitsPerEm
        self._pairs: dict[tuple[str, str], float] = {}
        self._lookups = _kern_subtables(self._font)
        self.ligatures = {
            letters: form for letters, form in LIGATURES.items() if ord(form) in self._cmap
        }
        self._superior: dict[str, bool] = {}

    def kern(self, a: str, b: str) -> float:
        """The kerning between two characters, thousandths of an em (negative: closer)."""
        pair = (a, b)
        found = self._pairs.get(pair)
        if found is None:
            left, right = self._cmap.get(ord(a)), self._cmap.get(ord(b))
            found = 0.0
            if left is not None and right is not None:
                found = sum(_pair_value(st, left, right) for st in self._lookups) * self._scale
            self._pairs[pair] = found
        return found

    def superior(self, ch: str) -> bool:
        """Whether the face draws the character above the x-height's middle (`*`, `″`)."""
        found = self._superior.get(ch)
        if found is None:
            from fontTools.pens.boundsPen import BoundsPen

            name = self._cmap.get(ord(ch))
            found = False
            if name is not None:
                glyphs = self._font.getGlyphSet()
                pen = BoundsPen(glyphs)
                glyphs[name].draw(pen)
                x_height = getattr(self._font["OS/2"], "sxHeight", 0) or 450
                found = pen.bounds is not None and pen.bounds[1] > SUPERIOR * x_height
            self._superior[ch] = found
        return found


def _kern_subtables(font: object) -> list[list[object]]:
    """The pair-adjustment subtables of each lookup of the `kern` feature, lookup by lookup."""
    try:
        gpos = font["GPOS"].table  # type: ignore[index]
    except KeyError:
        return []
    if gpos.FeatureList is None or gpos.LookupList is None:
        return []
    wanted = sorted({
        i for rec in gpos.FeatureList.FeatureRecord if rec.FeatureTag == "kern"
        for i in rec.Feature.LookupListIndex
    })
    out: list[list[object]] = []
    for i in wanted:
        lookup = gpos.LookupList.Lookup[i]
        subtables = [
            st.ExtSubTable if lookup.LookupType == 9 else st for st in lookup.SubTable
        ]
        pairs = [st for st in subtables if getattr(st, "LookupType", 2) == 2]
        if pairs:
            out.append(pairs)
    return out


def _pair_value(subtables: list[object], left: str, right: str) -> float:
    """The x-advance adjustment one lookup makes to a glyph pair: the first subtable that
    covers the left glyph (and, in format 1, lists the pair) decides."""
    for st in subtables:
        index = _coverage_index(st, left)
        if index is None:
            continue
        if st.Format == 1:  # type: ignore[attr-defined]
            for rec in st.PairSet[index].PairValueRecord:  # type: ignore[attr-defined]
                if rec.SecondGlyph == right:
                    return float(getattr(rec.Value1, "XAdvance", 0) or 0)
            continue
        c1 = st.ClassDef1.classDefs.get(left, 0)  # type: ignore[attr-defined]
        c2 = st.ClassDef2.classDefs.get(right, 0)  # type: ignore[attr-defined]
        rec2 = st.Class1Record[c1].Class2Record[c2]  # type: ignore[attr-defined]
        return float(getattr(rec2.Value1, "XAdvance", 0) or 0)
    return 0.0


def _coverage_index(st: object, glyph: str) -> int | None:
    """Where the glyph stands in the subtable's coverage (None: not covered); the index is
    built once per subtable."""
    index: dict[str, int] | None = getattr(st, "_layout_index", None)
    if index is None:
        index = {g: k for k, g in enumerate(st.Coverage.glyphs)}  # type: ignore[attr-defined]
        st._layout_index = index  # type: ignore[attr-defined]
    return index.get(glyph)


@cache
def metrics(face: Face) -> Metrics:
    """The metrics of a face, parsed once per process."""
    return Metrics(face)


def describe(chars: set[str] | frozenset[str]) -> str:
    """Characters by code point and name, for a report: "U+2E40 DOUBLE HYPHEN, ..."."""
    return ", ".join(
        f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}" for ch in sorted(chars)
    )
