"""Progress over a shelf: a bar over books that counts pages, and the closing summary.

In: each book as it finishes (its pages, whether it failed). Out: a tqdm bar on stderr
(books done of all, pages so far, pages per second, failures), lines printed above it
without tearing it, and the `Summary` of the run.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from tqdm import tqdm

from layout.progress import pages_word


@dataclass(slots=True)
class Summary:
    """What a batch did, counted in books and pages."""

    books: int = 0
    """All the books the INPUTs named."""
    converted: int = 0
    skipped: int = 0
    """Skipped by `--resume`: converted before, input unchanged."""
    failed: int = 0
    pages: int = 0
    """Pages converted in this run."""
    seconds: float = 0.0

    @property
    def finished(self) -> int:
        return self.converted + self.skipped + self.failed

    @property
    def line(self) -> str:
        """'18 books: 17 converted, 1 failed; 3911 pages in 5.1 s, 767 pages/s'."""
        parts = [f"{self.converted} converted"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (done before)")
        if self.failed:
            parts.append(f"{self.failed} failed")
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        books = f"{self.books} book" if self.books == 1 else f"{self.books} books"
        return (
            f"{books}: {', '.join(parts)}; "
            f"{pages_word(self.pages)} in {self.seconds:.1f} s, {rate:.0f} pages/s"
        )


class ShelfBar:
    """The bar over the books of a run (shown only when `show`)."""

    def __init__(self, summary: Summary, todo: int, show: bool) -> None:
        self.summary = summary
        self.started = time.perf_counter()
        self.bar = tqdm(
            total=todo, unit="book", file=sys.stderr, disable=not show, dynamic_ncols=True,
            bar_format="{desc} |{bar}| {n_fmt}/{total_fmt} books [{elapsed}<{remaining}]"
            "{postfix}",
        )
        self.bar.set_description_str("converting", refresh=False)

    def done(self, pages: int, failed: bool) -> None:
        """One more book finished."""
        summary = self.summary
        summary.pages += pages
        if failed:
            summary.failed += 1
        else:
            summary.converted += 1
        summary.seconds = time.perf_counter() - self.started
        rate = summary.pages / summary.seconds if summary.seconds > 0 else 0.0
        failures = f", {summary.failed} failed" if summary.failed else ""
        self.bar.set_postfix_str(f"{summary.pages} pages, {rate:.0f} pages/s{failures}",
                                 refresh=False)
        self.bar.update(1)

    def say(self, line: str) -> None:
        """Print a line on stderr above the bar."""
        if self.bar.disable:
            print(line, file=sys.stderr)
        else:
            self.bar.write(line, file=sys.stderr)

    def close(self) -> None:
        self.summary.seconds = time.perf_counter() - self.started
        self.bar.close()
