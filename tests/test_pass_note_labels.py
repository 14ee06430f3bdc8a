"""The grammar of footnote labels: each style a printer or an OCR engine sets, and the
line starts that only look like labels."""

from __future__ import annotations

import pytest

from layout.passes.notes.labels import DIGITS, LETTER, OCR, SUPER, SYMBOL, follows, parse


@pytest.mark.parametrize(
    ("line", "marker", "kind", "value", "end"),
    [
        ('1  Texts of the Finland, " Peace " (U.S. Department', "1", DIGITS, 1, 3),
        ("37) Das in partes secare der XII Tafeln", "37", DIGITS, 37, 4),
        ("(2) Siehe oben S. 381.", "2", DIGITS, 2, 4),
        ("[3] Vgl. Hirth’s Annalen 1872 S. 69 ff.", "3", DIGITS, 3, 4),
        ("1. Enclosed by Butler to the Sec. of State", "1", DIGITS, 1, 3),
        ("¹² Ueber die Art und Weise", "12", SUPER, 12, 3),
        ("* Printed also in A. S. P., For. Rels., IV, 755.", "*", SYMBOL, 1, 2),
        ("** Ante. p. 43.", "**", SYMBOL, 7, 3),
        ("† Post, p. 214.", "†", SYMBOL, 2, 2),
        ("‡ Ante, p. 11.", "‡", SYMBOL, 3, 2),
        ("‖ Loc. cit.", "‖", SYMBOL, 5, 2),
        ("|| Loc. cit.", "||", SYMBOL, 5, 3),
        ("¶ Ibid.", "¶", SYMBOL, 6, 2),
        ("a) vom 29. Juni 1869 (G.-Bl. S. 285)", "a", LETTER, 1, 3),
        ('" Printed also in A. S. P., Misc., II, 881.', '"', OCR, None, 2),
        ('"Ante, p. 11.', '"', OCR, None, 1),
        ('7" Enclosed in a letter of July 30, 1821', '7"', DIGITS, 7, 3),
    ],
)
def test_label_styles(line: str, marker: str, kind: str, value: int | None, end: int) -> None:
    label = parse(line)
    assert label is not None
    assert (label.marker, label.kind, label.value, label.end) == (marker, kind, value, end)


@pytest.mark.parametrize(
    "line",
    [
        "1872 vom Reichskanzler im Einverſtändniß mit dem Ausſchuſſe",  # a year
        "§ 2. Die Gründung des Norddeutſchen Bundes.",  # a section heading
        "                          12*",  # a signature: a label with nothing after it
        "01' plowing at all for that matter. And,",  # a number with a leading zero
        "“Give us water,” and the answer came back",  # an opening quotation mark
        "Bundeshausha1tsetats und Führung",  # a word
        "",
    ],
)
def test_not_labels(line: str) -> None:
    assert parse(line) is None


def test_label_order() -> None:
    one, two, three = (parse(f"{n}) Text") for n in (1, 2, 3))
    star, dagger, stars = (parse(f"{m} Text") for m in ("*", "†", "**"))
    assert one and two and three and star and dagger and stars
    assert follows(one, two) and not follows(one, three) and not follows(two, one)
    assert follows(star, dagger) and follows(star, stars)
    assert not follows(star, star)
    assert follows(star, star, repeats=True)  # a book whose OCR reads every number as *


def test_letter_labels_doubled_and_skipping_j() -> None:
    i, k, z, aa = (parse(f"({m}) Text") for m in ("i", "k", "z", "aa"))
    assert i and k and z and aa
    assert (aa.marker, aa.value) == ("aa", 27)
    assert follows(i, k)  # printers often skip j
    assert follows(z, aa)
    assert parse("(ab) Text") is None
    one, b = parse("1) Text"), parse("(b) Text")
    assert one and b and not follows(one, b)  # a number and a letter: two numberings
