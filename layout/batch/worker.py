"""One book in a worker process: what a batch engine runs, local or on a cluster.

In: a `Task` (the book, where each of its outputs goes, the run's options, whether page
records are wanted). Out: an `Outcome`: the one-book job's `Report` (`layout.job`), the
input's hash, the counts of notes and uncertain decisions and, with `--pages`, the page
records as JSON lines. `convert` never raises for a bad book; everything it returns is
small and picklable, so it travels back to the caller from any worker.

A worker process converts book after book: the word-frequency lists and hyphenation
patterns are cached per process (`layout.passes.text.lexicon`, pyphen), so each is read
once per worker and language, not once per book.

`convert` imports the engine when it first runs, not this module: the parent builds
tasks and receives outcomes with it (see `layout.batch.engine`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from layout.batch.shelf import Volume, digest
from layout.model import Book, Hyphen
from layout.outputs import KINDS, Options
from layout.report import EXIT_INTERNAL, Report

if TYPE_CHECKING:
    from layout import api


@dataclass(frozen=True, slots=True)
class Task:
    """One book to convert and where its outputs go."""

    volume: Volume
    targets: dict[str, str]
    """Output kind -> path."""
    options: Options
    pages: bool = False
    """Whether to return the book's page records."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one book went, as the caller records it."""

    volume: Volume
    report: Report
    sha256: str = ""
    notes: int = 0
    """Footnotes (a note printed over two pages counts once)."""
    uncertain: int = 0
    """Decisions taken on weak evidence: uncertain note anchors and heading levels,
    undecided line-end hyphens."""
    page_lines: bytes = b""
    """The page records (`layout.writers.pages`), with `--pages`."""


def output_name(kind: str) -> str:
    """What a batch calls a book's output of `kind`, after the book's name: the suffix
    `-o` gives it, else `.KIND` for a file and `-KIND` for a folder of files."""
    spec = KINDS[kind]
    if spec.suffix is not None:
        return spec.suffix
    return f".{kind}" if spec.file is not None else f"-{kind}"


def targets(volume: Volume, outdir: Path, formats: Sequence[str]) -> dict[str, str]:
    """Where each asked-for output of a book goes: OUTDIR/NAME + its suffix."""
    return {kind: str(outdir / f"{volume.name}{output_name(kind)}") for kind in formats}


def convert(task: Task) -> Outcome:
    """Convert one book into its targets; never raises for a bad book."""
    from layout.job import convert_file  # the engine (`layout.batch.engine.MODULES`)
    from layout.writers import pages

    seen: dict[str, tuple[int, int, bytes]] = {}

    def inspect(result: api.Result) -> None:
        book = result.book
        lines = pages.write(book, task.volume.name) if task.pages else b""
        seen["book"] = (notes(book), uncertain(book), lines)

    report = convert_file(task.volume.path, task.targets, task.options, inspect=inspect)
    found, unsure, lines = seen.get("book", (0, 0, b""))
    if report.status != 0:
        lines = b""
    return Outcome(task.volume, report, digest(task.volume.path), found, unsure, lines)


def died(task: Task, reason: str) -> Outcome:
    """The outcome of a book whose worker failed under it (killed, out of memory, crashed)."""
    message = (
        f"internal error: the worker converting {task.volume.path} failed ({reason}); "
        "please report this with the input"
    )
    report = Report(task.volume.path, EXIT_INTERNAL, message)
    return Outcome(task.volume, report, digest(task.volume.path))


def notes(book: Book) -> int:
    """The book's footnotes, each counted once however many pages it runs over."""
    return sum(1 for page in book.pages for note in page.footnotes if not note.continued)


def uncertain(book: Book) -> int:
    """The decisions the passes took on weak evidence (`certain: false`, undecided)."""
    count = 0
    for page in book.pages:
        count += sum(1 for note in page.footnotes if note.anchor and not note.anchor.certain)
        for line in page.lines:
            if line.hyphen is Hyphen.UNDECIDED:
                count += 1
            if line.heading is not None and line.paragraph_start and not line.heading.certain:
                count += 1
    return count
