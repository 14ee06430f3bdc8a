"""Benchmark: convert a whole book through the real command line; report speed and memory.

    python benchmarks/bench_convert.py [BOOK.txt] [--runs N] [--max-seconds S] [--max-mb M]
    python benchmarks/bench_convert.py --pages 20000 --runs 1 --max-mb M

With --pages N the book is built here: the shared corpus's books, one after another and
again, up to N pages (form feeds between them), written to a temporary file; a shelf's
worth of text in one book, to see that memory grows no faster than the input.

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


CORPUS = ROOT.parent / "shared" / "corpus"


def count_pages(book: Path) -> int:
    with book.open("rb") as stream:
        return sum(block.count(b"\f") for block in iter(lambda: stream.read(1 << 20), b"")) + 1


def build_book(pages: int, path: Path) -> int:
    """Write a book of at least `pages` pages made of the corpus's books; its size."""
    books = sorted(CORPUS.glob("*/*.txt"))
    if not books:
        sys.exit(f"bench: no books in {CORPUS} to build a long book from")
    texts = [b.read_text(encoding="utf-8-sig").strip("\f") for b in books]
    made = 0
    with path.open("w", encoding="utf-8") as out:
        while made < pages:
            for text in texts:
                out.write(("\f" if made else "") + text)
                made += text.count("\f") + 1
                if made >= pages:
                    break
    return path.stat().st_size


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
    parser.add_argument("--pages", type=int, help="build a book of this many pages instead")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, help="fail when the best run is slower")
    parser.add_argument("--max-mb", type=float, help="fail when the peak memory is larger")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="layout-bench-") as tmp:
        book = Path(args.book)
        if args.pages:
            book = Path(tmp) / f"corpus-{args.pages}-pages.txt"
            build_book(args.pages, book)
        elif not book.exists():
            sys.exit(f"bench: {book}: no such file")
        pages, size = count_pages(book), book.stat().st_size / 1e6
        walls, peaks = [], []
        for _ in range(args.runs):
            wall, peak = run_once(book, Path(tmp))
            walls.append(wall)
            peaks.append(peak)
    best, median, peak = min(walls), statistics.median(walls), max(peaks)
    print(f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"book: {book.name}, {pages} pages, {size:.1f} MB, {args.runs} runs "
          "(start-up included)")
    print(f"wall: best {best:.3f} s, median {median:.3f} s")
    print(f"speed: {pages / best:.0f} pages/s (best), {pages / median:.0f} pages/s (median)")
    print(f"peak memory: {peak:.0f} MB ({peak / size:.1f}x the input)")
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
