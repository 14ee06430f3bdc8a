"""Headings and divisions against the Deutsches Textarchiv's own structure.

    python benchmarks/structure_dta.py DTA_DIR [BOOK.txt ...]

The corpus books in `../shared/corpus/dta/` are excerpts of DTA books. DTA_DIR holds
their DTA TEI files (`*.xml`, e.g. from the `deutschestextarchiv/gt_structure_dtaText`
repository, `corpus/*/NAME/NAME.txt.xml`; CC BY-SA 4.0, not shipped here). For each
corpus book the script finds its DTA file and the DTA page each of its pages is (by the
words they share), converts the book with the engine and compares the headings:

- DTA heads: every `<head>` that is a child of a `<div>` and begins on one of the
  excerpt's pages (its text without its notes), its level the number of divs around it;
- found: the share of DTA heads that one of our headings matches (same page or the next,
  letters alike at 80 % or more, one to one); precision: the share of our headings that
  match a DTA head;
- level: of the found heads, the share whose level differs from the DTA's by the offset
  most of them share (an excerpt starts inside divisions it does not show, so the
  levels are compared up to that constant);
- parent: of the found heads, the share whose parent (the nearest heading before it at a
  lower level) is the DTA head's parent, or both have none in the excerpt.

Prints one row per book and a total. Needs rapidfuzz (a test dependency).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout import convert  # noqa: I001
from layout.flows import text_flow
from layout.model import Book

TEI = "{http://www.tei-c.org/ns/1.0}"
CORPUS = ROOT.parent / "shared" / "corpus" / "dta"
LETTERS = re.compile(r"[^\W\d_]+")
SHOW = False


def letters(text: str) -> str:
    return "".join(LETTERS.findall(text.replace("ſ", "s").lower()))


def words(text: str) -> set[str]:
    return {w for w in LETTERS.findall(text.replace("ſ", "s").lower()) if len(w) > 3}


@dataclass
class DtaHead:
    page: int  # index into the DTA's pages
    text: str
    depth: int


@dataclass
class Ours:
    page: int  # index into the corpus book's pages
    text: str
    level: int


def dta_pages(root: etree._Element) -> tuple[list[str], list[DtaHead]]:
    """The DTA document's pages (their text) and its division heads."""
    pages: list[list[str]] = [[]]
    heads: list[DtaHead] = []

    def text_of(el: etree._Element) -> str:
        parts = [el.text or ""]
        for child in el:
            if child.tag != f"{TEI}note":
                parts.append(text_of(child))
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(el: etree._Element, depth: int) -> None:
        for child in el:
            if child.tag == f"{TEI}pb":
                pages.append([])
            elif child.tag == f"{TEI}head" and el.tag == f"{TEI}div":
                heads.append(DtaHead(len(pages) - 1, " ".join(text_of(child).split()), depth))
                pages[-1].append(text_of(child))
                walk(child, depth)  # a page may break inside a head
            else:
                if isinstance(child.tag, str):
                    pages[-1].append(child.text or "")
                    walk(child, depth + (child.tag == f"{TEI}div"))
            pages[-1].append(child.tail or "")

    text = root.find(f"{TEI}text")
    if text is not None:
        walk(text, 0)
    return ["".join(p) for p in pages], heads


def align(book_pages: list[str], dta: list[str]) -> tuple[int, float]:
    """The DTA page index of the book's first page, and how well the pages agree."""
    ours = [words(p) for p in book_pages]
    theirs = [words(p) for p in dta]
    best, best_score = 0, -1.0
    probe = [k for k in range(len(ours)) if ours[k]][:6]
    for offset in range(-len(ours) + 1, len(theirs)):
        score = 0.0
        for k in probe:
            j = k + offset
            if 0 <= j < len(theirs) and theirs[j]:
                score += len(ours[k] & theirs[j]) / max(1, len(ours[k] | theirs[j]))
        if score > best_score:
            best, best_score = offset, score
    return best, best_score / max(1, len(probe))


def our_heads(book: Book) -> list[Ours]:
    heads: list[Ours] = []
    for p, i in text_flow(book):
        line = book.pages[p].lines[i]
        if line.heading is None:
            continue
        if line.paragraph_start or not heads:
            heads.append(Ours(p, line.text.strip(), line.heading.level))
        else:
            heads[-1].text += " " + line.text.strip()
    return heads


