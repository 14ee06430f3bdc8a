"""Text as the codes of ReportLab's TrueType subsets: the one place below its documented API.

In: a ReportLab canvas, a registered TrueType font and text. Out: the text as runs of
(PDF font name, string literal of one-byte codes) in the subsets ReportLab embeds for that
document, ready for a TJ array; and the ligatures' codes mapped back to their letters in
each subset's ToUnicode CMap. ReportLab's documented text API (`textOut`, `drawString`)
draws strings only, without kerns between their glyphs; the PDF writer needs TJ arrays and
writes its text objects itself (`Canvas.addLiteral`, documented), so it needs the codes.

What is used beneath the documented API, all here: `Canvas._doc` (the document the
subsets belong to), `TTFont.splitString` and `TTFont.getSubsetInternalName` (the codes and
PDF names of the subsets, as ReportLab's own text objects use them; code 32 is the space
in every subset, so the word spacing `Tw` applies), and `ttfonts.makeToUnicodeCMap`
(wrapped once so that a ligature's code maps to its letters, "ﬁ" -> "fi").
`tests/test_write_pdf_fonts.py` checks each of them and fails when a ReportLab release
changes them; `pyproject.toml` pins ReportLab's major version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from layout.typeset.fonts import LETTERS_OF

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

ESCAPES = {
    c: f"\\{chr(c)}" if chr(c) in "\\()" else chr(c) if 32 <= c < 127 else f"\\{c:03o}"
    for c in range(256)
}
"""A PDF string literal's escapes (octal outside printable ASCII), by code."""


class _Font:
    """What one document's subsets of one font hold: each character's subset, and per
    subset its resource name and a translation table to escaped codes."""

    def __init__(self) -> None:
        self.subset_of: dict[str, int] = {}
        self.names: list[str] = []
        self.tables: list[dict[int, str]] = []
        self.first: set[str] = set()
        """The characters of the first subset: a text made of them is one translation."""


class SubsetCodes:
    """The codes of one document's subsets of its fonts (each character is given its code
    the first time it is drawn, as ReportLab gives it)."""

    def __init__(self, canvas: Canvas) -> None:
        self._doc = canvas._doc
        self._fonts: dict[str, _Font] = {}

    def encode(self, font: TTFont, text: str) -> list[tuple[str, str]]:
        """The text as (font resource name, escaped string literal without its
        parentheses) runs, one per subset met; characters the font lacks are code 0."""
        known = self._fonts.get(font.fontName)
        if known is None:
            known = self._fonts[font.fontName] = _Font()
        if known.names and known.first.issuperset(text):
            return [(known.names[0], text.translate(known.tables[0]))]
        for ch in set(text).difference(known.subset_of):
            self._learn(font, known, ch)
        out: list[tuple[str, str]] = []
        run, subset = "", -1
        for ch in text:
            s = known.subset_of[ch]
            if s != subset and run:
                out.append((known.names[subset], run.translate(known.tables[subset])))
                run = ""
            run, subset = run + ch, s
        if run:
            out.append((known.names[subset], run.translate(known.tables[subset])))
        return out

    def _learn(self, font: TTFont, known: _Font, ch: str) -> None:
        """Give the character its code, as ReportLab assigns it, and note where it went."""
        ((subset, data),) = font.splitString(ch, self._doc)
        while len(known.names) <= subset:
            known.names.append(font.getSubsetInternalName(len(known.names), self._doc))
            known.tables.append({})
        known.subset_of[ch] = subset
        known.tables[subset][ord(ch)] = ESCAPES[data[0]]
        if subset == 0:
            known.first.add(ch)


def map_ligatures_to_letters() -> None:
    """Make ReportLab's ToUnicode CMaps map a ligature's code to its letters ("ﬁ" ->
    "fi"), so that text extraction and search give the letters (installed once)."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "maps_ligatures", False):
        return

    def cmap(fontname: str, subset: list[int]) -> str:
        out: str = original(fontname, subset)
        for code, uni in enumerate(subset):
            letters = LETTERS_OF.get(chr(uni)) if uni else None
            if letters:
                entry = f"<{code:02X}> <{uni:04X}>"
                if entry not in out:
                    raise RuntimeError(
                        "ReportLab's ToUnicode CMap changed form: a ligature would extract "
                        f"as {chr(uni)!r}, not {letters!r}"
                    )
                hexed = letters.encode("utf-16-be").hex().upper()
                out = out.replace(entry, f"<{code:02X}> <{hexed}>")
        return out

    cmap.maps_ligatures = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = cmap
