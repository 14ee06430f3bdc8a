"""The kinds of output a conversion writes, and the options that shape them, as data.

In: a `Result` (an analysed book) and the `Options` of a run. Out: for each output kind,
its bytes (one file) or its files (a folder of pages). `OUTPUT_KINDS` is the one table
the command line builds its output options from and the job writes from: to add an
output, write its writer, give `Result` a method for it, and add a row here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Literal

from layout.progress import Progress

if TYPE_CHECKING:  # the table names the API's Result; importing it loads the engine
    from layout.api import Result

Notes = Literal["none", "end"]
"""Where the reading text puts footnotes: left out, or each page's at its chunk's end."""
Mode = Literal["facsimile", "reflow"]
"""How the PDF and PNG pages are set: one per source page, or reflowed."""
DEFAULT_DPI = 110.0
"""The PNG previews' resolution when none is asked for."""


@dataclass(frozen=True, slots=True)
class Options:
    """What a run asks for besides its paths (the command line's options, as data that a
    worker process can receive)."""

    title: str | None = None
    author: str | None = None
    lang: str | None = None
    """A BCP 47 tag; the language is detected when None."""
    notes: Notes = "none"
    pdf_mode: Mode = "facsimile"
    page_size: tuple[float, float] | None = None
    """Width and height in points; None: the source's proportions (facsimile) or 5.5x8.5in."""
    pdf_a: bool = False
    dpi: float = DEFAULT_DPI
    json_indent: int | None = None
    """Spaces a level in the JSON analysis, for human eyes; None: compact."""
    text_lines: bool = False
    """The reading text keeps the printed lines of paragraphs (else one line each)."""


FileRender = Callable[["Result", Options, "Progress | None"], bytes]
StreamRender = Callable[["Result", Options, BinaryIO], None]
FolderRender = Callable[["Result", Options, "Progress | None"], Iterator[tuple[str, bytes]]]


@dataclass(frozen=True, slots=True)
class OutputKind:
    """One kind of output: its option, help, and how its bytes are made."""

    name: str
    """The option (`--tei`) and the key of a run's targets."""
    help: str
    file: FileRender | None = None
    """Its bytes, for an output that is one file."""
    stream: StreamRender | None = None
    """Its bytes written to a stream, for an output that is one file; the job uses this
    rather than `file` when there is one (a long book's output is never held whole)."""
    folder: FolderRender | None = None
    """Its files (name, bytes), for an output that is a folder of files."""
    suffix: str | None = None
    """What `-o DIR` names it (NAME + suffix); None: `-o` does not write it."""
    stdout: bool = False
    """Whether it may go to standard output (`-`)."""
    typeset: bool = False
    """Whether it re-typesets the book (slow; the cycle collector must run)."""
    metavar: str = field(default="FILE")


def _png_files(result: Result, options: Options, progress: Progress | None
               ) -> Iterator[tuple[str, bytes]]:
    images = result.png(options.pdf_mode, options.page_size, options.dpi, progress)
    for n, image in enumerate(images, start=1):
        yield f"page-{n:04d}.png", image


def _review_files(result: Result, options: Options, progress: Progress | None
                  ) -> Iterator[tuple[str, bytes]]:
    for n, image in enumerate(result.review(progress), start=1):
        yield f"review-{n:04d}.png", image


OUTPUT_KINDS: tuple[OutputKind, ...] = (
    OutputKind(
        "tei", "write the TEI P5 document here",
        file=lambda r, o, p: r.tei(), stream=lambda r, o, out: r.write_tei(out),
        suffix=".tei.xml", stdout=True,
    ),
    OutputKind(
        "json", "write the JSON analysis here",
        file=lambda r, o, p: r.json(o.json_indent),
        stream=lambda r, o, out: r.write_json(out, o.json_indent),
        suffix=".json", stdout=True,
    ),
    OutputKind(
        "text", "write the reading text here",
        file=lambda r, o, p: r.text(o.notes, o.text_lines),
        stream=lambda r, o, out: r.write_text(out, o.notes, o.text_lines), suffix=".txt",
        stdout=True,
    ),
    OutputKind(
        "review", "draw every page with the engine's decisions as PNG into DIR "
        "(review-0001.png, ...): line boxes by role, notes to their marks, hyphen decisions, "
        "uncertain ones in red; the scan underneath when the source names one beside the input",
        folder=_review_files, metavar="DIR",
    ),
    OutputKind(
        "dtabf", "write the book in the DTA base format (DTABf, the Deutsches Textarchiv's "
        "TEI) here",
        file=lambda r, o, p: r.dtabf(), stream=lambda r, o, out: r.write_dtabf(out),
        stdout=True,
    ),
    OutputKind(
        "html", "write the HTML edition here: one self-contained page with the printed "
        "page numbers in the margin, divisions, notes linked to their marks and a review "
        "mode listing every uncertain decision",
        file=lambda r, o, p: r.html(), stream=lambda r, o, out: r.write_html(out),
        stdout=True,
    ),
    OutputKind(
        "pdf", "re-typeset the book as a PDF here",
        file=lambda r, o, p: r.pdf(o.pdf_mode, o.page_size, o.pdf_a, p),
        stdout=True, typeset=True,
    ),
    OutputKind(
        "png", "draw the re-typeset pages as PNG previews into DIR (page-0001.png, ...)",
        folder=_png_files, typeset=True, metavar="DIR",
    ),
)
"""Every output kind, in the order a run writes them (the quick ones first)."""

KINDS: dict[str, OutputKind] = {kind.name: kind for kind in OUTPUT_KINDS}

DIR_KINDS: tuple[str, ...] = tuple(kind.name for kind in OUTPUT_KINDS if kind.suffix is not None)
"""The kinds `-o DIR` writes (and a batch, unless told otherwise)."""
