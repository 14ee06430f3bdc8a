"""Fuzzing the command line in-process: mutated books and random page structures go
through `layout convert` (the same `main` a user runs); every one must end in exit 0 or 1
(never an internal error), and every one converted must keep every printed character: in
the book the reader made, and in the TEI written from it.

Bounded for CI: a fixed number of examples per strategy (about a minute in all), drawn
from a fixed seed so a run is repeatable; `LAYOUT_FUZZ_EXAMPLES=2000` (and
`LAYOUT_FUZZ_RANDOM=1` for a fresh seed) fuzzes longer by hand. Inputs that once found a
bug are kept in `tests/cases/fuzz/` and run every time."""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from writer_fixtures import assert_lossless, squeeze

import layout
from layout.cli import main
from layout.readers import decode, hathitrust

CASES = Path(__file__).resolve().parent / "cases" / "fuzz"
EXAMPLES = int(os.environ.get("LAYOUT_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    derandomize=not os.environ.get("LAYOUT_FUZZ_RANDOM"),
    # shrinking a book-sized input takes minutes: a failure is shown as found (minimise
    # it by hand before keeping it in tests/cases/fuzz/), unless LAYOUT_FUZZ_SHRINK is set
    phases=list(Phase) if os.environ.get("LAYOUT_FUZZ_SHRINK") else [Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEEDS = [
    (SAMPLES / "page-286.txt").read_bytes(),
    (SAMPLES / "laband1876-excerpt.txt").read_bytes(),
    (SAMPLES / "laband1876-hathitrust.txt").read_bytes()[:12_000],
]


def convert(data: bytes, name: str = "book.txt") -> None:
    """Run `layout convert` on the bytes and check what the fuzz test promises."""
    with tempfile.TemporaryDirectory(prefix="layout-fuzz-") as tmp:
        source, tei = Path(tmp) / name, Path(tmp) / "out.tei.xml"
        source.write_bytes(data)
        err = io.StringIO()
        with redirect_stderr(err):
            code = main(["convert", str(source), "--tei", str(tei), "--json",
                         str(Path(tmp) / "out.json"), "--text", str(Path(tmp) / "out.txt"),
                         "-q"])
        assert code in (0, 1), err.getvalue()
        if code == 1:
            assert len(err.getvalue().splitlines()) == 1, err.getvalue()
            return
        book = layout.convert(source).book
        if not layout.read(source).analysed and not hathitrust.detect(text := decode(data, name)):
            printed = "".join(line.text for page in book.pages for line in page.lines)
            assert squeeze(printed) == squeeze(text.replace("\f", "")), "the reader lost text"
        assert_lossless(book, tei.read_bytes())


# -- mutated books ------------------------------------------------------------------------

PIECES = st.sampled_from([
    b"\f", b"\n", b"\n\n", b"-\n", b"\xc2\xac\n", b"1) ", b"*) ", b"\xc2\xb9", b"286", b"xii",
    b"  ", b"\t", b"____\n", b"\xe2\x80\x94", b"(", b")", b"[", b"]", b"\xc3\x9f", b"&", b"<",
    b"0", b"0) ", b"\n0\n", b"a" * 300, b"9" * 200, b"\xe2\x80\xa0", b"\r\n", b"\xef\xbb\xbf",
])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A sample book with bytes cut, pasted, repeated and replaced."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(data)))
        span = draw(st.integers(0, 400))
        how = draw(st.integers(0, 4))
        if how == 0:
            del data[at:at + span]
        elif how == 1:
            data[at:at] = draw(PIECES)
        elif how == 2:
            data[at:at] = data[at:at + span]  # a stretch said twice
        elif how == 3:
            data[at:at + 1] = draw(st.binary(min_size=1, max_size=4))
        else:
            data[at:at] = draw(st.text(min_size=1, max_size=20)).encode("utf-8", "surrogatepass")
    return bytes(data)


@FUZZ
@given(mutated())
def test_mutated_books_convert_or_fail_cleanly(data: bytes) -> None:
    convert(data)


# -- random structures --------------------------------------------------------------------

WORD = st.sampled_from(
    "the of and in river mill spring con- flict- ing well- known Vater- und Gesetz- "
    "gebung der die 1 2 3 12 286 xii IV * † ‡ a) b) 1) (2) [3] — . , ; CHAPTER I. Note "
    "See ibid. p. S. Digitized by Google".split()
)
LINE = st.one_of(
    st.lists(WORD, min_size=1, max_size=14).map(" ".join),
    st.sampled_from(["", " ", "286", "xii", "THE TITLE OF THE BOOK", "12  THE TITLE",
                     "____", "1) A note.", "* A note.", "A 2", "Digitized by Google"]),
    st.text(max_size=40),
)
PAGE = st.lists(LINE, min_size=0, max_size=45).map("\n".join)


@FUZZ
@given(st.lists(PAGE, min_size=1, max_size=30))
def test_random_page_structures_convert_or_fail_cleanly(pages: list[str]) -> None:
    convert("\f".join(pages).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(PAGE, min_size=1, max_size=12))
def test_random_tei_read_back_converts_or_fails_cleanly(pages: list[str]) -> None:
    """A book's TEI, converted again (read back with its decisions), mutated or not."""
    try:
        tei = layout.convert("\f".join(pages)).tei()
    except layout.ReadError:
        return
    convert(tei, "book.tei.xml")


# -- inputs that found bugs ---------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES.glob("*")), ids=lambda p: p.name)
def test_inputs_that_found_bugs(case: Path) -> None:
    convert(case.read_bytes(), case.name)
