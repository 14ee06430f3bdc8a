"""Every hOCR and ALTO sample of kba/ocr-fileformat-samples converts, lossless.

The trimmed fixtures (tests/fixtures) hold one file per engine flavour; this test reads the
whole collection when `KBA_SAMPLES` names its `samples` folder (a clone of
https://github.com/kba/ocr-fileformat-samples, CC0), and skips with that reason otherwise.
Formats we do not read (ABBYY FineReader XML, Google Cloud Vision JSON) must fail with one
clear line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from layout.cli import main
from layout.passes import analyse
from layout.readers import read_file
from layout.writers import tei
from tests.writer_fixtures import assert_lossless

ROOT = Path(os.environ.get("KBA_SAMPLES", "/nonexistent"))
READ = ("hocr", "alto")
REFUSED = ("abbyy", "google-cloud")
pytestmark = pytest.mark.skipif(not ROOT.is_dir(),
                                reason="KBA_SAMPLES does not name the samples folder")


def _files(kinds: tuple[str, ...]) -> list[Path]:
    if not ROOT.is_dir():
        return []
    return sorted(p for k in kinds for p in (ROOT / k).rglob("*")
                  if p.is_file() and p.suffix != ".yml")


@pytest.mark.parametrize("path", _files(READ), ids=lambda p: p.name)
def test_each_sample_converts_lossless(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    assert main(["convert", str(path), "--tei", str(out), "-q"]) == 0
    book = analyse(read_file(path.read_bytes(), str(path)))
    assert sum(len(page.lines) for page in book.pages) > 0
    assert out.read_bytes() == tei.write(book)
    assert_lossless(book, out.read_bytes())


@pytest.mark.parametrize("path", _files(REFUSED), ids=lambda p: p.name)
def test_formats_we_do_not_read_fail_clearly(path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(path), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert path.name in err and "\n" not in err and "Traceback" not in err
