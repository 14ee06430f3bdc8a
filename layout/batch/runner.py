"""A batch from start to end: find the books, skip what is done, convert the rest on an
engine, record every book as it finishes, summarise.

In: the INPUTs, OUTDIR and a `Plan` (formats, options, workers, resume, cluster, page
records). Out: OUTDIR/NAME.* for every book, OUTDIR/manifest.jsonl (one line per book
converted or failed, flushed as it finishes), OUTDIR/pages.jsonl with `--pages`, and the
run's `Summary`. A bad book is recorded and the rest go on; an interrupted run leaves
whole files and a manifest that `--resume` continues from.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from layout.batch import cluster, journal, manifest, pool, shelf
from layout.batch.journal import Journal
from layout.batch.progress import ShelfBar, Summary
from layout.batch.worker import Outcome, Task, targets
from layout.files import OutputError, leftovers
from layout.outputs import DIR_KINDS, OUTPUT_KINDS, Options

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
"""A batch's exit codes: all converted; a book failed (see the manifest); wrong usage,
no books, or a cluster that cannot run it; OUTDIR not writable; interrupted."""


class BatchError(Exception):
    """A batch that cannot run at all; `status` is the command line's exit code."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def default_formats() -> tuple[str, ...]:
    """What a batch writes unless told: what `convert -o` writes."""
    return DIR_KINDS


def parse_formats(text: str) -> tuple[str, ...]:
    """`tei,json,pdf` as output kinds, in the table's order; ValueError naming the
    choices for an unknown one."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    known = [kind.name for kind in OUTPUT_KINDS]
    unknown = [name for name in names if name not in known]
    if not names:
        raise ValueError(f"no output kind given; choose from {','.join(known)}")
    if unknown:
        raise ValueError(f"unknown output kind {', '.join(unknown)}; "
                         f"choose from {','.join(known)}")
    return tuple(name for name in known if name in names)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Plan:
    """How to run a batch (the command line's options, as data)."""

    formats: tuple[str, ...] = field(default_factory=default_formats)
    options: Options = field(default_factory=Options)
    jobs: int | None = None
    """Worker processes (LocalCluster workers with `--cluster local`); None: all cores."""
    resume: bool = False
    cluster: str | None = None
    """A Dask scheduler's address, or "local"; None: the local process pool."""
    pages: bool = False
    """Whether to write OUTDIR/pages.jsonl."""


def run(
    inputs: Sequence[str],
    outdir: str,
    plan: Plan,
    show_progress: bool = False,
) -> Summary:
    """Run the batch; BatchError when it cannot run at all or is interrupted (the books'
    own failures are in the manifest and the summary)."""
    folder = Path(os.path.abspath(outdir))
    try:
        volumes = shelf.gather(inputs, folder)
    except shelf.ShelfError as err:
        raise BatchError(f"error: {err}", EXIT_USAGE) from None
    summary = Summary(books=len(volumes))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder), _terminate_as_interrupt():
            _sweep(folder, volumes, plan)
            todo = _todo(volumes, folder, plan, summary)
            _convert(todo, folder, plan, summary, show_progress)
    except OutputError as err:
        raise BatchError(f"error: {err}", EXIT_OUTPUT) from None
    except OSError as err:
        raise BatchError(f"error: {folder}: {err.strerror or err}", EXIT_OUTPUT) from None
    except cluster.ClusterError as err:
        raise BatchError(f"error: {err}", EXIT_USAGE) from None
    except KeyboardInterrupt:
        raise BatchError(
            f"interrupted after {summary.finished} of {summary.books} books; every finished "
            f"book is in {folder / manifest.MANIFEST}: add --resume to go on",
            EXIT_INTERRUPTED,
        ) from None
    return summary


def _todo(volumes: Sequence[shelf.Volume], folder: Path, plan: Plan, summary: Summary
          ) -> list[shelf.Volume]:
    """The books to convert, largest first; with `--resume` those complete before are
    counted as skipped, and the journals mended to hold whole lines of finished books."""
    book_log, page_log = folder / manifest.MANIFEST, folder / manifest.PAGES
    if not plan.resume:
        return shelf.largest_first(volumes)
    last = manifest.latest(journal.read(book_log))
    paged = {r.get("book") for r in journal.read(page_log)} if plan.pages else set()
    options = manifest.options_record(plan.options)
    done: set[str] = set()
    for volume in volumes:
        entry = last.get(volume.name)
        if entry is None or entry.get("status") != 0 or (plan.pages and volume.name not in paged):
            continue
        names = [Path(path).name for path in targets(volume, folder, plan.formats).values()]
        if manifest.complete(entry, shelf.digest(volume.path), names, folder, options):
            done.add(volume.name)
    journal.mend(book_log, keep=lambda record: True)
    if plan.pages:
        journal.mend(page_log, keep=lambda record: record.get("book") in done)
    summary.skipped = len(done)
    return shelf.largest_first(v for v in volumes if v.name not in done)


def _convert(todo: Sequence[shelf.Volume], folder: Path, plan: Plan, summary: Summary,
             show_progress: bool) -> None:
    """Convert the books on the plan's engine, recording each as it finishes."""
    tasks = [Task(v, targets(v, folder, plan.formats), plan.options, plan.pages) for v in todo]
    jobs = max(1, min(plan.jobs or cores(), len(tasks)))  # no idle workers started
    pages_log = Journal(folder / manifest.PAGES, fresh=not plan.resume) if plan.pages else None
    with Journal(folder / manifest.MANIFEST, fresh=not plan.resume) as book_log, \
            pages_log or nullcontext():
        bar = ShelfBar(summary, len(tasks), show_progress)

        def deliver(outcome: Outcome) -> None:
            report = outcome.report
            if pages_log is not None and outcome.page_lines:
                pages_log.append(lines=outcome.page_lines)
            book_log.append([manifest.record(outcome, folder, plan.options)])
            bar.done(report.pages, failed=report.status != 0)
            if report.status:
                bar.say(f"layout: {report.message}")

        try:
            if not tasks:
                pass
            elif plan.cluster:
                cluster.run(tasks, plan.cluster, jobs, str(folder), deliver)
            else:
                pool.run(tasks, jobs, deliver)
        finally:
            bar.close()


def _sweep(folder: Path, volumes: Sequence[shelf.Volume], plan: Plan) -> None:
    """Remove the temporary files of writes a killed run left half done."""
    folders = {folder}
    for volume in volumes:
        folders.update(Path(t) for t in targets(volume, folder, plan.formats).values())
    for place in folders:
        for partial in leftovers(place):
            with suppress(OSError):
                partial.unlink()


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold OUTDIR for this run: a second batch writing into it is refused."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this system
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError(
                f"error: {folder}: another layout batch is writing there", EXIT_USAGE
            ) from None
        yield
    finally:
        os.close(fd)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Take SIGTERM (a batch system's time limit, `kill`) as Ctrl-C: stop cleanly."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        before = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
