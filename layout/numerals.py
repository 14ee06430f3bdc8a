"""Printed page numerals: arabic digits as OCR reads them, and roman numerals.

In: one token of OCR text (no white space). Out: its value and how sure the reading is.
Arabic tokens may hold the letters OCR confuses with digits (O/o for 0, l/I/| for 1,
S for 5, B for 8, ...): `3l0` reads 310, but a token without a single true digit
(`lO`) is only a *weak* reading the book's sequence must confirm. Roman numerals are
read in either case and written in lower case (`XII` -> `xii`). A folio an editor
corrected in the text (`317[137]`, the DTA's way) keeps both numbers. Not handled: numerals
split by spaces, old-style `j` endings (`iij`), numbers above 9999.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGIT_LOOKALIKES: dict[str, str] = {
    "O": "0", "o": "0", "D": "0", "Q": "0",
    "l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "]": "1",
    "Z": "2", "z": "2",
    "S": "5", "s": "5", "$": "5",
    "G": "6", "b": "6",
    "T": "7",
    "B": "8",
    "g": "9", "q": "9",
}
"""Letters OCR engines print for digits, with the digit they stand for."""

_ARABIC = re.compile(r"[0-9" + re.escape("".join(DIGIT_LOOKALIKES)) + r"]{1,4}")
_ROMAN = re.compile(r"(?i)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_CORRECTED = re.compile(r"(\d{1,4})\[(\d{1,4})\]")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_TABLE = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


@dataclass(frozen=True, slots=True)
class Numeral:
    """A token read as a page numeral."""

    value: int
    roman: bool
    exact: bool
    """True when the token is plain digits (or a clean roman numeral), no look-alike."""
    weak: bool = False
    """True when the reading rests on look-alike letters only (`lO`): confirm it first."""
    misprint: str | None = None
    """A misprinted folio an editor corrected in the text, `317[137]`: the printed 317."""

    @property
    def text(self) -> str:
        """The normalised form the contract asks for: "286", "xii", "317[137]"."""
        plain = to_roman(self.value) if self.roman else str(self.value)
        return f"{self.misprint}[{plain}]" if self.misprint else plain


def to_roman(value: int) -> str:
    """A positive integer as a lower-case roman numeral."""
    out = []
    for amount, letters in _ROMAN_TABLE:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def read_roman(token: str) -> int | None:
    """The value of a well-formed roman numeral written in one case, else None."""
    if not token or not (token.isupper() or token.islower()):
        return None
    if _ROMAN.fullmatch(token) is None:
        return None
    total = 0
    low = token.lower()
    for k, ch in enumerate(low):
        v = _ROMAN_VALUES[ch]
        if k + 1 < len(low) and _ROMAN_VALUES[low[k + 1]] > v:
            total -= v
        else:
            total += v
    return total


def read_arabic(token: str) -> Numeral | None:
    """Read an arabic page number, mending OCR look-alikes; None if it is no number."""
    if _ARABIC.fullmatch(token) is None:
        return None
    digits = sum(ch.isdigit() for ch in token)
    mended = "".join(ch if ch.isdigit() else DIGIT_LOOKALIKES[ch] for ch in token)
    if mended.startswith("0"):
        return None
    value = int(mended)
    if digits == 0:
        if len(token) < 2:
            return None
        return Numeral(value, roman=False, exact=False, weak=True)
    return Numeral(value, roman=False, exact=digits == len(token))


def readings(token: str) -> list[Numeral]:
    """Every way to read a token as a page numeral (`lv` is roman 55 or, weakly, 15)."""
    out: list[Numeral] = []
    corrected = _CORRECTED.fullmatch(token)
    if corrected is not None:
        printed, value = corrected.groups()
        return [Numeral(int(value), roman=False, exact=True, misprint=printed)]
    value = read_roman(token)
    if value is not None:
        out.append(Numeral(value, roman=True, exact=True))
    arabic = read_arabic(token)
    if arabic is not None and not (out and arabic.weak and len(token) < 3):
        out.append(arabic)
    return out
