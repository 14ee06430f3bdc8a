"""Turn the bytes of a text file into a string, or fail with a message a user can act on.

UTF-8 with or without a byte-order mark is accepted; anything else (Latin-1, binary data)
is a `ReadError` naming the file and the page and line of the first bad byte.
"""

from __future__ import annotations

BOM = b"\xef\xbb\xbf"


class ReadError(Exception):
    """Input that cannot be read as a book; the message names the file (and place)."""


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 text (BOM optional) and refuse binary or mis-encoded input."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file (NUL bytes), not OCR text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        page, line = _place(data, err.start)
        raise ReadError(
            f"{name}: page {page}, line {line}: byte 0x{data[err.start]:02x} is not UTF-8 "
            "(re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8)"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _place(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based page (form-feed separated) and line of a byte offset."""
    head = data[:offset]
    page_start = head.rfind(b"\f") + 1
    return head.count(b"\f") + 1, head[page_start:].count(b"\n") + 1
