"""The manifest, OUTDIR/manifest.jsonl: one line per book converted or failed.

In: a finished book's `Outcome` (from a worker) and the run's options. Out: its record:
the book's name, input path, size and SHA-256, pages, seconds, outputs written (names in
OUTDIR), exit status (0 converted, 1 input unreadable, 3 output not writable, 4 internal
error) with its one-line message, the counts of notes and of uncertain decisions, the
engine's remarks, and the options it was converted with. A book converted again (after
a change) gets a new line; the last line of a book is the one that counts.

`--resume` skips a book whose last record is complete: converted (status 0) from an input
of the same hash, with the same options, and every output asked for still in OUTDIR.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from layout.batch.journal import Record
from layout.batch.worker import Outcome
from layout.outputs import Options

MANIFEST = "manifest.jsonl"
PAGES = "pages.jsonl"


def options_record(options: Options) -> dict[str, Any]:
    """The options as the manifest keeps them (JSON values: a page size is a list)."""
    value: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(options)))
    return value


def record(outcome: Outcome, outdir: Path, options: Options) -> Record:
    """The manifest line of one finished book."""
    report, volume = outcome.report, outcome.volume
    return {
        "book": volume.name,
        "input": volume.path,
        "size": volume.size,
        "sha256": outcome.sha256,
        "pages": report.pages,
        "seconds": round(report.seconds, 3),
        "outputs": [_relative(path, outdir) for path in report.outputs],
        "status": report.status,
        "message": report.message,
        "notes": outcome.notes,
        "uncertain": outcome.uncertain,
        "remarks": list(report.remarks),
        "options": options_record(options),
    }


def _relative(path: str, outdir: Path) -> str:
    try:
        return str(Path(path).relative_to(outdir))
    except ValueError:
        return path


def latest(records: Iterable[Record]) -> dict[str, Record]:
    """Each book's last record."""
    last: dict[str, Record] = {}
    for entry in records:
        if isinstance(entry.get("book"), str):
            last[entry["book"]] = entry
    return last


def complete(
    entry: Record | None,
    sha256: str,
    outputs: Iterable[str],
    outdir: Path,
    options: Mapping[str, Any],
) -> bool:
    """Whether a book's last record lets `--resume` skip it (see the module's docstring)."""
    if entry is None or entry.get("status") != 0 or not sha256:
        return False
    if entry.get("sha256") != sha256 or entry.get("options") != options:
        return False
    written = entry.get("outputs")
    if not isinstance(written, list):
        return False
    return all(name in written and (outdir / name).exists() for name in outputs)
