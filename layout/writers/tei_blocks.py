"""Where the TEI writer puts each running-text line: the divisions and blocks of the text.

In: the lines of the running text, in reading order, with their decisions (role,
paragraph start, `Heading`, `Block`). Out: the element each line's `<lb/>` goes in, built
as the book goes: nested `<div>`s opened by headings (type and number), `<head>` and `<p>`,
numbered lists (`<list>`/`<item n>`), verse (`<lg>`/`<l>`), a letter's opening and closing
(`<opener>`/`<closer>` holding `<dateline>`, `<salute>`, `<signed>`, `<address>`), and the
title page (`<front>`/`<titlePage>`: `<docTitle>`/`<titlePart>`, `<byline>`,
`<docImprint>`). Page breaks, furniture and notes go in `container()`: the open block, or
else the open division. Not handled: tables, figures, quotations (their lines are prose).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from layout.model import LETTER_PARTS, Block, Heading, Line, Role
from layout.writers.tei_header import TEI_NS

(DIV, P, HEAD, LIST, ITEM, LG, L, OPENER, CLOSER, DATELINE, SALUTE, SIGNED, ADDRESS,
 ADDR_LINE, FRONT, TITLE_PAGE, DOC_TITLE, TITLE_PART, BYLINE, DOC_IMPRINT) = (
    f"{{{TEI_NS}}}{name}"
    for name in ("div", "p", "head", "list", "item", "lg", "l", "opener", "closer",
                 "dateline", "salute", "signed", "address", "addrLine", "front",
                 "titlePage", "docTitle", "titlePart", "byline", "docImprint")
)

HEAD_KIND = "head"
VERSE_KIND = Block.VERSE.value
P_KIND = "p"
LETTER_TAGS = {Block.DATELINE: DATELINE, Block.SALUTE: SALUTE, Block.SIGNED: SIGNED}
TITLE_TAGS = {Block.BYLINE: BYLINE, Block.IMPRINT: DOC_IMPRINT}
TITLE_BLOCKS = frozenset({Block.TITLE, Block.BYLINE, Block.IMPRINT, Block.TITLE_PAGE})
LETTER_KINDS = frozenset(block.value for block in LETTER_PARTS)


def kind_of(line: Line) -> str:
    """The kind of block a running-text line goes in: "head", "p" or its `Block`."""
    if line.role is Role.HEADING:
        return HEAD_KIND
    return line.block.value if line.block is not None else P_KIND


class Blocks:
    """The open division, block and their kinds while the writer walks the book."""

    def __init__(self, text: etree._Element, clean: Callable[[str], str],
                 front_pages: int = 0) -> None:
        self.text = text  # <text>: the front (a title page) and the body go in it
        self.body: etree._Element | None = None
        self.front: etree._Element | None = None
        self.front_pages = front_pages  # the pages up to the title page's, in <front>
        self.in_front = False
        self.clean = clean
        self.div: etree._Element | None = None  # the open div (in the body, or front)
        self.divs: list[tuple[int, etree._Element]] = []  # open divs by level, outermost first
        self.block: etree._Element | None = None  # the element lines go in now
        self.kind = ""  # the open block's kind ("head", "p" or a Block's value)
        self.div_has_block = False  # the open div holds a block (not just a pb)
        self.div_has_text = False  # the open div holds prose, a list or verse
        self.closer: etree._Element | None = None  # the open div's <closer>, once it has one
        self.title_page: etree._Element | None = None

    # -- the containers ---------------------------------------------------------------

    def the_body(self) -> etree._Element:
        if self.body is None:
            self.body = etree.SubElement(self.text, f"{{{TEI_NS}}}body")
        return self.body

    def begin_page(self, p: int) -> None:
        """Page p begins: the pages up to the title page's go in <front>, the rest in the
        body."""
        if p < self.front_pages:
            if self.front is None:
                self.front = etree.Element(f"{{{TEI_NS}}}front")
                self.text.insert(0, self.front)
            self.in_front = True
        elif self.in_front:
            self.in_front = False
            self.close()

    def container(self) -> etree._Element:
        """The open block, or else the open div (opened on demand)."""
        if self.block is not None:
            return self.block
        if self.in_front and self.front is not None:
            return self.front
        if self.div is None:
            parent = self.divs[-1][1] if self.divs else self.the_body()
            self.div = etree.SubElement(parent, DIV)
            self.div_has_block = self.div_has_text = False
            self.closer = None
        return self.div

    def unsettled(self) -> etree._Element | None:
        """The open div while it holds no block: a heading may still give it its type
        and number (a streaming writer must not write its start tag yet)."""
        return self.div if self.div is not None and not self.div_has_block else None

    def close(self, next_kind: str = "") -> None:
        """End the open block (a page begins with a new paragraph or heading, of
        `next_kind`); a page that goes on with the open div's closer (its last child)
        has its page break in it."""
        self.block, self.kind = None, ""
        closer = self.closer
        if next_kind in LETTER_KINDS and closer is not None and self._is_last(closer):
            self.block = closer

    def _is_last(self, el: etree._Element) -> bool:
        """Whether `el` is the open div's last child (the writer still writes into it)."""
        div = self.div
        return div is not None and len(div) > 0 and div[-1] is el

    def _end_div(self) -> None:
        """End the open div: its closer ended it. What follows goes in a new div beside
        it (the schema has nothing after a closer)."""
        if self.divs and self.divs[-1][1] is self.div:
            self.divs.pop()
        self.div, self.closer = None, None

    def open_division(self, heading: Heading) -> None:
        """Close the open divs of the heading's level and deeper; open its div inside the
        nearest one above (or in the body), with its type and number."""
        while self.divs and self.divs[-1][0] >= heading.level:
            self.divs.pop()
        parent = self.divs[-1][1] if self.divs else self.the_body()
        div = self.div
        if div is None or self.div_has_block or div.getparent() is not parent:
            div = etree.SubElement(parent, DIV)
        # else: a div opened on demand for the page break before the heading: its own
        div.set("type", heading.kind)
        if heading.n:
            div.set("n", self.clean(heading.n))
        self.divs.append((heading.level, div))
        self.div, self.div_has_block, self.div_has_text = div, False, False
        self.closer = None

    # -- the blocks -------------------------------------------------------------------

    def open(self, line: Line) -> etree._Element:
        """The element a running-text line goes in: the open block when the line goes on
        with it, else a new one of the line's kind."""
        kind = kind_of(line)
        if self.in_front and line.block not in TITLE_BLOCKS:
            kind = P_KIND  # prose on the title page's pages (a copyright line)
        if self.block is not None and kind == self.kind and not line.paragraph_start \
                and kind != VERSE_KIND:  # a verse line is a line of its own
            return self.block
        self.block = None
        if self.closer is not None and kind not in LETTER_KINDS:
            self._end_div()
        if self.in_front and kind == P_KIND:
            self.block = etree.SubElement(self.container(), P)
        elif kind == HEAD_KIND:
            if line.heading is not None:
                self.open_division(line.heading)
            elif self.div_has_text:
                self.div = None  # a heading after paragraphs opens a new div
            self.block = etree.SubElement(self.container(), HEAD)
        elif kind == P_KIND:
            self.block = etree.SubElement(self.container(), P)
            self.div_has_text = True
        else:
            self.block = self._structured(Block(kind), line)
        self.kind = kind
        self.div_has_block = True
        return self.block

    def _structured(self, block: Block, line: Line) -> etree._Element:
        """A list item, verse line group, letter part or title-page part."""
        if block in TITLE_BLOCKS:
            return self._title_part(block)
        div = self.container()
        last = div[-1] if len(div) else None
        if block is Block.ITEM:
            self.div_has_text = True
            lst = last if last is not None and last.tag == LIST else etree.SubElement(div, LIST)
            item = etree.SubElement(lst, ITEM)
            label = line.text[: line.label_end].strip()
            if label:
                item.set("n", self.clean(label.rstrip(".)").lstrip("(")) or label)
            return item
        if block is Block.VERSE:  # a stanza (lg) begins where a verse paragraph does
            self.div_has_text = True
            goes_on = last is not None and last.tag == LG and self.kind == VERSE_KIND \
                and not line.paragraph_start
            group = last if goes_on and last is not None else etree.SubElement(div, LG)
            return etree.SubElement(group, L)
        # a letter's part: before the letter's text in its opener, after it in its closer
        # (one closer a div, which it ends: page breaks and notes may stand in it)
        if self.div_has_text:
            if self.closer is not None and not self._is_last(self.closer):
                self._end_div()  # (a note after it): a closer of its own, in a div of its own
                div = self.container()
            frame = self.closer if self.closer is not None else etree.SubElement(div, CLOSER)
            self.closer = frame
        else:
            frame = last if last is not None and last.tag == OPENER \
                else etree.SubElement(div, OPENER)
        if block is Block.ADDRESS:
            address = frame[-1] if len(frame) and frame[-1].tag == ADDRESS \
                else etree.SubElement(frame, ADDRESS)
            return etree.SubElement(address, ADDR_LINE)
        return etree.SubElement(frame, LETTER_TAGS[block])

    def _title_part(self, block: Block) -> etree._Element:
        """A part of the title page (in `<front>`)."""
        page = self.title_page
        holder = self.container()
        if page is None or len(holder) == 0 or holder[-1] is not page:
            page = self.title_page = etree.SubElement(holder, TITLE_PAGE)
        if block is Block.TITLE:
            last = page[-1] if len(page) else None
            doc_title = last if last is not None and last.tag == DOC_TITLE \
                else etree.SubElement(page, DOC_TITLE)
            return etree.SubElement(doc_title, TITLE_PART)
        if block is Block.TITLE_PAGE:
            part = etree.SubElement(page, TITLE_PART)
            part.set("type", "desc")
            return part
        return etree.SubElement(page, TITLE_TAGS[block])

    def finish(self) -> None:
        """A body, and a div in it, however empty the book."""
        body = self.the_body()
        if len(body) == 0:
            etree.SubElement(body, DIV)
