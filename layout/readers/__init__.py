"""Readers turn the bytes of an input into a `Book`; they decide nothing about its layout.

In: one file's bytes (or a folder's page files, in natural order) and a name for messages.
Out: a `Book` whose pages hold every printed line of the input, with metadata and
diagnostics from the source. `read_file` dispatches on the input's content, cheapest and
surest test first: markup by its root element (`ocr_formats.sniff`): a TEI document we
wrote (its decisions are read back, see `readers.tei`), OCR with geometry (PAGE-XML,
ALTO, hOCR, the Internet Archive's `_djvu.xml`); then a HathiTrust full-text download
(`## p. N (#seq)` page lines), an Internet Archive `_djvu.txt` without page separators
(pages recovered from running-title blocks), else plain text pages split by form feeds
(one page if there is none). A folder is a book of page files: OCR XML files if it holds
any, else its `*.txt` files. Anything unreadable is a `ReadError` whose message names the
file (and page and line).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO

from layout.model import Book
from layout.readers import hathitrust, text, unknown
from layout.readers.decoding import STRUCTURE, ReadError, decode, decode_pages

__all__ = ["PAGE_FILE_SUFFIXES", "ReadError", "decode", "looks_like_xml", "read_file",
           "read_folder", "read_stream"]

STREAM_HEAD = 4 * 65536
"""How much of a file `read_stream` looks at before it decides how to read the rest (as
much as `ocr_formats.sniff` looks at)."""
STREAM_BLOCK = 1 << 20

XML_STARTS = (b"<?xml", b"<TEI")
"""How an XML document (the TEI we write) begins, after a byte-order mark and white space."""

PAGE_FILE_SUFFIXES = frozenset({".txt", ".xml", ".hocr", ".html", ".htm", ".xhtml", ".alto"})
"""Suffixes of the files of a folder that may be page files (others are not read)."""

GEOMETRY_FORMATS = frozenset({"page", "alto", "hocr", "djvu-xml"})


def looks_like_xml(data: bytes) -> bool:
    """Whether the input is an XML document rather than OCR text."""
    return data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(XML_STARTS)


def read_file(data: bytes, name: str) -> Book:
    """A book from one input file, whatever of our shapes it has."""
    from layout.readers.ocr_formats import root_of, sniff

    kind = sniff(data)
    if kind == "tei":
        from layout.readers import tei  # lxml is loaded only for XML input

        return tei.read(data, name)
    if kind in GEOMETRY_FORMATS:
        from layout.readers import ocr_formats

        return ocr_formats.read(data, name, kind)
    if kind is not None:
        raise unknown.markup(*(root_of(data) or ("?", 1)), name)
    unknown.refuse_other_documents(data, name)
    content = decode(data, name)
    if hathitrust.detect(content):
        return hathitrust.read(content, name)
    from layout.readers import djvu  # loaded for whole-text input only

    if djvu.detect(content):
        return djvu.read(content, name)
    return text.read(content, name)


def read_stream(stream: BinaryIO, name: str) -> Book:
    """A book from an open file: plain text pages split by form feeds are read and
    decoded a page at a time, so a long book's bytes and text are never held whole (only
    its model is); any other input (markup, a download, one page without form feeds) is
    read whole by `read_file`."""
    head = stream.read(STREAM_HEAD)
    start = head[:64].removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if b"\f" not in head or start in (b"<", b"{", b"[", b"%", b""):
        return read_file(head + stream.read(), name)
    probe = head.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    if hathitrust.detect(STRUCTURE.sub("\n", probe)):  # as `decode` would give it
        return read_file(head + stream.read(), name)
    return text.read_pages(decode_pages(_pages(head, stream), name, head), name)


def _pages(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The file's bytes between form feeds, page by page, reading a block at a time."""
    rest = b""
    for block in chain((head,), iter(lambda: stream.read(STREAM_BLOCK), b"")):
        pieces = (rest + block).split(b"\f")
        rest = pieces.pop()
        yield from pieces
    yield rest


def read_folder(files: list[tuple[str, bytes]], name: str) -> Book:
    """A book from a folder's page files, given in natural order: its OCR files with
    geometry if it holds any (one page each, or more for a hOCR or djvu XML file), else
    its `*.txt` files, one page each."""
    from layout.readers.ocr_formats import read_folder as read_geometry
    from layout.readers.ocr_formats import sniff

    kinds = [sniff(data) for _, data in files]
    if not any(kind in GEOMETRY_FORMATS for kind in kinds):
        pages = [(n, decode(d, n)) for n, d in files if n.lower().endswith(".txt")]
        unknown.refuse_whole_books(pages, name)
        return text.read_folder(pages, name)
    ocr = [(n, d, k) for (n, d), k in zip(files, kinds, strict=True) if k in GEOMETRY_FORMATS]
    texts = [n for (n, _), k in zip(files, kinds, strict=True) if k is None]
    if any(n.lower().endswith(".txt") for n in texts):
        raise ReadError(
            f"{name}: the folder holds both OCR files with geometry and text pages "
            f"({texts[0]}); give a folder of one kind"
        )
    others = [n for (n, _), k in zip(files, kinds, strict=True)
              if k not in GEOMETRY_FORMATS]
    return read_geometry(ocr, name, others)
