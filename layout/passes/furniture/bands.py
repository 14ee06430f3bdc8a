"""The head and foot bands of a page read with geometry: where furniture stands.

In: a Page whose lines carry boxes. Out: `Bands`: the lines of the page's first row (the
head: folio and running title side by side) and of its last row (the foot: signature
and catchword), and whether the head row stands apart from the text below (a gap wider
than the body's line pitch). The furniture passes weigh these beside what the text says:
a folio is read only where folios stand, a line beside the folio in the head row is the
running title, and the foot row's lone word at the right edge of the text block is the
catchword, the short lines beside it the signature. A page without boxes has no bands.

Not handled: furniture in the side margins (a folio printed level with the first line of
text, outside the block, is in the head row only if no text line stands higher).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from layout import geometry
from layout.geometry import Layout
from layout.model import Page, Role

APART = 1.2
"""A head row this many line pitches above the next row stands apart from the text."""
TITLE_WIDTH = 0.8
"""A running title alone at the head is at most this share of the measure wide."""
CATCHWORD_WIDTH = 0.4
"""A catchword is at most this share of the measure wide..."""
CATCHWORD_TOKENS = 3
"""... holds at most this many tokens..."""
FLUSH = 0.1
"""... and ends within this share of the measure from the text block's right edge."""
SHORT = 0.6
"""A signature beside the catchword is at most this share of the measure wide."""
INDENT = 0.15
"""A signature standing alone in the foot row begins at least this share of the measure
right of the text block's left edge (a paragraph's last line begins at the edge)."""

SHEET_MARK = re.compile(
    r"(?:^|\s)(?:[A-Z]{1,3}|[a-z]{1,2}|\*{1,3}|\)\s?:?\s?\(|\(\s?:?\s?\))"
    r"\s?(?:\d{1,2}|[ivxj]{1,5})?\s*$"
)
"""How a sheet signature ends: a letter (doubled or tripled), stars or a bracket pair, and
the leaf in arabic or roman numerals (`A 2`, `B iij`, `** ij`, `Aa`, `) ( 2`, `(:) ij`)."""


@dataclass(frozen=True, slots=True)
class Bands:
    """The head and foot rows of a page."""

    layout: Layout
    head: tuple[int, ...]
    """The lines of the first row, left to right."""
    head_apart: bool
    """The head row stands apart from the text below it."""
    foot: tuple[int, ...]
    """The lines of the last row, left to right (empty when the page has one row)."""

    @property
    def folio_places(self) -> frozenset[int]:
        """The lines where a folio may stand: the head and foot rows."""
        return frozenset(self.head) | frozenset(self.foot)

    def beside_folio(self, page: Page, i: int) -> bool:
        """Whether line i stands in the head row beside the line printing the folio."""
        n = page.number_line
        return n is not None and n != i and i in self.head and n in self.head

    def heads_block(self, page: Page, i: int) -> bool:
        """Whether line i opens a block of the source's whose lines go on below the head
        row (a heading of several lines), a block of its own among the page's (one block
        holding the whole page tells nothing)."""
        region = page.lines[i].region
        if region is None:
            return False
        printed = [line for line in page.lines if line.text.strip()]
        below = sum(
            1 for j, line in enumerate(page.lines)
            if line.region == region and j not in self.head and line.text.strip()
        )
        return below > 0 and 2 * (below + 1) < len(printed)

    def alone_apart(self, page: Page, i: int) -> bool:
        """Whether line i is the only line of a head row standing apart from the text,
        and narrower than the text block (a heading may fill the measure)."""
        box = page.lines[i].box
        return (
            self.head_apart
            and self.head == (i,)
            and box is not None
            and box.width <= TITLE_WIDTH * self.layout.measure
        )


def of(page: Page) -> Bands | None:
    """The page's head and foot rows, or None when its lines have no boxes."""
    layout = geometry.of(page)
    if layout is None or not layout.rows:
        return None
    rows = layout.rows
    head = rows[0]
    apart = False
    if len(rows) > 1:
        step = geometry.middle(page.lines[rows[1][0]]) - geometry.middle(page.lines[head[0]])
        apart = step >= APART * layout.pitch
    foot = rows[-1] if len(rows) > 1 else ()
    return Bands(layout, head, apart, foot)


