"""TEI P5 for the whole book: the header, then the text as printed and as meant.

In: a Book whose passes have run. Out: UTF-8 bytes of one TEI document. From the pages
come `<pb/>` (one per input page, `@n` the printed number or `[n]` the inferred one),
`<fw>` for furniture (type and place) and `<lb/>` for every printed line; from the
decisions come the divisions and blocks (`tei_blocks`: nested `<div>`s opened by headings,
`<head>`, `<p>`, lists, a letter's opener and closer, the title page in `<front>`; a
paragraph running over a page break holds the `<pb/>` and that page's top `<fw>`),
`<note place="foot">` at the mark that calls it (`tei_notes`), and `<pc>`/`<lb
break="no"/>` for line-end hyphens (`tei_lines`); marginal notes as `<note
place="margin">` where their lines stand in the page's order. For OCR with geometry a
`<facsimile>` (`tei_facsimile`) holds a surface per page and a zone per line, and `<pb/>`,
`<lb/>` and `<fw>` point to them by `@facs`. Lossless: every printed character is in the
document (characters XML cannot hold become U+FFFD). Valid against
`schemas/tei-layout.rng` and the official tei_all. Not handled: blank lines (the layout of
white space).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from typing import BinaryIO

from lxml import etree

from layout.model import FURNITURE, Book, Page, Role
from layout.writers import tei_facsimile, tei_stream
from layout.writers.tei_blocks import P_KIND, TITLE_BLOCKS, Blocks, kind_of
from layout.writers.tei_header import TEI_NS, XML_FORBIDDEN, E, header, language_tag
from layout.writers.tei_indent import indent
from layout.writers.tei_lines import NO_BREAK, Printer, set_tail
from layout.writers.tei_notes import Notes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEXT, LB, PB, NOTE, FW = (
    f"{{{TEI_NS}}}{name}" for name in ("text", "lb", "pb", "note", "fw")
)
CHOICE, ORIG, REG = (f"{{{TEI_NS}}}{name}" for name in ("choice", "orig", "reg"))
PLACE_MARGIN = {"place": "margin"}
HEADING, FOOTNOTE, PAGE_NUMBER, MARGINAL = (
    Role.HEADING, Role.FOOTNOTE, Role.PAGE_NUMBER, Role.MARGINAL)
"""Enum members bound once: attribute access on an enum class is slow in the hot loop."""

FW_TYPES = {
    Role.RUNNING_TITLE: "header",
    Role.HEADER: "header",
    Role.PAGE_NUMBER: "pageNum",
    Role.SIGNATURE: "sig",
    Role.CATCHWORD: "catch",
    Role.FOOTER: "footer",
    Role.SEPARATOR: "separator",
}
"""fw/@type for each furniture role (TEI's suggested values where TEI has one)."""

SKIP, FURNITURE_LINE, TEXT_LINE, NOTE_LINE, MARGIN_LINE = range(5)
"""How the writer treats each line of a page."""
FLUSH_PAGES = 16
"""Pages written into the tree between two flushes of the stream (a flush's own work is
spread over this many pages; the tree holds no more than these)."""
SPOOL_BYTES = 1 << 23
"""The written text held in memory before its spool goes to a temporary file (8 MB: a
book of some thousand pages)."""

def front_pages(book: Book) -> int:
    """How many pages go in `<front>`: up to the last that holds a title-page line."""
    last = -1
    for p, page in enumerate(book.pages):
        if any(line.block in TITLE_BLOCKS for line in page.lines if line.block is not None):
            last = p
    return last + 1


def page_n(page: Page) -> str | None:
    """`pb/@n`: the printed number, or the inferred one in brackets."""
    if page.number:
        return page.number.strip()
    if page.inferred_number:
        return f"[{page.inferred_number.strip()}]"
    return None


class _Writer:
    """Walks the book once, page by page, keeping the open div and block."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.glue_next = False  # the previous text line ended inside a word
        self.page_dirty = True  # whether the page being written holds such characters
        self.facs = tei_facsimile.zones(book) if tei_facsimile.has_geometry(book) else None
        """Per page, per line, `@facs` of the line's zone (None: no facsimile)."""
        self.out = Printer(self.facs)
        # the blocks are given the printer's `clean`, not the writer's: a writer referred
        # to by its own parts would hold the book until the cycle collector runs
        self.blocks = Blocks(E.text(), self.out.clean)  # replaced by the real one in write()
        self.notes = Notes(book, self.out)
        self.margin: tuple[etree._Element, int, str | None] | None = None
        """The open marginal note: its element, its last line, and that line's block."""

    def link(self, el: etree._Element, p: int, i: int) -> None:
        self.out.link(el, p, i)

    # -- text ---------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        return self.out.clean(text)

    def note(self, parent: etree._Element, p: int, k: int, mark: str | None) -> etree._Element:
        return self.notes.note(parent, p, k, mark, self.page_dirty)

    # -- structure ----------------------------------------------------------------------

    def container(self) -> etree._Element:
        """Where page breaks, furniture and notes go: the open block or division."""
        return self.blocks.container()

    def margin_line(self, p: int, i: int) -> None:
        """A line of a marginal note: it opens a `<note place="margin">` where it stands,
        or goes on the one the line before (of the same block) opened."""
        line = self.book.pages[p].lines[i]
        if self.margin is None or self.margin[1] != i - 1 or self.margin[2] != line.region:
            note = etree.SubElement(self.container(), NOTE, PLACE_MARGIN)
        else:
            note = self.margin[0]
        lb = etree.SubElement(note, LB)
        self.link(lb, p, i)
        set_tail(lb, self.clean(line.text) if self.page_dirty else line.text)
        self.margin = (note, i, line.region)

    def furniture(self, page: Page, i: int, place: str, p: int) -> None:
        """One furniture line as fw; the head line holding the number split in two or three."""
        line = page.lines[i]
        text = self.clean(line.text) if self.page_dirty else line.text
        kind = FW_TYPES.get(line.role, "header")
        span = page.number_span
        if (
            line.role is not PAGE_NUMBER
            and i == page.number_line
            and span is not None
            and 0 <= span[0] < span[1] <= len(text)
        ):
            parts = [(kind, text[: span[0]]), ("pageNum", text[span[0]: span[1]]),
                     (kind, text[span[1]:])]
        else:
            parts = [(kind, text)]
        parent = self.container()
        form, title = page.running_title_form, page.running_title
        for fw_type, piece in parts:
            if piece.strip():
                fw = etree.SubElement(parent, FW, type=fw_type, place=place)
                self.link(fw, p, i)
                if (fw_type == "header" and form and title and title in piece
                        and form != piece.strip()):
                    # the title as printed, and in its one form across the book
                    choice = etree.SubElement(fw, CHOICE)
                    etree.SubElement(choice, ORIG).text = piece.strip()
                    etree.SubElement(choice, REG).text = form
                else:
                    fw.text = piece.strip()

    def place_marks(self, block: etree._Element, last: etree._Element, text: str,
                    marks: list[tuple[int, int, int]], p: int, placed: set[int]
                    ) -> tuple[etree._Element, str]:
        """Put the notes whose marks stand in this line at their marks, each mark moved into
        its note's @n; returns the last element written and the text still to write."""
        pos = 0
        for start, end, k in sorted(marks):
            if start < pos or end > len(text):
                continue
            set_tail(last, text[pos:start])
            last = self.note(block, p, k, text[start:end])
            placed.add(k)
            pos = end
        return last, text[pos:]

    def page(self, p: int) -> None:
        """One input page: pb, furniture, text lines with their notes, the other notes."""
        page = self.book.pages[p]
        lines = page.lines
        # one search per page: its lines (notes and furniture too) are cleaned only if needed
        dirty = XML_FORBIDDEN.search("".join([line.text for line in lines])) is not None
        self.page_dirty = dirty
        in_note = {i for fn in page.footnotes for i in fn.lines}
        kinds: list[int] = []  # per line: SKIP, FURNITURE_LINE, TEXT_LINE or NOTE_LINE
        text_at: list[int] = []
        note_at: list[int] = []
        for i, line in enumerate(lines):
            raw = line.text
            if i in in_note:
                kind = NOTE_LINE
            elif not raw or raw.isspace():
                kind = SKIP
            elif line.role in FURNITURE:
                kind = FURNITURE_LINE
            elif line.role is FOOTNOTE:
                kind = NOTE_LINE
            elif line.role is MARGINAL:
                kind = MARGIN_LINE
            else:
                kind = TEXT_LINE
                text_at.append(i)
            if kind == NOTE_LINE:
                note_at.append(i)
            kinds.append(kind)
        blocks = self.blocks
        blocks.begin_page(p)
        if text_at:
            first = lines[text_at[0]]
            first_kind = kind_of(first)
            if first.paragraph_start or (first_kind != blocks.kind and blocks.kind != P_KIND):
                blocks.close(first_kind)  # the page begins a block: its pb stands before it
        content = text_at[:1] + note_at[:1]
        top_end = min(content) if content else (len(lines) + 1) // 2
        flush_at = text_at[-1] + 1 if text_at else (note_at[0] if note_at else len(lines))
        marks: dict[int, list[tuple[int, int, int]]] = {}
        for k, fn in enumerate(page.footnotes):
            a = fn.anchor
            if a is not None and 0 <= a.start <= a.end:
                marks.setdefault(a.line, []).append((a.start, a.end, k))
        pb = etree.SubElement(self.container(), PB)
        n = page_n(page)
        if n:
            pb.set("n", self.clean(n))
        facs = self.facs[p] if self.facs is not None else None
        if facs is not None:
            pb.set("facs", f"#{tei_facsimile.surface_id(p)}")
        self.margin = None
        placed: set[int] = set()
        sub = etree.SubElement
        block, open_kind, glue = blocks.block, blocks.kind, self.glue_next
        for i, kind in enumerate(kinds):
            if i == flush_at:
                self.flush_notes(p, placed, note_at, in_note)
            if kind == TEXT_LINE:  # the hot path: one running-text line
                line = lines[i]
                text = self.clean(line.text) if dirty else line.text
                if block is None or line.paragraph_start or open_kind != P_KIND \
                        or line.role is HEADING or line.block is not None:
                    block = blocks.open(line)
                    open_kind = blocks.kind
                last = sub(block, LB, NO_BREAK) if glue else sub(block, LB)
                if facs is not None and facs[i] is not None:
                    last.set("facs", facs[i])
                if i in marks:
                    last, text = self.place_marks(block, last, text, marks[i], p, placed)
                if line.hyphen is None:
                    if text:
                        last.tail = text  # `last` was just written: its tail is empty
                    glue = False
                else:
                    glue = self.out.line_content(block, last, text, line)
            elif kind == FURNITURE_LINE:
                self.furniture(page, i, "top" if i < top_end else "bottom", p)
            elif kind == MARGIN_LINE:
                self.margin_line(p, i)
        self.glue_next = glue
        if flush_at >= len(lines):
            self.flush_notes(p, placed, note_at, in_note)

    def flush_notes(self, p: int, placed: set[int], note_at: list[int], in_note: set[int]
                    ) -> None:
        """The page's notes not placed at a mark, and its stray note lines, after its text."""
        page = self.book.pages[p]
        parent = self.container()
        for k in range(len(page.footnotes)):
            if k not in placed:
                self.note(parent, p, k, None)
        run: list[int] = []
        for i in note_at:
            if i in in_note:
                continue
            if run and i != run[-1] + 1:
                self.notes.orphan(parent, page, run, p)
                run = []
            run.append(i)
        if run:
            self.notes.orphan(parent, page, run, p)

    def begin(self) -> tuple[etree._Element, etree._Element]:
        """The root and its `<text>`, which the pages go in."""
        # the root and <text> first, so the body grows in place: moving a finished body
        # into a new root would walk the whole tree again
        root = E.TEI()
        text = etree.SubElement(root, TEXT)
        lang = language_tag(self.book)
        if lang:
            text.set(XML_LANG, lang)
        self.blocks = Blocks(text, self.out.clean, front_pages(self.book))
        return root, text

    def complete(self, root: etree._Element, facsimile: bool = True) -> None:
        """The header and (unless the caller writes it as text) the facsimile, before the
        text: written last, as the header counts the characters the text had to
        replace."""
        root.insert(0, header(self.book, self.out.replaced))
        made = tei_facsimile.facsimile(self.book, root) if facsimile else None
        if made is not None:
            root.insert(1, made)  # a move within its document: no walk

    def write(self) -> etree._Element:
        root, _ = self.begin()
        for p in range(len(self.book.pages)):
            self.page(p)
        self.blocks.finish()
        self.complete(root)
        return root

    def stream(self, out: BinaryIO) -> None:
        """Write the document's bytes to `out` as the pages go (see `tei_stream`): the
        text goes to a spool first, as the header before it is known only at the end."""
        _, text = self.begin()
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            stream = tei_stream.Stream(text, spool, depth=1)
            for p in range(len(self.book.pages)):
                self.page(p)
                if p % FLUSH_PAGES == FLUSH_PAGES - 1:
                    stream.flush(self.blocks.unsettled())
            self.blocks.finish()
            stream.finish()
            # The frame around the written text: a root of its own, as taking the text
            # out of its tree would make lxml walk it (see tei_stream.drop); the tree
            # that held it is freed whole.
            frame = E.TEI()
            etree.SubElement(frame, tei_stream.HOLDER)
            self.complete(frame, facsimile=False)
            indent(frame)
            before, _, after = etree.tostring(frame, encoding="UTF-8").partition(b"<_/>")
            out.write(prologue())
            out.write(before)
            facsimile = tei_facsimile.text(self.book)
            if facsimile is not None:  # where the tree's facsimile stands, laid out alike
                out.write(facsimile.encode("utf-8") + b"\n  ")
            spool.seek(0)
            shutil.copyfileobj(spool, out)
            out.write(after)
            out.write(b"\n")


SCHEMAS = (
    "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
    "tei-layout.rng",
)
"""The schemas an XML editor validates the document against (`<?xml-model?>`): the
official tei_all, and our subset (`schemas/tei-layout.rng`, looked for beside the file)."""


def prologue() -> bytes:
    """The XML declaration and one `<?xml-model?>` processing instruction per schema."""
    pis = "".join(
        f'<?xml-model href="{href}" type="application/xml" '
        f'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        for href in SCHEMAS
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{pis}'.encode()


def build(book: Book) -> etree._Element:
    """The book's TEI tree, without layout white space."""
    return _Writer(book).write()


def write(book: Book) -> bytes:
    """The book as a TEI P5 document (UTF-8), laid out one printed line per XML line."""
    out = io.BytesIO()
    write_to(book, out)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO) -> None:
    """The bytes of `write`, written into `out` page by page: the tree of a long book is
    never held whole (its text passes through a spool, in memory up to `SPOOL_BYTES`)."""
    _Writer(book).stream(out)

