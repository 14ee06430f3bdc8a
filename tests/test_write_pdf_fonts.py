"""What the PDF writer relies on beneath ReportLab's documented API (`pdf_fonts`), checked
against the installed ReportLab: a release that changes any of it fails here first."""

from __future__ import annotations

import io

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from layout.model import Book, Line, Page
from layout.typeset.compose import compose
from layout.typeset.fonts import book_faces, metrics
from layout.typeset.pages import Placed, Run
from layout.writers import pdf
from layout.writers.pdf_fonts import ESCAPES, SubsetCodes, map_ligatures_to_letters


def _font_and_canvas() -> tuple[object, Canvas]:
    face = book_faces().regular
    font = pdf.register(face)
    return font, Canvas(io.BytesIO())


def _unescaped(literal: str) -> bytes:
    """The bytes of an escaped PDF string literal (as ESCAPES writes them)."""
    out = bytearray()
    k = 0
    while k < len(literal):
        ch = literal[k]
        if ch == "\\" and literal[k + 1].isdigit():
            out.append(int(literal[k + 1 : k + 4], 8))
            k += 4
        elif ch == "\\":
            out.append(ord(literal[k + 1]))
            k += 2
        else:
            out.append(ord(ch))
            k += 1
    return bytes(out)


def test_codes_are_those_reportlab_assigns_and_embeds() -> None:
    font, canvas = _font_and_canvas()
    codes = SubsetCodes(canvas)
    text = "Staat (und) Gesetz\\ \u017ftaat äöü"
    runs = codes.encode(font, text)  # type: ignore[arg-type]
    assert len(runs) == 1
    name, literal = runs[0]
    # the same document asked again gives the same codes: ReportLab's own assignment
    ((subset, data),) = font.splitString(text, canvas._doc)  # type: ignore[attr-defined]
    assert _unescaped(literal) == data
    assert name == font.getSubsetInternalName(subset, canvas._doc)  # type: ignore[attr-defined]


def test_space_is_code_32_in_every_subset() -> None:
    """Word spacing (`Tw`) applies to code 32 only: a space drawn in a later subset of the
    book face must still be code 32 there."""
    font, canvas = _font_and_canvas()
    codes = SubsetCodes(canvas)
    m = metrics(book_faces().regular)
    many = "".join(chr(c) for c in range(0x21, 0x2000) if m.has_glyph(chr(c)))[:600]
    codes.encode(font, many)  # type: ignore[arg-type]
    names = {name for name, _ in codes.encode(font, many)}  # type: ignore[arg-type]
    assert len(names) >= 2  # the text fills more than one subset
    assert codes.encode(font, " ") == [(min(names), " ")]  # type: ignore[arg-type]
    state = font.state[canvas._doc]  # type: ignore[attr-defined]
    for subset in state.subsets:
        assert subset[32] == 32


def test_escapes_cover_every_code() -> None:
    assert len(ESCAPES) == 256
    assert ESCAPES[ord("(")] == "\\(" and ESCAPES[ord("\\")] == "\\\\"
    assert ESCAPES[0] == "\\000" and ESCAPES[200] == "\\310" and ESCAPES[65] == "A"


def test_a_ligature_maps_back_to_its_letters_in_the_tounicode_cmap() -> None:
    book = Book(pages=(Page(lines=(Line("office of the first flat"),)),), language="en")
    data = pdf.render(compose(book, "facsimile"))
    with pikepdf.open(io.BytesIO(data)) as doc:
        cmaps = [
            f.ToUnicode.read_bytes().decode("latin-1")
            for f in doc.pages[0].Resources.Font.values()
            if "/ToUnicode" in f
        ]
    joined = "".join(cmaps)
    assert "<00660069>" in joined  # "fi" where the ligature's code stands
    assert "<FB01>" not in joined


def test_a_changed_cmap_form_is_refused_not_passed_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import ttfonts

    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", lambda name, subset: "changed")
    map_ligatures_to_letters()
    with pytest.raises(RuntimeError, match="ToUnicode"):
        ttfonts.makeToUnicodeCMap("F1", [0, 0xFB01])


def test_items_on_one_baseline_are_drawn_left_to_right() -> None:
    def placed(x: float, y: float, text: str) -> Placed:
        return Placed("running-head", x, y, (Run(x, text, "regular", 9.0),), 10.0, 2.5, 9.0)

    number, head, body = placed(300, 600, "31"), placed(100, 600, "Title"), placed(50, 580, "a")
    assert pdf.reading_order((number, head, body)) == [head, number, body]
    assert pdf.reading_order((body, head)) == [body, head]
