"""Footnote marks in the body text: where each note of a page is called from.

In: the text lines of a page (body and headings above its note area) and the labels of
the page's notes, in order. Out: for each note the span of its mark, or None, with a
flag saying whether the engine is sure. Every place where a note's label could stand as a
mark is a candidate, weighted by its form (`word1)`, `word.¹`, `him.”`); the marks must
appear in note order, so the best monotone assignment is chosen by dynamic programming,
and among equals the candidate nearest the previous mark wins. Traps kept out: digits
inside words (OCR's `1` for `l`), years and numbers after a space, ordinal and
abbreviation superscripts (`12"`, `S*`, `Ob"`), opening quotes.

Not handled: marks in the notes themselves, marks on another page than their note.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from layout.model import Anchor
from layout.passes.notes.labels import DIGITS, LETTER, OCR, SUPER, SUPERSCRIPTS, SYMBOL, Label

SKIP_COST = 0.4
"""What leaving a note without a mark costs, against a candidate's weight."""

NEAREST = 0.01
"""What each place passed over costs a mark: among equal candidates the nearest wins."""

SURE = 2.0
"""A mark at least this strong, with no rival for its note, is certain."""

_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿſ]+)\.?$")
_LONE_CAPITAL = re.compile(r"(?:^|\s)[A-Z]$")
_SIGN_RUN = re.compile("[*\"”“°'’•†‡§‖¶]+|\\|\\|")
_OCR_SIGNS = frozenset("*\"”“°'’•")
_QUOTES = "\"”“'’"
_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPTS)

CLOSING = ".,;:!?)]“”\"'’—–-"
"""Signs a mark may stand right after, besides a letter."""


@dataclass(frozen=True, slots=True)
class Spot:
    """A run of digits or reference signs in a body line: a place a mark may hide."""

    line: int
    start: int
    end: int
    kind: str  # "dig", "sup", "sign" or "letter"
    text: str
    before: str
    after: str
    prefix: str
    """The line before the run."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place in the body text where a note's mark may stand."""

    line: int
    start: int
    end: int
    weight: float


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """How the book prints its marks, learned from its note labels.

    `ocr_superscripts` is set for books whose OCR turns every superscript number into
    `*`, `"` or `”`; `abbreviations` are the words the book prints with a superscript
    ending (`Ob"`, `Serv"`), in lower case: their superscripts are not marks.
    """

    paren: bool = False
    ocr_superscripts: bool = False
    abbreviations: frozenset[str] = frozenset()


class BodyText:
    """The text lines of a page joined into one string, searched at once per label."""

    def __init__(self, lines: Sequence[tuple[int, str]]) -> None:
        self.indices = [i for i, _ in lines]
        self.texts = [t for _, t in lines]
        self.starts: list[int] = []
        pos = 0
        for t in self.texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.text = "\n".join(self.texts)
        self._signs: list[tuple[int, str]] | None = None

    def numbers(self, digits: str) -> list[tuple[int, str]]:
        """The digit runs (with a ")" behind, if any) whose number ends in `digits`.

        Found with `str.find`, which is much faster than a regular expression over the
        page: most pages call for a few small numbers only.
        """
        return self._runs(digits, "0123456789", ")")

    def supers(self, digits: str) -> list[tuple[int, str]]:
        """The superscript runs (ordinary digits before them included, as in `1871⁶`)
        that end in the superscript form of `digits`."""
        return self._runs(digits.translate(_TO_SUPER), SUPERSCRIPTS + "0123456789", "")

    def _runs(self, digits: str, run_chars: str, closing: str) -> list[tuple[int, str]]:
        text = self.text
        size = len(text)
        found: list[tuple[int, str]] = []
        pos = text.find(digits)
        while pos >= 0:
            end = pos + len(digits)
            if end < size and text[end] in run_chars:
                pos = text.find(digits, pos + 1)  # the number goes on
                continue
            start = pos
            while start > 0 and text[start - 1] in run_chars:
                start -= 1
            if closing and end < size and text[end] == closing:
                end += 1
            found.append((start, text[start:end]))
            pos = text.find(digits, end)
        return found

    def places(self, needle: str) -> list[int]:
        """Every offset where `needle` stands in the joined text."""
        text = self.text
        found: list[int] = []
        pos = text.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = text.find(needle, pos + len(needle))
        return found

    def signs(self) -> list[tuple[int, str]]:
        """The runs of reference signs and OCR renderings of superscripts, found once."""
        if self._signs is None:
            self._signs = [(m.start(), m.group()) for m in _SIGN_RUN.finditer(self.text)]
        return self._signs

    def spot(self, offset: int, text: str, kind: str) -> Spot:
        """A run found at `offset` of the joined text, placed in its line."""
        k = bisect_right(self.starts, offset) - 1
        line = self.texts[k]
        col = offset - self.starts[k]
        end = col + len(text)
        return Spot(
            self.indices[k],
            col,
            end,
            kind,
            text,
            line[col - 1] if col > 0 else "",
            line[end] if end < len(line) else "",
            line[:col],
        )


