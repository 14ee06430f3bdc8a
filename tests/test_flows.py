"""Flows: the next line of the running text or of the notes, across page breaks."""

from __future__ import annotations

from layout.flows import note_flow, successors, text_flow
from layout.model import Book, Line, Page, Role


def book() -> Book:
    first = Page(lines=(
        Line("12  A TITLE", Role.HEADER),
        Line("the text con-"),
        Line("", Role.BLANK),
        Line("1 A note that runs", Role.FOOTNOTE),
    ))
    second = Page(lines=(
        Line("A TITLE  13", Role.HEADER),
        Line("tinues here."),
        Line("on to this page.", Role.FOOTNOTE),
    ))
    return Book(pages=(first, second))


def test_text_flow_skips_furniture_blanks_and_notes() -> None:
    assert list(text_flow(book())) == [(0, 1), (1, 1)]


def test_note_flow() -> None:
    assert list(note_flow(book())) == [(0, 3), (1, 2)]


def test_successors_cross_the_page_break_within_each_flow() -> None:
    nxt = successors(book())
    assert nxt[(0, 1)] == (1, 1)
    assert nxt[(0, 3)] == (1, 2)
    assert (1, 1) not in nxt and (0, 0) not in nxt
