"""TEI P5 for the whole book: a header, then the text as printed and as meant.

From the pages come `<pb/>` (one per input page), `<fw>` for furniture and `<lb/>` for every
printed line; from the decisions come `<div>`/`<head>`, `<p>` (a paragraph running over a
page break holds the `<pb/>`), `<note place="foot">` at its mark, and `<pc>` for resolved
hyphens. Lossless: every printed character is in the document, a note's label in `<label>`
and the mark that points to it in the note's `@n`. The result is valid against
`schemas/tei-layout.rng` and the official tei_all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree
from lxml.builder import ElementMaker

from layout import __version__
from layout.model import FURNITURE, HYPHEN_SIGNS, TEXT_ROLES, Book, Footnote, Hyphen, Line, Page, Role

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

FW_TYPES = {
    Role.RUNNING_TITLE: "header",
    Role.HEADER: "header",
    Role.PAGE_NUMBER: "pageNum",
    Role.SIGNATURE: "sig",
    Role.CATCHWORD: "catch",
    Role.FOOTER: "footer",
    Role.SEPARATOR: "separator",
}


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of `parent` (or as its text)."""
    if not text:
        return
    last = next(parent.iterchildren(reversed=True), None)  # O(1), unlike parent[-1]
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def header(book: Book) -> etree._Element:
    """The teiHeader: what the source is and what the engine decided."""
    meta = book.metadata
    title = meta.title or meta.source or "Untitled book"
    title_stmt = E.titleStmt(E.title(title))
    if meta.author:
        title_stmt.append(E.author(meta.author))
    bibl = E.bibl(E.title(title))
    if meta.author:
        bibl.append(E.author(meta.author))
    if meta.publisher:
        bibl.append(E.publisher(meta.publisher))
    if meta.date:
        bibl.append(E.date(meta.date))
    if meta.handle:
        bibl.append(E.idno(meta.handle, type="handle"))
    if meta.rights:
        bibl.append(E.note(meta.rights, type="rights"))
    for key, value in meta.extra:
        bibl.append(E.note(value, type=key))
    if meta.source:
        bibl.append(E.note(meta.source, type="input"))
    counts = Counter(line.hyphen for page in book.pages for line in page.lines if line.hyphen)
    decided = ", ".join(f"{counts[h]} {h.value}" for h in Hyphen if counts[h])
    notes = sum(len(page.footnotes) for page in book.pages)
    numbered = sum(1 for page in book.pages if page.number)
    encoding = E.encodingDesc(
        E.appInfo(
            E.application(E.label("layout"), ident="layout", version=__version__),
        ),
        E.editorialDecl(
            E.p(
                f"Page furniture identified book-wide by layout {__version__}: "
                f"{numbered} of {len(book.pages)} pages print a number; running titles, "
                "signatures, catchwords and scanner lines are kept as fw."
            ),
            E.p(f"{notes} footnote parts linked to their marks where found."),
            E.hyphenation(
                E.p(
                    "Every line-end hyphen is kept and marked: a printer's hyphen removed "
                    "on reading as pc force=weak, an undecided one as pc force=inter; "
                    f"decisions: {decided or 'none'}."
                ),
                eol="all",
            ),
        ),
    )
    publication = E.publicationStmt(
        E.p(f"Encoded by layout {__version__} from OCR text; not published.")
    )
    return E.teiHeader(
        E.fileDesc(title_stmt, publication, E.sourceDesc(bibl)),
        encoding,
    )


def page_n(page: Page) -> str | None:
    """`pb/@n`: the printed number, or the inferred one in brackets."""
    if page.number:
        return page.number
    if page.inferred_number:
        return f"[{page.inferred_number}]"
    return None


@dataclass
class _State:
    """Where the writer stands in the tree while it walks the book."""

    body: etree._Element
    div: etree._Element | None = None
    block: etree._Element | None = None  # the open <p> or <head>
    block_is_head: bool = False
    glue_next: bool = False  # the previous text line ended in a word break
    div_has_text: bool = False  # the open div holds a <p> or <head> already

    def container(self) -> etree._Element:
        if self.block is not None:
            return self.block
        return self.open_div()

    def open_div(self) -> etree._Element:
        if self.div is None:
            self.div = etree.SubElement(self.body, f"{{{TEI_NS}}}div")
            self.div_has_text = False
        return self.div

    def close_block(self) -> None:
        self.block = None
        self.block_is_head = False


