"""Read a TEI document we wrote (`layout.writers.tei`) back into a `Book`.

In: the bytes of a TEI P5 file and its name. Out: a Book with the decisions the TEI
records, so the typesetter and the writers can work from an edited TEI without running
the passes again: one page per `<pb/>` (`@n` the printed number, `[n]` an inferred one),
one line per `<lb/>` (in `<head>` a heading, in `<p>` body text, a paragraph or heading
starting at its block's first line; a heading's level, type and number from the typed
`<div>`s around it; list items, verse, a letter's and the title page's parts as their
`Block`), furniture from `<fw>`, footnotes from
`<note place="foot">` (the mark in `@n` goes back into the text line where the note
stands, and becomes its anchor), marginal notes from `<note place="margin">` (lines of
role `marginal` where they stand in the page's order), line-end hyphens from `<pc>` and
`<lb break="no"/>`, and the metadata from the teiHeader. The Book is marked `analysed`:
the passes must not decide it again. The document is parsed without network, DTD or
entity expansion (`xml_safety`); anything malformed, or not TEI, is a `ReadError` naming
the file and the line. Not handled: blank lines and the spacing inside furniture lines
(the TEI does not keep them), so line indices may differ from the original input; other
TEI producers' markup beyond its text (unknown elements are read for their text only).
"""

from __future__ import annotations

from itertools import pairwise

from lxml import etree

from layout.model import Block, Book, Heading, Role
from layout.readers import tei_metadata
from layout.readers.decoding import ReadError
from layout.readers.tei_pages import (
    Furniture,
    LineDraft,
    NoteDraft,
    PageDraft,
    arrange,
    build,
    printed,
)
from layout.readers.xml_safety import parse

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI_ROOT = f"{{{TEI_NS}}}TEI"
(TEXT, LB, PB, FW, PC, NOTE, LABEL, P, HEAD, DIV, L, TITLE_PART, DOC_TITLE) = (
    f"{{{TEI_NS}}}{name}"
    for name in ("text", "lb", "pb", "fw", "pc", "note", "label", "p", "head", "div", "l",
                 "titlePart", "docTitle")
)
CHOICE, ORIG, REG = (f"{{{TEI_NS}}}{name}" for name in ("choice", "orig", "reg"))
BLOCKS: dict[str, Block] = {
    f"{{{TEI_NS}}}{name}": block
    for name, block in (("item", Block.ITEM), ("l", Block.VERSE),
                        ("dateline", Block.DATELINE), ("salute", Block.SALUTE),
                        ("signed", Block.SIGNED), ("addrLine", Block.ADDRESS),
                        ("titlePart", Block.TITLE), ("byline", Block.BYLINE),
                        ("docImprint", Block.IMPRINT))
}
"""The elements we write for blocks that are not prose, and the Block each stands for."""


