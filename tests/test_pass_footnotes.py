"""The footnote pass on small real pages: note areas, label styles, continuations across
pages, anchors, separators, and the lines the pass must leave alone."""

from __future__ import annotations

from dataclasses import replace

from conftest import SAMPLES

from layout.model import Book, Role
from layout.passes import blanks
from layout.passes.notes import footnotes
from layout.readers.text import read


def analyse(text: str, roles: dict[tuple[int, int], Role] | None = None) -> Book:
    """Read pages split by form feeds, mark blanks and the given furniture, find notes."""
    book = blanks.mark(read(text, "fixture"))
    pages = list(book.pages)
    for (p, i), role in (roles or {}).items():
        lines = list(pages[p].lines)
        lines[i] = replace(lines[i], role=role)
        pages[p] = replace(pages[p], lines=tuple(lines))
    return footnotes.mark(replace(book, pages=tuple(pages)))


def role_lines(book: Book, page: int, role: Role) -> list[int]:
    return [i for i, line in enumerate(book.pages[page].lines) if line.role is role]


def test_seed_page() -> None:
    text = (SAMPLES / "page-286.txt").read_text(encoding="utf-8")
    book = analyse(text, {(0, 0): Role.HEADER})
    page = book.pages[0]
    assert role_lines(book, 0, Role.FOOTNOTE) == [33, 34, 35, 36, 37, 38, 39, 41, 42]
    assert page.lines[40].role is Role.BLANK  # blank inside the note area stays blank
    first, second = page.footnotes
    assert (first.marker, first.lines, first.label_end) == ("1", (33, 34, 35, 36, 37, 38, 39), 3)
    assert (second.marker, second.lines) == ("2", (41, 42))
    assert first.anchor is not None and (first.anchor.line, first.anchor.start) == (3, 4)
    assert second.anchor is not None and (second.anchor.line, second.anchor.start) == (24, 9)
    assert not first.continued and not second.continues_on_next_page
    assert book.notes_scheme == "page"


# Two pages of Gerber, Staatsrecht (1865), trimmed: note 6 runs over onto the next page,
# whose note area opens with its rest after a blank line, then note 7.
GERBER = """\
§. 20. Die Gemeinden.            57
Daneben aber stellt der Staat noch maucherlei an-
dere Ansprüche an die Gemeinden. Allerdings be-
trachtet er sie auch jetzt noch als die natürlichen Ab-
theilungen und Gruppirungen des Volks; an sie und
ihre Vertreter und nicht an die gestaltlose Masse wen-
det sich vielfach seine Regierung zum Zwecke der
Durchführung allgemeiner Massregeln.5 Zugleich be-
traut er zweckmässig den Gemeindevorstand mit einer
Reihe staatlicher Functionen, insbesondere der örtlichen
Polizei, in deren Ausführung dieser unmittelbar im
Dienste des Staats handelt.6

5 Ausser den Gemeinden giebt es wohl noch andere Gruppi-
rungen der Staatsbürger, welche als eigenthümlich ausgestattete
politische Körper auftreten, z. B. Kreis- oder Provinzialverbände.
6 Sowohl dic Gerichtsbarkeit, als die Polizei gehören nach
jetzlgem deutschen Staatsrechte dem Staate, und werden, wenn
sie local der Gemeinde anvertraut sind, von dieser nicht als eigenes
Recht, sondern als Recht des Staats ausgeübt. Es ist diess nicht
\f58             Erster Abschnitt.
Aus allem Diesem ergiebt sich der Inhalt des Rechts,
welches dem Staate an den Gemeinden zusteht. Sie
sind selbständige öffentliche Corporationen7 mit eigenem
Lebensberufe, aber sie gehören zu den unmittelbaren
Objecten der staatlichen Herrschaft; auch auf sie er-
streckt sich constitutionell das Gewaltrecht des Staats.

zu beklagen, soudern als die natürliche Entwickelung der Staats-
gewalt anzuerkennen, welche jetzt ebensowenig duldet, dass
ihre Functionen in die privatrechtliche Sphäre Einzelner als in die
Sphäre der Gemeinden versetzt werden.
7 Von der privatrechtlichen Stellung der Gemeindecorpora-
tion ist hier nicht zu handeln.
"""


