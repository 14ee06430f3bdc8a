"""TEI P5 for the whole book: the header, then the text as printed and as meant.

In: a Book whose passes have run. Out: UTF-8 bytes of one TEI document. From the pages
come `<pb/>` (one per input page, `@n` the printed number or `[n]` the inferred one),
`<fw>` for furniture (type and place) and `<lb/>` for every printed line; from the
decisions come `<div>`/`<head>`/`<p>` (a paragraph running over a page break holds the
`<pb/>` and that page's top `<fw>`), `<note place="foot">` at the mark that calls it (the
mark in `@n`, the printed label in `<label>`, parts over pages linked by `prev`/`next`),
and `<pc>`/`<lb break="no"/>` for line-end hyphens; marginal notes as `<note
place="margin">` where their lines stand in the page's order. For OCR with geometry a
`<facsimile>` (`tei_facsimile`) holds a surface per page and a zone per line, and `<pb/>`,
`<lb/>` and `<fw>` point to them by `@facs`. Lossless: every printed character is in the
document (characters XML cannot hold become U+FFFD). Valid against
`schemas/tei-layout.rng` and the official tei_all. Not handled: blank lines (the layout of
white space).
"""

from __future__ import annotations

import io
from typing import BinaryIO

from lxml import etree

from layout.model import FURNITURE, Book, Heading, Hyphen, Line, Page, Role
from layout.writers import tei_facsimile
from layout.writers.tei_header import TEI_NS, XML_FORBIDDEN, E, header, language_tag
from layout.writers.tei_indent import indent

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEXT, BODY, DIV, P, HEAD, LB, PB, NOTE, PC, FW, LABEL = (
    f"{{{TEI_NS}}}{name}"
    for name in ("text", "body", "div", "p", "head", "lb", "pb", "note", "pc", "fw", "label")
)
CHOICE, ORIG, REG = (f"{{{TEI_NS}}}{name}" for name in ("choice", "orig", "reg"))
NO_BREAK = {"break": "no"}
PLACE_FOOT = {"place": "foot"}
PLACE_MARGIN = {"place": "margin"}
UNANCHORED = {"place": "foot", "anchored": "false"}
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

GLUING = frozenset({Hyphen.JOIN, Hyphen.KEEP, Hyphen.UNDECIDED})
"""Decisions after which the next line of the flow continues the same word."""

PC_FORCE = {Hyphen.JOIN: {"force": "weak"}, Hyphen.UNDECIDED: {"force": "inter"}}
"""Decisions whose hyphen is marked as `<pc>` (removed on reading, or undecided): its
attributes."""


