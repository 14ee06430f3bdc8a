"""The running text: its language, its line-end word breaks, its paragraphs.

The passes at the door, in the order `DEFAULT_PASSES` runs them:

- `language`: the book's main language, from its function words;
- `hyphenation`: every line-end hyphen decided join / keep / space (helpers: `breaks`,
  the breaks and their words; `break_forms`, what their shape says; `vocabulary`, the
  book's own spelling; `lexicon`, word frequencies of the language);
- `paragraphs`: where paragraphs and headings start, across page breaks.
"""
