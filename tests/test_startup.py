"""Start-up: a plain-text conversion loads no module it does not use.

Every run pays for what `layout convert` imports before it reads the input; the heavy
parts (the typesetter and its fonts, lxml, tqdm, the batch engines, langcodes) are loaded
only by the runs that need them. Checked in a fresh interpreter, through the command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


ENGINE = ("layout.api", "layout.job", "layout.passes", "layout.writers", "layout.typeset")
"""The engine's modules: what converts a book, a tenth of a second to import."""


def loaded_by(code: str) -> set[str]:
    """The modules loaded after running `code` in a fresh interpreter."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def engine(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == e or m.startswith(e + ".") for e in ENGINE))


def test_the_package_loads_the_engine_at_first_use() -> None:
    modules = loaded_by("import layout, layout.cli\nassert layout.__version__")
    assert engine(modules) == []
    used = loaded_by("import layout\nassert callable(layout.convert)")
    assert "layout.api" in used and "layout.passes" in used


def test_the_fork_server_starts_before_the_rest_of_the_batch_loads() -> None:
    """`layout batch --cluster local` imports the cluster module first, to start the
    fork server its workers come from; it must not bring the batch or the engine."""
    modules = loaded_by("import layout.cli\nimport layout.batch.cluster")
    assert engine(modules) == []
    assert "layout.batch.runner" not in modules and "tqdm" not in modules


def test_a_batch_parent_hands_out_books_without_the_engine(tmp_path: Path) -> None:
    """The parent of a batch plans, hands out tasks and records what comes back (a
    worker's outcome, unpickled); the engine is the workers'."""
    import pickle

    from layout.batch import shelf, worker
    from layout.outputs import Options

    volume = shelf.gather([str(SAMPLE)])[0]
    task = worker.Task(volume, worker.targets(volume, tmp_path, ("json",)), Options())
    sent = pickle.dumps((task, worker.convert(task)))
    modules = loaded_by(
        "import pickle\n"
        "from layout.batch import runner, worker\n"
        f"task, outcome = pickle.loads({sent!r})\n"
        "assert outcome.report.status == 0 and outcome.report.pages == 1\n"
        "assert worker.died(task, 'a test').report.status == 4\n"
    )
    assert engine(modules) == []


def run_script(code: str) -> list[object]:
    """The JSON the last line of `code`'s output holds, run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_the_command_freezes_what_it_holds_before_the_process_ends(tmp_path: Path) -> None:
    """The installed command (`entry`) freezes the objects left before the interpreter's
    last collection would walk them; `main`, which callers may go on after, does not."""
    argv = ["layout", "convert", str(SAMPLE), "--json", str(tmp_path / "a.json"), "-q"]
    status, frozen = run_script(
        "import gc, json, sys\n"
        "from layout import cli\n"
        f"sys.argv = {argv!r}\n"
        "status = cli.entry()\n"
        "print(json.dumps([status, gc.get_freeze_count()]))\n"
    )
    assert status == 0 and isinstance(frozen, int) and frozen > 1000
    status, frozen = run_script(
        "import gc, json\n"
        "from layout import cli\n"
        f"status = cli.main({argv[1:]!r})\n"
        "print(json.dumps([status, gc.get_freeze_count()]))\n"
    )
    assert status == 0 and frozen == 0


def test_the_fork_server_preload_is_frozen_and_its_workers_collect_again() -> None:
    """The fork server's preload (`layout.batch.fork_server`) imports Dask and the
    engine, freezes them for the server's own end, and a process forked from it has them
    back with the collector, as a process-pool worker has."""
    pytest.importorskip("distributed", reason="Dask is an optional dependency")
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system")
    loaded, enabled, frozen, in_child = run_script(
        "import gc, json, os, sys\n"
        "import layout.batch.fork_server\n"
        "loaded = all(m in sys.modules for m in ('distributed', 'layout.job'))\n"
        "frozen = gc.get_freeze_count()\n"
        "read, write = os.pipe()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os.write(write, str(gc.get_freeze_count()).encode())\n"
        "    os._exit(0)\n"
        "os.close(write)\n"
        "os.waitpid(pid, 0)\n"
        "child = int(os.read(read, 64))\n"
        "print(json.dumps([loaded, gc.isenabled(), frozen, child]))\n"
    )
    assert loaded is True and enabled is True
    assert isinstance(frozen, int) and frozen > 10_000
    assert in_child == 0
