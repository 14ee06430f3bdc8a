"""One book converted from its input path to its output files, as the command line and a
batch worker run it: never raises for a bad book, returns a small `Report`.

In: the input path, the targets (output kind -> path, `-` for standard output) and the
run's `Options`. Out: the outputs written (each atomically, see `layout.files`) and a
`Report`: the exit status, a one-line message when it failed, the book's pages, the
seconds taken, the outputs written and the remarks (diagnostics) for the user.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from layout import api, files
from layout.files import OutputError
from layout.outputs import KINDS, OUTPUT_KINDS, Options
from layout.passes import DEFAULT_PASSES
from layout.progress import Bar, Progress, Silent, counted
from layout.readers import ReadError
from layout.report import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_OUTPUT,
    Report,
)
from layout.writers import RefusedOutput

PROGRESS_MIN_PAGES = 20
"""Books shorter than this convert too fast for a progress bar to help."""


def output_dir_targets(input_path: str, folder: str) -> dict[str, str]:
    """What `-o DIR` writes: every kind with a suffix, as DIR/NAME + suffix."""
    name = files.stem(input_path)
    return {
        kind.name: str(Path(folder) / f"{name}{kind.suffix}")
        for kind in OUTPUT_KINDS if kind.suffix is not None
    }


def check_targets(input_path: str, targets: Mapping[str, str]) -> None:
    """Refuse, before any work, targets that would lose a file or mix outputs: one that is
    the input (or one of a folder's page files) under any name, one in a folder input
    that the next run would read as a page, two outputs on one path, and standard
    output for a kind that cannot go there or when it is closed."""
    source = Path(input_path)
    folder = source.is_dir()
    inputs = files.page_files(source) if folder else [source]
    seen: list[tuple[str, str]] = []
    for name, target in targets.items():
        kind = KINDS[name]
        if target == files.STDOUT:
            if not kind.stdout:
                raise OutputError(f"--{name} {target}: {name} cannot go to standard output")
            if sys.stdout is None:
                raise OutputError("standard output: closed; nothing can be written to it")
        else:
            path = Path(target)
            if any(files.same_file(path, page) for page in inputs):
                raise OutputError(f"{target}: is the input; choose another output name")
            if folder and files.read_as_page(path, source):
                raise OutputError(
                    f"{target}: inside the input folder {input_path}, where the next run "
                    "would read it as a page; write it elsewhere"
                )
        for other_name, other in seen:
            stdout = files.STDOUT in (target, other)
            if target == other if stdout else files.same_file(Path(target), Path(other)):
                raise OutputError(
                    f"{target}: given for both --{other_name} and --{name}; "
                    "each output needs a path of its own"
                )
        seen.append((name, target))


def convert_file(
    input_path: str,
    targets: Mapping[str, str],
    options: Options | None = None,
    progress: bool = False,
    inspect: Callable[[api.Result], None] | None = None,
) -> Report:
    """Convert one input into `targets` (kind -> path or `-`, kinds from `OUTPUT_KINDS`);
    a progress bar on stderr when `progress` and the book is long enough. `inspect` sees
    the analysed book before its outputs are written (a batch worker takes its counts and
    page records there); what it raises is reported like any internal error."""
    options = options or Options()
    started = time.perf_counter()
    pages = 0
    bar: Bar | None = None
    try:
        check_targets(input_path, targets)
        with api.cycle_collector_paused():
            book = api.read(
                Path(input_path), title=options.title, author=options.author, lang=options.lang
            )
            pages = len(book.pages)
            if progress and pages >= PROGRESS_MIN_PAGES:
                bar = Bar(steps(book.analysed, targets), pages)
            result = api.Result(api.analyse(book, progress=bar))
            if inspect is not None:
                inspect(result)
            written = write_outputs(result, targets, options, bar, typeset=False)
        written += write_outputs(result, targets, options, bar, typeset=True)
        if bar is not None:
            bar.close()
            bar = None
        return Report(
            input_path, EXIT_OK, pages=pages, seconds=time.perf_counter() - started,
            outputs=tuple(written), remarks=remarks(result, input_path),
        )
    except ReadError as err:
        return Report(input_path, EXIT_INPUT, f"error: {err}", pages)
    except OutputError as err:
        return Report(input_path, EXIT_OUTPUT, f"error: {err}", pages)
    except Exception as err:  # a bug of ours: one line, not a traceback  # noqa: BLE001
        return Report(input_path, EXIT_INTERNAL, internal_error(err, input_path), pages)
    finally:
        if bar is not None:
            bar.close()


def steps(analysed: bool, targets: Mapping[str, str]) -> int:
    """How many steps of the book's pages a run takes: passes, outputs, typesetting."""
    kinds = [KINDS[k] for k in targets]
    typesetting = any(kind.typeset for kind in kinds)
    return (0 if analysed else len(DEFAULT_PASSES)) + len(kinds) + typesetting


def write_outputs(
    result: api.Result,
    targets: Mapping[str, str],
    options: Options,
    progress: Progress | None,
    typeset: bool,
) -> list[str]:
    """Write the targets of the quick kinds (`typeset` False) or the typeset ones, in the
    table's order; the paths written."""
    tell = progress or Silent()
    written: list[str] = []
    pages = len(result.book.pages)
    for kind in OUTPUT_KINDS:
        target = targets.get(kind.name)
        if target is None or kind.typeset != typeset:
            continue
        if kind.stream is not None:
            tell.begin(kind.name, pages)
            files.write(target, partial(kind.stream, result, options))
            tell.advance(pages)
        elif kind.file is not None:
            if not kind.typeset:
                tell.begin(kind.name, pages)
            try:
                data = kind.file(result, options, progress)
            except RefusedOutput as err:
                raise OutputError(f"{target}: not written: {err}") from None
            files.write(target, data)
            if not kind.typeset:
                tell.advance(pages)
        elif kind.folder is not None:
            for name, data in kind.folder(result, options, progress):
                files.write_file(Path(target) / name, data)
        if target != files.STDOUT:
            written.append(target)
    return written


def remarks(result: api.Result, input_path: str) -> tuple[str, ...]:
    """What the user should read about the run: characters no face has, and the
    engine's diagnostics with their page and line."""
    lines: list[str] = []
    replaced = result.replaced()
    if replaced:
        from layout.typeset.fonts import describe  # typesetting was done: no start-up cost

        lines.append(
            f"no face has {counted(len(replaced), 'character')}, drawn as an equivalent or "
            "left out: "
            + describe(replaced)
        )
    for diag in result.book.diagnostics:
        where = "".join(
            f", {k} {v + 1}" for k, v in (("page", diag.page), ("line", diag.line))
            if v is not None
        )
        lines.append(f"{input_path}{where}: {diag.message}")
    return tuple(lines)


def internal_error(err: Exception, input_path: str) -> str:
    """A bug of ours in one line: where it happened, what, and the input to report."""
    where = ""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
    return (
        f"internal error{where}: {type(err).__name__}: {err} "
        f"(converting {input_path}; please report this with the input)"
    )
