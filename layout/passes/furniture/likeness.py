"""Fuzzy likeness of short printed texts (titles, signature lines), by their letters.

In: two strings. Out: whether they are the same printed text read twice by an OCR engine:
only letters count (case folded; digits, punctuation and letter-spacing do not), and the
letter strings must agree to SIMILAR (rapidfuzz's Indel similarity, the evaluation's
ratio). Only the first COMPARED letters of each text are compared: titles are short, and
a comparison costs the product of the two lengths, so a page of long head lines stays
linear. Not handled: transpositions of whole words, abbreviations ("röm." vs
"römischen").
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Indel

SIMILAR = 0.8
"""Two texts whose letters agree this much are the same text."""
PAIR_SLACK = 0.25
"""How far the share of shared letter pairs may fall below the ratio wanted: OCR slips
break more pairs than they change letters."""
SAME = 0.9
"""Stricter: the same title, not its sibling (`Erster Abschnitt`, `Zweiter Abschnitt`)."""
COMPARED = 160
"""Letters of each text a comparison looks at: more than any running title prints."""


def letters(text: str) -> str:
    """The key texts are compared by: letters only, case folded."""
    return "".join(filter(str.isalpha, text.casefold()))


def ratio(a: str, b: str, cutoff: float = 0.0) -> float:
    """The similarity of two keys (of their first COMPARED signs), 0 to 1; below `cutoff`
    it may read 0."""
    return Indel.normalized_similarity(a[:COMPARED], b[:COMPARED], score_cutoff=cutoff)


@lru_cache(maxsize=8192)
def _pairs(key: str) -> frozenset[str]:
    """The letter pairs of a key, for a quick first comparison."""
    return frozenset(key[k: k + 2] for k in range(len(key) - 1))


def similar(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """Fuzzy equality of two keys; cheap tests (lengths, shared letter pairs) first."""
    a, b = a[:COMPARED], b[:COMPARED]
    if a == b:
        return True
    if not a or not b:
        return False
    shorter, longer = sorted((len(a), len(b)))
    if 2 * shorter < threshold * (shorter + longer):
        return False
    pa, pb = _pairs(a), _pairs(b)
    if pa and pb and 2 * len(pa & pb) < (threshold - PAIR_SLACK) * (len(pa) + len(pb)):
        return False
    return ratio(a, b, threshold) >= threshold
