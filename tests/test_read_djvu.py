"""The Internet Archive djvu text reader: pages recovered from running-title blocks."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

from conftest import shared

from layout.model import Book
from layout.readers import read_file
from layout.readers.djvu import detect, read
from layout.readers.djvu_titles import find_anchors, read_number, title_key

WORDS = (
    "the settlers crossed the river in the spring and built their houses on the higher "
    "ground where the soil was dry and the wells were deep enough for the summer months"
).split()


def raw() -> Path:
    """The raw download (skips without the shared corpus)."""
    return shared("corpus-raw", "fshs1908-ia-djvu.txt")


def gold_file() -> Path:
    """The gold annotations of the book (skips without the shared corpus)."""
    return shared("corpus", "en", "fshs1908h.gold.jsonl")


def paragraph(seed: int, lines: int) -> str:
    """A paragraph of running text, different for every seed."""
    out = []
    for k in range(lines):
        start = (seed * 7 + k * 3) % len(WORDS)
        out.append(" ".join(WORDS[start:] + WORDS[:start])[:60] + " ")
    return "\n".join(out)


def synthetic_book(
    title: str, first: int, count: int, openings: dict[int, str],
    inside: dict[int, str] | None = None, foot: dict[int, str] | None = None,
) -> str:
    """A djvu-like text: head blocks (number before the title on even pages, after it on
    odd ones) between blank runs; pages in `openings` print no head, only a heading;
    `inside` puts a line alone between paragraphs of a page, `foot` one at its foot."""
    inside, foot = inside or {}, foot or {}
    parts = []
    for k in range(count):
        n = first + k
        paragraphs = [paragraph(n * 5 + p, 6) for p in range(4)]
        if k in inside:
            paragraphs.insert(2, f"\n{inside[k]} \n")
        if k in foot:
            paragraphs.append(f"\n{foot[k]} ")
        body = "\n\n".join(paragraphs)
        if k in openings:
            parts.append(f"\n\n\n\n{openings[k]} \n\n\nBy A. Writer. \n\n{body}\n")
        elif n % 2 == 0:
            parts.append(f"\n\n{n} \n\n\n{title} \n\n\n{body}\n")
        else:
            parts.append(f"\n\n{title} \n\n\n{n} \n\n\n{body}\n")
    return "".join(parts)


def first_text(book: Book, page: int) -> str:
    return next(line.text.strip() for line in book.pages[page].lines if line.text.strip())


def letters(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).upper()


def test_raw_djvu_gives_42_pages() -> None:
    content = raw().read_text(encoding="utf-8")
    assert detect(content)
    book = read(content, "fshs")
    assert len(book.pages) == 42
    message = book.diagnostics[0].message
    assert "42 pages recovered" in message and "38 from running-title blocks" in message


def test_raw_djvu_pages_begin_where_the_printed_pages_begin() -> None:
    book = read(raw().read_text(encoding="utf-8"), "fshs")
    gold = [json.loads(line) for line in gold_file().read_text(encoding="utf-8").splitlines()]
    for k, (page, truth) in enumerate(zip(book.pages, gold, strict=True)):
        expected = next(letters(t) for t in truth["lines"] if len(letters(t)) >= 4)
        printed = "".join(letters(ln.text) for ln in page.lines if ln.text.strip())
        head = printed[: len(expected) + 4]
        ratio = SequenceMatcher(None, expected, head[: len(expected)]).ratio()
        assert ratio >= 0.8, (k, expected, head)


def test_raw_djvu_head_blocks_carry_the_printed_numbers() -> None:
    book = read(raw().read_text(encoding="utf-8"), "fshs")
    gold = [json.loads(line) for line in gold_file().read_text(encoding="utf-8").splitlines()]
    unnumbered = [k for k, t in enumerate(gold) if t["page_number"] is None]
    assert unnumbered == [2, 7, 10, 41]
    for k in unnumbered:  # paper openings: the page starts with the paper's title
        assert "FLORIDA" not in first_text(book, k)
        assert letters(first_text(book, k)) == letters(gold[k]["lines"][0])


def test_no_line_is_lost_or_repeated() -> None:
    content = raw().read_text(encoding="utf-8")
    book = read(content, "fshs")
    assert "\n".join(ln.text for p in book.pages for ln in p.lines) + "\n" == content


def test_the_cli_dispatch_reads_a_djvu_file() -> None:
    book = read_file(raw().read_bytes(), "fshs1908-ia-djvu.txt")
    assert len(book.pages) == 42


def test_any_recurring_title_works_and_openings_fill_number_gaps() -> None:
    content = synthetic_book("A HISTORY OF THE COLONY.", 101, 9, {3: "The Second Journey.",
                                                                  8: "Letters Home."})
    assert detect(content)
    book = read(content, "synthetic")
    assert len(book.pages) == 9
    starts = [first_text(book, k) for k in range(9)]
    assert starts[3] == "The Second Journey." and starts[8] == "Letters Home."
    assert starts[0] == starts[2] == "A HISTORY OF THE COLONY."  # odd pages: title first
    assert starts[1] == "102" and starts[7] == "108"  # even pages: number first
    assert "2 without one" in book.diagnostics[0].message


def test_ocr_misreadings_of_title_and_number_still_open_pages() -> None:
    content = synthetic_book("THE ANNALS OF SURGERY.", 11, 7, {})
    misread = "THE ANNAIS 0F SURGERY. \n\n\nl3 "
    content = content.replace("THE ANNALS OF SURGERY. \n\n\n13 ", misread)
    content = content.replace("16 \n\n\nTHE ANNALS", "I6 \n\n\nTHE ANNALS")
    book = read(content, "annals")
    assert len(book.pages) == 7
    assert first_text(book, 2) == "THE ANNAIS 0F SURGERY."
    assert first_text(book, 5) == "I6"


def test_number_inside_the_title_line() -> None:
    heads = [f"{n} ESSAYS IN CRITICISM" if n % 2 == 0 else f"ESSAYS IN CRITICISM {n}"
             for n in range(40, 46)]
    content = "".join(
        f"\n\n{head} \n\n\n" + "\n\n".join(paragraph(k + p, 7) for p in range(3)) + "\n"
        for k, head in enumerate(heads)
    )
    book = read(content, "essays")
    assert [first_text(book, k) for k in range(len(book.pages))] == heads


def test_a_recurring_heading_without_numbers_is_no_running_title() -> None:
    text = "".join(f"\n\nDISCUSSION.\n\n{paragraph(k, 8)}\n" for k in range(8))
    assert not detect(text)
    assert find_anchors(text.split("\n")) == []


def test_short_texts_and_form_feed_books_are_not_djvu() -> None:
    block = "\n\nTHE TITLE\n\n\n12\n\n\nsome text\n"
    assert not detect(block * 3)  # too short to be a book
    assert not detect((block * 10).replace("some text", "some text\f"))


def test_page_number_readings_allow_ocr_confusions() -> None:
    assert read_number("l3") == 13
    assert read_number("2O") == 20
    assert read_number("S") is None  # no true digit: not a number
    assert title_key("FLORIDA STATE SOCIETY. 29") == ("FLORIDASTATESOCIETY", 29)
    assert title_key("32 . FLORIDAv STATE") == ("FLORIDAVSTATE", 32)


def test_a_page_whose_title_was_lost_starts_at_its_lone_number() -> None:
    content = synthetic_book("NOTES ON THE FLORA.", 21, 8, {})
    content = content.replace("\n\nNOTES ON THE FLORA. \n\n\n25 ", "\n25 ")
    book = read(content, "flora")
    assert len(book.pages) == 8
    assert first_text(book, 4) == "25"
    assert "1 without one" in book.diagnostics[0].message


def test_a_heading_that_repeats_the_running_title_opens_no_page() -> None:
    content = synthetic_book("THE WAR OF 1812.", 201, 8, {}, inside={3: "THE WAR OF 1812."})
    book = read(content, "war")
    assert len(book.pages) == 8
    assert [first_text(book, k) for k in (3, 4)] == ["204", "THE WAR OF 1812."]


def test_a_signature_line_every_eight_pages_is_no_running_title() -> None:
    signatures = {n - 1: f"Parish Records. {sheet}" for sheet, n in enumerate(range(8, 41, 8), 2)}
    content = synthetic_book("RECORDS OF THE PARISH.", 1, 40, {}, foot=signatures)
    book = read(content, "parish")
    assert len(book.pages) == 40
    for k in range(40):
        expected = str(k + 1) if (k + 1) % 2 == 0 else "RECORDS OF THE PARISH."
        assert first_text(book, k) == expected, k


def test_a_section_number_alone_on_a_line_is_no_page_number() -> None:
    heading = "§. 49. \n\n\nOF THE STATE."  # a section number over a heading like the title
    content = synthetic_book("OF THE STATE.", 141, 10, {}, inside={5: heading})
    book = read(content, "state")
    assert len(book.pages) == 10
    assert [first_text(book, k) for k in range(5, 8)] == ["146", "OF THE STATE.", "148"]
