"""Inputs layout knows but does not read, named for what they are rather than read as text.

In: the bytes of an input file (or a folder's page texts) and its name. Out: nothing, or a
`ReadError` that says what the input is and what to give instead: markup whose root
element names a format we do not read (FineReader XML, METS, plain HTML, ...), a JSON
document (our own analysis among them: it holds decisions, not the text), an RTF or
PostScript file; and a folder whose files are whole books rather than pages. To read
one of these formats, write its reader and drop its row from `MARKUP`.
"""

from __future__ import annotations

import json

from layout.readers.decoding import ReadError
from layout.readers.hathitrust import PAGE_LINE

MARKUP: dict[str, str] = {
    "document": "ABBYY FineReader XML (export ALTO or hOCR from FineReader instead)",
    "mets": "a METS file, which lists a book's files (give the folder of its page files)",
    "html": "an HTML page that is not hOCR (it has no ocr_page or ocr_line elements)",
    "svg": "an SVG image, not OCR",
    "pdf2xml": "pdftohtml's XML, not OCR with lines",
    "rdf": "an RDF metadata record, not OCR",
    "opf": "an OPF book manifest, not OCR",
}
"""Root element names (lower case, without prefix) of markup we know but do not read."""

TEXT_SIGNS: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "an RTF document, not OCR text (save it as plain UTF-8 text)"),
    (b"%!PS", "a PostScript file, not OCR text (extract its text first)"),
)
"""Starts of text files that are documents of another kind."""


def markup(root: str, line: int, name: str) -> ReadError:
    """The error for markup no reader takes: its format by its root element."""
    what = MARKUP.get(root.rsplit(":", 1)[-1].lower(), "not a format layout reads")
    return ReadError(
        f"{name}: line {line}: <{root}>: {what}; layout reads PAGE-XML, ALTO, hOCR, "
        "Internet Archive djvu XML and the TEI it writes"
    )


def refuse_other_documents(data: bytes, name: str) -> None:
    """ReadError for a text file that is a document of another kind (JSON, RTF, ...)."""
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    for sign, what in TEXT_SIGNS:
        if head.startswith(sign):
            raise ReadError(f"{name}: {what}")
    if head[:1] in (b"{", b"["):
        try:
            document = json.loads(data)
        except ValueError:
            return  # text that happens to open with a brace
        if isinstance(document, dict) and isinstance(document.get("engine"), dict):
            raise ReadError(
                f"{name}: layout's JSON analysis, which holds decisions but not the text; "
                "convert the book's text or its TEI instead"
            )
        raise ReadError(f"{name}: a JSON document, not OCR text")


def refuse_whole_books(files: list[tuple[str, str]], name: str) -> None:
    """ReadError when a folder's text files are whole books, not pages: a file of pages
    separated by form feeds, or a HathiTrust download with its page lines. A folder is
    read one page per file, so such a folder would silently become a book of books."""
    for file_name, content in files:
        pages = sum(1 for chunk in content.split("\f") if chunk.strip())
        if len(PAGE_LINE.findall(content[:1_000_000])) > 1:
            what = "a HathiTrust download with its page lines"
        elif pages > 1:
            what = f"{pages} pages separated by form feeds"
        else:
            continue
        raise ReadError(
            f"{file_name}: a whole book ({what}), but the folder {name} is read as one "
            "page per file; convert each book file on its own"
        )
