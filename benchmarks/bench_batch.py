"""Benchmark: a shelf through `layout batch` on 1, 2, ... N workers, and on a Dask
LocalCluster: pages per second, scaling efficiency, Dask against the process pool.

    python benchmarks/bench_batch.py [BOOK ...] [--workers N] [--runs R] [--copies C]
                                     [--no-cluster] [--check]

The shelf is every book of the shared corpus that `layout batch` reads, unless books are
given: the 17 text books of ../shared/corpus/*/*.txt (2,308 pages), the 29 book folders
of PAGE-XML files of ../shared/corpus-geo/page/*/ (106 pages) and the 2 raw downloads of
../shared/corpus-raw/*.txt (a HathiTrust and an Internet Archive text, 102 pages): 48
books, 2,516 pages. Each book is there `--copies` times under its own name (a real shelf
has thousands of books: more copies weigh the start-up as it weighs there). Each run is
a fresh `python -m layout batch SHELF -o TMP --jobs K --quiet`, start-up included, as a
user sees it. Scaling efficiency is the speed-up over one worker divided by the workers
(the target is 0.8 or more per core up to the machine's cores); the Dask run uses N
LocalCluster workers and should take at most 25 % longer than the pool of N. Settings
are run interleaved, the best of `--runs` counting. "cpu s" is the CPU time of the batch
and its worker processes (a LocalCluster's workers, forked by Dask's fork server, are
not counted). The load is printed before and after: on a shared machine, other work
takes cores from ours. `--check` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EFFICIENCY_TARGET = 0.8
DASK_SLOWER_AT_MOST = 1.25


def corpus() -> dict[str, list[Path]]:
    """The shared corpus's books by kind: text files, folders of PAGE-XML pages, raw
    downloads."""
    return {
        "text books": sorted(SHARED.glob("corpus/*/*.txt")),
        "PAGE-XML book folders": sorted(p for p in SHARED.glob("corpus-geo/page/*")
                                        if p.is_dir()),
        "raw downloads": sorted(SHARED.glob("corpus-raw/*.txt")),
    }


def make_shelf(books: list[Path], copies: int, folder: Path) -> Path:
    """A folder holding each book (a file or a folder of pages) `copies` times under its
    own name (copied: the batch takes links to one file for one book)."""
    shelf = folder / "shelf"
    shelf.mkdir()
    for book in books:
        for n in range(copies):
            if book.is_dir():
                shutil.copytree(book, shelf / f"{book.name}-{n}")
            else:
                shutil.copyfile(book, shelf / f"{book.stem}-{n}{book.suffix}")
    return shelf


def run_batch(shelf: Path, out: Path, jobs: int, cluster: bool) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and pages of one batch run."""
    cmd = [sys.executable, "-m", "layout", "batch", str(shelf), "-o", str(out),
           "--jobs", str(jobs), "--quiet"]
    if cluster:
        cmd += ["--cluster", "local"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"bench: batch failed ({proc.returncode}): {proc.stderr.strip()}")
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, sum(r["pages"] for r in records)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("books", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="the most workers to try (default: this machine's cores)")
    parser.add_argument("--runs", type=int, default=2, help="runs per setting; the best counts")
    parser.add_argument("--copies", type=int, default=3, help="copies of each book")
    parser.add_argument("--no-cluster", action="store_true", help="skip the Dask run")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    kinds = {"books given": args.books} if args.books else corpus()
    books = [book for group in kinds.values() for book in group]
    if not books:
        sys.exit(f"bench: no books given and no corpus in {SHARED}")
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    parts = ", ".join(f"{len(group)} {kind}" for kind, group in kinds.items())
    print(f"shelf: {len(books)} books ({parts}) x {args.copies} copies; best of "
          f"{args.runs} runs; wall time of the whole command, start-up included")
    print(f"before: {load()}")
    failed = []
    with tempfile.TemporaryDirectory(prefix="layout-bench-batch-") as name:
        tmp = Path(name)
        shelf = make_shelf(books, args.copies, tmp)
        settings = [(jobs, False) for jobs in range(1, args.workers + 1)]
        if not args.no_cluster:
            settings.append((args.workers, True))
        one = tmp / "one"  # a shelf of one page: what starting and stopping an engine costs
        one.mkdir()
        shutil.copyfile(ROOT / "samples" / "page-286.txt", one / "page.txt")
        best: dict[tuple[int, bool], tuple[float, float, int]] = {}
        fixed: dict[bool, float] = {}
        for n in range(args.runs):  # interleaved, so a busy minute weighs on every setting
            for jobs, cluster in settings:
                out = tmp / f"out-{'dask' if cluster else 'pool'}-{jobs}-{n}"
                result = run_batch(shelf, out, jobs, cluster)
                best[jobs, cluster] = min(best.get((jobs, cluster), result), result)
                if jobs == args.workers:
                    wall = run_batch(one, tmp / f"one-{cluster}-{n}", jobs, cluster)[0]
                    fixed[cluster] = min(fixed.get(cluster, wall), wall)
        print(f"{'engine':<14} {'workers':>7} {'pages':>7} {'wall s':>8} {'cpu s':>7} "
              f"{'pages/s':>8} {'speed-up':>8} {'efficiency':>10}")
        base = best[1, False][2] / best[1, False][0]
        for jobs, cluster in settings:
            wall, cpu, pages = best[jobs, cluster]
            rate = pages / wall
            efficiency = rate / base / jobs
            engine = "dask local" if cluster else "process pool"
            print(f"{engine:<14} {jobs:>7} {pages:>7} {wall:>8.2f} {cpu:>7.2f} "
                  f"{rate:>8.0f} {rate / base:>8.2f} {efficiency:>10.2f}")
            if not cluster and efficiency < EFFICIENCY_TARGET:
                failed.append(f"efficiency {efficiency:.2f} on {jobs} workers "
                              f"< {EFFICIENCY_TARGET}")
        print(f"shelf: {len(books) * args.copies} books, {best[1, False][2]:,} pages")
        if not args.no_cluster:
            ratio = best[args.workers, True][0] / best[args.workers, False][0]
            print(f"dask LocalCluster / process pool on {args.workers} workers: "
                  f"{ratio:.2f} x the time")
            start = fixed[True] - fixed[False]
            steady = (best[args.workers, True][0] - start) / best[args.workers, False][0]
            print(f"  a one-page shelf takes {fixed[False]:.2f} s on the pool, "
                  f"{fixed[True]:.2f} s on Dask: the cluster's start-up costs {start:.2f} s; "
                  f"without it, {steady:.2f} x the time")
            if ratio > DASK_SLOWER_AT_MOST:
                failed.append(f"dask {ratio:.2f} x the pool's time > {DASK_SLOWER_AT_MOST}")
    print(f"after: {load()}")
    for failure in failed:
        print(f"MISSED: {failure}")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
