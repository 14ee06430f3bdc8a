"""Books for the writer tests, with every decision set by hand, and the TEI rebuild.

The writers are tested on books whose roles, numbers, footnotes, hyphen decisions and
paragraph starts are set here, not by the passes, so each writer feature is tested
independently of the analysis. `rebuild` reads a TEI document back into the printed text
of each page (furniture, lines with their footnote marks put back, notes with labels),
the oracle of the lossless tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from layout.model import (
    FURNITURE,
    Anchor,
    Block,
    Book,
    Footnote,
    Heading,
    Hyphen,
    Line,
    Metadata,
    Page,
    Role,
)

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"

B, H, X = Role.BODY, Role.HEADING, Role.BLANK
CHAPTER_I = Heading(level=1, kind="chapter", n="I", rule="book")
FN = Role.FOOTNOTE


def page(rows: list[tuple[str, Role] | tuple[str, Role, dict[str, object]]], **fields: object
         ) -> Page:
    """A page from (text, role[, line fields]) rows and page fields."""
    lines = []
    for row in rows:
        text, role = row[0], row[1]
        extra: dict[str, object] = row[2] if len(row) > 2 else {}  # type: ignore[misc]
        lines.append(Line(text, role=role, **extra))  # type: ignore[arg-type]
    return Page(lines=tuple(lines), **fields)  # type: ignore[arg-type]


def seed_book() -> Book:
    """The seed page (samples/page-286.txt) with the decisions a perfect analysis takes."""
    texts = (SAMPLES / "page-286.txt").read_text(encoding="utf-8").split("\n")
    if texts and texts[-1] == "":
        texts.pop()
    starts = {2, 5, 26}
    joins = {27, 28, 33}
    lines = []
    for i, text in enumerate(texts):
        if i == 0:
            role = Role.HEADER
        elif not text.strip():
            role = Role.BLANK
        elif i >= 33:
            role = Role.FOOTNOTE
        else:
            role = Role.BODY
        lines.append(Line(text, role=role, paragraph_start=i in starts,
                          hyphen=Hyphen.JOIN if i in joins else None,
                          hyphen_rule="hand" if i in joins else None))
    notes = (
        Footnote("1", tuple(range(33, 40)), anchor=Anchor(3, 4, 5), label_end=3),
        Footnote("2", (41, 42), anchor=Anchor(24, 9, 10), label_end=3),
    )
    seed = Page(tuple(lines), number="286", number_line=0, number_span=(0, 3),
                running_title='" THE TILSIT PEACE "', footnotes=notes)
    meta = Metadata(title="The Tilsit Peace (seed page)", source="samples/page-286.txt")
    return Book(pages=(seed,), metadata=meta, language="en")


def outline_book() -> Book:
    """One page of nested headings: a chapter whose heading is a label and a title, its
    section with a subsection, a second chapter; prose under each."""
    chapter1 = Heading(level=1, kind="chapter", n="1", rule="book")
    section = Heading(level=2, kind="section", n="1", rule="book")
    sub = Heading(level=3, kind="section", n="a", rule="convention", certain=False)
    chapter2 = Heading(level=1, kind="chapter", n="2", rule="book")
    prose = [("Der Monarch ist das oberste Organ", B, {"paragraph_start": True}),
             ("des Staats.", B)]
    return Book(pages=(page(
        [("ERSTES CAPITEL.", H, {"paragraph_start": True, "heading": chapter1}),
         ("Der Monarch.", H, {"heading": chapter1}), *prose,
         ("1. Inhalt des Rechts.", H, {"paragraph_start": True, "heading": section}),
         ("a) Die Institution.", H, {"paragraph_start": True, "heading": sub}), *prose,
         ("ZWEITES CAPITEL.", H, {"paragraph_start": True, "heading": chapter2}),
         ("Die Stände.", H, {"heading": chapter2}), *prose],
        number="71"),), metadata=Metadata(title="Staatsrecht", source="outline.txt"))


def documents_book() -> Book:
    """A title page, a letter (heading, dateline, salutation, text, closing, signature),
    a numbered list and a stanza: every block that is not prose."""
    letter = Heading(level=1, kind="letter", n="1", rule="book")
    start = {"paragraph_start": True}
    title = page(
        [("Briefwechſel", B, {**start, "block": Block.TITLE}),
         ("zwiſchen Schiller und Goethe.", B, {"block": Block.TITLE}),
         ("Von", B, {**start, "block": Block.BYLINE}),
         ("Dr. Karl Muſter.", B, {"block": Block.BYLINE}),
         ("Erſter Band.", B, {**start, "block": Block.TITLE_PAGE}),
         ("Stuttgart, 1828.", B, {**start, "block": Block.IMPRINT}),
         ("Das Recht der Ueberſetzung wird vorbehalten.", B, start)],
    )
    body = page(
        [("1. An Goethe.", H, {**start, "heading": letter}),
         ("Weimar, den 3. März 1801.", B, {**start, "block": Block.DATELINE}),
         ("Lieber Freund!", B, {**start, "block": Block.SALUTE}),
         ("Ich ſende Ihnen hier die Bogen, und bitte", B, start),
         ("Sie um Ihre Meinung. Es ſind folgende:", B),
         ("1. Die Vorrede.", B, {**start, "block": Block.ITEM, "label_end": 3}),
         ("2. Das erſte Buch, welches noch", B, {**start, "block": Block.ITEM, "label_end": 3}),
         ("der Durchſicht bedarf.", B, {"block": Block.ITEM}),
         ("Der Mond iſt aufgegangen,", B, {**start, "block": Block.VERSE}),
         ("Die goldnen Sternlein prangen.", B, {"block": Block.VERSE}),
         ("Ihr ergebenſter", B, {**start, "block": Block.SALUTE}),
         ("Schiller.", B, {**start, "block": Block.SIGNED})],
        number="3",
    )
    return Book(pages=(title, body), metadata=Metadata(source="letters.txt"))


def history_book() -> Book:
    """Three hand-made pages that exercise every writer feature: a head line split into
    number and title, a heading, every hyphen decision (one across the page break), a
    paragraph over two page breaks, a note anchored, one unsure, one unanchored, a note
    continued over the page, a signature and catchword, an inferred page number, a page
    number at the foot, a scanner line, an orphan footnote line."""
    p1 = page(
        [
            ("12          A HISTORY OF THINGS", Role.HEADER),
            ("", X),
            ("CHAPTER I", H, {"paragraph_start": True, "heading": CHAPTER_I}),
            ("The Beginning", H, {"heading": CHAPTER_I}),
            ("The story is a well-", B, {"paragraph_start": True, "hyphen": Hyphen.KEEP,
                                          "hyphen_rule": "vocabulary"}),
            ("known one, in which con-", B, {"hyphen": Hyphen.JOIN, "hyphen_rule": "vocabulary"}),
            ("flicting accounts* abound of Vater-", B, {"hyphen": Hyphen.SPACE,
                                                        "hyphen_rule": "conjunction"}),
            ("und Mutterrecht, all un-", B, {"hyphen": Hyphen.UNDECIDED}),
            ("clear at best, as the argu-", B, {"hyphen": Hyphen.JOIN,
                                                "hyphen_rule": "frequency"}),
            ("", X),
            ("* A note that goes on-", FN, {"hyphen": Hyphen.JOIN, "hyphen_rule": "patterns"}),
            ("B 2", Role.SIGNATURE),
            ("ment", Role.CATCHWORD),
        ],
        number="12", number_line=0, number_span=(0, 2), running_title="A HISTORY OF THINGS",
        footnotes=(Footnote("*", (10,), anchor=Anchor(6, 17, 18), label_end=2,
                            continues_on_next_page=True),),
    )
    p2 = page(
        [
            ("THINGS IN GENERAL", Role.RUNNING_TITLE),
            ("ment goes on here.\u2020 And so", B),
            ("Second paragraph, line one.", B, {"paragraph_start": True}),
            ("", X),
            ("ward and ends here.", FN),
            ("\u2020 An uncertain note.", FN),
            ("\u2021 A note without its mark.", FN),
            ("stray line of a note", FN),
        ],
        inferred_number="13", running_title="THINGS IN GENERAL",
        footnotes=(
            Footnote(None, (4,), continued=True),
            Footnote("\u2020", (5,), anchor=Anchor(1, 18, 19, certain=False), label_end=2),
            Footnote("\u2021", (6,), label_end=2),
        ),
    )
    p3 = page(
        [
            ("it goes on without a break.", B),
            ("14", Role.PAGE_NUMBER),
            ("Digitized by Google", Role.FOOTER),
        ],
        number="14", number_line=1, number_span=(0, 2),
    )
    meta = Metadata(
        title="A History of Things", author="Anon.", publisher="Test Press, 1901",
        date="1901", handle="https://hdl.handle.net/2027/test.000",
        rights="Public Domain", source="history.txt", extra=(("digitizedBy", "Google"),),
    )
    return Book(pages=(p1, p2, p3), metadata=meta, language="en", notes_scheme="symbols")


GOLD_HYPHENS = {"join": Hyphen.JOIN, "keep": Hyphen.KEEP, "space": Hyphen.SPACE,
                "uncertain": Hyphen.UNDECIDED}


def gold_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """The records of a corpus gold file (one per page); the test is skipped without the
    shared corpus."""
    from conftest import shared

    path = shared(*path.relative_to(ROOT.parent / "shared").parts)
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]


def gold_book(path: Path) -> Book:
    """A Book holding the gold analysis of a corpus book: what a perfect engine decides."""
    roles = {role.value: role for role in Role}
    records = gold_records(path)
    pages = []
    for rec in records:
        hyphens = rec.get("hyphens") or {}
        lines = tuple(
            Line(text, role=roles.get(role, Role.BODY),
                 hyphen=GOLD_HYPHENS.get(hyphens.get(str(i), "")))
            for i, (text, role) in enumerate(zip(rec["lines"], rec["roles"], strict=True))
        )
        notes = []
        for fn in rec.get("footnotes") or []:
            a = fn.get("anchor")
            first = rec["lines"][fn["lines"][0]] if fn["lines"] else ""
            label = re.match(r"\s*[(\[]?" + re.escape(fn["marker"]) + r"[)\].]?\s*", first) \
                if fn.get("marker") else None
            notes.append(Footnote(fn.get("marker"), tuple(fn["lines"]), bool(fn.get("continued")),
                                  Anchor(a["line"], a["start"], a["end"]) if a else None,
                                  label.end() if label else 0))
        pages.append(Page(lines, number=rec.get("page_number"),
                          running_title=rec.get("running_title"), footnotes=tuple(notes)))
    return Book(pages=tuple(pages), metadata=Metadata(title=path.stem, source=str(path)))


# -- reading the TEI back ---------------------------------------------------------------


@dataclass
class Rebuilt:
    """One page read back from the TEI."""

    text: list[str] = field(default_factory=list)  # running-text lines, marks put back
    furniture: list[str] = field(default_factory=list)  # fw contents, in order
    notes: list[list[str]] = field(default_factory=list)  # each note's lines, label first
    margins: list[str] = field(default_factory=list)  # marginal notes' lines, in order


LAYOUT_END = re.compile(r"\n[ \t]*$")
"""What the TEI's layout adds after a printed line: its newline and the next indentation."""


