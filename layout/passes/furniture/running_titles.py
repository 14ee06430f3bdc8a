"""Find the running title of every page, book-wide.

In: a Book whose page numbers are set (`page_numbers` ran). Out: each Page with
`running_title` (the title as printed, without the folio; None when it prints none) and
a title printed alone on its line marked `running-title`. A head line that holds the
folio gives its title for free. A line printed beside a folio-only line, or at the head
of a page whose folio stands elsewhere, is a title only when it recurs on other pages:
titles are compared by their letters alone, fuzzily, so OCR slips and letter-spacing
(`T E R R IT OR Y`) do not matter, and each verso, recto or chapter title forms its own
cluster. In a book that prints its titles on the folio's line, a head line without a
folio opens a chapter: its heading stays text, even where it reads like the title, unless
the text runs on from the page before or the title's run began before this page (the OCR
lost the folio, not the printer). With geometry (`bands`) the candidates are the lines of
the page's head row, and two need no recurrence: a line beside the folio in that row, and
the row's only line when the row stands apart from the text and the text below runs on
from the page before (a chapter's heading opens new text).
Not handled: titles set in two lines, titles printed at the foot.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import process
from rapidfuzz.distance import Indel

from layout.model import Book, Page, Role
from layout.passes.furniture import bands, zones
from layout.passes.furniture.likeness import COMPARED, SAME, SIMILAR, letters, similar

RECURS = 2
"""A title alone on its line must recur this often (a title printed beside a folio, a
sure one, counts twice, as does a line two pages off, on the same side of its spread)..."""
WINDOW = 20
"""... within this many pages either side (titles change by chapter)."""
MIN_LETTERS = 4
"""A shorter line ("I.", "a") is too short to be told from text by recurrence."""
RUN_BACK = 4
"""Pages looked back for the title's run (two leaves: its verso and recto twice)."""
JOINED_SHARE = 0.5
"""Above this share of titles on the folio's line, the book always prints them so."""

BREAKS = ("-", "\u00ac", "\u2e17", "=")
"""Signs of a word broken at the line's end: text, never a title."""

EDGE_JUNK = frozenset(".,:;·•|_-–—")
"""Signs the OCR leaves as tokens of their own at a title's edges (`. THE TITLE -`)."""
_TOKEN = re.compile(r"\S+")


def clean(text: str) -> str:
    """A title as printed, without surrounding space and stray punctuation tokens.

    Token by token from each end, each sign looked at once (a regular expression with a
    repeated group went back over long runs of spaces: quadratic in the line)."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    start, end = 0, len(spans)
    while start < end - 1 and _junk(text, spans[start]):
        start += 1
    while end - 1 > start and _junk(text, spans[end - 1]):
        end -= 1
    if not spans:
        return ""
    return text[spans[start][0]: spans[end - 1][1]]


def _junk(text: str, span: tuple[int, int]) -> bool:
    return all(ch in EDGE_JUNK for ch in text[span[0]: span[1]])


class Titles:
    """The title candidates of a book's pages, by their letters, for fuzzy look-ups."""

    def __init__(self, n_pages: int) -> None:
        self.keys: list[list[tuple[str, bool, int]]] = [[] for _ in range(n_pages)]

    def add(self, page: int, text: str, weight: int) -> None:
        key = letters(text)
        if key:
            self.keys[page].append((key, _capitals(text), weight))

    def follows(self, page: int, text: str) -> bool:
        """True when one of the RUN_BACK pages before carries this title beside its folio:
        the page is inside the title's run, not at its start (where a chapter opens)."""
        key, caps = letters(text), _capitals(text)
        return any(
            c is caps and w == RECURS and similar(key, k, SAME)
            for q in range(max(0, page - RUN_BACK), page)
            for k, c, w in self.keys[q]
        )

    def recurrence(self, page: int, text: str, enough: int = RECURS) -> int:
        """How often a title like `text` stands on other pages near `page`, in the same case
        (a chapter heading in capitals is not the title in small letters it repeats); a
        line on the same side of the next or last spread (two pages off) counts twice.
        Counting stops at `enough`. The lines of the pages around are compared in one call
        of rapidfuzz (a loop in C: a page's cost stays small when nothing recurs)."""
        key, caps = letters(text), _capitals(text)
        if len(key) < MIN_LETTERS:
            return 0
        near = [q for q in (page + d for d in NEAREST_FIRST) if 0 <= q < len(self.keys)]
        choices: list[str] = []
        owners: list[tuple[int, int]] = []
        for q in near:
            for k, c, w in self.keys[q]:
                if c is caps:
                    choices.append(k[:COMPARED])
                    owners.append((q, w))
        weight: dict[int, int] = {}
        for _, _, at in process.extract(
            key[:COMPARED], choices, scorer=Indel.normalized_similarity,
            score_cutoff=SIMILAR, limit=None,
        ):
            q, w = owners[at]
            weight[q] = max(weight.get(q, 0), w)
        found = 0
        for q in near:
            if q in weight:
                found += RECURS if abs(q - page) == 2 else weight[q]
                if found >= enough:
                    break
        return found


