"""The one document model every reader produces, every pass refines and every writer reads.

Two layers share it: the physical book (pages of printed lines, as the OCR saw them) and
the decisions the passes take about it (the role of each line, how a line-end hyphen
joins, which lines form a footnote and where its mark stands). Everything is a frozen
dataclass; a pass returns new values with `dataclasses.replace` and never drops a line.
Not handled: line geometry (coordinates) and type styles (italics, sizes): the OCR text
carries neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a printed line is; the words are the evaluation contract's role words."""

    BODY = "body"
    HEADING = "heading"
    BLANK = "blank"
    HEADER = "header"  # page number and running title on one line
    PAGE_NUMBER = "page-number"
    RUNNING_TITLE = "running-title"
    SIGNATURE = "signature"
    CATCHWORD = "catchword"
    FOOTER = "footer"  # scanner and library lines ("Digitized by Google")
    SEPARATOR = "separator"  # a rule above the notes
    FOOTNOTE = "footnote"


FURNITURE: frozenset[Role] = frozenset(
    {
        Role.HEADER,
        Role.PAGE_NUMBER,
        Role.RUNNING_TITLE,
        Role.SIGNATURE,
        Role.CATCHWORD,
        Role.FOOTER,
        Role.SEPARATOR,
    }
)
"""Roles of page furniture: printed by the press, not written by the author."""

TEXT_ROLES: frozenset[Role] = frozenset({Role.BODY, Role.HEADING})
"""Roles of the lines a reader reads as the book's running text."""


class Hyphen(StrEnum):
    """How a line that ends in a hyphen sign continues on the next line of its flow."""

    JOIN = "join"  # the printer's hyphen: con- + flicting = conflicting
    KEEP = "keep"  # the author's hyphen: well- + known = well-known
    SPACE = "space"  # a suspended hyphen: Vater- + und = Vater- und
    UNDECIDED = "undecided"  # no evidence: the hyphen is kept and the case flagged


HYPHEN_SIGNS: frozenset[str] = frozenset("-¬\u00ad\u2010\u2011\u2e17=\u2e40")
"""Signs a printer or an OCR engine sets for a line-end word break."""


@dataclass(frozen=True, slots=True)
class Box:
    """A line's place on the page image, in pixels: left, top, right, bottom."""

    x0: int
    y0: int
    x1: int
    y1: int


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line, as OCR'd, with the decisions the passes took about it."""

    text: str
    role: Role = Role.BODY
    hyphen: Hyphen | None = None
    """How the line's final word break continues; None when the line ends in no break."""
    hyphen_rule: str | None = None
    """The rung of evidence that decided `hyphen` (e.g. "vocabulary", "digits")."""
    paragraph_start: bool = False
    """True when a new paragraph (or heading) begins with this line."""
    box: Box | None = None
    font_size: float | None = None

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a footnote's mark stands in the body text of its page."""

    line: int
    start: int
    end: int  # exclusive
    certain: bool = True


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, or the part of one printed on one page.

    `label_end` is the character offset in the first line where the printed label (and
    the space after it) ends, so writers can keep the label apart from the note's text.
    """

    marker: str | None
    lines: tuple[int, ...]
    continued: bool = False
    anchor: Anchor | None = None
    label_end: int = 0
    continues_on_next_page: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """One input page: its lines and what the passes found on it."""

    lines: tuple[Line, ...]
    label: str | None = None
    """A page label given by the source (e.g. HathiTrust's `## p. 25`); a hint only."""
    number: str | None = None
    """The page number printed on the page, normalised ("286", "xii"); None if none."""
    number_line: int | None = None
    number_span: tuple[int, int] | None = None
    """Where the printed number stands in `number_line`: start and end (exclusive)."""
    inferred_number: str | None = None
    """The number the book's sequence gives a page that prints none."""
    running_title: str | None = None
    footnotes: tuple[Footnote, ...] = ()


@dataclass(frozen=True, slots=True)
class Metadata:
    """Bibliographic facts about the source, for the TEI header."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    handle: str | None = None
    rights: str | None = None
    source: str | None = None
    """What the input was: a file name or a description of the download."""
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def display_title(self) -> str:
        """The title to show: the given one, else the input's file name, else a stand-in."""
        if self.title:
            return self.title
        if self.source:
            name = self.source.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
            return name or self.source
        return "Untitled book"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A remark the engine makes about the input or its own decisions."""

    message: str
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Book:
    """A whole book: its pages in reading order and what is known about it."""

    pages: tuple[Page, ...]
    metadata: Metadata = field(default_factory=Metadata)
    language: str | None = None
    """ISO 639-1 code of the book's main language, given or detected."""
    notes_scheme: str | None = None
    """How the book numbers its footnotes: "page", "chapter", "continuous" or "symbols"."""
    diagnostics: tuple[Diagnostic, ...] = ()
    analysed: bool = False
    """True when the book comes with its decisions already taken (read back from a TEI we
    wrote): running the passes again would overwrite what an editor may have corrected."""
