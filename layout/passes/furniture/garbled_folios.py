"""Folios the OCR garbled, mended from the book's sequence.

In: a page without a confirmed folio, what the sequence expects there, the book's anchors
and the side its folios stand on. Out: a `Reading` with the expected number at the token
where the folio stands, or None. Two cases: on a head line, a token at the folio's side
that is junk set apart by a wide gap (`%`, `I'^`) or without which the line reads as the
title of the neighbouring pages of its parity (`L'S FLORIDA STATE ...` for 28); alone on
one of the first or last lines, where the nearest folios stand alone on the same edge, a
short token the expected number's length whose signs are its digits or their look-alikes
but for one (`q3` for 93, `Il2` for 112, `818` for 318), perhaps beside a speck (`308 l`,
`r311`). Not handled: a folio lost entirely, roman folios misread.
"""

from __future__ import annotations

import re

from layout.model import Book
from layout.numerals import DIGIT_LOOKALIKES, Numeral
from layout.passes.furniture import likeness, zones
from layout.passes.furniture.folio_readings import DECORATION, FOLIO_CHARS, LEFT, RIGHT
from layout.passes.furniture.likeness import letters
from layout.passes.furniture.page_sequence import WINDOW, Expectation, Reading

MENDABLE_CHARS = 4
"""The longest garbled token taken for a folio the OCR misread."""
GAP = 3
"""Spaces that part a folio from the title on a head line set with wide gaps."""
SPECK_CHARS = 2
"""The longest speck beside a folio the OCR reads as a token of its own (`308 l`)."""
_WORDLIKE = re.compile(r"[^\W\d_]{3}")
_TOKEN = re.compile(r"\S+")


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


def alone_at_edge(
    book: Book, p: int, exp: Expectation, found: list[Reading | None]
) -> Reading | None:
    """A garbled folio alone on one of the page's first or last printed lines, where the
    nearest confirmed folios stand alone on the same edge: the expected number misread
    (`q3` for 93, `Il2` for 112, `818` for 318, `4?` for 47), perhaps beside a speck the
    OCR read as a letter (`308 l`, `r311`)."""
    if not exp.near:
        return None
    page = book.pages[p]
    for top in _edges_of_neighbours(p, found):
        lines = zones.head(page, 2) if top else zones.foot(page, 2)
        for rank, i in enumerate(lines):
            for core, s, e in _cores(page.lines[i].text):
                for roman, value in exp.options:
                    if not roman and _fits(core, str(value)):
                        numeral = Numeral(value, roman=False, exact=False)
                        return Reading(p, i, s, e, numeral, "alone", top, rank)
    return None


def _edges_of_neighbours(p: int, found: list[Reading | None]) -> list[bool]:
    """The edges (True: the head) where the nearest confirmed folios before and after
    page p stand alone on their line."""
    edges: list[bool] = []
    for step in (-1, 1):
        q = p + step
        while 0 <= q < len(found) and abs(q - p) <= WINDOW and found[q] is None:
            q += step
        a = found[q] if 0 <= q < len(found) else None
        if a is not None and a.where == "alone" and a.top not in edges:
            edges.append(a.top)
    return edges


def _cores(text: str) -> list[tuple[str, int, int]]:
    """The tokens of a short line that may be a misread folio, with their spans: the
    line's one token, without a letter the OCR glued to either end; or, of two tokens,
    the one beside a speck (a short token without digits)."""
    stripped = text.strip()
    if not stripped or len(stripped) > FOLIO_CHARS:
        return []
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    cores = [(s, e) for s, e in spans if _trimmed(text, s, e)[0] < _trimmed(text, s, e)[1]]
    if len(cores) == 2:
        specks = [(s, e) for s, e in cores if _speck(text[s:e])]
        cores = [c for c in cores if c not in specks] if len(specks) == 1 else []
    if len(cores) != 1:
        return []
    s, e = _trimmed(text, *cores[0])
    out = [(text[s:e], s, e)]
    if e - s > 1 and not text[s].isdigit():
        out.append((text[s + 1: e], s + 1, e))
    if e - s > 1 and not text[e - 1].isdigit():
        out.append((text[s: e - 1], s, e - 1))
    return [c for c in out if len(c[0]) <= MENDABLE_CHARS]


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    """The span s:e without the decoration printed or read around a folio."""
    while s < e and text[s] in DECORATION:
        s += 1
    while e > s and text[e - 1] in DECORATION:
        e -= 1
    return s, e


def _speck(token: str) -> bool:
    """A speck the OCR read as a sign or a letter or two: no digit in it."""
    return len(token) <= SPECK_CHARS and not any(ch.isdigit() for ch in token)


def _fits(core: str, digits: str) -> bool:
    """True when `core` may be the number `digits` misread: as long, each sign the digit
    or a letter the OCR prints for it, but for one sign at most in a number of two digits
    or more; and a true digit read unless every sign is a look-alike."""
    if len(core) != len(digits):
        return False
    wrong = sum(1 for ch, d in zip(core, digits, strict=True)
                if ch != d and DIGIT_LOOKALIKES.get(ch) != d)
    if wrong > (1 if len(digits) >= 2 else 0):
        return False
    return wrong == 0 or any(ch.isdigit() for ch in core)
