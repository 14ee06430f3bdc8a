"""Where a page's folio may stand, and the numerals read there.

In: a Page (blank lines marked) and its index. Out: `Reading`s: numerals at the left and
right edges of the first printed line (`286   THE TILSIT PEACE`, `Vorwort.   VII`), alone
on one of the first two lines (`— 12 —`) or on one of the last two, and digits the OCR
glued to a title's edge word (`SOCIETY.29`). A token that opens an enumeration (`1.`,
`I.`, `2)`) is not read. Whether a reading is the folio is for `page_sequence` to say.
Not handled: folios in the side margins, numbers split over two tokens (`2 86` beside
a title).
"""

from __future__ import annotations

import re

from layout.model import Page
from layout.numerals import Numeral, readings
from layout.passes.furniture import zones
from layout.passes.furniture.page_sequence import Reading

DECORATION = (
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u00b7\u2022"
    ".,:;()[]{}<>_~'\"\u00ab\u00bb\u201e\u201c\u201d"
)
"""Signs printed around a folio ("- 12 -", "[12]") or left by the OCR beside it."""

FOLIO_CHARS = 24
"""The longest token (or line, for a folio alone) a folio is read from: `— 317[137] —`
with room to spare. Longer ones are text, and no pattern runs over them (a pattern
searched inside a 50,000-digit token costs the square of its length)."""

LEFT = re.compile(r"\s*(\S+)\s+(?=\S)")
RIGHT = re.compile(r"(?<=\S)\s+(\S+)\s*$")
_CORRECTED = re.compile(r"\d+\[\d+\]")
_GLUED_LEFT = re.compile(r"^\s*([1-9]\d{0,3})[^\W\d_][^\W\d_]")
_GLUED_RIGHT = re.compile(r"[^\W\d_][.,:;]?([1-9]\d{0,3})\s*$")
_SPACED = re.compile(r"(?:\S )+\S")
_PRELIM_MARK = re.compile(r"\)\s?:?\s?\(")
"""The bracket pair before the leaf number of a preliminary sheet's signature: `)( 2`,
`):( 3` (a folio is bracketed the other way round: `(2)`)."""


def _core(token: str, offset: int) -> tuple[str, int, int]:
    """The token without its decoration, and its span in the line (nothing for a token
    too long to be a folio)."""
    if len(token) > FOLIO_CHARS:
        return "", offset, offset
    corrected = _CORRECTED.search(token)
    if (
        corrected is not None
        and not token[: corrected.start()].strip(DECORATION)
        and not token[corrected.end():].strip(DECORATION)
    ):
        return corrected.group(), offset + corrected.start(), offset + corrected.end()
    core = token.strip(DECORATION + " \t")
    if not core:
        return "", offset, offset
    start = offset + token.index(core)
    return core, start, start + len(core)


def alone(text: str) -> tuple[str, int, int] | None:
    """The numeral of a line that holds nothing else, with its span."""
    stripped = text.strip()
    if not stripped or _PRELIM_MARK.match(stripped):
        return None
    core, start, end = _core(stripped, text.index(stripped))
    if not core:
        return None
    if " " in core:  # a letter-spaced number: "2 8 6"
        if not _SPACED.fullmatch(core) or len(core) > 7:
            return None
        core = core.replace(" ", "")
    return core, start, end


def read_page(page: Page, p: int) -> list[Reading]:
    """Every numeral in the places where the page's folio may stand."""
    out: list[Reading] = []
    top = zones.head(page, 2)
    bottom = [i for i in zones.foot(page, 2) if i not in top]
    head_is_text = bool(top) and sum(map(str.isalnum, page.lines[top[0]].text[:40])) >= 4
    for rank, i in enumerate(top):
        text = page.lines[i].text
        found = alone(text)
        if found is not None:
            core, s, e = found
            out.extend(Reading(p, i, s, e, n, "alone", True, rank) for n in readings(core))
            continue
        if (rank > 0 and head_is_text) or len(top) < 2:
            continue  # a number beside text is a folio on a head line, above the text
        m = LEFT.match(text)
        if m and not m.group(1).endswith((".", ")")):  # "1.", "I.", "2)" enumerate
            core, s, e = _core(m.group(1), m.start(1))
            out.extend(Reading(p, i, s, e, n, "left", True, rank) for n in readings(core))
        m = RIGHT.search(text)
        if m:
            core, s, e = _core(m.group(1), m.start(1))
            out.extend(Reading(p, i, s, e, n, "right", True, rank) for n in readings(core))
        out.extend(_glued(text, p, i, rank))
    for rank, i in enumerate(bottom):
        found = alone(page.lines[i].text)
        if found is not None:
            core, s, e = found
            out.extend(Reading(p, i, s, e, n, "alone", False, rank) for n in readings(core))
    return out


def _glued(text: str, p: int, i: int, rank: int) -> list[Reading]:
    """Digits the OCR glued to the title's first or last word: `SOCIETY.29`, `29.THE`."""
    out: list[Reading] = []
    for pattern, where in ((_GLUED_LEFT, "left"), (_GLUED_RIGHT, "right")):
        m = pattern.search(text)
        if m is not None:
            n = readings(m.group(1))[0]
            numeral = Numeral(n.value, roman=False, exact=False)
            out.append(Reading(p, i, m.start(1), m.end(1), numeral, where, True, rank + 1))
    return out
