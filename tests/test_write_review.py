"""Review images: one PNG per page, the page's size scaled, each line's box in its role's
colour, uncertain decisions in red, the scan underneath when there is one."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from geometry_fixtures import BODY, NOTE, Sheet, book
from PIL import Image

from layout.cli import main
from layout.model import Anchor, Footnote, Hyphen, Role
from layout.passes import analyse
from layout.readers import read_file
from layout.writers import review

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {c for _, c in image.getcolors(maxcolors=1 << 20) or []}


def _pixels(png: bytes, colour: tuple[int, int, int]) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(n for n, c in image.getcolors(maxcolors=1 << 20) or [] if c == colour)


def test_one_image_per_page_with_roles_in_colour() -> None:
    sheet = Sheet()
    sheet.text(BODY)
    page = sheet.page()
    images = list(review.each_page(book(page, page)))
    assert len(images) == 2
    image = Image.open(io.BytesIO(images[0]))
    assert image.format == "PNG" and max(image.size) == review.SIDE
    assert abs(image.size[0] / image.size[1] - 1400 / 2200) < 0.01  # the page's shape
    assert review.COLOURS[Role.BODY] in _colours(images[0])


def test_uncertain_decisions_are_outlined_in_red() -> None:
    sheet = Sheet()
    sheet.text(BODY)
    page = sheet.page()
    sure = next(review.each_page(book(page)))
    lines = list(page.lines)
    lines[0] = replace(lines[0], hyphen=Hyphen.UNDECIDED)
    doubtful = next(review.each_page(book(replace(page, lines=tuple(lines)))))
    # (the legend shows the colour once on every page)
    assert _pixels(doubtful, review.UNCERTAIN) > _pixels(sure, review.UNCERTAIN) + 1000


def test_a_note_is_drawn_to_its_mark() -> None:
    sheet = Sheet()
    sheet.text(BODY)
    for t in NOTE:
        sheet.add(t, 200, 880, 28, "notes")
    page = sheet.page()
    lines = tuple(replace(line, role=Role.FOOTNOTE) if i >= 8 else line
                  for i, line in enumerate(page.lines))
    note = Footnote("*", (8, 9, 10, 11), anchor=Anchor(6, 49, 51))
    drawn = next(review.each_page(book(replace(page, lines=lines, footnotes=(note,)))))
    assert review.MARK_LINE in _colours(drawn)
    assert review.COLOURS[Role.FOOTNOTE] in _colours(drawn)


def test_the_scan_is_drawn_underneath(tmp_path: Path) -> None:
    Image.new("RGB", (1400, 2200), (10, 200, 30)).save(tmp_path / "scan.png")
    sheet = Sheet()
    sheet.text(BODY)
    page = replace(sheet.page(), image="scan.png")
    found = {p: (tmp_path / "scan.png").read_bytes() for p in (0,)}
    drawn = next(review.each_page(book(page), found.get))
    assert (10, 200, 30) in _colours(drawn)
    blank = next(review.each_page(book(page)))
    assert (10, 200, 30) not in _colours(blank)


def test_a_text_book_is_drawn_stacked() -> None:
    text = analyse(read_file(b"A first line\nand a second\n", "t.txt"))
    (image,) = review.each_page(text)
    assert Image.open(io.BytesIO(image)).size[1] > 100


def test_review_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "review"
    source = FIXTURES / "page/ocrd-gt-2019-marginalia.xml"
    assert main(["convert", str(source), "--review", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["review-0001.png"]
    assert review.COLOURS[Role.MARGINAL] in _colours((out / "review-0001.png").read_bytes())
