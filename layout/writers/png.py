"""PNG previews of the re-typeset book, drawn with Pillow from the same page model as the PDF.

In: a Book after the passes (or a composed TypesetBook) and a resolution. Out: one PNG
per page (bytes), black text on white, drawn with the same TrueType files at the same
positions as the PDF: every glyph stands where the font's advances and kerning (the same
shaping, ligatures and fallback faces), the line's glyph scale and the model's word spacing
put it in the PDF (Pillow's own advances are hinted to whole
pixels, so glyphs are placed one by one; a glyph itself is drawn unscaled, a difference
under a pixel at preview sizes), and a preview's text block matches the PDF page's.

Not handled: anti-aliasing differences from a PDF viewer's rasteriser; colour.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from layout.model import Book
from layout.typeset.compose import compose
from layout.typeset.fonts import Face
from layout.typeset.pages import Placed, Style, TypesetBook, TypesetPage
from layout.typeset.shaping import Typeface

if TYPE_CHECKING:
    from PIL import Image, ImageFont

DEFAULT_DPI = 110.0
PHASES = 4
"""Glyphs are placed to a quarter of a pixel (each rendered at four sub-pixel offsets)."""


class _Glyphs:
    """Glyph images of the book's faces, rendered once per face, size and character.

    Each glyph is drawn by Pillow into a small mask with its offset from the origin on
    the baseline, then pasted where the model puts it: far cheaper than laying out every
    character anew, and the same pixels.
    """

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.faces = {style: Typeface(style) for style in ("regular", "italic", "bold")}
        self._fonts: dict[tuple[Face, float], ImageFont.FreeTypeFont] = {}
        self._glyphs: dict[tuple[Face, float, str, int], tuple[Image.Image | None, int, int]] = {}

    def font(self, face: Face, size: float) -> ImageFont.FreeTypeFont:
        from PIL import ImageFont

        key = (face, size)
        font = self._fonts.get(key)
        if font is None:
            path = str(face.path)
            font = ImageFont.truetype(
                path, size=max(1.0, size * self.scale), layout_engine=ImageFont.Layout.BASIC
            )
            self._fonts[key] = font
        return font

    def get(
        self, face: Face, size: float, ch: str, phase: int
    ) -> tuple[Image.Image | None, int, int]:
        """The glyph's mask (None for a blank glyph) drawn `phase / PHASES` of a pixel to the
        right of a whole pixel, and the mask's left and top offsets from that pixel."""
        from PIL import Image, ImageDraw

        key = (face, size, ch, phase)
        found = self._glyphs.get(key)
        if found is None:
            font = self.font(face, size)
            left, top, right, bottom = (int(v) for v in font.getbbox(ch, anchor="ls"))
            mask = None
            if right > left and bottom > top:
                mask = Image.new("L", (right - left + 1, bottom - top), 0)
                at = (-left + phase / PHASES, -top)
                ImageDraw.Draw(mask).text(at, ch, font=font, fill=255, anchor="ls")
            found = (mask, left, top)
            self._glyphs[key] = found
        return found


def draw_item(image: Image.Image, item: Placed, height: float, glyphs: _Glyphs) -> None:
    """Draw one placed line or rule; y is flipped (the model counts from the page's foot)."""
    from PIL import ImageDraw

    s = glyphs.scale
    if item.kind == "rule":
        y = (height - item.y) * s
        ImageDraw.Draw(image).line(
            [(item.x * s, y), ((item.x + item.width) * s, y)], fill=0,
            width=max(1, round(item.size * s)),
        )
        return
    for run in item.runs:
        typeface = glyphs.faces[run.face]
        y = round((height - item.y - run.rise) * s)
        x = run.x
        per_unit = run.size * 0.001 * item.scale
        for group in typeface.shape(run.text):
            face = typeface.faces[group.face]
            advances = typeface.shaper.metrics(group.face)
            for ch, kern in zip(group.text, group.kerns, strict=True):
                if ch == " ":
                    x += item.space
                    continue
                px = x * s
                whole = math.floor(px)
                mask, left, top = glyphs.get(face, run.size, ch, int((px - whole) * PHASES))
                if mask is not None:
                    image.paste(0, (whole + left, y + top), mask)
                x += (advances.units(ch) + kern) * per_unit


def render_page(
    page: TypesetPage, dpi: float = DEFAULT_DPI, glyphs: _Glyphs | None = None
) -> bytes:
    """One page as a greyscale PNG at `dpi`."""
    from PIL import Image

    scale = dpi / 72.0
    glyphs = glyphs or _Glyphs(scale)
    image = Image.new("L", (round(page.width * scale), round(page.height * scale)), 255)
    for item in page.items:
        draw_item(image, item, page.height, glyphs)
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False, dpi=(dpi, dpi))
    return buf.getvalue()


def render(
    typeset: TypesetBook, dpi: float = DEFAULT_DPI, pages: range | None = None
) -> list[bytes]:
    """PNGs of the composed book's pages (all, or the indexes in `pages`)."""
    return list(each_page(typeset, dpi, pages))


def each_page(
    typeset: TypesetBook, dpi: float = DEFAULT_DPI, pages: range | None = None
) -> Iterator[bytes]:
    """The PNGs of `render` one at a time, so a caller can write (and count) each page
    as it is drawn rather than hold the whole book's images."""
    glyphs = _Glyphs(dpi / 72.0)
    for i in pages if pages is not None else range(len(typeset.pages)):
        yield render_page(typeset.pages[i], dpi, glyphs)


def write(
    book: Book,
    mode: str = "facsimile",
    page_size: tuple[float, float] | None = None,
    dpi: float = DEFAULT_DPI,
    style: Style | None = None,
) -> list[bytes]:
    """The book re-typeset, one PNG per page (same composition as the PDF writer's)."""
    return render(compose(book, mode, page_size, style), dpi)
