"""Parse an XML document without trusting it: no network, no DTD, no entity expansion.

In: the bytes of an XML file and its name. Out: the root element, or a `ReadError` naming
the file and the XML line. A document type declaration is refused outright: the TEI we
write has none, and an internal subset is where entity bombs and external entities
(`<!ENTITY x SYSTEM "file:///etc/passwd">`) live; with expansion and DTD loading off,
lxml never reads or fetches them, and refusing the DOCTYPE means no unexpanded entity
reference can slip into the text either. White space before the XML declaration (not
allowed by XML) is skipped. Not handled: XInclude (never processed).
"""

from __future__ import annotations

import re

from lxml import etree

from layout.readers.decoding import ReadError

BOM = b"\xef\xbb\xbf"
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


def parse(data: bytes, name: str) -> etree._Element:
    """The root element of the XML document `data`; ReadError when it is malformed or
    declares a document type."""
    body = data.removeprefix(BOM)
    start = len(body) - len(body.lstrip())
    skipped = body.count(b"\n", 0, start)  # white space before the declaration: not XML
    try:
        tree = etree.fromstring(body[start:], _parser()).getroottree()
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (err.lineno, 0)
        line += skipped
        message = PLACE.sub("", err.msg or str(err)).strip()
        raise ReadError(
            f"{name}: line {line}, column {column}: malformed XML: {message}"
        ) from None
    except ValueError as err:  # e.g. a str with an encoding declaration
        raise ReadError(f"{name}: cannot parse as XML: {err}") from None
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        at = data.find(b"<!DOCTYPE")
        line = data.count(b"\n", 0, at) + 1 if at >= 0 else 1
        raise ReadError(
            f"{name}: line {line}: the document declares a document type (DOCTYPE); "
            "refused, because its entities would have to be expanded or fetched"
        )
    return tree.getroot()
