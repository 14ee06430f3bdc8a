"""What the typesetter sets: words, marks, blocks and notes taken from the analysed book."""

from __future__ import annotations

from conftest import SHARED
from typeset_fixtures import gold_book

from layout.model import Anchor, Book, Footnote, Hyphen, Line, Page, Role
from layout.typeset.content import continuous, line_words, source_pages
from layout.writers.text import write as reading_text

LABAND = SHARED / "corpus" / "dta" / "laband1876.gold.jsonl"
SEED = SHARED / "corpus" / "seed" / "page-286.gold.jsonl"


def two_pages() -> Book:
    """A paragraph cut by a page break inside "con-flicting", a note with a mark, a heading."""
    first = Page(
        lines=(
            Line("12  THE TITLE", Role.HEADER),
            Line("A Heading", Role.HEADING, paragraph_start=True),
            Line("He returned to Moscow a1 disappointed", Role.BODY, paragraph_start=True),
            Line("man, in con-", Role.BODY, hyphen=Hyphen.JOIN),
            Line("1 A note that runs", Role.FOOTNOTE, hyphen=None),
        ),
        number="12",
        running_title="THE TITLE",
        footnotes=(
            Footnote("1", (4,), anchor=Anchor(2, 23, 24), label_end=2, continues_on_next_page=True),
        ),
    )
    second = Page(
        lines=(
            Line("THE TITLE  13", Role.HEADER),
            Line("flicting moods. Then well-", Role.BODY, hyphen=Hyphen.KEEP),
            Line("known men came.", Role.BODY),
            Line("over the page.", Role.FOOTNOTE),
        ),
        number="13",
        footnotes=(Footnote(None, (3,), continued=True),),
    )
    return Book(pages=(first, second), language="en")


def test_marks_are_cut_out_of_words_and_kept_at_their_offset() -> None:
    words, lead = line_words("wendung1. Die", [(7, 8, "1", (0, 0))])
    assert [w.text for w in words] == ["wendung.", "Die"]
    assert [(m.offset, m.label, m.note) for m in words[0].marks] == [(7, "1", (0, 0))]
    assert lead == []


def test_a_mark_standing_alone_goes_with_the_word_before() -> None:
    words, _ = line_words("the man * came", [(8, 9, "*", (3, 1))])
    assert [w.text for w in words] == ["the", "man", "came"]
    assert words[1].marks[0].offset == len("man")


def test_a_word_cut_by_the_page_break_ends_one_page_and_begins_the_next() -> None:
    pages = source_pages(two_pages())
    last = pages[0].blocks[-1]
    assert last.words[-1].text == "con-"
    assert last.words[-1].cut is Hyphen.JOIN
    assert last.continues
    first = pages[1].blocks[0]
    assert first.continued and first.words[0].text == "flicting"


def test_blocks_follow_headings_and_paragraph_starts() -> None:
    pages = source_pages(two_pages())
    assert [b.kind for b in pages[0].blocks] == ["heading", "paragraph"]
    assert " ".join(w.text for w in pages[0].blocks[0].words) == "A Heading"
    assert pages[0].number == "12" and pages[0].running_title == "THE TITLE"


def test_notes_lose_their_label_and_continued_parts_join_their_note() -> None:
    pages = source_pages(two_pages())
    note = pages[0].notes[0]
    assert note.marker == "1" and note.words[0].text == "A"
    assert note.continues and pages[1].notes[0].continued
    flow = continuous(pages)
    assert list(flow.notes) == [(0, 0)]
    assert " ".join(w.text for w in flow.notes[(0, 0)].words) == "A note that runs over the page."


def test_continuous_text_joins_cut_words_and_remembers_page_starts() -> None:
    flow = continuous(source_pages(two_pages()))
    words = [w.text for b in flow.blocks for w in b.words]
    assert "conflicting" in words and "well-known" in words
    block, word, page = flow.page_starts[1]
    assert page == 1 and flow.blocks[block].words[word].text == "conflicting"


def test_blank_line_inside_a_page_separates_paragraphs() -> None:
    book = gold_book(SEED)
    blocks = source_pages(book)[0].blocks
    assert len(blocks) == 3
    assert blocks[1].words[0].text == "In" and blocks[2].words[0].text == "But"
    assert blocks[0].words[-1].marks[0].label == "1"


def test_the_words_set_are_the_reading_text_word_for_word() -> None:
    book = gold_book(LABAND)
    flow = continuous(source_pages(book))
    words = [w.text for b in flow.blocks for w in b.words]
    assert words == reading_text(book).decode("utf-8").split()
    marks = sum(len(w.marks) for b in flow.blocks for w in b.words)
    anchored = sum(1 for p in book.pages for n in p.footnotes if n.anchor is not None)
    assert marks == anchored
