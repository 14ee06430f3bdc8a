"""Pages with geometry built in a test: lines with boxes, set where a printer would set them.

`set_page` lays out text lines top to bottom at a given measure and pitch; helpers add a
head row (folio and running title), a foot row (signature and catchword), marginal notes
and a note area in smaller type. Widths follow the characters, so a smaller face sets
more characters to the line, as in print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from layout.model import Book, Box, Line, Page, Word

LEFT, MEASURE, PITCH, SIZE = 200, 1000, 60, 40
"""The text block's left edge and width, the line pitch and type height, in pixels."""


@dataclass
class Sheet:
    """A page being set: its lines, each with a box, a region and an id."""

    lines: list[Line] = field(default_factory=list)
    y: int = 300

    def add(self, text: str, x0: int, width: int, height: int = SIZE, region: str = "r",
            step: int = PITCH) -> None:
        box = Box(x0, self.y, x0 + width, self.y + height)
        words = tuple(Word(w, Box(box.x0, box.y0, box.x1, box.y1)) for w in text.split())
        self.lines.append(Line(text, box=box, id=f"l{len(self.lines)}", words=words,
                               region=region))
        self.y += step

    def text(self, lines: Sequence[str], region: str = "body", width: int = MEASURE,
             x0: int = LEFT, height: int = SIZE, pitch: int = PITCH) -> None:
        """Justified lines of running text; the last line of the block is as long as its
        characters make it."""
        per_char = width / max(len(t) for t in lines)
        for k, t in enumerate(lines):
            w = width if k < len(lines) - 1 else int(per_char * len(t))
            self.add(t, x0, w, height, region, pitch)

    def row(self, items: Sequence[tuple[str, int, int]], region: str = "row",
            height: int = SIZE) -> None:
        """Lines side by side on one row: (text, x0, width) each."""
        y = self.y
        for k, (t, x0, width) in enumerate(items):
            self.y = y
            self.add(t, x0, width, height, f"{region}{y}.{k}", step=0)
        self.y = y + PITCH

    def skip(self, pixels: int) -> None:
        self.y += pixels

    def page(self, **kwargs: object) -> Page:
        return Page(lines=tuple(self.lines), width=1400, height=2200, **kwargs)  # type: ignore[arg-type]


def book(*pages: Page) -> Book:
    return Book(pages=tuple(pages))


BODY = [
    "the running text of the page goes on and on, line",
    "after line, in the type the printer chose for the",
    "body of the book, and every line of it is set to",
    "the full measure of the text block, justified so",
    "that both of its edges stand straight on the page",
    "as readers expect of a book printed with care and",
    "with a mark for the note at the end of this one*)",
    "and a last line.",
]
NOTE = [
    "*) The note is set in a smaller face, so that more",
    "characters fit the line than the body's do, and the",
    "printer set it to a measure of its own, narrower than",
    "the text block above it, as notes often are set.",
]
