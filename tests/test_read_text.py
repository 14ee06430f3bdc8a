"""Plain text readers: form-feed files, single pages, folders of page files, decoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, shared

from layout.files import load
from layout.readers import ReadError, decode, djvu, hathitrust, read_file, text

SEED = SAMPLES / "page-286.txt"
EXCERPT = SAMPLES / "laband1876-excerpt.txt"


def test_form_feeds_separate_pages_and_lines_follow_the_contract() -> None:
    book = read_file(b"a\nb\n\fc\n\n\fd", "t.txt")
    assert [[line.text for line in p.lines] for p in book.pages] == [["a", "b"], ["c", ""], ["d"]]
    assert book.metadata.source == "t.txt"


def test_each_page_knows_where_its_lines_stand_in_the_input() -> None:
    data = EXCERPT.read_bytes()
    content = data.decode("utf-8")
    book = read_file(data, "excerpt")
    for page in book.pages:
        assert page.offset is not None
        at = page.offset
        for line in page.lines:
            assert content[at: at + len(line.text)] == line.text
            at += len(line.text) + 1
    assert book.pages[1].offset == content.index("\f") + 1


def test_a_file_without_form_feed_is_one_page() -> None:
    data = SEED.read_bytes()
    book = read_file(data, "seed")
    assert len(book.pages) == 1
    assert [line.text for line in book.pages[0].lines] == data.decode("utf-8").splitlines()


def test_bom_and_crlf_are_not_part_of_the_text() -> None:
    book = read_file(b"\xef\xbb\xbffirst\r\nsecond\r\n\fthird\r", "w.txt")
    assert [[line.text for line in p.lines] for p in book.pages] == [["first", "second"], ["third"]]


def test_djvu_text_layer_separators_end_lines() -> None:
    book = read_file(b"column one\x0bcolumn two\x1fnext paragraph\x1dregion\n", "d.txt")
    assert [line.text for line in book.pages[0].lines] == [
        "column one", "column two", "next paragraph", "region"
    ]


def test_empty_pages_between_form_feeds_are_kept() -> None:
    book = read_file(b"a\f\fb", "t.txt")
    assert [len(p.lines) for p in book.pages] == [1, 0, 1]


def test_excerpt_sample_reads_as_its_four_pages() -> None:
    book = read_file(EXCERPT.read_bytes(), "excerpt")
    assert len(book.pages) == 4
    heads = [p.lines[0].text for p in book.pages]
    assert heads[0].startswith("358") and heads[3].rstrip().endswith("361")


def test_every_corpus_book_stays_plain_form_feed_text() -> None:
    books = sorted(shared("corpus").glob("*/*.txt"))
    assert len(books) >= 9
    for path in books:
        content = path.read_text(encoding="utf-8")
        assert not hathitrust.detect(content), path
        assert not djvu.detect(content), path
        book = read_file(path.read_bytes(), str(path))
        assert len(book.pages) == content.count("\f") + 1, path
        assert book.diagnostics == (), path


def test_folder_pages_come_in_natural_order(tmp_path: Path) -> None:
    for number in (10, 2, 1, 21, 3):
        (tmp_path / f"p{number}.txt").write_text(f"page {number}\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a page\n", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    book = load(tmp_path)
    assert [p.lines[0].text for p in book.pages] == [
        "page 1", "page 2", "page 3", "page 10", "page 21"
    ]


def test_folder_of_empty_page_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_bytes(b"\n\n")
    with pytest.raises(ReadError, match="every page file is empty"):
        load(tmp_path)


def test_a_bad_page_file_is_named_in_the_error(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("fine\n", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes("ok\nK\u00f6ln\n".encode("latin-1"))
    with pytest.raises(ReadError, match=r"2\.txt: page 1, line 2, column 2: byte 0xf6"):
        load(tmp_path)


def test_latin1_is_refused_with_page_line_and_column() -> None:
    data = "one\ftwo\nthree \u00e9t\u00e9\n".encode("latin-1")
    with pytest.raises(ReadError) as err:
        decode(data, "l1.txt")
    message = str(err.value)
    assert message.startswith("l1.txt: page 2, line 2, column 7: byte 0xe9 is not UTF-8")
    assert "Latin-1" in message


def test_column_counts_characters_not_bytes() -> None:
    data = "\u00fc\u00fc".encode("utf-8") + b"\xff"
    with pytest.raises(ReadError, match="line 1, column 3"):
        decode(data, "c.txt")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF file"),
        (b"AT&TFORM\x00\x00", "a DjVu file"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (b"\xff\xfeh\x00i\x00", "UTF-16 text"),
        (b"\x00\x00\x00\x01binary header", "binary data"),
        ("UTF-16 without mark".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        (bytes(range(1, 32)) * 20, "binary data"),
    ],
)
def test_binary_inputs_are_named(data: bytes, expected: str) -> None:
    with pytest.raises(ReadError, match=expected):
        decode(data, "b.bin")


def test_a_stray_control_character_is_placed_exactly() -> None:
    data = b"page one\n\fsecond page\nab\x01c\n"
    expected = r"c\.txt: page 2, line 2, column 3: control character U\+0001"
    with pytest.raises(ReadError, match=expected):
        decode(data, "c.txt")


def test_a_page_of_fifty_thousand_lines_is_refused() -> None:
    data = ("line\n" * 50_000).encode("ascii")
    with pytest.raises(ReadError, match=r"big\.txt: page 1: 50000 lines"):
        read_file(data, "big.txt")


def test_the_long_page_is_named_by_its_number() -> None:
    data = b"short page\n\f" + b"line\n" * (text.MAX_LINES_PER_PAGE + 1)
    with pytest.raises(ReadError, match=r"page 2: "):
        read_file(data, "big.txt")


@pytest.mark.parametrize(("data", "what"), [(b"", "is empty"), (b"\f\f\n\f", "only form feeds")])
def test_files_without_text_are_refused(data: bytes, what: str) -> None:
    with pytest.raises(ReadError, match=what):
        read_file(data, "e.txt")
