"""The one document model every reader produces, every pass refines and every writer reads.

Two layers share it: the physical book (pages of printed lines, as the OCR saw them) and
the decisions the passes take about it (the role of each line, how a line-end hyphen
joins, which lines form a footnote and where its mark stands). Everything is a frozen
dataclass; a pass returns new values with `dataclasses.replace` and never drops a line.
The structure pass adds the book's outline to the lines it concerns: a `Heading` (level,
division type and number) on every line of a heading, and a `Block` on lines that are no
prose paragraph (list items, verse, a letter's dateline, salutation and signature, the
title page). Geometry is optional: OCR with coordinates (PAGE-XML, ALTO, hOCR, djvu XML)
gives each line its box, source id, words, type size and styles, and each page its size
and image; plain OCR text gives none of it, and every field then keeps its default.
A line's rare details (geometry, styles, heading, block) live in one `LineDetails`, shared
empty by the lines that have none: a long book's lines cost six slots each, not sixteen.
A reader may keep a line's words packed (`PackedWords`), made into `Word`s when read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from operator import attrgetter
from operator import sub as _minus
from typing import TYPE_CHECKING, Any, overload


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
    MARGINAL = "marginal"  # a note printed beside the text block, not in the reading text


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


class Block(StrEnum):
    """What a running-text line is when it is not a line of prose or of a heading: the
    kind of block it belongs to. Writers map it to TEI (the element in brackets); the
    typesetter keeps the source's line breaks of the kinds in `KEPT_BREAKS`."""

    ITEM = "item"  # a line of a numbered list item (<list>/<item>; its label in `label_end`)
    VERSE = "verse"  # a line of verse (<lg>/<l>)
    DATELINE = "dateline"  # where and when a letter was written (<dateline>)
    SALUTE = "salute"  # a letter's salutation or closing formula (<salute>)
    SIGNED = "signed"  # a signature under a letter or preface (<signed>)
    ADDRESS = "address"  # a line of an address (<address>/<addrLine>)
    TITLE = "title"  # the title on a title page (<docTitle>/<titlePart>)
    BYLINE = "byline"  # the author's line on a title page (<byline>/<docAuthor>)
    IMPRINT = "imprint"  # place, publisher and year on a title page (<docImprint>)
    TITLE_PAGE = "title-page"  # any other line of a title page (in <titlePage>)


KEPT_BREAKS: frozenset[Block] = frozenset(
    {
        Block.VERSE,
        Block.DATELINE,
        Block.SALUTE,
        Block.SIGNED,
        Block.ADDRESS,
        Block.TITLE,
        Block.BYLINE,
        Block.IMPRINT,
        Block.TITLE_PAGE,
    }
)
"""Blocks whose line breaks belong to the text (verse, a letter's closing, a signature, a
title page): a reflowing typesetter keeps each of their lines a line."""

LETTER_PARTS: frozenset[Block] = frozenset(
    {Block.DATELINE, Block.SALUTE, Block.SIGNED, Block.ADDRESS}
)
"""Blocks that open or close a letter (TEI's <opener> before its text, <closer> after)."""


HYPHEN_SIGNS: frozenset[str] = frozenset("-¬\u00ad\u2010\u2011\u2e17=\u2e40")
"""Signs a printer or an OCR engine sets for a line-end word break."""


@dataclass(frozen=True, slots=True)
class Box:
    """A place on the page image, in pixels: left, top, right, bottom (y grows downwards)."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a line as the OCR boxed it (only sources with word geometry give words)."""

    text: str
    box: Box | None = None
    font_size: float | None = None
    """The type size the source gives the word, in points; None when it gives none."""


# A reader makes a Box and a Word for every word of a book (200,000 in a long hOCR book).
# A frozen class's `__init__` sets each field through `object.__setattr__`, which costs
# more than the rest of reading the word; `box_of` and `word_of` set the slots directly.
_X0, _Y0, _X1, _Y1 = (getattr(Box, name).__set__ for name in ("x0", "y0", "x1", "y1"))
_TEXT, _BOX, _FONT_SIZE = (getattr(Word, name).__set__ for name in ("text", "box", "font_size"))
_new = object.__new__


