"""Composition: lines set to the measure, facsimile pages, reflowed pages with their notes."""

from __future__ import annotations

import pytest
from typeset_fixtures import SEED, composed, gold_book, laband, typeset_words

from layout.model import Book, Hyphen
from layout.typeset.compose import compose
from layout.typeset.content import Mark, Word
from layout.typeset.pages import Placed, Style, TypesetBook, parse_page_size
from layout.typeset.reflow import _Line, _Pager, note_numbering
from layout.typeset.setting import Setter
from layout.writers.text import write as reading_text

WORDS = (
    "In the meantime Bruce Lockhart had established cordial and intimate relations with "
    "Trotsky, who talked to him with the greatest frankness of the dangerous repercussions "
    "of any Japanese invasion in Siberia and of the possibilities which existed for Allied "
    "co-operation with the Bolsheviks against the Germans."
).split()


def text_items(page_items: tuple[Placed, ...], kinds: tuple[str, ...]) -> list[Placed]:
    return [it for it in page_items if it.kind in kinds]


def test_lines_are_justified_to_the_measure_and_the_last_is_ragged() -> None:
    setter = Setter(Style(), "en")
    words = [Word(w) for w in WORDS]
    words[3] = Word("Bruce", (Mark(5, "1", (0, 0)),))
    lines = setter.set(words, 250.0, indent=10.0)
    assert len(lines) > 3
    for line in lines[:-1]:
        assert line.width == pytest.approx(250.0, abs=0.01)
        assert line.justified
    assert lines[-1].width < 250.0 and not lines[-1].justified
    marks = [r for line in lines for r in line.runs if r.mark]
    assert [(r.text, r.note) for r in marks] == [("1", (0, 0))]
    assert marks[0].rise > 0 and marks[0].size < 10.0
    assert lines[0].notes == ((0, 0),) and lines[0].runs[0].x == 10.0


def test_a_word_cut_by_the_page_break_ends_its_line_joined() -> None:
    setter = Setter(Style(), "en")
    words = [Word(w) for w in WORDS[:-1]] + [Word("Ger-", cut=Hyphen.JOIN)]
    lines = setter.set(words, 250.0, flush=False)
    assert lines[-1].joined and lines[-1].hyphenated
    assert lines[-1].runs[-1].text.endswith("Ger-")
    assert lines[-1].width <= 250.0 + 0.01


def test_renumbering_a_mark_keeps_a_justified_line_full() -> None:
    setter = Setter(Style(), "en")
    words = [Word(w) for w in WORDS]
    words[1] = Word("the", (Mark(3, "1", (0, 0)),))
    line = setter.set(words, 250.0)[0]
    again = setter.relabel(line, {(0, 0): "12"})
    assert [r.text for r in again.runs if r.mark] == ["12"]
    assert again.width == pytest.approx(line.width, abs=0.01)
    assert again.space < line.space


def test_a_wider_label_never_pushes_a_ragged_line_past_the_measure() -> None:
    setter = Setter(Style(), "en")
    words = [Word(w) for w in WORDS[:9]]
    words[-1] = Word(words[-1].text, (Mark(len(words[-1].text), "*", (0, 0)),))
    measure = setter.set(words, 1000.0)[0].width + 0.2  # the words just fit, ragged
    line = setter.set(words, measure)[0]
    assert not line.justified
    again = setter.relabel(line, {(0, 0): "\u2021\u2021"})
    assert again.width <= measure + 1e-6
    assert [r.text for r in again.runs if r.mark] == ["\u2021\u2021"]


def test_page_sizes_parse_names_and_units() -> None:
    assert parse_page_size("5.5x8.5in") == pytest.approx((396.0, 612.0))
    assert parse_page_size("A5") == pytest.approx((419.53, 595.28))
    assert parse_page_size("148x210mm") == pytest.approx((419.53, 595.28), abs=0.01)
    with pytest.raises(ValueError):
        parse_page_size("huge")


def inside(book: TypesetBook) -> None:
    """Every text item of every page stands inside its text block."""
    for page in book.pages:
        x0, y0, x1, y1 = page.block
        for item in page.items:
            if item.kind == "margin":
                assert item.x + item.width <= page.width and item.x >= 0
                continue
            assert x0 - 0.01 <= item.x and item.x + item.width <= x1 + 0.01, item
            assert y0 <= item.y <= y1, item


def notes_beside_marks(book: TypesetBook) -> int:
    """Assert every note's label stands on the page of its mark; the number of marks."""
    count = 0
    for page in book.pages:
        text = text_items(page.items, ("body", "head"))
        body = {r.note for it in text for r in it.runs if r.mark}
        labels = {r.note for it in text_items(page.items, ("note",)) for r in it.runs if r.mark}
        assert body <= labels, (page.label, body - labels)
        count += len(body)
    return count


