"""The reading text: what a reader reads, one chunk per input page, chunks split by `\\f`.

No page furniture, no footnotes and no footnote marks; line-end hyphens resolved by their
decisions (an undecided break keeps its hyphen). A word broken over a page break belongs
to the page where it starts. With `notes="end"` each page's notes follow its text.
"""

from __future__ import annotations

from layout.flows import text_flow
from layout.model import HYPHEN_SIGNS, Book, Hyphen, Line, Page

GLUE = {Hyphen.JOIN: "", Hyphen.KEEP: "-", Hyphen.SPACE: "- ", Hyphen.UNDECIDED: "-"}


def strip_marks(page: Page) -> dict[int, str]:
    """The page's lines with the spans of found footnote marks cut out."""
    cuts: dict[int, list[tuple[int, int]]] = {}
    for note in page.footnotes:
        if note.anchor is not None:
            cuts.setdefault(note.anchor.line, []).append((note.anchor.start, note.anchor.end))
    out: dict[int, str] = {}
    for i, spans in cuts.items():
        text = page.lines[i].text
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + text[end:]
        out[i] = text
    return out


def glued(text: str, line: Line) -> tuple[str, bool]:
    """The line's text with its final break resolved, and whether the next line glues on."""
    if line.hyphen is None:
        return text, False
    body = text.rstrip()
    if body and (body[-1] in HYPHEN_SIGNS or line.hyphen is Hyphen.JOIN):
        body = body[:-1]
    return body + GLUE[line.hyphen], line.hyphen is not Hyphen.SPACE


def page_chunks(book: Book) -> list[list[str]]:
    """The running-text pieces of each page, hyphenated words already joined."""
    chunks: list[list[str]] = [[] for _ in book.pages]
    marks = [strip_marks(page) for page in book.pages]
    buf: str | None = None
    buf_page = 0
    glue = False
    for p, i in text_flow(book):
        line = book.pages[p].lines[i]
        text = marks[p].get(i, line.text).strip()
        if glue and p != buf_page and buf is not None:
            head, _, rest = text.partition(" ")
            buf += head
            rest = rest.strip()
            if rest:
                chunks[buf_page].append(buf)
                buf, buf_page = rest, p
        elif glue and buf is not None:
            buf += text
        else:
            if buf is not None:
                chunks[buf_page].append(buf)
            buf, buf_page = text, p
        buf, glue = glued(buf, line)
    if buf is not None:
        chunks[buf_page].append(buf)
    return chunks


def note_text(book: Book, page: Page) -> list[str]:
    """Each note of the page as one string, labels kept, line-end hyphens resolved."""
    out = []
    for note in page.footnotes:
        text = ""
        glue = False
        for i in note.lines:
            line = page.lines[i]
            piece = line.text.strip()
            text = text + piece if glue or not text else text + " " + piece
            text, glue = glued(text, line)
        out.append(text)
    return out


def write(book: Book, notes: str = "none") -> bytes:
    """The reading text as UTF-8; `notes` is "none" or "end"."""
    chunks = page_chunks(book)
    pages = []
    for page, pieces in zip(book.pages, chunks):
        text = "\n".join(pieces)
        if notes == "end" and page.footnotes:
            text += "\n\n" + "\n".join(note_text(book, page))
        pages.append(text + "\n")
    return "\f".join(pages).encode("utf-8")
