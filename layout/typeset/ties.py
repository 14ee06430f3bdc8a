"""Ties: where two words of a paragraph must stay on one line (a no-break space).

In: a paragraph's words as printed and the book's language. Out: for each word, whether
the space after it is a tie: the line breaker may stretch or shrink it but never break
there. Tied, as a careful compositor ties them:

- a reference sign or abbreviation and its number: `§ 12`, `§§ 3`, `S. 45`, `p. 7`,
  `pp. 19`, `Nr. 3`, `No. 4`, `Art. 5`, `Bd. 2`, `vol. 3` (the sign `§` always);
- initials and the name after them: `J. C. Calhoun`;
- a date's day and month and a month and its day: `12. März`, `March 12`;
- a number and its unit: `12 km`, `5 Thlr.`, `3 %`;
- a word and what the OCR set apart after it that may not begin a line: closing
  punctuation (`;` `:` `,` `.` `)` `]` `?` `!`, closing quotes), so a space the OCR put
  before punctuation is never a break.

Not handled: ties inside a word (`z. B.` is two words and tied by the initials rule only
when both are capitals), non-breaking spaces the source itself prints (they stay inside
their word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from layout.dates import MONTHS

BEFORE_NUMBER = frozenset(
    "S. s. p. pp. P. Nr. nr. No. no. Art. art. Abs. Bd. Bde. Vol. vol. Kap. cap. Cap. ch. "
    "Anm. Note n. Fig. fig. Taf. Tab. Th. Tit. Lib. lib. l. c. Sp. fol. Bl. Heft Jahrg. "
    "Seite page pages".split()
)
"""Abbreviations tied to the number after them (`S. 45`, `pp. 19`)."""
ALWAYS_BEFORE = frozenset({"§", "§§", "¶", "Nr", "No"})
"""Signs tied to whatever follows them."""
UNITS = frozenset(
    "km m cm mm qm qkm kg g t l hl ha Ztr. Ctr. Pfd. Pf. M. Mk. Mark Thlr. Thaler Sgr. "
    "fl. Fl. Kr. kr. Gulden % ‰ ° fr. Fr. frs. Fcs. £ $ s. d. ft. in. yds. lbs. lb. "
    "miles acres Meilen Fuß Fuss Zoll Ellen".split()
)
NUMBER = re.compile(r"^[(\[]?\d[\d.,/–-]*[.,)\]]?$")
INITIAL = re.compile(r"^[(\[]?[A-ZÄÖÜ]\.$")
CLOSING = ";:,.)]?!\u201d\u2019\u00bb\u2026"
"""Signs that may not begin a line; German books add their closing quotes (DE_CLOSING)."""
DE_CLOSING = "\u201c\u2018\u00ab"
LONGEST_CHAIN = 30
"""At most this many ties in a row (". . . . . ." leaders): a longer chain could not be
broken at all on a narrow measure (thirty points and spaces at 10 pt take about 150 pt,
less than the narrowest measure a book page has, 16 picas)."""


def _ties_after(word: str, nxt: str, closing: str) -> bool:
    """Whether the space between `word` and `nxt` is a tie."""
    if nxt[0] in closing:
        return True
    if word in ALWAYS_BEFORE:
        return True
    starts_number = nxt[0].isdigit() or (nxt[0] in "([" and nxt[1:2].isdigit())
    if word in BEFORE_NUMBER and (starts_number or _roman(nxt)):
        return True
    if INITIAL.match(word) and nxt[0].isupper():
        return True
    unit = nxt.lower().rstrip(",;:") in MONTHS or nxt.rstrip(",;:") in UNITS
    if unit and NUMBER.match(word):
        return True
    return word.lower().rstrip(",") in MONTHS and starts_number and word[0].isupper()


def _roman(text: str) -> bool:
    core = text.rstrip(".,;:)")
    return bool(core) and len(core) <= 6 and all(ch in "IVXLCivxlc" for ch in core)


def ties(words: Sequence[str], language: str | None) -> list[bool]:
    """For each word, whether the space after it is a tie (the last word's is False)."""
    closing = CLOSING + (DE_CLOSING if (language or "").startswith("de") else "")
    out = [False] * len(words)
    run = 0
    for k in range(len(words) - 1):
        if words[k] and words[k + 1]:
            out[k] = _ties_after(words[k], words[k + 1], closing) and run < LONGEST_CHAIN
        run = run + 1 if out[k] else 0
    return out
