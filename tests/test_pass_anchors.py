"""Marks in the body text: each note's mark found in note order, and the traps that look
like marks (years, section numbers, OCR's 1 for l, ordinal and abbreviation
superscripts) left alone."""

from __future__ import annotations

from layout.model import Anchor
from layout.passes.notes.anchors import BodyText, MarkStyle, candidates, link
from layout.passes.notes.labels import Label, parse

PAREN = MarkStyle(paren=True)
BARE = MarkStyle(paren=False)


def _label(text: str) -> Label:
    label = parse(text + " Note.")
    assert label is not None
    return label


def _anchors(lines: list[str], labels: list[str], style: MarkStyle) -> list[Anchor | None]:
    body = BodyText(list(enumerate(lines)))
    return link([candidates(body, _label(m), style) for m in labels])


def _marked(lines: list[str], anchor: Anchor | None) -> str:
    assert anchor is not None
    return lines[anchor.line][anchor.start : anchor.end]


def test_marks_after_words_and_stops() -> None:
    lines = [
        "He returned to Moscow a disappointed and embittered",
        "man.1",
        "inside information and the trained mind of an honest",
        "observer.2",
    ]
    found = _anchors(lines, ["1", "2"], BARE)
    assert [(a.line, a.start, a.end) for a in found if a] == [(1, 4, 5), (3, 9, 10)]
    assert all(a and a.certain for a in found)


def test_mark_with_parenthesis_keeps_it_in_the_span() -> None:
    lines = ["ſeinem Gläubiger in Stücken geſchnitten werden.37) Statt der"]
    (found,) = _anchors(lines, ["37)"], PAREN)
    assert _marked(lines, found) == "37)"


def test_year_and_mark_glued() -> None:
    # "vom 18. Juli 1871" followed by the mark "1)": the mark is the last digit only
    lines = ["nach dem Geſetz vom 18. Juli 18711) iſt der Bundesrath"]
    (found,) = _anchors(lines, ["1)"], PAREN)
    at = lines[0].index("18711)") + 4
    assert found is not None and (found.start, found.end) == (at, at + 2)


def test_numbers_after_a_space_are_no_marks_when_a_real_mark_exists() -> None:
    lines = [
        "Nach §. 2 des Geſetzes vom 30. Dez. 1871 (R.-G.-Bl. S. 2) iſt",
        "die Verwaltung geregelt2).",
    ]
    (found,) = _anchors(lines, ["2)"], PAREN)
    assert found is not None and found.line == 1 and _marked(lines, found) == "2)"


def test_one_for_l_inside_a_word_is_no_mark() -> None:
    lines = ["Die Verwa1tung der Reichseiſenbahnen iſt geordnet1)."]
    body = BodyText(list(enumerate(lines)))
    spans = [(c.start, c.end) for c in candidates(body, _label("1)"), PAREN)]
    at = lines[0].index("geordnet1)") + 8
    assert spans == [(at, at + 2)]


def test_superscript_mark() -> None:
    lines = ["Verkehr v. 14. Nov. 1871⁶ beſchloß der Bundesrath, daß"]
    (found,) = _anchors(lines, ["6)"], PAREN)
    assert _marked(lines, found) == "⁶"


def test_marks_follow_note_order() -> None:
    # two places could hold mark 1; the one before mark 2 is taken
    lines = ["erſte Stelle1, dann die zweite2, und wieder eine1 dritte."]
    first, second = _anchors(lines, ["1", "2"], BARE)
    assert first is not None and second is not None
    assert first.start < second.start
    assert first.start == lines[0].index("Stelle1") + 6


def test_symbol_marks_and_the_abbreviation_trap() -> None:
    lines = [
        "to reside at S*Augustine and S* Johns; the Governor*",
        "will proceed† at once.",
    ]
    star, dagger = _anchors(lines, ["*", "†"], BARE)
    assert star is not None and (star.line, star.start) == (0, lines[0].rindex("*"))
    assert dagger is not None and _marked(lines, dagger) == "†"


def test_ocr_superscripts_skip_ordinals_and_abbreviations() -> None:
    style = MarkStyle(ocr_superscripts=True, abbreviations=frozenset({"serv", "ob"}))
    lines = [
        'the 12" Ult.* together with its enclosures',
        'I Remain Your Most Ob" Serv" and Commissions"—',
    ]
    first, second = _anchors(lines, ["*", "*"], style)
    assert first is not None and _marked(lines, first) == "*"
    assert second is not None and second.line == 1
    assert second.start == lines[1].index('Commissions"') + len("Commissions")


def test_no_candidate_no_anchor() -> None:
    assert _anchors(["Kein Zeichen in dieſer Zeile."], ["3)"], PAREN) == [None]
