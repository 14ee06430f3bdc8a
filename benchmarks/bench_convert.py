"""Benchmark: convert a whole book through the real command line; report speed and memory.

    python benchmarks/bench_convert.py [BOOK.txt] [--runs N] [--max-seconds S] [--max-mb M]

Each run is a fresh `python -m layout convert BOOK --json --text --tei` process, so start-up
is included, as a user sees it. Prints the machine, the best and median wall time, pages per
second, and the peak resident memory of the converting process. With --max-seconds or
--max-mb it exits 1 when the best run is slower or the peak is larger (for CI).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "dta-clean" / "laband1876-full.txt"


def count_pages(book: Path) -> int:
    return book.read_text(encoding="utf-8-sig").count("\f") + 1


def run_once(book: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one conversion in a child process."""
    cmd = [
        sys.executable, "-m", "layout", "convert", str(book), "--quiet",
        "--json", str(out / "b.json"), "--text", str(out / "b.txt"), "--tei", str(out / "b.xml"),
    ]
    t0 = time.perf_counter()
    pid = subprocess.Popen(cmd).pid
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: conversion failed with status {status}")
    return wall, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("book", nargs="?", default=str(DEFAULT_BOOK))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, help="fail when the best run is slower")
    parser.add_argument("--max-mb", type=float, help="fail when the peak memory is larger")
    args = parser.parse_args()
    book = Path(args.book)
    if not book.exists():
        sys.exit(f"bench: {book}: no such file")
    pages = count_pages(book)
    walls, peaks = [], []
    with tempfile.TemporaryDirectory(prefix="layout-bench-") as tmp:
        for _ in range(args.runs):
            wall, peak = run_once(book, Path(tmp))
            walls.append(wall)
            peaks.append(peak)
    best, median, peak = min(walls), statistics.median(walls), max(peaks)
    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"book: {book.name}, {pages} pages, {args.runs} runs (start-up included)")
    print(f"wall: best {best:.3f} s, median {median:.3f} s")
    print(f"speed: {pages / best:.0f} pages/s (best), {pages / median:.0f} pages/s (median)")
    print(f"peak memory: {peak:.0f} MB")
    failed = []
    if args.max_seconds is not None and best > args.max_seconds:
        failed.append(f"best wall {best:.3f} s > {args.max_seconds} s")
    if args.max_mb is not None and peak > args.max_mb:
        failed.append(f"peak memory {peak:.0f} MB > {args.max_mb} MB")
    for f in failed:
        print(f"FAIL: {f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
