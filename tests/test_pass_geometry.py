"""Geometry as evidence: the layout of a page, marginal notes, head and foot rows, notes
in smaller type. Pages are set in the test (tests/geometry_fixtures.py) and from the PAGE
fixtures (OCR-D ground truth)."""

from __future__ import annotations

from pathlib import Path

from geometry_fixtures import BODY, LEFT, MEASURE, NOTE, PITCH, SIZE, Sheet, book

from layout import geometry
from layout.model import Role
from layout.passes import analyse
from layout.passes.margins import marginal
from layout.readers import read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def roles(page: object) -> list[str]:
    return [line.role.value for line in page.lines]  # type: ignore[attr-defined]


# -- the page's layout -------------------------------------------------------------------


def test_layout_finds_measure_block_and_rows() -> None:
    sheet = Sheet()
    sheet.row([("12", LEFT, 40), ("The Running Title", LEFT + 300, 400)])
    sheet.text(BODY)
    layout = geometry.of(sheet.page())
    assert layout is not None
    assert layout.measure == MEASURE
    assert (layout.left, layout.right) == (LEFT, LEFT + MEASURE)
    assert layout.rows[0] == (0, 1)  # folio and title side by side
    assert abs(layout.pitch - PITCH) < 1 and layout.size == SIZE


def test_two_columns_are_two() -> None:
    sheet = Sheet()
    for k in range(8):
        sheet.row([(BODY[k % 6][:30], LEFT, 470), (BODY[(k + 1) % 6][:30], LEFT + 530, 470)],
                  region="col")
    layout = geometry.of(sheet.page())
    assert layout is not None and len(layout.columns) == 2


def test_a_page_without_boxes_has_no_layout() -> None:
    page = read_file(b"one line\ntwo lines\n", "t.txt").pages[0]
    assert geometry.of(page) is None


# -- marginal notes ----------------------------------------------------------------------


def _with_margin(x0: int) -> Sheet:
    sheet = Sheet()
    sheet.text(BODY)
    sheet.y = 300 + PITCH
    for word in ("A note", "in the", "margin"):
        sheet.add(word, x0, 150, SIZE - 10, "margin", PITCH)
    return sheet


def test_lines_beside_the_text_block_are_marginal() -> None:
    done = marginal.mark(book(_with_margin(LEFT - 180).page()))
    assert roles(done.pages[0])[-3:] == ["marginal"] * 3
    assert roles(done.pages[0])[:8] == ["body"] * 8
    right = marginal.mark(book(_with_margin(LEFT + MEASURE + 30).page()))
    assert roles(right.pages[0])[-3:] == ["marginal"] * 3


def test_lines_inside_the_text_block_are_not_marginal() -> None:
    done = marginal.mark(book(_with_margin(LEFT + 100).page()))
    assert "marginal" not in roles(done.pages[0])


def test_a_table_row_label_under_a_spanning_line_is_not_marginal() -> None:
    sheet = Sheet()
    sheet.add("A line of text that spans the whole table below it, from edge to edge",
              LEFT, MEASURE)
    for k in range(6):
        sheet.row([(f"{k} - one", LEFT + 150, 250), (f"{k} - two", LEFT + 600, 250)], "t")
    sheet.y -= 4 * PITCH
    sheet.add("II.", LEFT, 45)
    done = marginal.mark(book(sheet.page()))
    assert "marginal" not in roles(done.pages[0])


def test_a_column_of_bare_numbers_is_not_marginal() -> None:
    sheet = Sheet()
    sheet.text(BODY)
    sheet.y = 300
    for n in ("273", "212", "4", "323"):
        sheet.add(n, LEFT + MEASURE + 40, 60)
    assert "marginal" not in roles(marginal.mark(book(sheet.page())).pages[0])


def test_marginal_notes_of_real_ground_truth() -> None:
    path = FIXTURES / "page/ocrd-gt-2019-marginalia.xml"
    page = analyse(read_file(path.read_bytes(), str(path))).pages[0]
    found = [line.text for line in page.lines if line.role is Role.MARGINAL]
    assert found == ["worauf der", "grund der", "Teutſchen", "erbfolge be-", "ruhet?"]


def test_a_text_book_is_left_as_it_was() -> None:
    text = read_file(b"A page of text\nwith two lines\f", "t.txt")
    assert marginal.mark(text) is text


# -- head and foot rows ------------------------------------------------------------------


