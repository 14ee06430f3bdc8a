"""Read the number a heading prints: `A.`, `IV.`, `3)`, `b)`, `(2)`, `§. 12.`, `Erstes
Kapitel`, `Chapter IV`.

In: the first line of a heading. Out: a `Number`: the numbering's style (how the book
writes it: its kind of numeral and its punctuation, or the word that names a division),
its value, and the printed number for `div/@n`; None when the line prints none. A single
letter that is also a roman numeral (`I.`, `C.`) is read both ways (`Number.alternative`)
and the outline decides by the sequence. Not handled: numbers spelled out in other
languages than German, English, French and Latin; numbers after the title
(`Vorrede. I.`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from layout.numerals import read_roman

DIVISION_WORDS: dict[str, str] = {
    "kapitel": "chapter", "capitel": "chapter", "chapter": "chapter", "chapitre": "chapter",
    "caput": "chapter", "capitulum": "chapter", "hauptstück": "chapter",
    "abschnitt": "section", "unterabschnitt": "section", "section": "section",
    "sectio": "section", "abtheilung": "section", "abteilung": "section",
    "unterabtheilung": "section", "unterabteilung": "section",
    "buch": "book", "book": "book", "livre": "book", "liber": "book",
    "theil": "part", "teil": "part", "part": "part", "partie": "part", "pars": "part",
    "band": "volume", "volume": "volume", "tomus": "volume",
    "artikel": "article", "article": "article", "vorlesung": "lecture", "lecture": "lecture",
    "brief": "letter", "letter": "letter", "lettre": "letter",
    "gesang": "canto", "canto": "canto", "akt": "act", "act": "act", "aufzug": "act",
    "scene": "scene", "szene": "scene", "auftritt": "scene",
    "anhang": "appendix", "appendix": "appendix", "beilage": "appendix",
}
"""Words that name a division, and the `div/@type` each gives."""

ORDINALS: dict[str, int] = {
    word: n
    for n, words in enumerate(
        (
            (),
            ("erst", "first", "premier", "première", "primus", "prima", "primum"),
            ("zweit", "second", "deuxième", "secundus", "secunda", "secundum"),
            ("dritt", "third", "troisième", "tertius", "tertia", "tertium"),
            ("viert", "fourth", "quatrième", "quartus", "quarta", "quartum"),
            ("fünft", "fuenft", "fifth", "cinquième", "quintus", "quinta"),
            ("sechst", "sixth", "sixième", "sextus", "sexta"),
            ("siebent", "siebt", "seventh", "septième", "septimus", "septima"),
            ("acht", "eighth", "huitième", "octavus", "octava"),
            ("neunt", "ninth", "neuvième", "nonus", "nona"),
            ("zehnt", "tenth", "dixième", "decimus", "decima"),
            ("elft", "eilft", "eleventh", "onzième"),
            ("zwölft", "twelfth", "douzième"),
        )
    )
    for word in words
}
"""Ordinal stems (German without its ending: `Erst-es`, `Zweit-er`) and their values."""

GERMAN_ENDINGS = ("es", "er", "en", "e", "")
_BY_LENGTH: dict[int, list[str]] = {}
for _word in DIVISION_WORDS:
    _BY_LENGTH.setdefault(len(_word), []).append(_word)

WORD = re.compile(r"[^\W\d_]+")
NUMERAL = re.compile(r"([IVXLCDM]+|\d{1,4})\b\.?")
SECTION = re.compile(r"^(§+)\s*\.?\s*(\d{1,4})(?:\s*[a-z]\b)?\.?(?=\s|$|\W)")
"""`§. 12.`, `§ 12`, `§§ 12`: the section sign and its number."""
ITEM = re.compile(
    r"^(\()?([IVXLCDM]{1,7}|[A-Z]|\d{1,3}|[a-z]{1,2}|[α-ω]{1,2})([.)])(?=\s|$)"
)
"""`A.`, `IV.`, `3)`, `(b)`, `aa)`, `α)`: a numeral or letter and its punctuation."""


@dataclass(frozen=True, slots=True)
class Number:
    """A heading's number: the style it is written in, its value, and as printed."""

    style: str
    """How the book writes this numbering: "label:chapter", "section", "roman.",
    "alpha)", "(arabic)", "alpha2)"...: numbers of one style form one series."""
    value: int
    printed: str
    """The number as printed, for `div/@n` ("IV", "§ 12", "b", "Erstes Kapitel")."""
    kind: str = "section"
    """The `div/@type` the number implies ("chapter" for `Kapitel`, else "section")."""
    end: int = 0
    """Where the number (and its punctuation) ends in the line."""
    alternative: Number | None = None
    """The other reading of a letter that is also a roman numeral (`I.`, `C.`)."""

    @property
    def bare(self) -> bool:
        """True when nothing but the number stands on its line: the title follows."""
        return self.end < 0


def _plain(word: str) -> str:
    return word.lower().replace("ſ", "s")


def _near(word: str, known: str) -> bool:
    """`word` is `known` or one OCR misreading away (one letter wrong, for long words)."""
    if word == known:
        return True
    if len(known) < 6 or len(word) != len(known):
        return False
    return sum(a != b for a, b in zip(word, known, strict=True)) <= 1


@lru_cache(maxsize=4096)
def division_word(word: str) -> str | None:
    """The `div/@type` a word names ("Capitel" -> "chapter"), OCR slips allowed."""
    plain = _plain(word)
    if plain in DIVISION_WORDS:
        return DIVISION_WORDS[plain]
    for known in _BY_LENGTH.get(len(plain), ()):
        if _near(plain, known):
            return DIVISION_WORDS[known]
    return None


