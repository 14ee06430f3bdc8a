"""Benchmark: a book with geometry through the real command line, and its review images.

    python benchmarks/bench_geometry.py [BOOK.txt] [--runs N] [--min-pages-per-s P]
                                        [--min-review-pages-per-s R] [--review-pages K]

The book (default: the shared 645-page Laband) is written as hOCR here, every line boxed
by a simple layout (tests/hocr_of_text.py), and once more as a folder of PAGE-XML files,
one per page (the shape OCR-D and Transkribus deliver). Each run is a fresh
`python -m layout convert BOOK --json --text --tei` process, start-up included, as a user
sees it; then `--review DIR` on the first K pages. Prints pages per second (best and
median) for each shape and for the review images; with the --min options it exits 1 when
the best run is slower (for CI).
"""

from __future__ import annotations

import argparse
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


def convert(book: Path, out: Path, *extra: str) -> float:
    """Wall seconds of one conversion in a child process."""
    cmd = [sys.executable, "-m", "layout", "convert", str(book), "--quiet", *extra]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=False, capture_output=True)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"bench: conversion failed ({done.returncode}): {done.stderr.decode()[-300:]}")
    return wall


def report(name: str, pages: int, walls: list[float]) -> float:
    best = pages / min(walls)
    print(f"{name}: {pages} pages, best {min(walls):.3f} s ({best:.0f} pages/s), "
          f"median {statistics.median(walls):.3f} s ({pages / statistics.median(walls):.0f} "
          "pages/s)")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("book", nargs="?", default=str(DEFAULT_BOOK))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--review-pages", type=int, default=60)
    parser.add_argument("--min-pages-per-s", type=float)
    parser.add_argument("--min-review-pages-per-s", type=float)
    args = parser.parse_args()
    source = Path(args.book)
    if not source.exists():
        sys.exit(f"bench: {source}: no such file")
    pages = text_pages(source.read_text(encoding="utf-8-sig"))
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
        for name, path in (("hOCR, one file", book), ("PAGE-XML, a file a page", folder)):
            walls = [convert(path, work, *outputs) for _ in range(args.runs)]
            speed = report(name, len(pages), walls)
            if args.min_pages_per_s and speed < args.min_pages_per_s:
                print(f"bench: {name}: slower than {args.min_pages_per_s} pages/s")
                failed = True
        short = work / "short.hocr"
        short.write_bytes(hocr(pages[: args.review_pages]))
        walls = [convert(short, work, "--review", str(work / f"review{k}"))
                 for k in range(args.runs)]
        speed = report("review images", min(args.review_pages, len(pages)), walls)
        if args.min_review_pages_per_s and speed < args.min_review_pages_per_s:
            print(f"bench: review: slower than {args.min_review_pages_per_s} pages/s")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
