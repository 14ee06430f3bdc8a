"""Mark the furniture at the foot of the page: signatures, catchwords, scanner lines.

In: a Book whose folios and running titles are marked. Out: the same Book with these body
lines relabelled, and nothing else changed:
- `signature`: the printer's sheet marks below the text: a sheet number alone (`15`) or
  after the volume's roman numeral (`I. 25`), with
  the asterisk of the sheet's second leaf (`21*`, `4 *`), after a short title of the book
  (`Laband, Reichsstaatsrecht. I. 21`, checked book-wide: the same title on several
  pages, its numbers rising sheet by sheet), a letter signature (`B2`, `Aa 3`), a mark
  sharing its line with the catchword, or a US Government Printing Office jacket number
  (`301867-57 *`); a bare number must open a sheet of a common format or fit the
  book's other marks;
- `catchword`: a lone word at the foot that repeats the first word of the next page
  (above or below the signature);
- `footer`: a scanner's or library's stamp ("Digitized by Google") at the head or foot,
  and a stray speck of one-letter OCR noise on the page's last line.
With geometry (`bands.foot_roles`), the page's foot row speaks as well: its lone word at
the right edge of the text block is the catchword (the next page need not be at hand),
the sheet marks beside it are signatures; a row where the text ends above a block of
notes holds the catchword too when a sheet mark stands beside it or the next page opens
with it. The footnote pass runs after this one, so the
notes end above these lines. Not handled:
signatures in the side margin, catchwords of more than one word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from layout.model import TEXT_ROLES, Book, Page, Role
from layout.numerals import read_arabic
from layout.passes.furniture import bands, zones
from layout.passes.furniture.likeness import SIMILAR, letters, ratio, similar

FOOT_DEPTH = 3
"""Printed lines at the foot searched for furniture, bottom up."""
FOOT_CHARS = 200
"""A longer line at the foot is text: signatures and catchwords are short, and the
patterns below need not look at more (their cost grows faster than the line)."""
MARGIN_DEPTH = 3
"""Printed lines at the head and at the foot searched for scanner stamps."""

_STARRED = re.compile(r"\s*([0-9lIO]{1,3})\s?\*{1,2}\s*")
_BARE = re.compile(r"\s*(?:[IVX]{1,4}\.?\s{1,3})?(\d{1,3})\s*")
"""A sheet number, alone or after the volume's numeral (`15`, `I. 25`: the "Prime")."""
_LETTER_MARK = r"(?:(?:[A-Z][a-z]?|([a-z])\1?)\s?\d{1,2}\s*\*?|[A-Z])"
_LETTERED = re.compile(r"\s*" + _LETTER_MARK + r"\s*")
_MARK_AND_CATCHWORD = re.compile(
    r"\s*(?:" + _LETTER_MARK + r"|\d{1,3}\s?\*{1,2})\s{3,}[^\W\d_][\w-]*\s*"
)
_GPO = re.compile(  # a printing office's job number and sheet: 5-6 digits, never a year range
    r"\s*\d{5,6}\s*°?\s*[-–—]{1,2}\s*\d{2}"
    r"(?:\s*[-–—]{1,2}\s*\d{1,3}|\s+[\d*]{1,3})?\s*\*?\s*"
)
_TITLED = re.compile(r"\s*(\S.{2,60}?)[\s.,]+([0-9lIO]{1,3})\s*\*?\s*")
_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)\s*")
BREAKS = ("-", "\u00ac", "\u2e17", "=")
"""Signs of a word broken at the line's end."""
CATCHWORD_CHARS = 30
"""The longest word a catchword may be (the rest is a line of text, or noise)."""
SHEET_PAGES = (4, 64)
"""Pages per sheet between two sheet numbers: from a folio sheet to a large one with plates."""
SPECKS = frozenset(".,'`\u2018\u2019\u2022\u00b7\u25a0\u25aa|/\\^~")
"""Signs OCR reads from dust and stains, when they stand alone on the last line."""
SHEET_SIZES = (4, 8, 12, 16, 24, 32)
"""Pages in one sheet: folio, quarto, octavo, duodecimo, sextodecimo, ..."""


