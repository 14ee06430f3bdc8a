"""The command line: a shell over the API that parses argv, names the paths, prints
messages and sets the exit code (the work is `layout.job.convert_file`'s).

    layout convert INPUT [--tei F] [--json F] [--text F] [-o DIR] [options]

In: an input file or folder (see `layout.readers`) and options. Out: the requested outputs
(TEI, JSON, reading text, PDF, PNG) written to their files; remarks on stderr.

Exit codes: 0 success; 1 the input cannot be read as a book; 2 wrong usage; 3 an output
cannot be written; 4 an internal error (a bug: reported in one line, never a traceback).
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from layout import __version__
from layout.files import STDOUT
from layout.outputs import DIR_KINDS, OUTPUT_KINDS, Options
from layout.report import EXIT_USAGE

DESCRIPTION = """\
Rebuild the structure of an OCR'd book: find the printed page numbers, running titles
and other page furniture, the footnotes and their marks, and decide every line-end
hyphen, book-wide; then write the book as TEI-XML, a JSON analysis and reading text,
and re-typeset it as a clean PDF.
"""

CONVERT_EPILOG = """\
INPUT may be:
  a text file whose pages are separated by form feeds (one page if there are none),
  OCR with geometry: PAGE-XML, ALTO, hOCR or an Internet Archive _djvu.xml file,
  a folder of page files (PAGE-XML, ALTO or hOCR files, else *.txt files; taken in
    natural order: 2.txt before 10.txt),
  a HathiTrust full-text download (its header becomes TEI metadata),
  an Internet Archive _djvu.txt (pages recovered from running titles and numbers).

Without --tei/--json/--text/-o/--pdf/--png the TEI goes to standard output.
Every output is written whole or not at all (a temporary file renamed over the old).
A TEI file this command wrote (perhaps corrected by hand) is read back with its
decisions kept, so it can be re-typeset: layout convert book.tei.xml --pdf book.pdf
Exit codes: 0 done; 1 input unreadable; 2 wrong usage; 3 an output not written
(unwritable, the input under another name, two outputs on one path, standard
output closed); 4 internal error (please report it).

examples:
  layout convert samples/page-286.txt -o out/
  layout convert samples/laband1876-excerpt.txt --pdf out/laband.pdf --png out/png/
  layout convert book.txt --pdf book.pdf --pdf-mode reflow --page-size a5
"""


UNKNOWN = re.compile(r"unrecognized arguments: (.*)")
CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


class Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors suggest the option or choice most likely
    meant (`--jsno` -> `--json`, `convet` -> `convert`)."""

    def error(self, message: str) -> NoReturn:
        super().error(message + self.suggestion(message))

    def suggestion(self, message: str) -> str:
        import difflib  # loaded only for a usage error (start-up)

        choice = CHOICE.search(message)
        if choice:
            choices = re.findall(r"'([^']*)'", choice.group(2))
            close = difflib.get_close_matches(choice.group(1), choices, n=1)
            return f"; did you mean {close[0]!r}?" if close else ""
        unknown = UNKNOWN.search(message)
        options = sorted(set(self.option_strings()))
        for token in unknown.group(1).split() if unknown else ():
            word = token.split("=", 1)[0]
            if not word.startswith("-"):
                continue
            close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
            if not close and not word.startswith("--"):
                close = difflib.get_close_matches("-" + word, options, n=1, cutoff=0.6)
            if close:
                return f"; did you mean {close[0]}?"
        return ""

    def option_strings(self) -> Iterator[str]:
        """Every option of this parser and of its commands'."""
        for action in self._actions:
            yield from action.option_strings
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from (o for a in sub._actions for o in a.option_strings)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="layout", description=DESCRIPTION)
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
    for kind in OUTPUT_KINDS:
        where = "; - for standard output" if kind.stdout else ""
        out.add_argument(f"--{kind.name}", metavar=kind.metavar, help=kind.help + where)
    named = [f"NAME{kind.suffix}" for kind in OUTPUT_KINDS if kind.suffix]
    out.add_argument(
        "-o", "--output-dir", metavar="DIR",
        help=f"write DIR/{', '.join(named[:-1])} and {named[-1]}",
    )
    add_typesetting(conv, "typesetting (with --pdf or --png)")
    opts = conv.add_argument_group("the book and the run")
    opts.add_argument("--title", help="the book's title, for the TEI header and the PDF")
    opts.add_argument("--author", help="the book's author, for the TEI header and the PDF")
    add_run_options(opts, "the book's")
    add_batch(sub)
    return parser


