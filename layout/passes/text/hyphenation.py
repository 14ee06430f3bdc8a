"""Decide every line-end hyphen of the book: join, keep, space, undecided, or no break.

In: a book whose lines carry roles (furniture and footnotes found). Out: the same book
where every running-text or footnote line ending in a hyphen sign has `hyphen` and
`hyphen_rule` (the rung of evidence that decided; a sign found to be no break, a dash,
keeps `hyphen` None with its rule). `breaks` finds each break and the line it continues
on, the next line of the same flow (`layout.flows`), across page breaks. Evidence,
strongest first:

1. vocabulary: the book's own spelling where no line breaks the word (joined or hyphenated);
2. the shape of the two words (`break_forms`): digits, a conjunction after a suspended
   hyphen, a single letter (`a-going`), a capitalised sentence opener after a dash
   (`receive-` / `The`: no break), a capitalised compound part (keep);
3. frequency: word frequencies of the book's language (`layout.passes.text.lexicon`);
4. prior: where nothing else speaks, the book's own habit: when the breaks its vocabulary
   decided are nearly all the printer's, so is this one (join);
5. patterns: in a book without that habit, pyphen's hyphenation patterns break the tie: a
   break where the patterns put a syllable boundary joins; any other stays undecided.

Lines ending in a dash, a quote or another sign OCR sets for a hyphen are decided by the
vocabulary, then by `break_forms.by_ocr_sign`; otherwise they get no decision. A break
with no continuation is undecided. Not handled: ligature or case damage beyond
lower-casing. The patterns come last and load only when a book needs them: pyphen's
German patterns take 0.6 s to load.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from layout.flows import Position
from layout.model import HYPHEN_SIGNS, Book, Hyphen
from layout.passes.text import lexicon, vocabulary
from layout.passes.text.break_forms import KNOWN, SUFFIXES, by_form, by_ocr_sign
from layout.passes.text.breaks import UNDECIDED, Break, Decision, find_breaks

OPEN_COMPOUNDS = 0.01
"""Share of hyphenated compounds among the book's own lower-case breaks above which the
book writes compounds open (English "orange-growing"), so two known words may keep."""
PRIOR_JOINS = 0.8
"""Share of joins among the breaks the book's vocabulary decides from which an otherwise
undecided break is taken for the printer's (a book without such evidence joins)."""
COMPOUND_MARGIN = 1.5
"""How much more frequent two words apart must be than joined to read as a compound."""

SPELT_JOIN: Decision = (Hyphen.JOIN, "vocabulary")
SPELT_KEEP: Decision = (Hyphen.KEEP, "vocabulary")
FREQUENT_JOIN: Decision = (Hyphen.JOIN, "frequency")
FREQUENT_KEEP: Decision = (Hyphen.KEEP, "frequency")
"""The decisions the book's spelling and the word frequencies take, made once (a long
book's breaks share them, not a pair each)."""


def by_vocabulary(brk: Break, vocab: vocabulary.Vocabulary) -> Decision | None:
    """The book's own spelling: the more frequent of joined and hyphenated wins."""
    counts = vocab.counts
    whole = (brk.left.lower(), brk.right.lower())
    near = (brk.near_left.lower(), brk.near_right.lower())
    for left, right in (whole, near) if whole != near else (whole,):
        joined, hyphened = counts.get(left + right, 0), counts.get(left + "-" + right, 0)
        if joined > hyphened:
            return SPELT_JOIN
        if hyphened > joined:
            return SPELT_KEEP
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
            return FREQUENT_KEEP
    if joined >= KNOWN:
        return FREQUENT_JOIN
    return None


def decide(book: Book) -> dict[Position, Decision]:
    """Every break's decision and the rung that took it."""
    lang = re.split(r"[-_]", book.language or "")[0].lower() or None  # "de-AT" reads "de"
    breaks, decided = find_breaks(book)
    vocab = vocabulary.count(book, (b.pos for b in breaks), (b.cont for b in breaks))
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
    capitals = {
        b.near_right for b, d in zip(breaks, spelt, strict=True)
        if d is None and b.right[0].isupper()
    }
    common = lexicon.zipf(capitals, lang) if capitals else {}
    for brk, found in zip(breaks, spelt, strict=True):
        if found is None and brk.sign in HYPHEN_SIGNS:
            found = by_form(brk, lang, vocab, common)
        if found is None:
            rest.append(brk)
        else:  # an OCR sign too: the book prints the word joined, or hyphenated
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
