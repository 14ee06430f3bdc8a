"""The TEI writer's promises on whole books: lossless (every printed character back from
the TEI), valid against our schema and tei_all, whatever the passes decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared
from lxml import etree
from writer_fixtures import (
    CORPUS,
    SAMPLES,
    TEI,
    assert_lossless,
    assert_valid,
    documents_book,
    history_book,
    layout_rng,
    outline_book,
    pipeline,
    rebuild,
    seed_book,
    xp,
)

from layout.model import Anchor, Book, Footnote, Hyphen, Line, Page, Role
from layout.writers import tei


@pytest.fixture(scope="module")
def layout_schema() -> etree.RelaxNG:
    return layout_rng()


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official tei_all schema, compiled once per session (it takes ~13 s)."""
    return etree.RelaxNG(etree.parse(str(shared("tei", "tei_all.rng"))))


# -- lossless -------------------------------------------------------------------------


def test_lossless_on_hand_built_books() -> None:
    for book in (history_book(), seed_book(), outline_book(), documents_book()):
        assert_lossless(book, tei.write(book))


def test_lossless_rebuild_finds_a_dropped_character() -> None:
    book = seed_book()
    data = tei.write(book).replace(b"embittered", b"embitered")
    with pytest.raises(AssertionError):
        assert_lossless(book, data)


def test_lossless_rebuild_puts_marks_back() -> None:
    back = rebuild(tei.write(seed_book()))[0]
    assert "man.1" in back.text and "observer.2" in back.text
    assert back.furniture == ["286", '" THE TILSIT PEACE "']


def test_lossless_on_the_seed_through_the_pipeline() -> None:
    book, data = pipeline(SAMPLES / "page-286.txt")
    assert_lossless(book, data)


def test_seed_through_the_pipeline_has_its_notes_after_man_and_observer() -> None:
    _, data = pipeline(SAMPLES / "page-286.txt")
    doc = etree.fromstring(data)
    for n, before in (("1", "man."), ("2", "observer.")):
        note = xp(doc, f"//t:body//t:note[@n='{n}']")
        assert len(note) == 1 and note[0].getprevious().tail == before


@pytest.mark.parametrize("name", ["en/tpus22.txt", "en/fshs1908h.txt", "dta/laband1876.txt"])
def test_lossless_on_corpus_books_through_the_pipeline(name: str) -> None:
    book, data = pipeline(CORPUS / name)
    assert_lossless(book, data)
    assert len(etree.fromstring(data).findall(f".//{TEI}pb")) == len(book.pages)


def test_lossless_through_the_command_line(tmp_path: Path) -> None:
    from layout.cli import main

    path = shared("corpus", "en", "tpus22.txt")
    out = tmp_path / "tpus22.tei.xml"
    assert main(["convert", str(path), "--tei", str(out), "-q"]) == 0
    book, _ = pipeline(path)
    assert_lossless(book, out.read_bytes())


# -- validity -------------------------------------------------------------------------


def test_hand_built_books_valid_against_our_schema(layout_schema: etree.RelaxNG) -> None:
    for book in (history_book(), seed_book(), outline_book(), documents_book()):
        assert_valid(layout_schema, tei.write(book))


def test_hand_built_books_valid_against_tei_all(tei_all: etree.RelaxNG) -> None:
    for book in (history_book(), seed_book(), outline_book(), documents_book()):
        assert_valid(tei_all, tei.write(book))


@pytest.mark.parametrize(
    "name",
    ["seed/page-286.txt", "en/tpus22.txt", "en/fshs1908h.txt", "dta/dilthey1883.txt",
     "dta/heffter1844.txt", "dta/laband1876.txt"],
)
def test_pipeline_output_valid_against_our_schema_and_tei_all(
    name: str, layout_schema: etree.RelaxNG, tei_all: etree.RelaxNG
) -> None:
    _, data = pipeline(CORPUS / name)
    assert_valid(layout_schema, data)
    assert_valid(tei_all, data)


# -- robustness: whatever the passes decide, the TEI stays valid and lossless ----------

WORDS = ["Text", "con-", "well-", "man.1", "*)", "\u00b9", "12", "xiv", "\u2e17", "a\x01b",
         "  ", "", "Vater-", "\u00ac", "<&>", "\"q\"", "\u2020"]


def random_book(seed: int) -> Book:
    """A book of random lines, roles and decisions, keeping the model's invariants (a note's
    lines exist and belong to no other note), anchors and spans allowed to be wrong."""
    import random

    rnd = random.Random(seed)
    roles = list(Role)
    pages = []
    for _ in range(rnd.randint(1, 4)):
        n = rnd.randint(0, 8)
        lines = tuple(
            Line(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 4))),
                 role=rnd.choice(roles),
                 hyphen=rnd.choice([None, None, *Hyphen]),
                 paragraph_start=rnd.random() < 0.3)
            for _ in range(n)
        )
        free = list(range(n))
        rnd.shuffle(free)
        notes = []
        while free and rnd.random() < 0.6:
            take = sorted(free[: rnd.randint(1, 2)])
            free = free[len(take):]
            anchor = None
            if n and rnd.random() < 0.7:
                at = rnd.randrange(n)
                start = rnd.randint(0, len(lines[at].text) + 2)
                anchor = Anchor(at, start, start + rnd.randint(0, 3), rnd.random() < 0.7)
            notes.append(Footnote(rnd.choice([None, "1", "*", " 2 "]), tuple(take),
                                  continued=rnd.random() < 0.3, anchor=anchor,
                                  label_end=rnd.randint(0, 4),
                                  continues_on_next_page=rnd.random() < 0.3))
        at = rnd.randrange(n) if n else None
        pages.append(Page(lines, number=rnd.choice([None, "12", "xiv"]),
                          inferred_number=rnd.choice([None, "13"]), number_line=at,
                          number_span=(rnd.randint(0, 3), rnd.randint(0, 6)) if at else None,
                          footnotes=tuple(notes)))
    return Book(pages=tuple(pages), language=rnd.choice([None, "de", "en-GB", "??"]))


def test_random_books_valid_and_lossless(layout_schema: etree.RelaxNG) -> None:
    for seed in range(300):
        book = random_book(seed)
        data = tei.write(book)
        assert_valid(layout_schema, data)
        assert_lossless(book, data)


def test_random_books_valid_against_tei_all(tei_all: etree.RelaxNG) -> None:
    for seed in range(40):
        assert_valid(tei_all, tei.write(random_book(seed)))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'type="sig"', b'type="signature"'),  # fw types are TEI's words
        (b'place="bottom"', b'place="margin"'),
        (b'<pc force="weak">', b"<pc>"),  # a hyphen says what it is
        (b'<note place="foot" n="*"', b'<note place="end" n="*"'),
        (b'<lb break="no"/>', b'<lb break="maybe"/>'),
    ],
)
def test_our_schema_is_tight(layout_schema: etree.RelaxNG, old: bytes, new: bytes) -> None:
    """Our schema documents what we write: a small change to a good document breaks it."""
    data = tei.write(history_book())
    assert old in data
    assert layout_schema.validate(etree.fromstring(data))
    assert not layout_schema.validate(etree.fromstring(data.replace(old, new, 1)))


def test_our_schema_wants_heads_before_paragraphs(layout_schema: etree.RelaxNG) -> None:
    doc = etree.fromstring(tei.write(history_book()))
    div = doc.find(f".//{TEI}div")
    assert div is not None
    etree.SubElement(div, f"{TEI}head")  # a head after the paragraphs
    assert not layout_schema.validate(doc)
