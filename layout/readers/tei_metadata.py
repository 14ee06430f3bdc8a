"""The book-level facts of a TEI header we wrote: metadata, language, note numbering.

In: the `<TEI>` root element (parsed safely). Out: the `Metadata` the header was written
from (title and author from titleStmt, the source's publisher, date, handle, rights and
typed notes from sourceDesc/bibl), the book's language and its footnote numbering scheme.
A title the writer made up (`Metadata.display_title`: the input's file name) becomes None
again, so later writers make up their own. Not handled: headers of other TEI
producers beyond these common fields; the engine's counts in encodingDesc (recomputed
from the text).
"""

from __future__ import annotations

import re

from lxml import etree

from layout.model import Metadata

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEME = re.compile(r"\((page|chapter|continuous|symbols) numbering\)")
"""How the header's interpretation states the book's footnote numbering."""
SPACE = re.compile(r"\s+")


def _text(el: etree._Element | None) -> str | None:
    """The element's text, white space collapsed; None when absent or empty."""
    if el is None:
        return None
    text = SPACE.sub(" ", "".join(el.itertext())).strip()
    return text or None


def _first(root: etree._Element, path: str) -> etree._Element | None:
    """The first element at `path` (TEI prefix t:) under `root`."""
    found: etree._Element | None = root.find(path, NS)
    return found


def metadata(root: etree._Element) -> Metadata:
    """The Metadata of the book whose TEI root is `root`."""
    desc = _first(root, "t:teiHeader/t:fileDesc")
    if desc is None:
        return Metadata()
    bibl = _first(desc, "t:sourceDesc/t:bibl")
    title = _text(_first(desc, "t:titleStmt/t:title"))
    author = _text(_first(desc, "t:titleStmt/t:author"))
    source = publisher = date = handle = rights = None
    notes: list[tuple[str, str]] = []
    if bibl is not None:
        title = title or _text(_first(bibl, "t:title"))
        author = author or _text(_first(bibl, "t:author"))
        publisher = _text(_first(bibl, "t:publisher"))
        date = _text(_first(bibl, "t:date"))
        handle = _text(_first(bibl, "t:idno[@type='handle']")) or _text(_first(bibl, "t:idno"))
        rights = _text(_first(bibl, "t:availability"))
        for note in bibl.findall("t:note", NS):
            kind, value = note.get("type") or "extra", _text(note)
            if value is None:
                continue
            if kind == "input":
                source = value
            else:
                notes.append((kind, value))
    if title == Metadata(source=source).display_title:
        title = None  # the writer's stand-in (the input's name), not the book's title
    return Metadata(
        title=title, author=author, publisher=publisher, date=date, handle=handle,
        rights=rights, source=source, extra=tuple(notes),
    )


def language(root: etree._Element) -> str | None:
    """The book's language: text/@xml:lang, else the header's langUsage."""
    text = root.find("t:text", NS)
    found: str | None = text.get(XML_LANG) if text is not None else None
    if found:
        return found
    lang = root.find("t:teiHeader/t:profileDesc/t:langUsage/t:language", NS)
    ident: str | None = lang.get("ident") if lang is not None else None
    return ident


def notes_scheme(root: etree._Element) -> str | None:
    """The footnote numbering the header's interpretation states, if it states one."""
    interp = root.find("t:teiHeader/t:encodingDesc/t:editorialDecl/t:interpretation", NS)
    if interp is None:
        return None
    match = SCHEME.search(" ".join(interp.itertext()))
    return match.group(1) if match else None