def _furnished(folio: str) -> Sheet:
    sheet = Sheet()
    sheet.row([(folio, LEFT, 60), ("Of the Running Title.", LEFT + 300, 420)])
    sheet.skip(30)
    sheet.text(BODY)
    sheet.row([("B 5", LEFT + 450, 80), ("word", LEFT + MEASURE - 90, 90)])
    return sheet


def test_head_and_foot_rows_give_folio_title_signature_catchword() -> None:
    # four pages far apart in the book: no sequence to confirm the folios
    pages = [_furnished(n).page() for n in ("25", "103", "7", "260")]
    done = analyse(book(*pages))
    assert [p.number for p in done.pages] == ["25", "103", "7", "260"]
    assert [p.running_title for p in done.pages] == ["Of the Running Title."] * 4
    first = roles(done.pages[0])
    assert first[:2] == ["page-number", "running-title"]
    assert first[-2:] == ["signature", "catchword"]
    assert first[2:-2] == ["body"] * 8


def test_foot_lines_are_measured_by_their_words_not_their_boxes() -> None:
    """A source may draw a foot line's box across white space (a signature's box running
    to the catchword, a catchword's from the left edge): where their words stand decides."""
    from layout.model import Box, Line, Word

    def boxed(text: str, box: Box, words: list[tuple[str, int, int]], k: int) -> Line:
        return Line(text, box=box, id=f"f{k}", region=f"foot{k}", words=tuple(
            Word(w, Box(x0, box.y0, x1, box.y1)) for w, x0, x1 in words))

    pages = []
    for folio in ("25", "103", "7", "260"):
        sheet = _furnished(folio)
        sheet.lines = sheet.lines[:-2]
        y = sheet.y - PITCH
        right = LEFT + MEASURE
        sheet.lines.append(boxed("Jan. 1696. B", Box(LEFT + 50, y, LEFT + 800, y + SIZE),
                                 [("Jan.", LEFT + 100, LEFT + 180),
                                  ("1696.", LEFT + 200, LEFT + 300),
                                  ("B", LEFT + 450, LEFT + 480)], 0))
        sheet.lines.append(boxed("word", Box(LEFT + 60, y, right, y + SIZE),
                                 [("word", right - 90, right)], 1))
        pages.append(sheet.page())
    done = analyse(book(*pages))
    for page in done.pages:
        assert roles(page)[-2:] == ["signature", "catchword"]


def test_the_signature_beside_a_catchword_in_a_row_shared_with_text() -> None:
    """A foot row holding the left column's last line beside the signature and the
    catchword (a register): the catchword is confirmed by the next page, the short sheet
    mark left of it in its row is the signature, the column's line stays text."""
    first = Sheet()
    first.text(BODY[:6])
    first.row([("ends here.", LEFT, 200), ("(:) ij", LEFT + 450, 80),
               ("Regi-", LEFT + MEASURE - 90, 90)])
    second = Sheet()
    second.text(["Register of the things in this book, in the order of"] + BODY[1:6])
    done = analyse(book(first.page(), second.page()))
    assert roles(done.pages[0])[-3:] == ["body", "signature", "catchword"]


def test_a_number_inside_the_text_block_is_no_folio() -> None:
    sheet = Sheet()
    sheet.text(BODY[:4])
    sheet.add("12", LEFT + 480, 40)
    sheet.text(BODY[4:])
    done = analyse(book(*(sheet.page() for _ in range(4))))
    assert [p.number for p in done.pages] == [None] * 4


def test_a_number_opening_a_heading_block_is_no_folio() -> None:
    """A chapter's number centred above its heading, in the source's block of the heading:
    no folio; the same number in a block of its own at the head is one."""
    pages = []
    for own in (False, True):
        sheet = Sheet()
        sheet.add("1.", LEFT + 480, 40, region="own" if own else "head")
        sheet.skip(20)
        sheet.add("The First Book,", LEFT + 300, 400, height=60, region="head")
        sheet.add("of Things", LEFT + 380, 240, height=60, region="head")
        sheet.skip(40)
        sheet.text(["The chapter opens here, a capital letter begins it,"] + BODY[1:])
        pages.append(sheet.page())
    assert [p.number for p in analyse(book(pages[0])).pages] == [None]
    assert [p.number for p in analyse(book(pages[1])).pages] == ["1"]


def test_a_heading_alone_at_the_head_is_no_running_title() -> None:
    sheet = Sheet()
    sheet.add("Chapter the First.", LEFT + 300, 400)
    sheet.skip(40)
    sheet.text(["The chapter opens here, a capital letter begins it,"] + BODY[1:])
    done = analyse(book(sheet.page()))
    assert done.pages[0].running_title is None