class _Walk:
    """One pass over `<text>` in document order, collecting pages, lines and notes."""

    def __init__(self) -> None:
        self.pages: list[PageDraft] = []
        self.page: PageDraft | None = None
        self.role = Role.BODY  # the role of a new text line: its block's
        self.heading: Heading | None = None  # the division a heading's lines open
        self.kind: Block | None = None  # the block that is no prose the lines are in
        self.starts = False  # the next text line begins a paragraph or heading
        self.line: LineDraft | None = None  # the open running-text line
        self.note: NoteDraft | None = None  # the open note, if inside one
        self.note_line: LineDraft | None = None
        self.text_flow: list[LineDraft] = []
        """The running text's lines in order, along which line-end hyphens are glued."""
        self.margin_flows: list[list[LineDraft]] = []
        """Each marginal note's lines: a flow of their own."""
        self.handlers = {
            LB: self.lb, PB: self.pb, FW: self.fw, PC: self.pc, NOTE: self.footnote,
            LABEL: self.label, P: self.block, HEAD: self.block,
            **{tag: self.block for tag in BLOCKS},
        }

    # -- where text goes ------------------------------------------------------------------

    def current_page(self) -> PageDraft:
        if self.page is None:  # text before the first pb: a page without a number
            self.page = PageDraft(None, implicit=True)
            self.pages.append(self.page)
        return self.page

    def open_line(self) -> LineDraft:
        """The line text goes to now, opened when text comes before any lb."""
        if self.note is not None:
            if self.note_line is None:
                self.note_line = LineDraft(Role.FOOTNOTE)
                self.note.lines.append(self.note_line)
            return self.note_line
        if self.line is None:
            self.line = LineDraft(self.role, paragraph_start=self.starts, heading=self.heading,
                                  block=self.kind)
            self.starts = False
            self.current_page().items.append(self.line)
            self.text_flow.append(self.line)
        return self.line

    def add(self, text: str | None) -> None:
        """Text of the open line; white space between lines (indentation) is dropped."""
        if not text:
            return
        line = self.note_line if self.note is not None else self.line
        if line is None:
            if text.isspace():
                return
            line = self.open_line()
        line.add(text)

    # -- elements -------------------------------------------------------------------------

    def walk(self, el: etree._Element) -> None:
        handlers = self.handlers
        for child in el:
            tag = child.tag
            if tag == LB and self.note is None and self.page is not None:
                # the hot path: a running-text line begins, its text in the lb's tail
                line = LineDraft(self.role, self.starts, child.get("break") == "no",
                                 child.tail, self.heading, self.kind)
                self.starts = False
                self.line = line
                self.page.items.append(line)
                self.text_flow.append(line)
                continue
            handler = handlers.get(tag) if isinstance(tag, str) else None
            if handler is not None:
                handler(child)
            elif isinstance(tag, str):  # an element we do not write: its text only
                self.add(child.text)
                self.walk(child)
            self.add(child.tail)

    def lb(self, el: etree._Element) -> None:
        glued = el.get("break") == "no"
        if self.note is not None:
            self.note_line = LineDraft(Role.FOOTNOTE, glued_in=glued)
            self.note.lines.append(self.note_line)
            return
        self.line = None
        line = self.open_line()
        line.glued_in = glued

    def pb(self, el: etree._Element) -> None:
        if self.page is not None and self.page.implicit and self.page.empty:
            self.page.n, self.page.implicit = el.get("n"), False
        else:
            self.page = PageDraft(el.get("n"))
            self.pages.append(self.page)
        self.line = None  # a page break ends the line
        self.note_line = None

    def fw(self, el: etree._Element) -> None:
        raw, span = _furniture_text(el)
        text = printed(raw).strip()
        if text:
            page = self.current_page()
            page.items.append(Furniture(el.get("type"), el.get("place"), text, span))
            form = el.find(f"{CHOICE}/{REG}")
            if form is not None and form.text and form.text.strip():
                page.title_form = form.text.strip()

    def pc(self, el: etree._Element) -> None:
        line = self.open_line()
        line.add(el.text)
        line.pc_force = el.get("force")
        line.pc_end = line.length

    def label(self, el: etree._Element) -> None:
        text = printed("".join(el.itertext())).strip()
        if self.note is None or not text:
            self.add(text)
            return
        line = self.open_line()
        line.add(text)
        tail = el.tail or ""
        gap = len(tail) - len(tail.lstrip())  # the white space after the label, if kept
        if tail and not gap:
            line.add(" ")  # the gap the writer leaves out
        if self.note.label is None and len(self.note.lines) == 1:
            self.note.label = text
            self.note.label_end = line.length + gap

    def block(self, el: etree._Element) -> None:
        if self.note is not None:  # a paragraph inside a note: its lines are the note's
            self.add(el.text)
            self.walk(el)
            return
        saved = self.role
        self.role = Role.HEADING if el.tag == HEAD else Role.BODY
        self.heading = division(el) if el.tag == HEAD else None
        self.kind = BLOCKS.get(el.tag)
        parent = el.getparent()
        if el.tag == TITLE_PART and (parent is None or parent.tag != DOC_TITLE):
            self.kind = Block.TITLE_PAGE
        before = el.getprevious()
        # a verse line goes on with its stanza; anything else starts a block
        self.starts = el.tag != L or before is None or before.tag != L
        self.line = None
        self.add(el.text)
        self.walk(el)
        self.role, self.heading, self.kind = saved, None, None
        self.starts = False
        self.line = None  # the block's end ends its last line

    def footnote(self, el: etree._Element) -> None:
        if self.note is not None:  # a note in a note: read as the outer note's text
            self.add(el.text)
            self.walk(el)
            return
        if el.get("place") == "margin":
            self.margin(el)
            return
        page = self.current_page()
        n = el.get("n")
        note = NoteDraft(
            n=n.strip() if n else None,
            ident=el.get(XML_ID),
            prev=el.get("prev"),
            next=el.get("next"),
            certain=el.get("cert") != "low",
            sure_note=el.get("cert") not in ("low", "medium"),
            order=len(page.notes),
        )
        page.notes.append(note)
        if note.n and el.get("anchored") != "false" and self.line is not None:
            start = self.line.length
            self.line.add(note.n)  # the mark goes back where it was printed
            note.anchor = (self.line, start, self.line.length)
        else:
            page.items.append(note)  # a note set after its page's text
        self.note, self.note_line = note, None
        self.add(el.text)
        self.walk(el)
        self.note, self.note_line = None, None


    def margin(self, el: etree._Element) -> None:
        """A marginal note: its lines stand where the note does, among the page's lines
        (as the writer set them), with role `marginal`, outside the running text's flow:
        neither a running line's break nor the note's own glues across it."""
        saved = self.role, self.heading, self.kind, self.text_flow
        self.role, self.heading, self.kind, self.starts = Role.MARGINAL, None, None, False
        self.text_flow = []
        self.line = None
        self.add(el.text)
        self.walk(el)
        self.margin_flows.append(self.text_flow)
        self.role, self.heading, self.kind, self.text_flow = saved
        self.line = None  # the note ends its last line