def box_of(x0: int, y0: int, x1: int, y1: int) -> Box:
    """`Box(x0, y0, x1, y1)`, the same value in every respect, at half the cost."""
    box = _new(Box)
    _X0(box, x0)
    _Y0(box, y0)
    _X1(box, x1)
    _Y1(box, y1)
    return box


def word_of(text: str, box: Box | None, font_size: float | None = None) -> Word:
    """`Word(text, box, font_size)`, the same value in every respect, at half the cost."""
    word = _new(Word)
    _TEXT(word, text)
    _BOX(word, box)
    _FONT_SIZE(word, font_size)
    return word


class PackedWords(Sequence[Word]):
    """A line's words packed as a reader read them, made into `Word`s only when a pass
    reads one: a long hOCR book has 200,000 words and most passes read none (the text and
    the lines' boxes serve them), while making a `Word` and a `Box` of each cost a third
    of reading the book, and their many small objects, strewn among the lines, slowed
    every later pass. Packed, a line's words are three objects: their texts in one string
    (a line break between two: a word's text holds none), their boxes in one array of
    four whole numbers a word (left, top, right, bottom; an inverted box for a word
    without one) and their type sizes (None when no word gives one). The boxes may be
    given unread, as a function the first ask calls (`boxes`).

    The first read makes all the line's words and keeps them; before and after, the value
    is that of the tuple of those words: equal to it, hashed alike, sliced into tuples.
    The heights of the words' boxes are told without making them (`heights`: the type
    height of a page's lines is measured from every line's words)."""

    __slots__ = ("_boxes", "_count", "_sizes", "_texts", "_unread", "_words")

    def __init__(self, texts: Sequence[str], boxes: Sequence[int] | Callable[[], Sequence[int]],
                 sizes: Sequence[float | None] | None = None) -> None:
        self._texts = "\n".join(texts)
        if self._texts.count("\n") != len(texts) - 1:
            raise ValueError("a word's text holds a line break")
        if sizes is not None and len(sizes) != len(texts):
            raise ValueError("not four numbers and one type size a word")
        self._count = len(texts)
        self._unread: Callable[[], Sequence[int]] | None = None
        self._boxes: Sequence[int] = ()
        if callable(boxes):
            self._unread = boxes
        else:
            self._check(boxes)
        self._sizes = sizes
        self._words: tuple[Word, ...] | None = None

    def _check(self, boxes: Sequence[int]) -> None:
        if len(boxes) != 4 * self._count:
            raise ValueError("not four numbers and one type size a word")
        self._boxes = boxes

    @property
    def boxes(self) -> Sequence[int]:
        """The words' boxes, four numbers a word. A reader may give them unread (a
        function): most lines' word boxes are never asked for, and reading the numbers of
        a book's 200,000 word boxes costs a tenth of reading it."""
        unread = self._unread
        if unread is not None:
            self._unread = None
            self._check(unread())
        return self._boxes

    @property
    def made(self) -> tuple[Word, ...]:
        """The words as `Word`s, made on the first read and kept."""
        words = self._words
        if words is None:
            b, sizes = self.boxes, self._sizes or (None,) * self._count
            words = self._words = tuple(
                word_of(text, box_of(x0, y0, x1, y1) if x1 >= x0 and y1 >= y0 else None, size)
                for text, x0, y0, x1, y1, size in zip(
                    self._texts.split("\n"), b[0::4], b[1::4], b[2::4], b[3::4], sizes,
                    strict=True)
            )
        return words

    def heights(self) -> list[int]:
        """The heights of the boxes of the words that have text, in order (a made
        word's `box.height`, for the words with text and a box)."""
        b, texts = self.boxes, self._texts
        heights = list(map(_minus, b[3::4], b[1::4]))
        if not heights:
            return heights
        if (min(heights) >= 0 and min(map(_minus, b[2::4], b[0::4])) >= 0
                and texts and "\n\n" not in texts and texts[0] != "\n" and texts[-1] != "\n"):
            return heights  # every word has text and a box: told in C
        return [h for text, x0, x1, h in zip(texts.split("\n"), b[0::4], b[2::4], heights,
                                             strict=True) if text and x1 >= x0 and h >= 0]

    @property
    def sizes(self) -> list[float]:
        """The type sizes the words give, in order, leaving out those that give none."""
        return [size for size in self._sizes if size] if self._sizes else []

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Word, ...]: ...
    def __getitem__(self, index: int | slice) -> Word | tuple[Word, ...]:
        return self.made[index]

    def __iter__(self) -> Iterator[Word]:
        return iter(self.made)

    def __reversed__(self) -> Iterator[Word]:
        return reversed(self.made)

    def __contains__(self, value: object) -> bool:
        return value in self.made

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | PackedWords):
            return NotImplemented
        if len(other) != self._count:
            return False  # told without making the words (a `Line` made with details
            # compares them with the empty ones)
        return self.made == (other.made if isinstance(other, PackedWords) else other)

    def __hash__(self) -> int:
        return hash(self.made)

    def __repr__(self) -> str:
        return repr(self.made)

    @property
    def texts(self) -> list[str]:
        """The words' texts, in order, without making the words."""
        return self._texts.split("\n")


