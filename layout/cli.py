"""The command line: the only module that touches paths, argv, stderr and exit codes.

    layout convert INPUT [--tei F] [--json F] [--text F] [-o DIR] [options]

In: an input file or folder (see `layout.readers`) and options. Out: the requested outputs
(TEI, JSON, reading text, PDF, PNG) written to their files; remarks on stderr.

Exit codes: 0 success; 1 the input cannot be read as a book; 2 wrong usage; 3 an output
cannot be written; 4 an internal error (a bug: reported in one line, never a traceback).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from layout import __version__
from layout.model import Book
from layout.passes import DEFAULT_PASSES, analyse
from layout.readers import ReadError, read_file, read_folder

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
PROGRESS_MIN_PAGES = 20
"""Books shorter than this convert too fast for a progress bar to help."""

DESCRIPTION = """\
Rebuild the structure of an OCR'd book: find the printed page numbers, running titles
and other page furniture, the footnotes and their marks, and decide every line-end
hyphen, book-wide; then write the book as TEI-XML, a JSON analysis and reading text,
and re-typeset it as a clean PDF.
"""

CONVERT_EPILOG = """\
INPUT may be:
  a text file whose pages are separated by form feeds (one page if there are none),
  a folder of page files (*.txt, taken in natural order: 2.txt before 10.txt),
  a HathiTrust full-text download (its header becomes TEI metadata),
  an Internet Archive _djvu.txt (pages recovered from running titles and numbers).

Without --tei/--json/--text/-o/--pdf/--png the TEI goes to standard output.
A TEI file this command wrote (perhaps corrected by hand) is read back with its
decisions kept, so it can be re-typeset: layout convert book.tei.xml --pdf book.pdf
Exit codes: 0 done; 1 input unreadable; 2 wrong usage; 3 output not writable;
4 internal error (please report it).

examples:
  layout convert samples/page-286.txt -o out/
  layout convert samples/laband1876-excerpt.txt --pdf out/laband.pdf --png out/png/
  layout convert book.txt --pdf book.pdf --pdf-mode reflow --page-size a5
