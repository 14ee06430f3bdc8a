"""Reading a file a page at a time (`readers.read_stream`, what the command line does)
gives the very book, and the very errors, of reading its bytes whole (`read_file`)."""

from __future__ import annotations

import io

import pytest
from conftest import SAMPLES

from layout import readers
from layout.readers import ReadError, read_file, read_stream

PAGES = [
    "286\nTHE TILSIT PEACE\n\nHe returned to Moscow a dis-\nappointed man.\n",
    "   \n",
    "287\nNapoleon ſaid: “Wait.”\n1) A note.\n",
    "",
    "last page, no newline",
]


def both(data: bytes) -> tuple[object, object]:
    """What the two ways of reading make of the bytes (a book, or the error's message)."""
    out: list[object] = []
    for read in (lambda: read_file(data, "b.txt"),
                 lambda: read_stream(io.BytesIO(data), "b.txt")):
        try:
            out.append(read())
        except ReadError as err:
            out.append(str(err))
    return out[0], out[1]


@pytest.mark.parametrize("data", [
    "\f".join(PAGES).encode("utf-8"),
    b"\xef\xbb\xbf" + "\f".join(PAGES).encode("utf-8"),
    "\f".join(PAGES).replace("\n", "\r\n").encode("utf-8"),
    "\f".join(PAGES).replace("\n", "\x1f").encode("utf-8"),  # DjVu's separators
    (SAMPLES / "laband1876-excerpt.txt").read_bytes(),
    (SAMPLES / "laband1876-hathitrust.txt").read_bytes(),  # a download: read whole
    (SAMPLES / "page-286.txt").read_bytes(),  # no form feed: read whole
    b"\f \f\n\f",
])
def test_the_same_book(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "STREAM_HEAD", 7)  # pages cut across blocks, too
    monkeypatch.setattr(readers, "STREAM_BLOCK", 5)
    whole, streamed = both(data)
    assert streamed == whole
    monkeypatch.setattr(readers, "STREAM_HEAD", 4 * 65536)
    assert both(data)[1] == whole


@pytest.mark.parametrize(("data", "says"), [
    ("a\fb\fGr\u00fc\u00dfe".encode("latin-1"), "page 3, line 1, column 3: byte 0xfc"),
    (b"page one\fpage\ntwo \x07 here\f", "page 2, line 2, column 5: control character U+0007"),
    (b"\x7fELF\x02\x01\x01" + bytes(40) + b"\f" + bytes(4000), "a program"),
])
def test_the_same_error(data: bytes, says: str) -> None:
    whole, streamed = both(data)
    assert isinstance(whole, str) and says in whole
    assert streamed == whole
