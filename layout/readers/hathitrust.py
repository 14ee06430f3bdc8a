"""A HathiTrust full-text download: a header block, then pages under `## p. N (#seq)` lines.

In: the decoded text of a "Download whole item / Plain text" file. Out: a `Book` whose
pages are the text between the page lines (the blank line the download puts after each
page line and the form feed and blank lines it puts after each page are packaging, not
print, and are dropped), each page's printed label ("25", "iv") kept as `Page.label`, a
hint only, and the header block turned into `Metadata` (title, author, publisher, date,
handle, rights, and the other fields as extras). Not handled: HathiTrust's per-page zip
downloads (a folder of page files serves those).
"""

from __future__ import annotations

import re

from layout.model import Book, Diagnostic, Metadata, Page
from layout.readers.decoding import ReadError
from layout.readers.text import make_page, split_lines

PAGE_LINE = re.compile(r"^## p\.[ \t]*([^\s(#]*)[ \t]*\(#(\d+)\)[ \t]*#*[ \t]*$", re.M)
"""`## p. 25 (#45) ####...`: label 25 (may be empty), sequence number 45."""

FIELD = re.compile(r"^([A-Z][A-Za-z ]{1,30}):[ \t]*(.*)$")
HANDLE = re.compile(r"https?://hdl\.handle\.net/\S+")
YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\b")
PAGE_END = re.compile(r"\n?\f[\n\f]*\Z|\n\n+\Z")
"""What the download appends to a page's text: a form feed and blank lines."""

DETECT_SPAN = 20_000
"""How far into the input `detect` looks: the header and the first page line."""

EXTRA_KEYS = {
    "original from": "originalFrom",
    "digitized by": "digitizedBy",
}


def detect(content: str) -> bool:
    """True for a HathiTrust download: a `## p. N (#seq)` line near the start, after a
    header that names HathiTrust or with nothing but blank lines before it."""
    head = content[:DETECT_SPAN]
    first = PAGE_LINE.search(head)
    if first is None:
        return False
    before = head[: first.start()]
    return "hathitrust" in before.lower() or not before.strip()


def read(content: str, name: str) -> Book:
    """The pages and metadata of a HathiTrust download."""
    marks = list(PAGE_LINE.finditer(content))
    if not marks:
        raise ReadError(f"{name}: HathiTrust download without `## p.` page lines")
    pages: list[Page] = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(content)
        body = content[mark.end():end]
        body = body[1:] if body.startswith("\n") else body  # the page line's own newline
        body = body[1:] if body.startswith("\n") else body  # the blank line after it
        body = PAGE_END.sub("\n", body) if body.strip() else ""
        # the page lines divide a download: a form feed left inside a page is white space
        body = body.replace("\f", " ")
        label = mark.group(1) or None
        pages.append(make_page(split_lines(body), name, i + 1, label=label))
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise ReadError(f"{name}: HathiTrust download whose {len(pages)} pages are all empty")
    metadata = parse_header(content[: marks[0].start()], name)
    seqs = f"{marks[0].group(2)}-{marks[-1].group(2)}"
    note = Diagnostic(f"HathiTrust download: {len(pages)} pages (scans #{seqs})")
    return Book(pages=tuple(pages), metadata=metadata, diagnostics=(note,))


def parse_header(header: str, name: str) -> Metadata:
    """The download's header block as metadata; unknown `Key: value` lines become extras."""
    fields: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    lines = header.split("\n")
    for i, raw in enumerate(lines):
        match = FIELD.match(raw.strip())
        if not match:
            continue
        key, value = match.group(1).strip().lower(), " ".join(match.group(2).split())
        if key == "copyright" and not value:
            value = _following_block(lines, i + 1)
        if key in ("title", "author", "publisher", "copyright", "rights"):
            fields.setdefault(key, value)
        elif key in EXTRA_KEYS and value:
            extra.append((EXTRA_KEYS[key], value))
    handle = HANDLE.search(header)
    generated = re.search(r"^Generated (.+)$", header, re.M)
    if generated:
        extra.append(("generated", generated.group(1).strip()))
    publisher = fields.get("publisher") or None
    year = YEAR.search(publisher) if publisher else None
    return Metadata(
        title=fields.get("title") or None,
        author=fields.get("author") or None,
        publisher=publisher,
        date=year.group(1) if year else None,
        handle=handle.group(0).rstrip(".,;") if handle else None,
        rights=fields.get("copyright") or fields.get("rights") or None,
        source=f"HathiTrust Digital Library full-text download ({name})",
        extra=tuple(extra),
    )


def _following_block(lines: list[str], start: int) -> str:
    """The lines after a `Key:` line up to the next blank line, joined (the rights text)."""
    taken: list[str] = []
    for raw in lines[start:]:
        if not raw.strip():
            break
        taken.append(raw.strip())
    return " ".join(taken)