NEAREST_FIRST = tuple(
    sign * d for d in (2, 1, *range(3, WINDOW + 1)) for sign in (-1, 1)
)
"""Offsets of the pages within WINDOW of a page, nearest first (the spread's other side
first)."""


def _capitals(text: str) -> bool:
    """True for a line set in capitals (a stray small letter from the OCR allowed)."""
    return sum(map(str.isupper, text)) > 4 * sum(map(str.islower, text))


def _continues(book: Book, p: int, i: int) -> bool:
    """True when page p's text runs on from the page before, past its head line i: the
    next line starts in lower case, or the page before ends in a word break."""
    page = book.pages[p]
    for line in page.lines[i + 1:]:
        if not line.is_blank:
            first = line.text.lstrip()[:1]
            if first.islower():
                return True
            break
    if p > 0:
        for line in reversed(book.pages[p - 1].lines):
            if line.role is Role.BODY:
                return line.text.rstrip().endswith(BREAKS)
            if not line.is_blank and line.role not in (Role.SIGNATURE, Role.CATCHWORD):
                break
    return False


def _joined_title(page: Page) -> str | None:
    """The title on the folio's own line, if the page prints one there."""
    i = page.number_line
    if i is None or page.number_span is None or page.lines[i].role is not Role.HEADER:
        return None
    text = page.lines[i].text
    s, e = page.number_span
    title = clean(text[:s] + "  " + text[e:])
    return title if len(letters(title)) >= 2 else None  # not a speck beside the folio


def _loose_lines(page: Page, geo: bands.Bands | None) -> list[int]:
    """Head lines that may hold a title printed apart from the folio: with geometry, the
    lines of the head row (but the folio's) as well, and not a line heading a block of
    the source's that goes on below (a chapter's heading, not a running title)."""
    found = _text_lines(page)
    if geo is not None:
        found += [i for i in geo.head if i != page.number_line and i not in found]
        found = [i for i in found if not geo.heads_block(page, i)]
    return found


def _text_lines(page: Page) -> list[int]:
    """Head lines that may hold a title, as the text's order tells them."""
    top = zones.head(page, 3)
    if page.number_line in top:
        k = top.index(page.number_line)
        if page.lines[page.number_line].role is Role.HEADER:
            return []
        return top[:k] + top[k + 1: k + 2]
    return top[:1]


def _text_below(page: Page, i: int) -> bool:
    """True when printed text follows line i: a title heads a page, it is never all of it."""
    return any(line.role is Role.BODY for line in page.lines[i + 1:])


def _folio_at_head(page: Page) -> bool:
    return page.number_line is not None and page.number_line in zones.head(page, 3)


def mark(book: Book) -> Book:
    """Set each page's running title and mark the lines that print one alone."""
    titles = Titles(len(book.pages))
    joined: list[str | None] = []
    for p, page in enumerate(book.pages):
        title = _joined_title(page)
        joined.append(title)
        if title:
            titles.add(p, title, RECURS)
    loose: list[list[int]] = []
    sure: list[set[int]] = []
    for p, page in enumerate(book.pages):
        geo = bands.of(page)
        found = [] if joined[p] else _loose_lines(page, geo)
        found = [
            i for i in found
            if page.lines[i].role is Role.BODY
            and not page.lines[i].text.rstrip().endswith(BREAKS)
            and _text_below(page, i)
        ]
        loose.append(found)
        sure.append({
            i for i in found
            if geo is not None
            and (geo.beside_folio(page, i) or geo.alone_apart(page, i) and _continues(book, p, i))
        })
        for i in found:
            titles.add(p, page.lines[i].text, RECURS if i in sure[p] else 1)
    title_line: list[int | None] = []
    for p, page in enumerate(book.pages):
        hit: int | None = None
        for i in loose[p]:
            if i in sure[p] or titles.recurrence(p, page.lines[i].text) >= RECURS:
                hit = i
                break
        title_line.append(hit)
    n_joined = sum(1 for t in joined if t)
    n_alone = sum(
        1 for p, page in enumerate(book.pages)
        if title_line[p] is not None and not _folio_at_head(page)
    )
    headings_at_head = n_joined >= 5 and n_joined >= JOINED_SHARE * (n_joined + n_alone)
    pages: list[Page] = []
    for p, page in enumerate(book.pages):
        at = title_line[p]
        if joined[p]:
            pages.append(replace(page, running_title=joined[p]))
        elif at is None or (
            headings_at_head
            and not _folio_at_head(page)
            and not _continues(book, p, at)
            and not titles.follows(p, page.lines[at].text)
        ):
            pages.append(replace(page, running_title=None))
        else:
            line = page.lines[at]
            titled = replace(line, role=Role.RUNNING_TITLE)
            lines = page.lines[:at] + (titled,) + page.lines[at + 1 :]
            pages.append(replace(page, lines=lines, running_title=clean(line.text)))
    return replace(book, pages=tuple(pages))