def rebuild(tei: bytes) -> list[Rebuilt]:
    """The printed text of every page, read back from a TEI document of ours."""
    root = etree.fromstring(tei)
    pages: list[Rebuilt] = []
    body = root.find(f"{TEI}text")  # the front (a title page) and the body
    assert body is not None

    def add(text: str | None) -> None:
        if text and pages and pages[-1].text:
            pages[-1].text[-1] += text
        elif text and text.strip():
            raise AssertionError(f"text outside any line: {text!r}")

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{TEI}pb":
                pages.append(Rebuilt())
            elif tag == f"{TEI}fw":  # a title's one form (choice/reg) is no printed text
                orig = child.find(f"{TEI}choice/{TEI}orig")
                pages[-1].furniture.append((orig if orig is not None else child).text or "")
            elif tag == f"{TEI}lb":
                pages[-1].text.append("")
            elif tag == f"{TEI}pc":
                add(child.text)
            elif tag == f"{TEI}note" and child.get("place") == "margin":
                pages[-1].margins.extend(note_lines(child))
            elif tag == f"{TEI}note":
                if child.get("anchored") != "false":
                    add(child.get("n"))
                pages[-1].notes.append(note_lines(child))
            else:
                add(child.text)
                walk(child)
            add(child.tail)

    walk(body)
    for page in pages:  # the layout white space: a newline before each lb, indentation
        page.text = [LAYOUT_END.sub("", line) for line in page.text]
    return pages