def division(head: etree._Element) -> Heading | None:
    """The division a `<head>` opens, from the typed divs around it (as we write them):
    its level the number of typed divs, its type and number the innermost's."""
    parent = head.getparent()
    if parent is None or parent.tag != DIV or parent.get("type") is None:
        return None
    level = sum(1 for el in head.iterancestors(DIV) if el.get("type") is not None)
    return Heading(level=level, kind=parent.get("type") or "section", n=parent.get("n"),
                   rule="tei")


def _furniture_text(el: etree._Element) -> tuple[str, tuple[int, int] | None]:
    """An fw's text as printed (of a `<choice>`, the `<orig>`) and, when a `<fw
    type="pageNum">` is nested in it, the number's place in that text once stripped."""
    if len(el) == 0:
        return el.text or "", None
    parts = [el.text or ""]
    at: tuple[int, int] | None = None
    for child in el:
        inner = "".join(child.itertext()) if isinstance(child.tag, str) else ""
        if child.tag == CHOICE:  # a running title as printed (orig) and in its one form
            inner = "".join(t for o in child.iter(ORIG) for t in o.itertext())
        if at is None and child.tag == FW and child.get("type") == "pageNum" and inner:
            start = sum(map(len, parts))
            at = (start, start + len(inner))
        parts += (inner, child.tail or "")
    raw = "".join(parts)
    if at is None or "\n" in raw:
        return raw, None
    lead = len(raw) - len(raw.lstrip())
    return raw, (at[0] - lead, at[1] - lead)


def read(data: bytes, name: str) -> Book:
    """The book a TEI document we wrote records; ReadError when it is not one."""
    root = parse(data, name)
    if root.tag != TEI_ROOT:
        tag = etree.QName(root).localname if isinstance(root.tag, str) else str(root.tag)
        space = etree.QName(root).namespace if isinstance(root.tag, str) else None
        what = f"<{tag}>" + (f" in namespace {space}" if space else " without the TEI namespace")
        raise ReadError(
            f"{name}: line {root.sourceline or 1}: not a TEI document: the root element is "
            f"{what}, not <TEI> in {TEI_NS}"
        )
    text = root.find(TEXT)
    if text is None:
        raise ReadError(f"{name}: line {root.sourceline or 1}: the TEI document has no <text>")
    walk = _Walk()
    walk.walk(text)
    if not walk.pages:
        raise ReadError(f"{name}: line {text.sourceline or 1}: the TEI text holds no pages")
    return _book(root, walk)


def _book(root: etree._Element, walk: _Walk) -> Book:
    """Pages in print order, hyphen decisions resolved along each flow, and metadata."""
    arranged = [arrange(page) for page in walk.pages]
    note_flow = [line for _, notes in arranged for note in notes for line in note.lines]
    for flow in (walk.text_flow, note_flow, *walk.margin_flows):
        for before, line in pairwise(flow):
            if line.glued_in:
                before.glue_next = True
    page_of = {note.ident: p for p, (_, notes) in enumerate(arranged)
               for note in notes if note.ident}
    pages = tuple(
        build(page, entries, notes, page_of, p)
        for p, (page, (entries, notes)) in enumerate(zip(walk.pages, arranged, strict=True))
    )
    return Book(
        pages=pages,
        metadata=tei_metadata.metadata(root),
        language=tei_metadata.language(root),
        notes_scheme=tei_metadata.notes_scheme(root),
        analysed=True,
    )