def _sheet(token: str) -> int | None:
    """A sheet number read with OCR look-alikes mended (`l1` is 11)."""
    numeral = read_arabic(token)
    return None if numeral is None or numeral.weak else numeral.value


def _folio(page: Page) -> int | None:
    """The page's arabic number, printed or inferred, if it has one."""
    for text in (page.number, page.inferred_number):
        if text and text.split("[")[0].isdigit():
            return int(text.split("[")[0])
    return None


def _is_mark(text: str, page: Page) -> bool:
    """A sheet mark that needs no book-wide check: `21*`, `B2`, a GPO jacket number."""
    if _GPO.fullmatch(text) or _LETTERED.fullmatch(text) or _MARK_AND_CATCHWORD.fullmatch(text):
        return True
    m = _STARRED.fullmatch(text)
    if m:
        value = _sheet(m.group(1))
        folio = _folio(page)
        return value is not None and (folio is None or value <= folio)
    return False


def _opens_sheet(value: int, folio: int | None) -> bool:
    """True when page `folio` may be the first of sheet `value` in a common format."""
    if folio is None:
        return value <= 2
    return any((folio - 1) == (value - 1) * k for k in SHEET_SIZES)


def _sheet_apart(p: int, v: int, q: int, w: int) -> bool:
    """True when sheet numbers v on page p and w on page q fit one book: the two marks
    of one sheet (`15`, `15*`) a leaf or two apart, or sheets SHEET_PAGES apart."""
    if p == q:
        return False
    if v == w:
        return abs(q - p) <= 6
    return SHEET_PAGES[0] <= (q - p) / (w - v) <= SHEET_PAGES[1]


def _is_speck(text: str) -> bool:
    """OCR noise from a speck on the scan: a few one-letter tokens with no digit (`j K`),
    or a lone dot or stroke (`•`, `'`); an asterism (`* * *`) or a dash is the text's."""
    tokens = text.split()
    if not tokens or len(tokens) > 3 or any(len(t) > 1 or t.isdigit() for t in tokens):
        return False
    if len(tokens) == 1:
        return tokens[0] in SPECKS
    return any(t.isalpha() for t in tokens)


def _foot(page: Page) -> list[int]:
    """Body lines at the foot that may be furniture, bottom up, above any stamps, up to
    the first line too long to be furniture."""
    out = []
    for i in zones.foot(page, FOOT_DEPTH):
        line = page.lines[i]
        if line.role is not Role.BODY:
            continue
        if len(line.text) > FOOT_CHARS:
            break
        out.append(i)
    return out


def _sheet_marks(book: Book, feet: list[list[int]]) -> set[tuple[int, int]]:
    """(page, line) of sheet numbers that need the book to confirm them: a bare number
    (`15`) and a number after a short title (`Laband, Reichsstaatsrecht. I. 21`)."""
    bare: list[tuple[int, int, int]] = []
    titled: list[tuple[int, int, str, int]] = []
    for p, page in enumerate(book.pages):
        for i in feet[p]:
            text = page.lines[i].text
            m = _BARE.fullmatch(text)
            if m:
                bare.append((p, i, int(m.group(1))))
                continue
            m = _TITLED.fullmatch(text)
            if m:
                key, value = letters(m.group(1)), _sheet(m.group(2))
                if len(key) >= 4 and value is not None:
                    titled.append((p, i, key, value))
    confirmed: set[tuple[int, int]] = set()
    for p, i, key, value in titled:
        if any(
            similar(key, k2) and _sheet_apart(p, value, q, w) for q, _, k2, w in titled
        ):
            confirmed.add((p, i))
    known = [(p, v) for p, i, _, v in titled if (p, i) in confirmed]
    known += [(p, v) for p, _, v in bare]
    for p, i, value in bare:
        folio = _folio(book.pages[p])
        if folio is not None and 2 * value > folio:
            continue
        if _opens_sheet(value, folio) or any(_sheet_apart(p, value, q, w) for q, w in known):
            confirmed.add((p, i))
    return confirmed


