"""Ties, the book's own breaks and its period's rules, and the spreading of a page's white."""

from __future__ import annotations

import pytest

from layout.model import Book, Hyphen, Line, Page
from layout.typeset.fill import LEADING_SQUEEZE, LEADING_STRETCH, spread, squeeze_room
from layout.typeset.linebreak import break_paragraph
from layout.typeset.orthography import BookHyphenator, book_breaks
from layout.typeset.shaping import Typeface
from layout.typeset.ties import ties


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("nach § 12 des", [False, True, False, False]),
        ("vgl. S. 45 und", [False, True, False, False]),
        ("vgl. S. und", [False, False, False]),
        ("von S. Müller", [False, True, False]),  # an initial
        ("J. C. Calhoun said", [True, True, False, False]),
        ("am 12. März 1876", [False, True, True, False]),
        ("on March 12, 1876", [False, True, False, False]),
        ("5 km weit", [True, False, False]),
        ("Wort ; und", [True, False, False]),
        ("see pp. 19 ff", [False, True, False, False]),
    ],
)
def test_ties(words: str, expected: list[bool]) -> None:
    assert ties(words.split(), "de") == expected


def test_a_german_closing_quote_is_tied_to_its_word() -> None:
    assert ties(["„Wort", "“"], "de") == [True, False]
    assert ties(["said", "“Yes"], "en") == [False, False]


def test_no_line_breaks_at_a_tie() -> None:
    face = Typeface("regular")
    words = ["Wort"] * 20
    tied = [True] * 19
    tied[9] = False  # the one place a line may end
    lines = break_paragraph(words, 200.0, face, 10.0, None, tied=tied)
    assert [len(line.words) for line in lines] == [10, 10]


def test_the_book_breaks_where_it_broke_and_as_its_period_did() -> None:
    plain = BookHyphenator("de", {})
    for word, forbidden in (("Miniſter", "ſ|t"), ("Eigenthum", "t|h"), ("Abtheilung", "t|h")):
        cuts = {word[p - 1] + "|" + word[p] for p in plain.points(word)}
        assert forbidden not in cuts, (word, plain.points(word))
    assert 4 in plain.points("Miniſter")  # Mini-ſter
    assert 5 in plain.points("Eigenthum")  # Eigen-thum
    own = BookHyphenator("de", {"theilung": {5}})
    assert 5 in own.points("Theilung,")
    english = BookHyphenator("en", {})
    assert english.points("nothing") == BookHyphenator("en", {}).points("nothing")


def test_book_breaks_come_from_join_decisions() -> None:
    lines = (
        Line("die Ab-", hyphen=Hyphen.JOIN),
        Line("theilung war well-", hyphen=Hyphen.KEEP),
        Line("known."),
    )
    book = Book(pages=(Page(lines=lines),), language="de")
    assert book_breaks(book) == {"abtheilung": {2}}
    assert BookHyphenator("de", book_breaks(book)).th_digraph  # the book breaks before th
    assert not BookHyphenator("de", {"eigenthum": {6}}).th_digraph  # Eigent-hum


def test_the_white_goes_between_paragraphs_first_then_into_the_leading() -> None:
    extra = spread([True, False, True, False], 10.0, 13.0).above
    assert extra[0] == 0.0 and extra[2] == pytest.approx(6.5 + 3.5 / 3)
    assert extra[1] == extra[3] == pytest.approx(3.5 / 3)
    capped = spread([True, False, False], 100.0, 13.0).above
    assert capped == [0.0, LEADING_STRETCH * 13.0, LEADING_STRETCH * 13.0]
    assert spread([True], 50.0, 13.0).above == [0.0]


def test_the_notes_take_their_share_of_the_white_and_of_a_squeeze() -> None:
    # two body lines, five note lines: the leading after the paragraphs' share is shared by
    # every gap between lines in proportion to its leading
    filled = spread([True, False], 4.0, 13.0, notes=5, note_leading=10.0)
    share = 4.0 / (13.0 + 4 * 10.0)
    assert filled.above == [0.0, pytest.approx(share * 13.0)]
    assert filled.note_leading == pytest.approx(share * 10.0)
    used = sum(filled.above) + 4 * filled.note_leading
    assert used == pytest.approx(4.0)
    squeezed = spread([True, True, False], -1.0, 13.0, notes=2, note_leading=10.0)
    assert sum(squeezed.above) + squeezed.note_leading == pytest.approx(-1.0)
    room = squeeze_room(3, 2, 13.0, 10.0)
    assert room == pytest.approx(LEADING_SQUEEZE * 36.0)
    most = spread([True, True, False], -100.0, 13.0, notes=2, note_leading=10.0)
    assert sum(most.above) + most.note_leading == pytest.approx(-room)
