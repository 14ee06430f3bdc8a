"""The list pass: numbered list items marked on small books typed the way OCR gives them
(no indents, no type sizes), and the numbered lines that are no list left alone."""

from __future__ import annotations

import pytest

from layout.model import Block, Book, Role
from layout.passes import analyse
from layout.passes.structure.lists import item_label
from layout.readers import read_file

FULL = "Der Staat ist die rechtlich geordnete Gemeinschaft eines Volkes und"
"""A full line of prose (the book's measure)."""
LEAD_IN = [FULL, FULL, "Es gehören dazu die folgenden Behörden:"]
AFTER = [FULL, FULL, "dieses Landes hier."]


def book(*pages: list[str]) -> Book:
    text = "\f".join("\n".join(page) + "\n" for page in pages)
    return analyse(read_file(text.encode("utf-8"), "test.txt"))


def item(label: str, last: str = "und ihre Verwaltung.") -> list[str]:
    """A list item of two lines: a full first line opening with `label`, a short last."""
    return [f"{label} Die Gemeinden, die Kreise und die Provinzen des Landes", last]


def items(b: Book) -> list[str]:
    """The text of each item (its lines joined by " / "), its label set apart by "|"."""
    out: list[str] = []
    for page in b.pages:
        for line in page.lines:
            if line.block is not Block.ITEM:
                continue
            assert line.role is Role.BODY
            text = line.text.strip()
            if line.paragraph_start:
                assert line.label_end > 0, "an item's first line says where its label ends"
                out.append(f"{line.text[:line.label_end].strip()}|{line.text[line.label_end:]}")
            else:
                assert line.label_end == 0
                out[-1] += f" / {text}"
    return out


def test_a_run_of_numbered_paragraphs_after_a_lead_in_is_a_list() -> None:
    b = book([*LEAD_IN, *item("1."), *item("2."), *item("3."), *AFTER])
    assert items(b) == [
        f"{n}.|Die Gemeinden, die Kreise und die Provinzen des Landes / und ihre Verwaltung."
        for n in (1, 2, 3)
    ]
    last = b.pages[0].lines[-1]
    assert last.block is None, "the paragraph after the list is prose"


@pytest.mark.parametrize("labels", [("a)", "b)"), ("(a)", "(b)"), ("aa)", "bb)"),
                                    ("α)", "β)"), ("I.", "II."), ("A.", "B.")])
def test_labels_of_every_style_that_count_on_make_a_list(labels: tuple[str, str]) -> None:
    b = book([*LEAD_IN, *item(labels[0]), *item(labels[1]), *AFTER])
    assert [text.split("|")[0] for text in items(b)] == list(labels)


def test_a_list_and_an_item_go_on_over_a_page_break() -> None:
    b = book([*LEAD_IN, *item("1."), "2. Die Gemeinden, die Kreise und die Provinzen des Landes"],
             ["und ihre Verwaltung.", *item("3."), *AFTER])
    assert [text.split(" / ")[-1] for text in items(b)] == ["und ihre Verwaltung."] * 3
    assert b.pages[1].lines[0].block is Block.ITEM and not b.pages[1].lines[0].paragraph_start


@pytest.mark.parametrize("sign", [".", ")"])
def test_short_entries_counting_on_are_a_list_not_headings(sign: str) -> None:
    """Short numbered lines one after another read as headings one by one; counting on,
    they are the entries of a list."""
    last = [f"3{sign} Das Reichsbankdirektorium und die Reichsbankkommissare in", "Berlin."]
    b = book([*AFTER, f"1{sign} Die Reichsbank.", f"2{sign} Die Reichsschuldenverwaltung.",
              *last, *AFTER])
    assert items(b) == [f"1{sign}|Die Reichsbank.", f"2{sign}|Die Reichsschuldenverwaltung.",
                        f"3{sign}|Das Reichsbankdirektorium und die Reichsbankkommissare in"
                        " / Berlin."]
    assert all(line.heading is None for line in b.pages[0].lines)


def test_an_item_run_into_the_one_before_starts_at_its_label() -> None:
    """Full lines of a contents list: the paragraphs pass sees no start after a full
    line; the next label after a line ending in a number starts the next item."""
    entries = [f"{n}. Die Gemeinden, die Kreise und die Provinzen des Landes {page}"
               for n, page in (("I", 731), ("II", 738), ("III", 745))]
    b = book([*LEAD_IN, *entries, *AFTER])
    assert [text.split("|")[0] for text in items(b)] == ["I.", "II.", "III."]


def test_a_number_opening_a_line_after_a_word_goes_on_with_its_item() -> None:
    first = ["1. Die Gemeinden, die Kreise und die Provinzen des Landes in der",
             "2. Auflage des Werkes über die Verfassung des Landes und der", "Stadt."]
    b = book([*LEAD_IN, *first, *item("2."), *AFTER])
    assert [text.split("|")[0] for text in items(b)] == ["1.", "2."]
    assert items(b)[0].endswith(" / 2. Auflage des Werkes über die Verfassung des Landes und"
                                " der / Stadt.")


