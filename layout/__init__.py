"""layout: rebuild the structure of OCR'd printed books.

    import layout
    result = layout.convert(pathlib.Path("book.txt"))
    pathlib.Path("book.tei.xml").write_bytes(result.tei())

`read`, `analyse`, `convert` and `Result` (see `layout.api`) and the model's types are
importable from here.

Module map (readers -> one model -> passes -> writers):

- `layout.model`: the frozen dataclasses every stage shares (Book, Page, Line, Footnote...).
- `layout.readers`: bytes to Book (form-feed text, page folders, HathiTrust downloads,
  IA djvu text, and our own TEI read back).
- `layout.passes`: Book to Book, run in the order of `DEFAULT_PASSES`; one folder per
  concern, its passes at the door and their helpers inside: `furniture` (page numbers,
  running titles, signatures), `notes` (footnotes), `text` (language, hyphenation,
  paragraphs).
- `layout.flows`: the running-text and footnote flows through the book.
- `layout.numerals`: arabic and roman numerals as printed and as OCR misreads them.
- `layout.patterns`: hyphenation points from pyphen's patterns in the book's language, for
  the hyphenation pass's last rung and the typesetter's line breaker.
- `layout.writers`: Book to bytes (TEI P5 with its header, JSON analysis, reading text),
  and the typeset book to PDF (ReportLab) and PNG (Pillow).
- `layout.typeset`: Book to TypesetBook: what is set, Knuth–Plass line breaking, fonts,
  facsimile and reflowed pages.
- `layout.api`: the Python API: `read`, `analyse`, `convert` -> `Result` (in memory).
- `layout.outputs`: the output kinds (the one table) and a run's `Options`.
- `layout.files`: reading an input path; writing outputs atomically, never over the input.
- `layout.job`: one book from its input path to its output files, with a `Report`
  (`layout.report`: the report and the exit codes, apart from the engine).
- `layout.progress`: progress in pages, step by step (a tqdm bar on a terminal).
- `layout.cli`: the command line: argv, messages and exit codes over `layout.job`.
"""

__version__ = "0.1.0"

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from layout.api import Result, Source, analyse, convert, read
    from layout.model import (
        Anchor,
        Block,
        Book,
        Box,
        Diagnostic,
        Footnote,
        Heading,
        Hyphen,
        Line,
        Metadata,
        Page,
        Role,
    )
    from layout.progress import Progress
    from layout.readers import ReadError

__all__ = [
    "Anchor", "Block", "Book", "Box", "Diagnostic", "Footnote", "Heading", "Hyphen", "Line",
    "Metadata", "Page", "Progress", "ReadError", "Result", "Role", "Source", "__version__",
    "analyse", "convert", "read",
]

_HOMES = {
    **dict.fromkeys(("Result", "Source", "analyse", "convert", "read"), "layout.api"),
    **dict.fromkeys(("Anchor", "Block", "Book", "Box", "Diagnostic", "Footnote", "Heading",
                     "Hyphen", "Line", "Metadata", "Page", "Role"), "layout.model"),
    "Progress": "layout.progress",
    "ReadError": "layout.readers",
}
"""Where each name `layout` offers is defined. They are loaded at first use (PEP 562), not
with the package: `import layout.cli` or `layout.batch` must not import the engine (the
passes, readers and writers, a tenth of a second) before it is needed; a `layout batch
--cluster local` starts its fork server first, so that the two processes import side by
side."""


def names_at_first_use(
    package: str, homes: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A package's `__getattr__` and `__dir__` (PEP 562) that load each name of `homes`
    from its module on first use, then keep it in the package."""
    found = sys.modules[package].__dict__

    def load(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        found[name] = value
        return value

    def names() -> list[str]:
        return sorted(set(found) | set(homes))

    return load, names


__getattr__, __dir__ = names_at_first_use(__name__, _HOMES)
