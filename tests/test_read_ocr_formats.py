"""Readers of OCR with geometry: PAGE-XML, ALTO, hOCR and djvu XML, one fixture per engine
flavour (tests/fixtures/README.md names each file's source and licence)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from layout.cli import main
from layout.model import Box, Role
from layout.passes import analyse
from layout.readers import ReadError, read_file, read_folder
from layout.readers.ocr_formats import sniff
from layout.writers import analysis, tei
from tests.writer_fixtures import assert_lossless, assert_valid, layout_rng

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix != ".md")

LINES = {
    "alto/abbyy-11-alto-2.0.alto": 25,
    "alto/abbyy8-alto-1.4.alto": 7,
    "alto/iarchives-alto-1.1.alto": 10,
    "alto/tesseract-3.03-alto-2.0.alto": 31,
    "alto/tesseract4-alto-3.0.xml": 39,
    "djvu/handmade_djvu.xml": 4,
    "hocr/abbyy-11.hocr": 25,
    "hocr/gcv2hocr-vertical.hocr": 5,
    "hocr/kraken-0.8.hocr": 6,
    "hocr/ocropus-2007.hocr": 37,
    "hocr/ocropy-1.0.html": 29,
    "hocr/tesseract-3.03.hocr": 31,
    "hocr/tesseract-3.04.hocr": 45,
    "hocr/tesseract-3.05.hocr": 27,
    "hocr/tesseract-3.05-pages.hocr": 7,
    "page/escriptorium-2019.xml": 2,
    "page/handmade-2013.xml": 4,
    "page/ocrd-gt-2019-footnotes.xml": 29,
    "page/ocrd-gt-2019-marginalia.xml": 44,
}
"""Lines in each fixture, counted in the file by hand (ocr_line/TextLine/LINE elements)."""


def name(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def test_every_fixture_is_listed() -> None:
    assert sorted(LINES) == [name(p) for p in SAMPLES]


@pytest.mark.parametrize("path", SAMPLES, ids=name)
def test_each_flavour_converts_valid_and_lossless(path: Path) -> None:
    book = read_file(path.read_bytes(), str(path))
    assert sum(len(page.lines) for page in book.pages) == LINES[name(path)]
    for page in book.pages:
        ids = [line.id for line in page.lines]
        assert None not in ids and len(set(ids)) == len(ids), "line ids unique on a page"
        assert all(line.box is not None for line in page.lines if line.text.strip())
    done = analyse(book)
    data = tei.write(done)
    assert_valid(layout_rng(), data)
    assert_lossless(done, data)
    doc = etree.fromstring(data)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    zones = set(doc.xpath("//t:zone/@xml:id", namespaces=ns))
    pointers = {p[1:] for p in doc.xpath("//t:lb/@facs | //t:fw/@facs", namespaces=ns)}
    printed = {f"f{p + 1}.{i + 1}" for p, page in enumerate(done.pages)
               for i, line in enumerate(page.lines) if line.text.strip()}
    assert pointers <= zones and pointers == printed  # each printed line points to its zone
    assert len(doc.xpath("//t:pb[@facs]", namespaces=ns)) == len(book.pages)
    entries = json.loads(analysis.write(done))["pages"]
    for page, entry in zip(done.pages, entries, strict=True):
        assert [e["id"] for e in entry["lines"]] == [line.id for line in page.lines]


def test_page_2013_reading_order_line_order_and_text() -> None:
    book = read_file((FIXTURES / "page/handmade-2013.xml").read_bytes(), "p.xml")
    page = book.pages[0]
    assert [line.id for line in page.lines] == ["l0", "l1", "l2", "l3"]  # order, top down
    first = page.lines[1]
    assert first.text == "The first line of the body, then a-"  # the first TextEquiv
    assert first.font_size == 11 and first.styles == {"italic"}
    assert page.lines[2].text.endswith("ſ and a MUFI sign: \ue5dc")  # PUA passes through
    assert page.lines[3].text == "third line."  # no TextEquiv: its words
    assert [w.box for w in page.lines[3].words][0] == Box(150, 440, 400, 490)
    assert (page.width, page.height, page.image) == (1200, 1800, "p0012.png")
    assert first.box == Box(150, 300, 1050, 350) and first.baseline == 340
    assert {line.region for line in page.lines} == {"r_head", "r_body"}


def test_region_types_are_not_read() -> None:
    data = (FIXTURES / "page/handmade-2013.xml").read_bytes()
    plain = data.replace(b' type="page-number"', b"").replace(b' type="paragraph"', b"")
    assert read_file(data, "a.xml") == read_file(plain, "a.xml")


def test_hocr_lines_listed_bottom_up_are_put_top_down() -> None:
    page = read_file((FIXTURES / "hocr/ocropy-1.0.html").read_bytes(), "o.html").pages[0]
    middles = [line.box.y0 + line.box.y1 for line in page.lines if line.box is not None]
    assert middles == sorted(middles)
    assert page.image == "433934212_0017.bin.png"


def test_one_hocr_file_holding_many_pages() -> None:
    """Tesseract's hOCR of a whole book: a page per `ocr_page`, each naming its image;
    lines without ids numbered on their page."""
    book = read_file((FIXTURES / "hocr/tesseract-3.05-pages.hocr").read_bytes(), "b.hocr")
    assert [page.id for page in book.pages] == ["page_1", "page_2", "page_3"]
    assert [page.image for page in book.pages] == [
        f"max/452114306_000{n}.jpg" for n in (1, 2, 3)]
    assert [[line.id for line in page.lines] for page in book.pages] == [
        ["line_0", "line_1", "line_2"], ["line_0", "line_1"], ["line_0", "line_1"]]
    assert book.pages[0].lines[1].text == "ANDRI THEOLO."


def test_hocr_block_begun_inside_a_line_leaves_the_line_whole() -> None:
    """Markup nested against the rule: a block begins inside an open line (and inside an
    open word). The line is still read whole, its words with all their text, as the
    document's tree has them."""
    data = (b"<html><body><div class='ocr_page'>"
            b"<span class='ocr_line' id='a' title='bbox 0 0 90 10'>one "
            b"<p class='ocr_par' id='b'>two</p> three</span>"
            b"<span class='ocr_line' id='c' title='bbox 0 20 90 30'><span class='ocrx_word' "
            b"title='bbox 0 20 9 30'>fo<p class='ocr_par' id='d'>ur</p></span></span>"
            b"<span class='ocr_line' id='e' title='bbox 0 40 90 50'>five</span>"
            b"</div></body></html>")
    page = read_file(data, "n.hocr").pages[0]
    assert [(line.id, line.text, line.region) for line in page.lines] == [
        ("a", "one two three", None), ("c", "four", "b"), ("e", "five", "d")]
    assert page.lines[1].words[0].box == Box(0, 20, 9, 30)


