"""The book face: packaged TrueType files, ReportLab-exact widths, glyph gaps and fallbacks."""

from __future__ import annotations

import struct
import unicodedata

import pytest

from layout.typeset.fonts import LETTERS_OF, book_faces, describe, face_chain, metrics
from layout.typeset.shaping import Typeface, kerned_pairs

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


def test_fallback_faces_come_from_packages_and_are_truetype() -> None:
    for style in ("regular", "italic", "bold"):
        chain = face_chain(style)
        assert chain[0] == book_faces().get(style)
        for face in chain[1:]:
            data = face.path.read_bytes()
            assert "fontpkg_" in str(face.path) and data[:4] == b"\x00\x01\x00\x00"


def test_what_the_book_face_lacks_comes_from_a_fallback_face() -> None:
    face = Typeface("regular")
    for text in ("ἔργον", "\u2016", "wu\u0364rde", "deꝛ"):
        runs = face.shape(text)
        assert "".join(g.text for g in runs) == unicodedata.normalize("NFC", text)
        assert any(g.face > 0 for g in runs), text
    assert face.replaced == set() and face.missing == set()
    italic = Typeface("italic")
    assert all(g.face > 0 for g in italic.shape("λόγος"))  # the italic has no Greek


def test_no_stand_in_is_drawn_and_gaps_are_reported() -> None:
    face = Typeface("regular")
    runs = face.shape("a \u266e b")  # a music natural: no face has it
    drawn = "".join(g.text for g in runs)
    assert drawn == "a  b" and "?" not in drawn
    assert face.missing == {"\u266e"}
    assert describe(face.missing) == "U+266E MUSIC NATURAL SIGN"
    ditto = Typeface("regular")
    assert "".join(g.text for g in ditto.shape("\u3003")) == "\u2033"
    assert ditto.replaced == {"\u3003"} and ditto.missing == set()


def test_kerning_from_the_faces_pairs_narrows_capitals() -> None:
    face = Typeface("regular")
    plain = metrics(book_faces().regular)
    for pair in ("To", "AV", "Ty"):
        assert face.units(pair) < plain.units(pair), pair
        assert kerned_pairs(pair, "regular") == 1
    assert kerned_pairs("mm", "regular") == 0
    (glyphs,) = face.shape("Tower")
    assert face.units("Tower") == pytest.approx(plain.units(glyphs.text) + sum(glyphs.kerns))


def test_standard_ligatures_are_formed_and_measured_as_drawn() -> None:
    face = Typeface("regular")
    (glyphs,) = face.shape("office fly")[:1]
    assert glyphs.text == "o\ufb03ce \ufb02y"
    assert LETTERS_OF["\ufb03"] == "ffi"
    assert face.width("of fice", 10) > face.width("office", 10)


def test_marks_the_face_draws_superior_stay_on_the_baseline() -> None:
    face = Typeface("regular")
    assert face.superior("*")
    assert not face.superior("1") and not face.superior("\u2020") and not face.superior("a")