def test_a_list_inside_an_item_and_a_first_item_after_a_colon() -> None:
    """The first item runs on from the prose's colon (a full line before it); item 1 holds
    a list of its own (`a)`, `b)`); the outer list goes on at `2.`."""
    b = book([FULL, FULL, "Die Behörden des Reiches gliedern sich in die folgenden zwei:",
              "1. Die Gemeinden, die Kreise und die Provinzen des Landes, diese:",
              *item("a)"), *item("b)"), *item("2."), *AFTER])
    assert [text.split("|")[0] for text in items(b)] == ["1.", "a)", "b)", "2."]
    assert b.pages[0].lines[3].paragraph_start, "the item the paragraphs pass ran on"


# -- near misses ------------------------------------------------------------------------


def test_a_numbered_paragraph_alone_is_no_list() -> None:
    assert items(book([*LEAD_IN, *item("1."), *AFTER])) == []


def test_labels_that_do_not_count_on_are_no_list() -> None:
    assert items(book([*LEAD_IN, *item("1."), *item("3."), *item("2."), *AFTER])) == []


def test_two_numbered_paragraphs_inside_a_longer_series_are_no_list() -> None:
    """A book that numbers its paragraphs throughout: two of them in a row, long, after no
    lead-in, are not evidence of a list."""
    long_item = ["167. Die Gemeinden, die Kreise und die Provinzen des Landes", FULL, FULL,
                 FULL, "ihre Verwaltung."]
    nxt = ["168." + long_item[0][4:], *long_item[1:]]
    assert items(book([*AFTER, *long_item, *nxt, *AFTER])) == []
    third = ["169." + long_item[0][4:], *long_item[1:]]  # three, but in the hundreds
    assert items(book([*AFTER, *long_item, *nxt, *third, *AFTER])) == []


def test_two_lettered_paragraphs_in_a_row_are_a_list() -> None:
    """Letters (and a closing parenthesis) are a list's labels, not a paragraph numbering:
    two long items, taken up after the list's start, are a list."""
    long_item = ["c) Die Gemeinden, die Kreise und die Provinzen des Landes", FULL, FULL,
                 FULL, "ihre Verwaltung."]
    nxt = ["d)" + long_item[0][2:], *long_item[1:]]
    assert [text[:2] for text in items(book([*AFTER, *long_item, *nxt, *AFTER]))] == [
        "c)", "d)"]


def test_dates_are_no_list() -> None:
    b = book([*LEAD_IN, "1. Mai 1848. Die Gemeinden, die Kreise und die Provinzen des",
              "Landes und ihre Verwaltung.",
              "2. Mai 1848. Die Gemeinden, die Kreise und die Provinzen des",
              "Landes und ihre Verwaltung.", *AFTER])
    assert items(b) == []


def test_sections_are_no_list() -> None:
    b = book([*LEAD_IN, *item("§. 1."), *item("§. 2."), *item("§. 3."), *AFTER])
    assert items(b) == []


def test_numbered_headings_are_no_list() -> None:
    b = book([*AFTER, "I. Einleitung.", *AFTER, "II. Geschichte.", *AFTER])
    assert items(b) == []
    assert [line.text for line in b.pages[0].lines if line.role is Role.HEADING] == [
        "I. Einleitung.", "II. Geschichte."]


def test_footnotes_are_no_list() -> None:
    body = [FULL, "dieses Landes hier1).", FULL, "dieses Landes hier2).", FULL, FULL, FULL]
    notes = ["1) Die Gemeinden, die Kreise und die Provinzen des Landes.",
             "2) Die Gemeinden, die Kreise und die Provinzen des Landes."]
    b = book([*body, "", *notes], [*body, "", *notes])
    assert [line.role for line in b.pages[0].lines[-2:]] == [Role.FOOTNOTE] * 2
    assert items(b) == []


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("1. Die Gemeinden", "1. "),
        ("  b)  „Die Kreise", "  b)  "),
        ("(c) die Provinzen", "(c) "),
        ("IV. Der Kaiser", "IV. "),
    ],
)
def test_an_items_label_ends_after_its_space(line: str, label: str) -> None:
    found = item_label(line)
    assert found is not None and found.end == len(label)


@pytest.mark.parametrize("line", ["1. Mai 1848 war", "3. 4. Tabelle", "1. D. 6—9, 2. D. 15—18",
                                  "§. 12. Der Staat", "Erstes Kapitel. Der Staat", "II."])
def test_lines_that_open_no_item(line: str) -> None:
    assert item_label(line) is None


def test_the_tei_holds_the_list_and_says_how_it_was_found() -> None:
    from lxml import etree
    from writer_fixtures import layout_rng

    from layout.writers import tei

    b = book([*LEAD_IN, *item("a)"), *item("b)"), *AFTER])
    doc = etree.fromstring(tei.write(b))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert layout_rng().validate(doc), str(layout_rng().error_log.last_error)
    assert doc.xpath("//t:body//t:list/t:item/@n", namespaces=ns) == ["a", "b"]
    assert doc.xpath("//t:list/preceding-sibling::t:p", namespaces=ns), "the lead-in is a p"
    said = " ".join(doc.xpath("//t:interpretation/t:p/text()", namespaces=ns))
    assert "2 numbered list items (4 lines) in list/item" in said
