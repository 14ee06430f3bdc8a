"""Start-up: a plain-text conversion loads no module it does not use.

Every run pays for what `layout convert` imports before it reads the input; the heavy
parts (the typesetter and its fonts, lxml, tqdm, the batch engines, langcodes) are loaded
only by the runs that need them. Checked in a fresh interpreter, through the command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "page-286.txt"

HEAVY = ("layout.typeset", "layout.batch", "lxml", "tqdm", "langcodes", "reportlab",
         "fontTools", "PIL", "multiprocessing", "concurrent.futures")
"""Packages a text-to-JSON conversion has no use for."""


def loaded_after(*argv: str) -> set[str]:
    """The modules loaded by the end of `layout` run on argv in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "from layout import cli\n"
        f"status = cli.main({list(argv)!r})\n"
        "print(json.dumps([status, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    status, modules = json.loads(done.stdout.splitlines()[-1])
    assert status == 0, done.stderr
    return set(modules)


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_text_to_json_loads_nothing_heavy(tmp_path: Path) -> None:
    modules = loaded_after("convert", str(SAMPLE), "--json", str(tmp_path / "a.json"), "-q")
    assert heavy(modules) == []
    assert "layout.passes.notes.footnotes" in modules  # the check sees what runs


def test_tei_loads_lxml_and_lang_loads_langcodes(tmp_path: Path) -> None:
    modules = loaded_after("convert", str(SAMPLE), "--tei", str(tmp_path / "a.xml"),
                           "--lang", "en", "-q")
    assert {m.split(".")[0] for m in heavy(modules)} == {"langcodes", "lxml"}