def word_texts(words: Sequence[Word]) -> Sequence[str]:
    """The texts of a line's words, in order (packed words tell them without being made:
    a pass looking for one word reads them all)."""
    if isinstance(words, PackedWords):
        return words.texts
    return [w.text for w in words]


def word_heights(words: Sequence[Word]) -> list[int]:
    """The heights of the boxes of a line's words that have text and a box, in order
    (packed words tell them without being made: every page's type height is measured
    from its lines' words)."""
    if isinstance(words, PackedWords):
        return words.heights()
    return [w.box.y1 - w.box.y0 for w in words if w.box is not None and w.text]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading's place in the book's outline: the division it opens.

    Every line of a heading carries the same `Heading`; the first of them has
    `paragraph_start`, so a heading printed over two lines is one heading. Levels nest:
    a division of level 3 lies inside the nearest level-2 division before it.
    """

    level: int
    """Depth of the division the heading opens: 1 for the outermost the book shows."""
    kind: str = "section"
    """What the division is, in TEI's `div/@type` words: "part", "chapter", "section",
    "letter", ... ("section" when the heading does not say)."""
    n: str | None = None
    """The number the heading prints, as printed without its punctuation ("IV", "3",
    "b", "§ 12"); None when it prints none."""
    rule: str = ""
    """The evidence that placed the heading at its level: "book" (the book shows where
    its style of heading stands: under or over another with no text between, or a
    numbering started again after it), "convention" (the order numberings usually nest
    in: `§`, `I.`, `A.`, `1.`, `a)`), "only" (the book has one style of heading)."""
    certain: bool = True
    """False when the level rests on convention alone, not on the book's evidence."""


@dataclass(frozen=True, slots=True)
class LineDetails:
    """What few lines carry: the source's geometry and styles, and what a heading or a
    block tells about the line. Held apart from `Line` (one shared empty value for a line
    without any), so a line of plain OCR text costs six slots, not sixteen: a long book
    has hundreds of thousands of lines. Read through the `Line`'s own attributes."""

    box: Box | None = None
    font_size: float | None = None
    id: str | None = None
    words: Sequence[Word] = ()
    """A tuple, or the `PackedWords` a reader keeps until they are read."""
    region: str | None = None
    baseline: int | None = None
    styles: frozenset[str] = frozenset()
    heading: Heading | None = None
    block: Block | None = None
    label_end: int = 0


(
    _DETAIL_BOX, _DETAIL_FONT_SIZE, _DETAIL_ID, _DETAIL_WORDS, _DETAIL_REGION,
    _DETAIL_BASELINE, _DETAIL_STYLES, _DETAIL_HEADING, _DETAIL_BLOCK, _DETAIL_LABEL_END,
) = (
    getattr(LineDetails, name).__set__
    for name in ("box", "font_size", "id", "words", "region", "baseline", "styles",
                 "heading", "block", "label_end")
)
PLAIN = LineDetails()
"""The details of a line that has none (every line of plain OCR text)."""