def test_a_title_alone_above_running_text_is_the_running_title() -> None:
    sheet = Sheet()
    sheet.add("Preface.", LEFT + 400, 200)
    sheet.skip(40)
    sheet.text(BODY)  # the text goes on from the page before: a small letter opens it
    done = analyse(book(sheet.page()))
    assert done.pages[0].running_title == "Preface."


# -- notes in smaller type ---------------------------------------------------------------


def _noted(note: list[str], per_char: float, measure: int, ragged: bool = False) -> Sheet:
    sheet = Sheet()
    sheet.text(BODY)
    sheet.skip(20)
    for k, t in enumerate(note):
        width = int(per_char * len(t)) if ragged else measure
        sheet.add(t, LEFT + (40 if ragged and k else 0), width, SIZE - 12, "notes", PITCH - 14)
    return sheet


def test_notes_set_smaller_at_the_foot_are_footnotes() -> None:
    done = analyse(book(_noted(NOTE, 16.0, 880).page()))
    page = done.pages[0]
    assert roles(page)[-4:] == ["footnote"] * 4
    assert roles(page)[:8] == ["body"] * 8
    (note,) = page.footnotes
    assert note.marker == "*" and note.lines == (8, 9, 10, 11)
    assert note.anchor is not None and note.anchor.line == 6


def test_the_rest_of_a_note_without_label_is_known_by_its_type() -> None:
    rest = [line.removeprefix("*) ") for line in NOTE]  # no label: text cannot tell
    page = analyse(book(_noted(rest, 16.0, 880).page())).pages[0]
    assert roles(page)[-4:] == ["footnote"] * 4
    assert [(n.marker, n.continued) for n in page.footnotes] == [(None, True)]


def test_a_ragged_list_in_small_type_is_no_note() -> None:
    items = ["First chapter: of things", "Second chapter: of others",
             "Third chapter: of the rest of it", "Fourth: the end"]
    done = analyse(book(_noted(items, 16.0, 880, ragged=True).page()))
    assert "footnote" not in roles(done.pages[0])


def test_real_ground_truth_notes_and_their_mark() -> None:
    path = FIXTURES / "page/ocrd-gt-2019-footnotes.xml"
    page = analyse(read_file(path.read_bytes(), str(path))).pages[0]
    assert [(n.marker, n.continued, len(n.lines)) for n in page.footnotes] == [
        (None, True, 4), ("*", False, 8)]
    assert page.footnotes[1].anchor is not None
    assert page.lines[page.footnotes[1].anchor.line].text.endswith("*).")
    assert (page.number, page.running_title) == ("25", "Vom Gerippe der Säugethiere.")


# -- paragraphs by first-line indent ----------------------------------------------------


def test_paragraphs_start_where_a_line_is_indented() -> None:
    sheet = Sheet()
    words = "every line of this text runs to the full measure of the block and on"
    for k in range(20):
        indented = k % 5 == 0
        x0 = LEFT + (60 if indented else 0)
        sheet.add(words, x0, MEASURE - (60 if indented else 0), region="body")
    done = analyse(book(sheet.page()))
    starts = [i for i, line in enumerate(done.pages[0].lines) if line.paragraph_start]
    assert starts == [0, 5, 10, 15]


# -- marks printed raised ----------------------------------------------------------------


def test_a_raised_small_mark_is_the_note_s_anchor() -> None:
    from layout.model import Box, Line, Word
    from layout.passes.notes.anchors import Candidate
    from layout.passes.notes.raised import RAISED, lift

    words = [Word("in", Box(200, 300, 240, 340)), Word("the", Box(250, 300, 310, 340)),
             Word("year", Box(320, 300, 400, 340)), Word("1", Box(410, 300, 430, 340)),
             Word("and", Box(440, 300, 500, 340)), Word("on", Box(510, 300, 550, 340)),
             Word("1", Box(555, 296, 567, 316))]  # raised and small: a superscript
    line = Line("in the year 1 and on 1", box=Box(200, 296, 567, 340), words=tuple(words))
    plain, raised = Candidate(0, 12, 13, 1.0), Candidate(0, 21, 22, 1.0)
    assert lift(plain, line).weight == 1.0
    assert lift(raised, line).weight == 1.0 + RAISED
    no_boxes = Line("in the year 1 and on 1")
    assert lift(raised, no_boxes).weight == 1.0
