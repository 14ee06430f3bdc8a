"""The rules pass: printed rules left in the running text are separators, not text."""

from __future__ import annotations

from furniture_fixtures import book, page

from layout.model import Role
from layout.passes import blanks
from layout.passes.furniture import rules


def test_rules_between_two_letters_are_separators() -> None:
    letter = page(
        "and remain, Sir, your most obedient servant,",
        "HENRY WALDEN.",
        "————————",
        "|-",
        "MR. ASHFORD TO HENRY WALDEN",
        "Dear Sir, your letter of the fourth came today.",
    )
    b = rules.mark(blanks.mark(book(letter)))
    assert [line.role for line in b.pages[0].lines] == [
        Role.BODY, Role.BODY, Role.SEPARATOR, Role.SEPARATOR, Role.BODY, Role.BODY,
    ]


def test_stars_leaders_and_words_with_dashes_stay_text() -> None:
    text = page(
        "The rain stopped at last.",
        "* * *",
        ". . . . . . . .",
        "— and then nothing —",
        "She went out.",
    )
    b = rules.mark(blanks.mark(book(text)))
    assert all(line.role is Role.BODY for line in b.pages[0].lines)
