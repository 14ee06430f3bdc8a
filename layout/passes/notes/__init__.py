"""Footnotes: the notes at each page foot, their parts over page breaks, their marks.

The pass at the door is `footnotes.mark`. Its helpers, in the order data flows through
them: `labels` (the grammar of a note label at a line start), `page_lines` (what the
finder reads of a page, computed once), `habits` (what the book's notes are like, learned
book-wide), `areas` (the note area of one page, split into notes), `continuations` (the
rest of a note from the page before) and `anchors` (each note's mark in the body above).
"""