def test_note_continued_on_the_next_page() -> None:
    book = analyse(GERBER, {(0, 0): Role.HEADER, (1, 0): Role.HEADER})
    first, second = book.pages
    assert [n.marker for n in first.footnotes] == ["5", "6"]
    assert first.footnotes[-1].continues_on_next_page
    rest, seven = second.footnotes
    assert rest.marker is None and rest.continued and rest.anchor is None
    assert rest.lines == (8, 9, 10, 11)
    assert seven.marker == "7" and seven.lines == (12, 13) and not seven.continued
    assert seven.anchor is not None and seven.anchor.line == 3
    assert second.lines[7].role is Role.BLANK
    assert book.notes_scheme == "continuous"  # numbers run on over the page break


# Laband, Staatsrecht (1876), trimmed: a list numbered "1)" "2)" in the body stands right
# above the notes, which use the same label style; a rule and a signature frame the notes.
LABAND = """\
§. 34. Die Reichs-Verwaltungsbehörden.       317
Die Gründungsſtaaten ſchloſſen einen Vertrag mit folgendem Inhalt:
1) Sie ſchloſſen ein Offenſiv- und Defenſiv-Bündniß zur Erhaltung
der Unabhängigkeit und Integrität ihrer Staaten1).
2) Sie verpflichteten ſich, die Zwecke des Bündniſſes durch eine
Bundesverfaſſung auf Grund der Preußiſchen Grundzüge2) ſicher zu ſtellen.
——————
1) Verordn. vom 22. Januar 1874 §. 2 u. 3.
2) Vgl. über die Statiſtik des Deutſchen Reiches die trefflichen Abhand-
lungen von Meitzen in v. Holtzendorffs Jahrb. des Deutſchen Reiches I.
                          2*
"""


def test_body_list_rule_and_signature() -> None:
    book = analyse(LABAND, {(0, 0): Role.HEADER, (0, 10): Role.SIGNATURE})
    page = book.pages[0]
    assert role_lines(book, 0, Role.FOOTNOTE) == [7, 8, 9]
    assert role_lines(book, 0, Role.SEPARATOR) == [6]
    assert page.lines[10].role is Role.SIGNATURE
    assert page.lines[2].role is Role.BODY and page.lines[4].role is Role.BODY
    one, two = page.footnotes
    assert (one.marker, one.lines, one.label_end) == ("1", (7,), 3)
    assert two.lines == (8, 9)
    assert one.anchor is not None and (
        one.anchor.line,
        page.lines[3].text[one.anchor.start : one.anchor.end],
    ) == (3, "1)")
    assert two.anchor is not None and two.anchor.line == 5


SYMBOLS = """\
A page of an English book whose notes are marked with the
printer's reference signs: the first note is called here,* and
the second one a little further on,† and a third‡ at the end.

* The first note.
† The second note, which runs
over two lines.
‡ The third note.
"""


def test_symbol_labels() -> None:
    book = analyse(SYMBOLS)
    notes = book.pages[0].footnotes
    assert [(n.marker, n.lines) for n in notes] == [("*", (4,)), ("†", (5, 6)), ("‡", (7,))]
    anchors = [n.anchor for n in notes]
    assert all(a is not None for a in anchors)
    lines = [line.text for line in book.pages[0].lines]
    assert [(a.line, a.start) for a in anchors if a] == [
        (1, lines[1].index("*")),
        (2, lines[2].index("†")),
        (2, lines[2].index("‡")),
    ]
    assert book.notes_scheme == "symbols"


def test_bracketed_and_superscript_labels() -> None:
    text = (
        "Die Lehre vom Staate¹ und die Lehre vom Rechte[2]\n"
        "gehen hier zuſammen.\n"
        "\n"
        "¹ Vgl. oben S. 12.\n"
        "[2] Siehe unten.\n"
    )
    notes = analyse(text).pages[0].footnotes
    assert [(n.marker, n.lines, n.label_end) for n in notes] == [("1", (3,), 2), ("2", (4,), 4)]
    assert notes[0].anchor is not None and notes[0].anchor.start == 20


