"""Parse an XML document without trusting it: no network, no DTD, no entity expansion.

In: the bytes of an XML file and its name. Out: the root element, or a `ReadError` naming
the file and the XML line. A document type declaration is refused outright: the TEI we
write has none, and an internal subset is where entity bombs and external entities
(`<!ENTITY x SYSTEM "file:///etc/passwd">`) live; with expansion and DTD loading off,
lxml never reads or fetches them, and refusing the DOCTYPE means no unexpanded entity
reference can slip into the text either. White space before the XML declaration (not
allowed by XML) is skipped. hOCR is HTML, often with an XHTML DOCTYPE and not always
well formed: `walk_html` reads it with libxml2's HTML parser, which loads no DTD, fetches
nothing and knows only HTML's own entities. Not handled: XInclude (never processed).
"""

from __future__ import annotations

import re
from typing import Protocol

from lxml import etree

from layout.readers.decoding import ReadError

BOM = b"\xef\xbb\xbf"
CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""")
"""Where an HTML or XHTML file names its encoding."""
PLACE = re.compile(r",? line \d+, column \d+\s*$")
"""The place libxml2 appends to its messages; the reader reports it in front."""


def _parser() -> etree.XMLParser:
    """A parser that reads only the bytes it is given."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,
        remove_comments=False,
        remove_pis=False,
    )


MAX_WALK_DEPTH = 256
"""Elements nested deeper than this are no book's markup; a reader that walks the tree
recursively may refuse them (see `nesting_error`)."""


def nesting_error(data: bytes, name: str) -> ReadError:
    """The error for a document nested too deeply for a reader to walk, at the line of
    its first element deeper than `MAX_WALK_DEPTH`."""
    line = 1
    try:
        root = parse(data, name)
        depth = 0
        for event, el in etree.iterwalk(root, events=("start", "end")):
            depth += 1 if event == "start" else -1
            if depth > MAX_WALK_DEPTH:
                line = el.sourceline or 1
                break
    except ReadError:
        pass
    return ReadError(
        f"{name}: line {line}: elements nested more than {MAX_WALK_DEPTH} levels deep, "
        "deeper than any book's markup; refused"
    )


def parse(data: bytes, name: str, external_doctype: bool = False) -> etree._Element:
    """The root element of the XML document `data`; ReadError when it is malformed or
    declares a document type.

    With `external_doctype`, a DOCTYPE that only names an external DTD (as the Internet
    Archive's djvu XML does) is let through: the DTD is neither fetched nor read, and an
    entity reference it would have defined is a ReadError rather than lost text. An
    internal subset (`<!DOCTYPE x [ ... ]>`) is always refused."""
    body = data.removeprefix(BOM)
    start = len(body) - len(body.lstrip())
    skipped = body.count(b"\n", 0, start)  # white space before the declaration: not XML
    try:
        tree = etree.fromstring(body[start:], _parser()).getroottree()
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (err.lineno, 0)
        line += skipped
        message = PLACE.sub("", err.msg or str(err)).strip()
        if message.startswith("Excessive depth in document"):
            message = "elements nested more deeply than any document's markup (over 2048 levels)"
        raise ReadError(
            f"{name}: line {line}, column {column}: malformed XML: {message}"
        ) from None
    except ValueError as err:  # e.g. a str with an encoding declaration
        raise ReadError(f"{name}: cannot parse as XML: {err}") from None
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        at = data.find(b"<!DOCTYPE")
        line = data.count(b"\n", 0, at) + 1 if at >= 0 else 1
        declaration = data[at: data.find(b">", at) + 1] if at >= 0 else b"["
        if not external_doctype or b"[" in declaration:
            raise ReadError(
                f"{name}: line {line}: the document declares a document type (DOCTYPE); "
                "refused, because its entities would have to be expanded or fetched"
            )
        for node in tree.getroot().iter(etree.Entity):
            raise ReadError(
                f"{name}: line {node.sourceline}: entity reference {node.text} is defined "
                "only in the document's DTD, which is not read"
            )
    return tree.getroot()


class HtmlTarget(Protocol):
    """What `walk_html` feeds: the elements and their text in document order."""

    def start(self, tag: str, attrib: dict[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...

    def data(self, text: str) -> object: ...

    def close(self) -> bool:
        """Whether the document had any element."""
        ...


def walk_html(data: bytes, name: str, target: HtmlTarget) -> None:
    """Feed an HTML (or XHTML) document, read in the encoding it declares (UTF-8 when it
    declares none), to `target`: libxml2's HTML parser tells it each element's start
    (with its attributes) and end and each piece of text, in document order, and builds
    no tree (for a book's hOCR, building and freeing the tree costs more than reading
    it). ReadError when nothing can be parsed or no element is found."""
    body = data.removeprefix(BOM)
    m = CHARSET.search(body[:4096])
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "utf-8"
    parser = etree.HTMLParser(
        encoding=encoding, no_network=True, remove_comments=True, remove_pis=True,
        huge_tree=True, default_doctype=False, target=target,
    )
    try:
        found = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError) as err:
        raise ReadError(f"{name}: cannot parse as HTML: {err}") from None
    if not found:
        raise ReadError(f"{name}: cannot parse as HTML: no element found")
