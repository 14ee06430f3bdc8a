"""The reprint's structure: list items hang from their labels."""

from __future__ import annotations

import pytest
from typeset_fixtures import typeset_words

from layout.model import Block, Book, Line, Page
from layout.typeset.compose import compose
from layout.typeset.content import source_pages
from layout.typeset.pages import Placed, Style
from layout.typeset.setting import Setter
from layout.writers.text import write as reading_text

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
