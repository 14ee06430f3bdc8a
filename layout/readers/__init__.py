"""Readers turn the bytes of an input into a `Book`; they decide nothing about its layout.

In: one file's bytes (or a folder's page files, in natural order) and a name for messages.
Out: a `Book` whose pages hold every printed line of the input, with metadata and
diagnostics from the source. `read_file` dispatches on the input's shape, cheapest and
surest test first: a TEI document we wrote (XML: its decisions are read back, see
`readers.tei`), a HathiTrust full-text download (`## p. N (#seq)` page lines), an
Internet Archive `_djvu.txt` without page separators (pages recovered from running-title
blocks), else plain text pages split by form feeds (one page if there is none).
Anything unreadable is a `ReadError` whose message names the file (and page and line).
"""

from __future__ import annotations

from layout.model import Book
from layout.readers import djvu, hathitrust, text
from layout.readers.decoding import ReadError, decode

__all__ = ["ReadError", "decode", "looks_like_xml", "read_file", "read_folder"]

XML_STARTS = (b"<?xml", b"<TEI")
"""How an XML document (the TEI we write) begins, after a byte-order mark and white space."""


def looks_like_xml(data: bytes) -> bool:
    """Whether the input is an XML document rather than OCR text."""
    return data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(XML_STARTS)


def read_file(data: bytes, name: str) -> Book:
    """A book from one input file, whatever of our text shapes it has."""
    if looks_like_xml(data):
        from layout.readers import tei  # lxml is loaded only for XML input

        return tei.read(data, name)
    content = decode(data, name)
    if hathitrust.detect(content):
        return hathitrust.read(content, name)
    if djvu.detect(content):
        return djvu.read(content, name)
    return text.read(content, name)


def read_folder(files: list[tuple[str, bytes]], name: str) -> Book:
    """A book from a folder's page files, given in natural order, one page per file."""
    return text.read_folder([(n, decode(d, n)) for n, d in files], name)