def _digit_weight(spot: Spot, digits: str, style: MarkStyle) -> Candidate | None:
    """A number run as the mark of note `digits`: strong right after a word or a stop
    (`Rechts1)`, `man.1`, `Staate¹`), weak after a space (a number of the text), weaker
    still behind a longer number (`18711)`: the year 1871 and mark 1)."""
    if spot.kind == "sup":
        sup = digits.translate(_TO_SUPER)
        if spot.text == sup:
            return Candidate(spot.line, spot.start, spot.end, 3.0)
        if spot.text.endswith(sup):
            return Candidate(spot.line, spot.end - len(sup), spot.end, 1.0)
        return None
    if spot.kind != "dig":
        return None
    run = spot.text
    paren = run.endswith(")")
    number = run[:-1] if paren else run
    if not number.endswith(digits) or spot.after.isalnum():
        return None  # another number, or a digit inside a word (OCR's 1 for l)
    start = spot.end - len(digits) - (1 if paren else 0)
    before = spot.before
    if len(number) > len(digits):
        # glued to a longer number: a year or a section number with its mark behind
        if not paren:
            return None
        weight = 1.2 if len(number) > 2 else 0.8  # 18711) or §. 81): section 8, mark 1)
    elif before == "" or before.isspace():
        weight = 0.5 if paren else 0.3
    elif before.isalpha():
        weight = 2.5
        if digits == "1" and before.islower() and not paren:
            weight = 1.2  # "soll" read as "sol1"
    elif before in CLOSING:
        weight = 2.5
    else:
        weight = 0.8
    if paren != style.paren:
        weight *= 0.7
    if paren and len(number) == len(digits):
        prefix = spot.prefix[-12:]
        opening = prefix.rfind("(")
        if opening >= 0 and prefix.find(")", opening) < 0:
            weight *= 0.5  # the ")" may close a parenthesis: "(Art. 5)"
    return Candidate(spot.line, start, spot.end, weight)


def _symbol_weight(spot: Spot, mark: str) -> Candidate | None:
    """A reference sign as the mark of the note it labels; not inside a word."""
    if spot.kind != "sign" or spot.text != mark:
        return None
    if spot.after.isalnum():
        return None  # S*Augustine: an abbreviation's superscript letter
    weight = 0.4 if _LONE_CAPITAL.search(spot.prefix[-3:]) else 2.5  # S* Johns
    return Candidate(spot.line, spot.start, spot.end, weight)


def _letter_weight(spot: Spot) -> Candidate | None:
    """A letter in parentheses as the mark of a lettered note: glued to the word or sign
    before it (`beträgt(b).`); after a space it mostly counts the items of a list."""
    if spot.after.isalnum():
        return None
    weight = 2.5 if spot.before and not spot.before.isspace() else 0.3
    return Candidate(spot.line, spot.start, spot.end, weight)


def _ocr_weight(spot: Spot, style: MarkStyle) -> Candidate | None:
    """A sign the OCR may have read for a superscript number. Such a mark follows
    punctuation or stands alone; after a letter or a digit the same sign is mostly the
    superscript ending of an abbreviation or an ordinal (`Serv"`, `12"`)."""
    before, after, run = spot.before, spot.after, spot.text
    if after.isalnum():
        return None  # an opening quote or S*Augustine
    apostrophe = run[0] in "'’°"
    if before.isdigit() or before == "&":
        weight = 0.1  # 12" Ult., &c
    elif before.isalpha():
        word = _WORD_BEFORE.search(spot.prefix[-16:])
        token = word.group(1) if word else ""
        if (
            apostrophe
            or token.lower() in style.abbreviations
            or (token.isupper() and len(token) <= 5)
        ):
            weight = 0.1  # Ob", Serv", WILL" H. CRAWFORD, Gen'
        elif after == " ":
            weight = 0.5 if run[0] != "*" else 0.8
        else:
            weight = 1.2  # at the line end or before punctuation: Pensacola"
    elif before == "" or before.isspace():
        weight = 3.0 if run[0] == "*" else 2.0 if not apostrophe else 0.3
    elif before in ".,;:!?)]":
        weight = 2.5 if not apostrophe else 1.0
    else:
        weight = 0.8
    if run[0] in '"”' and _opens_quote(spot.prefix, run[0]):
        weight *= 0.5  # closes a quotation opened before it in the line
    return Candidate(spot.line, spot.start, spot.end, weight)


