"""Lay a TEI tree out the way TEI editors expect: one printed line per line of XML.

In: the TEI tree the writer built (no white space of its own between elements). Out: the
same tree with white space added only where TEI gives it no meaning, so the text of every
element is unchanged for a TEI reader:

- an element that holds only elements (`body`, `div`, `teiHeader`, `list`, ...) gets each
  child on a line of its own, indented two spaces a level, and its end tag on its own line;
- in an element that holds text (`p`, `head`, `note`, `item`, ...) a newline comes before
  each `<lb/>`, `<pb/>` and `<fw>` that does not open the element (in a `<note>`, which
  stands inside a printed line, before its first too; before a note set after its page's
  text, as no mark calls it there), and nothing else: the text of each
  printed line stands on one line, as printed, and the element ends right after its last
  line.

A newline before `<lb/>` is what TEI's line-break white space rules expect (it is the break
`<lb/>` records, and next to `<lb break="no"/>` it is ignored); plain XML tools reading the
text see the printed lines one per line. Not handled: text directly in an element-only
container (none is written), `xml:space` (never set).
"""

from __future__ import annotations

from lxml import etree

from layout.writers.tei_header import TEI_NS

INDENT = "  "
BREAK_BEFORE = frozenset(f"{{{TEI_NS}}}{name}" for name in ("lb", "pb", "fw"))
"""Elements that begin a new line of XML inside text: a printed line, a page break and
the furniture printed at it."""
NOTE, LB = f"{{{TEI_NS}}}note", f"{{{TEI_NS}}}lb"
MIXED = frozenset(
    f"{{{TEI_NS}}}{name}"
    for name in ("p", "head", "note", "item", "l", "label", "dateline", "salute", "signed",
                 "addrLine", "titlePart", "byline", "docAuthor", "docImprint", "fw")
)
"""Elements that hold printed text: never indented inside, even when a line is empty."""


def inline_note(el: etree._Element) -> bool:
    """Whether `el` is a note that stands at its mark, inside a printed line."""
    return bool(el.tag == NOTE and el.get("anchored") != "false")


def breaks_before(el: etree._Element) -> bool:
    """Whether `el`, in mixed content, begins a new line of XML: an lb, pb or fw, or a
    note that stands at no mark."""
    return el.tag in BREAK_BEFORE or (el.tag == NOTE and not inline_note(el))


def is_mixed(el: etree._Element) -> bool:
    """Whether `el` holds printed text (laid out by its breaks) rather than elements only
    (laid out one child a line, indented)."""
    return el.tag in MIXED or _holds_text(el)


def _holds_text(el: etree._Element) -> bool:
    """Whether `el` has text of its own (mixed content) rather than elements only."""
    if el.text and not el.text.isspace():
        return True
    return any(child.tail and not child.tail.isspace() for child in el)


def _break_lines(el: etree._Element, first_too: bool = False, lb_ends: bool = False) -> None:
    """In mixed content: a newline before every lb, pb and fw but the element's first
    (unless `first_too`), and before a note that stands at no mark; with `lb_ends` (an lb
    that ends its line) the newline after each lb instead."""
    prev: etree._Element | None = None
    for child in el:
        tag = child.tag
        if lb_ends and tag == LB:
            child.tail = "\n" + child.tail if child.tail else "\n"
        elif breaks_before(child):
            if prev is not None:
                prev.tail = prev.tail + "\n" if prev.tail else "\n"
            elif el.text or first_too:  # the break goes after the text before it
                el.text = el.text + "\n" if el.text else "\n"
        if isinstance(tag, str) and len(child):
            _break_lines(child, inline_note(child) and not lb_ends, lb_ends)  # a note's lines
        prev = child


def indent(root: etree._Element, lb_ends: bool = False, depth: int = 0) -> None:
    """Add the layout white space to the tree of `root`, in place, in one walk; with
    `lb_ends` the document's `<lb/>` ends its line (the DTA's way): the newline follows it.
    `depth` is the level `root` stands at in its document (its tail is left alone)."""
    stack: list[tuple[etree._Element, int]] = [(root, depth)]
    while stack:
        el, depth = stack.pop()
        if len(el) == 0:
            continue
        if is_mixed(el):
            _break_lines(el, lb_ends=lb_ends)
            continue
        inner = "\n" + INDENT * (depth + 1)
        el.text = inner
        children = list(el)
        for child in children:
            child.tail = inner
        children[-1].tail = "\n" + INDENT * depth
        stack.extend((child, depth + 1) for child in reversed(children))