class _Writer:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.state = _State(body=E.body())
        self.note_ids: dict[tuple[int, int], str] = {}
        self._link_notes()

    def _link_notes(self) -> None:
        for p, page in enumerate(self.book.pages):
            for k, _ in enumerate(page.footnotes):
                self.note_ids[(p, k)] = f"n{p + 1}.{k + 1}"

    def _prev_part(self, p: int, k: int) -> str | None:
        """The id of the part a continued note goes on from (last note of a page before)."""
        for q in range(p - 1, -1, -1):
            if self.book.pages[q].footnotes:
                return self.note_ids[(q, len(self.book.pages[q].footnotes) - 1)]
        return None

    def note(self, p: int, k: int, mark: str | None) -> etree._Element:
        page = self.book.pages[p]
        fn = page.footnotes[k]
        attrs = {"place": "foot"}
        if mark or fn.marker:
            attrs["n"] = (mark or fn.marker or "").strip()
        el = etree.Element(f"{{{TEI_NS}}}note", attrs)
        el.set(XML_ID, self.note_ids[(p, k)])
        if fn.continued:
            prev = self._prev_part(p, k)
            if prev:
                el.set("prev", "#" + prev)
        if fn.anchor is not None and not fn.anchor.certain:
            el.set("cert", "low")
        if fn.anchor is None and not fn.continued:
            el.set("type", "unanchored")
        if fn.continues_on_next_page:
            for q in range(p + 1, len(self.book.pages)):
                nxt = self.book.pages[q].footnotes
                if nxt and nxt[0].continued:
                    el.set("next", "#" + self.note_ids[(q, 0)])
                    break
        glue = False
        for n, i in enumerate(fn.lines):
            line = page.lines[i]
            lb = etree.SubElement(el, f"{{{TEI_NS}}}lb")
            if glue:
                lb.set("break", "no")
            text = line.text
            if n == 0 and fn.label_end:
                el.append(E.label(text[: fn.label_end].strip()))
                text = text[fn.label_end:]
            glue = self.line_content(el, text, line)
        return el

    def line_content(self, parent: etree._Element, text: str, line: Line) -> bool:
        """Append a line's text with its final break marked; True when the next line glues."""
        sign_at = len(text.rstrip()) - 1
        if line.hyphen in (Hyphen.JOIN, Hyphen.UNDECIDED) and sign_at >= 0:
            force = "weak" if line.hyphen is Hyphen.JOIN else "inter"
            _append_text(parent, text[:sign_at])
            parent.append(E.pc(text[sign_at], force=force))
            _append_text(parent, text[sign_at + 1:])
            return True
        _append_text(parent, text)
        return line.hyphen is Hyphen.KEEP

    def page(self, p: int) -> None:
        book_page = self.book.pages[p]
        st = self.state
        text_lines = [i for i, line in enumerate(book_page.lines) if line.role in TEXT_ROLES]
        first_text = text_lines[0] if text_lines else len(book_page.lines)
        continues = (
            st.block is not None
            and not st.block_is_head
            and text_lines
            and book_page.lines[first_text].role is Role.BODY
            and not book_page.lines[first_text].paragraph_start
        )
        if not continues:
            st.close_block()
        pb = etree.SubElement(st.container(), f"{{{TEI_NS}}}pb")
        n = page_n(book_page)
        if n:
            pb.set("n", n)
        marks = self.marks(p)
        placed: set[int] = set()
        for i, line in enumerate(book_page.lines):
            if line.role in FURNITURE:
                self.furniture(book_page, i, "top" if i < first_text else "bottom")
            elif line.role in TEXT_ROLES:
                self.text_line(p, i, line, marks.get(i, []), placed)
        for k, fn in enumerate(book_page.footnotes):
            if k not in placed:
                st.container().append(self.note(p, k, None))

    def marks(self, p: int) -> dict[int, list[tuple[int, int, int]]]:
        """Per line, the (start, end, note index) of the marks found on it."""
        out: dict[int, list[tuple[int, int, int]]] = {}
        for k, fn in enumerate(self.book.pages[p].footnotes):
            if fn.anchor is not None:
                out.setdefault(fn.anchor.line, []).append((fn.anchor.start, fn.anchor.end, k))
        return out

    def furniture(self, page: Page, i: int, place: str) -> None:
        line = page.lines[i]
        parent = self.state.container()
        if line.role is Role.HEADER and i == page.number_line and page.number_span:
            s, e = page.number_span
            parts = [
                ("header", line.text[:s]),
                ("pageNum", line.text[s:e]),
                ("header", line.text[e:]),
            ]
        else:
            kind = FW_TYPES[line.role]
            if line.role is Role.HEADER and i == page.number_line:
                kind = "pageNum"
            parts = [(kind, line.text)]
        for kind, text in parts:
            if text.strip():
                parent.append(E.fw(text.strip(), type=kind, place=place))

    def text_line(
        self, p: int, i: int, line: Line, marks: list[tuple[int, int, int]], placed: set[int]
    ) -> None:
        st = self.state
        if line.role is Role.HEADING:
            if st.block is None or not st.block_is_head or line.paragraph_start:
                if st.div is not None and st.div_has_text:
                    st.div = None
                st.block = etree.SubElement(st.open_div(), f"{{{TEI_NS}}}head")
                st.block_is_head = True
                st.div_has_text = True
        elif st.block is None or st.block_is_head or line.paragraph_start:
            st.block = etree.SubElement(st.open_div(), f"{{{TEI_NS}}}p")
            st.block_is_head = False
            st.div_has_text = True
        block = st.block
        lb = etree.SubElement(block, f"{{{TEI_NS}}}lb")
        if st.glue_next:
            lb.set("break", "no")
        text = line.text
        pos = 0
        for start, end, k in sorted(marks):
            _append_text(block, text[pos:start])
            block.append(self.note(p, k, text[start:end]))
            placed.add(k)
            pos = end
        st.glue_next = self.line_content(block, text[pos:], line)

    def write(self) -> etree._Element:
        for p in range(len(self.book.pages)):
            self.page(p)
        return E.TEI(header(self.book), E.text(self.state.body))


def write(book: Book) -> bytes:
    """The book as a TEI P5 document (UTF-8)."""
    root = _Writer(book).write()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False)
