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

from rapidfuzz.distance import Indel

SIMILAR = 0.8
"""Two texts whose letters agree this much are the same text."""
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


def similar(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """Fuzzy equality of two keys; the cheap test of their lengths first."""
    a, b = a[:COMPARED], b[:COMPARED]
    if a == b:
        return True
    if not a or not b:
        return False
    shorter, longer = sorted((len(a), len(b)))
    if 2 * shorter < threshold * (shorter + longer):
        return False
    return ratio(a, b, threshold) >= threshold
