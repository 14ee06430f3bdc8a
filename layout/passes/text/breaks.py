"""Line-end word breaks: where a line ends in a hyphen sign, the word before it and the
word that continues it on the next line of the same flow.

In: a book whose lines carry roles. Out: a `Break` per line of running text or notes that
ends in a hyphen sign (or a sign OCR prints for one) after a letter or digit, with the line
its word continues on (`continuation`), and the decisions the signs alone take: a hyphen
after an abbreviation's dot keeps, a hyphen with nothing to continue is undecided. A sign
after a space (` -`) is a dash, not a break. Not handled: breaks inside a line (OCR that
merged lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from layout.flows import Position, successors
from layout.model import FURNITURE, HYPHEN_SIGNS, TEXT_ROLES, Book, Hyphen, Line, Role

OCR_HYPHENS = frozenset("—–~_'‘’»")
"""Signs an OCR engine prints for a line-end hyphen; evidence is needed to join them."""
DECIDED_ROLES = TEXT_ROLES | {Role.FOOTNOTE}
BREAK_ENDS = HYPHEN_SIGNS | OCR_HYPHENS
"""The last signs of a line that may end in a break."""
LEFT = re.compile(r"([^\W_]+(?:[-‐‑⸗¬][^\W_]+)*)$")
RIGHT = re.compile(r"^[\s\"'„“”‚‘’»«(]*([^\W_]+(?:[-‐‑⸗][^\W_]+)*)")
SEGMENT = re.compile(r"[-‐‑⸗¬]")

UNDECIDED = (Hyphen.UNDECIDED, "undecided")


@dataclass(frozen=True, slots=True)
class Break:
    """A line-end word break: the word before the sign and the one that continues it."""

    pos: Position
    sign: str
    left: str
    right: str
    cont: Position
    """Where the continuation stands."""

    @property
    def near_left(self) -> str:
        """The last part of a compound before the break (`Eiſenbahn` in `Reichs-Eiſenbahn`)."""
        return SEGMENT.split(self.left)[-1]

    @property
    def near_right(self) -> str:
        return SEGMENT.split(self.right)[0]


Decision = tuple[Hyphen | None, str]
"""A decision and the rung of evidence that took it; None: the sign is no break at all
(a dash), and the rung that said so."""


def may_break(line: Line) -> bool:
    """Whether a line ends in a sign that may be a word break (a first cut: most lines do
    not)."""
    return line.text.rstrip()[-1:] in BREAK_ENDS


def find_breaks(book: Book) -> tuple[list[Break], dict[Position, Decision]]:
    """Every line-end break with its words, and the decisions taken on the signs alone."""
    breaks: list[Break] = []
    fixed: dict[Position, Decision] = {}
    nxt = successors(book, may_break)
    for p, page in enumerate(book.pages):
        lines = page.lines
        # a first cut in one comprehension: most lines end in no break sign (speed)
        ending = [i for i, line in enumerate(lines) if line.text.rstrip()[-1:] in BREAK_ENDS]
        for i in ending:
            line = lines[i]
            if line.role not in DECIDED_ROLES:
                continue
            text = line.text.rstrip()
            if len(text) < 2:
                continue
            if text[-1] in OCR_HYPHENS and text[-2] in HYPHEN_SIGNS and len(text) > 2:
                text = text[:-1]  # a speck after the hyphen: `busi-'` / `ness`
            sign = text[-1]
            is_hyphen = sign in HYPHEN_SIGNS
            if not is_hyphen and sign not in OCR_HYPHENS:
                continue
            before = text[-2]
            if not before.isalnum():
                if is_hyphen and before == "." and not text[:-1].endswith(".."):
                    fixed[(p, i)] = (Hyphen.KEEP, "abbreviation")
                continue
            tail = text[:-1].rsplit(None, 1)
            left = LEFT.search(tail[-1]) if tail else None
            succ = continuation(book, (p, i), nxt)
            follow = RIGHT.match(book.pages[succ[0]].lines[succ[1]].text) if succ else None
            if left is None or follow is None or succ is None:
                if is_hyphen:
                    fixed[(p, i)] = UNDECIDED
                continue
            breaks.append(Break((p, i), sign, left.group(1), follow.group(1), succ))
    return breaks, fixed


def continuation(book: Book, pos: Position, nxt: dict[Position, Position]) -> Position | None:
    """The line a break continues on: the next line of its flow, unless that one starts
    with a capital or a digit while the line printed right below starts in lower case
    (a line the flow lost to a wrong role, such as the last text line taken for a note)."""
    succ = nxt.get(pos)
    p, i = pos
    lines = book.pages[p].lines
    k = i + 1
    while k < len(lines) and lines[k].is_blank:
        k += 1
    if k >= len(lines) or (p, k) == succ or lines[k].role in FURNITURE:
        return succ
    if lines[k].text.lstrip()[:1].islower():
        there = book.pages[succ[0]].lines[succ[1]].text.lstrip()[:1] if succ else ""
        if not there.islower():
            return (p, k)
    return succ