@lru_cache(maxsize=4096)
def ordinal(word: str) -> int | None:
    """The value of an ordinal word ("Erstes" -> 1, "third" -> 3, OCR slips allowed in
    long stems: "Dritfer" -> 3), or None."""
    plain = _plain(word)
    for ending in GERMAN_ENDINGS:
        if ending and not plain.endswith(ending):
            continue
        stem = plain[: len(plain) - len(ending)] if ending else plain
        if stem in ORDINALS:
            return ORDINALS[stem]
        if len(stem) >= 5:
            for known, value in ORDINALS.items():
                if len(known) == len(stem) and sum(
                        a != b for a, b in zip(stem, known, strict=True)) == 1:
                    return value
    return None


def _value(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    return read_roman(numeral)


def _labelled(text: str) -> Number | None:
    """`Erstes Kapitel.`, `Kapitel 3`, `CHAPTER IV.`, `Zweiter Abschnitt`."""
    first = WORD.search(text, 0, 60)
    if first is None or first.start() > 2:
        return None
    kind = division_word(first.group())
    if kind is not None:  # `Kapitel 3.`, `Chapter IV`
        numeral = NUMERAL.match(text, first.end() + (1 if text[first.end():][:1] == " " else 0))
        value = _value(numeral.group(1)) if numeral else None
        if numeral is None or value is None:
            return None
        end = numeral.end()
        return Number(f"label:{kind}", value, text[: end].strip().rstrip("."), kind, end)
    value = ordinal(first.group())
    if value is None:
        return None
    second = WORD.search(text, first.end(), 80)
    if second is None:
        return None
    kind = division_word(second.group())
    if kind is None or text[first.end(): second.start()].strip():
        return None
    end = second.end() + (1 if text[second.end():][:1] == "." else 0)
    return Number(f"label:{kind}", value, text[: second.end()].strip(), kind, end)


def _style(numeral: str) -> list[tuple[str, int]]:
    """The styles a numeral may be read in, with its value in each."""
    if numeral.isdigit():
        return [("arabic", int(numeral))]
    if "α" <= numeral[0] <= "ω":
        base = ord(numeral[0]) - ord("α") + 1
        return [("greek" if len(numeral) == 1 else "greek2", base)]
    readings: list[tuple[str, int]] = []
    roman = read_roman(numeral)
    if numeral.isupper():
        if roman is not None:
            readings.append(("roman", roman))
        if len(numeral) == 1:  # a letter; read first unless it is I, V or X
            letter = ("alpha", ord(numeral) - ord("A") + 1)
            readings.insert(len(readings) if numeral in "IVX" else 0, letter)
    elif len(numeral) == 1 or numeral == numeral[0] * len(numeral):
        style = "alpha" if len(numeral) == 1 else "alpha2"
        readings.append((style.replace("alpha", "lower"), ord(numeral[0]) - ord("a") + 1))
        if roman is not None and len(numeral) == 1 and numeral in "ivx":
            readings.append(("lroman", roman))
    elif roman is not None:
        readings.append(("lroman", roman))
    return readings


def read_number(text: str) -> Number | None:
    """The number at the start of a heading line, or None when it prints none."""
    line = text.strip()
    if not line:
        return None
    found: Number | None = None
    section = SECTION.match(line)
    if section is not None:
        value = int(section.group(2))
        found = Number("section", value, f"§ {value}", "section", section.end())
    if found is None:
        found = _labelled(line)
    if found is None:
        item = ITEM.match(line)
        if item is None:
            return None
        opening, numeral, closing = item.groups()
        readings = _style(numeral)
        if not readings:
            return None
        punct = "()" if opening else closing
        numbers = [
            Number(f"{style}{punct}", value, numeral, "section", item.end())
            for style, value in readings
        ]
        found = numbers[0]
        if len(numbers) > 1:
            found = Number(found.style, found.value, found.printed, found.kind, found.end,
                           numbers[1])
    rest = line[found.end:].strip(" .:")
    if not rest or (len(rest) <= 3 and not any(c.isalpha() for c in rest)):
        return _as_bare(found)
    return found


def _as_bare(number: Number) -> Number:
    """The number marked as standing alone on its line (`end` negative)."""
    alt = _as_bare(number.alternative) if number.alternative else None
    return Number(number.style, number.value, number.printed, number.kind, -1, alt)


NAMED_STYLES = ("label:", "section")
"""Numberings that name a division or a section (`Kapitel 3`, `§. 12.`), not a list's."""


def readings(number: Number) -> tuple[tuple[str, int], ...]:
    """The styles and values a number may be read in (a letter that is also a roman
    numeral, `I.`, `C.`, both ways)."""
    first = (number.style, number.value)
    alt = number.alternative
    return (first,) if alt is None else (first, (alt.style, alt.value))


def counts_on(before: Number, after: Number) -> bool:
    """Whether `after` is the number after `before` in one series of a list's labels
    (`1.` -> `2.`, `a)` -> `b)`, `I.` -> `II.`, either reading of an ambiguous letter);
    never for a division's or a section's numbers."""
    if before.style.startswith(NAMED_STYLES) or after.style.startswith(NAMED_STYLES):
        return False
    return any(previous in readings(before)
               for previous in ((style, value - 1) for style, value in readings(after)))
