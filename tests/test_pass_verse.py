"""The verse pass: a poem quoted in prose marked line by line on small books typed the way
OCR gives them (no indents, no type sizes), the short lines of prose books that are no
verse left alone, and the verse kept as lines through TEI and the typesetter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from writer_fixtures import layout_rng

from layout.cli import main
from layout.model import Block, Book
from layout.passes import analyse
from layout.readers import read_file
from layout.typeset.compose import compose

FULL = "The surveyors of the county walked the old road from the river up to the mill and"
"""A full line of prose (the book's measure)."""
PROSE = [FULL] * 4
LAST = "as the old song of the valley has it."
"""A paragraph's last line: short, as a verse line is."""
VERSE = [
    "the river runs below the hill,",
    "and every stone along its bed remembers",
    "how the water fell",
    "before the wheel of the mill had turned and sung;",
    "the miller sleeps,",
    "and only the river is awake.",
]
TEI = "{http://www.tei-c.org/ns/1.0}"


def book(*pages: list[str]) -> Book:
    text = "\f".join("\n".join(page) + "\n" for page in pages)
    return analyse(read_file(text.encode("utf-8"), "test.txt"))


def verse_lines(b: Book) -> list[str]:
    return [line.text for page in b.pages for line in page.lines if line.block is Block.VERSE]


def test_a_poem_quoted_between_paragraphs_is_verse_line_by_line() -> None:
    b = book([*PROSE, LAST, *VERSE, *PROSE])
    assert verse_lines(b) == VERSE, "the prose paragraph's last line stays prose"
    lines = b.pages[0].lines
    first = len(PROSE) + 1
    assert lines[first].paragraph_start, "the verse opens a line group"
    assert not any(line.paragraph_start for line in lines[first + 1:first + len(VERSE)]), (
        "a verse line ending a sentence starts no new group")
    assert all(line.keeps_break for line in lines[first:first + len(VERSE)])
    after = lines[first + len(VERSE)]
    assert after.block is None and after.paragraph_start, "the prose after it is a paragraph"
    said = [d for d in b.diagnostics if d.message.startswith("verse:")]
    assert len(said) == 1 and "prose before and after" in said[0].message
    assert (said[0].page, said[0].line) == (0, first)


def test_verse_goes_on_over_a_page_break() -> None:
    b = book([*PROSE, LAST, *VERSE[:3]], [*VERSE[3:], *PROSE])
    assert verse_lines(b) == VERSE
    assert not b.pages[1].lines[0].paragraph_start, "one line group over the page break"


def test_three_lines_after_a_colon_are_verse_and_three_alone_are_not() -> None:
    lead_in = FULL[:-4] + " sing:"
    assert verse_lines(book([*PROSE, lead_in, *VERSE[:3], *PROSE])) == VERSE[:3]
    assert verse_lines(book([*PROSE, LAST, *VERSE[:3], *PROSE])) == []


@pytest.mark.parametrize("short", [
    pytest.param(["the 1 July at Dover,", "the 5 July meeting of the county court at Kent,",
                  "the 26 July at Rye and Hythe,", "the 2 August meeting at Sandwich and Deal."],
                 id="dates"),
    pytest.param(["Of the roads and the lanes 1", "Of the bridges 17",
                  "Of the mills upon the river and the weirs 29", "Of the county's charges 44"],
                 id="contents"),
    pytest.param(["I have the honor to be, Your Obed' Serv'", "J R. BELL Cap' L'Arty",
                  "HON J. C. CALHOUN Secy of War", "GEN ANDREW JACKSON Gov' Florida"],
                 id="letter-close"),
    pytest.param(["the road was mended in the spring", "and the bridge at the mill in the",
                  "summer, both at the county's charge", "and under the eye of the survey-",
                  "or, who reported again in the fall"], id="prose-beside-a-figure"),
])
def test_short_lines_of_prose_books_are_no_verse(short: list[str]) -> None:
    assert verse_lines(book([*PROSE, LAST, *short, *PROSE])) == []


def test_short_lines_without_prose_around_are_no_verse() -> None:
    title = ["THE ROADS", "of the County of Kent", "with their bridges and ferries",
             "as the surveyors found them", "in the year of the great floods"]
    assert verse_lines(book(title, PROSE * 3)) == [], "a title page"
    assert verse_lines(book([*PROSE, LAST, *VERSE])) == [], "no prose after the run"


def test_a_page_of_verse_without_prose_around_is_verse_when_long() -> None:
    poem = VERSE * 2 + VERSE[:2]
    b = book([*PROSE * 3, LAST], ["ODE TO THE RIVER", *poem])
    assert verse_lines(b) == poem
    said = [d.message for d in b.diagnostics if d.message.startswith("verse:")]
    assert len(said) == 1 and "no prose around: less sure" in said[0]
    assert verse_lines(book([*PROSE * 3, LAST], ["ODE TO THE RIVER", *VERSE])) == [], (
        "six lines with no prose to measure them against are too thin")


def test_the_cli_writes_verse_as_lg_and_l_in_valid_tei(tmp_path: Path) -> None:
    source = tmp_path / "poem.txt"
    source.write_text("\n".join([*PROSE, LAST, *VERSE, *PROSE]) + "\n", encoding="utf-8")
    tei, js = tmp_path / "poem.xml", tmp_path / "poem.json"
    assert main(["convert", str(source), "--tei", str(tei), "--json", str(js), "--quiet"]) == 0
    doc = etree.parse(str(tei)).getroot()
    assert layout_rng().validate(doc), str(layout_rng().error_log.last_error)
    groups = list(doc.iter(f"{TEI}lg"))
    assert len(groups) == 1
    assert ["".join(line.itertext()).strip() for line in groups[0]] == VERSE
    assert all(line.tag == f"{TEI}l" for line in groups[0])
    assert groups[0].getprevious().tag == f"{TEI}p" and groups[0].getnext().tag == f"{TEI}p"
    said = " ".join(doc.itertext())
    assert "6 lines of verse in 1 line group" in said
    analysis = json.loads(js.read_text(encoding="utf-8"))
    blocks = [line.get("block") for page in analysis["pages"] for line in page["lines"]]
    assert blocks.count("verse") == len(VERSE)
    assert any(d["message"].startswith("verse: 6 lines") for d in analysis["diagnostics"])


@pytest.mark.parametrize("mode", ["facsimile", "reflow"])
def test_the_typesetter_keeps_each_verse_line_a_line(mode: str) -> None:
    b = book([*PROSE, LAST, *VERSE, *PROSE])
    set_lines = [item.text.strip() for page in compose(b, mode).pages for item in page.items
                 if item.kind == "body"]
    for line in VERSE:
        assert line in set_lines, f"{line!r} set as a line of its own"


def test_a_blank_line_inside_the_verse_begins_a_stanza() -> None:
    b = book([*PROSE, LAST, *VERSE[:3], "", *VERSE[3:], *PROSE])
    assert verse_lines(b) == VERSE
    starts = [line.text for line in b.pages[0].lines
              if line.block is Block.VERSE and line.paragraph_start]
    assert starts == [VERSE[0], VERSE[3]]


def test_a_long_list_of_names_is_no_page_of_verse() -> None:
    names = [
        "Hr. Amtsv. Sauermann, zu Bockhorn", "Fr. Consist. Direkt. v. Kunth in Berlin",
        "Hr. Kanzleirath Lenz, in Oldenb.", "Dr. u. Assess. v. Halem in Oldenburg",
        "Hr. Kammerr. Knodt zu Varel", "Hr. Kaufm. Georg, in Bockh.",
        "Hr. Werner, Stud. Jur. aus Osnabrück und Bremen",
        "Hr. Schiphorst, Pastor zu Neuenburg an der Jade", "Fr. v. Münchhausen auf Schwöbber",
        "Hr. Prof. Koppe, aus Rostock", "Hr. Hofrath Preiß zu Celle",
        "Die Büchergesellschaft zu Jever", "Hr. Oberamtmann v. Berlepsch zu Göttingen",
        "Hr. Rathsherr Fr. Meyer zu Lübeck", "Ein Ungenannter aus Bremen",
        "Hr. Pastor Ehlers zu Wüsting bei Oldenburg", "Hr. Kaufm. Tiarks in Jever",
    ]
    assert verse_lines(book([*PROSE * 3, LAST], ["SUBSCRIBERS", *names])) == []
