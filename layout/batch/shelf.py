"""The books of a batch: what each INPUT names, what each book is called, how big it is.

In: the command line's INPUTs. Each is a book as `layout convert` reads it (a file, or a
folder of page files), a folder of books, or `@LIST`, a text file naming one INPUT per
line (blank lines and lines starting with `#` skipped; relative paths from the current
folder, as a shell would take them). Out: one `Volume` per book: a name unique in the
batch (its outputs are OUTDIR/NAME.*), its absolute path and its size in bytes.

A folder is a folder of books when it holds a folder, or a file that is a whole book by
itself (a form feed, a HathiTrust or Internet Archive download, a TEI document);
otherwise its files are the pages of one book. A folder of books may hold folders of
books again. A path that does not exist is still a book: its conversion fails and the
manifest says so, so that nothing a list names is lost without a word.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from layout.files import natural_key, page_files, stem
from layout.readers import djvu, hathitrust, looks_like_xml

HEAD_BYTES = 1 << 16
"""How much of a file is read to tell a whole book from a page."""


class ShelfError(Exception):
    """INPUTs that name no book (an empty folder, a list that cannot be read)."""


@dataclass(frozen=True, slots=True)
class Volume:
    """One book of a batch (picklable: workers receive it)."""

    name: str
    """Unique in the batch: its outputs are OUTDIR/name + suffix."""
    path: str
    """Absolute, so a worker on a cluster finds it on the shared file system."""
    size: int
    """Bytes (of all its page files for a folder); the largest books are converted first."""


def gather(inputs: Sequence[str], outdir: Path | None = None) -> list[Volume]:
    """The books the INPUTs name, each once, in the order given; a folder of books
    holding `outdir` does not take the batch's own outputs for books."""
    seen: set[Path] = set()
    books: list[Path] = []
    skip = Path(os.path.realpath(outdir)) if outdir is not None else None
    for path in _listed(inputs):
        for book in expand(path, skip):
            key = Path(os.path.realpath(book))
            if key not in seen:
                seen.add(key)
                books.append(book)
    if not books:
        raise ShelfError(f"no books found in {' '.join(inputs)}")
    names = unique_names(books)
    return [
        Volume(name, os.path.abspath(book), size(book))
        for name, book in zip(names, books, strict=True)
    ]


def _listed(inputs: Sequence[str]) -> Iterator[Path]:
    """The INPUTs as paths, `@LIST` files opened."""
    for item in inputs:
        if not item.startswith("@"):
            yield Path(item)
            continue
        try:
            text = Path(item[1:]).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            reason = err.strerror if isinstance(err, OSError) else "not UTF-8 text"
            raise ShelfError(f"{item[1:]}: cannot read the list: {reason or err}") from None
        for line in text.splitlines():
            entry = line.strip()
            if entry and not entry.startswith("#"):
                yield Path(entry)


def expand(path: Path, skip: Path | None = None) -> list[Path]:
    """The books at `path`: itself, or the books of a folder of books (not looking into
    the folder `skip`)."""
    if not (path.is_dir() and is_shelf(path)):
        return [path]
    if skip is not None and Path(os.path.realpath(path)) == skip:
        return []
    files = set(page_files(path))
    found: list[Path] = []
    for entry in sorted(_visible(path), key=lambda p: natural_key(p.name)):
        if entry.is_dir():
            found.extend(expand(entry, skip))
        elif entry in files:
            found.append(entry)
    return found


def _visible(folder: Path) -> Iterator[Path]:
    return (entry for entry in folder.iterdir() if not entry.name.startswith("."))


def is_shelf(folder: Path) -> bool:
    """Whether a folder holds books rather than the pages of one."""
    try:
        if any(entry.is_dir() for entry in _visible(folder)):
            return True
        return any(is_whole_book(page) for page in page_files(folder))
    except OSError:
        return False  # unreadable: taken for one book, whose conversion says what is wrong


def is_whole_book(path: Path) -> bool:
    """Whether a file holds many pages (so it is no page of a folder book)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return False
    if b"\f" in head:
        return True
    if looks_like_xml(head) or head.lstrip().lower().startswith(b"<!doctype html"):
        return b"<TEI" in head or head.count(b"ocr_page") > 1  # a TEI, a hOCR of pages
    text = head.decode("utf-8", "replace")
    return hathitrust.detect(text) or djvu.detect(text)


def unique_names(books: Sequence[Path]) -> list[str]:
    """Each book's output name: its file name without suffix, with as many of its parent
    folders' names as it takes to tell it from another book of the same name (a/v.txt and
    b/v.txt become a_v and b_v); a name still shared gets -2, -3, ..."""
    depth = [1] * len(books)
    while True:
        names = [_name(book, d) for book, d in zip(books, depth, strict=True)]
        clashes = _clashing(names)
        grown = False
        for i in clashes:
            if depth[i] < len(Path(os.path.abspath(books[i])).parts) - 1:
                depth[i] += 1
                grown = True
        if not clashes or not grown:
            break
    counts: dict[str, int] = {}
    unique = []
    for name in names:
        counts[name] = counts.get(name, 0) + 1
        unique.append(name if counts[name] == 1 else f"{name}-{counts[name]}")
    return unique


def _name(book: Path, depth: int) -> str:
    parents = Path(os.path.abspath(book)).parts[-depth:-1] if depth > 1 else ()
    return "_".join([*parents, stem(str(book))])


def _clashing(names: Sequence[str]) -> list[int]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [i for i, name in enumerate(names) if counts[name] > 1]


def size(path: Path) -> int:
    """A book's size in bytes: its file's, or its folder's files' (0 when missing)."""
    try:
        if path.is_dir():
            return sum(entry.stat().st_size for entry in _files(path))
        return path.stat().st_size
    except OSError:
        return 0


def _files(folder: Path) -> list[Path]:
    return sorted(
        (entry for entry in _visible(folder) if entry.is_file()),
        key=lambda p: natural_key(p.name),
    )


def digest(path: str) -> str:
    """SHA-256 of a book's bytes (a folder's: each file's name and bytes, in natural
    order), so `--resume` can tell a changed input; "" when it cannot be read."""
    source = Path(path)
    sha = hashlib.sha256()
    try:
        if source.is_dir():
            for entry in _files(source):
                name = entry.name.encode("utf-8", "surrogateescape")
                sha.update(b"%s\0%d\0" % (name, entry.stat().st_size))
                for chunk in _chunks(entry):
                    sha.update(chunk)
        else:
            for chunk in _chunks(source):
                sha.update(chunk)
    except OSError:
        return ""
    return sha.hexdigest()


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as stream:
        yield from iter(lambda: stream.read(1 << 20), b"")


def largest_first(volumes: Iterable[Volume]) -> list[Volume]:
    """The order books are handed to workers: largest first, so the last worker to
    finish does not finish alone with a long book (ties in the order given)."""
    return sorted(volumes, key=lambda v: -v.size)
