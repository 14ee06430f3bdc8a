"""`layout batch` through the command line: a shelf with bad books in it, the manifest,
page records, resuming after a real kill, a dead worker, and the Dask path."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil  # a dependency of distributed, in the test extras
import pytest
from conftest import ROOT, SAMPLES

from layout.cli import main

EXCERPT = SAMPLES / "laband1876-excerpt.txt"
HATHI = SAMPLES / "laband1876-hathitrust.txt"
SEED = SAMPLES / "page-286.txt"
GOOD = ("laband1876-excerpt", "laband1876-hathitrust", "page-286")


def manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def by_book(out: Path) -> dict[str, dict[str, Any]]:
    records = manifest(out)
    books = {r["book"]: r for r in records}
    assert len(books) == len(records), "a book recorded twice"
    return books


def long_shelf(tmp_path: Path, books: int = 12) -> tuple[Path, list[str]]:
    """A shelf of 100-page books (the excerpt 25 times), long enough to stop half way."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    book = "\f".join([EXCERPT.read_text(encoding="utf-8")] * 25)
    names = [f"vol{n:02d}" for n in range(books)]
    for name in names:
        (shelf / f"{name}.txt").write_text(book, encoding="utf-8")
    return shelf, names


def wait_for_records(run: subprocess.Popen[str] | subprocess.Popen[bytes], out: Path,
                     count: int) -> None:
    """Wait until the running batch has recorded `count` books (or ended)."""
    log = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if log.exists() and log.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.005)


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """The three samples, an empty file and a binary one."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    for sample in (EXCERPT, HATHI, SEED):
        shutil.copy(sample, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_bad_books_are_recorded_and_the_rest_converted(
    shelf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(shelf), "-o", str(out), "--jobs", "2"]) == 1
    books = by_book(out)
    assert set(books) == {*GOOD, "empty", "broken"}
    for name in GOOD:
        entry = books[name]
        assert entry["status"] == 0 and entry["message"] == ""
        assert entry["outputs"] == [f"{name}.tei.xml", f"{name}.json", f"{name}.txt"]
        assert all((out / output).stat().st_size > 0 for output in entry["outputs"])
        assert entry["pages"] >= 1 and entry["sha256"] and entry["size"] > 0
    for name, why in (("empty", "empty"), ("broken", "broken.txt")):
        entry = books[name]
        assert entry["status"] == 1 and entry["outputs"] == []
        assert why in entry["message"] and "\n" not in entry["message"]
        assert not list(out.glob(f"{name}.*"))
    err = capsys.readouterr().err
    assert "layout: 5 books: 3 converted, 2 failed; 9 pages in" in err
    assert err.count("layout: error:") == 2


def test_a_book_comes_out_as_convert_writes_it(shelf: Path, tmp_path: Path) -> None:
    assert main(["batch", str(EXCERPT), "-o", str(tmp_path / "b"), "--lang", "de",
                 "--notes", "end", "-q"]) == 0
    assert main(["convert", str(EXCERPT), "-o", str(tmp_path / "c"), "--lang", "de",
                 "--notes", "end", "-q"]) == 0
    for name in ("laband1876-excerpt.tei.xml", "laband1876-excerpt.json",
                 "laband1876-excerpt.txt"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes()
    (entry,) = manifest(tmp_path / "b")
    assert entry["options"]["lang"] == "de" and entry["options"]["notes"] == "end"


def test_formats_choose_the_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(SEED), "-o", str(out), "--formats", "pdf,json", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.jsonl", "page-286.json", "page-286.pdf",
    ]
    assert (out / "page-286.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(SEED), "-o", str(out), "--formats", "tei,docx"])
    assert exit_info.value.code == 2
    assert "unknown output kind docx; choose from tei,json,text" in capsys.readouterr().err


def test_pages_jsonl_has_a_record_per_page(shelf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(shelf), "-o", str(out), "--pages", "-q"]) == 1
    records = [json.loads(line) for line in
               (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    for name, entry in by_book(out).items():
        mine = [r for r in records if r["book"] == name]
        assert [r["seq"] for r in mine] == list(range(1, entry["pages"] + 1))
        if entry["status"] != 0:
            continue
        analysis = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert [r["number"] for r in mine] == [p["number"] for p in analysis["pages"]]
        assert [r["running_title"] for r in mine] == [
            p["running_title"] for p in analysis["pages"]
        ]
        text = (out / f"{name}.txt").read_text(encoding="utf-8").split("\f")
        assert [r["text"] for r in mine] == [chunk.rstrip("\n") for chunk in text]
        assert sum(len(r["notes"]) for r in mine) >= entry["notes"] > 0
    assert set(records[0]) == {
        "book", "seq", "number", "number_inferred", "running_title", "text", "notes",
    }


def test_lists_folders_and_names(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "vol.txt")
    shutil.copy(SEED, tmp_path / "b" / "vol.txt")
    pages = tmp_path / "shelf" / "pages-book"  # a folder of page files: one book
    pages.mkdir(parents=True)
    for n, chunk in enumerate(EXCERPT.read_text(encoding="utf-8").split("\f"), 1):
        (pages / f"{n}.txt").write_text(chunk, encoding="utf-8")
    shutil.copy(EXCERPT, tmp_path / "shelf")
    listing = tmp_path / "list.txt"
    listing.write_text(
        f"# my shelf\n{tmp_path / 'a' / 'vol.txt'}\n\n{tmp_path / 'b' / 'vol.txt'}\n"
        f"{tmp_path / 'missing.txt'}\n{tmp_path / 'a' / 'vol.txt'}\n", encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["batch", f"@{listing}", str(tmp_path / "shelf"), "-o", str(out), "-q"]) == 1
    books = by_book(out)
    assert set(books) == {"a_vol", "b_vol", "missing", "pages-book", "laband1876-excerpt"}
    assert books["pages-book"]["pages"] == 4 and books["pages-book"]["status"] == 0
    assert books["missing"]["status"] == 1 and "no such file" in books["missing"]["message"]
    assert (out / "a_vol.json").exists() and (out / "b_vol.json").exists()


def test_outputs_inside_the_shelf_are_not_taken_for_books(tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    shutil.copy(EXCERPT, shelf)
    shutil.copy(SEED, shelf)
    assert main(["batch", str(shelf), "-o", str(shelf / "out"), "-q"]) == 0
    assert main(["batch", str(shelf), "-o", str(shelf / "out"), "-q", "--resume"]) == 0
    assert sorted(r["book"] for r in manifest(shelf / "out")) == [
        "laband1876-excerpt", "page-286",
    ]


def test_an_empty_list_is_a_usage_error_an_empty_folder_a_failed_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "list.txt").write_text("# nothing yet\n", encoding="utf-8")
    assert main(["batch", f"@{tmp_path / 'list.txt'}", "-o", str(tmp_path / "out")]) == 2
    assert "no books found" in capsys.readouterr().err
    (tmp_path / "nothing").mkdir()
    assert main(["batch", str(tmp_path / "nothing"), "-o", str(tmp_path / "out")]) == 1
    (entry,) = manifest(tmp_path / "out")
    assert entry["book"] == "nothing" and "holds no" in entry["message"]


def test_resume_skips_what_is_done_and_redoes_what_changed(
    shelf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(shelf), "-o", str(out), "-q"]) == 1
    first = manifest(out)
    kept = (out / "laband1876-excerpt.json").stat().st_mtime_ns
    (shelf / "page-286.txt").write_text("A changed page.\n", encoding="utf-8")
    (out / "laband1876-hathitrust.txt").unlink()
    (out / ".laband1876-excerpt.json.x1y2.part").write_bytes(b"half a fi")
    assert main(["batch", str(shelf), "-o", str(out), "--resume"]) == 1
    again = manifest(out)[len(first):]
    assert sorted(r["book"] for r in again) == [
        "broken", "empty", "laband1876-hathitrust", "page-286",
    ]
    assert (out / "laband1876-excerpt.json").stat().st_mtime_ns == kept
    assert not list(out.glob(".*.part"))
    assert "1 skipped (done before), 2 failed" in capsys.readouterr().err


def test_resume_after_a_real_kill_converts_only_the_rest(tmp_path: Path) -> None:
    shelf, names = long_shelf(tmp_path)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "layout", "batch", str(shelf), "-o", str(out),
               "--jobs", "1", "--pages", "-q"]
    run = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    wait_for_records(run, out, 2)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    done = manifest(out)
    assert 2 <= len(done) < len(names), "the run was not killed half way"
    times = {r["book"]: (out / f"{r['book']}.json").stat().st_mtime_ns for r in done}
    resumed = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    records = manifest(out)
    assert records[: len(done)] == done
    assert sorted(r["book"] for r in records) == names  # each book once
    assert all(r["status"] == 0 for r in records)
    assert {b: (out / f"{b}.json").stat().st_mtime_ns for b in times} == times
    assert not list(out.glob(".*.part"))
    pages = [json.loads(line) for line in (out / "pages.jsonl").read_text().splitlines()]
    assert sorted((p["book"], p["seq"]) for p in pages) == [
        (name, seq) for name in names for seq in range(1, 101)
    ]


def test_sigterm_stops_the_batch_cleanly(tmp_path: Path) -> None:
    """A batch system's time limit (SIGTERM): the finished books stay recorded, the
    workers end with the batch, exit 130 with a line saying how to go on."""
    shelf, _ = long_shelf(tmp_path)
    out = tmp_path / "out"
    run = subprocess.Popen(
        [sys.executable, "-m", "layout", "batch", str(shelf), "-o", str(out), "--jobs", "2"],
        cwd=ROOT, stderr=subprocess.PIPE, text=True,
    )
    wait_for_records(run, out, 1)
    workers = psutil.Process(run.pid).children()
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert "interrupted after" in err and "--resume" in err and "Traceback" not in err
    assert 1 <= len(manifest(out)) < 12
    assert workers, "no worker processes seen"
    _, alive = psutil.wait_procs(workers, timeout=5)
    assert not alive, f"workers outlived the batch: {alive}"


def test_a_book_that_kills_its_worker_is_recorded(
    shelf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from layout import job

    real = job.convert_file

    def crash_on_poison(path: str, *args: Any, **kwargs: Any) -> Any:
        if "poison" in path:
            os._exit(9)  # as if killed: no exception, no report
        return real(path, *args, **kwargs)

    monkeypatch.setattr(job, "convert_file", crash_on_poison)  # forked workers inherit it
    shutil.copy(SEED, shelf / "poison.txt")
    out = tmp_path / "out"
    assert main(["batch", str(shelf), "-o", str(out), "--jobs", "2", "-q"]) == 1
    books = by_book(out)
    assert books["poison"]["status"] == 4
    assert "worker" in books["poison"]["message"] and "poison.txt" in books["poison"]["message"]
    assert all(books[name]["status"] == 0 for name in GOOD)


def test_a_second_batch_on_the_same_outdir_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fcntl = pytest.importorskip("fcntl", reason="advisory locks are POSIX only")
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["batch", str(SEED), "-o", str(out)]) == 2
    finally:
        os.close(fd)
    assert "another layout batch is writing there" in capsys.readouterr().err


def test_the_dask_path_on_a_local_cluster(shelf: Path, tmp_path: Path) -> None:
    pool, dask = tmp_path / "pool", tmp_path / "dask"
    assert main(["batch", str(shelf), "-o", str(pool), "-q"]) == 1
    assert main(["batch", str(shelf), "-o", str(dask), "--cluster", "local",
                 "--jobs", "1", "-q"]) == 1
    mine, theirs = by_book(dask), by_book(pool)
    assert {b: r["status"] for b, r in mine.items()} == {b: r["status"] for b, r in theirs.items()}
    for name in GOOD:
        for output in mine[name]["outputs"]:
            assert (dask / output).read_bytes() == (pool / output).read_bytes()


def test_an_unreachable_cluster_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from layout.batch import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    code = main(["batch", str(SEED), "-o", str(tmp_path / "out"),
                 "--cluster", "tcp://127.0.0.1:9", "-q"])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_word_lists_and_patterns_are_read_once_per_worker(tmp_path: Path) -> None:
    """A worker converts book after book in one process: the second German book reads
    no word list or hyphenation pattern again."""
    import pyphen

    from layout.batch.shelf import Volume
    from layout.batch.worker import Task, convert
    from layout.outputs import Options
    from layout.passes.text import lexicon

    def task(name: str) -> Task:
        volume = Volume(name, str(EXCERPT), EXCERPT.stat().st_size)
        outputs = {kind: str(tmp_path / f"{name}.{kind}") for kind in ("json", "pdf")}
        return Task(volume, outputs, Options(lang="de"))

    assert convert(task("first")).report.status == 0
    lists, patterns = lexicon._buckets.cache_info().misses, len(pyphen.hdcache)
    assert convert(task("second")).report.status == 0
    assert lexicon._buckets.cache_info().misses == lists
    assert len(pyphen.hdcache) == patterns >= 1


@pytest.fixture
def scheduler() -> Iterator[str]:
    """The address of a small Dask cluster on this machine (one worker thread)."""
    import distributed

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
        host="127.0.0.1", protocol="tcp://",
    ) as cluster:
        yield cluster.scheduler_address


def test_a_running_cluster_by_its_address(shelf: Path, tmp_path: Path, scheduler: str) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(shelf), "-o", str(out), "--cluster", scheduler, "-q"]) == 1
    books = by_book(out)
    assert {name for name, r in books.items() if r["status"] == 0} == set(GOOD)
    assert all((out / o).exists() for name in GOOD for o in books[name]["outputs"])


def test_a_cluster_whose_workers_do_not_see_outdir_is_refused(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from layout.batch import cluster

    monkeypatch.setattr(cluster, "worker_sees", lambda outdir: (False, "0"))
    code = main(["batch", str(SEED), "-o", str(tmp_path / "out"), "--cluster", scheduler])
    assert code == 2
    assert "does not see" in capsys.readouterr().err
    assert not (tmp_path / "out" / "page-286.json").exists()
