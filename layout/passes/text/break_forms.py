"""What the shape of a line-end break's two words says, and what the sign says.

In: a `Break`, the book's vocabulary (with its case habits) and word frequencies. Out: a
decision and the rung that took it, or None to let the next rung speak:

- digits: `1821-` / `24` keeps; but `10-` / `cality` joins when the book prints the word
  the digits' look-alike letters make (`locality`: rule "look-alike");
- conjunction: `Vater-` / `und` (or `u.`) is a suspended hyphen (`space`);
- one-letter: no printer breaks a word after its first letter: `a-` / `going` keeps;
- dash: `receive-` / `The`: a capitalised word of the language's commonest that the book
  prints in lower case but where a sentence opens: the sign is no break (hyphen None);
- capital: any other capitalised continuation after a lower-case letter keeps
  (`Reichs-` / `Eiſenbahn`);
- OCR signs (`un—` / `dersized`, `busi’` / `ness`): joined when the joined word is known;
  after a stroke (not a quote or apostrophe, which are as often the text's own) also when
  the continuation is no word on its own (rule "fragment"); otherwise no decision.
"""

from __future__ import annotations

from layout.model import Hyphen
from layout.passes.text import lexicon, vocabulary
from layout.passes.text.breaks import Break, Decision

KNOWN = 3.0
"""Zipf frequency from which a word counts as known (once per million words)."""
OCR_DASHES = frozenset("—–~_")
"""The signs OCR prints for a hyphen that are strokes: a fragment before one may be a word
cut by a break; a quote or apostrophe at a line's end is as often the text's own
(`dell’`, `Pres'`)."""
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or", "nor"}),
    "de": frozenset({"und", "oder", "bis", "sowie", "resp", "reſp", "bzw", "beziehungsweise",
                     "noch", "wie", "u", "od"}),
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
LOWER_SHARE = 2 / 3
"""Share of a word's occurrences the book prints in lower case from which the word, set
with a capital after a line-end hyphen, opens a sentence: the hyphen is a dash."""
LOWER_SEEN = 3
"""Occurrences of a word the book must print for its case habit to count."""
COMMONEST = 6.0
"""Zipf frequency of the language's commonest words (once in a thousand words and more)."""
DIGIT_LETTERS = str.maketrans("015", "ols")
"""Digits OCR reads for letters at a word's start: `10-` / `cality` is `lo-` / `cality`."""
CAPITAL_SLIPS = 0.05
"""Share of its occurrences a sentence opener may show capitalised inside a sentence
(a title, an OCR slip) and still count as one."""


def by_form(
    brk: Break, lang: str | None, vocab: vocabulary.Vocabulary, zipf: dict[str, float]
) -> Decision | None:
    """Digits, conjunctions, a single letter and capitals: what the shape of the two words
    says (with the book's case habit for a capitalised continuation)."""
    if brk.left.isdigit():
        misread = brk.left.translate(DIGIT_LETTERS) + brk.near_right
        if brk.right[0].islower() and vocab[misread]:
            return Hyphen.JOIN, "look-alike"  # `10-` / `cality`: the book prints `locality`
        return Hyphen.KEEP, "digits"
    table = CONJUNCTIONS.get(lang or "", ANY_CONJUNCTION)
    if brk.right.lower() in table:
        return Hyphen.SPACE, "conjunction"
    if len(brk.near_left) == 1 and brk.near_left.isalpha():
        # no printer breaks a word after its first letter: `a-going`, `x-ray`
        return Hyphen.KEEP, "one-letter"
    if brk.right[0].isupper() and brk.left[-1].islower():
        if opens_sentence(brk.near_right, vocab, zipf):
            return None, "dash"  # `receive-` / `The`: a dash before a new sentence
        return Hyphen.KEEP, "capital"
    return None


def opens_sentence(word: str, vocab: vocabulary.Vocabulary, zipf: dict[str, float]) -> bool:
    """True for a capitalised word of the language's commonest (`The`, `Die`: articles,
    pronouns, conjunctions, never a compound's part) that the book prints in lower case
    but where a sentence opens: its capital opens a sentence here too; it does not
    continue a compound (`Reichs-Eiſenbahn`, `Nebeneinander-Beſtehen`)."""
    if zipf.get(lexicon.fold(word), 0.0) < COMMONEST:
        return False
    seen = vocab[word]
    if seen < LOWER_SEEN or vocab.lowercase(word) < LOWER_SHARE * seen:
        return False
    return vocab.capital_inside(word) <= CAPITAL_SLIPS * seen


def by_ocr_sign(
    brk: Break, vocab: vocabulary.Vocabulary, zipf: dict[str, float]
) -> Decision | None:
    """A dash or quote OCR printed for a hyphen joins a lower-case fragment to a known
    word; a stroke (not a quote) also joins a continuation that is no word itself;
    otherwise the sign is the text's own (a dash, an apostrophe, a closing quote)."""
    if not (brk.right[0].islower() and any(c.isalpha() for c in brk.left)):
        return None
    joined = brk.near_left + brk.near_right
    if vocab[joined] or zipf.get(lexicon.fold(joined), 0.0) >= KNOWN:
        return Hyphen.JOIN, "vocabulary" if vocab[joined] else "frequency"
    if brk.sign not in OCR_DASHES:
        return None
    right = lexicon.fold(brk.near_right)
    if zipf.get(right, 0.0) < KNOWN or right in SUFFIXES:
        return Hyphen.JOIN, "fragment"
    return None
