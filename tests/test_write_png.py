"""PNG previews: one image per page, its ink where the PDF page puts its text."""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from typeset_fixtures import SEED, composed, gold_book, shown_strings

from layout.typeset.compose import compose
from layout.typeset.fonts import book_faces, metrics
from layout.typeset.pages import TypesetPage
from layout.writers import pdf, png

DPI = 144.0
SCALE = DPI / 72.0


def ink_box(data: bytes) -> tuple[int, int, int, int]:
    """The bounding box of the dark pixels of a PNG (left, top, right, bottom)."""
    image = Image.open(io.BytesIO(data)).convert("L")
    box = ImageOps.invert(image).point(lambda v: 255 if v > 96 else 0).getbbox()
    assert box is not None
    return box


def pdf_text_box(data: bytes, page: int, height: float) -> tuple[float, float, float, float]:
    """The box (in preview pixels) the PDF page's strings span: origins to advances,
    baselines raised by the face's ascent and lowered by its descent."""
    m = metrics(book_faces().regular)
    shown = [s for s in shown_strings(data)[page] if s.text.strip()]
    left = min(s.x for s in shown)
    right = max(s.x + s.width for s in shown)
    top = max(s.y + m.ascent * s.size for s in shown)
    bottom = min(s.y + m.descent * s.size for s in shown)
    return left * SCALE, (height - top) * SCALE, right * SCALE, (height - bottom) * SCALE


def check_page(page: TypesetPage, image: bytes, data: bytes, index: int) -> None:
    size = Image.open(io.BytesIO(image)).size
    assert size == (round(page.width * SCALE), round(page.height * SCALE))
    ink = ink_box(image)
    left, top, right, bottom = pdf_text_box(data, index, page.height)
    tolerance = 2 * SCALE  # side bearings: a glyph's ink starts a little after its origin
    assert abs(ink[0] - left) <= tolerance and abs(ink[2] - right) <= tolerance, (ink, left, right)
    assert top - 1 <= ink[1] <= top + 4 * SCALE, (ink, top)
    assert bottom - 4 * SCALE <= ink[3] <= bottom + 1, (ink, bottom)


def test_one_png_per_page_with_the_page_proportions() -> None:
    book = gold_book(SEED)
    small = (300.0, 420.0)
    images = png.write(book, mode="reflow", page_size=small, dpi=DPI)
    typeset = compose(book, "reflow", small)
    assert len(images) == len(typeset.pages) >= 2
    for image in images:
        assert Image.open(io.BytesIO(image)).size == (round(300 * SCALE), round(420 * SCALE))


def test_the_preview_ink_matches_the_pdf_text_block() -> None:
    typeset = composed("facsimile", 6)
    data = pdf.render(typeset)
    images = png.render(typeset, dpi=DPI)
    for index in (0, 3, 5):  # pages with notes under their rule
        check_page(typeset.pages[index], images[index], data, index)


def test_the_preview_of_the_seed_page_matches_its_pdf() -> None:
    typeset = compose(gold_book(SEED), "facsimile")
    data = pdf.render(typeset)
    check_page(typeset.pages[0], png.render(typeset, dpi=DPI)[0], data, 0)


def test_each_line_of_the_preview_has_ink_on_its_baseline() -> None:
    typeset = compose(gold_book(SEED), "facsimile")
    page = typeset.pages[0]
    image = Image.open(io.BytesIO(png.render(typeset, dpi=DPI)[0])).convert("L")
    for item in page.items:
        if item.kind != "body":
            continue
        base = page.height - item.y
        rows = range(round((base - 5) * SCALE), round(base * SCALE))  # the x-height band
        x0, x1 = round(item.runs[0].x * SCALE), round((item.x + item.width) * SCALE)
        dark = [any(image.getpixel((x, y)) < 128 for y in rows) for x in range(x0, x1)]
        edge = round(2 * SCALE)  # ink starts and ends within 2 pt of the line's ends
        assert any(dark[:edge]) and any(dark[-edge:]), item.text
