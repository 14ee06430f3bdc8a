"""Word frequencies of a language, from the lists the `wordfreq` package ships.

In: a batch of words and an ISO 639-1 code. Out: each word's Zipf frequency (log10 of
occurrences per billion words; 0 for a word the list does not hold). Importing wordfreq
costs a tenth of a second (ftfy, langcodes, regex) and its "large" German list a fifth
more, so the lists are read straight from wordfreq's data files (the cBpack format: one
bucket of words per hundredth of a Zipf unit) and only the words asked for are kept.
Not handled: wordfreq's own tokenisation (the words given are looked up as they are,
after folding case and the long s) and languages wordfreq has no list for (all zeros).
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

WORDLIST = "small"
"""wordfreq's list with every word of Zipf >= 3; "large" reaches Zipf 1 but loads 15x slower."""


def fold(word: str) -> str:
    """The form wordfreq lists a word under: lower case, long s as s."""
    return word.lower().replace("ſ", "s")


@lru_cache(maxsize=8)
def _buckets(lang: str, wordlist: str) -> tuple[tuple[str, ...], ...] | None:
    """The list's buckets (bucket i holds words of Zipf 9 - i/100), or None if unavailable."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data_dir = Path(next(iter(spec.submodule_search_locations))) / "data"
    path = data_dir / f"{wordlist}_{lang}.msgpack.gz"
    if not path.exists():
        return None
    import msgpack  # a wordfreq dependency

    with gzip.open(path, "rb") as stream:
        data = msgpack.load(stream, raw=False, strict_map_key=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB":
        return None
    return tuple(tuple(bucket) for bucket in data[1:])


def zipf(words: Iterable[str], lang: str | None, wordlist: str = WORDLIST) -> dict[str, float]:
    """The Zipf frequency of each (folded) word in `lang`; 0.0 for words not listed."""
    wanted = {fold(w) for w in words if w}
    found = dict.fromkeys(wanted, 0.0)
    if not wanted or not lang:
        return found
    buckets = _buckets(lang, wordlist)
    if buckets is None:
        return found
    left = set(wanted)
    for i, bucket in enumerate(buckets):
        if not bucket:
            continue
        hits = left.intersection(bucket)
        if hits:
            for w in hits:
                found[w] = round(9.0 - i / 100.0, 2)
            left -= hits
            if not left:
                break
    return found

