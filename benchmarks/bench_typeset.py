"""Benchmark: our Knuth–Plass breaker against ReportLab's greedy Paragraph on the corpus.

    python benchmarks/bench_typeset.py [BOOK.txt ...] [--size 10] [--measure book|POINTS]
                                       [--expansion 0.02] [--check]

Each book is read and analysed by the engine (readers + passes); its body paragraphs are
set twice on the same face, size and measure: by layout.typeset.linebreak and by
ReportLab's `Paragraph.breakLines` (justified, pyphen hyphenation in the book's language,
breaks at explicit hyphens). For each breaker it prints the median and 95th-percentile
inter-word space (over every space of the justified lines; ragged last lines are left
out) as a multiple of the natural space, the lines ending in a hyphen (any: added,
explicit, or a word's own as in "Staats- und"), the longest run of such lines, the
overfull lines (wider than the measure even with every space shrunk to its limit) and
source pages per second (breaking only; reading and analysis are not timed). The measure
is each book's facsimile measure (as many characters as its full lines hold) unless
--measure is given. With --check it exits 1 when ours misses a target: median <= 1.10,
<= 2 consecutive hyphens, 0 overfull, fewer hyphenated lines than greedy, >= 20 pages
per second. "ours" is the breaker as the typesetter ships it: with the glyph expansion
its page style allows (`layout.typeset.pages.Style.expansion`, 3.5 %, drawn by both
renderers; --expansion changes it); a second row shows the breaker without expansion,
for comparison. The targets are checked on "ours".

Then each book is composed as the PDF writer composes it, page for page (facsimile) and
reflowed, and the pages are measured as a publisher would look at them (typeset_measures):
stand-in glyphs, kerned pairs, running heads against their one canonical form, note pages
with a gap above the rule, hyphenated lines (German apart) and breaks inside `ſt`, lines
beginning with punctuation, word spaces, hyphen runs and overfull lines of both modes, list
items set with a hanging indent, lines whose break belongs to the text (verse, a letter's
dateline, salutation, signature and address, a title page: `Line.keeps_break`) set as lines
of their own, headings at a page's foot, and the PDF drawn per second of CPU, against
issue 12's targets (--check holds those in typeset_measures.ENFORCED and reports the
others):
0 stand-ins, kerning applied, every head canonical, <= 5 % of note pages with a gap over two lines,
German hyphenated lines <= 18 % and none inside `ſt`, no line starting with punctuation,
median space <= 1.05 and p95 <= 1.35, <= 2 hyphens in a row, 0 overfull, every list item
the analysis marks hanging (0 set as a plain paragraph), every line it marks as keeping its
break drawn as a line of its own, not justified, none run together with the next (a line a word cut
at a line's end runs on from or into counted apart: the word is joined), 0 headings ending
a page or standing over a single line there (facsimile pages whose source page so ends
counted apart), >= 150 PDF pages/s.

Paragraphs come from Line.paragraph_start when the passes set it; otherwise a paragraph
ends after a short line (under 3/4 of the book's median text-line length), at a blank line
or a heading.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout.flows import glued, text_flow
from layout.model import Book, Role
from layout.passes import analyse
from layout.patterns import Hyphenator
from layout.readers import read_file
from layout.typeset.compose import compose
from layout.typeset.facsimile import book_measure
from layout.typeset.fonts import Face, Metrics, book_faces, metrics
from layout.typeset.linebreak import DEFAULT_SETTINGS, Settings, break_paragraph
from layout.typeset.pages import Style
from layout.typeset.setting import Setter
from layout.writers import pdf
from layout.writers.text import strip_marks

sys.path.insert(0, str(ROOT / "benchmarks"))
from typeset_measures import ENFORCED, Sheet, table, unmet
from typeset_measures import measure as measure_pages

CORPUS = ROOT.parent / "shared" / "corpus"
SHORT_LINE = 0.75


@dataclass
class Tally:
    """What one breaker did to the corpus."""

    spaces: list[float] = field(default_factory=list)
    lines: int = 0
    hyphens: int = 0
    longest_run: int = 0
    overfull: int = 0
    seconds: float = 0.0

    def hyphen_runs(self, flags: list[bool]) -> None:
        run = 0
        for flag in flags:
            run = run + 1 if flag else 0
            self.longest_run = max(self.longest_run, run)
        self.hyphens += sum(flags)


def paragraphs(book: Book) -> list[list[str]]:
    """The body paragraphs of the book as word lists, line-end hyphens resolved."""
    marks = [strip_marks(page) for page in book.pages]
    flow = list(text_flow(book))
    has_starts = any(line.paragraph_start for page in book.pages for line in page.lines)
    lengths = [len(book.pages[p].lines[i].text.strip()) for p, i in flow]
    short = SHORT_LINE * statistics.median(lengths) if lengths else 0
    out: list[list[str]] = []
    buf = ""
    glue = False
    prev: tuple[int, int] | None = None
    prev_len = 0
    for p, i in flow:
        line = book.pages[p].lines[i]
        text = marks[p].get(i, line.text).strip()
        if line.role is Role.HEADING:
            new = True
        elif has_starts:
            new = line.paragraph_start
        else:
            gap = (
                prev is not None
                and prev[0] == p
                and any(book.pages[p].lines[j].is_blank for j in range(prev[1] + 1, i))
            )
            new = gap or prev_len < short
        if new and not glue:
            if buf.strip():
                out.append(buf.split())
            buf = ""
        if line.role is Role.HEADING:
            buf, glue, prev, prev_len = "", False, (p, i), 0
            continue
        buf = buf + text if glue else buf + " " + text
        buf, glue = glued(buf, line)
        prev, prev_len = (p, i), len(text)
    if buf.strip():
        out.append(buf.split())
    return out


def set_ours(
    paras: list[list[str]],
    m: Metrics,
    size: float,
    measure: float,
    hyphenator: Hyphenator,
    tally: Tally,
    settings: Settings = DEFAULT_SETTINGS,
) -> None:
    natural = m.width(" ", size)
    shrink = settings.shrink
    t0 = time.perf_counter()
    results = [
        break_paragraph(words, measure, m, size, hyphenator, settings=settings)
        for words in paras
    ]
    tally.seconds += time.perf_counter() - t0
    for lines in results:
        tally.lines += len(lines)
        tally.hyphen_runs(
            [line.words[-1].endswith("-") and not line.final for line in lines]
        )
        for line in lines:
            gaps = len(line.words) - 1
            if gaps and not line.final:
                tally.spaces.extend([line.space / natural] * gaps)
            tightest = line.natural * (1 - settings.expansion)
            if line.indent + tightest + gaps * natural * (1 - shrink) > measure + 1e-6:
                tally.overfull += 1


def set_greedy(
    paras: list[list[str]],
    face: Face,
    size: float,
    measure: float,
    lang: str,
    tally: Tally,
) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph

    m = metrics(face)
    pdfmetrics.registerFont(m.font)
    style = ParagraphStyle(
        "bench",
        fontName=face.name,
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_JUSTIFY,
        hyphenationLang=lang,
        embeddedHyphenation=1,
    )
    natural = m.width(" ", size)
    shrink = DEFAULT_SETTINGS.shrink
    t0 = time.perf_counter()
    results = [
        Paragraph(escape(" ".join(words)), style).breakLines(measure).lines
        for words in paras
    ]
    tally.seconds += time.perf_counter() - t0
    for lines in results:
        tally.lines += len(lines)
        flags = []
        for n, line in enumerate(lines):
            if isinstance(line, tuple):  # one style run: (unused width, words)
                extra, words = line
            else:  # several runs (after entities): a FragLine of fragments
                extra = line.extraSpace
                words = "".join(getattr(f, "text", "") for f in line.words).split()
            last = n == len(lines) - 1
            flags.append(not last and str(words[-1]).endswith("-"))
            gaps = len(words) - 1
            if gaps and not last:
                tally.spaces.extend([(natural + extra / gaps) / natural] * gaps)
            text_width = measure - extra - gaps * natural
            if text_width + gaps * natural * (1 - shrink) > measure + 1e-6:
                tally.overfull += 1
        tally.hyphen_runs(flags)


def _timed(draw: object, composed: object) -> float:
    """Seconds of this process's CPU the drawing takes (the wall clock of a shared machine
    swings with the neighbours' load: 87 against 287 pages per second on one tree)."""
    t0 = time.process_time()
    draw(composed)  # type: ignore[operator]
    return time.process_time() - t0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "books", nargs="*", help="corpus .txt files (default: the corpus)"
    )
    parser.add_argument("--size", type=float, default=10.0, help="type size in points")
    parser.add_argument(
        "--measure",
        default="book",
        help='line length in points, or "book": the facsimile measure of each book',
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a target is missed"
    )
    parser.add_argument(
        "--expansion",
        type=float,
        default=Style().expansion,
        help="glyph expansion of our row (default: the shipped page style's, 0.035 = 3.5 %%)",
    )
    args = parser.parse_args()
    books = [Path(b) for b in args.books] or sorted(CORPUS.glob("*/*.txt"))
    face = book_faces().regular
    m = metrics(face)
    ours, greedy, plain = Tally(), Tally(), Tally()
    hz = Settings(expansion=args.expansion)
    pages = paras_total = 0
    setters: dict[str, Setter] = {}  # one per language: loading pyphen's patterns is slow
    sheets = {"facsimile": Sheet(), "reflow": Sheet()}
    pdf_pages, pdf_seconds = 0, 0.0
    for path in books:
        book = analyse(read_file(path.read_bytes(), path.name))
        for mode, sheet in sheets.items():
            composed = compose(book, mode)
            measure_pages(book, composed, sheet)
            if mode == "facsimile" and len(composed.pages) > pdf_pages:
                # the PDF's speed on the largest book, best of three (the machine is shared)
                pdf_pages = len(composed.pages)
                pdf_seconds = min(_timed(pdf.render, composed) for _ in range(3))
        lang = book.language or "en"
        if lang not in setters:
            setters[lang] = Setter(Style(size=args.size), lang)
        hyph = setters[lang].hyphenator
        paras = paragraphs(book)
        pages += len(book.pages)
        paras_total += len(paras)
        measure = (
            book_measure(book, setters[lang])
            if args.measure == "book"
            else float(args.measure)
        )
        set_ours(paras, m, args.size, measure, hyph, ours, hz)
        set_ours(paras, m, args.size, measure, hyph, plain)
        set_greedy(paras, face, args.size, measure, hyph.lang or "", greedy)
        print(
            f"  {path.name}: {len(book.pages)} pages, {len(paras)} paragraphs, language {lang},"
            f" measure {measure:g} pt"
        )
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )
    measure_text = (
        "each book's facsimile" if args.measure == "book" else f"a {args.measure} pt"
    )
    print(
        f"corpus: {len(books)} books, {pages} pages, {paras_total} paragraphs; "
        f"{face.name} {args.size:g} pt on {measure_text} measure"
    )
    print(
        f"{'breaker':<14}{'lines':>8}{'median sp':>11}{'p95 sp':>8}{'hyphens':>9}"
        f"{'max run':>9}{'overfull':>10}{'pages/s':>9}"
    )
    rows = [
        (f"ours (hz {args.expansion:.0%})", ours),
        ("k-p, no hz", plain),
        ("greedy (RL)", greedy),
    ]
    for name, t in rows:
        print(
            f"{name:<14}{t.lines:>8}{statistics.median(t.spaces):>11.3f}"
            f"{percentile(t.spaces, 0.95):>8.3f}{t.hyphens:>9}{t.longest_run:>9}"
            f"{t.overfull:>10}{pages / t.seconds:>9.1f}"
        )
    print("(hz: glyph expansion, as the PDF and PNG renderers draw it)")
    pdf_rate = pdf_pages / pdf_seconds if pdf_seconds else float("inf")
    print("\nthe composed pages (word spaces of justified lines, as drawn):")
    print("\n".join(table(sheets, pdf_rate)))
    for mode, sheet in sheets.items():
        for kind, found in sheet.examples.items():
            print(f"  {mode} {kind}: " + "; ".join(found))
    pending = unmet(sheets, pdf_rate)
    reported = [what for target, what in pending if target not in ENFORCED]
    print("issue 12, reported: " + ("all met" if not reported else "; ".join(reported)))
    missed = [what for target, what in pending if target in ENFORCED]
    if statistics.median(ours.spaces) > 1.10:
        missed.append("median space > 1.10")
    if ours.longest_run > 2:
        missed.append("more than 2 consecutive hyphens")
    if ours.overfull:
        missed.append("overfull lines")
    if ours.hyphens >= greedy.hyphens:
        missed.append("not fewer hyphens than greedy")
    if pages / ours.seconds < 20:
        missed.append("fewer than 20 pages per second")
    print("targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
