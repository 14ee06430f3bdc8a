"""The PDF we write, opened again: fonts, structure, text, geometry, labels, outline, PDF/A."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import replace

import pikepdf
import pypdf
import pytest
from conftest import ROOT
from pikepdf import pdfa
from typeset_fixtures import SEED, composed, gold_book, laband, shown_strings, typeset_words

from layout.model import Book
from layout.typeset.compose import compose
from layout.typeset.facsimile import HEADING_SCALE
from layout.typeset.pages import Style, TypesetBook
from layout.writers import pdf
from layout.writers.text import write as reading_text

STYLE = Style()
TEXT_SIZES = (STYLE.size, *(STYLE.size * f for f in HEADING_SCALE.values()))
"""The body's size and the headings' sizes by level."""


@pytest.fixture(scope="module")
def facsimile() -> tuple[TypesetBook, bytes]:
    typeset = composed("facsimile")
    return typeset, pdf.render(typeset)


@pytest.fixture(scope="module")
def reflow() -> tuple[TypesetBook, bytes]:
    typeset = composed("reflow", 20)
    return typeset, pdf.render(typeset)


def extracted_lines(data: bytes) -> list[list[str]]:
    """Per page, the lines of text pypdf extracts at the body's and the headings' sizes,
    top to bottom."""
    out: list[list[str]] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        rows: dict[float, list[str]] = defaultdict(list)

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: object,
            size: float,
            rows: dict[float, list[str]] = rows,
        ) -> None:
            if text.strip() and any(abs(size - t) < 0.01 for t in TEXT_SIZES):
                rows[round(tm[5], 2)].append(text)

        page.extract_text(visitor_text=visit)
        out.append(["".join(rows[y]) for y in sorted(rows, reverse=True)])
    return out


def model_lines(typeset: TypesetBook) -> list[list[str]]:
    return [
        [it.text for it in page.items if it.kind in ("body", "head")] for page in typeset.pages
    ]


def test_the_file_passes_a_structural_check(facsimile: tuple[TypesetBook, bytes]) -> None:
    _, data = facsimile
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.check_pdf_syntax() == []
        assert len(doc.pages) == 120


def test_every_font_is_embedded_and_subset(facsimile: tuple[TypesetBook, bytes]) -> None:
    _, data = facsimile
    seen = 0
    with pikepdf.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            for font in page.Resources.Font.values():
                assert font.Subtype == "/TrueType"
                assert "/FontFile2" in font.FontDescriptor
                assert str(font.BaseFont)[7] == "+"  # a subset's tag: ABCDEF+Name
                seen += 1
    assert seen >= 120


def test_extracted_text_is_the_reading_text_word_for_word(
    facsimile: tuple[TypesetBook, bytes],
) -> None:
    typeset, data = facsimile
    assert extracted_lines(data) == model_lines(typeset)
    assert typeset_words(typeset) == reading_text(laband()).decode("utf-8").split()
    text = "".join(line for page in extracted_lines(data) for line in page)
    assert not any("\ue000" <= ch <= "\uf8ff" or "\ufb00" <= ch <= "\ufb06" for ch in text)


def test_reflowed_text_is_extracted_line_for_line(reflow: tuple[TypesetBook, bytes]) -> None:
    typeset, data = reflow
    assert extracted_lines(data) == model_lines(typeset)


def test_no_glyph_stands_outside_the_text_block(
    facsimile: tuple[TypesetBook, bytes], reflow: tuple[TypesetBook, bytes]
) -> None:
    for typeset, data in (facsimile, reflow):
        for page, shown in zip(typeset.pages, shown_strings(data), strict=True):
            x0, y0, x1, y1 = page.block
            for s in shown:
                if s.size == STYLE.margin_size:  # "[286]" in the outer margin
                    assert s.x >= 0 and s.x + s.width <= page.width
                    continue
                assert x0 - 0.01 <= s.x and s.x + s.width <= x1 + 0.01, s
                assert y0 <= s.y <= y1, s


def test_page_labels_are_the_printed_numbers(facsimile: tuple[TypesetBook, bytes]) -> None:
    _, data = facsimile
    labels = pypdf.PdfReader(io.BytesIO(data)).page_labels
    assert labels == [p.number for p in laband().pages]


def test_roman_and_missing_numbers_make_labels_too() -> None:
    assert pdf.label_style("xii") == ("r", 12, None)
    assert pdf.label_style("286") == ("D", 286, None)
    assert pdf.label_style("[3]") == (None, None, "[3]")
    seed = gold_book(SEED).pages[0]
    numbers = ["xi", "xii", None, "1", "2", "5", "A3"]
    book = Book(pages=tuple(replace(seed, number=n) for n in numbers), language="en")
    data = pdf.write(book)
    labels = pypdf.PdfReader(io.BytesIO(data)).page_labels
    assert labels == ["xi", "xii", "", "1", "2", "5", "A3"]


def test_title_author_and_outline(facsimile: tuple[TypesetBook, bytes]) -> None:
    typeset, data = facsimile
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == typeset.title
    assert [item.title for item in reader.outline] == [e.title for e in typeset.outline]
    first = typeset.outline[0]
    assert reader.get_destination_page_number(reader.outline[0]) == first.page


def test_pdf_a_passes_the_pdf_a_2b_rules_and_says_so() -> None:
    book = laband()
    book = Book(pages=book.pages[:6], metadata=book.metadata, language="de")
    data = pdf.write(book, pdf_a=True)
    report = pdfa.validate_written(io.BytesIO(data), "2b")
    assert report.passed, report.findings
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.Root.OutputIntents[0].S == "/GTS_PDFA1"
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == book.metadata.title
        assert len(doc.Root.Outlines.keys()) > 0


def test_plain_output_is_not_claimed_as_pdf_a() -> None:
    data = pdf.write(gold_book(SEED))
    assert not pdfa.validate_written(io.BytesIO(data), "2b").passed


def test_write_reflows_onto_the_page_size_asked() -> None:
    data = pdf.write(gold_book(SEED), mode="reflow", page_size=(419.53, 595.28))
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((419.53, 595.28))
    words = " ".join(" ".join(p) for p in extracted_lines(data)).split()
    assert words[:4] == ["He", "returned", "to", "Moscow"]


def test_the_engine_s_own_analysis_typesets_end_to_end() -> None:
    from layout.passes import analyse
    from layout.readers import read_file

    path = ROOT / "samples" / "page-286.txt"
    book = analyse(read_file(path.read_bytes(), str(path)))
    for mode in ("facsimile", "reflow"):
        typeset = compose(book, mode)
        data = pdf.render(typeset)
        assert extracted_lines(data) == model_lines(typeset)
        assert typeset_words(typeset) == reading_text(book).decode("utf-8").split()


def test_kerned_ligatured_fallback_text_extracts_as_its_letters() -> None:
    from layout.model import Line, Page

    words = "Tower office ἔργον \u2016 flat"
    book = Book(pages=(Page(lines=(Line(words),)),), language="en")
    data = pdf.render(compose(book, "facsimile"))
    with pikepdf.open(io.BytesIO(data)) as doc:
        fonts = {str(f.BaseFont) for f in doc.pages[0].Resources.Font.values()}
        content = doc.pages[0].Contents.read_bytes()
    assert any("SourceSerifPro" in f for f in fonts) and any("Cardo" in f for f in fonts)
    assert b"] TJ" in content  # the kerns of "To", "we"
    body = [s for s in shown_strings(data)[0] if s.size == STYLE.size]
    assert "".join(s.text for s in body) == words
    extracted = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "office" in extracted and "flat" in extracted


def test_the_outline_nests_headings_by_their_level() -> None:
    from layout.model import Heading, Line, Page, Role

    def head(text: str, level: int) -> Line:
        return Line(text, role=Role.HEADING, paragraph_start=True, heading=Heading(level))

    lines = (
        head("Erstes Buch", 1), Line("Text des Buches.", paragraph_start=True),
        head("Erstes Kapitel", 2), Line("Text des Kapitels.", paragraph_start=True),
        head("Zweites Kapitel", 2), Line("Mehr Text.", paragraph_start=True),
    )
    book = Book(pages=(Page(lines=lines),), language="de")
    data = pdf.render(compose(book, "facsimile"))
    with pikepdf.open(io.BytesIO(data)) as doc, doc.open_outline() as outline:
        (top,) = outline.root
        assert top.title == "Erstes Buch"
        assert [child.title for child in top.children] == ["Erstes Kapitel", "Zweites Kapitel"]
