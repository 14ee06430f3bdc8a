"""Bad input and unwritable outputs through the real command line: one clear line on
stderr naming the file (and page and line where they apply), exit 1 for input and 3 for
output, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

SEED = SAMPLES / "page-286.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layout", "convert", *args],
        capture_output=True, text=True, cwd=ROOT,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], code: int, *parts: str) -> None:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("layout: error: ")
    for part in parts:
        assert part in lines[0], (part, lines[0])


def bad_input(tmp_path: Path, name: str, data: bytes) -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return run(str(path), "--json", str(tmp_path / "out.json"))


def test_empty_file(tmp_path: Path) -> None:
    proc = bad_input(tmp_path, "empty.txt", b"")
    assert_one_line_error(proc, 1, "empty.txt", "empty")
    assert not (tmp_path / "out.json").exists()


def test_binary_file(tmp_path: Path) -> None:
    data = bytes((i * 97 + 13) % 256 for i in range(4096))
    assert_one_line_error(bad_input(tmp_path, "scan.txt", data), 1, "scan.txt", "binary")


def test_pdf_file_is_named_as_such(tmp_path: Path) -> None:
    proc = bad_input(tmp_path, "book.pdf", b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n")
    assert_one_line_error(proc, 1, "book.pdf", "PDF")


def test_latin1_file(tmp_path: Path) -> None:
    data = "Erste Seite\f\u00dcberschrift\nGr\u00fc\u00dfe aus K\u00f6ln\n".encode("latin-1")
    proc = bad_input(tmp_path, "latin1.txt", data)
    assert_one_line_error(proc, 1, "latin1.txt", "page 2, line 1, column 1", "0xdc", "UTF-8")


def test_file_of_only_form_feeds(tmp_path: Path) -> None:
    proc = bad_input(tmp_path, "ff.txt", b"\f\f\n\f\f")
    assert_one_line_error(proc, 1, "ff.txt", "form feeds")


def test_page_of_fifty_thousand_lines(tmp_path: Path) -> None:
    data = b"first page\n\f" + b"a line of text\n" * 50_000
    proc = bad_input(tmp_path, "long.txt", data)
    assert_one_line_error(proc, 1, "long.txt", "page 2", "50000 lines")


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert_one_line_error(run(str(missing)), 1, str(missing), "no such file")


def test_folder_without_txt_files(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert_one_line_error(run(str(folder)), 1, str(folder), "no .txt")


def test_folder_with_a_bad_page_file_names_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "1.txt").write_text("good page\n", encoding="utf-8")
    (folder / "2.txt").write_bytes("caf\u00e9\n".encode("latin-1"))
    assert_one_line_error(run(str(folder)), 1, "2.txt", "line 1, column 4")


@pytest.mark.parametrize("kind", ["--json", "--text", "--tei"])
def test_output_under_a_file_is_unwritable(tmp_path: Path, kind: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "out"
    proc = run(str(SEED), kind, str(target), "--quiet")
    assert_one_line_error(proc, 3, str(target), "cannot write")


def test_output_that_is_a_folder_is_unwritable(tmp_path: Path) -> None:
    assert_one_line_error(run(str(SEED), "--json", str(tmp_path), "--quiet"), 3, str(tmp_path))


def test_output_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("x", encoding="utf-8")
    assert_one_line_error(run(str(SEED), "-o", str(blocker), "--quiet"), 3, "cannot write")
