"""Issue 8: notes in books the engine was never tuned on. One test (or a few) per class
of failure, each on a few lines written for the test:

1. a line that merely looks like a label (a date, a list item, a numbered paragraph, a
   year) opens no note area;
2. numbering that restarts (per page, section, chapter, letter), and recovery after a page
   whose notes were missed;
3. where a note continued from the page before begins and ends;
4. notes on thin evidence (a one-line note without a blank above it, a mark without its
   `)`, a label printed twice on a page, superscripts of abbreviations in the text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from layout.model import Book, Line, Role
from layout.passes import blanks
from layout.passes.notes import areas, continuations, flow, footnotes
from layout.passes.notes.anchors import BodyText, MarkStyle, candidates, link
from layout.passes.notes.labels import Label, parse
from layout.passes.notes.page_lines import BookHints, PageLines, PageState, Widths
from layout.readers.text import read


def analyse(text: str) -> Book:
    """Read pages split by form feeds (each page's first line its head line), find notes."""
    book = blanks.mark(read(text, "fixture"))
    pages = []
    for page in book.pages:
        lines = list(page.lines)
        lines[0] = replace(lines[0], role=Role.HEADER)
        pages.append(replace(page, lines=tuple(lines)))
    return footnotes.mark(replace(book, pages=tuple(pages)))


def notes_of(book: Book) -> list[list[tuple[str | None, tuple[int, ...]]]]:
    return [[(n.marker, n.lines) for n in page.footnotes] for page in book.pages]


# Class 2: notes lettered (a), (b), ... that start again at (a) in every section; their
# marks stand glued to a word, `sentence(a)`. A lettered list, its letters after a space
# and called from nowhere, stays in the text. The notes are set in two narrow columns.
LETTERED = """\
§. 12. Of pledges.                                         31
A pledge binds the thing and not the person who gave
it(a), and the creditor may hold it until he is paid;
the law names three cases in which he may not:
(a) when the debt is void,
(b) when it is paid,
(c) when he gave the thing back(b).

(a) The rule is old, and the
sources state it often.
(b) So the later writers.
\f32                       Book II. Of things.
The same holds of the hypothec, which leaves the thing
with the debtor(c). Both are rights in a thing of another
and both follow it into any hand.

(c) Unless the law of the
place says otherwise.
\f§. 13. Of servitudes.                                     33
A servitude burdens land for the good of other land or
of a person(a); it cannot be sold apart from that land
and it ends when the two come into one hand(b).

(a) Praedial and personal
servitudes.
(b) Confusion.
"""


def test_lettered_notes_restart_per_section() -> None:
    book = analyse(LETTERED)
    assert notes_of(book) == [
        [("a", (8, 9)), ("b", (10,))],
        [("c", (5, 6))],
        [("a", (5, 6)), ("b", (7,))],
    ]
    first = book.pages[0].footnotes[0]
    assert first.anchor is not None and (first.anchor.line, first.anchor.start) == (2, 2)
    # the lettered list stays in the running text
    assert [line.role for line in book.pages[0].lines[4:7]] == [Role.BODY] * 3


# Class 3: where the rest of a note from the page before begins. The body of this book
# sets some passages in small type, as wide as its note lines (74 letters, body 61).
WIDE = "gewalt anzuerkennen, welche jetzt ebensowenig duldet, dass ihre Functionen"
FULL = "Aus allem Diesem ergiebt sich der Inhalt des Rechts, welches"
WIDTHS = Widths(body=61, note=74)


def page_view(*texts: str) -> PageLines:
    lines = [Line(t, role=Role.BLANK if not t.strip() else Role.BODY) for t in texts]
    return PageLines.of([Line("58   Erster Abschnitt.", role=Role.HEADER), *lines])


def test_small_type_going_on_from_the_page_before_is_no_note() -> None:
    """The page before ended its body in a passage of small type: wide lines at the top
    of this page go on with it, even when the last note overleaf was finished."""
    before = page_view(FULL, WIDE, WIDE, WIDE, "", "1) Eine Note.")
    assert continuations.small_type(before, 5, WIDTHS)
    page = page_view(WIDE, WIDE, WIDE, WIDE, "weiter im Text.", FULL, FULL)
    state = PageState(had_notes=True, small_type=True)
    start, _ = continuations.find(
        page, 8, BookHints(widths=WIDTHS), state, WIDTHS.odds_of(page), -1
    )
    assert start == -1
    # the same lines, when the page before ended its body in full-width lines, and its
    # last note was left open: the rest of that note
    open_state = PageState(had_notes=True, open_note=True)
    page = page_view(FULL, FULL, WIDE, WIDE, WIDE, "Schluss der Note.")
    start, _ = continuations.find(
        page, 7, BookHints(widths=WIDTHS), open_state, WIDTHS.odds_of(page), -1
    )
    assert start == 3


def test_body_above_the_notes_is_not_the_rest_of_a_note() -> None:
    """A passage in small type holds the mark of the page's note: it is body, however
    wide its lines, and the rest of the note overleaf is not looked for above that mark,
    even when the page's one labelled note is not taken for a note area of its own."""
    page = page_view(
        FULL,
        WIDE,
        "ein Satz im kleinen Satz, so breit wie die Noten, mit der Marke1)",
        WIDE,
        WIDE,
        "1) Die Note.",
    )

    def has_mark(label: Label, before: int) -> bool:
        return before > 3

    def strong(labels: Sequence[Label], before: int) -> int:
        return 3 if labels and before > 3 else -1

    hints = BookHints(scheme="page", styles=frozenset({"1)"}), widths=WIDTHS, gap=7.0)
    state = PageState(had_notes=True)
    area = areas.find(page, hints, state, has_mark, strong)
    assert all(part.label is not None for part in area.parts)
    assert all(i > 3 for part in area.parts for i in part.lines)


def test_a_colon_leans_to_going_on() -> None:
    """A note whose last line ends in a colon, or leaves a parenthesis open, ends no
    sentence for sure: it goes on overleaf more often than not."""
    page = page_view("1) Es heisst dort:", "oben (vgl. S. 4 f.", "3) Ende.")
    assert continuations.leaning(page, (1,)) and continuations.leaning(page, (2,))
    assert not continuations.leaning(page, (3,))


def test_a_blank_line_between_body_lines_opens_the_rest_of_a_note() -> None:
    """In a book whose body has no blank lines of its own (a gap weighs much), the rest of
    a note that ended in a colon begins under the page's blank line, even when its lines
    (a quoted treaty, set narrower) are no wider than body lines and wide lines follow
    further down; where the body has blank lines of its own, the widths decide."""
    page = page_view(FULL, FULL, "", *[FULL] * 8, *[WIDE] * 5, "Ende der Note.")
    leaning = PageState(had_notes=True, leaning=True)
    odds = WIDTHS.odds_of(page)
    end = len(page.texts)
    start, _ = continuations.find(page, end, BookHints(widths=WIDTHS, gap=7.0), leaning, odds, -1)
    assert start == 4
    start, _ = continuations.find(page, end, BookHints(widths=WIDTHS, gap=2.0), leaning, odds, -1)
    assert start == 12


def test_small_type_running_on_overleaf_is_no_rest_of_a_finished_note() -> None:
    """Wide lines at a page foot, when the note before ended its sentence and the next
    page's body opens in lines as wide: a passage in small type that runs over the page
    break, not the rest of that note. A note left open still goes on in them."""
    page = page_view(FULL, FULL, FULL, FULL, WIDE, WIDE, WIDE, WIDE)
    after = page_view(WIDE, WIDE, WIDE, "weiter im Text.", FULL, FULL)
    assert continuations.opens_small(after, WIDTHS, None)
    assert not continuations.opens_small(page, WIDTHS, None)
    hints, odds, end = BookHints(widths=WIDTHS), WIDTHS.odds_of(page), len(page.texts)
    closed = PageState(had_notes=True)
    assert continuations.find(page, end, hints, closed, odds, -1)[0] == 5
    overleaf = replace(closed, small_overleaf=True)
    assert continuations.find(page, end, hints, overleaf, odds, -1)[0] == -1
    still_open = replace(overleaf, open_note=True)
    assert continuations.find(page, end, hints, still_open, odds, -1)[0] == 5


BROKEN = "und es dauerte lange, bis der Kaiser endlich die Verhand-"


def test_no_rest_of_a_note_begins_where_a_broken_word_runs_on() -> None:
    """`Verhand-` + `lungen`, the whole word printed on the page: the two lines are one
    flow, so the rest of a note does not begin between them, however wide the second."""
    page = page_view(
        "Die Verhandlungen des Reichstags zogen sich lange hin, bis",
        FULL,
        BROKEN,
        "lungen schloss und die Gesandten nach Hause schickte, wie es der Brauch",
        WIDE,
        "Sphäre der Gemeinden versetzt werden.",
    )
    after = page_view("Am Ende des Jahres kam der Friede.", FULL)
    ties = flow.Ties([page, after])
    assert ties.runs_on(0, 3) and not ties.ends_body(0, 3)
    hints, odds, end = BookHints(widths=WIDTHS), WIDTHS.odds_of(page), len(page.texts)
    state = PageState(had_notes=True, open_note=True)
    assert continuations.find(page, end, hints, state, odds, -1)[0] == 4  # words unread
    assert continuations.find(page, end, hints, state, odds, -1, ties.of(0))[0] != 4


def test_the_body_ends_where_its_broken_word_goes_on_overleaf() -> None:
    """The next page's body begins with `lungen`, the rest of this page's `Verhand-`: the
    body ends in that line, and the lines below it are the rest of the open note."""
    page = page_view(FULL, FULL, BROKEN, "Sphäre der Gemeinden versetzt werden, wie es", "Ende.")
    after = page_view("lungen mit den Gesandten. Die Verhandlungen waren lang.", FULL)
    ties = flow.Ties([page, after])
    assert ties.ends_body(0, 3) and not ties.runs_on(0, 3)
    state = PageState(had_notes=True, open_note=True)
    hints, end = BookHints(widths=WIDTHS), len(page.texts)
    assert continuations.find(page, end, hints, state, None, -1)[0] == 5
    assert continuations.find(page, end, hints, state, None, -1, ties.of(0))[0] == 4


# Class 4: notes on thin evidence.


def test_symbol_marks_after_a_closing_quotation_mark() -> None:
    """A quotation that ends in a note mark: the sign run `“*)` holds the closing quote
    and the mark; the mark is found in it, its span the star alone."""
    lines = ["er schrieb: „so sei es.“*) Dann ging er,", "und sprach: „nie wieder.“†) Es blieb so."]
    body = BodyText(list(enumerate(lines)))
    star, dagger = (parse(f"{m}) Note.") for m in ("*", "†"))
    assert star is not None and dagger is not None
    found = link([candidates(body, lab, MarkStyle()) for lab in (star, dagger)])
    assert [(a.line, lines[a.line][a.start : a.end]) for a in found if a] == [(0, "*"), (1, "†")]


def test_first_page_may_begin_with_the_rest_of_a_note() -> None:
    """An excerpt may begin anywhere: on its first page, a run set off by a gap and as
    wide as notes is the rest of a note, though no page before it is known; a run right
    under a label of the book's notes is that label's note, not the rest of another."""
    first = PageState(had_notes=True, first=True)
    hints = BookHints(styles=frozenset({"1)"}), widths=WIDTHS, gap=5.0)
    page = page_view(FULL, FULL, "", WIDE, WIDE, "Ende der Note.")
    start, _ = continuations.find(page, 7, hints, first, WIDTHS.odds_of(page), -1)
    assert start == 4
    page = page_view(FULL, FULL, "1) Eine Note, deren Marke verlesen ist.", WIDE, WIDE, "Ende.")
    start, _ = continuations.find(page, 7, hints, first, WIDTHS.odds_of(page), -1)
    assert start == -1


# Class 1: lines that merely look like labels. A book of letters and minutes whose notes
# are numbered 1), 2) per page; its text holds dates and numbered paragraphs at line
# starts, a year, a list, none of them called by a mark.
LOOKALIKES = """\
Briefe aus dem Jahre 1837.                                      12
Der Minister antwortete ihm sogleich1) und legte dar, was
er von der Sache hielt:
12. März 1837. Ich habe Ihren Brief erhalten und danke
Ihnen für die Nachricht von dem Gange der Verhandlungen.
3. Mai 1837. Die Kammer hat den Entwurf angenommen.

1) Das Schreiben ist nicht erhalten.
\f13                                     Briefe aus dem Jahre 1837.
Die Sitzung beschloss in drei Punkten:
1. die Wahl des Ausschusses,
2. die Frist für die Berichte,
3. den Tag der nächsten Sitzung.
1848 brachte dann das Ende dieser Ordnung, als der Bund2)
sich auflöste.

2) Vgl. unten S. 40.
\fBriefe aus dem Jahre 1838.                                      14
§ 4. Von den Gesandten. Der Gesandte vertritt seinen Herrn3)
und geniesst die Rechte, die ihm der Brauch zugesteht.
4. Die Gesandten der ersten Klasse haben den Vortritt vor
allen anderen, die der zweiten folgen ihnen nach.

3) So die Regel von 1815.
"""


def test_dates_lists_years_and_paragraph_numbers_open_no_note() -> None:
    book = analyse(LOOKALIKES)
    assert notes_of(book) == [[("1", (7,))], [("2", (8,))], [("3", (6,))]]
    for page in book.pages:
        noted = {i for note in page.footnotes for i in note.lines}
        assert all(
            line.role is not Role.FOOTNOTE for i, line in enumerate(page.lines) if i not in noted
        )


# The same traps in a book whose labels are bare numbers (`1 Vgl.`), as a date at a line
# start is (`12 März`), and in one whose OCR reads every superscript as `*`.
BARE = """\
Briefe aus dem Jahre 1837.                                      12
Der Minister antwortete ihm sogleich,1 und legte dar, was er
von der Sache hielt. Sein Brief lautet:
12 März 1837. Ich habe Ihren Brief erhalten und danke Ihnen
für die Nachricht von dem Gange der Verhandlungen, die ich
mit Sorge verfolge.

1 Das Schreiben ist nicht erhalten.
\f13                                     Briefe aus dem Jahre 1837.
Die Kammer hat den Entwurf angenommen,2 wie erwartet war.
3 Tage später kam die Antwort des Königs, die alles wieder
in Frage stellte.

2 Vgl. unten S. 40.
\fBriefe aus dem Jahre 1838.                                      14
Die Gesandten der ersten Klasse haben den Vortritt,3 die der
zweiten folgen ihnen nach.
1815 war dies in Wien so bestimmt worden.

3 So die Regel von Wien.
"""

STARS = """\
32                THE TERRITORY OF FLORIDA
I have the honor to acknowledge your letter of the 12" * and
to say that the Governor* will reply.
12 March 1821. The commissioners met at Pensacola and
agreed on the day of the delivery.

* Not found.
\fTHE TERRITORY OF FLORIDA                  33
The troops* will leave on the 17".
2 companies remain at the fort until the transfer.

* Post, p. 40.
\f34                THE TERRITORY OF FLORIDA
The Secretary* approved the plan* of the Governor.
1821 was the year of the cession.

* Ante, p. 12.
* Ante, p. 31.
"""


def test_bare_numbers_and_stars_open_no_note_from_dates_and_years() -> None:
    bare = analyse(BARE)
    assert notes_of(bare) == [[("1", (7,))], [("2", (5,))], [("3", (5,))]]
    stars = analyse(STARS)
    assert [[n.lines for n in page.footnotes] for page in stars.pages] == [
        [(6,)],
        [(4,)],
        [(4,), (5,)],
    ]


# Class 4, end to end: notes 1), 2) per page; on the first page the printer set label 2)
# twice, each called by its own mark; on the second one-line notes stand right under the
# text with no blank line, and a mark lost its `)` in the OCR (`Zins2`).
THIN = """\
Erster Abschnitt.                                                     7
Der Vertrag wurde geschlossen1) und vom Rat bestätigt2), nachdem
die Gesandten ihn geprüft hatten2). So blieb er in Kraft.

1) Urkunde vom 3. Mai.
2) Protokoll der Sitzung.
2) Bericht der Gesandten.
\f8                                                 Erster Abschnitt.
Die Stadt nahm die Sache an1) und zahlte den Zins2, wie es
im Vertrage stand, bis zum Ende des Jahres.
1) Stadtbuch, Blatt 12.
2) Ebenda, Blatt 13.
\fErster Abschnitt.                                                     9
Der Rat schrieb an den Kaiser1) und bat um Schutz der
Stadt gegen ihre Nachbarn2).

1) Reichsakten, Band 2.
2) Ebenda, Band 3.
"""


def test_twice_printed_labels_unblanked_one_liners_and_marks_without_parenthesis() -> None:
    book = analyse(THIN)
    assert notes_of(book) == [
        [("1", (4,)), ("2", (5,)), ("2", (6,))],
        [("1", (3,)), ("2", (4,))],
        [("1", (4,)), ("2", (5,))],
    ]
    twice = [n.anchor for n in book.pages[0].footnotes[1:]]
    assert [(a.line, a.start) for a in twice if a] == [(1, 53), (2, 32)]
    lost = book.pages[1].footnotes[1].anchor
    assert lost is not None and (lost.line, lost.start, lost.end) == (1, 49, 50)


LITERATURE = (
    FULL,
    "und so ist ein eigenes Staatencerimoniell erzeugt,1 welches",
    FULL,
    FULL,
    "d. im Schiffsverkehr.",
    "1 Schriften über diesen wenig juristischen Gegenstand bei Ompteda, davon:",
    "Il Cerimoniale historico e politico di Gregorio Leti. 6 Vol. Am-",
    "sterdam 1685. 12.",
    "Friedrich Wilhelm v. Winterfeld, Teutsche Cerimonial-Politica.",
    "3 Thle. Frankfurt und Leipzig 1700 und 1702. 8.",
    "Gottfried Stieve, Europäisches Hofcerimoniell. Leipzig 1714.",
    "Johann Christian Lünig, Theatrum cerimoniale. Leipzig 1719.",
    "In allen diesen Schriften ist Staats- und Hofcerimoniell vermischt.",
)


def test_a_strong_mark_carries_a_note_without_gap_or_wide_lines() -> None:
    """A note that lists literature: no blank line above it (in a book whose notes mostly
    have one), its lines no wider than the body's, a `3 Thle.` inside that fits no
    numbering. Its mark `erzeugt,1`, glued to the word, is what shows it is a note; the
    same page with only a likely mark (a `1` the text might hold for itself) has none."""
    page = page_view(*LITERATURE)
    hints = BookHints(scheme="page", styles=frozenset({"1"}), widths=WIDTHS, gap=7.0)

    def has_mark(label: Label, before: int) -> bool:
        return label.marker == "1" and before > 2

    def strong(labels: Sequence[Label], before: int) -> int:
        return 2 if any(lab.marker == "1" for lab in labels) and before > 2 else -1

    def weak(labels: Sequence[Label], before: int) -> int:
        return -1

    area = areas.find(page, hints, PageState(), has_mark, strong)
    assert [(part.label and part.label.marker, part.lines) for part in area.parts] == [
        ("1", tuple(range(6, 14)))
    ]
    assert not areas.find(page, hints, PageState(), has_mark, weak).parts


def test_abbreviation_superscripts_and_misread_digits_are_no_marks() -> None:
    """`Obt"` and `2d"` print superscripts that are not marks; `sol1` is the word `soll`
    misread; the mark `Governor*` is found among them."""
    lines = [
        'Your Obt" Serv" received on the 2d" the letter of the',
        "Governor* that he sol1 send.",
    ]
    body = BodyText(list(enumerate(lines)))
    style = MarkStyle(ocr_superscripts=True, abbreviations=frozenset({"obt", "serv"}))
    star = parse("* Note.")
    assert star is not None
    (found,) = link([candidates(body, star, style)])
    assert found is not None and (found.line, lines[found.line][found.start : found.end]) == (
        1,
        "*",
    )
    one = parse("1) Note.")
    assert one is not None
    weights = [c.weight for c in candidates(body, one, MarkStyle(paren=True))]
    assert all(w < 1.0 for w in weights)  # `sol1`: at most a weak candidate


def _continuous_book(garbled: int) -> str:
    """Five pages of notes numbered on through the book, two a page; on page 2 the OCR
    garbled every label (`I)` for 3), so its notes cannot be found."""
    pages = []
    n = 1
    for p in range(5):
        marks, notes = [], []
        for _ in range(2 if p != 1 else garbled):
            label = f"{n})" if p != 1 else "I)"
            marks.append(f"Satz{n})")
            notes.append(f"{label} Beleg zu Satz {n}, mit Seite {10 + n}.")
            n += 1
        text = " und ".join(marks)
        pages.append(
            f"Kapitel.                                              {20 + p}\n"
            f"Der Text der Seite enthält den {text},\n"
            "und er geht dann weiter bis zum Ende der Seite hin.\n\n" + "\n".join(notes) + "\n"
        )
    return "\f".join(pages)


def test_numbering_recovers_after_a_page_of_missed_notes() -> None:
    """Notes numbered through the book: after a page whose notes were missed, the next
    number is taken from what follows (its mark in the text, the chain below it), not
    expected to be the stale one for the rest of the book."""
    book = analyse(_continuous_book(garbled=4))
    assert [[n.marker for n in page.footnotes] for page in book.pages] == [
        ["1", "2"],
        [],
        ["7", "8"],
        ["9", "10"],
        ["11", "12"],
    ]
