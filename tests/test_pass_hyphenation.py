"""The hyphenation pass: each rung of the ladder and each sign, on lines from the corpus.

Most cases live in tests/cases/hyphenation.cases (see its header for the format).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from layout.model import HYPHEN_SIGNS, Book, Hyphen, Line, Page, Role
from layout.passes.text import break_forms, breaks, hyphenation, lexicon, vocabulary
from layout.writers import text

CASES = Path(__file__).parent / "cases" / "hyphenation.cases"
SIGNS = HYPHEN_SIGNS | breaks.OCR_HYPHENS
PREFIX = {"fn: ": Role.FOOTNOTE, "fw: ": Role.HEADER}


def parse_book(lines: list[str]) -> Book:
    """A book from case lines: `---` breaks pages, `fn: `/`fw: ` set a line's role."""
    lang = None
    if lines and lines[0].startswith("lang: "):
        lang = lines.pop(0)[6:].strip()
    pages: list[list[Line]] = [[]]
    for raw in lines:
        if raw == "---":
            pages.append([])
            continue
        role = PREFIX.get(raw[:4], Role.BODY)
        pages[-1].append(Line(raw[4:] if raw[:4] in PREFIX else raw, role))
    return Book(pages=tuple(Page(lines=tuple(p)) for p in pages), language=lang)


def load_cases() -> list[object]:
    cases = []
    blocks = CASES.read_text(encoding="utf-8").split("\n=== ")[1:]
    for block in blocks:
        title, _, rest = block.partition("\n")
        body, _, tail = rest.partition("\n.\n")
        expected, _, _ = tail.partition("\n.")
        cases.append(pytest.param(title, body.split("\n"), expected.split("\n"), id=title))
    return cases


def decisions(book: Book) -> list[str]:
    """`decision rule` (or `none`) for every line ending in a hyphen or dash sign."""
    out = []
    for page in book.pages:
        for line in page.lines:
            if line.text.rstrip()[-1:] in SIGNS:
                out.append(f"{line.hyphen} {line.hyphen_rule}" if line.hyphen else "none")
    return out


@pytest.mark.parametrize("title,book_lines,expected", load_cases())
def test_case(title: str, book_lines: list[str], expected: list[str]) -> None:
    book = hyphenation.mark(parse_book(list(book_lines)))
    assert decisions(book) == expected, title


def test_seed_sentence_reads_whole_words() -> None:
    book = parse_book([
        "lang: en",
        "toward Russia ; she was still groping in a tangle of con-",
        "flicting ideas. Understandably bewildered by the develop-",
        "ment of the Russian Revolution, and Allied co-operation with",
        "the Bolsheviks.",
    ])
    reading = text.write(hyphenation.mark(book)).decode("utf-8")
    assert "conflicting" in reading and "development" in reading
    assert "co-operation" in reading


def test_furniture_and_blank_lines_get_no_decision() -> None:
    book = Book(pages=(Page(lines=(
        Line("286   THE TILSIT PEACE -", Role.HEADER),
        Line("-", Role.BODY),
        Line("the con-"),
        Line("flicting ideas"),
    )),), language="en")
    lines = hyphenation.mark(book).pages[0].lines
    assert [line.hyphen for line in lines] == [None, None, Hyphen.JOIN, None]


def test_mark_keeps_every_line_and_its_text() -> None:
    book = parse_book(["lang: de", "Die Verwaltungs-", "geſchäfte des Reiches"])
    marked = hyphenation.mark(book)
    assert [ln.text for ln in marked.pages[0].lines] == [ln.text for ln in book.pages[0].lines]
    assert [ln.role for ln in marked.pages[0].lines] == [ln.role for ln in book.pages[0].lines]


def test_without_language_the_prior_still_joins_fragments() -> None:
    book = replace(parse_book(["Die Verwaltungs-", "geſchäfte des Reiches"]), language=None)
    line = hyphenation.mark(book).pages[0].lines[0]
    assert line.hyphen is Hyphen.JOIN


def test_vocabulary_leaves_out_the_fragments_of_breaks() -> None:
    book = parse_book(["the con-", "flicting well-known ideas of Reichs-Eiſenbahn-Amt"])
    vocab = vocabulary.count(book, {(0, 0)}, {(0, 1)})
    assert "con" not in vocab and "flicting" not in vocab
    assert vocab["well-known"] == 1 and vocab["known"] == 1
    assert vocab["reichs-eiſenbahn"] == 1 and vocab["eiſenbahn-amt"] == 1


def capital_inside_joined(lines: list[str], word: str) -> int:
    """`capital_inside` read off the counted lines joined into one text (the reference)."""
    import re

    text, title, found = "\n".join(lines), word[:1].upper() + word[1:].lower(), 0
    for m in re.finditer(re.escape(title) + r"\b", text):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            continue
        before = text[max(0, s - vocabulary.SENTENCE_LOOK): s].rstrip(vocabulary.OPENING)
        if before and before[-1] not in vocabulary.SENTENCE_ENDS:
            found += 1
    return found


def test_capital_inside_reads_across_lines_and_cut_words() -> None:
    book = parse_book([
        "Die Sache ist klar. Die", "Leute sagen, daß Die-", "ſelben und Die Frage",
        "fw: 12 Kopf", "„Die Antwort", "", "ja und", "Die andern; Die", "DieDie Die-",
        "---", "Die erste Zeile der Seite und Die letzte. Die",
    ])
    vocab = vocabulary.count(book, {(0, 1), (0, 8)}, {(0, 2), (1, 0)})
    counted = [vocab.counted(k) for k in range(len(vocab.lines))]
    assert counted[2] == "und Die Frage" and counted[8] == "DieDie"  # the cut words left out
    assert counted[3] == ""  # furniture is not counted
    assert vocab.capital_inside("die") == capital_inside_joined(counted, "die") > 0


def test_lexicon_knows_common_words_and_folds_the_long_s() -> None:
    zipf = lexicon.zipf(["Geſetz", "qqxzv"], "de")
    assert zipf["gesetz"] >= break_forms.KNOWN
    assert zipf["qqxzv"] == 0.0
    assert lexicon.zipf(["house"], "xx") == {"house": 0.0}
    assert lexicon.zipf(["house"], None) == {"house": 0.0}


def test_combined_frequency_is_below_either_part() -> None:
    assert hyphenation.combined(5.0, 4.0) < 4.0
    assert hyphenation.combined(5.0, 0.0) == 0.0


def test_a_regional_language_code_uses_its_language() -> None:
    book = replace(parse_book(["the tangle of con-", "flicting ideas"]), language="en-GB")
    line = hyphenation.mark(book).pages[0].lines[0]
    assert (line.hyphen, line.hyphen_rule) == (Hyphen.JOIN, "frequency")
