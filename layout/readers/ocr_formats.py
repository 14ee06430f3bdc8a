"""OCR formats with geometry, told apart by their content, and a book made of their pages.

In: the bytes of one file (or of a folder's page files, in natural order) and a name for
messages. Out: which markup a file is (`sniff`: the root element's name, looked up in the
first bytes, not the file's suffix), and a `Book` of the pages of PAGE-XML, ALTO, hOCR or
djvu XML files. A page the source does not name is named after its file (`p0012.xml`,
`book.hocr#3` for the third page of a file that holds several). Not handled: METS
(which files form the book: give the folder of page files instead), ABBYY FineReader XML
and Google's JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from layout.model import Book, Diagnostic, Metadata, Page
from layout.readers.decoding import ReadError


def reader(kind: str) -> Callable[[bytes, str], list[Page]]:
    """The reader of a format with geometry: bytes and name to the file's pages. Loaded
    when asked for: `sniff` runs on every input, and plain text needs no XML parser
    (lxml's import is a tenth of a short run's start-up)."""
    if kind == "page":
        from layout.readers import page_xml

        return lambda data, name: [page_xml.read_page(data, name)]
    if kind == "alto":
        from layout.readers import alto

        return alto.read_pages
    if kind == "hocr":
        from layout.readers import hocr

        return hocr.read_pages
    from layout.readers import djvu_xml

    return djvu_xml.read_pages

ROOTS = {"pcgts": "page", "alto": "alto", "djvuxml": "djvu-xml", "tei": "tei",
         "teicorpus": "tei"}
"""Root element names (lower case, without prefix) and the format they open."""

SNIFF_BYTES = 65536
"""How much of a file is looked at to tell its format."""

_ROOT = re.compile(rb"<(?![?!/])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_PROLOG = re.compile(rb"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*",
                     re.DOTALL)
_HOCR_CLASS = re.compile(rb"""class\s*=\s*["'][^"']*\bocr(?:x?_line|_page)\b""")


def root_of(data: bytes) -> tuple[str, int] | None:
    """The root element's name as written, and the line it starts on (None: no markup)."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    start = _PROLOG.match(head)
    at = start.end() if start else 0
    m = _ROOT.match(head, at)
    if m is None:
        return None
    return m.group(0)[1:].decode("utf-8", "replace"), head.count(b"\n", 0, at) + 1


def sniff(data: bytes) -> str | None:
    """The markup a file is written in: "tei", "page", "alto", "hocr", "djvu-xml", "xml"
    (another document that declares itself XML, or HTML that is not hOCR), or None when
    it is no markup (OCR text, even if it opens with something like a tag)."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip()
    found = root_of(head)
    if found is None:
        return None
    root = found[0].rsplit(":", 1)[-1].lower()
    if root in ROOTS:
        return ROOTS[root]
    if root == "html" or _HOCR_CLASS.search(head) is not None:
        return "hocr" if _HOCR_CLASS.search(data[: SNIFF_BYTES * 4]) else "xml"
    return "xml" if head.startswith((b"<?xml", b"<!DOCTYPE", b"<!doctype")) else None


def _named(pages: list[Page], name: str) -> list[Page]:
    """The pages, each with an id (its file's name when the source gives none)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if len(pages) == 1:
        return [pages[0] if pages[0].id else replace(pages[0], id=base)]
    return [
        page if page.id else replace(page, id=f"{base}#{k}")
        for k, page in enumerate(pages, start=1)
    ]


def read_pages(data: bytes, name: str, kind: str) -> list[Page]:
    """The pages of one file in the given format."""
    pages = reader(kind)(data, name)
    if not pages:
        raise ReadError(f"{name}: no page found")
    return _named(pages, name)


def read(data: bytes, name: str, kind: str) -> Book:
    """A book from one file with geometry (a hOCR or djvu XML file may hold many pages)."""
    return Book(pages=tuple(read_pages(data, name, kind)), metadata=Metadata(source=name))


def read_folder(files: list[tuple[str, bytes, str]], name: str,
                skipped: list[str]) -> Book:
    """A book from a folder's page files with geometry, in the given order: (name,
    bytes, format) each; `skipped` names the folder's other files, for the record."""
    pages: list[Page] = []
    for file_name, data, kind in files:
        pages += read_pages(data, file_name, kind)
    diagnostics = tuple(
        Diagnostic(f"{n}: not a page file with geometry; left out of the book")
        for n in skipped
    )
    return Book(pages=tuple(pages), metadata=Metadata(source=name), diagnostics=diagnostics)
