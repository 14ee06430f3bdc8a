"""The TEI writer's `<text>` written out while it is still being built: a long book's
tree is never held whole.

In: an element the TEI writer grows by appending (it only ever adds a child after the
last one, and writes only into the last child of an element, or into an element it
holds back as unsettled), and a binary stream. Out, in pieces, the bytes lxml writes for
the finished element laid out by `tei_indent.indent`: at each `flush` (the writer calls
it every `FLUSH_PAGES` pages), every element on the chain of last children has its start tag
written (its attributes and text are settled by then) and its children but the last
written and dropped from the tree; the last may still grow. A finished child is laid out
as `indent` lays it out, which needs only its next sibling, and written by lxml, many
siblings in one call. Not handled: text directly in an element-only container (`indent`
lays a container out by whether it holds text, which is not known while it is open; the
writer writes none), the DTA's layout (`lb_ends`: that writer transforms a whole tree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from lxml import etree

from layout.writers.tei_header import TEI_NS
from layout.writers.tei_indent import (
    INDENT,
    _break_lines,
    breaks_before,
    indent,
    inline_note,
    is_mixed,
)

HOLDER = f"{{{TEI_NS}}}_"
"""A scratch element: siblings moved into it are written in one call (never written
itself)."""
NS_DECLARATION = f' xmlns="{TEI_NS}"'.encode()
"""What lxml adds to the start tag of an element written apart from its document."""


@dataclass(slots=True)
class _Open:
    """An element whose start tag is written and whose end tag is not."""

    el: etree._Element
    depth: int
    """Its level in the document (the root is 0): how far its children are indented."""
    mixed: bool
    """It holds printed text, laid out by its breaks (else one child a line)."""


class Stream:
    """Writes an element that is still growing, as it grows (see the module)."""

    def __init__(self, root: etree._Element, out: IO[bytes], depth: int) -> None:
        self.root = root
        self.out = out
        self.depth = depth
        self.open: list[_Open] = []
        """The elements started, outermost first: each the last child of the one before."""

    def flush(self, unsettled: etree._Element | None = None) -> None:
        """Write what is finished; `unsettled` (an element whose attributes may still
        change) is not started, nor anything inside it."""
        if not self.open:
            if len(self.root) == 0 or self.root is unsettled:
                return
            self._start(self.root, self.depth, is_mixed(self.root), False)
        self._advance(0, False, unsettled)

    def finish(self) -> None:
        """Write the rest: the element is complete (its tail is not written)."""
        if self.open:
            self._advance(0, True, None)
            self.open.clear()
        else:  # never started: written whole
            indent(self.root, depth=self.depth)
            self.out.write(_written(self.root, with_tail=False))

    def _start(self, el: etree._Element, depth: int, mixed: bool, first_too: bool) -> None:
        """Lay out and write the start tag and text of `el`, which has children; with
        `first_too` (a note in a printed line) a break before its first child too."""
        if mixed:
            if breaks_before(el[0]) and (el.text or first_too):
                el.text = el.text + "\n" if el.text else "\n"
        else:
            el.text = "\n" + INDENT * (depth + 1)
        shell = etree.Element(el.tag, el.attrib, nsmap={None: TEI_NS})
        shell.text = el.text
        etree.SubElement(shell, HOLDER)
        data = _written(shell, with_tail=False)
        self.out.write(data[: data.rindex(b"<_/>")])
        self.open.append(_Open(el, depth, mixed))

    def _advance(self, level: int, finished: bool, unsettled: etree._Element | None) -> None:
        """Write what is finished inside the started element at `level` (all of it, and
        its end tag, when it is `finished`)."""
        entry = self.open[level]
        el = entry.el
        children = list(el)
        first = 0
        if level + 1 < len(self.open):  # its first child is started
            child = children[0]
            assert child is self.open[level + 1].el, "the TEI writer wrote into a finished element"
            if not finished and len(children) == 1:
                self._advance(level + 1, False, unsettled)
                return
            self._advance(level + 1, True, None)
            del self.open[level + 1:]
            self._lay_tail(entry, child, children[1] if len(children) > 1 else None)
            if child.tail:
                self.out.write(_escaped(child.tail))
            drop(child)
            first = 1
        end = len(children) if finished else len(children) - 1
        if first < end:
            nxt = None if finished else children[end]
            self._write_siblings(entry, children[first:end], nxt)
        if finished:
            self.out.write(f"</{etree.QName(el).localname}>".encode())
            return
        last = children[-1]
        if len(last) and last is not unsettled:
            mixed = entry.mixed or is_mixed(last)
            self._start(last, entry.depth + 1, mixed, entry.mixed and inline_note(last))
            self._advance(level + 1, False, unsettled)

    def _lay_tail(self, entry: _Open, child: etree._Element, nxt: etree._Element | None) -> None:
        """The layout white space after `child`, a child of `entry`, before `nxt` (None:
        `child` is the last)."""
        if entry.mixed:
            if nxt is not None and breaks_before(nxt):
                child.tail = child.tail + "\n" if child.tail else "\n"
        elif nxt is not None:
            child.tail = "\n" + INDENT * (entry.depth + 1)
        else:
            child.tail = "\n" + INDENT * entry.depth

    def _write_siblings(
        self, entry: _Open, siblings: list[etree._Element], nxt: etree._Element | None
    ) -> None:
        """Lay out and write finished children of `entry`, in order, and drop them."""
        if entry.mixed:  # `_lay_tail` and `_break_lines`, inlined: a page has many lines
            for child, after in zip(siblings, [*siblings[1:], nxt], strict=True):
                if after is not None and breaks_before(after):
                    child.tail = child.tail + "\n" if child.tail else "\n"
                if len(child):
                    _break_lines(child, inline_note(child))
        else:
            inner = "\n" + INDENT * (entry.depth + 1)
            for child in siblings:
                child.tail = inner
                if len(child):
                    indent(child, depth=entry.depth + 1)
            if nxt is None:
                siblings[-1].tail = "\n" + INDENT * entry.depth
        # The holder stands in the document while it is written: lxml moves a subtree
        # within its document at once, into another in time quadratic in its size.
        holder = etree.SubElement(entry.el, HOLDER)
        holder.extend(siblings)
        data = _written(holder, with_tail=False)
        self.out.write(data[len(b"<_>"): -len(b"</_>")])
        drop(holder)


def drop(el: etree._Element) -> None:
    """Take `el` out of its tree and free what it holds: emptied first, as lxml would
    move the subtree of a removed element into a document of its own (see above). Its
    children are emptied first, as the caller may hold them (a Python reference makes lxml
    keep a node, and so move it)."""
    for child in el:
        child.clear()
    el.clear()
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _written(el: etree._Element, with_tail: bool) -> bytes:
    """What lxml writes for `el` as UTF-8, without the namespace declaration it adds to
    an element written apart from its document (the document's root declares it)."""
    data: bytes = etree.tostring(el, encoding="UTF-8", with_tail=with_tail)
    head = f"<{etree.QName(el).localname}".encode()
    assert data.startswith(head + NS_DECLARATION)
    return head + data[len(head) + len(NS_DECLARATION):]


def _escaped(text: str) -> bytes:
    """`text` as lxml writes it in an element's content."""
    holder = etree.Element(HOLDER, nsmap={None: TEI_NS})
    holder.text = text
    return _written(holder, with_tail=False)[len(b"<_>"): -len(b"</_>")]
