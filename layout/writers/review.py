"""Review images: every page drawn with what the engine decided about it, for an editor to
check at a glance.

In: an analysed Book (lines with boxes: OCR with geometry; a book without them is drawn
with its lines stacked down the page) and a function giving a page's scan (image bytes,
or None). Out: one PNG per page: the scan underneath (scaled), else a blank page of the
page's size; each line's box outlined in its role's colour; a line from each footnote to
its mark; at each line end the hyphen decision (`=` join, `-` keep, `_` space, `?`
undecided); every uncertain decision (an undecided break, a mark the engine is unsure
of) outlined in red; a legend in the lower left corner. Pages are drawn at most `SIDE`
pixels high or wide, so a book of large scans still draws fast.

Not handled: word boxes (lines only), polygons (a line is its upright box), text of the
lines (the scan shows it; a blank page shows none).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from layout.model import Book, Box, Hyphen, Line, Page, Role

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

SIDE = 1400
"""The longest side of a drawn page, in pixels."""
BLANK_SIZE = (1000, 1500)
"""The size of a page that names none and has no boxes to measure."""

COLOURS: dict[Role, tuple[int, int, int]] = {
    Role.BODY: (120, 120, 120),
    Role.HEADING: (30, 90, 200),
    Role.HEADER: (0, 150, 70),
    Role.PAGE_NUMBER: (0, 150, 70),
    Role.RUNNING_TITLE: (0, 150, 70),
    Role.SIGNATURE: (0, 140, 160),
    Role.CATCHWORD: (0, 140, 160),
    Role.FOOTER: (150, 100, 40),
    Role.SEPARATOR: (150, 100, 40),
    Role.FOOTNOTE: (230, 130, 0),
    Role.MARGINAL: (150, 40, 180),
}
"""The outline of each role (blank lines are not drawn)."""
LEGEND = (
    ("text", Role.BODY), ("heading", Role.HEADING), ("folio, running title", Role.HEADER),
    ("signature, catchword", Role.SIGNATURE), ("footnote", Role.FOOTNOTE),
    ("marginal note", Role.MARGINAL), ("footer, rule", Role.FOOTER),
)
UNCERTAIN = (220, 0, 0)
MARK_LINE = (230, 130, 0)
HYPHEN_SIGNS = {Hyphen.JOIN: "=", Hyphen.KEEP: "-", Hyphen.SPACE: "_", Hyphen.UNDECIDED: "?"}
STACKED = 40
"""The line pitch of a page drawn without boxes, in its own pixels."""

Scan = Callable[[int], bytes | None]
"""A page's scan by page index: the image file's bytes, or None."""


def _size(page: Page) -> tuple[int, int]:
    """The page's size in its own pixels: the source's, else around its boxes."""
    boxes = [line.box for line in page.lines if line.box is not None]
    width = page.width or max((b.x1 for b in boxes), default=0) + 50
    height = page.height or max((b.y1 for b in boxes), default=0) + 50
    if not boxes and not (page.width and page.height):
        return BLANK_SIZE[0], max(BLANK_SIZE[1], STACKED * (len(page.lines) + 4))
    return max(1, width), max(1, height)


def _boxes(page: Page) -> list[Box | None]:
    """Each line's box; a page without boxes gets its lines stacked down the page."""
    if any(line.box is not None for line in page.lines):
        return [line.box for line in page.lines]
    return [Box(60, STACKED * (i + 2), 60 + 14 * max(1, len(line.text)),
                STACKED * (i + 2) + STACKED - 8) for i, line in enumerate(page.lines)]


def _canvas(page: Page, scan: bytes | None) -> tuple[Image.Image, float]:
    """The page's background and the scale from the page's pixels to the drawing's."""
    from PIL import Image

    width, height = _size(page)
    scale = min(1.0, SIDE / max(width, height))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if scan is not None:
        try:
            image = Image.open(io.BytesIO(scan))
            image.draft("RGB", size)  # JPEG decodes at a fraction of its size
            return image.convert("RGB").resize(size, Image.Resampling.BILINEAR), scale
        except (OSError, ValueError, Image.DecompressionBombError):
            pass  # an image Pillow cannot read: the blank page
    return Image.new("RGB", size, "white"), scale


