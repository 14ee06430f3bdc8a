"""Decide every line-end hyphen of the book: join, keep, space, or undecided.

In: a book whose lines carry roles (furniture and footnotes found). Out: the same book
where every running-text or footnote line ending in a hyphen sign has `hyphen` and
`hyphen_rule` (the rung of evidence that decided). The continuation is the next line of
the same flow (`layout.flows`), across page breaks. Evidence, strongest first:

1. vocabulary: the book's own spelling where no line breaks the word (joined or hyphenated);
2. digits: `1821-` / `24` keeps; an abbreviation (`Geſ.-` / `Sammlung`) keeps;
3. conjunction: `Vater-` / `und` is a suspended hyphen (`space`);
4. capital: a capitalised continuation after a lower-case letter keeps;
5. frequency: word frequencies of the book's language (`layout.passes.text.lexicon`);
6. prior: where nothing else speaks, the book's own habit: when the breaks its vocabulary
   decided are nearly all the printer's, so is this one (join);
7. patterns: in a book without that habit, pyphen's hyphenation patterns break the tie: a
   break where the patterns put a syllable boundary joins; any other stays undecided.

Lines ending in a dash or another sign OCR sets for a hyphen (`un—` / `dersized`) are
joined only when the joined word is known or the continuation is no word on its own
(rule "fragment"); otherwise they get no decision. A sign after a space (` -`) is a dash,
not a break; a break with no continuation is undecided. Not handled: breaks inside a line
(OCR that merged lines), ligature or case damage beyond lower-casing. The patterns come
last and load only when a book needs them: pyphen's German patterns take 0.6 s to load.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from layout.flows import Position, successors
from layout.model import FURNITURE, HYPHEN_SIGNS, TEXT_ROLES, Book, Hyphen, Role
from layout.passes.text import lexicon, vocabulary

OCR_HYPHENS = frozenset("—–~_'‘’»")
"""Signs an OCR engine prints for a line-end hyphen; evidence is needed to join them."""
DECIDED_ROLES = TEXT_ROLES | {Role.FOOTNOTE}
BREAK_ENDS = HYPHEN_SIGNS | OCR_HYPHENS
"""The last signs of a line that may end in a break."""
LEFT = re.compile(r"([^\W_]+(?:[-‐‑⸗¬][^\W_]+)*)$")
RIGHT = re.compile(r"^[\s\"'„“”‚‘’»«(]*([^\W_]+(?:[-‐‑⸗][^\W_]+)*)")
SEGMENT = re.compile(r"[-‐‑⸗¬]")

CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or", "nor"}),
    "de": frozenset({"und", "oder", "bis", "sowie", "resp", "reſp", "bzw", "beziehungsweise",
                     "noch", "wie"}),
    "fr": frozenset({"et", "ou"}),
    "nl": frozenset({"en", "of"}),
    "it": frozenset({"e", "o", "ed", "od"}),
    "es": frozenset({"y", "o", "e", "u"}),
    "la": frozenset({"et", "ac", "atque", "aut", "vel"}),
}
"""Words after which a line-end hyphen is suspended (`Vater- und Mutterrecht`)."""
ANY_CONJUNCTION = frozenset({"and", "or", "und", "oder", "et", "ou"})
SUFFIXES: frozenset[str] = frozenset(
    "ing ings ness ment ments men less ly ful ed er ers est son side tion tions ity".split()
    + "ent ents ence ences ance ant ants able ible al ous".split()
    + "ung ungen heit keit lich lichen ig ige igen en er ern es isch ische".split()
)
"""Endings that are words in a frequency list yet, after a break, only continue one."""
OPEN_COMPOUNDS = 0.01
"""Share of hyphenated compounds among the book's own lower-case breaks above which the
book writes compounds open (English "orange-growing"), so two known words may keep."""
PRIOR_JOINS = 0.8
"""Share of joins among the breaks the book's vocabulary decides from which an otherwise
undecided break is taken for the printer's (a book without such evidence joins)."""
UNDECIDED = (Hyphen.UNDECIDED, "undecided")
KNOWN = 3.0
"""Zipf frequency from which a word counts as known (once per million words)."""
COMPOUND_MARGIN = 1.5
"""How much more frequent two words apart must be than joined to read as a compound."""


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


Decision = tuple[Hyphen, str]
"""A decision and the rung of evidence that took it."""


def find_breaks(
    book: Book, nxt: dict[Position, Position]
) -> tuple[list[Break], dict[Position, Decision]]:
    """Every line-end break with its words, and the decisions taken on the signs alone."""
    breaks: list[Break] = []
    fixed: dict[Position, Decision] = {}
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


def by_vocabulary(brk: Break, vocab: vocabulary.Vocabulary) -> Decision | None:
    """The book's own spelling: the more frequent of joined and hyphenated wins."""
    counts = vocab.counts
    whole = (brk.left.lower(), brk.right.lower())
    near = (brk.near_left.lower(), brk.near_right.lower())
    for left, right in (whole, near) if whole != near else (whole,):
        joined, hyphened = counts.get(left + right, 0), counts.get(left + "-" + right, 0)
        if joined > hyphened:
            return Hyphen.JOIN, "vocabulary"
        if hyphened > joined:
            return Hyphen.KEEP, "vocabulary"
    return None