def test_alto_physical_units_become_pixels_and_styles_are_read() -> None:
    old = read_file((FIXTURES / "alto/abbyy8-alto-1.4.alto").read_bytes(), "a.alto").pages[0]
    assert old.width == 4459 and old.height == 6111  # inch1200 at 300 dpi: a quarter
    sizes = {line.font_size for line in old.lines}
    assert 10.0 in sizes


def test_djvu_xml_pages_words_and_boxes() -> None:
    book = read_file((FIXTURES / "djvu/handmade_djvu.xml").read_bytes(), "b_djvu.xml")
    assert [page.id for page in book.pages] == ["sample00_0001.djvu", "sample00_0002.djvu"]
    line = book.pages[0].lines[1]
    assert line.text == "Where lines stand, and how"  # white space folded, as for hOCR
    assert line.box == Box(300, 400, 1700, 460) and line.baseline == 450
    assert [len(page.lines) for page in book.pages] == [3, 1]


def test_a_dtd_entity_in_djvu_xml_is_refused_not_lost() -> None:
    data = (FIXTURES / "djvu/handmade_djvu.xml").read_bytes().replace(b"break.", b"&nbsp;")
    with pytest.raises(ReadError, match=r"entity reference &nbsp; .* not read"):
        read_file(data, "b_djvu.xml")


def test_an_internal_dtd_subset_is_refused() -> None:
    data = (FIXTURES / "page/handmade-2013.xml").read_bytes().replace(
        b"<PcGts", b'<!DOCTYPE PcGts [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<PcGts', 1)
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_file(data, "evil.xml")


def test_hocr_entities_are_never_expanded() -> None:
    data = (b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
            b'<div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" '
            b'id="l1" title="bbox 0 0 9 9">a &x; b</span></div></body></html>')
    page = read_file(data, "e.hocr").pages[0]
    assert page.lines[0].text == "a &x; b"