def _catchword(page: Page, layout: Layout, i: int) -> bool:
    """Whether line i may be a catchword: a word or two ending at the text block's right
    edge (measured by its words' boxes where the source gives them: a line's own box may
    take in the white space before it)."""
    line = page.lines[i]
    box = geometry.ink(line)
    return (
        box is not None
        and box.width <= CATCHWORD_WIDTH * layout.measure
        and len(line.text.split()) <= CATCHWORD_TOKENS
        and box.x1 >= layout.right - FLUSH * layout.measure
    )


def _row_roles(page: Page, layout: Layout, row: list[int], last_row: bool
               ) -> dict[int, Role]:
    """The catchword and signatures of one row: its rightmost line when it may be a
    catchword and every line beside it ends in a sheet mark (these are signatures); in
    the last row, a short indented line ending in a sheet mark is a signature without a
    catchword beside it too. Anything else in the row (a register's entries beside their
    page numbers, a table's cells) makes it no row of furniture."""
    lines = page.lines
    marks = []
    for i in row[:-1]:
        b = geometry.ink(lines[i])
        assert b is not None
        if SHEET_MARK.search(lines[i].text.strip()) is None or layout.full(b):
            return {}
        marks.append(i)
    out: dict[int, Role] = {}
    caught = _catchword(page, layout, row[-1])
    if caught:
        out[row[-1]] = Role.CATCHWORD
    elif last_row:
        marks.append(row[-1])
    for i in marks:
        b = geometry.ink(lines[i])
        assert b is not None
        if caught or (
            last_row
            and SHEET_MARK.search(lines[i].text.strip()) is not None
            and b.width <= SHORT * layout.measure
            and b.x0 >= layout.left + INDENT * layout.measure
        ):
            out[i] = Role.SIGNATURE
    return out


def foot_roles(page: Page, bands: Bands) -> dict[int, Role]:
    """The catchword and signatures of the page's foot row."""
    if not bands.foot:
        return {}
    layout, lines = bands.layout, page.lines
    row = [i for i in bands.foot if lines[i].role is Role.BODY and lines[i].box is not None]
    if not row or any(layout.full(geometry.ink(lines[i])) for i in row):  # type: ignore[arg-type]
        return {}
    return _row_roles(page, layout, row, last_row=True)


def signature_beside(page: Page, bands: Bands, i: int, catchword: int) -> bool:
    """Whether line i is the signature beside the catchword: in its row, left of it,
    short and ending in a sheet mark (the row may hold other lines too: a register's
    left column ends level with the foot)."""
    row = next((r for r in bands.layout.rows if catchword in r), ())
    box, word = geometry.ink(page.lines[i]), geometry.ink(page.lines[catchword])
    return (
        i in row
        and box is not None
        and word is not None
        and box.x1 <= word.x0
        and box.width <= SHORT * bands.layout.measure
        and SHEET_MARK.search(page.lines[i].text.strip()) is not None
    )


def catchword_rows(page: Page, bands: Bands) -> dict[int, list[int]]:
    """Rows inside the page that may hold the text's catchword, printed where the text
    ends and a block of the source's (the notes) follows: catchword line -> the sheet
    marks beside it. The text of the next page has to confirm them."""
    layout, lines = bands.layout, page.lines
    rows = layout.rows
    out: dict[int, list[int]] = {}
    for k in range(1, len(rows) - 1):
        row = [i for i in rows[k] if lines[i].role is Role.BODY and lines[i].box is not None]
        below = rows[k + 1][0]
        if not row or lines[below].region is None or lines[below].region in {
                lines[i].region for i in rows[k - 1]}:
            continue
        found = _row_roles(page, layout, row, last_row=False)
        catch = [i for i, role in found.items() if role is Role.CATCHWORD]
        if catch:
            out[catch[0]] = [i for i in found if i != catch[0]]
    return out