_GIVEN_NONE: Any = object()
"""The default of a detail `Line` is not given (None and () are values one may give)."""
_NONE_GIVEN = (_GIVEN_NONE,) * 10


def _detail(name: str, doc: str) -> property:
    """A `Line` attribute read from its details, by a getter that runs in C (passes read
    boxes and words of every line of a page with geometry many times over)."""
    return property(attrgetter(f"details.{name}"), doc=doc)


@dataclass(frozen=True, slots=True, init=False)
class Line:
    """One printed line, as OCR'd, with the decisions the passes took about it.

    Made as if each detail were a field of its own (`Line(text, box=...)`, and
    `dataclasses.replace(line, heading=...)` at run time; `line.evolve(heading=...)` for
    the type checker); they are kept together in `details` (see `LineDetails`).
    """

    text: str
    role: Role = Role.BODY
    hyphen: Hyphen | None = None
    """How the line's final word break continues; None when the line ends in no break."""
    hyphen_rule: str | None = None
    """The rung of evidence that decided `hyphen` (e.g. "vocabulary", "digits")."""
    paragraph_start: bool = False
    """True when a new paragraph (or heading) begins with this line."""
    details: LineDetails = PLAIN
    """The line's geometry, styles and structure, when it has any (`LineDetails`)."""

    def __init__(
        self,
        text: str,
        role: Role = Role.BODY,
        hyphen: Hyphen | None = None,
        hyphen_rule: str | None = None,
        paragraph_start: bool = False,
        box: Box | None = _GIVEN_NONE,
        font_size: float | None = _GIVEN_NONE,
        id: str | None = _GIVEN_NONE,  # noqa: A002 (the source's own word)
        words: Sequence[Word] = _GIVEN_NONE,
        region: str | None = _GIVEN_NONE,
        baseline: int | None = _GIVEN_NONE,
        styles: frozenset[str] = _GIVEN_NONE,
        heading: Heading | None = _GIVEN_NONE,
        block: Block | None = _GIVEN_NONE,
        label_end: int = _GIVEN_NONE,
        details: LineDetails = PLAIN,
    ) -> None:
        unset = _GIVEN_NONE
        if (
            box, font_size, id, words, region, baseline, styles, heading, block, label_end
        ) != _NONE_GIVEN:  # a detail given (by name, or by `replace` beside `details`)
            was = details
            details = _new(LineDetails)  # each slot set directly, as `box_of` does (speed)
            _DETAIL_BOX(details, was.box if box is unset else box)
            _DETAIL_FONT_SIZE(details, was.font_size if font_size is unset else font_size)
            _DETAIL_ID(details, was.id if id is unset else id)
            _DETAIL_WORDS(details, was.words if words is unset else words)
            _DETAIL_REGION(details, was.region if region is unset else region)
            _DETAIL_BASELINE(details, was.baseline if baseline is unset else baseline)
            _DETAIL_STYLES(details, was.styles if styles is unset else styles)
            _DETAIL_HEADING(details, was.heading if heading is unset else heading)
            _DETAIL_BLOCK(details, was.block if block is unset else block)
            _DETAIL_LABEL_END(details, was.label_end if label_end is unset else label_end)
            if details.box is None and details == PLAIN:  # (a line with a box is not)
                details = PLAIN
        _LINE_TEXT(self, text)  # the slots set directly, as `box_of` does (speed)
        _LINE_ROLE(self, role)
        _LINE_HYPHEN(self, hyphen)
        _LINE_HYPHEN_RULE(self, hyphen_rule)
        _LINE_PARAGRAPH_START(self, paragraph_start)
        _LINE_DETAILS(self, details)

    def evolve(self, **changes: Any) -> Line:
        """The line with `changes` made, details included (`dataclasses.replace`, which
        a type checker lets name fields only)."""
        return replace(self, **changes)

    if TYPE_CHECKING:  # what each detail is; at run time read in C (`_detail`: speed)

        @property
        def box(self) -> Box | None: ...
        @property
        def font_size(self) -> float | None: ...
        @property
        def id(self) -> str | None: ...
        @property
        def words(self) -> Sequence[Word]: ...
        @property
        def region(self) -> str | None: ...
        @property
        def baseline(self) -> int | None: ...
        @property
        def styles(self) -> frozenset[str]: ...
        @property
        def heading(self) -> Heading | None: ...
        @property
        def block(self) -> Block | None: ...
        @property
        def label_end(self) -> int: ...

    else:
        box = _detail("box", "Where the line stands on the page image; None for OCR text "
                      "without geometry.")
        font_size = _detail("font_size", "The type size the source gives the line, in "
                            "points; None when it gives none.")
        id = _detail("id", "The source's id of the line (PAGE `TextLine/@id`, ALTO "
                     "`TextLine/@ID`, hOCR `ocr_line/@id`), or one the reader made up for "
                     "a source that names none.")
        words = _detail("words", "The line's words as the OCR boxed them (only sources "
                        "with word geometry).")
        region = _detail("region", "The id of the source's block holding the line (PAGE "
                         "TextRegion, ALTO TextBlock, hOCR ocr_par): the lines the OCR set "
                         "together. Its type, if the source names one, is not read: the "
                         "passes decide what a line is.")
        baseline = _detail("baseline", "The y of the line's baseline on the page image, "
                           "when the source gives it.")
        styles = _detail("styles", 'Type styles the source names for the whole line '
                         '("bold", "italic", ...).')
        heading = _detail("heading", "On each line of a heading (role HEADING): the "
                          "division it opens.")
        block = _detail("block", "The kind of block the line belongs to when it is not "
                        "prose or a heading; the first line of each item, verse group or "
                        "letter part has `paragraph_start`.")
        label_end = _detail("label_end", 'On the first line of a list item: where its '
                            'printed label ("1.", "a)") and the space after it end; 0 '
                            'elsewhere.')

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def keeps_break(self) -> bool:
        """Whether the line's break belongs to the text (verse, signature, title page)."""
        block = self.details.block
        return block is not None and block in KEPT_BREAKS


