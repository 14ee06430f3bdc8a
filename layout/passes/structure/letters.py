"""The letter pass: mark the lines that close a letter, so they stay lines and head nothing.

In: a book whose paragraphs pass has run (paragraph starts set; a short line in capitals
may be marked a heading). Out: a letter's close marked in the running text: its closing
formula (`Block.SALUTE`: `I have the honor to be, Your Obed' Serv'`), its signature
(`Block.SIGNED`: `ANDREW JACKSON`) and the addressee's lines under it (`Block.ADDRESS`:
`THE HON. JOHN Q. ADAMS Sec of State`), each line a body line with `paragraph_start` on
the first of each part. TEI writes them as `<closer>` with `<salute>`, `<signed>` and
`<address>/<addrLine>`; the typesetter keeps each a line. The pass runs before the
divisions pass, which takes a short line in capitals between paragraphs for a heading: a
signature is one, and would title the docket under it and open a false division.

A signature is a short line of a name in capitals (`J. C. CALHOUN`, `ROB' BUTLER`, at
most `MAX_NAME_WORDS` words, no joining word such as `TO` or `AND` that a letter's
heading `THE SECRETARY OF WAR TO ROBERT BUTLER` has, no figures), maybe after
`(Signed)`; it stands right after a line of prose that ends the letter, and what follows
it (after at most `MAX_ADDRESS` address lines: capitals first, `GEN ANDREW JACKSON Gov'
Florida`) is no running text it would title: the text's end, a docket in brackets
(`[Endorsed] ...`), or a line in capitals (the next letter's heading, a countersignature).
It closes a letter for sure when the prose line before it is a closing formula (`CLOSING`
words: servant, obedient, respect, `&c`, ergebenst ...); after a line merely ending a
sentence only in a book where the sure shape recurs (`RECURRING` times): a short capitals
line after a paragraph's end is also how a heading looks. The closing formula itself
(one or two lines, opening with a capital after a sentence's end or at a paragraph's
start) is marked when it stands right before the signature.

Not handled: a letter's opening (dateline, salutation: their evidence in plain OCR text is
thin), signatures not in capitals (`Der Verfasser.`), a countersignature's lines
(`By the President,` / `JOHN QUINCY ADAMS, Secretary of State.`: left prose).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from layout.flows import Position, text_flow
from layout.model import HYPHEN_SIGNS, Block, Book, Line, Role
from layout.passes.text.paragraphs import SENTENCE_END

MAX_NAME_WORDS = 5
"""A signature has at most this many words (`JOHN QUINCY ADAMS`, `J. C. CALHOUN`)."""
MAX_ADDRESS = 2
"""At most this many address lines stand under a signature."""
MAX_CAPS_ADDRESS = 4
"""An address line all in capitals has at most this many words (`H. E. GOV' COPPINGER`);
a longer one is a heading's (`THE SECRETARY OF WAR TO ...`)."""
MAX_CLOSING = 2
"""A closing formula runs over at most this many lines."""
RECURRING = 3
"""A book with this many sure closes (a closing formula before the signature) is a book
of letters: there a signature after a line ending a sentence is taken too."""
CAPITALS = 0.9
"""A line whose letters are capitals for this share or more is set in capitals (OCR
reads a raised letter, `ROBt`, in lower case)."""
JOINING = frozenset(
    "TO AND OF THE FOR IN ON AT BY FROM WITH AN A UND DER DIE DAS DES DEN AN ZU IM".split()
)
"""Words that join a heading's parts (`X TO Y`, `COMMISSION OF`), no name's."""
CLOSING = re.compile(
    r"\b(?:serv\w*|ser[\W\d]|servant|obed\w*|obt|ob[\W\d]|humble|respect\w*|esteem"
    r"|consideration|honou?r to be|remain|faithful\w*|ergeben\w*|gehorsam\w*"
    r"|hochachtung\w*|verehrung\w*|treu\w*)|&c\b",
    re.IGNORECASE,
)
"""Words of a letter's closing formula (`Your Obed' Serv'`, `I have &c`, `Ihr ergebenster`),
as OCR reads their abbreviations."""
SIGNED_PREFIX = re.compile(r"^\((?:signed|sgd|gez)\.?\)\s*", re.IGNORECASE)
"""`(Signed)` before a copy's signature."""


@dataclass(frozen=True, slots=True)
class Close:
    """A letter's close found in the running text: its lines by part."""

    salute: tuple[Position, ...]
    signed: Position
    address: tuple[Position, ...]
    sure: bool
    """The prose line before the signature holds a closing formula's words."""
    after: Position | None
    """The running-text line after the close (it starts a paragraph or heading)."""


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def in_capitals(text: str) -> bool:
    """Whether a line is set in capitals (three letters or more, `CAPITALS` of them)."""
    letters = _letters(text)
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= CAPITALS * len(letters)


def is_name(text: str) -> bool:
    """Whether a line reads as a signature: a short name in capitals, no figures, no
    joining word (`ANDREW JACKSON`, `J. C. C.`, `(Signed) ROBT. BUTLER`)."""
    text = SIGNED_PREFIX.sub("", text.strip())
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > MAX_NAME_WORDS or not in_capitals(text):
        return False
    if any(c.isdigit() for c in text) or text.startswith(("[", "(")):
        return False
    return not any(w.strip(".,:;'\"’”-–—").upper() in JOINING for w in words)


