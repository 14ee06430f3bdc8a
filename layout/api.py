"""The Python API: read a book, analyse it and write it out, all in memory.

    import layout
    result = layout.convert(pathlib.Path("book.txt"), lang="de")
    pathlib.Path("book.tei.xml").write_bytes(result.tei())

`read` makes a `Book` of a path (a file, or a folder of page files), of a file's bytes or
of its text; `analyse` runs the passes; `convert` does both and returns a `Result` whose
methods give each output's bytes exactly as `layout convert` writes them. A `str` is
always the book's text, never a file name (a program passing on a user's text must not
open files by accident): give a path as `pathlib.Path`. Errors: `ReadError` for an input
that is no book, `ValueError` for a bad option, `PdfAError` for a PDF/A that fails its
check. The command line (`layout.cli`) and the one-book job (`layout.job`) are shells
over these functions.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from layout import files
from layout.model import Book
from layout.outputs import DEFAULT_DPI, Mode, Notes
from layout.passes import DEFAULT_PASSES, Pass
from layout.passes import analyse as run_passes
from layout.progress import Progress, Silent
from layout.readers import ReadError, read_file

if TYPE_CHECKING:
    from layout.typeset.pages import TypesetBook

Source = str | bytes | os.PathLike[str]
"""A book to read: a path (file or folder), the bytes of a file, or its text."""


def language_tag(text: str) -> str:
    """`text` as a standard BCP 47 tag ("de", "en-GB"); ValueError naming the tag that a
    language name or a malformed tag most likely meant ("german" -> "de")."""
    import langcodes

    if langcodes.tag_is_valid(text) and langcodes.Language.get(text).is_valid():
        return langcodes.standardize_tag(text)
    hint = ""
    with suppress(LookupError):
        hint = f"; did you mean {langcodes.find(text).to_tag()!r}?"
    raise ValueError(f"{text!r} is not a BCP 47 language tag (e.g. en, de, fr-CA){hint}")


def read(
    source: Source,
    name: str | None = None,
    *,
    title: str | None = None,
    author: str | None = None,
    lang: str | None = None,
) -> Book:
    """A book, not yet analysed, from a path, a file's bytes or its text.

    `name` names the input in messages and metadata (default: the path, or "<input>");
    `title`, `author` and `lang` (a BCP 47 tag, else detected) override what the input
    says. ReadError when the input is no book we can read.
    """
    lang = language_tag(lang) if lang else None
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass")
    try:
        if isinstance(source, bytes):
            book = read_file(source, name or "<input>")
        else:
            book = files.load(Path(source), name)
    except RecursionError:
        # a reader walks markup recursively; only absurd nesting runs out of stack
        raise _too_deep(source, name) from None
    meta = book.metadata
    if title:
        meta = replace(meta, title=title)
    if author:
        meta = replace(meta, author=author)
    return replace(book, metadata=meta, language=lang or book.language)


def _too_deep(source: bytes | os.PathLike[str], name: str | None) -> ReadError:
    """The error for markup nested too deeply to walk, at its line where it can be found."""
    from layout.readers.xml_safety import nesting_error

    if isinstance(source, bytes):
        return nesting_error(source, name or "<input>")
    path = Path(source)
    if path.is_file():
        return nesting_error(path.read_bytes(), name or str(path))
    return ReadError(
        f"{name or path}: a file's elements are nested more deeply than any book's markup; "
        "refused"
    )


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cycle collector (restoring its state after): the model is acyclic frozen
    data, and the collector would only rescan it again and again as the passes build new
    values (about a tenth of the run on a long book).

    What was made meanwhile is handed to the collector's oldest generation as it is
    enabled again (`gc.freeze` and `gc.unfreeze`, two moves of whole lists): else its
    first collection would scan all of it at once as new (a long book's model, a million
    objects, 0.13 s), to free none of it. Nothing escapes the collector: the oldest
    generation is scanned in its turn. Left as it is when the caller froze objects of
    its own (they stay frozen)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def analyse(
    book: Book, passes: Sequence[Pass] | None = None, progress: Progress | None = None
) -> Book:
    """The book with the passes run over it, in order (default `DEFAULT_PASSES`).

    A book read back from our own TEI (`book.analysed`) carries its (perhaps
    hand-corrected) decisions: no pass runs on it unless `passes` are given.
    """
    if passes is None:
        passes = () if book.analysed else DEFAULT_PASSES
    tell = progress or Silent()
    pages = len(book.pages)
    names = [pass_name(p) for p in passes]
    following = iter(names[1:])
    if names:
        tell.begin(names[0], pages)

    def done(name: str) -> None:
        tell.advance(pages)
        step = next(following, None)
        if step is not None:
            tell.begin(step, pages)

    with cycle_collector_paused():
        return run_passes(book, passes, done=done)


def pass_name(step: Pass) -> str:
    """A pass's name as progress shows it: its module's ("page_numbers")."""
    return step.__module__.rsplit(".", 1)[-1]


def convert(
    source: Source,
    name: str | None = None,
    *,
    title: str | None = None,
    author: str | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
) -> Result:
    """Read and analyse a book (see `read` and `analyse`); its outputs from the `Result`."""
    with cycle_collector_paused():
        book = read(source, name, title=title, author=author, lang=lang)
        return Result(analyse(book, progress=progress))


class Result:
    """An analysed book and its outputs, each as the bytes `layout convert` writes.

    Typesetting is done once per mode and page size and kept, so `pdf` and `png` of the
    same setting compose the book once.
    """

    __slots__ = ("_typeset", "book")

    def __init__(self, book: Book) -> None:
        self.book = book
        self._typeset: dict[tuple[str, tuple[float, float] | None], TypesetBook] = {}

    def tei(self) -> bytes:
        """The TEI P5 document."""
        from layout.writers import tei

        return tei.write(self.book)

    def json(self, indent: int | None = None) -> bytes:
        """The JSON analysis (`schemas/analysis.schema.json`), as UTF-8 bytes; `indent`
        spaces a level for human eyes (None: compact)."""
        from layout.writers import analysis

        return analysis.write(self.book, indent)

    def write_tei(self, out: BinaryIO) -> None:
        """The bytes of `tei`, written to `out` (no copy of the document as bytes)."""
        from layout.writers import tei

        tei.write_to(self.book, out)

    def dtabf(self) -> bytes:
        """The book in the DTA base format (`schemas/basisformat.rng`)."""
        from layout.writers import dtabf

        return dtabf.write(self.book)

    def write_dtabf(self, out: BinaryIO) -> None:
        """The bytes of `dtabf`, written to `out`."""
        from layout.writers import dtabf

        dtabf.write_to(self.book, out)

    def html(self) -> bytes:
        """The HTML edition: one self-contained page (`layout.writers.html`)."""
        from layout.writers import html

        return html.write(self.book)

    def write_html(self, out: BinaryIO) -> None:
        """The bytes of `html`, written to `out` a page at a time."""
        from layout.writers import html

        html.write_to(self.book, out)

    def write_json(self, out: BinaryIO, indent: int | None = None) -> None:
        """The bytes of `json`, written to `out` a page at a time."""
        from layout.writers import analysis

        analysis.write_to(self.book, out, indent)

    def write_text(self, out: BinaryIO, notes: Notes = "none", lines: bool = False) -> None:
        """The bytes of `text`, written to `out` a page at a time."""
        from layout.writers import text

        text.write_to(self.book, out, notes=notes, lines=lines)

    def text(self, notes: Notes = "none", lines: bool = False) -> bytes:
        """The reading text, pages separated by form feeds, paragraphs by blank lines;
        `notes="end"` appends each page's notes to its page; `lines` keeps the printed
        lines of paragraphs (else each paragraph is one line)."""
        from layout.writers import text

        return text.write(self.book, notes=notes, lines=lines)

    def typeset(
        self,
        mode: Mode = "facsimile",
        page_size: tuple[float, float] | None = None,
        progress: Progress | None = None,
    ) -> TypesetBook:
        """The re-typeset book: `mode` "facsimile" (page for page) or "reflow" (on
        `page_size` in points, width and height; see `layout.typeset.pages.parse_page_size`)."""
        key = (mode, page_size)
        if key not in self._typeset:
            from layout.typeset.compose import compose

            tell = progress or Silent()
            tell.begin("typesetting", len(self.book.pages))
            self._typeset[key] = compose(
                self.book, mode=mode, page_size=page_size, on_page=tell.advance
            )
        return self._typeset[key]

    def pdf(
        self,
        mode: Mode = "facsimile",
        page_size: tuple[float, float] | None = None,
        pdf_a: bool = False,
        progress: Progress | None = None,
    ) -> bytes:
        """The re-typeset book as a PDF; `pdf_a` makes it PDF/A-2b and checks it
        (PdfAError when the check fails)."""
        from layout.writers import pdf

        composed = self.typeset(mode, page_size, progress)
        tell = progress or Silent()
        tell.begin("pdf", len(composed.pages))
        return pdf.render(composed, pdf_a=pdf_a, on_page=tell.advance)

    def png(
        self,
        mode: Mode = "facsimile",
        page_size: tuple[float, float] | None = None,
        dpi: float = DEFAULT_DPI,
        progress: Progress | None = None,
    ) -> Iterator[bytes]:
        """The re-typeset pages as greyscale PNG images at `dpi`, one at a time."""
        from layout.writers import png

        composed = self.typeset(mode, page_size, progress)
        tell = progress or Silent()
        tell.begin("png", len(composed.pages))
        for image in png.each_page(composed, dpi=dpi):
            yield image
            tell.advance()

    def review(self, progress: Progress | None = None) -> Iterator[bytes]:
        """Every page drawn with the engine's decisions, as PNG (`layout.writers.review`):
        the scan underneath when the source names one found beside the input."""
        from layout import files
        from layout.writers import review

        tell = progress or Silent()
        tell.begin("review", len(self.book.pages))
        for image in review.each_page(self.book, files.scan_finder(self.book)):
            yield image
            tell.advance()

    def replaced(self) -> frozenset[str]:
        """Characters no face has (drawn as an equivalent or left out), in any typesetting
        done."""
        return frozenset().union(*(t.replaced for t in self._typeset.values()))


__all__ = [
    "DEFAULT_DPI", "Mode", "Notes", "ReadError", "Result", "Source",
    "analyse", "convert", "language_tag", "read",
]