def by_form(brk: Break, lang: str | None) -> Decision | None:
    """Digits, conjunctions and capitals: what the shape of the two words says."""
    if brk.left.isdigit():
        return Hyphen.KEEP, "digits"
    table = CONJUNCTIONS.get(lang or "", ANY_CONJUNCTION)
    if brk.right.lower() in table:
        return Hyphen.SPACE, "conjunction"
    if brk.right[0].isupper() and brk.left[-1].islower():
        return Hyphen.KEEP, "capital"
    return None


def combined(a: float, b: float) -> float:
    """The Zipf frequency of two words read together (wordfreq's 1/f = 1/f1 + 1/f2)."""
    if a <= 0 or b <= 0:
        return 0.0
    return 9.0 - math.log10(10 ** (9.0 - a) + 10 ** (9.0 - b))


def by_frequency(brk: Break, zipf: dict[str, float], open_compounds: bool) -> Decision | None:
    """The language's word frequencies: a known joined word joins; in a book that writes
    compounds open, two known words that are no known word together keep."""
    fold = lexicon.fold
    left, right = brk.near_left, brk.near_right
    joined = zipf.get(fold(left + right), 0.0)
    if open_compounds and len(left) > 2 and len(right) > 2 and fold(right) not in SUFFIXES:
        apart = combined(zipf.get(fold(left), 0.0), zipf.get(fold(right), 0.0))
        if apart >= KNOWN and joined + COMPOUND_MARGIN < apart:
            return Hyphen.KEEP, "frequency"
    if joined >= KNOWN:
        return Hyphen.JOIN, "frequency"
    return None


def by_ocr_sign(
    brk: Break, vocab: vocabulary.Vocabulary, zipf: dict[str, float]
) -> Decision | None:
    """A dash or quote OCR printed for a hyphen joins a lower-case fragment to a known
    word, or to a continuation that is no word itself; otherwise it is a dash."""
    if not (brk.right[0].islower() and any(c.isalpha() for c in brk.left)):
        return None
    joined = brk.near_left + brk.near_right
    if vocab[joined] or zipf.get(lexicon.fold(joined), 0.0) >= KNOWN:
        return Hyphen.JOIN, "vocabulary" if vocab[joined] else "frequency"
    right = lexicon.fold(brk.near_right)
    if zipf.get(right, 0.0) < KNOWN or right in SUFFIXES:
        return Hyphen.JOIN, "fragment"
    return None


def decide(book: Book) -> dict[Position, Decision]:
    """Every break's decision and the rung that took it."""
    nxt = successors(book)
    lang = re.split(r"[-_]", book.language or "")[0].lower() or None  # "de-AT" reads "de"
    breaks, decided = find_breaks(book, nxt)
    vocab = vocabulary.count(book, {b.pos for b in breaks}, {b.cont for b in breaks})
    rest: list[Break] = []
    spelt = [by_vocabulary(b, vocab) for b in breaks]
    lower = [
        d for b, d in zip(breaks, spelt, strict=True)
        if d is not None and b.sign in HYPHEN_SIGNS and b.right[0].islower()
    ]
    keeps = sum(1 for d in lower if d[0] is Hyphen.KEEP)
    open_compounds = keeps > OPEN_COMPOUNDS * len(lower)
    known = [d for d in spelt if d is not None]
    joins = sum(1 for d in known if d[0] is Hyphen.JOIN)
    prior = (Hyphen.JOIN, "prior") if joins >= PRIOR_JOINS * len(known) else UNDECIDED
    for brk, found in zip(breaks, spelt, strict=True):
        hyphen = brk.sign in HYPHEN_SIGNS
        if found is None and hyphen:
            found = by_form(brk, lang)
        if found is None:
            rest.append(brk)
        elif hyphen or found[0] is Hyphen.JOIN:
            decided[brk.pos] = found
    words = {w for b in rest for w in (b.near_left, b.near_right, b.near_left + b.near_right)}
    zipf = lexicon.zipf(words, lang) if rest else {}
    ties: list[Break] = []
    for brk in rest:
        if brk.sign not in HYPHEN_SIGNS:
            found = by_ocr_sign(brk, vocab, zipf)
            if found is not None:
                decided[brk.pos] = found
            continue
        found = by_frequency(brk, zipf, open_compounds)
        if found is None and prior is UNDECIDED:
            ties.append(brk)
        decided[brk.pos] = found if found is not None else prior
    if ties:
        decided.update(by_patterns(ties, lang))
    return decided


def by_patterns(ties: list[Break], lang: str | None) -> dict[Position, Decision]:
    """Join the breaks that fall where pyphen's patterns put a syllable boundary."""
    from layout.patterns import Hyphenator

    hyphenator = Hyphenator(lang or "en")
    out: dict[Position, Decision] = {}
    for brk in ties:
        word = brk.near_left + brk.near_right
        if len(brk.near_left) in hyphenator.points(word):
            out[brk.pos] = (Hyphen.JOIN, "patterns")
    return out


def mark(book: Book) -> Book:
    """Record each line-end break's decision and rule on its line."""
    decided = decide(book)
    if not decided:
        return book
    pages = list(book.pages)
    touched: dict[int, list[int]] = {}
    for p, i in decided:
        touched.setdefault(p, []).append(i)
    for p, rows in touched.items():
        lines = list(pages[p].lines)
        for i in rows:
            hyphen, rule = decided[(p, i)]
            lines[i] = replace(lines[i], hyphen=hyphen, hyphen_rule=rule)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return replace(book, pages=tuple(pages))
