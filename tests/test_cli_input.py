"""Bad input and options through the command line: each named for what it is, in one line,
with the exit code the README gives (1 input, 2 usage), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

SEED = SAMPLES / "page-286.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layout", *args], capture_output=True, text=True, cwd=ROOT,
    )


def refused(proc: subprocess.CompletedProcess[str], code: int, *parts: str) -> None:
    assert proc.returncode == code, proc.stderr
    last = proc.stderr.splitlines()[-1]
    assert "Traceback" not in proc.stderr and "error: " in last, proc.stderr
    if code == 1:
        assert len(proc.stderr.splitlines()) == 1, proc.stderr
    for part in parts:
        assert part in last, (part, last)


@pytest.fixture(scope="module")
def tei(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("tei") / "seed.tei.xml"
    assert run("convert", str(SEED), "--tei", str(out)).returncode == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("depth", "says"), [
    (1500, "nested more than 256 levels"),  # parsed, but deeper than the reader walks
    (3000, "nested more deeply than any document's markup"),  # beyond the parser
])
def test_tei_nested_too_deep_is_an_input_error(
    tmp_path: Path, tei: str, depth: int, says: str
) -> None:
    at = tei.index("<body>") + len("<body>")
    deep = tei[:at] + "<div>" * depth + "<p>x</p>" + "</div>" * depth + tei[at:]
    (tmp_path / "deep.tei.xml").write_text(deep, encoding="utf-8")
    refused(run("convert", str(tmp_path / "deep.tei.xml"), "-q"), 1, "deep.tei.xml", says)


def test_lang_takes_bcp47_tags(tmp_path: Path) -> None:
    refused(run("convert", str(SEED), "--lang", "german"), 2,
            "'german' is not a BCP 47 language tag", "did you mean 'de'?")
    refused(run("convert", str(SEED), "--lang", "zz"), 2, "'zz' is not a BCP 47")
    out = tmp_path / "a.tei.xml"
    assert run("convert", str(SEED), "--lang", "de-at", "--tei", str(out)).returncode == 0
    assert 'ident="de-AT"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "meant"), [
    (["convert", str(SEED), "--jsno", "x.json"], "did you mean --json?"),
    (["convert", str(SEED), "-json", "x.json"], "did you mean --json?"),
    (["convert", str(SEED), "--quite"], "did you mean --quiet?"),
    (["convet", str(SEED)], "did you mean 'convert'?"),
    (["convert", str(SEED), "--pdf", "x.pdf", "--pdf-mode", "facsimle"],
     "did you mean 'facsimile'?"),
])
def test_a_mistyped_option_suggests_the_one_meant(args: list[str], meant: str) -> None:
    refused(run(*args), 2, meant)


def test_a_program_is_called_a_program_not_utf16(tmp_path: Path) -> None:
    elf = tmp_path / "a.out"
    elf.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00" + bytes(4000))
    refused(run("convert", str(elf)), 1, "a.out", "a program (ELF")
    odd = tmp_path / "blob.bin"
    odd.write_bytes(bytes(range(256)) * 16)  # zeros in both byte positions, no text
    proc = run("convert", str(odd))
    refused(proc, 1, "binary data")
    assert "UTF-16" not in proc.stderr


def test_utf16_without_a_byte_order_mark_is_still_named(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("A page of text in UTF-16.\n".encode("utf-16-le") * 50)
    refused(run("convert", str(path)), 1, "UTF-16 text without a byte-order mark")


@pytest.mark.parametrize(("name", "data", "says"), [
    ("fr.xml", b'<?xml version="1.0"?>\n<document xmlns="http://www.abbyy.com/FineReader_xml'
               b'/FineReader10-schema-v1.xml"><page/></document>', "ABBYY FineReader XML"),
    ("book.xml", b'<?xml version="1.0"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/"/>',
     "a METS file"),
    ("page.html", b"<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>",
     "an HTML page that is not hOCR"),
    ("data.txt", b'{"pages": [1, 2, 3]}\n', "a JSON document"),
    ("letter.txt", b"{\\rtf1\\ansi Dear reader}", "an RTF document"),
    ("other.xml", b'<?xml version="1.0"?>\n<catalogue/>', "<catalogue>: not a format layout reads"),
])
def test_a_format_we_do_not_read_is_named(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    (tmp_path / name).write_bytes(data)
    refused(run("convert", str(tmp_path / name)), 1, name, says)


def test_our_own_json_analysis_is_named(tmp_path: Path) -> None:
    js = tmp_path / "seed.json"
    assert run("convert", str(SEED), "--json", str(js)).returncode == 0
    refused(run("convert", str(js)), 1, "layout's JSON analysis", "convert the book's text")


def test_a_folder_of_whole_books_is_not_read_as_pages(tmp_path: Path) -> None:
    books = tmp_path / "shelf"
    books.mkdir()
    for n in (1, 2):
        (books / f"book{n}.txt").write_text(
            "\f".join(f"Book {n}, page {p}: some words.\n" for p in range(5)), encoding="utf-8"
        )
    refused(run("convert", str(books)), 1, "book1.txt: a whole book",
            "5 pages separated by form feeds")
    hathi = tmp_path / "downloads"
    hathi.mkdir()
    (hathi / "vol.txt").write_bytes((SAMPLES / "laband1876-hathitrust.txt").read_bytes())
    refused(run("convert", str(hathi)), 1, "vol.txt: a whole book", "HathiTrust download")


def test_page_files_ending_in_a_form_feed_are_still_pages(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in (1, 2, 3):  # as tesseract writes them: each page file ends in a form feed
        (pages / f"{n}.txt").write_text(f"The text of page {n}.\n\f", encoding="utf-8")
    out = tmp_path / "p.txt"
    assert run("convert", str(pages), "--text", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").count("\f") == 2