def parents(levels: list[int]) -> list[int | None]:
    """For each heading, the index of its parent (nearest before at a lower level)."""
    out: list[int | None] = []
    for k, level in enumerate(levels):
        parent = None
        for j in range(k - 1, -1, -1):
            if levels[j] < level:
                parent = j
                break
        out.append(parent)
    return out


def score(book_path: Path, dta_files: list[Path]) -> dict[str, float] | None:
    raw = book_path.read_text(encoding="utf-8").split("\f")
    best: tuple[float, Path, int, list[str], list[DtaHead]] | None = None
    for path in dta_files:
        pages, heads = dta_pages(etree.parse(str(path)).getroot())
        offset, agreement = align(raw, pages)
        if best is None or agreement > best[0]:
            best = (agreement, path, offset, pages, heads)
    if best is None or best[0] < 0.2:
        return None
    agreement, path, offset, pages, heads = best
    span = range(offset, offset + len(raw))
    theirs = [h for h in heads if h.page in span]
    book = convert(book_path).book
    ours = our_heads(book)
    match: dict[int, int] = {}  # their index -> our index
    taken: set[int] = set()
    for t, head in enumerate(theirs):
        want = letters(head.text)
        page = head.page - offset
        cands = [(fuzz.ratio(want, letters(o.text)), o_k) for o_k, o in enumerate(ours)
                 if o_k not in taken and page <= o.page <= page + 1]
        cands += [(fuzz.partial_ratio(letters(o.text), want) - 5, o_k)
                  for o_k, o in enumerate(ours)
                  if o_k not in taken and page <= o.page <= page + 1 and len(letters(o.text)) > 8]
        if cands:
            sim, o_k = max(cands)
            if sim >= 80:
                match[t] = o_k
                taken.add(o_k)
    if SHOW:
        back_show = {o: t for t, o in match.items()}
        for o_k, o in enumerate(ours):
            t = back_show.get(o_k)
            mark = f"= {theirs[t].depth} {theirs[t].text[:50]}" if t is not None else "(not DTA)"
            print(f"   ours p{o.page:3} L{o.level} {o.text[:60]:60} {mark}")
        for t, head in enumerate(theirs):
            if t not in match:
                print(f"   MISS p{head.page - offset:3} D{head.depth} {head.text[:70]}")
    found = len(match)
    offsets = Counter(theirs[t].depth - ours[o].level for t, o in match.items())
    shift = offsets.most_common(1)[0][0] if offsets else 0
    level_ok = sum(1 for t, o in match.items() if theirs[t].depth - ours[o].level == shift)
    their_parent = parents([h.depth for h in theirs])
    our_parent = parents([h.level for h in ours])
    back = {o: t for t, o in match.items()}
    parent_ok = 0
    for t, o in match.items():
        tp, op = their_parent[t], our_parent[o]
        if (tp is None and op is None) or (op is not None and back.get(op) == tp):
            parent_ok += 1
    return {
        "dta": path.name, "agreement": agreement, "dta_heads": len(theirs),
        "ours": len(ours), "found": found, "level_ok": level_ok, "parent_ok": parent_ok,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dta_dir", type=Path)
    parser.add_argument("books", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="list every heading")
    args = parser.parse_args()
    global SHOW
    SHOW = args.show
    books = args.books or sorted(CORPUS.glob("*.txt"))
    dta_files = sorted(args.dta_dir.glob("*.xml"))
    print(f"{'book':16} {'dta':>4} {'ours':>5} {'found':>6} {'precision':>9} "
          f"{'level':>6} {'parent':>6}  DTA file")
    total: Counter[str] = Counter()
    for book in books:
        row = score(book, dta_files)
        if row is None:
            print(f"{book.stem:16} no DTA file matches its pages")
            continue
        for key in ("dta_heads", "ours", "found", "level_ok", "parent_ok"):
            total[key] += int(row[key])  # type: ignore[call-overload]
        print(_row(book.stem, row) + f"  {row['dta']}")
    print(_row("TOTAL", dict(total)))
    return 0


def _row(name: str, row: dict[str, object]) -> str:
    dta, ours, found = int(row["dta_heads"]), int(row["ours"]), int(row["found"])  # type: ignore[call-overload]

    def share(n: int, d: int) -> str:
        return f"{n / d:.2f}" if d else "-"

    return (f"{name:16} {dta:4d} {ours:5d} {share(found, dta):>6} {share(found, ours):>9} "
            f"{share(int(row['level_ok']), found):>6} "  # type: ignore[call-overload]
            f"{share(int(row['parent_ok']), found):>6}")  # type: ignore[call-overload]


if __name__ == "__main__":
    sys.exit(main())
