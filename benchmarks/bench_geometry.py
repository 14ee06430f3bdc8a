"""Benchmark: a book with geometry through the real command line, and its review images.

    python benchmarks/bench_geometry.py [BOOK.txt] [--runs N] [--min-pages-per-s P]
                                        [--min-hocr-pages-per-s H] [--min-page-pages-per-s X]
                                        [--min-review-pages-per-s R] [--review-pages K]

The book (default: the shared 645-page Laband) is written as hOCR here, every line boxed
by a simple layout (tests/hocr_of_text.py), and once more as a folder of PAGE-XML files,
one per page (the shape OCR-D and Transkribus deliver). Each run is a fresh
`python -m layout convert BOOK --json --text --tei` process, start-up included, as a user
sees it (the package byte-compiled first, as an install from a wheel leaves it); then
`--review DIR` on the first K pages. Prints pages per second, by the wall
clock and by the CPU time the conversion took (user and system: what the machine's other
work does not inflate), for each shape and for the review images; with the --min options
it exits 1 when the best run's CPU-time speed is lower (for CI): --min-pages-per-s holds
both shapes, --min-hocr-pages-per-s and --min-page-pages-per-s one each (a hOCR book's
words make it the slower to read).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hocr_of_text import CHAR, HEIGHT, LEFT, PITCH, TOP, hocr, text_pages  # noqa: I001

DEFAULT_BOOK = ROOT.parent / "shared" / "corpus" / "dta-clean" / "laband1876-full.txt"


def page_xml(lines: list[str], p: int) -> str:
    """One page as PAGE-XML (2019): a region of text lines with their boxes."""
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15'>",
        f"<Page imageFilename='p{p:04d}.png' imageWidth='2000' imageHeight='"
        f"{TOP * 2 + PITCH * len(lines)}'><TextRegion id='r{p}'>",
    ]
    for i, text in enumerate(lines):
        y = TOP + i * PITCH
        x0 = LEFT + (len(text) - len(text.lstrip())) * CHAR
        x1 = max(x0, LEFT + len(text.rstrip()) * CHAR)
        out.append(
            f"<TextLine id='l{i}'><Coords points='{x0},{y} {x1},{y} {x1},{y + HEIGHT} "
            f"{x0},{y + HEIGHT}'/><TextEquiv><Unicode>{escape(text)}</Unicode></TextEquiv>"
            "</TextLine>"
        )
    out.append("</TextRegion></Page></PcGts>")
    return "\n".join(out)


def byte_compile() -> None:
    """Compile the package's modules to their bytecode caches, as installing it from a
    wheel does: an editable install under PYTHONDONTWRITEBYTECODE (as in CI) would have
    every timed run compile them from source again (about 0.05 s a run)."""
    import compileall

    import layout

    compileall.compile_dir(Path(layout.__file__).parent, quiet=1)


def convert(book: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) of one conversion in a child
    process."""
    cmd = [sys.executable, "-m", "layout", "convert", str(book), "--quiet", *extra]
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        err = child.stderr.read().decode() if child.stderr else ""
        sys.exit(f"bench: conversion failed ({status}): {err[-300:]}")
    return wall, usage.ru_utime + usage.ru_stime


def report(name: str, pages: int, runs: list[tuple[float, float]]) -> float:
    """Print the runs' speed; the best pages per second of CPU time (the machine's other
    work slows the wall clock, not the CPU time a conversion takes)."""
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"{name}: {pages} pages, wall best {min(walls):.3f} s ({pages / min(walls):.0f} "
          f"pages/s), median {statistics.median(walls):.3f} s; CPU best {min(cpus):.3f} s "
          f"({pages / min(cpus):.0f} pages/s)")
    return pages / min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("book", nargs="?", default=str(DEFAULT_BOOK))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--review-pages", type=int, default=60)
    parser.add_argument("--min-pages-per-s", type=float)
    parser.add_argument("--min-hocr-pages-per-s", type=float)
    parser.add_argument("--min-page-pages-per-s", type=float)
    parser.add_argument("--min-review-pages-per-s", type=float)
    args = parser.parse_args()
    source = Path(args.book)
    if not source.exists():
        sys.exit(f"bench: {source}: no such file")
    pages = text_pages(source.read_text(encoding="utf-8-sig"))
    byte_compile()
    failed = False
    with tempfile.TemporaryDirectory(prefix="layout-bench-geo-") as tmp:
        work = Path(tmp)
        book = work / "book.hocr"
        book.write_bytes(hocr(pages))
        folder = work / "pages"
        folder.mkdir()
        for p, lines in enumerate(pages, start=1):
            (folder / f"p{p:04d}.xml").write_text(page_xml(lines, p), encoding="utf-8")
        outputs = ["--json", str(work / "b.json"), "--text", str(work / "b.txt"),
                   "--tei", str(work / "b.xml")]
        shapes = (("hOCR, one file", book, args.min_hocr_pages_per_s),
                  ("PAGE-XML, a file a page", folder, args.min_page_pages_per_s))
        for name, path, least in shapes:
            runs = [convert(path, work, *outputs) for _ in range(args.runs)]
            speed = report(name, len(pages), runs)
            least = least or args.min_pages_per_s
            if least and speed < least:
                print(f"bench: {name}: slower than {least} pages/s")
                failed = True
        short = work / "short.hocr"
        short.write_bytes(hocr(pages[: args.review_pages]))
        runs = [convert(short, work, "--review", str(work / f"review{k}"))
                for k in range(args.runs)]
        speed = report("review images", min(args.review_pages, len(pages)), runs)
        if args.min_review_pages_per_s and speed < args.min_review_pages_per_s:
            print(f"bench: review: slower than {args.min_review_pages_per_s} pages/s")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
