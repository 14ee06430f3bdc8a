"""How the TEI writer writes the text of one printed line: characters XML cannot hold,
the line's final word break, and its place on the page image.

In: a line's text and its hyphen decision. Out: the text set after the element that
opens the line (its `<lb/>`, label or note), the final hyphen as `<pc>` when reading
removes it (`force="weak"`) or cannot decide (`force="inter"`), and `@facs` pointing to
the line's zone when the book has geometry. Not handled: where the line goes (see
`tei_blocks`) or which notes stand in it (see `tei_notes`).
"""

from __future__ import annotations

from lxml import etree

from layout.model import Hyphen, Line
from layout.writers.tei_header import TEI_NS, XML_FORBIDDEN

PC = f"{{{TEI_NS}}}pc"
NO_BREAK = {"break": "no"}

GLUING = frozenset({Hyphen.JOIN, Hyphen.KEEP, Hyphen.UNDECIDED})
"""Decisions after which the next line of the flow continues the same word."""

PC_FORCE = {Hyphen.JOIN: {"force": "weak"}, Hyphen.UNDECIDED: {"force": "inter"}}
"""Decisions whose hyphen is marked as `<pc>` (removed on reading, or undecided): its
attributes."""


def set_tail(el: etree._Element, text: str) -> None:
    """Put text after `el`, an element just written (so its tail is empty): O(1), where
    looking up a big parent's last child (`len(p)`, `p[-1]`) is not."""
    if text:
        el.tail = text


class Printer:
    """Writes lines' text, counting the characters it had to replace."""

    def __init__(self, facs: list[list[str | None]] | None = None) -> None:
        self.replaced = 0  # characters XML cannot hold, replaced by U+FFFD
        self.facs = facs
        """Per page, per line, `@facs` of the line's zone (None: no facsimile)."""

    def clean(self, text: str) -> str:
        """`text` with the characters XML cannot hold replaced (and counted)."""
        if XML_FORBIDDEN.search(text) is None:
            return text
        cleaned, n = XML_FORBIDDEN.subn("\ufffd", text)
        self.replaced += n
        return cleaned

    def link(self, el: etree._Element, p: int, i: int) -> None:
        """Point `el` (the lb or fw of line i of page p) to the line's zone, if it has one."""
        if self.facs is not None and (facs := self.facs[p][i]) is not None:
            el.set("facs", facs)

    def line_content(self, parent: etree._Element, last: etree._Element, text: str,
                     line: Line) -> bool:
        """Append a line's text after `last` (its lb, label or note) with its final break
        marked; True when the next line of the flow goes on with the same word."""
        hyphen = line.hyphen
        if hyphen is None:
            set_tail(last, text)
            return False
        force = PC_FORCE.get(hyphen)
        end = len(text.rstrip())
        if force and end and not text[end - 1].isalnum():
            set_tail(last, text[: end - 1])
            pc = etree.SubElement(parent, PC, force)
            pc.text = text[end - 1]
            set_tail(pc, text[end:])
        else:
            set_tail(last, text)
        return hyphen in GLUING
