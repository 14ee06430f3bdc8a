"""The book face: packaged TrueType files, ReportLab-exact widths, glyph gaps and fallbacks."""

from __future__ import annotations

import struct

import pytest

from layout.typeset.fonts import book_faces, drawable, metrics, missing_glyphs

# Trimmed from the corpus: a DTA line with a combining e above and r rotunda, an English line.
GERMAN = "Die Geſchäfts-Inſtruktion, deren Erlaß durch einen Beſchluß des Bundesrathes"
OLD_GERMAN = "ſo wuͤrde der Koͤnig deꝛ Stadt 〃"
ENGLISH = "toward Russia ; she was still groping in a tangle of con-"


def sfnt_tables(data: bytes) -> set[bytes]:
    """The table tags of an sfnt font file."""
    count = struct.unpack(">H", data[4:6])[0]
    return {data[12 + 16 * i : 16 + 16 * i] for i in range(count)}


@pytest.mark.parametrize("style", ["regular", "italic", "bold"])
def test_faces_are_truetype_files_from_the_package(style: str) -> None:
    face = book_faces().get(style)
    data = face.path.read_bytes()
    assert "font_source_serif_pro" in str(face.path)
    assert data[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF ("OTTO")
    assert b"glyf" in sfnt_tables(data) and b"CFF " not in sfnt_tables(data)


def test_faces_differ() -> None:
    faces = book_faces()
    assert len({faces.regular.path, faces.italic.path, faces.bold.path}) == 3
    m_reg, m_bold = metrics(faces.regular), metrics(faces.bold)
    assert m_bold.width(ENGLISH, 10) != m_reg.width(ENGLISH, 10)


def test_width_matches_reportlab_and_scales() -> None:
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth

    m = metrics(book_faces().regular)
    registerFont(m.font)
    for text in (GERMAN, ENGLISH, "W", " "):
        assert m.width(text, 10.5) == pytest.approx(
            stringWidth(text, m.face.name, 10.5)
        )
        assert m.width(text, 21) == pytest.approx(2 * m.width(text, 10.5))
    assert m.width("ab", 10) == pytest.approx(m.width("a", 10) + m.width("b", 10))
    assert 0 < m.width(" ", 10) < m.width("n", 10)


def test_glyph_coverage() -> None:
    faces = book_faces()
    reg, it = metrics(faces.regular), metrics(faces.italic)
    assert all(reg.has_glyph(ch) for ch in GERMAN + ENGLISH)
    assert reg.has_glyph("ε") and not it.has_glyph("ε")  # the italic has no Greek
    assert not reg.has_glyph("\u0364")
    assert missing_glyphs(GERMAN + ENGLISH, faces.regular) == set()
    assert missing_glyphs(OLD_GERMAN, faces.regular) == {"\u0364", "\ua75b", "\u3003"}


def test_drawable_leaves_covered_text_alone() -> None:
    text = GERMAN + " " + ENGLISH
    assert drawable(text, book_faces().regular) == (text, set())


def test_drawable_replaces_gaps_and_reports_them() -> None:
    faces = book_faces()
    text, replaced = drawable(OLD_GERMAN, faces.regular)
    assert text == "ſo würde der König der Stadt \u2033"
    assert replaced == {"\u0364", "\ua75b", "\u3003"}
    greek, replaced = drawable("ἔργον", faces.regular)
    assert greek == "έργον" and replaced == {"ἔ"}
    m_it = metrics(faces.italic)
    text, replaced = drawable("λόγος und", faces.italic)
    assert all(m_it.has_glyph(ch) for ch in text)
    assert text.endswith(" und") and len(text) == len("λόγος und")
    assert replaced >= {"λ", "γ", "ς"}