def _first_word(page: Page) -> str | None:
    """The first word of the page's running text (its furniture passed over)."""
    for line in page.lines:
        if line.role in TEXT_ROLES:
            words = line.text.split()
            return words[0] if words else None
    return None


def _is_catchword(text: str, above: str | None, nxt: Page | None) -> bool:
    """A lone word at the foot that the next page's text opens with (up to its break,
    if it ends in a hyphen; a letter's OCR slip allowed); not the end of a word broken
    on the line above."""
    m = _WORD.fullmatch(text) if len(text) <= CATCHWORD_CHARS * 3 else None
    if m is None or len(m.group(1)) > CATCHWORD_CHARS or nxt is None:
        return False
    if above is not None and above.rstrip().endswith(BREAKS):
        return False
    word = letters(m.group(1))
    following = _first_word(nxt)
    if following is None or len(word) < 2:
        return False
    target = letters(following)
    if m.group(1).endswith(BREAKS):
        target = target[: len(word)]  # the catchword breaks where the line below it did
        if len(word) < 3:
            return False
    return word == target or (len(word) >= 4 and ratio(word, target) >= SIMILAR)


def _relabel(page: Page, roles: dict[int, Role]) -> Page:
    """The page with the given lines' roles changed."""
    if not roles:
        return page
    lines = tuple(
        replace(line, role=roles[i]) if i in roles else line for i, line in enumerate(page.lines)
    )
    return replace(page, lines=lines)


def _above(page: Page, i: int) -> str | None:
    """The text of the printed line above line i."""
    for j in range(i - 1, -1, -1):
        if not page.lines[j].is_blank:
            return page.lines[j].text
    return None


def mark(book: Book) -> Book:
    """Relabel the signatures, catchwords and scanner lines of every page."""
    feet = [_foot(page) for page in book.pages]
    sheets = _sheet_marks(book, feet)
    pages: list[Page] = []
    for p, page in enumerate(book.pages):
        roles: dict[int, Role] = {}
        for i in zones.edges(page, MARGIN_DEPTH):
            if page.lines[i].role is Role.BODY and zones.is_stamp(page.lines[i].text):
                roles[i] = Role.FOOTER
        nxt = book.pages[p + 1] if p + 1 < len(book.pages) else None
        geo_roles: dict[int, Role] = {}
        geo = bands.of(page)
        if geo is not None:
            geo_roles = bands.foot_roles(page, geo)
            for i, marks in bands.catchword_rows(page, geo).items():
                # set apart in its own row, the word may finish the line above's break
                if marks or _is_catchword(page.lines[i].text, None, nxt):
                    geo_roles[i] = Role.CATCHWORD
                    geo_roles.update(dict.fromkeys(marks, Role.SIGNATURE))
        for rank, i in enumerate(feet[p]):
            text = page.lines[i].text
            if (p, i) in sheets or _is_mark(text, page):
                roles[i] = Role.SIGNATURE
            elif rank == 0 and _is_speck(text):
                roles[i] = Role.FOOTER
            elif rank <= 1 and _is_catchword(text, _above(page, i), nxt):
                roles[i] = Role.CATCHWORD
            elif i in geo_roles:
                roles[i] = geo_roles[i]
            elif geo is not None and any(
                    role is Role.CATCHWORD and bands.signature_beside(page, geo, i, j)
                    for j, role in roles.items()):
                roles[i] = Role.SIGNATURE
            else:
                break
        for i, role in geo_roles.items():  # what the text left open, the page's rows say
            roles.setdefault(i, role)
        pages.append(_relabel(page, roles))
    return replace(book, pages=tuple(pages))
