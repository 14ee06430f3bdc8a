"""Outputs are safe, through the command line: each written whole or not at all, never
over the input under another name, never two on one path; `-` is standard output, and a
closed standard output is exit 3."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from layout.cli import main

SEED = SAMPLES / "page-286.txt"


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layout", "convert", *args],
        capture_output=True, text=True, cwd=ROOT, **kwargs,  # type: ignore[call-overload]
    )


def one_error(stderr: str, *parts: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("layout: error: "), stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])


def test_a_failed_write_leaves_the_previous_output_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.json"
    out.write_bytes(b"the previous good output")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["convert", str(SEED), "--json", str(out), "--quiet"]) == 3
    one_error(capsys.readouterr().err, str(out), "No space left")
    assert out.read_bytes() == b"the previous good output"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_interrupted_write_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.xml"
    out.write_bytes(b"old")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert main(["convert", str(SEED), "--tei", str(out), "--quiet"]) == 130
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xml"]


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["convert", str(SEED), "--json", str(tmp_path / "a.json"), "--quiet"]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_the_input_under_another_name_is_refused(tmp_path: Path, link: object) -> None:
    book = tmp_path / "book.txt"
    book.write_bytes(SEED.read_bytes())
    other = tmp_path / "other-name.txt"
    link(book, other)  # type: ignore[operator]
    proc = run(str(book), "--text", str(other))
    assert proc.returncode == 3
    one_error(proc.stderr, str(other), "is the input")
    assert book.read_bytes() == SEED.read_bytes()


def pages_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "1.txt").write_text("The first page of the book.\n", encoding="utf-8")
    (folder / "2.txt").write_text("The second page of the book.\n", encoding="utf-8")
    return folder


def test_a_page_file_of_a_folder_input_is_refused(tmp_path: Path) -> None:
    folder = pages_folder(tmp_path)
    proc = run(str(folder), "--text", str(folder / "2.txt"))
    assert proc.returncode == 3
    one_error(proc.stderr, "2.txt", "is the input")
    assert (folder / "2.txt").read_text(encoding="utf-8") == "The second page of the book.\n"


def test_output_into_the_input_folder_is_refused(tmp_path: Path) -> None:
    folder = pages_folder(tmp_path)
    proc = run(str(folder), "-o", str(folder))
    assert proc.returncode == 3
    one_error(proc.stderr, "inside the input folder", "read it as a page")
    assert sorted(p.name for p in folder.iterdir()) == ["1.txt", "2.txt"]
    assert run(str(folder), "-o", str(tmp_path / "out"), "-q").returncode == 0


@pytest.mark.parametrize("args", [
    ["--json", "{d}/same", "--text", "{d}/same"],
    ["-o", "{d}", "--json", "{d}/page-286.txt"],
    ["--json", "{d}/a", "--text", "{d}/sub/../a"],
    ["--json", "-", "--tei", "-"],
])
def test_two_outputs_on_one_path_are_refused(tmp_path: Path, args: list[str]) -> None:
    proc = run(str(SEED), *(a.format(d=tmp_path) for a in args))
    assert proc.returncode == 3
    one_error(proc.stderr, "given for both")
    assert proc.stdout == "" and list(tmp_path.iterdir()) == []


def test_dash_is_standard_output(tmp_path: Path) -> None:
    proc = run(str(SEED), "--json", "-", "--text", str(tmp_path / "a.txt"), "-q")
    assert proc.returncode == 0 and proc.stdout.startswith('{"engine"')
    assert (tmp_path / "a.txt").exists() and not (tmp_path / "-").exists()


@pytest.mark.parametrize("args", [["--png", "-"], ["-o", "-"]])
def test_dash_where_no_stream_can_hold_the_output_is_a_usage_error(args: list[str]) -> None:
    proc = run(str(SEED), *args)
    assert proc.returncode == 2 and "standard output" in proc.stderr


def test_a_closed_standard_output_is_exit_3() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m layout convert {SEED} >&-", shell=True,
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 3
    one_error(proc.stderr, "standard output", "closed")


def test_a_reader_that_goes_away_is_exit_3() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "layout", "convert", str(SAMPLES / "laband1876-excerpt.txt")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the TEI is written
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == 3
    one_error(err, "standard output", "closed by its reader")
