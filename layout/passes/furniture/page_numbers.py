"""Find the printed page number of every page, checked against the book's sequence.

In: a Book whose blank lines are marked. Out: each Page with `number` (what is printed,
normalised: "286", "xii", OCR look-alikes mended: "3l0" is 310; a misprint the text
corrects keeps both, "317[137]"), `number_line` and `number_span`, or `inferred_number`
when the page prints none, and `number_rule`, the evidence that gave it; the number's
line is `page-number` when it stands alone, `header` when it shares the line with a
title. `folio_readings` reads the numerals where folios stand, `page_sequence` keeps
those the book's sequence confirms, `garbled_folios` mends the ones the OCR garbled, at
the head line or alone at the head or foot. A book of a few pages may show no sequence:
its head-line numbers are then taken as printed. With geometry (`bands`), a folio is read
only in the page's head or foot row, and a number standing alone there, set apart, is
taken as printed unless confirmed folios on both sides count otherwise (sample pages of
a book, a plate between them): rule "head-row"; the gap that sets a number apart is read
from the word boxes (OCR with geometry folds the spaces); a number opening a block of the
source's that goes on below it (a chapter's number above its heading) is no folio. Not
handled: folios in the side margins.
"""

from __future__ import annotations

from dataclasses import replace

from layout import geometry
from layout.model import Book, Page, Role
from layout.numerals import to_roman
from layout.passes.furniture import bands, garbled_folios
from layout.passes.furniture.folio_readings import read_page
from layout.passes.furniture.page_sequence import (
    WINDOW,
    Expectation,
    Reading,
    anchors,
    expectations,
    sides,
)

FALLBACK_PAGES = 3
"""A book this short may show no sequence: its head-line numbers are taken as they are."""


def _expected(r: Reading, exp: Expectation) -> bool:
    """True when the sequence expects this reading (a weak one only near an anchor)."""
    if r.numeral.weak and not exp.near:
        return False
    return (r.numeral.roman, r.numeral.value) in exp.options


FOLIO_GAP = 2
"""Spaces that set a folio apart from the running title on a head line."""


def _set_apart(page: Page, r: Reading) -> bool:
    """True when the number stands alone, or a wide gap parts it from the rest of its line:
    without a sequence to confirm it, a number that runs on with words is text ("1914")."""
    if r.where == "alone":
        return True
    line = page.lines[r.line]
    text = line.text
    if r.where == "left":
        rest = text[r.end:]
        gap: float = len(rest) - len(rest.lstrip())
    else:
        rest = text[: r.start]
        gap = len(rest) - len(rest.rstrip())
    # OCR with word boxes folds the spaces: the gap on the page says it instead
    side = geometry.word_gap(line, r.start, r.end, after=r.where == "left")
    gap = max(gap, side or 0.0)
    return gap >= FOLIO_GAP and r.numeral.value < 1000


def _fallback(page: Page, found: list[Reading]) -> Reading | None:
    """Without any sequence: the head line's number set apart, or a short one alone at the
    foot."""
    best: Reading | None = None
    for r in found:
        if r.numeral.weak or not r.numeral.exact or not _set_apart(page, r):
            continue
        if not r.top and (r.numeral.value >= 1000 or r.numeral.roman):
            continue
        if best is None or r.place_score > best.place_score:
            best = r
    return best


def _where_folios_stand(page: Page, found: list[Reading], geo: bands.Bands | None
                        ) -> list[Reading]:
    """The readings a page with geometry prints in its head or foot row (a number inside
    the text block is no folio, whatever its line order says), and not on a line opening
    a block of the source's that goes on below the head row (a chapter's number above its
    heading: a folio is set apart from the text); all for a page without."""
    if geo is None:
        return found
    places = geo.folio_places
    return [r for r in found if r.line in places and not geo.heads_block(page, r.line)]


def _bracketed(chosen: list[Reading | None], p: int) -> bool:
    """Whether confirmed folios on both sides of page p, near it, count alike (the page
    stands inside a run of the sequence, not among sample pages or after a plate)."""
    before = next((chosen[q] for q in range(p - 1, max(-1, p - 1 - WINDOW), -1)
                   if chosen[q] is not None), None)
    after = next((chosen[q] for q in range(p + 1, min(len(chosen), p + 1 + WINDOW))
                  if chosen[q] is not None), None)
    return before is not None and after is not None and before.key == after.key


def _place(page: Page, r: Reading, rule: str) -> Page:
    """Write the chosen folio into the page and give its line its role."""
    line = page.lines[r.line]
    lines = page.lines
    if line.role is Role.BODY:
        role = Role.PAGE_NUMBER if r.where == "alone" else Role.HEADER
        lines = lines[: r.line] + (replace(line, role=role),) + lines[r.line + 1:]
    return replace(
        page,
        lines=lines,
        number=r.numeral.text,
        number_line=r.line,
        number_span=(r.start, r.end),
        inferred_number=None,
        number_rule=rule,
    )


def _inferred(exp: Expectation) -> str | None:
    """The number the sequence gives a page that prints none."""
    if not exp.options:
        return None
    roman, value = exp.options[0]
    return to_roman(value) if roman else str(value)


def mark(book: Book) -> Book:
    """Set every page's printed (or inferred) number and mark the folio's line."""
    places = [bands.of(page) for page in book.pages]
    found = [
        _where_folios_stand(page, read_page(page, p), places[p])
        for p, page in enumerate(book.pages)
    ]
    chosen = anchors(found)
    exps = expectations(chosen)
    side = sides(chosen)
    no_sequence = len(book.pages) <= FALLBACK_PAGES and all(a is None for a in chosen)
    pages: list[Page] = []
    for p, page in enumerate(book.pages):
        pick, rule = chosen[p], "sequence"
        if pick is None and no_sequence:
            pick, rule = _fallback(page, found[p]), "head-line"
        if pick is None and places[p] is not None:
            # unless the sequence on both sides of the page says otherwise
            pick, rule = _fallback(page, found[p]), "head-row"
            if pick is not None and _bracketed(chosen, p) and not _expected(pick, exps[p]):
                pick = None
        if pick is None:
            fits = [r for r in found[p] if _expected(r, exps[p])]
            if fits:
                pick = max(fits, key=lambda r: (not r.numeral.weak, r.place_score))
                rule = "expected"
        if pick is None:
            pick = garbled_folios.beside_title(book, p, exps[p], chosen, side)
            pick = pick or garbled_folios.alone_at_edge(book, p, exps[p], chosen)
            rule = "mended"
        if pick is None:
            inferred = _inferred(exps[p])
            pages.append(replace(
                page, number=None, inferred_number=inferred,
                number_rule="inferred" if inferred else None,
            ))
        else:
            pages.append(_place(page, pick, rule))
    return replace(book, pages=tuple(pages))