def _opens_quote(prefix: str, sign: str) -> bool:
    """Whether a quotation opened earlier in the line is still open."""
    if sign in '”"':
        return prefix.count("“") > prefix.count("”") or prefix.count('"') % 2 == 1
    return prefix.count("‘") > prefix.count("’")


def candidates(body: BodyText, label: Label, style: MarkStyle) -> list[Candidate]:
    """Every place in a page's body text where the mark of the note `label` may stand."""
    found: list[Candidate | None] = []
    if label.kind in (DIGITS, SUPER) and label.value is not None:
        digits = str(label.value)
        found += [
            _digit_weight(body.spot(at, run, "dig"), digits, style)
            for at, run in body.numbers(digits)
        ]
        found += [
            _digit_weight(body.spot(at, run, "sup"), digits, style)
            for at, run in body.supers(digits)
        ]
    elif label.kind == LETTER:
        mark = f"({label.marker})"
        found += [_letter_weight(body.spot(at, mark, "letter")) for at in body.places(mark)]
    elif label.kind == SYMBOL and not style.ocr_superscripts:
        mark = label.marker
        for at, run in body.signs():
            if run != mark:  # a closing quotation mark may stand right before it: `.“*)`
                quotes = run[: -len(mark)] if run.endswith(mark) else "x"
                if quotes.strip(_QUOTES):
                    continue
                at, run = at + len(quotes), mark
            found.append(_symbol_weight(body.spot(at, run, "sign"), mark))
    if style.ocr_superscripts or label.kind == OCR:
        found += [
            _ocr_weight(body.spot(at, run, "sign"), style)
            for at, run in body.signs()
            if run[0] in _OCR_SIGNS
        ]
    return [c for c in found if c is not None and c.weight > 0]


def link(options: Sequence[Sequence[Candidate] | None]) -> list[Anchor | None]:
    """The anchor of each note, from the candidates of its mark (None for a note without
    a label, or whose mark is not found); marks follow the order of the notes."""
    notes = [j for j, opts in enumerate(options) if opts is not None]
    result: list[Anchor | None] = [None] * len(options)
    per_note: list[dict[tuple[int, int], Candidate]] = []
    places: set[tuple[int, int, int]] = set()
    for j in notes:
        found = {(c.line, c.start): c for c in options[j] or ()}
        places.update((c.line, c.start, c.end) for c in found.values())
        per_note.append(found)
    order = sorted(places)
    if not order:
        return result
    chosen = _assign(order, per_note)
    for k, j in enumerate(notes):
        pick = chosen[k]
        if pick is None:
            continue
        cand = per_note[k][(pick[0], pick[1])]
        rivals = sum(1 for c in per_note[k].values() if c.weight >= cand.weight - 0.5)
        sure = cand.weight >= SURE and rivals == 1
        result[j] = Anchor(cand.line, cand.start, cand.end, sure)
    return result


def _assign(
    order: list[tuple[int, int, int]], per_note: list[dict[tuple[int, int], Candidate]]
) -> list[tuple[int, int, int] | None]:
    """The monotone choice of one spot per note (or none) with the greatest total weight.

    A small cost per spot passed over makes the nearest candidate win among equals.
    """
    n = len(order)
    neg = float("-inf")
    # best[c]: best score with the last mark at spot c-1 (c = 0: no mark yet)
    best = [0.0] + [neg] * n
    back: list[list[tuple[int, int]]] = []  # per note: for each state, (previous state, used)
    for found in per_note:
        new = [b - SKIP_COST if b > neg else neg for b in best]
        ptr = [(c, 0) for c in range(n + 1)]
        run_best, run_arg = best[0], 0
        for c in range(1, n + 1):
            spot = order[c - 1]
            cand = found.get((spot[0], spot[1]))
            if cand is not None and cand.weight > 0 and run_best > neg:
                score = run_best + cand.weight - NEAREST * (c - run_arg)
                if score > new[c]:
                    new[c] = score
                    ptr[c] = (run_arg, 1)
            if best[c] > run_best:
                run_best, run_arg = best[c], c
        back.append(ptr)
        best = new
    state = max(range(n + 1), key=lambda c: (best[c], -c))
    picks: list[tuple[int, int, int] | None] = []
    for ptr in reversed(back):
        prev, used = ptr[state]
        picks.append(order[state - 1] if used else None)
        state = prev
    picks.reverse()
    return picks
