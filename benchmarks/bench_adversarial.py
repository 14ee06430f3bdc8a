"""Benchmark: adversarial books, timed through the real command line per megabyte.

    python benchmarks/bench_adversarial.py [--book NORMAL.txt] [--mb 1.0] [--runs 2]
                                           [--only NAME ...] [--timeout 120] [--check]

Each case builds a book meant to make some step slower than linear in a page's lines, a
line's length or the book's pages (a 50,000-digit token where a folio stands, near-equal
head lines of 4,000 letters, pages of 2,000 note-like lines, a word broken over thousands
of lines, ...), about --mb megabytes of it. Every book, and a normal one (the corpus's
645-page Laband by default; without ../shared, the sample excerpt repeated), is converted
by a fresh `python -m layout convert BOOK --json --text --tei` process, as a user runs it.
Time is the child's CPU time (user and system), which other processes on a shared machine
disturb far less than the wall clock. The start-up time (converting a one-line book) is
taken off each, so the figure compared is the time the conversion itself takes per
megabyte of input. Prints one row a case: its megabytes, its best CPU seconds, its seconds
per megabyte and that figure divided by the normal book's. With --check it exits 1 when
a case takes more than MAX_RATIO times the normal book's time per megabyte, or fails, or
runs past --timeout.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_BOOK = ROOT.parent / "shared" / "corpus" / "dta-clean" / "laband1876-full.txt"
SAMPLE = ROOT / "samples" / "laband1876-excerpt.txt"
MAX_RATIO = 3.0
"""The most a case may take per megabyte, as a multiple of the normal book's time."""

WORDS = (
    "der die das und des den im Staat Reich Verfassung Gesetz Bundes Recht Gewalt "
    "the of and to in state law government power court which was"
).split()