def _set_tail(el: etree._Element, text: str) -> None:
    """Put text after `el`, an element just written (so its tail is empty): O(1), where
    looking up a big parent's last child (`len(p)`, `p[-1]`) is not."""
    if text:
        el.tail = text


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
        self.body: etree._Element = E.body()  # replaced by the one inside <text> in write()
        self.div: etree._Element | None = None
        self.divs: list[tuple[int, etree._Element]] = []  # open divs by level, outermost first
        self.block: etree._Element | None = None  # the open <p> or <head>
        self.block_is_head = False
        self.div_has_p = False
        self.div_has_block = False  # the open div holds a head or p (not just a pb)
        self.glue_next = False  # the previous text line ended inside a word
        self.replaced = 0  # characters XML cannot hold, replaced by U+FFFD
        self.page_dirty = True  # whether the page being written holds such characters
        self.prev_of: dict[tuple[int, int], tuple[int, int]] = {}
        self.next_of: dict[tuple[int, int], tuple[int, int]] = {}
        self._link_parts()
        self.facs = tei_facsimile.zones(book) if tei_facsimile.has_geometry(book) else None
        """Per page, per line, `@facs` of the line's zone (None: no facsimile)."""
        self.margin: tuple[etree._Element, int, str | None] | None = None
        """The open marginal note: its element, its last line, and that line's block."""

    def link(self, el: etree._Element, p: int, i: int) -> None:
        """Point `el` (the lb or fw of line i of page p) to the line's zone, if it has one."""
        if self.facs is not None and (facs := self.facs[p][i]) is not None:
            el.set("facs", facs)

    # -- text ---------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        if XML_FORBIDDEN.search(text) is None:
            return text
        cleaned, n = XML_FORBIDDEN.subn("\ufffd", text)
        self.replaced += n
        return cleaned

    def line_content(self, parent: etree._Element, last: etree._Element, text: str,
                     line: Line) -> bool:
        """Append a line's text after `last` (its lb, label or note) with its final break
        marked; True when the next line of the flow goes on with the same word."""
        hyphen = line.hyphen
        if hyphen is None:
            _set_tail(last, text)
            return False
        force = PC_FORCE.get(hyphen)
        end = len(text.rstrip())
        if force and end and not text[end - 1].isalnum():
            _set_tail(last, text[: end - 1])
            pc = etree.SubElement(parent, PC, force)
            pc.text = text[end - 1]
            _set_tail(pc, text[end:])
        else:
            _set_tail(last, text)
        return hyphen in GLUING

    # -- notes --------------------------------------------------------------------------

    def _link_parts(self) -> None:
        """Link each continued part to the note part printed just before it."""
        last: tuple[int, int] | None = None
        for p, page in enumerate(self.book.pages):
            for k, note in enumerate(page.footnotes):
                if note.continued and last is not None and last not in self.next_of:
                    self.prev_of[(p, k)] = last
                    self.next_of[last] = (p, k)
                last = (p, k)

    def _glues_out(self, key: tuple[int, int]) -> bool:
        """Whether the part's last line ends inside a word that the next part finishes."""
        p, k = key
        page = self.book.pages[p]
        lines = [i for i in page.footnotes[k].lines if 0 <= i < len(page.lines)]
        return bool(lines) and page.lines[lines[-1]].hyphen in GLUING

    def note(self, parent: etree._Element, p: int, k: int, mark: str | None) -> etree._Element:
        """Append the note element of part k of page p to `parent`; `mark` is the text cut
        at its anchor (None for a note placed at the end of its page's text)."""
        page = self.book.pages[p]
        fn = page.footnotes[k]
        el = etree.SubElement(parent, NOTE, PLACE_FOOT)
        n = (mark if mark is not None else fn.marker or "").strip()
        if n:
            el.set("n", self.clean(n))
        el.set(XML_ID, f"n{p + 1}.{k + 1}")
        if mark is None:
            el.set("anchored", "false")
        elif fn.anchor is not None and not fn.anchor.certain:
            el.set("cert", "low")  # the mark is unsure
        elif not fn.certain:
            el.set("cert", "medium")  # the note itself was found on thin evidence
        if (p, k) in self.prev_of:
            q, j = self.prev_of[(p, k)]
            el.set("prev", f"#n{q + 1}.{j + 1}")
        if (p, k) in self.next_of:
            q, j = self.next_of[(p, k)]
            el.set("next", f"#n{q + 1}.{j + 1}")
        glue = (p, k) in self.prev_of and self._glues_out(self.prev_of[(p, k)])
        first = True
        for i in fn.lines:
            if not 0 <= i < len(page.lines) or page.lines[i].is_blank:
                continue  # a blank line inside a note prints nothing
            line = page.lines[i]
            last = etree.SubElement(el, LB, NO_BREAK) if glue else etree.SubElement(el, LB)
            self.link(last, p, i)
            text = self.clean(line.text) if self.page_dirty else line.text
            if first and fn.label_end > 0:
                head = text[: fn.label_end]
                label = head.strip()
                if label:  # the white space around the label stays around it, as printed
                    lead = len(head) - len(head.lstrip())
                    _set_tail(last, head[:lead])
                    last = etree.SubElement(el, LABEL)
                    last.text = label
                    text = text[lead + len(label):]
            first = False
            glue = self.line_content(el, last, text, line)
        return el

    def orphan_note(self, parent: etree._Element, page: Page, lines: list[int], p: int) -> None:
        """Footnote lines that belong to no recorded note: one note, not anchored."""
        el = etree.SubElement(parent, NOTE, UNANCHORED)
        glue = False
        for i in lines:
            last = etree.SubElement(el, LB, NO_BREAK) if glue else etree.SubElement(el, LB)
            self.link(last, p, i)
            glue = self.line_content(el, last, self.clean(page.lines[i].text), page.lines[i])

    # -- structure ----------------------------------------------------------------------

    def container(self) -> etree._Element:
        """The open block, or else the open div (opened on demand)."""
        if self.block is not None:
            return self.block
        if self.div is None:
            parent = self.divs[-1][1] if self.divs else self.body
            self.div = etree.SubElement(parent, DIV)
            self.div_has_p = self.div_has_block = False
        return self.div

    def open_division(self, heading: Heading) -> None:
        """Close the open divs of the heading's level and deeper; open its div inside the
        nearest one above (or in the body), with its type and number."""
        while self.divs and self.divs[-1][0] >= heading.level:
            self.divs.pop()
        parent = self.divs[-1][1] if self.divs else self.body
        div = self.div
        if div is None or self.div_has_block or div.getparent() is not parent:
            div = etree.SubElement(parent, DIV)
        # else: a div opened on demand for the page break before the heading: its own
        div.set("type", heading.kind)
        if heading.n:
            div.set("n", self.clean(heading.n))
        self.divs.append((heading.level, div))
        self.div, self.div_has_p, self.div_has_block = div, False, False

    def open_block(self, line: Line) -> etree._Element:
        """The block a text line goes in: the open one, or a new p or head."""
        heading = line.role is HEADING
        if heading:
            if self.block is None or not self.block_is_head or line.paragraph_start:
                self.block = None
                if line.heading is not None:
                    self.open_division(line.heading)
                elif self.div_has_p:
                    self.div = None  # a heading after paragraphs opens a new div
                self.block = etree.SubElement(self.container(), HEAD)
                self.block_is_head = self.div_has_block = True
        elif self.block is None or self.block_is_head or line.paragraph_start:
            self.block = None
            self.block = etree.SubElement(self.container(), P)
            self.block_is_head = False
            self.div_has_p = self.div_has_block = True
        return self.block

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
        _set_tail(lb, self.clean(line.text) if self.page_dirty else line.text)
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
            _set_tail(last, text[pos:start])
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
        if text_at:
            first = lines[text_at[0]]
            goes_on = self.block_is_head and first.role is HEADING and not first.paragraph_start
            if not goes_on and (first.role is HEADING or first.paragraph_start
                                or self.block_is_head):
                self.block = None
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
        block, in_head, glue = self.block, self.block_is_head, self.glue_next
        for i, kind in enumerate(kinds):
            if i == flush_at:
                self.flush_notes(p, placed, note_at, in_note)
            if kind == TEXT_LINE:  # the hot path: one running-text line
                line = lines[i]
                text = self.clean(line.text) if dirty else line.text
                if block is None or in_head or line.paragraph_start or line.role is HEADING:
                    block = self.open_block(line)
                    in_head = self.block_is_head
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
                    glue = self.line_content(block, last, text, line)
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
                self.orphan_note(parent, page, run, p)
                run = []
            run.append(i)
        if run:
            self.orphan_note(parent, page, run, p)

    def write(self) -> etree._Element:
        # the root and <text> first, so the body grows in place: moving a finished body
        # into a new root would walk the whole tree again
        root = E.TEI()
        text = etree.SubElement(root, TEXT)
        lang = language_tag(self.book)
        if lang:
            text.set(XML_LANG, lang)
        self.body = etree.SubElement(text, BODY)
        for p in range(len(self.book.pages)):
            self.page(p)
        if len(self.body) == 0:
            etree.SubElement(self.body, DIV)
        root.insert(0, header(self.book, self.replaced))
        facsimile = tei_facsimile.facsimile(self.book)
        if facsimile is not None:
            root.insert(1, facsimile)
        return root


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
    """The bytes of `write`, serialised straight into `out` (no copy of the document as
    bytes besides its tree)."""
    root = build(book)
    indent(root)
    out.write(prologue())
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=False)
    out.write(b"\n")

