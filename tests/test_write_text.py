"""The reading text: one chunk per page, furniture, notes and marks out, hyphens resolved,
a word broken over a page break moved back, notes at the end of the chunk on request."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from writer_fixtures import CORPUS, gold_book, gold_records, history_book, page, seed_book

from layout.model import Anchor, Book, Footnote, Hyphen, Role
from layout.writers import text


def chunks(book: Book, notes: str = "none") -> list[str]:
    return text.write(book, notes=notes).decode("utf-8").split("\f")


def flat(chunk: str) -> str:
    return " ".join(chunk.split())


def load_scorer() -> ModuleType:
    """The shared scorer, whose gold reading text is the reference."""
    from conftest import shared

    path = shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_chunk_per_page_even_when_empty() -> None:
    book = Book(pages=(page([("Text.", Role.BODY)]), page([("", Role.BLANK)]),
                       page([("12", Role.PAGE_NUMBER)])))
    assert chunks(book) == ["Text.\n", "\n", "\n"]


def test_furniture_notes_and_marks_left_out() -> None:
    seed = flat(chunks(seed_book())[0])
    assert seed.startswith("He returned to Moscow")
    assert "man. In the meantime" in seed and "observer. But Great" in seed
    assert "TILSIT" not in seed and "286" not in seed and "Chicherin" not in seed


def test_hyphen_decisions_resolved() -> None:
    seed = flat(chunks(seed_book())[0])
    assert "conflicting" in seed and "development" in seed and "co-operation" in seed
    first = flat(chunks(history_book())[0])
    assert "well-known" in first
    assert "Vater- und Mutterrecht" in first
    assert "un-clear" in first  # an undecided break keeps its hyphen


def test_hyphen_signs_other_than_hyphen_minus() -> None:
    rows = [("Die Verfas\u2e17", Role.BODY, {"hyphen": Hyphen.JOIN}),
            ("sung und Ver\u00ac", Role.BODY, {"hyphen": Hyphen.KEEP}),
            ("waltung.", Role.BODY)]
    assert flat(chunks(Book(pages=(page(rows),)))[0]) == "Die Verfassung und Ver-waltung."


def test_word_broken_over_the_page_moves_back() -> None:
    first, second, _ = chunks(history_book())
    assert flat(first).endswith("as the argument")
    assert flat(second).startswith("goes on here. And so")


def test_suspended_hyphen_over_the_page_takes_the_next_word_along() -> None:
    p1 = page([("Vater-", Role.BODY, {"hyphen": Hyphen.SPACE})])
    p2 = page([("und Mutter waren da.", Role.BODY)])
    assert [flat(c) for c in chunks(Book(pages=(p1, p2)))] == ["Vater- und", "Mutter waren da."]


def test_marks_cut_with_bad_spans_do_not_eat_text() -> None:
    rows = [("A mark1 and another2 here.", Role.BODY)]
    notes = (Footnote("1", (), anchor=Anchor(0, 6, 7)),
             Footnote("2", (), anchor=Anchor(0, 6, 8)),  # overlaps the first
             Footnote("3", (), anchor=Anchor(0, 80, 90)))  # past the end of the line
    assert flat(chunks(Book(pages=(page(rows, footnotes=notes),)))[0]) == "A markand another2 here."


def test_notes_at_the_end_of_their_page() -> None:
    first, second, third = chunks(history_book(), notes="end")
    assert first.endswith("* A note that goes onward\n")  # the broken word moves back
    body, _, notes = second.rpartition("\n\n")  # the notes follow the last paragraph
    assert "goes on here." in body and "\u2020" not in body
    assert notes.split("\n")[:3] == ["and ends here.", "\u2020 An uncertain note.",
                                     "\u2021 A note without its mark."]
    assert "stray line of a note" in notes
    assert "\n\n" not in third


def test_paragraphs_are_set_apart_each_on_one_line() -> None:
    seed = chunks(seed_book())[0]
    paragraphs = seed.strip("\n").split("\n\n")
    assert len(paragraphs) == 3 and not any("\n" in p for p in paragraphs)
    assert paragraphs[2].startswith("But Great Britain had as yet no clearly defined policy "
                                    "toward Russia")
    assert "conflicting ideas" in paragraphs[2]  # the hyphens resolved across the join


def test_text_lines_keeps_the_printed_lines_paragraphs_still_apart() -> None:
    kept = text.write(seed_book(), lines=True).decode("utf-8")
    paragraphs = kept.strip("\n").split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[2].split("\n")[0] == "But Great Britain had as yet no clearly defined policy"
    assert len(paragraphs[2].split("\n")) == 4  # six printed lines, two words broken over
    assert flat(kept) == flat(text.write(seed_book()).decode("utf-8"))


def test_headings_stand_on_lines_of_their_own_and_kept_lines_stay_lines() -> None:
    from writer_fixtures import documents_book, outline_book

    outline = chunks(outline_book())[0]
    # a label and its title keep their lines; a title that runs on reads as one line
    assert outline.startswith("ERSTES CAPITEL.\nDer Monarch.\n\nDer Monarch ist")
    letter = chunks(documents_book())[1]
    assert "\n\nLieber Freund!\n\nIch ſende" in letter
    assert letter.rstrip("\n").endswith("Die goldnen Sternlein prangen.\n\n"
                                         "Ihr ergebenſter\n\nSchiller.")
    assert "Der Mond iſt aufgegangen,\nDie goldnen" in letter


def test_seed_notes_at_the_end_read_washington() -> None:
    seed = chunks(seed_book(), notes="end")[0]
    assert "Washington, D.CL" in seed and "man. In" not in seed.split("\n\n")[-1]
    assert flat(seed.split("\n\n")[-1]).startswith("1 Texts of the Finland")


def test_unknown_notes_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="notes"):
        text.write(history_book(), notes="margin")


@pytest.mark.parametrize("gold", ["seed/page-286", "en/tpus22", "en/fshs1908h", "dta/heffter1844"])
def test_gold_decisions_give_the_scorers_gold_reading_text(gold: str) -> None:
    """Given the gold analysis, the writer writes exactly the contract's reading text."""
    score = load_scorer()
    path = CORPUS / f"{gold}.gold.jsonl"
    records = gold_records(path)
    want = score.gold_reading_text([r["lines"] for r in records], records)
    got = [score.fold(c) for c in chunks(gold_book(path))]
    assert got == want


def test_running_text_is_the_contracts_body_group() -> None:
    """Every line but furniture, notes and white space is read (headings too)."""
    assert text.is_running_text(page([("CHAPTER I", Role.HEADING)]).lines[0])
    assert not text.is_running_text(page([("THE TITLE", Role.RUNNING_TITLE)]).lines[0])
    assert not text.is_running_text(page([("   ", Role.BODY)]).lines[0])
    assert not text.is_running_text(page([("1 note", Role.FOOTNOTE)]).lines[0])


def test_file_layout_is_utf8_with_form_feeds() -> None:
    data = text.write(history_book())
    assert data.count(b"\f") == 2 and data.decode("utf-8").endswith("\n")


def test_strip_marks_kept_for_other_modules() -> None:
    assert text.strip_marks(seed_book().pages[0]) == {3: "man.", 24: "observer."}