def add_typesetting(command: argparse.ArgumentParser, title: str) -> None:
    """The typesetting options `convert` and `batch` share."""
    typeset = command.add_argument_group(title)
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


def add_run_options(opts: argparse._ArgumentGroup, whose: str) -> None:
    """The language, notes and quiet options `convert` and `batch` share."""
    opts.add_argument(
        "--lang", metavar="CODE", type=language,
        help=f"{whose} language as a BCP 47 tag (e.g. en, de, fr-CA); "
        "detected when not given",
    )
    opts.add_argument(
        "--notes", choices=("none", "end"), default="none",
        help="reading text: leave footnotes out (none, default) or add each page's "
        "notes at the end of its chunk (end)",
    )
    opts.add_argument(
        "--text-lines", action="store_true",
        help="reading text: keep the printed lines of each paragraph (default: each "
        "paragraph on one line; paragraphs and headings apart by a blank line either way)",
    )
    opts.add_argument(
        "--json-indent", metavar="N", type=indent_width,
        help="JSON analysis: indent N spaces a level, for human eyes (default: compact)",
    )
    opts.add_argument("-q", "--quiet", action="store_true", help="no progress bar or remarks")


BATCH_DESCRIPTION = """\
Convert a whole shelf of books: each book as `layout convert` would, on every core
(or on a Dask cluster), its outputs to OUTDIR/NAME.*, one line per book in
OUTDIR/manifest.jsonl. A bad book is recorded there and the rest go on.
"""

BATCH_EPILOG = """\
INPUT may be a book (a file, or a folder of page files, as `convert` reads them), a
folder of books (a folder holding folders, or files of many pages each), or @LIST,
a text file naming one INPUT per line. NAME is the book's file name without its
suffix (with its folders' names when two books share one).

Exit codes: 0 every book converted; 1 some book failed (the manifest gives each
one's status: 1 input unreadable, 3 output not writable, 4 internal error, and its
message); 2 wrong usage, no books found, or a cluster that cannot run the batch;
3 OUTDIR or the manifest not writable; 130 interrupted (add --resume to go on).

examples:
  layout batch shelf/ -o out/
  layout batch a.txt b.txt pages-of-c/ -o out/ --formats tei,pdf --jobs 4
  layout batch @volumes.txt -o out/ --resume --pages
  layout batch /shared/shelf -o /shared/out --cluster tcp://scheduler:8786
"""