def note_lines(note: etree._Element) -> list[str]:
    """A note's printed lines: each lb starts one; label and pc are printed text."""
    lines: list[str] = []
    assert not (note.text or "").strip(), "note text before its first lb"
    for child in note:
        if child.tag == f"{TEI}lb":
            lines.append("")
        else:
            lines[-1] += child.text or ""
        lines[-1] += child.tail or ""
    return lines


def squeeze(text: str) -> str:
    """The text without white space: what losslessness is checked on."""
    return "".join(text.split())


def assert_lossless(book: Book, tei: bytes) -> None:
    """Every non-white character of every input line is in the TEI, where it belongs:
    running-text lines one for one and in order (marks back in place), furniture in order,
    every note's lines in order, stray note lines; nothing else."""
    from layout.writers.tei_header import xml_text

    rebuilt = rebuild(tei)
    assert len(rebuilt) == len(book.pages)
    for p, (page, back) in enumerate(zip(book.pages, rebuilt, strict=True)):
        in_note = {i for fn in page.footnotes for i in fn.lines}
        text, furniture, note_lines_in, margins = [], [], [], []
        for i, line in enumerate(page.lines):
            printed = squeeze(xml_text(line.text))
            if not printed:
                continue
            if i in in_note or line.role is Role.FOOTNOTE:
                note_lines_in.append(printed)
            elif line.role in FURNITURE:
                furniture.append(printed)
            elif line.role is Role.MARGINAL:
                margins.append(printed)
            else:
                text.append(printed)
        assert [squeeze(t) for t in back.text] == text, f"page {p + 1}: running text"
        assert [squeeze(m) for m in back.margins if squeeze(m)] == margins, (
            f"page {p + 1}: marginal notes"
        )
        assert "".join(squeeze(f) for f in back.furniture) == "".join(furniture), (
            f"page {p + 1}: furniture"
        )
        out_notes = [[squeeze(x) for x in note if squeeze(x)] for note in back.notes]
        assert sorted(x for note in out_notes for x in note) == sorted(note_lines_in), (
            f"page {p + 1}: note lines"
        )
        for fn in page.footnotes:
            want = [squeeze(xml_text(page.lines[i].text)) for i in fn.lines]
            want = [w for w in want if w]
            assert want in out_notes, f"page {p + 1}: note {fn.marker} lines out of order"


