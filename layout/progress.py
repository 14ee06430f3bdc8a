"""Progress through a conversion, counted in pages, step by step.

In: the steps a conversion takes (each pass, each output, typesetting and drawing) and
how many pages each goes through. Out: a `Progress` the API calls as a step begins and as
its pages are done; `Bar` shows it on a terminal with tqdm, `Silent` shows nothing.

A step need not report every page: a pass that runs over the whole book at once reports
its pages when it ends, the typesetter and the drawing writers page by page. The bar's
total is the book's pages times the steps planned, so it never runs backwards.
"""

from __future__ import annotations

import sys
from typing import Protocol


class Progress(Protocol):
    """What the API tells about its work; implement it to show progress your own way."""

    def begin(self, step: str, pages: int) -> None:
        """A step over `pages` pages starts (e.g. "furniture", "tei", "pdf")."""

    def advance(self, pages: int = 1) -> None:
        """`pages` more pages of the current step are done."""


class Silent:
    """A `Progress` that shows nothing."""

    def begin(self, step: str, pages: int) -> None:
        pass

    def advance(self, pages: int = 1) -> None:
        pass


def counted(count: int, noun: str) -> str:
    """'1 page', '645 pages' (nouns whose plural adds an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def pages_word(count: int) -> str:
    """'1 page', '645 pages'."""
    return counted(count, "page")


class Bar:
    """A tqdm bar on stderr over `steps` steps of `pages` book pages each.

    A step that goes through a different number of pages (a reflowed book's output pages)
    is scaled to the book's, so every step weighs the same. `close` ends the bar on its
    own line; the summary that follows starts on a fresh one.
    """

    def __init__(self, steps: int, pages: int) -> None:
        from tqdm import tqdm  # loaded only when a bar is shown (it costs a start-up)

        self.pages = max(1, pages)
        self.bar = tqdm(
            total=max(1, steps) * self.pages, file=sys.stderr, unit="page", leave=True,
            bar_format="{desc} |{bar}| {percentage:3.0f}% [{elapsed}<{remaining}]",
            dynamic_ncols=True,
        )
        self.step, self.step_pages, self.step_done, self.shown = "", 1, 0, 0

    def begin(self, step: str, pages: int) -> None:
        self._settle()
        self.step, self.step_pages, self.step_done, self.shown = step, max(1, pages), 0, 0
        self._describe()

    def advance(self, pages: int = 1) -> None:
        self.step_done = min(self.step_pages, self.step_done + pages)
        scaled = self.step_done * self.pages // self.step_pages
        if scaled > self.shown:
            self.bar.update(scaled - self.shown)
            self.shown = scaled
        self._describe()

    def close(self) -> None:
        """Fill what the last step left and end the bar's line."""
        self._settle()
        self.bar.close()

    def _settle(self) -> None:
        if self.step:
            self.bar.update(self.pages - self.shown)
            self.shown = self.pages
            self.step = ""

    def _describe(self) -> None:
        self.bar.set_description_str(
            f"{self.step:<12} {self.step_done}/{pages_word(self.step_pages)}", refresh=False
        )
