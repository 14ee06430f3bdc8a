"""The Python API: `layout.read`, `analyse`, `convert` -> `Result`, and the one-book job
a batch worker calls; the same bytes as the command line writes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import SAMPLES

import layout
from layout.cli import main
from layout.job import EXIT_INPUT, EXIT_OK, Report, convert_file
from layout.outputs import Options

SEED = SAMPLES / "page-286.txt"
EXCERPT = SAMPLES / "laband1876-excerpt.txt"


def test_convert_gives_the_bytes_the_command_line_writes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(EXCERPT), "-o", str(out), "--quiet"]) == 0
    result = layout.convert(EXCERPT)
    assert result.tei() == (out / "laband1876-excerpt.tei.xml").read_bytes()
    assert result.json() == (out / "laband1876-excerpt.json").read_bytes()
    assert result.text() == (out / "laband1876-excerpt.txt").read_bytes()


def test_text_bytes_and_path_read_the_same_book() -> None:
    data = SEED.read_bytes()
    by_path = layout.read(SEED)
    by_bytes = layout.read(data, name=str(SEED))
    by_text = layout.read(data.decode("utf-8"), name=str(SEED))
    assert by_path == by_bytes == by_text
    assert layout.read(data).metadata.source == "<input>"


def test_a_string_is_text_never_a_file_name() -> None:
    book = layout.read(str(SEED))
    assert [line.text for page in book.pages for line in page.lines] == [str(SEED)]


def test_options_override_what_the_input_says() -> None:
    book = layout.read(SEED, title="A Title", author="An Author", lang="en-gb")
    assert (book.metadata.title, book.metadata.author, book.language) == (
        "A Title", "An Author", "en-GB",
    )


def test_a_language_name_is_refused_with_the_tag_it_means() -> None:
    with pytest.raises(ValueError, match=r"'german' is not a BCP 47.*did you mean 'de'"):
        layout.read(SEED, lang="german")


def test_an_unreadable_input_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(layout.ReadError, match="empty"):
        layout.read(b"", name="nothing.txt")
    with pytest.raises(layout.ReadError, match="no such file"):
        layout.read(tmp_path / "missing.txt")


def test_analyse_keeps_the_decisions_of_a_book_read_back_from_tei() -> None:
    tei = layout.convert(SEED).tei()
    book = layout.read(tei, name="book.tei.xml")
    assert book.analysed
    assert layout.analyse(book) is book


def test_progress_hears_every_pass_in_pages() -> None:
    heard: list[tuple[str, int]] = []

    class Record:
        def begin(self, step: str, pages: int) -> None:
            heard.append((step, pages))

        def advance(self, pages: int = 1) -> None:
            heard.append(("+", pages))

    pages = EXCERPT.read_text(encoding="utf-8").count("\f") + 1
    layout.convert(EXCERPT, progress=Record())
    steps = [step for step, _ in heard if step != "+"]
    assert steps[:3] == ["blanks", "marginal", "page_numbers"] and steps[-1] == "verse"
    assert sum(n for step, n in heard if step == "+") == pages * len(steps)


def test_pdf_and_png_typeset_once() -> None:
    result = layout.convert(EXCERPT)
    pdf = result.pdf()
    images = list(result.png(dpi=30))
    assert pdf.startswith(b"%PDF") and len(images) == len(result.book.pages)
    assert all(image.startswith(b"\x89PNG") for image in images)
    assert len(result._typeset) == 1


def test_the_job_writes_the_targets_and_reports_in_a_small_record(tmp_path: Path) -> None:
    targets = {"json": str(tmp_path / "a.json"), "text": str(tmp_path / "a.txt")}
    report = convert_file(str(SEED), targets, Options(notes="end"))
    assert report.status == EXIT_OK and report.message == ""
    assert report.pages == 1 and report.outputs == (targets["json"], targets["text"])
    assert report.summary.startswith("1 page in ")
    assert pickle.loads(pickle.dumps(report)) == report
    assert Path(targets["text"]).read_bytes() == layout.convert(SEED).text(notes="end")


def test_the_job_reports_a_bad_input_without_raising(tmp_path: Path) -> None:
    report = convert_file(str(tmp_path / "missing.txt"), {"json": str(tmp_path / "x.json")})
    assert report == Report(report.input, EXIT_INPUT, report.message)
    assert "no such file" in report.message


def test_streamed_outputs_are_the_bytes_of_the_whole() -> None:
    """The writers write a page at a time; what they write is the document built whole."""
    import io
    import json

    from layout.writers import analysis

    result = layout.convert(EXCERPT)
    built = json.dumps(analysis.build(result.book), ensure_ascii=False, separators=(",", ":"))
    assert result.json() == built.encode("utf-8")
    for write, whole in ((result.write_tei, result.tei()), (result.write_json, result.json()),
                         (result.write_text, result.text())):
        out = io.BytesIO()
        write(out)
        assert out.getvalue() == whole


class _Cycle:
    """An object that refers to itself: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_the_collector_pause_hands_its_objects_to_the_oldest_generation() -> None:
    """What was made while the cycle collector was paused is not scanned as new when it
    is enabled again (it goes to the oldest generation), and a cycle made meanwhile is
    still collected."""
    import gc
    import weakref

    from layout.api import cycle_collector_paused

    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
        made = [[k] for k in range(1000)]
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
    assert gc.isenabled() and gc.get_freeze_count() == 0
    young = {id(o) for o in gc.get_objects(generation=0)} | {
        id(o) for o in gc.get_objects(generation=1)}
    assert not any(id(item) in young for item in made)
    assert gone() is not None  # a cycle: refcounts alone do not free it
    gc.collect()
    assert gone() is None


def test_a_conversion_leaves_no_cycle_holding_the_book() -> None:
    """Reading hOCR and writing TEI make no cycle that holds the book (lxml keeps its
    parser's target in one): refcounts alone free it, no collection has to find it."""
    import gc

    from layout.model import Book, Line, Page, Word
    from layout.passes import analyse
    from layout.readers import read_file
    from layout.writers import tei

    data = (Path(__file__).resolve().parent / "fixtures/hocr/tesseract-3.05-pages.hocr"
            ).read_bytes()
    gc.collect()
    gc.disable()
    try:
        book = analyse(read_file(data, "b.hocr"))
        assert tei.write(book) and book.pages[0].lines[0].words
        del book
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        held = [o for o in gc.garbage if isinstance(o, (Book, Page, Line, Word))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert held == []
