"""The model: frozen values, the contract's role and hyphen words."""

from __future__ import annotations

import dataclasses

import pytest

from layout.model import (
    FURNITURE,
    HYPHEN_SIGNS,
    PLAIN,
    Book,
    Box,
    Heading,
    Hyphen,
    Line,
    Page,
    Role,
    Word,
    box_of,
    word_of,
)


def test_lines_are_frozen() -> None:
    line = Line("text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.text = "other"  # type: ignore[misc]


def test_quick_boxes_and_words_are_the_same_frozen_values() -> None:
    """`box_of` and `word_of` set every field, each in its own place, and the values stay
    frozen, equal and hashed alike to those the classes make."""
    box = box_of(1, 2, 30, 40)
    assert box == Box(1, 2, 30, 40) and hash(box) == hash(Box(1, 2, 30, 40))
    assert (box.width, box.height) == (29, 38)
    assert [f.name for f in dataclasses.fields(Box)] == ["x0", "y0", "x1", "y1"]
    word = word_of("Wort", box, 9.5)
    assert word == Word("Wort", Box(1, 2, 30, 40), 9.5) and word_of("a", None) == Word("a")
    assert hash(word) == hash(Word("Wort", Box(1, 2, 30, 40), 9.5))
    assert [f.name for f in dataclasses.fields(Word)] == ["text", "box", "font_size"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.x0 = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        word.text = "x"  # type: ignore[misc]


def test_replace_leaves_the_original() -> None:
    page = Page(lines=(Line("a"), Line("b")))
    changed = dataclasses.replace(page, number="12")
    assert page.number is None and changed.number == "12"
    assert changed.lines is page.lines


def test_role_words_are_the_contract_words() -> None:
    contract = {"header", "page-number", "running-title", "signature", "catchword", "footer",
                "separator", "footnote", "marginal", "blank", "body", "heading"}
    assert {role.value for role in Role} == contract
    assert {r.value for r in FURNITURE} == contract - {
        "footnote", "marginal", "blank", "body", "heading"}


def test_hyphen_words_and_signs() -> None:
    assert {h.value for h in Hyphen} == {"join", "keep", "space", "undecided"}
    for sign in "-¬\u00ad\u2010\u2011\u2e17=\u2e40":
        assert sign in HYPHEN_SIGNS
    assert "\u2014" not in HYPHEN_SIGNS  # an em dash is no hyphen sign


def test_blank_line() -> None:
    assert Line("  \t").is_blank
    assert not Line(" x ").is_blank


def test_book_defaults() -> None:
    book = Book(pages=(Page(lines=()),))
    assert book.metadata.title is None and book.diagnostics == ()


def test_display_title_falls_back_to_the_input_name() -> None:
    from layout.model import Metadata

    assert Metadata(title="Das Staatsrecht", source="x/b.txt").display_title == "Das Staatsrecht"
    assert Metadata(source="books/laband.txt").display_title == "laband.txt"
    assert Metadata(source="C:\\books\\laband.txt").display_title == "laband.txt"
    assert Metadata().display_title == "Untitled book"


def test_structure_fields_default_to_prose() -> None:
    from layout.model import Heading

    line = Line("Erstes Kapitel.")
    assert line.heading is None and line.block is None and line.label_end == 0
    assert not line.keeps_break
    head = dataclasses.replace(line, role=Role.HEADING, heading=Heading(level=1, kind="chapter"))
    assert head.heading is not None and head.heading.level == 1 and head.heading.certain


def test_letter_parts_and_verse_keep_their_breaks_list_items_reflow() -> None:
    from layout.model import KEPT_BREAKS, LETTER_PARTS, Block

    assert Line("Ihr ergebenster", block=Block.SALUTE).keeps_break
    assert Line("Schiller.", block=Block.SIGNED).keeps_break
    assert Line("Der Mond ist aufgegangen,", block=Block.VERSE).keeps_break
    assert not Line("1. Die Verfassung", block=Block.ITEM).keeps_break
    assert LETTER_PARTS <= KEPT_BREAKS


def test_line_details_read_as_fields_and_kept_by_replace() -> None:
    """A line's rare details (geometry, styles, structure) are named as fields when made
    and replaced, kept apart in `details`: a plain line shares the one empty value, and
    a line whose details are taken away again equals (and hashes as) a plain one."""
    plain = Line("Text")
    assert plain.details is PLAIN and plain.box is None and plain.words == ()
    boxed = Line("Text", box=Box(1, 2, 3, 4), id="l1", label_end=2)
    assert (boxed.box, boxed.id, boxed.label_end) == (Box(1, 2, 3, 4), "l1", 2)
    heading = dataclasses.replace(boxed, role=Role.HEADING)
    assert heading.box == Box(1, 2, 3, 4) and heading.details is boxed.details
    titled = boxed.evolve(heading=Heading(1), box=None)
    assert titled.heading == Heading(1) and titled.box is None and titled.id == "l1"
    bare = dataclasses.replace(boxed, box=None, id=None, label_end=0)
    assert bare.details is PLAIN and bare == plain and hash(bare) == hash(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        boxed.details = PLAIN  # type: ignore[misc]
