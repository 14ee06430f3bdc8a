"""layout: rebuild the structure of OCR'd printed books.

Module map (readers -> one model -> passes -> writers):

- `layout.model`: the frozen dataclasses every stage shares (Book, Page, Line, Footnote...).
- `layout.readers`: bytes to Book (form-feed text, page folders, HathiTrust downloads,
  IA djvu text, and our own TEI read back).
- `layout.passes`: Book to Book, run in the order of `DEFAULT_PASSES`; one folder per
  concern, its passes at the door and their helpers inside: `furniture` (page numbers,
  running titles, signatures), `notes` (footnotes), `text` (language, hyphenation,
  paragraphs).
- `layout.flows`: the running-text and footnote flows through the book.
- `layout.numerals`: arabic and roman numerals as printed and as OCR misreads them.
- `layout.patterns`: hyphenation points from pyphen's patterns in the book's language, for
  the hyphenation pass's last rung and the typesetter's line breaker.
- `layout.writers`: Book to bytes (TEI P5 with its header, JSON analysis, reading text),
  and the typeset book to PDF (ReportLab) and PNG (Pillow).
- `layout.typeset`: Book to TypesetBook: what is set, Knuth–Plass line breaking, fonts,
  facsimile and reflowed pages.
- `layout.cli`: the command line, the only module that touches files.
"""

__version__ = "0.1.0"