def test_facsimile_gives_a_page_per_source_page_labelled_with_its_number() -> None:
    book = laband()
    typeset = composed("facsimile")
    assert len(typeset.pages) == len(book.pages) == 120
    assert [p.label for p in typeset.pages] == [p.number for p in book.pages]
    folios = [next((it.text for it in p.items if it.kind == "folio"), None) for p in typeset.pages]
    assert folios == [p.number for p in book.pages]
    inside(typeset)
    marks = notes_beside_marks(typeset)
    assert marks == sum(1 for p in book.pages for n in p.footnotes if n.anchor is not None)
    assert typeset_words(typeset) == reading_text(book).decode("utf-8").split()
    heads = sum(1 for p in book.pages for ln in p.lines if ln.role.value == "heading")
    assert 0 < len(typeset.outline) <= heads
    assert longest_hyphen_ladder(typeset) <= 2


def longest_hyphen_ladder(book: TypesetBook) -> int:
    """The most lines of one flow in a row on one page that end in a hyphen."""
    worst = 0
    for page in book.pages:
        for kind in ("body", "note"):
            run = 0
            for item in page.items:
                if item.kind == kind:
                    run = run + 1 if item.hyphenated else 0
                    worst = max(worst, run)
    return worst


def test_facsimile_pages_alternate_verso_and_recto() -> None:
    typeset = composed("facsimile", 4)
    for page in typeset.pages:
        folio = next(it for it in page.items if it.kind == "folio")
        x0, _, x1, _ = page.block
        if int(page.label or 0) % 2:
            assert folio.x + folio.width == pytest.approx(x1)
        else:
            assert folio.x == pytest.approx(x0)


def test_reflow_sets_notes_on_the_page_of_their_mark_and_keeps_page_references() -> None:
    book = laband()
    typeset = composed("reflow")
    assert all((p.width, p.height) == (396.0, 612.0) for p in typeset.pages)
    inside(typeset)
    notes_beside_marks(typeset)
    refs = [r.text for p in typeset.pages for it in p.items if it.kind == "margin" for r in it.runs]
    assert " ".join(refs).split() == [f"[{p.number}]" for p in book.pages]
    assert typeset_words(typeset) == reading_text(book).decode("utf-8").split()
    assert [p.label for p in typeset.pages] == [str(n + 1) for n in range(len(typeset.pages))]
    assert longest_hyphen_ladder(typeset) <= 2


def test_reflow_renumbers_notes_that_the_book_numbers_page_by_page() -> None:
    typeset = composed("reflow")
    for page in typeset.pages:
        labels = [
            r.text for it in page.items if it.kind == "note" for r in it.runs if r.mark
        ]
        assert labels == [str(k + 1) for k in range(len(labels))]


def test_note_numbering_follows_the_book_scheme() -> None:
    book = laband()
    from layout.typeset.content import continuous, source_pages

    flow = continuous(source_pages(book))
    assert note_numbering(book, flow) == "numbers"
    chapter = Book(pages=book.pages, language="de", notes_scheme="chapter")
    assert note_numbering(chapter, flow) is None


def test_reflow_keeps_widows_orphans_and_headings_off_page_edges() -> None:
    style = Style()
    setter = Setter(style, "en")
    line = setter.set([Word("x")], 100.0)[0]

    def para(block: int, n: int) -> list[_Line]:
        return [_Line("body", line, 0.0, block, k, n) for k in range(n)]

    lines = [_Line("head", line, 0.0, 0, 0, 1)] + para(1, 5) + para(2, 5)
    pager = _Pager(lines, {}, style, avail=5 * style.leading, descent=-0.27)
    pages = pager.paginate()
    for i, j, _ in pages:
        first, last = lines[i], lines[j - 1]
        assert last.kind != "head" or j == len(lines)
        assert not (last.index == 0 and last.count > 1), "orphan at the foot"
        assert not (first.index == first.count - 1 and first.count > 1 and i > 0), "widow"
    assert sum(j - i for i, j, _ in pages) == len(lines)


