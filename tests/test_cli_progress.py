"""Progress that tells the truth: counted in pages within every step (each pass,
typesetting, each drawing), a bar that ends on its own line, "1 page" not "1 pages"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

import layout
from layout.cli import main


class Spy:
    """A Progress that records what it hears."""

    def __init__(self) -> None:
        self.heard: list[tuple[str, list[int]]] = []

    def begin(self, step: str, pages: int) -> None:
        self.heard.append((step, []))

    def advance(self, pages: int = 1) -> None:
        self.heard[-1][1].append(pages)


def book_of(pages: int) -> str:
    return "\f".join(
        f"{n}\nThe river rose in the spring of that year and the mill stopped for\n"
        f"a month; nobody in the village remembered a flood of that height.\n"
        for n in range(1, pages + 1)
    )


@pytest.mark.parametrize("mode", ["facsimile", "reflow"])
def test_typesetting_and_drawing_count_page_by_page(mode: str) -> None:
    result = layout.convert(book_of(12), name="river.txt")
    spy = Spy()
    result.pdf(mode=mode, progress=spy)  # type: ignore[arg-type]
    images = list(result.png(mode=mode, dpi=20, progress=spy))  # type: ignore[arg-type]
    steps = dict(spy.heard[:2]) | {"png": spy.heard[-1][1]}
    assert [step for step, _ in spy.heard] == ["typesetting", "pdf", "png"]
    assert steps["typesetting"] == [1] * 12  # one report per source page, not one lump
    assert steps["pdf"] == [1] * len(images) and steps["png"] == [1] * len(images)


def test_the_bar_moves_through_every_step_and_ends_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "river.txt"
    book.write_text(book_of(24), encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    args = ["convert", str(book), "--pdf", str(tmp_path / "r.pdf"),
            "--png", str(tmp_path / "png"), "--dpi", "20"]
    assert main(args) == 0
    err = capsys.readouterr().err
    bar, summary = err.rstrip("\n").rsplit("\n", 1)
    last = bar.rsplit("\r", 1)[-1]
    assert last.startswith("png") and "24/24 pages" in last and "100%" in last
    assert summary.startswith("layout: 24 pages in ")


def test_one_page_is_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SAMPLES / "page-286.txt"), "--json", str(tmp_path / "a")]) == 0
    assert capsys.readouterr().err.startswith("layout: 1 page in ")
