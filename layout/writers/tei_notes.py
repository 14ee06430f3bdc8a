"""How the TEI writer writes footnotes: at the mark that calls them, linked over pages.

In: the book and a `Printer`. Out: `<note place="foot">` elements: the mark moved into
`@n` (or, for a note set after its page's text, its label), `xml:id` `n{page}.{part}`,
`cert="low"` at an uncertain mark (`"medium"` for a note found on thin evidence),
`anchored="false"` where no mark was found, parts of one note over several pages linked
by `prev` and `next`, the printed label in `<label>` (the white space around it kept),
each line an `<lb/>` (glued over the page when a word runs on). Not handled: where the
note goes (the writer places it) or notes in notes.
"""

from __future__ import annotations

from lxml import etree

from layout.model import Book, Page
from layout.writers.tei_header import TEI_NS
from layout.writers.tei_lines import GLUING, NO_BREAK, Printer, set_tail

NOTE, LB, LABEL = (f"{{{TEI_NS}}}{name}" for name in ("note", "lb", "label"))
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PLACE_FOOT = {"place": "foot"}
UNANCHORED = {"place": "foot", "anchored": "false"}

Part = tuple[int, int]
"""A note part: its page index and its index among the page's notes."""


class Notes:
    """The book's footnote parts, linked, and how each is written."""

    def __init__(self, book: Book, out: Printer) -> None:
        self.book = book
        self.out = out
        self.prev_of: dict[Part, Part] = {}
        self.next_of: dict[Part, Part] = {}
        last: Part | None = None
        for p, page in enumerate(book.pages):  # each continued part to the part before
            for k, note in enumerate(page.footnotes):
                if note.continued and last is not None and last not in self.next_of:
                    self.prev_of[(p, k)] = last
                    self.next_of[last] = (p, k)
                last = (p, k)

    def _glues_out(self, key: Part) -> bool:
        """Whether the part's last line ends inside a word that the next part finishes."""
        p, k = key
        page = self.book.pages[p]
        lines = [i for i in page.footnotes[k].lines if 0 <= i < len(page.lines)]
        return bool(lines) and page.lines[lines[-1]].hyphen in GLUING

    def note(self, parent: etree._Element, p: int, k: int, mark: str | None,
             dirty: bool = True) -> etree._Element:
        """Append the note element of part k of page p to `parent`; `mark` is the text cut
        at its anchor (None for a note placed at the end of its page's text); `dirty`
        when the page holds characters XML cannot hold."""
        out = self.out
        page = self.book.pages[p]
        fn = page.footnotes[k]
        el = etree.SubElement(parent, NOTE, PLACE_FOOT)
        n = (mark if mark is not None else fn.marker or "").strip()
        if n:
            el.set("n", out.clean(n))
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
            out.link(last, p, i)
            text = out.clean(line.text) if dirty else line.text
            if first and fn.label_end > 0:
                head = text[: fn.label_end]
                label = head.strip()
                if label:  # the white space around the label stays around it, as printed
                    lead = len(head) - len(head.lstrip())
                    set_tail(last, head[:lead])
                    last = etree.SubElement(el, LABEL)
                    last.text = label
                    text = text[lead + len(label):]
            first = False
            glue = out.line_content(el, last, text, line)
        return el

    def orphan(self, parent: etree._Element, page: Page, lines: list[int], p: int) -> None:
        """Footnote lines that belong to no recorded note: one note, not anchored."""
        el = etree.SubElement(parent, NOTE, UNANCHORED)
        glue = False
        for i in lines:
            last = etree.SubElement(el, LB, NO_BREAK) if glue else etree.SubElement(el, LB)
            self.out.link(last, p, i)
            glue = self.out.line_content(el, last, self.out.clean(page.lines[i].text),
                                         page.lines[i])