class Writer:
    """Deterministic filler text for the cases."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def body(self, n: int) -> list[str]:
        return [self.words(9) for _ in range(n)]


def book(pages: list[list[str]]) -> str:
    return "\f".join("\n".join(lines) for lines in pages)


def pages_for(size: int, per_page: int) -> int:
    """How many pages of about `per_page` characters make `size` characters."""
    return max(1, size // max(1, per_page))


# Each case: a name, what it attacks, and a builder of about `size` characters.
def digit_edges(w: Writer, size: int) -> str:
    return book([["1" * 50_000, *w.body(30), "9" * 50_000]
                 for _ in range(pages_for(size, 101_800))])


def long_head_lines(w: Writer, size: int) -> str:
    base = [w.rng.choice("ab ") for _ in range(4000)]
    pages = []
    for _ in range(pages_for(size, 6000)):
        head = list(base)
        for _ in range(20):
            head[w.rng.randrange(len(head))] = w.rng.choice("ab ")
        pages.append(["".join(head), *w.body(30)])
    return book(pages)


def note_like_lines(w: Writer, size: int) -> str:
    return book([[*w.body(5), *(f"{k}) {w.words(6)}" for k in range(1, 2001))]
                 for _ in range(pages_for(size, 80_000))])


def symbol_labels(w: Writer, size: int) -> str:
    return book([[*w.body(5), *("*" * (k % 5 + 1) + " " + w.words(6) for k in range(2000))]
                 for _ in range(pages_for(size, 80_000))])


def one_long_line(w: Writer, size: int) -> str:
    return book([[*w.body(5), w.words(size // 6), *w.body(5)]])


def long_broken_words(w: Writer, size: int) -> str:
    return book([[*w.body(5), "x" * 50_000 + "-", "y" * 50_000 + " und", *w.body(5)]
                 for _ in range(pages_for(size, 100_600))])


def hyphen_chain(w: Writer, size: int) -> str:
    lines = [w.words(30) + " wort-" for _ in range(size // 200)]
    return book([lines[k: k + 5000] for k in range(0, len(lines), 5000)])


def compound_chain(w: Writer, size: int) -> str:
    return book([[*w.body(5), "-".join("ab" for _ in range(20_000)), *w.body(5)]
                 for _ in range(pages_for(size, 60_600))])


def space_runs(w: Writer, size: int) -> str:
    gap = " " * 50_000
    return book([[f"12{gap}Title", *w.body(20), f"Title 12{gap}x"]
                 for _ in range(pages_for(size, 101_200))])


def junk_head_lines(w: Writer, size: int) -> str:
    return book([[". -" * 10_000 + " Title", *w.body(20), "- ." * 10_000]
                 for _ in range(pages_for(size, 61_200))])


def single_letters(w: Writer, size: int) -> str:
    return book([[" ".join("a" * 25_000), *w.body(20), " ".join("1" * 25_000)]
                 for _ in range(pages_for(size, 101_200))])


def many_lines(w: Writer, size: int) -> str:
    return book([[str(k) if k % 3 == 0 else w.words(3) for k in range(20_000)]
                 for _ in range(pages_for(size, 200_000))])


def many_pages(w: Writer, size: int) -> str:
    return book([[str(p + 1), "", *w.body(3)] for p in range(pages_for(size, 190))])


def folio_candidates(w: Writer, size: int) -> str:
    n = pages_for(size, 600)
    return book([[str(w.rng.randrange(1, 999)), str(w.rng.randrange(1, 999)), *w.body(8),
                  str(w.rng.randrange(1, 999)), str(w.rng.randrange(1, 999))] for _ in range(n)])


def distinct_titles(w: Writer, size: int) -> str:
    pages = []
    for p in range(pages_for(size, 420)):
        title = " ".join("".join(w.rng.choice("abcdefghijklmnop") for _ in range(6))
                         for _ in range(5)).title()
        head = f"{p + 1}     {title}" if p % 2 == 0 else f"{title}     {p + 1}"
        pages.append([head, "", *w.body(6)])
    return book(pages)


def djvu_head_blocks(w: Writer, size: int) -> str:
    out: list[str] = []
    page = 1
    for _ in range(pages_for(size, 640)):
        title = "".join(w.rng.choice("AB") for _ in range(60))
        lone = "".join(w.rng.choice("AB") for _ in range(60))
        for head in (title, title, lone):  # a title on two pages, an OCR variant on one
            out += ["", head, "", str(page), "", *w.body(3)]
            page += 1
    return "\n".join(out)  # no form feeds: pages found from their head blocks


CASES: dict[str, tuple[str, Callable[[Writer, int], str]]] = {
    "digit-edges": ("a 50,000-digit token as first and last line", digit_edges),
    "long-head-lines": ("near-equal head lines of 4,000 signs, no folio", long_head_lines),
    "note-like-lines": ("pages of 2,000 lines labelled 1) 2) ...", note_like_lines),
    "symbol-labels": ("pages of 2,000 lines labelled * ** ...", symbol_labels),
    "one-long-line": ("one line of the whole book's words", one_long_line),
    "long-broken-words": ("50,000-letter words broken at a hyphen", long_broken_words),
    "hyphen-chain": ("5,000 lines a page, each ending in a break", hyphen_chain),
    "compound-chain": ("a compound of 20,000 hyphenated parts", compound_chain),
    "space-runs": ("50,000 spaces inside head and foot lines", space_runs),
    "junk-head-lines": ("head and foot lines of 10,000 stray signs", junk_head_lines),
    "single-letters": ("edge lines of 25,000 one-letter tokens", single_letters),
    "many-lines": ("pages of 20,000 lines, every third a number", many_lines),
    "many-pages": ("short pages, each with its folio", many_pages),
    "folio-candidates": ("numbers in every head and foot line, no sequence", folio_candidates),
    "distinct-titles": ("another running title on every page", distinct_titles),
    "djvu-head-blocks": ("no form feeds; every page's title a variant", djvu_head_blocks),
}


def normal_book(path: str | None) -> tuple[str, bytes]:
    """The normal book's name and bytes: the given file, the corpus book, or the sample."""
    if path:
        return Path(path).name, Path(path).read_bytes()
    if CORPUS_BOOK.exists():
        return CORPUS_BOOK.name, CORPUS_BOOK.read_bytes()
    pages = SAMPLE.read_text(encoding="utf-8").split("\f")
    return f"{SAMPLE.name} x 160", "\f".join(pages * 160).encode("utf-8")