# The Territorial Papers (1956), trimmed: the OCR reads every superscript number as `*`,
# `"` or `”`, in the notes and in the text, where ordinals (12" = 12th) and abbreviations
# (Serv") print the same signs. The notes stand right below the text, without a gap.
TPUS = """\
28 T E R R I TOR I. A L P A P E R S
SIR I have the honor to acknowledge the receipt of your letter of
the 12" Ult.* together with its enclosures viz
2 Commissions"—
Copy of the Treaty—
I have the honor to be Your Most Obt Serv"
* Ante, p. 13.
* Ante, pp. 8, 9.
\fF L OR I D A T E R R IT OR Y 29
the negroes who have run away from the States & inhabit this country
and are protected by the Indians.”
With Sentiments of esteem & regard I have the honor to be Sir
Your Most Obt Serv"
SIR Your Letter of the 25" of March * has been receiv" by this
Days Mail. It is not deemed advisable to interfere with the vessels
* Answered post, pp. 40, 57.
* Ante, p. 24.
\f30 T E R R IT OR I. A. L. PA P E R S
Cannot be so great as to furnish an inducement as in the Case of the
Apollo. to exercise any extraordinary power."
I Remain with Respect Your Most Ob" Serv"
SIR Since my letter to you of the 22" Ult” ” I have directed Cap
Bender to employ transports at Boston to convey the troops thence
* The Apollo (Apollon) was a French vessel which had been seized.
* Ante, p. 22.
"""


def test_ocr_superscripts() -> None:
    book = analyse(TPUS, {(p, 0): Role.HEADER for p in range(3)})
    assert book.notes_scheme == "symbols"
    for page in book.pages:
        assert [n.marker for n in page.footnotes] == ["*", "*"]
        assert role_lines(book, book.pages.index(page), Role.FOOTNOTE) == [
            len(page.lines) - 2,
            len(page.lines) - 1,
        ]
    first = book.pages[0].footnotes
    assert first[0].anchor is not None and (first[0].anchor.line, first[0].anchor.start) == (2, 12)
    assert first[1].anchor is not None and (first[1].anchor.line, first[1].anchor.start) == (3, 13)
    third = book.pages[2].footnotes
    assert third[0].anchor is not None and third[0].anchor.line == 2  # power." not Ob"/Serv"


def test_book_without_notes_is_left_alone() -> None:
    text = (
        "32 FLORIDA STATE HORTICULTURAL SOCIETY.\n"
        "25 to 50 cents when consigned; at least that has been\n"
        "the experience. The fruit brought\n"
        "\n"
        "1 box to the tree, and then\n"
        "2 boxes the next year.\n"
    )
    book = analyse(text)
    assert book.pages[0].footnotes == ()
    assert role_lines(book, 0, Role.FOOTNOTE) == []


def test_laband_excerpt_against_gold() -> None:
    """Four pages of Laband (1876) whose gold annotations the shared corpus holds: every
    note, its lines, its continuation flag and the line of its mark as annotated."""
    import json

    from conftest import shared

    gold_file = shared("corpus", "dta", "laband1876.gold.jsonl")
    golds = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines()]
    text = (SAMPLES / "laband1876-excerpt.txt").read_text(encoding="utf-8")
    book = analyse(text, {(p, 0): Role.HEADER for p in range(4)})
    for page, gold in zip(book.pages, golds[45:49], strict=True):
        assert [line.text for line in page.lines] == gold["lines"]
        expected = [
            (tuple(n["lines"]), n["continued"], n["anchor"]["line"] if n["anchor"] else None)
            for n in gold["footnotes"]
        ]
        found = [
            (n.lines, n.continued, n.anchor.line if n.anchor else None) for n in page.footnotes
        ]
        assert found == expected
    assert book.pages[2].footnotes[-1].continues_on_next_page
