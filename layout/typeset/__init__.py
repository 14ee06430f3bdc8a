"""Re-typesetting the book: from the analysed document model to justified pages.

In: a Book after the passes (or read back from our TEI). Out: a `pages.TypesetBook`, the
page model the PDF and PNG writers draw. Not handled here: drawing (`layout.writers.pdf`,
`layout.writers.png`), emphasis, tables (set as prose). Verse, like a letter's close and
the title page, keeps its printed lines (`content`: `Line.keeps_break`).

Modules:
- content: what is set: the reading text and notes as words in blocks, page by page.
- fonts: the book face (Source Serif Pro) and its fallbacks (Cardo, Noto Serif), TrueType
  files from PyPI packages: advances, coverage, kerning pairs, ligature forms.
- shaping: text as a chain of faces draws it, kerned, with its ligatures; what no face has.
- (hyphenation points come from `layout.patterns`, pyphen in the book's language, shared
  with the hyphenation pass.)
- items: a paragraph as Knuth and Plass's list of boxes, glue and penalties.
- linebreak: Knuth–Plass total-fit paragraph breaking into justified lines.
- setting: words set into lines of runs placed on the measure.
- pages: the typeset page model, note placement, and `compose` (either composition).
- facsimile: one output page per source page.
- reflow: the text run continuously onto pages of a chosen size.
"""
