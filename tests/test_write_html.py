"""The HTML edition: lossless for the text, escaped, self-contained, its divisions nested,
its notes linked both ways, and its review list holding what the JSON records as
uncertain. (The browser test, `test_html_browser`, checks the same page in Chromium.)"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import shared
from html_fixtures import review_counts
from lxml import html as lxml_html
from writer_fixtures import (
    SAMPLES,
    documents_book,
    history_book,
    outline_book,
    page,
    seed_book,
)

import layout
from layout.cli import main
from layout.model import Book, Metadata, Role
from layout.writers import analysis, html
from layout.writers.tei_header import xml_text

EXCERPT = SAMPLES / "laband1876-excerpt.txt"


def parse(book: Book) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(html.write(book))


CORPUS_BOOKS = ["corpus/dta/siebold1863.txt", "corpus/en/tpus22.txt",
                "corpus-geo/page/glauber_opera01_1658"]
"""Corpus books the edition is checked on besides the samples (skipped without them)."""


def books() -> list[Book]:
    return [history_book(), seed_book(), outline_book(), documents_book(),
            layout.convert(EXCERPT).book]


@pytest.mark.parametrize("name", CORPUS_BOOKS)
def test_corpus_books_keep_their_lines_links_and_flags(name: str) -> None:
    book = layout.convert(shared(*name.split("/"))).book
    doc = parse(book)
    lines = {el.get("data-line"): el.text_content() for el in doc.xpath("//span[@class='l']")}
    assert lines == {f"{p}:{i}": xml_text(line.text) for p, pg in enumerate(book.pages)
                     for i, line in enumerate(pg.lines) if not line.is_blank}
    ids = set(doc.xpath("//@id"))
    assert all(href[1:] in ids for href in doc.xpath("//a/@href"))
    flags = len(doc.xpath("//main//*[@data-review]"))
    assert flags == sum(review_counts(json.loads(analysis.write(book))).values())


def test_every_printed_line_is_one_span_holding_its_text() -> None:
    for book in books():
        doc = parse(book)
        spans = {el.get("data-line"): el for el in doc.iter("span")
                 if el.get("class") == "l"}
        wanted = {f"{p}:{i}": line.text for p, pg in enumerate(book.pages)
                  for i, line in enumerate(pg.lines) if not line.is_blank}
        assert set(spans) == set(wanted)
        for key, text in wanted.items():
            assert spans[key].text_content() == xml_text(text), key


def test_markup_in_the_text_stays_text() -> None:
    evil = '<script>alert("x")</script> & </div></section> \x00 "q"'
    book = Book(pages=(page([(evil, Role.BODY)]),),
                metadata=Metadata(title="</title><script>bad()</script>"))
    doc = parse(book)
    assert len(doc.findall(".//script")) == 1  # the edition's own
    assert doc.findtext(".//title") == "</title><script>bad()</script>"
    line = doc.find(".//span[@data-line='0:0']")
    assert line is not None
    assert line.text_content() == evil.replace("\x00", "\ufffd")


def test_the_page_is_self_contained() -> None:
    data = html.write(history_book())
    doc = lxml_html.document_fromstring(data)
    policy = doc.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert policy is not None and "default-src 'none'" in policy.get("content")
    for el in doc.iter():
        for name in ("href", "src", "action"):
            value = el.get(name)
            assert value is None or value.startswith("#"), (el.tag, value)
    assert not doc.findall(".//link") and not doc.findall(".//script[@src]")


def test_headings_open_nested_divisions() -> None:
    doc = parse(outline_book())
    top = doc.xpath("//main/section")
    assert [s.get("data-n") for s in top] == ["1", "2"]
    assert top[0].xpath("./h2/span[@class='l']/text()") == ["ERSTES CAPITEL.", "Der Monarch."]
    inner = top[0].xpath("./section")
    assert [s.get("data-level") for s in inner] == ["2"]
    assert [s.get("data-level") for s in inner[0].xpath("./section")] == ["3"]
    assert inner[0].xpath("./section/h4/@data-review") == ["heading"]
    assert not top[1].xpath(".//section")


def test_blocks_keep_their_kind() -> None:
    doc = parse(documents_book())
    classes = {el.get("class") for el in doc.xpath("//div[contains(@class, 'p ')]")}
    assert {"p title", "p byline", "p imprint", "p dateline", "p salute", "p item",
            "p verse", "p signed"} <= classes
    assert doc.xpath("//section[@data-type='letter']/h2")


def test_notes_link_to_their_marks_and_back() -> None:
    for book in books():
        doc = parse(book)
        ids = {el.get("id"): el for el in doc.iter() if el.get("id")}
        marks = doc.xpath("//a[@class='mark']")
        assert len(marks) == len(doc.xpath("//a[@class='back']"))
        for mark in marks:
            note = ids[mark.get("href")[1:]]
            assert "note" in note.get("class").split()
            back = note.xpath("./a[@class='back']")[0]
            assert back.get("href") == "#" + mark.get("id")
    doc = parse(history_book())
    assert len(doc.xpath("//a[@class='mark']")) == 2  # the third note has no mark


def test_a_note_run_over_a_page_break_links_its_parts() -> None:
    doc = parse(history_book())
    assert doc.xpath("//div[@id='n1-1']/a[@class='cont-to']/@href") == ["#n2-1"]
    assert doc.xpath("//div[@id='n2-1']/a[@class='cont-from']/@href") == ["#n1-1"]
    assert len(doc.xpath("//a[@class='cont-to' or @class='cont-from']")) == 2


def test_review_flags_count_what_the_json_records() -> None:
    for book in books():
        doc = parse(book)
        found: dict[str, int] = {}
        for el in doc.xpath("//main//*[@data-review]"):
            found[el.get("data-review")] = found.get(el.get("data-review"), 0) + 1
        assert found == dict(review_counts(json.loads(analysis.write(book))))
    history = review_counts(json.loads(analysis.write(history_book())))
    assert history == {"hyphen": 1, "anchor": 1, "page-number": 1}


def test_a_joined_hyphen_is_kept_for_the_style_sheet_to_hide() -> None:
    doc = parse(history_book())
    joins = doc.xpath("//span[@class='hy join']")
    assert [el.text for el in joins] == ["-", "-", "-"]
    words = doc.xpath("//span[@data-line='0:5']")[0]
    assert words.tail is None  # "con-" + "flicting": no space between the two lines


def test_the_command_line_writes_the_api_bytes(tmp_path: Path) -> None:
    target = tmp_path / "book.html"
    assert main(["convert", str(EXCERPT), "--html", str(target), "--quiet"]) == 0
    result = layout.convert(EXCERPT)
    assert target.read_bytes() == result.html()
    out = io.BytesIO()
    result.write_html(out)
    assert out.getvalue() == result.html()


def test_a_marginal_note_is_one_block_of_its_lines() -> None:
    margin = Role.MARGINAL
    book = Book(pages=(page([
        ("Text of the page,", Role.BODY, {"paragraph_start": True}),
        ("A note in", margin, {"region": "r1"}), ("the margin.", margin, {"region": "r1"}),
        ("Another.", margin, {"region": "r2"}), ("and more text.", Role.BODY)]),))
    doc = parse(book)
    notes = doc.find_class("marginal")
    assert [[el.text_content() for el in n.find_class("l")] for n in notes] == [
        ["A note in", "the margin."], ["Another."]]
    assert len(doc.find_class("p")) == 1  # the paragraph goes on around them