def add_batch(sub: argparse._SubParsersAction[Parser]) -> None:
    """The `batch` command's arguments."""
    batch = sub.add_parser(
        "batch", help="convert many books at once, on every core or on a Dask cluster",
        description=BATCH_DESCRIPTION, epilog=BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("inputs", metavar="INPUT", nargs="+",
                       help="books, folders of books, or @LIST files")
    batch.add_argument("-o", "--output-dir", metavar="OUTDIR", required=True,
                       help="where the outputs, manifest.jsonl and pages.jsonl go")
    batch.add_argument(
        "--formats", type=formats, default=DIR_KINDS, metavar="KIND,...",
        help=f"the outputs to write, of {','.join(k.name for k in OUTPUT_KINDS)} "
        f"(default {','.join(DIR_KINDS)})",
    )
    batch.add_argument("--jobs", type=jobs, metavar="N",
                       help="worker processes (default: all cores)")
    batch.add_argument("--resume", action="store_true",
                       help="skip books the manifest has as converted from the same input")
    batch.add_argument(
        "--cluster", metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
        "or 'local' for a LocalCluster of --jobs workers; books and OUTDIR must be on "
        "a path every worker sees",
    )
    batch.add_argument("--pages", action="store_true",
                       help="also write OUTDIR/pages.jsonl: one record per page of every book")
    add_typesetting(batch, "typesetting (with --formats pdf or png)")
    add_run_options(batch.add_argument_group("the books and the run"), "the books'")


def formats(text: str) -> tuple[str, ...]:
    """Parse --formats: output kinds from the table, comma-separated."""
    from layout.batch import parse_formats

    try:
        return parse_formats(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def jobs(text: str) -> int:
    """Parse --jobs: a positive number of workers."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of workers, 1 or more")
    return int(text)


def indent_width(text: str) -> int:
    """Parse --json-indent: a number of spaces from 0 to 8."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 8:
        raise argparse.ArgumentTypeError(f"{text}: give 0 to 8 spaces")
    return value


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


def language(text: str) -> str:
    """Parse --lang: a BCP 47 tag, or a usage error suggesting one."""
    from layout.api import language_tag

    try:
        return language_tag(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def targets(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict[str, str]:
    """Which output kind goes to which path (`-o DIR` first, then the single options);
    the TEI to standard output when none is asked for. `-` is standard output, for the
    kinds that can go there (a usage error for the others)."""
    if args.output_dir == STDOUT:
        parser.error("-o needs a folder; to write one output to standard output, give "
                     "its option - (e.g. --tei -)")
    from layout.job import output_dir_targets

    chosen = output_dir_targets(args.input, args.output_dir) if args.output_dir else {}
    for kind in OUTPUT_KINDS:
        path = getattr(args, kind.name)
        if path == STDOUT and not kind.stdout:
            parser.error(f"--{kind.name} {STDOUT}: {kind.name} output cannot go to "
                         "standard output; give a folder")
        if path:
            chosen[kind.name] = path
    return chosen or {"tei": STDOUT}


def options(args: argparse.Namespace) -> Options:
    """The run's options from argv."""
    return Options(
        title=getattr(args, "title", None), author=getattr(args, "author", None),
        lang=args.lang, notes=args.notes, json_indent=args.json_indent,
        text_lines=args.text_lines,
        pdf_mode=args.pdf_mode, page_size=args.page_size, pdf_a=args.pdf_a, dpi=args.dpi,
    )


def entry() -> int:
    """The installed `layout` command (and `python -m layout`): `main`, then the process
    ends. Before it does, what it holds is frozen (`gc.freeze`): the interpreter's last
    collection would otherwise walk every object left (after a `--cluster local` batch,
    Dask's and the engine's: a tenth of a second, a hundredth frozen). `main` itself
    leaves the collector alone, for callers that go on."""
    status = main()
    gc.freeze()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "batch":
        return batch_main(args)
    # The engine, imported here rather than with this module: a batch starts its
    # workers (or their fork server) before it loads the engine, if it does at all.
    from layout.job import convert_file

    try:
        report = convert_file(
            args.input, targets(args, parser), options(args),
            progress=not args.quiet and sys.stderr.isatty(),
        )
    except KeyboardInterrupt:
        print("layout: interrupted", file=sys.stderr)
        return 130
    if report.message:
        print(f"layout: {report.message}", file=sys.stderr)
    elif not args.quiet:
        for remark in report.remarks:
            print(f"layout: {remark}", file=sys.stderr)
        if report.outputs:
            print(f"layout: {report.summary}", file=sys.stderr)
    return report.status


def batch_main(args: argparse.Namespace) -> int:
    """`layout batch`: run it, print the failures as they come and the summary line."""
    if args.cluster == "local":  # first: its import runs beside the rest of ours
        from layout.batch.cluster import start_local_server

        start_local_server()
    from layout import batch

    plan = batch.Plan(
        formats=args.formats, options=options(args), jobs=args.jobs, resume=args.resume,
        cluster=args.cluster, pages=args.pages,
    )
    try:
        summary = batch.run(args.inputs, args.output_dir, plan,
                            show_progress=not args.quiet and sys.stderr.isatty())
    except batch.BatchError as err:
        print(f"layout: {err}", file=sys.stderr)
        return err.status
    if not args.quiet or summary.failed:
        print(f"layout: {summary.line}", file=sys.stderr)
    return batch.EXIT_FAILED if summary.failed else batch.EXIT_OK


if __name__ == "__main__":
    sys.exit(entry())
