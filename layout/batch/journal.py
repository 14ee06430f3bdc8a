"""Append-only JSON-lines files that survive a killed run: the manifest and pages.jsonl.

In: records (JSON objects) as books finish. Out: one line each, appended whole and
flushed to the disk before the next book is recorded, so a run killed at any moment
leaves every finished book's lines and at most one torn last line; `read` skips such a
line and `mend` cuts it off before a resumed run appends again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from layout.files import OutputError, write_file

Record = dict[str, Any]


class Journal:
    """A JSON-lines file open for appending whole records."""

    def __init__(self, path: Path, fresh: bool) -> None:
        """Open `path` for appending; `fresh` starts it empty (atomically)."""
        self.path = path
        if fresh or not path.exists():
            write_file(path, b"")
        try:
            self._stream: IO[bytes] = path.open("ab")
        except OSError as err:
            raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None

    def append(self, records: Iterable[Record] = (), lines: bytes = b"") -> None:
        """Append the records (and lines already encoded) whole, and flush them to disk."""
        data = lines + b"".join(
            json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n" for record in records
        )
        if not data:
            return
        try:
            self._stream.write(data)
            self._stream.flush()
            os.fsync(self._stream.fileno())
        except OSError as err:
            raise OutputError(f"{self.path}: cannot write: {err.strerror or err}") from None

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read(path: Path) -> list[Record]:
    """The whole records of a journal (none when it does not exist); a torn or garbled
    line is skipped."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as err:
        raise OutputError(f"{path}: cannot read: {err.strerror or err}") from None
    records = []
    for line in data.split(b"\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def mend(path: Path, keep: Callable[[Record], bool]) -> None:
    """Rewrite `path` (atomically) with only the whole records `keep` accepts, when any
    line would go; leave it untouched otherwise."""
    try:
        lines = path.read_bytes().split(b"\n")
    except FileNotFoundError:
        return
    except OSError as err:
        raise OutputError(f"{path}: cannot read: {err.strerror or err}") from None
    kept: list[bytes] = []
    dropped = lines.pop() != b""  # text after the last newline: a torn line
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if isinstance(record, dict) and keep(record):
            kept.append(line + b"\n")
        else:
            dropped = True
    if dropped:
        write_file(path, b"".join(kept))
