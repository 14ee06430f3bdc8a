"""The book's structure: its outline of headings and divisions, and the blocks that are no
prose (lists, verse, a letter's opening and closing, the title page).

The passes at the door, after the paragraphs pass in `DEFAULT_PASSES`:

- `divisions`: every heading found and nested at the level the book's own habits give it,
  as a `Heading` on each of its lines (helpers: `heads`, which lines form one heading;
  `numbering`, the number a heading prints; `outline`, the level of each heading).
- `lists`: the numbered list items of the running text (runs of paragraphs whose labels
  count on), as `Block.ITEM` on each of their lines and `label_end` on the first.
- `verse`: the verse quoted in the running text (runs of short lines of varied length
  with prose around them, or filling a page), as `Block.VERSE` on each of their lines.
"""