def test_reflow_splits_a_long_note_with_two_lines_beside_its_mark() -> None:
    style = Style()
    setter = Setter(style, "en")
    line = setter.set([Word("x")], 100.0)[0]
    marked = setter.set([Word("x", (Mark(1, "1", (0, 0)),))], 100.0)[0]
    note = [line] * 30
    lines = [_Line("body", line, 0.0, k, 0, 1) for k in range(30)]
    lines[25] = _Line("body", marked, 0.0, 25, 0, 1, notes=((0, 0),))
    pager = _Pager(lines, {(0, 0): note}, style, avail=36 * style.leading, descent=-0.27)
    pages = pager.paginate()
    first = next(n for n, (i, j, _) in enumerate(pages) if i <= 25 < j)
    beside = [begins for key, _, begins in pages[first][2] if key == (0, 0)]
    assert beside[0] is True and len(beside) >= 2
    assert sum(len(p[2]) for p in pages) == 30


def test_a_recto_of_one_line_takes_the_end_of_its_broken_word() -> None:
    """The first line's note fills the first page (a recto): the line, ending in a broken
    word, does not stand there alone; the line ending the word comes with it."""
    from dataclasses import replace

    style = Style()
    setter = Setter(style, "en")
    line = setter.set([Word("x")], 100.0)[0]
    broken = replace(setter.set([Word("x", (Mark(1, "1", (0, 0)),))], 100.0)[0], joined=True)
    lines = [_Line("body", broken, 0.0, 0, 0, 5, notes=((0, 0),))]
    lines += [_Line("body", line, 0.0, 0, k, 5) for k in range(1, 5)]
    pager = _Pager(lines, {(0, 0): [line] * 40}, style, avail=10 * style.leading,
                   descent=-0.27)
    pages = pager.paginate()
    assert pages[0][:2] == (0, 2)
    assert sum(j - i for i, j, _ in pages) == len(lines)
    assert sum(len(p[2]) for p in pages) == 40


def test_the_seed_page_in_both_modes() -> None:
    book = gold_book(SEED)
    for mode in ("facsimile", "reflow"):
        typeset = compose(book, mode)
        inside(typeset)
        assert typeset_words(typeset) == reading_text(book).decode("utf-8").split()
    assert len(compose(book, "facsimile").pages) == 1


def test_a_book_without_text_still_makes_a_page() -> None:
    from layout.model import Line, Page, Role

    book = Book(pages=(Page(lines=(Line("", Role.BLANK),)),))
    for mode in ("facsimile", "reflow"):
        typeset = compose(book, mode)
        assert len(typeset.pages) == 1
        assert not [it for it in typeset.pages[0].items if it.kind in ("body", "note")]


def test_lines_the_source_keeps_stay_lines() -> None:
    from layout.model import Block, Line, Page

    text = (
        "I have received your letter and shall proceed as soon as the season allows, "
        "taking with me the papers you sent and the men you named, who are ready."
    )
    lines = (
        Line(text, paragraph_start=True),
        Line("I have the honor to be,", block=Block.SALUTE, paragraph_start=True),
        Line("Your obedient servant,", block=Block.SALUTE),
        Line("Andrew Jackson", block=Block.SIGNED),
    )
    book = Book(pages=(Page(lines=lines),), language="en")
    for mode in ("facsimile", "reflow"):
        typeset = compose(book, mode)
        body = [i for page in typeset.pages for i in page.items if i.kind == "body"]
        kept = [i.text for i in body[-3:]]
        assert kept == ["I have the honor to be,", "Your obedient servant,", "Andrew Jackson"]
        block = typeset.pages[-1].block
        assert all(i.x + i.width < block[2] - 10 for i in body[-3:])  # ragged, not justified


def test_notes_are_scaled_to_take_the_room_their_source_gave_them() -> None:
    from layout.typeset.facsimile import NOTE_SCALE, _Set, note_scale

    setter = Setter(Style(), "de")
    text = "Ein Satz aus einem Buch, der eine ganze Zeile füllt, und noch mehr Worte dazu."
    body = setter.set([Word(w) for w in text.split()], 200.0)[0]
    note = setter.set([Word("Anmerkung.")], 200.0, size=8.0)[0]

    def page(b: int, n: int) -> _Set:
        return _Set(tuple(("body", body, 0.0) for _ in range(b)), (note,) * n, (), (False,) * b)

    # full source pages where each note line we set stood for 1.5 body lines' room: the
    # notes grow (to the bound); where it stood for one note leading's room, they stay
    grown = [page(30 - 3 * n // 2, n) for n in range(2, 18, 2)] * 3
    assert note_scale(grown, [True] * len(grown), setter) == NOTE_SCALE[1]
    even = [page(30 - n * 10 // 13, n) for n in range(2, 28, 2)] * 3
    assert abs(note_scale(even, [True] * len(even), setter) - 1.0) < 0.05
    assert note_scale(grown[:3], [True] * 3, setter) == 1.0  # too few pages to say
    assert note_scale(grown, [False] * len(grown), setter) == 1.0  # chapters' ends only
