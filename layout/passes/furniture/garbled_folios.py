"""Folios the OCR garbled, mended from the book's sequence.

In: a page without a confirmed folio, what the sequence expects there, the book's anchors
and the side its folios stand on. Out: a `Reading` with the expected number at the token
where the folio stands, or None. Two cases: on a head line, a token at the folio's side
that is junk set apart by a wide gap (`%`, `I'^`) or without which the line reads as the
title of the neighbouring pages of its parity (`L'S FLORIDA STATE ...` for 28); alone on
a head line, a short token with a digit in the expected number's place (`4?` for 47),
where the neighbours print their folios alone too. Not handled: a folio lost entirely.
"""

from __future__ import annotations

import re

from layout.model import Book
from layout.numerals import Numeral
from layout.passes.furniture import likeness, zones
from layout.passes.furniture.folio_readings import LEFT, RIGHT, alone
from layout.passes.furniture.likeness import letters
from layout.passes.furniture.page_sequence import Expectation, Reading

MENDABLE_CHARS = 4
"""The longest garbled token taken for a folio the OCR misread."""
GAP = 3
"""Spaces that part a folio from the title on a head line set with wide gaps."""
_WORDLIKE = re.compile(r"[^\W\d_]{3}")


def _side_of_neighbours(p: int, found: list[Reading | None]) -> str | None:
    """Where the nearest pages of the same parity print their folio, for short books."""
    for q in (p - 2, p + 2):
        a = found[q] if 0 <= q < len(found) else None
        if a is not None and a.top and a.where in ("left", "right"):
            return a.where
    return None


def _visible(text: str) -> str:
    """The printed signs of a text, spaces left out, case folded."""
    return "".join(text.casefold().split())


def _garbled(token: str, expected: str) -> bool:
    """True for a token that is no word and may be the expected folio misread: no run of
    three letters, and any digits it has in the expected number's places."""
    if _WORDLIKE.search(token):
        return False
    if not any(ch.isdigit() for ch in token):
        return True
    return len(token) == len(expected) and any(a == b for a, b in zip(token, expected, strict=True))


def _set_apart(text: str, s: int, e: int, where: str) -> bool:
    """True when a wide gap parts the token at s:e from the rest of its line."""
    gap = text[e: e + GAP] if where == "left" else text[max(0, s - GAP): s]
    return len(gap) == GAP and not gap.strip()


def beside_title(
    book: Book, p: int, exp: Expectation, found: list[Reading | None], side: dict[int, str]
) -> Reading | None:
    """A garbled token where the folio stands on a head line like its neighbours': junk
    set apart from the title, or a token without which the line reads as their title."""
    page = book.pages[p]
    top = zones.head(page, 1)
    if not top or not exp.near:
        return None
    i = top[0]
    text = page.lines[i].text
    for roman, value in exp.options:
        where = side.get(value % 2) or _side_of_neighbours(p, found)
        if where is None:
            continue
        m = (LEFT.match if where == "left" else RIGHT.search)(text)
        if m is None or len(m.group(1)) > MENDABLE_CHARS:
            continue
        s, e = m.start(1), m.end(1)
        rest = text[:s] + text[e:]
        if not letters(rest):
            continue
        enumeration = where == "left" and m.group(1).endswith((".", ")"))  # "II." opens
        junk = (
            not enumeration
            and _set_apart(text, s, e, where)
            and _garbled(m.group(1), str(value))
        )
        if junk or _reads_as_neighbours_title(book, p, found, where, rest, text):
            numeral = Numeral(value, roman=roman, exact=False)
            return Reading(p, i, s, e, numeral, where, True, 0)
    return None


def _reads_as_neighbours_title(
    book: Book, p: int, found: list[Reading | None], where: str, rest: str, text: str
) -> bool:
    """True when the line without its edge token is the title of a page of the same
    parity nearby, and closer to it than the whole line is."""
    tried = 0
    for q in (p - 2, p + 2, p - 4, p + 4, p - 6, p + 6, p - 8, p + 8):
        a = found[q] if 0 <= q < len(found) else None
        if a is None or not a.top or a.where != where or tried == 3:
            continue
        tried += 1
        neighbour = book.pages[q].lines[a.line].text
        title = neighbour[: a.start] + neighbour[a.end:]
        if likeness.ratio(letters(rest), letters(title)) < likeness.SIMILAR:
            continue
        shown = _visible(title)
        if likeness.ratio(_visible(rest), shown) > likeness.ratio(_visible(text), shown):
            return True
    return False


def alone_on_line(
    book: Book, p: int, exp: Expectation, found: list[Reading | None]
) -> Reading | None:
    """A garbled folio alone on a head line (`4?` for 47), where its neighbours print
    theirs alone too: same length and one digit in the same place as the expected one."""
    if not exp.near:
        return None
    neighbours = [found[q] for q in (p - 2, p + 2, p - 1, p + 1) if 0 <= q < len(found)]
    if not any(a is not None and a.top and a.where == "alone" for a in neighbours):
        return None
    page = book.pages[p]
    for rank, i in enumerate(zones.head(page, 2)):
        found_alone = alone(page.lines[i].text)
        if found_alone is None:
            continue
        core, s, e = found_alone
        if len(core) > MENDABLE_CHARS or not any(ch.isdigit() for ch in core):
            continue
        for roman, value in exp.options:
            digits = str(value)
            if roman or abs(len(core) - len(digits)) > 0:
                continue
            if any(a == b for a, b in zip(core, digits, strict=True)):
                numeral = Numeral(value, roman=False, exact=False)
                return Reading(p, i, s, e, numeral, "alone", True, rank)
    return None
