"""The reprint's structure: list items hang from their labels, headings keep their text."""

from __future__ import annotations

import pytest
from typeset_fixtures import typeset_words

from layout.model import Block, Book, Line, Page, Role
from layout.typeset.compose import compose
from layout.typeset.content import Mark, Word, source_pages
from layout.typeset.pages import Placed, Style
from layout.typeset.reflow import _Line, _Pager
from layout.typeset.setting import Setter
from layout.writers.text import write as reading_text

KEEP_WITH_HEAD = 2
"""Lines of what follows a heading that must stand on its page."""
PROSE = (
    "The committee met on the first day of the month and heard the reports of its members "
    "on the state of the roads, the bridges and the ferries of the county, and resolved"
)
ITEMS = (
    ("1. ", "that the roads be mended before the winter sets in, at the county's charge and "
            "under the eye of the surveyor, who shall report again in the spring;"),
    ("2. ", "that the bridge at the mill be rebuilt in stone, the old timbers being sold "
            "for what they will fetch and the money kept apart for the purpose;"),
    ("12. ", "that the ferry keep its present fare, the ferryman having shown that a lower "
             "one would not pay for the boat and its repairs in a year of floods."),
)


def list_book(items: tuple[tuple[str, str], ...] = ITEMS) -> Book:
    """A paragraph, then a list of items whose labels the analysis marked, then prose."""
    lines = [Line(PROSE, paragraph_start=True)]
    for label, text in items:
        words = text.split()
        half = len(words) // 2
        lines.append(Line(label + " ".join(words[:half]), block=Block.ITEM,
                          paragraph_start=True, label_end=len(label)))
        lines.append(Line(" ".join(words[half:]), block=Block.ITEM))
    lines.append(Line(PROSE, paragraph_start=True))
    return Book(pages=(Page(lines=tuple(lines)),), language="en")


def test_an_item_keeps_its_label_apart_from_its_words() -> None:
    blocks = source_pages(list_book())[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "item", "item", "item", "paragraph"]
    assert [" ".join(w.text for w in b.label) for b in blocks[1:4]] == ["1.", "2.", "12."]
    assert blocks[1].words[0].text == "that"


@pytest.mark.parametrize("mode", ["facsimile", "reflow"])
def test_list_items_hang_one_indent_after_the_widest_label(mode: str) -> None:
    book = list_book()
    typeset = compose(book, mode)
    page = typeset.pages[0]
    x0, _, x1, _ = page.block
    body: list[Placed] = [i for i in page.items if i.kind == "body"]
    labelled = [i for i in body if len(i.runs) > 1 and not i.runs[1].mark]
    assert [i.runs[0].text.strip() for i in labelled] == ["1.", "2.", "12."]
    setter = Setter(Style(), "en")
    widest = setter.metrics("regular").width("12.", Style().size)
    hang = x0 + widest + Style().indent * Style().size
    for item in labelled:
        assert item.runs[0].x == pytest.approx(x0)  # the label at the left
        assert item.runs[1].x == pytest.approx(hang)  # the text one indent after
    first, last = body.index(labelled[0]), body.index(labelled[-1])
    following = [i for i in body[first : last + 3] if i not in labelled]
    assert len(following) >= 3  # each item runs over more than one line
    for item in following[:-1]:  # every other line of an item starts at the hang too
        assert item.runs[0].x == pytest.approx(hang)
        assert item.x + item.width <= x1 + 0.05
    # each item is a paragraph of its own: its last line is ragged, the next item's label
    # begins a line of its own
    for item in labelled[1:]:
        before = body[body.index(item) - 1]
        assert before.x + before.width < x1 - 1.0
    assert typeset_words(typeset) == reading_text(book).decode("utf-8").split()


def test_a_list_over_a_page_break_hangs_alike_on_both_pages() -> None:
    lines = list_book().pages[0].lines
    cut = 4  # the second item's second line begins the next page
    book = Book(pages=(Page(lines=lines[:cut]), Page(lines=lines[cut:])), language="en")
    typeset = compose(book, "facsimile")
    hung = [i for i in typeset.pages[0].items if i.kind == "body" and len(i.runs) > 1]
    going_on = [i for i in typeset.pages[1].items if i.kind == "body"][0]
    assert len(hung) == 2
    hang = hung[0].runs[1].x - typeset.pages[0].block[0]
    assert going_on.runs[0].x - typeset.pages[1].block[0] == pytest.approx(hang)
    assert going_on.text.split()[0] == lines[4].text.split()[0]


def _ends_with_heading(lines: list[_Line], i: int, j: int, n: int) -> bool:
    """Lines i..j-1 end in a heading, or a heading and one line, and the text goes on."""
    return j < n and any(line.kind == "head" for line in lines[i:j][-KEEP_WITH_HEAD:])


def test_reflow_keeps_two_lines_of_what_follows_with_a_heading() -> None:
    style = Style()
    setter = Setter(style, "en")
    line = setter.set([Word("x")], 100.0)[0]
    for before in range(3, 9):  # the heading at every place near the page's foot
        lines = [_Line("body", line, 0.0, b, 0, 1) for b in range(before)]
        lines.append(_Line("head", line, 0.0, before, 0, 1))
        lines += [_Line("body", line, 0.0, before + 1 + b, 0, 1) for b in range(6)]
        pager = _Pager(lines, {}, style, avail=5 * style.leading, descent=-0.27)
        pages = pager.paginate()
        assert sum(j - i for i, j, _ in pages) == len(lines)
        for i, j, _ in pages:
            assert not _ends_with_heading(lines, i, j, len(lines)), (before, i, j)


def test_a_page_of_carried_notes_is_left_to_them_rather_than_to_a_heading_alone() -> None:
    style = Style()
    setter = Setter(style, "en")
    line = setter.set([Word("x")], 100.0)[0]
    marked = setter.set([Word("x", (Mark(1, "1", (0, 0)),))], 100.0)[0]
    lines = [_Line("body", line, 0.0, b, 0, 1) for b in range(3)]
    lines[2] = _Line("body", marked, 0.0, 2, 0, 1, notes=((0, 0),))
    lines.append(_Line("head", line, 0.0, 3, 0, 1))
    lines += [_Line("body", line, 0.0, 4 + b, 0, 1) for b in range(6)]
    pager = _Pager(lines, {(0, 0): [line] * 18}, style, avail=9 * style.leading,
                   descent=-0.27)
    pages = pager.paginate()
    assert sum(j - i for i, j, _ in pages) == len(lines)
    for i, j, _ in pages:
        assert not _ends_with_heading(lines, i, j, len(lines)), (i, j)


def test_a_heading_near_the_foot_of_a_reflowed_book_goes_over_with_its_text() -> None:
    verse = [Line(f"And the {n}th line of the song goes on", block=Block.VERSE,
                  paragraph_start=n == 0) for n in range(12)]
    for before in range(30, 42):
        lines = [Line(f"A short paragraph, number {n}.", paragraph_start=True)
                 for n in range(before)]
        lines.append(Line("A Song", Role.HEADING, paragraph_start=True))
        book = Book(pages=(Page(lines=tuple(lines + verse)),), language="en")
        typeset = compose(book, "reflow")
        for page in typeset.pages[:-1]:
            text = [i for i in page.items if i.kind in ("body", "head")]
            kinds = [i.kind for i in text[-KEEP_WITH_HEAD:]]
            assert "head" not in kinds, (before, [i.text for i in text[-3:]])

