"""The command line end to end on samples/: outputs, folders, -o, stdout, progress."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from layout.cli import main
from layout.files import natural_key

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "page-286.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layout", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_convert_writes_the_three_outputs(tmp_path: Path) -> None:
    js, txt, tei = tmp_path / "a.json", tmp_path / "a.txt", tmp_path / "a.xml"
    code = main(["convert", str(SEED), "--json", str(js), "--text", str(txt),
                 "--tei", str(tei), "--quiet"])
    assert code == 0
    pages = json.loads(js.read_text(encoding="utf-8"))["pages"]
    assert len(pages) == 1
    assert len(pages[0]["lines"]) == len(SEED.read_text(encoding="utf-8").splitlines())
    assert txt.read_text(encoding="utf-8").count("\f") == 0
    assert tei.read_bytes().startswith(b"<?xml")


def test_output_dir_names_files_after_the_input(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["page-286.json", "page-286.tei.xml", "page-286.txt"]


def test_tei_goes_to_stdout_without_outputs() -> None:
    proc = run("convert", str(SEED), "--quiet")
    assert proc.returncode == 0
    assert proc.stdout.startswith("<?xml") and "</TEI>" in proc.stdout


def test_folder_pages_in_natural_order(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    texts = {
        1: "Early in the spring the river rose\nover its banks and the mill stopped.\n",
        2: "Nobody in the village remembered\na flood of that height before then.\n",
        10: "When the water fell at last, a new\nchannel had cut through the meadow.\n",
    }
    for n, text in texts.items():
        (pages / f"{n}.txt").write_text(text, encoding="utf-8")
    (pages / "notes.md").write_text("not a page\n", encoding="utf-8")
    js = tmp_path / "f.json"
    assert main(["convert", str(pages), "--json", str(js), "--text", str(tmp_path / "f.txt"),
                 "--quiet"]) == 0
    chunks = (tmp_path / "f.txt").read_text(encoding="utf-8").split("\f")
    assert [c.split()[0] for c in chunks] == ["Early", "Nobody", "When"]
    assert len(json.loads(js.read_text(encoding="utf-8"))["pages"]) == 3


def test_json_indent_and_text_lines(tmp_path: Path) -> None:
    js, txt = tmp_path / "a.json", tmp_path / "a.txt"
    assert main(["convert", str(SEED), "--json", str(js), "--json-indent", "2",
                 "--text", str(txt), "--text-lines", "-q"]) == 0
    raw = js.read_text(encoding="utf-8")
    assert raw.startswith('{\n  "engine": {') and json.loads(raw)["pages"][0]["lines"]
    kept = txt.read_text(encoding="utf-8")
    assert "\n\n" in kept and "embittered\nman." in kept  # paragraphs apart, lines kept
    assert main(["convert", str(SEED), "--text", str(txt), "-q"]) == 0
    assert "embittered man." in txt.read_text(encoding="utf-8")  # re-flowed


def test_a_bad_json_indent_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(SEED), "--json-indent", "many"])
    assert exit_.value.code == 2
    assert "--json-indent" in capsys.readouterr().err


def test_natural_key() -> None:
    assert sorted(["10.txt", "2.txt", "1.txt"], key=natural_key) == ["1.txt", "2.txt", "10.txt"]


def test_title_and_author_options_reach_the_tei(tmp_path: Path) -> None:
    tei = tmp_path / "t.xml"
    assert main(["convert", str(SEED), "--tei", str(tei), "--title", "The Tilsit Peace",
                 "--author", "A. Historian", "--quiet"]) == 0
    text = tei.read_text(encoding="utf-8")
    assert "<title>The Tilsit Peace</title>" in text and "A. Historian" in text


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path) -> None:
    book = tmp_path / "long.txt"
    book.write_text("\f".join(f"page {n}\n" for n in range(40)), encoding="utf-8")
    proc = run("convert", str(book), "--json", str(tmp_path / "l.json"))
    assert proc.returncode == 0
    assert "%" not in proc.stderr and "\r" not in proc.stderr


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "long.txt"
    book.write_text("\f".join(f"page {n}\n" for n in range(40)), encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["convert", str(book), "--json", str(tmp_path / "l.json")]) == 0
    err = capsys.readouterr().err
    bar, summary = err.rstrip("\n").rsplit("\n", 1)
    assert "100%" in bar.rsplit("\r", 1)[-1]  # the bar's last state, then its own line ends
    assert summary.startswith("layout: 40 pages in ")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["convert", str(book), "--json", str(tmp_path / "l.json"), "--quiet"]) == 0
    assert "%" not in capsys.readouterr().err


def test_help_names_the_inputs() -> None:
    proc = run("convert", "--help")
    assert proc.returncode == 0
    for word in ("form feeds", "HathiTrust", "_djvu.txt", "Exit codes"):
        assert word in proc.stdout


def test_no_command_is_a_usage_error() -> None:
    assert run().returncode == 2


def test_an_internal_error_is_one_line_and_exit_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from layout.writers import analysis

    def broken(book: object, out: object, indent: object = None) -> None:
        raise ValueError("simulated bug")

    monkeypatch.setattr(analysis, "write_to", broken)
    assert main(["convert", str(SEED), "--json", str(tmp_path / "x.json"), "--quiet"]) == 4
    assert not (tmp_path / "x.json").exists() and list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error" in err[0] and "simulated bug" in err[0]
    assert "Traceback" not in err[0]


def test_pdf_and_png_outputs(tmp_path: Path) -> None:
    import pypdf

    sample = ROOT / "samples" / "laband1876-excerpt.txt"
    pdf, png = tmp_path / "l.pdf", tmp_path / "png"
    assert main(["convert", str(sample), "--pdf", str(pdf), "--png", str(png), "--quiet"]) == 0
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) == sample.read_text(encoding="utf-8").count("\f") + 1
    assert sorted(p.name for p in png.iterdir())[:2] == ["page-0001.png", "page-0002.png"]
    assert len(list(png.iterdir())) == len(reader.pages)
    assert not (tmp_path / "l.tei.xml").exists()  # no TEI asked for, none written


def test_a_bad_page_size_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("convert", str(SEED), "--pdf", str(tmp_path / "x.pdf"), "--page-size", "3x")
    assert proc.returncode == 2 and "page size" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_output_dir_names_a_tei_input_without_its_suffix(tmp_path: Path) -> None:
    tei = tmp_path / "book.tei.xml"
    assert main(["convert", str(SEED), "--tei", str(tei), "--quiet"]) == 0
    assert main(["convert", str(tei), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["book.json", "book.tei.xml", "book.txt"]


def test_an_output_never_overwrites_the_input(tmp_path: Path) -> None:
    tei = tmp_path / "book.tei.xml"
    assert main(["convert", str(SEED), "--tei", str(tei), "--quiet"]) == 0
    before = tei.read_bytes()
    proc = run("convert", str(tei), "-o", str(tmp_path))
    assert proc.returncode == 3 and "is the input" in proc.stderr
    assert tei.read_bytes() == before


def test_a_bad_dpi_is_a_usage_error(tmp_path: Path) -> None:
    for value in ("0", "-5", "100000", "many"):
        proc = run("convert", str(SEED), "--png", str(tmp_path / "p"), "--dpi", value)
        assert proc.returncode == 2 and "--dpi" in proc.stderr, value
    assert not (tmp_path / "p").exists()


def test_main_leaves_the_cycle_collector_on(tmp_path: Path) -> None:
    import gc

    assert main(["convert", str(SEED), "--json", str(tmp_path / "g.json"), "--quiet"]) == 0
    assert gc.isenabled()
    assert main(["convert", str(tmp_path / "missing.txt"), "--quiet"]) == 1
    assert gc.isenabled()