@pytest.mark.parametrize(("data", "kind"), [
    (b"<?xml version='1.0'?><PcGts xmlns='x'/>", "page"),
    (b"\xef\xbb\xbf<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'/>", "alto"),
    (b'<!DOCTYPE html>\n<html><div class="ocr_page"></div></html>', "hocr"),
    (b'<!DOCTYPE DjVuXML PUBLIC "a" "b">\n<DjVuXML/>', "djvu-xml"),
    (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", "tei"),
    (b"<?xml version='1.0'?><mets:mets xmlns:mets='m'/>", "xml"),
    (b"<p> is how this OCR text begins\n", None),
    (b"Plain text\fpages\n", None),
])
def test_formats_are_told_apart_by_content(data: bytes, kind: str | None) -> None:
    assert sniff(data) == kind


def test_a_folder_is_one_book_in_natural_order(tmp_path: Path) -> None:
    page = (FIXTURES / "page/handmade-2013.xml").read_bytes()
    folder = tmp_path / "book"
    folder.mkdir()
    for n in (10, 2, 1):
        (folder / f"p{n}.xml").write_bytes(page.replace(b"p0012.png", f"p{n}.png".encode()))
    (folder / "mets.xml").write_bytes(b"<?xml version='1.0'?><mets/>")
    out = tmp_path / "out.json"
    assert main(["convert", str(folder), "--json", str(out), "-q"]) == 0
    pages = json.loads(out.read_text())["pages"]
    assert [p["image"] for p in pages] == ["p1.png", "p2.png", "p10.png"]
    assert pages[0]["lines"][0]["role"] == Role.PAGE_NUMBER  # decided from the text


def test_a_folder_mixing_text_and_ocr_xml_is_refused() -> None:
    page = (FIXTURES / "page/handmade-2013.xml").read_bytes()
    with pytest.raises(ReadError, match="both OCR files with geometry and text pages"):
        read_folder([("1.xml", page), ("2.txt", b"text")], "mixed")


def test_an_unknown_xml_input_fails_clearly(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mets.xml"
    path.write_bytes(b"<?xml version='1.0'?>\n<mets:mets xmlns:mets='m'/>")
    assert main(["convert", str(path), "-q"]) == 1
    err = capsys.readouterr().err
    assert "mets.xml: line 2" in err and "<mets:mets>" in err and "PAGE-XML" in err


def _two_columns(order: str) -> bytes:
    """hOCR without blocks: a heading across two columns of four lines each, listed in
    `order` ("rows": left and right line by line, as some engines do; "columns")."""
    spans = ["<span class='ocr_line' id='h' title='bbox 100 50 1100 90'>A Heading</span>"]
    cells = [(c, r) for r in range(4) for c in range(2)] if order == "rows" else [
        (c, r) for c in range(2) for r in range(4)]
    for c, r in cells:
        x0, y0 = 100 + 550 * c, 120 + 60 * r
        spans.append(f"<span class='ocr_line' id='c{c}r{r}' title='bbox {x0} {y0} "
                     f"{x0 + 450} {y0 + 40}'>column {c} line {r}</span>")
    body = "".join(spans)
    return (f"<html><body><div class='ocr_page' title='bbox 0 0 1200 500'>{body}</div>"
            "</body></html>").encode()


def test_two_columns_are_read_column_by_column() -> None:
    want = ["h"] + [f"c{c}r{r}" for c in range(2) for r in range(4)]
    for order in ("rows", "columns"):
        page = read_file(_two_columns(order), "two.hocr").pages[0]
        assert [line.id for line in page.lines] == want, order


def test_marginal_notes_beside_the_text_are_no_column() -> None:
    """A narrow run of marginal notes beside the text block, in no block: the page keeps
    its top-to-bottom order (the notes are not read as a first column)."""
    spans = []
    for r in range(5):
        y0 = 100 + 60 * r
        spans.append(f"<span class='ocr_line' id='b{r}' title='bbox 300 {y0} 1100 {y0 + 40}'>"
                     f"body line {r}</span>")
        spans.append(f"<span class='ocr_line' id='m{r}' title='bbox 40 {y0} 200 {y0 + 40}'>"
                     f"note {r}</span>")
    html = ("<html><body><div class='ocr_page' title='bbox 0 0 1200 500'>"
            f"{''.join(spans)}</div></body></html>").encode()
    page = read_file(html, "margin.hocr").pages[0]
    assert [line.id for line in page.lines] == [f"{k}{r}" for r in range(5) for k in "bm"]
