"""Re-typesetting the book: from the analysed document model to justified pages.

Modules:
- fonts: the book face (Source Serif Pro, static TrueType from PyPI), glyph advances,
  glyph coverage and the fallback for characters the face lacks.
- hyphenate: hyphenation points from pyphen in the book's language.
- items: a paragraph as Knuth and Plass's list of boxes, glue and penalties.
- linebreak: Knuth–Plass total-fit paragraph breaking into justified lines.
"""
