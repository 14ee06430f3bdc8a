"""Where the running text goes on: a word broken at a line end and finished on the next
line, or on the next page's first line, ties the two lines into one flow.

In: the views of a book's pages (`PageLines`), and questions about single line ends.
Out: whether the line after a broken word finishes it (`runs_on`), and whether the next
page's first body line does (`ends_body`). Only a join the book confirms counts: the
whole word printed on this page or a neighbour (`plénipoten-` + `tiaires` where
`plénipotentiaires` stands whole nearby). A hyphen and a small letter alone say little:
a body ending in a broken word above a note beginning in a small letter is common.

Why the note finder asks: no split between body and notes falls where a word runs on,
and the body's last line is the one whose word the next page's body finishes. Only the
few line ends where a split would win are asked about, so the pass reads no vocabulary
of the whole book (speed).

Not handled: words broken over a page whose first line is not the body's (a page that
opens with a note's rest), joins the book never prints whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from layout.model import HYPHEN_SIGNS
from layout.passes.notes.page_lines import PageLines

HELD_TEXTS = 8
"""Pages whose joined text is kept for the next question: the sweeps ask about a page and
its neighbours, in order (a long book's text is not held twice)."""
SHORTEST = 6
"""The shortest joined word whose being printed elsewhere counts: shorter ones stand
inside too many other words (`ge-` + `ben` is inside `gegeben`)."""

_LETTERS = re.compile(r"[^\W\d_]+")


def head(text: str) -> str:
    """The letters before a line-end hyphen (empty when the line ends in none)."""
    text = text.rstrip()
    if text[-1:] not in HYPHEN_SIGNS:
        return ""
    j = len(text) - 2
    while j >= 0 and text[j].isalpha():  # (a loop from the end: a pattern anchored
        j -= 1  # at the end would be tried from every place of the line)
    return text[j + 1 : -1]


def tail(text: str) -> str:
    """The letters a line begins with, when it begins in a small letter (else empty)."""
    found = _LETTERS.match(text.lstrip())
    return found.group() if found is not None and found.group()[0].islower() else ""


class PageViews(Protocol):
    """The views of a book's pages by index (a list, or views made when asked for)."""

    def __len__(self) -> int: ...
    def __getitem__(self, p: int, /) -> PageLines: ...


class Ties:
    """The word joins of a book's line ends, each looked up when first asked about."""

    def __init__(self, views: PageViews) -> None:
        self.views = views
        self._texts: dict[int, str] = {}
        self._runs: dict[tuple[int, int], bool] = {}
        self._ends: dict[tuple[int, int], bool] = {}
        self._over: dict[int, str] = {}

    def _printed(self, word: str, p: int) -> bool:
        """Whether the word is printed on page p or a neighbour."""
        if len(word) < SHORTEST:
            return False
        for q in (p, p - 1, p + 1):
            if 0 <= q < len(self.views):
                text = self._texts.get(q)
                if text is None:
                    if len(self._texts) >= HELD_TEXTS:  # pages are asked about in order
                        self._texts.clear()
                    text = self._texts[q] = "\n".join(self.views[q].texts)
                if word in text:
                    return True
        return False

    def runs_on(self, p: int, j: int) -> bool:
        """Whether line j+1 of page p finishes the word broken at the end of line j."""
        key = (p, j)
        found = self._runs.get(key)
        if found is None:
            texts = self.views[p].texts
            left = head(texts[j])
            right = tail(texts[j + 1]) if left and j + 1 < len(texts) else ""
            found = self._runs[key] = bool(right) and self._printed(left + right, p)
        return found

    def ends_body(self, p: int, j: int) -> bool:
        """Whether the first body line of the page after p finishes the word broken at
        the end of line j: line j ends the page's body (unless line j+1 finishes the
        word as well: ask `runs_on`)."""
        key = (p, j)
        found = self._ends.get(key)
        if found is None:
            right = self.overleaf(p)
            left = head(self.views[p].texts[j]) if right else ""
            found = self._ends[key] = bool(left) and self._printed(left + right, p + 1)
        return found

    def overleaf(self, p: int) -> str:
        """The letters the next page's body begins with, when a small letter opens it."""
        found = self._over.get(p)
        if found is None:
            found = ""
            if p + 1 < len(self.views):
                nxt = self.views[p + 1]
                first = next((i for i in nxt.prose if nxt.body[i]), -1)
                found = tail(nxt.texts[first]) if first >= 0 else ""
            self._over[p] = found
        return found

    def of(self, p: int) -> PageTies:
        """The questions about page p."""
        return PageTies(self, p)


@dataclass(frozen=True, slots=True)
class PageTies:
    """The word joins of one page's line ends (`Ties`)."""

    book: Ties
    page: int

    def runs_on(self, j: int) -> bool:
        """Whether line j+1 finishes the word broken at the end of line j."""
        return self.book.runs_on(self.page, j)

    def ends_body(self, j: int) -> bool:
        """Whether the next page's first body line finishes line j's broken word."""
        return self.book.ends_body(self.page, j)

    def goes_on(self) -> bool:
        """Whether the next page's body begins in a small letter (a word may go on)."""
        return bool(self.book.overleaf(self.page))
