"""Hyphenation points for the line breaker, from pyphen's patterns in the book's language.

In: a word as printed ("Reichsverfassung,", "“conflicting"). Out: the character offsets
inside it where a line may break with an added hyphen. Only the alphabetic core of a word
is hyphenated (leading and trailing punctuation never moves); words with digits, inner
punctuation or combining marks are left whole; explicit hyphens are the line breaker's
business, not ours. Non-standard breaks (old German "Zuk-ker") are not offered: the
typeset text must read letter for letter as the source.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

PYPHEN_LANG = {"en": "en_US", "de": "de_DE"}
"""Our ISO 639-1 codes to pyphen's dictionaries; others go through pyphen's own fallback."""

MARGINS = {"en": (2, 3), "de": (2, 2)}
"""Fewest letters before and after a break (TeX's lefthyphenmin, righthyphenmin)."""

DEFAULT_MARGINS = (2, 3)
MIN_WORD = 5
"""Shorter cores are never hyphenated: the break would save too little."""

CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
PATTERN_FORMS = str.maketrans({"\u017f": "s"})
"""Letters the patterns do not know, mapped one for one to the letter they stand for (long s)."""


class Hyphenator:
    """Where words of one language may be hyphenated; results cached per word."""

    def __init__(self, lang: str | None = "en") -> None:
        import pyphen

        code = (lang or "en").lower().replace("-", "_")
        base = code.split("_")[0]
        name = (
            PYPHEN_LANG.get(code)
            or PYPHEN_LANG.get(base)
            or pyphen.language_fallback(code)
        )
        self.lang = name
        self.left, self.right = MARGINS.get(base, DEFAULT_MARGINS)
        self._dic: pyphen.Pyphen | None = (
            pyphen.Pyphen(lang=name, left=self.left, right=self.right) if name else None
        )
        self._cache: dict[str, tuple[int, ...]] = {}

    def points(self, word: str) -> list[int]:
        """Offsets in `word` after which a hyphen may be added and the line broken."""
        found = self._cache.get(word)
        if found is None:
            found = self._find(word)
            self._cache[word] = found
        return list(found)

    def _find(self, word: str) -> tuple[int, ...]:
        if self._dic is None or len(word) < MIN_WORD:
            return ()
        match = CORE.match(word)
        assert match is not None  # the pattern matches every string
        lead, core = match.group(1), match.group(2)
        if len(core) < MIN_WORD or not core.isalpha():
            return ()
        offset = len(lead)
        core = core.translate(PATTERN_FORMS)
        return tuple(offset + p for p in self._dic.positions(core) if p.data is None)
