"""Small books for the page-furniture tests: pages built from lines, and the passes to run.

The lines are trimmed from the corpus (Laband 1876, Florida Territorial Papers, the
Florida State Horticultural Society 1908); each test builds the few pages it needs.
"""

from __future__ import annotations

from layout.model import Book, Line, Page, Role
from layout.passes import blanks
from layout.passes.furniture import page_numbers, running_titles, signatures

BODY = [
    "Erwägung über das bei der Abſtimmung zu beobachtende Verfahren,",
    "ob die Abſtimmung und Beſchlußfaſſung in der Bundesverſammlung",
    "den Grundgeſetzen des Bundes gemäß erfolgt ſei und ob ſie in den",
    "Grenzen der Competenz der Bundesverſammlung ſich gehalten habe.",
    "Dieſe Rechtsfrage iſt in der Literatur ausführlich erörtert worden,",
]
"""Body lines of a German page (the running text, not furniture)."""

VERSO = "§. 1. Die Auflöſung des deutſchen Bundes."
RECTO = "§. 2. Die Gründung des nordd. Bundes."


def page(*texts: str) -> Page:
    """A page of the given lines, every one still `body` (the reader's state)."""
    return Page(lines=tuple(Line(t) for t in texts))


def book(*pages: Page) -> Book:
    return Book(pages=tuple(pages))


def header(number: int, verso: str = VERSO, recto: str = RECTO) -> str:
    """A head line as the DTA prints it: verso number left, recto number right."""
    if number % 2 == 0:
        return f"{number}          {verso}"
    return f"{recto}            {number}"


def numbered(first: int, count: int, **titles: str) -> list[Page]:
    """`count` pages numbered from `first` with number-and-title head lines."""
    return [page(header(n, **titles), "", *BODY) for n in range(first, first + count)]


def furnish(b: Book, through: str = "signatures") -> Book:
    """Run the furniture passes (blank lines first), up to and including `through`."""
    steps = [blanks.mark, page_numbers.mark, running_titles.mark, signatures.mark]
    names = ["blanks", "page_numbers", "running_titles", "signatures"]
    for step, name in zip(steps, names, strict=True):
        b = step(b)
        if name == through:
            break
    return b


def roles(p: Page) -> list[Role]:
    return [line.role for line in p.lines]