_LINE_TEXT, _LINE_ROLE, _LINE_HYPHEN, _LINE_HYPHEN_RULE, _LINE_PARAGRAPH_START, _LINE_DETAILS = (
    getattr(Line, name).__set__
    for name in ("text", "role", "hyphen", "hyphen_rule", "paragraph_start", "details")
)


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
    rule: str | None = None
    """Why the note (part) was taken, e.g. "label", "label-restart", "continued-open"."""
    certain: bool = True
    """False when the note was found on thin evidence (TEI @cert="low")."""


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
    number_rule: str | None = None
    """The evidence that gave `number` (or `inferred_number`): "sequence" (its neighbours
    print numbers on the same count), "expected" (a reading where the sequence expects
    it), "head-line" (a short book's head-line number), "head-row" (alone in the head or
    foot row of a page with geometry), "mended" (a folio the OCR
    garbled, repaired from the sequence) or "inferred" (none printed)."""
    running_title: str | None = None
    running_title_form: str | None = None
    """The running title's one form: its cluster's commonest reading, normalised (the
    printed reading stays in `running_title`; see passes/furniture/title_forms)."""
    footnotes: tuple[Footnote, ...] = ()
    offset: int | None = None
    """Where the page's first line starts in its input text, in characters (after the
    byte-order mark; line ends counted as one); its lines follow one newline apart. None
    when the input is no plain text (XML) or its lines are not contiguous."""
    width: int | None = None
    """The page image's width and height in pixels, when the source gives them."""
    height: int | None = None
    image: str | None = None
    """The page image as the source names it (a file name or URL); None if unnamed."""
    id: str | None = None
    """The source's id of the page (or its file name), for links back to it."""


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
