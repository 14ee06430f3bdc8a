"""The grammar of footnote labels: what a printed note label looks like at a line start.

In: the text of one line. Out: a `Label` (the marker as printed without brackets, its
kind, its rank in a numbering, where it ends) or None. Also the order of labels: which
label may follow which within a page. Not handled here: whether a label-shaped line
really starts a note (that needs the page and the book, see `areas`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

SYMBOL_ORDER: tuple[str, ...] = ("*", "†", "‡", "§", "‖", "¶")
"""The classic order of reference marks; a page past the last one doubles them."""

DIGITS = "digits"  # 1 | 1) | (1) | [1] | 1.
SUPER = "super"  # ¹²
SYMBOL = "symbol"  # * † ‡ § ‖ ¶, also doubled
LETTER = "letter"  # a) | (a)
OCR = "ocr"  # " ” ° ' standing for a superscript digit

NUMBERED = (DIGITS, SUPER, LETTER)
"""The kinds that count: each label has a rank, the next note's label the next rank."""

_LABEL = re.compile(
    r"""
    (?P<lead>\s*)
    (?:
        \((?P<pdig>\d{1,3})\)                                 # (1)
      | \[(?P<bdig>\d{1,3})\]                                 # [1]
      | (?P<dig>\d{1,3})(?P<dsuf>\)|\.(?=\s)|["”'°*](?=\s)|(?=\s)|(?=[„“"]))
      | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\)?
      | (?P<sym>\*{1,3}|†{1,3}|‡{1,2}|‖|\|\||¶)\)?
      | \((?P<plet>(?P<plet1>[a-z])(?P=plet1)?)\)                # (a) (aa)
      | (?P<let>[a-z])\)                                      # a)
      | (?P<ocr>["”°'’•])(?=\s?[A-ZÄÖÜ])
    )
    (?P<gap>\s*)
    """,
    re.VERBOSE,
)

_SECTION = re.compile(r"\s*§+\s*\.?\s*\d")
"""`§ 12.` / `§§. 3`: a section reference or heading, not the § reference mark."""


@dataclass(frozen=True, slots=True)
class Label:
    """A note label found at the start of a line."""

    marker: str
    """The label as printed, without brackets or parentheses ("1", "*", "a", '7"')."""
    kind: str
    """One of DIGITS, SUPER, SYMBOL, LETTER, OCR."""
    style: str
    """The typographic form, finer than `kind` ("1)", "(1)", "1", "1.", "¹", "*", ...)."""
    value: int | None
    """Rank in its numbering (1 for "1", "a", "*"; 2 for "**" or "†"); None if unknown."""
    end: int
    """Offset in the line where the label and the white space after it end."""


def symbol_rank(mark: str) -> int | None:
    """1-based rank of a reference symbol: * 1, † 2, ... and ** after the single ones."""
    mark = "‖" if mark == "||" else mark
    if not mark or any(c != mark[0] for c in mark):
        return None
    if mark[0] not in SYMBOL_ORDER:
        return None
    return SYMBOL_ORDER.index(mark[0]) + 1 + (len(mark) - 1) * len(SYMBOL_ORDER)


def letter_rank(mark: str) -> int:
    """1-based rank of a letter label: a 1 ... z 26, then the doubled letters aa 27 ..."""
    return ord(mark[0]) - ord("a") + 1 + 26 * (len(mark) - 1)


def successors(label: Label) -> tuple[int, ...]:
    """The ranks the label of the next note may have: one more; for letters also one
    further after `i`, since many printers skip `j` (i, k, l)."""
    if label.value is None:
        return ()
    if label.kind == LETTER and label.marker == "i":
        return (label.value + 1, label.value + 2)
    return (label.value + 1,)


_OPENING = re.compile(f"\\s*(?:[0-9(\\[*†‡‖|¶\"”°'’•{SUPERSCRIPTS}]|[a-z]\\))")
"""A quick test for what a label may begin with."""


FIRST_SIGNS = frozenset("0123456789([*†‡‖|¶\"”°'’•" + SUPERSCRIPTS)
"""The signs a label may begin with (besides a letter followed by `)`)."""


def may_open(stripped: str) -> bool:
    """A quick test on a line without its surrounding white space: may a label start it?"""
    return stripped[:1] in FIRST_SIGNS or stripped[1:2] == ")"


def parse(text: str) -> Label | None:
    """The note label the line starts with, or None when it starts with none."""
    if _OPENING.match(text) is None:
        return None
    m = _LABEL.match(text)
    if m is None:
        return None
    end = m.end()
    if end >= len(text.rstrip()):
        return None  # a label and nothing after it is no note (signatures, page numbers)
    g = m.group
    if g("pdig"):
        return Label(g("pdig"), DIGITS, "(1)", int(g("pdig")), end)
    if g("bdig"):
        return Label(g("bdig"), DIGITS, "[1]", int(g("bdig")), end)
    if g("dig"):
        if g("dig").startswith("0"):
            return None
        suffix = g("dsuf")
        if suffix in ('"', "”", "'", "°", "*"):
            return Label(g("dig") + suffix, DIGITS, "1", int(g("dig")), end)
        if not suffix and not g("gap") and not text[m.end("dig") :].startswith(("„", "“", '"')):
            return None
        style = {")": "1)", ".": "1."}.get(suffix, "1")
        return Label(g("dig"), DIGITS, style, int(g("dig")), end)
    if g("sup"):
        digits = g("sup").translate(SUPER_TO_DIGIT)
        return Label(digits, SUPER, "¹", int(digits), end)
    if g("sym"):
        if _SECTION.match(text):
            return None
        mark = g("sym")
        return Label(mark, SYMBOL, mark[0] if mark != "||" else "‖", symbol_rank(mark), end)
    if g("plet"):
        return Label(g("plet"), LETTER, "(a)", letter_rank(g("plet")), end)
    if g("let"):
        if not g("gap"):
            return None
        return Label(g("let"), LETTER, "a)", letter_rank(g("let")), end)
    if g("ocr"):
        return Label(g("ocr"), OCR, "ocr", None, end)
    return None


def follows(prev: Label, nxt: Label, repeats: bool = False) -> bool:
    """Whether `nxt` may be the label of the note printed right after the note `prev`.

    Numbers count up by one (or restart at 1 in books that number by chapter, which the
    caller decides); symbols run * † ‡ ... ; OCR renderings of superscripts carry no
    rank and may follow anything. `repeats` allows the same label again, as in books
    whose OCR reads every superscript digit as `*`.
    """
    if nxt.kind == OCR or prev.kind == OCR:
        return True
    if prev.value is None or nxt.value is None:
        return False
    if repeats and nxt.marker == prev.marker:
        return True
    if prev.kind == SYMBOL or nxt.kind == SYMBOL:
        if prev.kind == SYMBOL and nxt.kind == SYMBOL:
            return nxt.value == prev.value + 1 or (
                nxt.marker[0] == prev.marker[0] and len(nxt.marker) == len(prev.marker) + 1
            )
        return repeats  # a digit among stars: an OCR'd superscript number
    if (prev.kind == LETTER) != (nxt.kind == LETTER):
        return False
    return nxt.value in successors(prev)