# -- TEI checks shared by the TEI tests ---------------------------------------------------


def xp(el: etree._Element, path: str) -> list:  # type: ignore[type-arg]
    """XPath with the TEI namespace bound to `t`."""
    return el.xpath(path, namespaces=NS)  # type: ignore[no-any-return]


def assert_valid(schema: etree.RelaxNG, data: bytes) -> None:
    """Valid against `schema`, xml:ids unique, every next/prev pointing at one of them."""
    doc = etree.fromstring(data)
    assert schema.validate(doc), str(schema.error_log.last_error)
    ids = xp(doc, "//@xml:id")
    assert len(ids) == len(set(ids)), "xml:id values repeat"
    for ref in xp(doc, "//t:note/@next | //t:note/@prev"):
        assert ref[1:] in ids, f"{ref} points nowhere"


def layout_rng() -> etree.RelaxNG:
    """Our schema of the TEI we write."""
    return etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "tei-layout.rng")))


def pipeline(path: Path) -> tuple[Book, bytes]:
    """The book read and analysed by the whole pipeline, and its TEI."""
    from conftest import shared

    from layout.passes import analyse
    from layout.readers import read_file
    from layout.writers import tei

    if not path.is_relative_to(SAMPLES):
        path = shared(*path.relative_to(ROOT.parent / "shared").parts)
    book = analyse(read_file(path.read_bytes(), str(path)))
    return book, tei.write(book)
