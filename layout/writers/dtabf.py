"""The book in the DTA base format (DTABf), the Deutsches Textarchiv's TEI.

In: a Book whose passes have run. Out: UTF-8 bytes of one TEI document valid against the
DTABf schema (`schemas/basisformat.rng`). It is our TEI (`tei.build`) in the DTA's
conventions: the DTABf header (`dtabf_header`); `<lb/>` at the end of each printed line
rather than at its start; line-end hyphens as printed (no `<pc>`, no `@break`);
`<pb facs="#f0001" n="…"/>` per page; `<fw>` for furniture; `<div n="level">` nested as the
headings show (type kept where the DTABf allows it); footnotes at their marks with the
printed label in `@n` (`n="1)"`), their parts over pages linked by `xml:id`/`prev`/`next`;
marginal notes as `place="right"`. What the DTABf has no place for is left out of the
markup, never out of the text: the facsimile zones and `@facs` of lines, certainty
attributes, a list item's number (its label stays in its text), the regularised running
title (`<choice>` keeps only its `<orig>`). Title pages and their parts are typed as the
DTABf requires (`main`, then `sub`). Not
handled: typography (`<hi rendition>`), which OCR text does not show.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from lxml import etree

from layout.model import Book
from layout.writers import tei
from layout.writers.dtabf_header import header
from layout.writers.tei_header import TEI_NS
from layout.writers.tei_indent import indent

T = f"{{{TEI_NS}}}"
BLOCKS = frozenset(
    T + name for name in ("p", "head", "note", "item", "l", "dateline", "salute", "signed",
                          "addrLine", "titlePart", "byline", "docImprint")
)
"""Elements whose first line begins with our `<lb/>`: the DTABf has none there."""
DIV_TYPES = frozenset({"letter", "chapter", "preface", "postface", "dedication", "appendix",
                       "index", "contents", "corrigenda", "act", "scene", "poem"})
"""`div/@type` values kept: the DTABf's list is closed (no "section", "part" or "book":
such divisions go without a type, their level in `@n`)."""
SCHEMA = "https://raw.githubusercontent.com/deutschestextarchiv/dtabf/dev/schema/dist/basisformat.rng"


def _drop_first_lb(block: etree._Element) -> None:
    """Remove the `<lb/>` that opens a block (keeping what follows it)."""
    if (block.text or "").strip() or len(block) == 0:
        return
    first = block[0]
    if first.tag != T + "lb":
        return
    block.text = (block.text or "") + (first.tail or "")
    block.remove(first)


def _unwrap(el: etree._Element) -> None:
    """Replace an element by its text (and its children's), keeping its tail."""
    parent = el.getparent()
    if parent is None:
        return
    text = "".join(el.itertext()) + (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(el)


def convert(root: etree._Element, book: Book) -> etree._Element:
    """Our TEI tree made DTABf, in place; returns the root."""
    for old in root.findall(T + "teiHeader"):
        root.remove(old)
    for facsimile in root.findall(T + "facsimile"):
        root.remove(facsimile)
    root.insert(0, header(book))
    text = root.find(T + "text")
    if text is not None:  # the DTABf names the language in the header only
        text.attrib.pop("{http://www.w3.org/XML/1998/namespace}lang", None)
    pages = 0
    for el in list(root.iter(T + "pc", T + "choice", T + "label", T + "pb", T + "lb",
                             T + "fw", T + "note", T + "div")):
        tag = el.tag
        if tag == T + "pc":
            _unwrap(el)
        elif tag == T + "choice":  # the running title as printed, not as regularised
            orig = el.find(T + "orig")
            el.text = "".join(orig.itertext()) if orig is not None else ""
            for child in list(el):
                el.remove(child)
            _unwrap(el)
        elif tag == T + "label":  # a note's printed label: the DTABf has it in note/@n
            note = el.getparent()
            if note is not None and note.tag == T + "note" and el.text:
                note.set("n", el.text.strip())
            tail = (el.tail or "").lstrip()
            el.text, el.tail = "", tail
            _unwrap(el)
        elif tag == T + "pb":
            pages += 1
            el.set("facs", f"#f{pages:04d}")
        elif tag == T + "lb":
            el.attrib.pop("break", None)
            el.attrib.pop("facs", None)
        elif tag == T + "fw":
            el.attrib.pop("facs", None)
        elif tag == T + "note":
            for name in ("cert", "anchored"):
                el.attrib.pop(name, None)
            if el.get("place") == "margin":
                el.set("place", "right")
        elif tag == T + "div":
            level = sum(1 for _ in el.iterancestors(T + "div")) + 1
            kind = el.get("type")
            el.attrib.clear()
            if kind in DIV_TYPES:
                el.set("type", kind)
            el.set("n", str(level))
    for item in root.iter(T + "item"):  # its label stays in its text
        item.attrib.pop("n", None)
    for page in root.iter(T + "titlePage"):  # the DTABf types every title page and part
        page.set("type", "main")
        for k, part in enumerate(page.iter(T + "titlePart")):
            if part.get("type") is None:
                part.set("type", "main" if k == 0 else "sub")
    for block in list(root.iter(*BLOCKS)):
        _drop_first_lb(block)
    return root


def write(book: Book) -> bytes:
    """The book in the DTA base format (UTF-8), one printed line per XML line."""
    out = io.BytesIO()
    write_to(book, out)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO) -> None:
    """The bytes of `write`, written to `out`."""
    root = convert(tei.build(book), book)
    indent(root, lb_ends=True)
    out.write(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + f'<?xml-model href="{SCHEMA}" type="application/xml" '
          'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'.encode()
    )
    out.write(etree.tostring(root, encoding="UTF-8", xml_declaration=False))
    out.write(b"\n")
