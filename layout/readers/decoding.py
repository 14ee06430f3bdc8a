"""Turn the bytes of a text file into a string, or fail with a message a user can act on.

In: the raw bytes of one input file and its name. Out: the text, line ends normalised to
`\\n` (DjVu's column, region and paragraph separators, VT and FS-US, count as line
ends too). UTF-8 with or without a byte-order mark is accepted. Everything else is a
`ReadError` naming the file: a known binary format (PDF, DjVu, images, archives,
programs) by name, other binary data, UTF-16 text, and mis-encoded text (Latin-1,
Windows-1252) with the page, line and column of the first byte that is not UTF-8. No
encoding is guessed and converted: a wrong guess would silently change the book's
characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

BOM = b"\xef\xbb\xbf"
SNIFF = 8192
"""How many leading bytes decide whether a file is binary."""
MAX_CONTROL_SHARE = 0.05
"""Text has almost no control bytes besides tab, newline, carriage return and form feed."""

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"AT&TFORM", "a DjVu file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or EPUB/Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
"""Signatures of binary files users mistake for OCR text."""

BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "a program (ELF executable or library)"),
    (b"MZ", "a program (Windows executable)"),
    (b"\xcf\xfa\xed\xfe", "a program (Mach-O executable)"),
    (b"\xca\xfe\xba\xbe", "a program (Mach-O or Java class file)"),
    (b"\x00asm", "a WebAssembly module"),
)
"""Short signatures a text could begin with too: they name a file only when its first
bytes are binary as well."""

TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1b\x1c\x1d\x1e\x1f")
MIN_CONTROLS = 16
"""A file needs this many stray control bytes (and the share above) to count as binary."""
STRUCTURE = re.compile("[\x0b\x1c-\x1f]")
"""Separators of DjVu's text layer (end of column, region, paragraph): line breaks."""
NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold; the form feed is the page separator and never printed."""
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\f\r")
"""Every byte but the controls STRUCTURE and NOT_XML look for (all below 0x20 but TAB, LF,
FF, CR): deleting these from the input leaves nothing when the text holds none of them.
A regular expression over a whole book costs a hundred times more than `bytes.translate`."""


class ReadError(Exception):
    """Input that cannot be read as a book; the message names the file (and place)."""


def check_start(data: bytes, name: str) -> bytes:
    """The data without its byte-order mark; ReadError when its first bytes show UTF-16,
    a known binary format or other binary data (judged on the first `SNIFF` bytes)."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(
            f"{name}: UTF-16 text; re-encode it as UTF-8 "
            "(e.g. iconv -f utf-16 -t utf-8)"
        )
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise ReadError(f"{name}: {what}, not OCR text; extract its text first")
    head = data[:SNIFF]
    if b"\x00\x00" in head or _is_binary(head):
        if _utf16(head):
            raise ReadError(f"{name}: UTF-16 text without a byte-order mark, not UTF-8 OCR text")
        what = next((w for magic, w in BINARY_MAGIC if data.startswith(magic)), "binary data")
        raise ReadError(f"{name}: {what}, not OCR text")
    return data


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 text (BOM optional) and refuse binary or mis-encoded input."""
    data = check_start(data, name)
    return decode_text(data, name, sample=data)


def decode_pages(pages: Iterable[bytes], name: str, head: bytes) -> Iterator[str]:
    """The pages of a file split at its form feeds, decoded one at a time as `decode`
    would decode the whole (a long book's text is never held at once); `head` is the
    file's start, checked with `check_start` before any page is decoded."""
    head = check_start(head, name)
    for number, page in enumerate(pages, start=1):
        if number == 1:
            page = page.removeprefix(BOM)
        yield decode_text(page, name, first_page=number, sample=head)


def decode_text(data: bytes, name: str, first_page: int = 1, sample: bytes = b"") -> str:
    """UTF-8 text, its line ends normalised; ReadError at the page (counted from
    `first_page`), line and column of a byte that is not UTF-8 (`sample`, the file's
    start, tells whether it looks Latin-1) or of a control character no XML can hold."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        page, line, column = _place(data[: err.start].decode("utf-8", errors="replace"))
        guess = "; it looks like Latin-1 or Windows-1252" if _single_byte(sample) else ""
        raise ReadError(
            f"{name}: page {page + first_page - 1}, line {line}, column {column}: byte "
            f"0x{data[err.start]:02x} is not UTF-8{guess} (re-encode the file as UTF-8, "
            "e.g. iconv -f latin1 -t utf-8)"
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = data.translate(None, _NOT_CONTROL_BYTES)  # UTF-8 keeps ASCII bytes as they are
    if controls and STRUCTURE.search(text):
        text = STRUCTURE.sub("\n", text)
    may_be_bad = controls or "\ufffe" in text or "\uffff" in text
    bad = NOT_XML.search(text) if may_be_bad else None
    if bad:
        page, line, column = _place(text[: bad.start()])
        raise ReadError(
            f"{name}: page {page + first_page - 1}, line {line}, column {column}: control "
            f"character U+{ord(bad.group()):04X} is not text (no XML document can hold it); "
            "remove it"
        )
    return text


def _is_binary(head: bytes) -> bool:
    """True when `head` holds many control bytes no text uses."""
    controls = sum(1 for b in head if b < 0x20 and b not in TEXT_CONTROLS)
    return controls >= MIN_CONTROLS and controls > MAX_CONTROL_SHARE * len(head)


def _utf16(head: bytes) -> bool:
    """True when `head` reads as UTF-16 text: one byte of most code units is zero (Latin
    script) and what it decodes to is printable, as a program's zeros are not."""
    head = head[: len(head) // 2 * 2]
    units = len(head) // 2
    for codec, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if units and high.count(0) > units // 2:
            text = head.decode(codec, errors="replace")
            printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
            return printable >= 0.95 * len(text)
    return False


def _single_byte(data: bytes) -> bool:
    """True when the bytes above 0x7f stand alone between ASCII ones, as in Latin-1 text."""
    high = [i for i, b in enumerate(data[: SNIFF * 8]) if b > 0x7F][:200]
    if not high:
        return False
    alone = sum(
        1 for i in high
        if (i == 0 or data[i - 1] < 0x80) and (i + 1 >= len(data) or data[i + 1] < 0x80)
    )
    return alone * 2 >= len(high)


def _place(head: str) -> tuple[int, int, int]:
    """The 1-based page (form-feed separated), line and column just after `head`, the
    text that precedes a bad character."""
    page_start = head.rfind("\f") + 1
    line_start = max(head.rfind("\n"), head.rfind("\f")) + 1
    return head.count("\f") + 1, head.count("\n", page_start) + 1, len(head) - line_start + 1