def convert(data: bytes, tmp: Path, timeout: float) -> float | None:
    """CPU seconds (user and system) of one conversion through the command line; None if
    it failed or ran past `timeout` seconds of wall time. CPU time, not wall time: the
    other processes of a shared machine slow the wall clock, much less the CPU count."""
    source = tmp / "book.txt"
    source.write_bytes(data)
    cmd = [
        sys.executable, "-m", "layout", "convert", str(source), "--quiet",
        "--json", str(tmp / "b.json"), "--text", str(tmp / "b.out.txt"),
        "--tei", str(tmp / "b.xml"),
    ]
    with open(tmp / "stderr", "wb") as err:
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                return None
            time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode != 0:
        message = (tmp / "stderr").read_text("utf-8", "replace").strip().splitlines()
        print(f"  failed: {message[-1] if message else child.returncode}", file=sys.stderr)
        return None
    return usage.ru_utime + usage.ru_stime


def best_of(data: bytes, runs: int, tmp: Path, timeout: float) -> float | None:
    times = []
    for _ in range(runs):
        cpu = convert(data, tmp, timeout)
        if cpu is None:
            return None
        times.append(cpu)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--book", help="the normal book (default: the corpus's Laband)")
    parser.add_argument("--mb", type=float, default=1.0, help="size of each case (MB)")
    parser.add_argument("--runs", type=int, default=2, help="runs a book; the best counts")
    parser.add_argument("--only", nargs="+", choices=sorted(CASES), help="cases to run")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a run")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 when a case takes over {MAX_RATIO:g}x the normal time/MB")
    args = parser.parse_args()
    names = args.only or list(CASES)
    size = int(args.mb * 1_000_000)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="layout-adversarial-") as name:
        tmp = Path(name)
        start_up = best_of(b"Ein Satz.\n", args.runs + 1, tmp, args.timeout)
        label, normal = normal_book(args.book)
        normal_cpu = best_of(normal, args.runs, tmp, args.timeout)
        if start_up is None or normal_cpu is None:
            print("bench: the normal book did not convert", file=sys.stderr)
            return 1
        base = (normal_cpu - start_up) / (len(normal) / 1e6)
        print(f"start-up {start_up:.2f} s CPU (taken off every time); "
              f"{os.cpu_count()} cores; limit {MAX_RATIO:g}x the normal book's CPU s/MB")
        print(f"{'case':<20} {'MB':>6} {'cpu s':>7} {'s/MB':>7} {'ratio':>6}  what")
        print(f"{'normal':<20} {len(normal) / 1e6:6.2f} {normal_cpu:7.2f} {base:7.2f} "
              f"{1.0:6.2f}  {label}")
        for case in names:
            what, build = CASES[case]
            data = build(Writer(), size).encode("utf-8")
            mb = len(data) / 1e6
            cpu = best_of(data, args.runs, tmp, args.timeout)
            if cpu is None:
                print(f"{case:<20} {mb:6.2f} {'-':>7} {'-':>7} {'-':>6}  {what}: "
                      f"failed or over {args.timeout:g} s")
                failed.append(case)
                continue
            per_mb = max(0.0, cpu - start_up) / mb
            ratio = per_mb / base
            print(f"{case:<20} {mb:6.2f} {cpu:7.2f} {per_mb:7.2f} {ratio:6.2f}  {what}",
                  flush=True)
            if ratio > MAX_RATIO:
                failed.append(case)
    if failed:
        print(f"over {MAX_RATIO:g}x or failed: {', '.join(failed)}")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