def _scaled(box: Box, scale: float) -> tuple[float, float, float, float]:
    return box.x0 * scale, box.y0 * scale, box.x1 * scale, box.y1 * scale


def _mark_point(line: Line, box: Box, start: int, scale: float) -> tuple[float, float]:
    """Where a mark at character `start` of the line stands: its word's box, else the
    share of the line's width its characters take."""
    offset = 0
    for word in line.words:
        at = line.text.find(word.text, offset)
        if at < 0:
            break
        if at <= start < at + len(word.text) and word.box is not None:
            return (word.box.x1 * scale, word.box.y0 * scale)
        offset = at + len(word.text)
    share = start / max(1, len(line.text))
    return ((box.x0 + share * box.width) * scale, box.y0 * scale)


def _legend(draw: ImageDraw.ImageDraw, height: int) -> None:
    """The colours' key, in the page's lower left corner (where margins are widest)."""
    x, y = 8, max(8, height - 16 * (len(LEGEND) + 2) - 12)
    draw.rectangle((x - 4, y - 4, x + 300, y + 16 * (len(LEGEND) + 2)), fill=(255, 255, 255))
    for name, role in LEGEND:
        draw.rectangle((x, y + 3, x + 18, y + 12), outline=COLOURS[role], width=2)
        draw.text((x + 26, y), name, fill=(0, 0, 0))
        y += 16
    draw.rectangle((x, y + 3, x + 18, y + 12), outline=UNCERTAIN, width=2)
    draw.text((x + 26, y), "uncertain", fill=(0, 0, 0))
    draw.text((x, y + 16), "line end: = join  - keep  _ space  ? undecided", fill=(0, 0, 0))


def draw_page(page: Page, scan: bytes | None = None) -> Image.Image:
    """One page drawn with its decisions."""
    from PIL import ImageDraw

    image, scale = _canvas(page, scan)
    draw = ImageDraw.Draw(image)
    boxes = _boxes(page)
    uncertain: list[Box] = []
    for line, box in zip(page.lines, boxes, strict=True):
        if box is None or line.role is Role.BLANK:
            continue
        draw.rectangle(_scaled(box, scale), outline=COLOURS.get(line.role, (0, 0, 0)), width=2)
        if line.hyphen is not None:
            draw.text((box.x1 * scale + 3, box.y0 * scale), HYPHEN_SIGNS[line.hyphen],
                      fill=UNCERTAIN if line.hyphen is Hyphen.UNDECIDED else (0, 0, 0))
            if line.hyphen is Hyphen.UNDECIDED:
                uncertain.append(box)
    for note in page.footnotes:
        anchor = note.anchor
        if anchor is None or not note.lines or not 0 <= anchor.line < len(page.lines):
            continue
        first, mark_box = boxes[note.lines[0]], boxes[anchor.line]
        if first is None or mark_box is None:
            continue
        point = _mark_point(page.lines[anchor.line], mark_box, anchor.start, scale)
        draw.line((first.x0 * scale, first.y0 * scale, *point), fill=MARK_LINE, width=2)
        if not anchor.certain:
            uncertain.append(mark_box)
    for box in uncertain:
        x0, y0, x1, y1 = _scaled(box, scale)
        draw.rectangle((x0 - 3, y0 - 3, x1 + 3, y1 + 3), outline=UNCERTAIN, width=2)
    _legend(draw, image.height)
    return image


def each_page(book: Book, scan: Scan | None = None) -> Iterator[bytes]:
    """Every page as PNG bytes, in order (drawn one at a time)."""
    for p, page in enumerate(book.pages):
        image = draw_page(page, scan(p) if scan is not None else None)
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=1)
        yield out.getvalue()
