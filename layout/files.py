"""Files: reading an input path and writing outputs so that no good file is ever lost.

In: an input path (a file, or a folder of page files) and the outputs' paths. Out: the
input's bytes handed to the readers, and each output written whole or not at all: to a
temporary file in the target's folder, flushed to the disk, then renamed over the target,
so a full disk or a killed run leaves the previous file as it was. Anything that goes
wrong is a `ReadError` (input) or an `OutputError` (output) naming the path.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import BinaryIO

from layout.model import Book
from layout.readers import PAGE_FILE_SUFFIXES, ReadError, read_folder, read_stream

STDOUT = "-"
"""The output path that means standard output."""
PART_SUFFIX = ".part"
"""How a temporary file of `write_file` ends (it begins with a dot)."""


class OutputError(Exception):
    """An output that cannot be written; the message names the path."""


def natural_key(name: str) -> list[object]:
    """Sort key putting `2.txt` before `10.txt`."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def page_files(folder: Path) -> list[Path]:
    """A folder input's files that may be page files (`*.txt`, or OCR XML and hOCR:
    `readers.read_folder` tells them apart by content), in natural order."""
    return sorted(
        (
            p for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in PAGE_FILE_SUFFIXES
            and not p.name.startswith(".")
        ),
        key=lambda p: natural_key(p.name),
    )


def scan_finder(book: Book) -> Callable[[int], bytes | None]:
    """The scans of a book's pages, found by the names the source gives them (a PAGE
    file's `imageFilename`, hOCR's `image`, ALTO's `fileName`): beside the input (the
    folder of page files, or the file's folder) or one folder up, by the path as given
    or by its last part. A page whose scan is not found, or unreadable, gives None."""
    source = Path(book.metadata.source or ".")
    base = source if source.is_dir() else source.parent

    def scan(p: int) -> bytes | None:
        name = book.pages[p].image
        if not name or "://" in name:
            return None
        given = Path(name.replace("\\", "/"))
        for folder in (base, base.parent):
            for candidate in (folder / given, folder / given.name):
                try:
                    if candidate.is_file():
                        return candidate.read_bytes()
                except OSError:
                    continue
        return None

    return scan


def load(path: Path, name: str | None = None) -> Book:
    """Read the input path (file or folder) into a book; ReadError on anything wrong."""
    name = name or str(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file or folder")
    try:
        if path.is_dir():
            return read_folder([(str(p), p.read_bytes()) for p in page_files(path)], name)
        with path.open("rb") as stream:
            return read_stream(stream, name)
    except OSError as err:
        raise ReadError(f"{path}: cannot read: {err.strerror or err}") from None


@cache
def _file_mode() -> int:
    """The mode a new file gets under the process's umask (mkstemp's are private)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


Content = bytes | Callable[[BinaryIO], None]
"""An output's bytes, or a function that writes them to a stream (a long book's output
is then never held whole)."""


def write_file(path: Path, data: Content) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, synced, renamed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent
        )
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), _file_mode())
            if isinstance(data, bytes):
                out.write(data)
            else:
                data(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException as err:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot write: {err.strerror or err}") from None
        raise
    _sync_folder(path.parent)


def leftovers(folder: Path) -> list[Path]:
    """The temporary files that writes killed half way left in `folder` (never a
    finished output: those were renamed over their targets)."""
    try:
        return [p for p in folder.glob(f".*{PART_SUFFIX}") if p.is_file()]
    except OSError:
        return []


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_stdout(data: Content) -> None:
    """Write `data` to standard output; one that is closed, or whose reader went away
    before all was written (`| head`), is an OutputError: the output is not whole. (An
    output made by a function is made whole first: a failure leaves nothing half
    written.)"""
    if sys.stdout is None:
        raise OutputError("standard output: closed; nothing can be written to it")
    if not isinstance(data, bytes):
        buffer = io.BytesIO()
        data(buffer)
        data = buffer.getvalue()
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        # keep Python quiet when it flushes standard output at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        closed = "standard output: closed by its reader before all was written"
        raise OutputError(closed) from None
    except (OSError, ValueError) as err:  # ValueError: the stream object itself is closed
        what = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise OutputError(f"standard output: cannot write: {what}") from None


def write(target: str, data: Content) -> None:
    """Write one output to its path, or to standard output when the path is `-`."""
    if target == STDOUT:
        write_stdout(data)
    else:
        write_file(Path(target), data)


def stem(input_path: str) -> str:
    """The name `-o DIR` gives an input's outputs: its file name without .tei.xml/.xml/.txt."""
    name = Path(input_path.rstrip("/\\")).name
    for suffix in (".tei.xml", ".xml", ".txt"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once links and `..` are resolved,
    or two names (hard links) of one file."""
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def read_as_page(path: Path, folder: Path) -> bool:
    """Whether an output at `path` would be taken for a page by the next run over the
    folder input `folder`: a page file's suffix, directly in it (or the folder itself)."""
    folder, path = folder.resolve(), path.resolve()
    if path == folder:
        return True
    return path.parent == folder and path.suffix.lower() in PAGE_FILE_SUFFIXES
