"""First-line indents read from geometry: how far a line begins right of its column.

In: a Book. Out: for each running-text line of a page with boxes, its indent in the
line's own character widths: how far its box begins right of the left edge of the column
it stands in (`layout.geometry`), the white space a text rendering would print as
leading spaces (OCR with geometry has none). A page without boxes gives none, and the
paragraph pass reads the leading spaces of the text as before. Not handled: hanging
indents (a line left of its column counts as no indent), indents measured in ems.
"""

from __future__ import annotations

from layout import geometry
from layout.flows import Position
from layout.model import Book


def of(book: Book, flow: list[Position]) -> dict[Position, int]:
    """The indents of the flow's lines that stand on pages with boxes."""
    out: dict[Position, int] = {}
    layouts: dict[int, geometry.Layout | None] = {}
    for p, i in flow:
        if p not in layouts:
            layouts[p] = geometry.of(book.pages[p])
        layout = layouts[p]
        line = book.pages[p].lines[i]
        box, text = line.box, line.text.strip()
        if layout is None or box is None or not text:
            continue
        left = min(layout.columns, key=lambda c: abs((c[0] + c[1]) / 2 - (box.x0 + box.x1) / 2))[0]
        width = box.width / len(text)
        out[(p, i)] = max(0, round((box.x0 - left) / width)) if width > 0 else 0
    return out
