"""Page furniture: what the press printed around the text, found book-wide.

The passes at the door, in the order `DEFAULT_PASSES` runs them:

- `page_numbers`: the printed folio of every page, checked against the book's sequence
  (helpers: `folio_readings` reads the numerals where folios stand, `page_sequence` keeps
  the ones the sequence confirms, `garbled_folios` mends what the OCR garbled);
- `running_titles`: the running title of every page, clustered across the book
  (helper: `likeness`, fuzzy likeness of short printed texts);
- `title_forms`: the one form of each running title, read across its pages;
- `signatures`: sheet signatures, catchwords and scanner lines at the page foot;
- `rules` (after the footnotes, which take the rule above the notes): printed rules left
  in the running text.

`zones` (a page's head and foot lines) serves the first ones.
"""