def is_address(text: str) -> bool:
    """Whether a line under a signature reads as the addressee's: it opens with two words
    in capitals (`THE HON. JOHN Q. ADAMS Secretary of State`, `H. E. GOVr COPPINGER.`);
    a line all in capitals only when short (`GOV' COPPINGER`), not a heading's."""
    text = text.strip()
    if text.startswith(("[", "(")):
        return False
    words = text.split()
    lead = [_letters(w) for w in words[:2]]
    if len(lead) < 2 or not all(letters and all(c.isupper() for c in letters)
                                for letters in lead):
        return False
    if in_capitals(text):
        return len(words) <= MAX_CAPS_ADDRESS and not any(
            w.strip(".,").upper() in JOINING for w in words)
    return True


def ends_prose(line: Line) -> bool:
    """Whether a line is a line of prose that may end a letter: body text in mixed case,
    not broken by a hyphen."""
    text = line.text.rstrip()
    letters = _letters(text)
    if line.role is not Role.BODY or not letters or in_capitals(text):
        return False
    return line.hyphen is None and text[-1:] not in HYPHEN_SIGNS


def no_title(line: Line | None) -> bool:
    """Whether what follows a letter's close is no running text it would title: the
    text's end, a docket in brackets or a line in capitals."""
    if line is None:
        return True
    text = line.text.strip()
    return text.startswith("[") or in_capitals(text)


def _ends_clause(line: Line) -> bool:
    """Whether a line ends a sentence or a clause (`... attended to,"`), not mid-word."""
    text = line.text.rstrip()
    return SENTENCE_END.search(text) is not None or (
        line.hyphen is None and text[-1:] in ",;:\"'”’»)")


def closing_lines(lines: Sequence[Line]) -> int:
    """How many of the lines (those before a signature, the nearest last) are a closing
    formula: one or two, opening with a capital at a paragraph's start or after a
    sentence's end, holding a `CLOSING` word. 0 when none are."""
    for n in range(1, MAX_CLOSING + 1):
        if len(lines) < n:
            break
        run = lines[-n:]
        if not ends_prose(run[-1]) or any(
                line.role is not Role.BODY or in_capitals(line.text) for line in run):
            break
        first = run[0]
        if not first.text.lstrip()[:1].isupper():
            continue
        before = lines[-n - 1] if len(lines) > n else None
        opens = first.paragraph_start or before is None or _ends_clause(before)
        if opens and CLOSING.search(" ".join(line.text for line in run)):
            return n
    return 0


def closes(book: Book, flow: Sequence[Position]) -> list[Close]:
    """Every letter's close in the running text (`flow`), sure or not."""
    pages = book.pages

    def at(k: int) -> Line | None:
        if 0 <= k < len(flow):
            p, i = flow[k]
            return pages[p].lines[i]
        return None

    found: list[Close] = []
    for k, pos in enumerate(flow):
        text = pages[pos[0]].lines[pos[1]].text.lstrip()
        if text[:1] != "(" and (not text[:1].isupper() or text[1:2].islower()):
            continue  # (most lines: prose, opening with a small letter or a word in it)
        line = at(k)
        before = at(k - 1)
        if line is None or before is None or not is_name(line.text) or not ends_prose(before):
            continue
        address: list[Position] = []
        j = k + 1
        while len(address) < MAX_ADDRESS:
            nxt = at(j)
            if nxt is None or not is_address(nxt.text):
                break
            address.append(flow[j])
            j += 1
        if not no_title(at(j)):
            continue
        window = [ln for ln in (at(k - n) for n in range(MAX_CLOSING + 1, 0, -1))
                  if ln is not None]
        n = closing_lines(window)
        sure = n > 0 or CLOSING.search(before.text) is not None
        if not sure and SENTENCE_END.search(before.text.rstrip()) is None:
            continue
        after = flow[j] if j < len(flow) else None
        found.append(Close(tuple(flow[k - n:k]), pos, tuple(address), sure, after))
    return found


def mark(book: Book) -> Book:
    """Mark the closes of the book's letters (`SALUTE`, `SIGNED`, `ADDRESS`): the sure
    ones, and in a book where they recur (`RECURRING`) the others too."""
    flow = list(text_flow(book))
    found = closes(book, flow)
    sure = sum(close.sure for close in found)
    taken = [close for close in found if close.sure or sure >= RECURRING]
    if not taken:
        return book
    changes: dict[int, dict[int, tuple[Block | None, bool]]] = {}
    for close in taken:
        if close.after is not None:
            changes.setdefault(close.after[0], {}).setdefault(close.after[1], (None, True))
        parts = [(close.salute, Block.SALUTE), ((close.signed,), Block.SIGNED),
                 (close.address, Block.ADDRESS)]
        for positions, block in parts:
            for n, (p, i) in enumerate(positions):
                changes.setdefault(p, {})[i] = (block, n == 0)
    pages = list(book.pages)
    for p, rows in changes.items():
        lines = list(pages[p].lines)
        for i, (part, first) in rows.items():
            if part is None:  # the line after a close begins something new
                lines[i] = replace(lines[i], paragraph_start=True)
            else:
                lines[i] = lines[i].evolve(role=Role.BODY, heading=None, block=part,
                                           paragraph_start=first)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages))
