"""layout: rebuild the structure of OCR'd printed books.

Module map (readers -> one model -> passes -> writers):

- `layout.model`: the frozen dataclasses every stage shares (Book, Page, Line, Footnote...).
- `layout.readers`: bytes to Book (form-feed text, page folders, HathiTrust, IA djvu text).
- `layout.passes`: Book to Book, one concern each, run in the order of `DEFAULT_PASSES`.
- `layout.flows`: the running-text and footnote flows through the book.
- `layout.writers`: Book to bytes (TEI P5, JSON analysis, reading text).
- `layout.cli`: the command line, the only module that touches files.
"""

__version__ = "0.1.0"