"""


class OutputError(Exception):
    """An output file that cannot be written."""


def natural_key(name: str) -> list[object]:
    """Sort key putting `2.txt` before `10.txt`."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def load(path: Path) -> Book:
    """Read the input path (file or folder) into a book; ReadError on anything wrong."""
    if not path.exists():
        raise ReadError(f"{path}: no such file or folder")
    try:
        if path.is_dir():
            names = sorted(
                (p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt"),
                key=lambda p: natural_key(p.name),
            )
            return read_folder([(str(p), p.read_bytes()) for p in names], str(path))
        return read_file(path.read_bytes(), str(path))
    except OSError as err:
        raise ReadError(f"{path}: cannot read: {err.strerror or err}") from None


def save(path: Path | None, data: bytes) -> None:
    """Write one output (None: standard output), turning OS errors into an OutputError
    naming the file; a reader that closed the pipe early is no error."""
    if path is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader (e.g. `| head`) has all it wants; keep Python quiet at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as err:
            raise OutputError(f"standard output: cannot write: {err.strerror or err}") from None
        return
    try:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None


class Progress:
    """A one-line progress bar on stderr, shown only on a terminal and for long books."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled

    def step(self, what: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {what:<16}")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="layout", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"layout {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    conv = sub.add_parser(
        "convert",
        help="analyse a book and write TEI, JSON and reading text",
        description=DESCRIPTION,
        epilog=CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    conv.add_argument("input", metavar="INPUT", help="text file, folder of pages, or download")
    out = conv.add_argument_group("outputs")
    out.add_argument("--tei", metavar="FILE", help="write the TEI P5 document here")
    out.add_argument("--json", metavar="FILE", help="write the JSON analysis here")
    out.add_argument("--text", metavar="FILE", help="write the reading text here")
    out.add_argument(
        "-o", "--output-dir", metavar="DIR",
        help="write all three as DIR/NAME.tei.xml, NAME.json and NAME.txt",
    )
    out.add_argument("--pdf", metavar="FILE", help="re-typeset the book as a PDF here")
    out.add_argument(
        "--png", metavar="DIR",
        help="draw the re-typeset pages as PNG previews into DIR (page-0001.png, ...)",
    )
    typeset = conv.add_argument_group("typesetting (with --pdf or --png)")
    typeset.add_argument(
        "--pdf-mode", choices=("facsimile", "reflow"), default="facsimile",
        help="facsimile (default): one page per source page, with its running title, "
        "page number and notes; reflow: continuous text on --page-size with the source "
        "page numbers in the margin",
    )
    typeset.add_argument(
        "--page-size", metavar="SIZE", type=page_size,
        help="WxH with a unit (5.5x8.5in, 148x210mm) or a name (a5, book); "
        "default: the source's proportions in facsimile mode, 5.5x8.5in in reflow mode",
    )
    typeset.add_argument(
        "--pdf-a", action="store_true",
        help="make the PDF a PDF/A-2b archival file (checked before it is written)",
    )
    typeset.add_argument(
        "--dpi", type=dpi, default=110.0,
        help="resolution of the PNG previews, 20 to 1200 (default 110)",
    )
    opts = conv.add_argument_group("the book and the run")
    opts.add_argument("--title", help="the book's title, for the TEI header and the PDF")
    opts.add_argument("--author", help="the book's author, for the TEI header and the PDF")
    opts.add_argument(
        "--lang", metavar="CODE",
        help="the book's language (ISO 639-1, e.g. en, de); detected when not given",
    )
    opts.add_argument(
        "--notes", choices=("none", "end"), default="none",
        help="reading text: leave footnotes out (none, default) or add each page's "
        "notes at the end of its chunk (end)",
    )
    opts.add_argument("-q", "--quiet", action="store_true", help="no progress bar or remarks")
    return parser


def dpi(text: str) -> float:
    """Parse --dpi: a resolution a preview can be drawn at."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 20 <= value <= 1200:
        raise argparse.ArgumentTypeError(f"{text}: give a resolution from 20 to 1200")
    return value


def page_size(text: str) -> tuple[float, float]:
    """Parse --page-size; argparse turns the ValueError into a usage error."""
    from layout.typeset.pages import parse_page_size

    try:
        return parse_page_size(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def typeset_outputs(book: Book, args: argparse.Namespace, quiet: bool) -> list[Path]:
    """Compose the book once and draw it as PDF and/or PNG pages; the paths written."""
    from layout.typeset.compose import compose
    from layout.writers import pdf, png

    composed = compose(book, mode=args.pdf_mode, page_size=args.page_size)
    written: list[Path] = []
    if args.pdf:
        try:
            data = pdf.render(composed, pdf_a=args.pdf_a)
        except pdf.PdfAError as err:
            raise OutputError(f"{args.pdf}: not written: {err}") from None
        save(Path(args.pdf), data)
        written.append(Path(args.pdf))
    if args.png:
        folder = Path(args.png)
        for n, image in enumerate(png.render(composed, dpi=args.dpi), start=1):
            save(folder / f"page-{n:04d}.png", image)
        written.append(folder)
    if composed.replaced and not quiet:
        chars = " ".join(sorted(composed.replaced))
        print(
            f"layout: the typeface lacks {len(composed.replaced)} characters, drawn as "
            f"stand-ins: {chars}",
            file=sys.stderr,
        )
    return written


def outputs(args: argparse.Namespace) -> dict[str, Path]:
    """Which writer goes to which path."""
    chosen: dict[str, Path] = {}
    if args.output_dir:
        base = Path(args.output_dir)
        stem = Path(args.input.rstrip("/\\")).name
        for suffix in (".tei.xml", ".xml", ".txt"):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        chosen = {
            "tei": base / f"{stem}.tei.xml",
            "json": base / f"{stem}.json",
            "text": base / f"{stem}.txt",
        }
    for kind in ("tei", "json", "text"):
        if getattr(args, kind):
            chosen[kind] = Path(getattr(args, kind))
    return chosen


def convert(args: argparse.Namespace) -> int:
    from layout.writers import analysis, tei, text

    targets = outputs(args)
    source = Path(args.input).resolve()
    for path in [*targets.values(), *(Path(p) for p in (args.pdf,) if p)]:
        if path.resolve() == source:
            raise OutputError(f"{path}: is the input; choose another output name")
    writers: dict[str, Callable[[Book], bytes]] = {
        "tei": tei.write,
        "json": analysis.write,
        "text": lambda book: text.write(book, notes=args.notes),
    }
    started = time.perf_counter()
    # The model is acyclic frozen data: the cycle collector would only rescan it, again
    # and again, as the passes build new values (about a tenth of the run on a long book).
    gc.disable()
    book = load(Path(args.input))
    meta = book.metadata
    if args.title:
        meta = replace(meta, title=args.title)
    if args.author:
        meta = replace(meta, author=args.author)
    book = replace(book, metadata=meta, language=args.lang or book.language)
    show = (
        not args.quiet and sys.stderr.isatty() and len(book.pages) >= PROGRESS_MIN_PAGES
    )
    typesetting = bool(args.pdf or args.png)
    # A book read back from our own TEI carries its (perhaps hand-corrected) decisions.
    passes = () if book.analysed else DEFAULT_PASSES
    progress = Progress(len(passes) + max(1, len(targets)) + typesetting, show)
    book = analyse(book, passes, done=progress.step)
    if not targets and not typesetting:
        save(None, writers["tei"](book))
        progress.step("tei")
    for kind, path in targets.items():
        save(path, writers[kind](book))
        progress.step(kind)
    written = list(targets.values())
    if typesetting:
        gc.enable()  # the typesetter and ReportLab do make cyclic garbage
        written += typeset_outputs(book, args, args.quiet)
        progress.step("typesetting")
    if not args.quiet:
        for diag in book.diagnostics:
            where = "".join(
                f", {k} {v + 1}" for k, v in (("page", diag.page), ("line", diag.line))
                if v is not None
            )
            print(f"layout: {args.input}{where}: {diag.message}", file=sys.stderr)
        if written:
            took = time.perf_counter() - started
            print(
                f"layout: {len(book.pages)} pages in {took:.2f} s -> "
                + ", ".join(str(p) for p in written),
                file=sys.stderr,
            )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return convert(args)
    except ReadError as err:
        print(f"layout: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except OutputError as err:
        print(f"layout: error: {err}", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        print("layout: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug of ours: one line, not a traceback  # noqa: BLE001
        where = ""
        tb = err.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        print(
            f"layout: internal error{where}: {type(err).__name__}: {err} "
            f"(converting {args.input}; please report this with the input)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        gc.enable()  # convert() pauses the cycle collector; a caller gets it back


if __name__ == "__main__":
    sys.exit(main())
