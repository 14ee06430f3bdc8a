"""The teiHeader of the DTA base format (DTABf): the DTA's header template, filled with
what the book tells.

In: a Book whose passes have run. Out: a `<teiHeader>` in the DTABf's order: a fileDesc
(titleStmt with the main title and author, respStmt naming the engine; editionStmt;
extent in pages; publicationStmt with the publisher, place, date and licence of this
edition; sourceDesc with a citation and a biblFull of the printed source), an
encodingDesc (the editorial decisions: the OCR's text uncorrected, the line-end hyphens
as printed, furniture as fw, notes at their marks) and a profileDesc (the language as
ISO 639-3). Not handled: the DTA's text classifications (textClass), GND links, a DTA id:
we know none of them.
"""

from __future__ import annotations

from lxml import etree

from layout import __version__
from layout.model import Book
from layout.writers.tei_header import LANGUAGES, E, language_tag, xml_text

ISO_639_3 = {
    "de": "deu", "en": "eng", "fr": "fra", "it": "ita", "la": "lat", "nl": "nld",
    "es": "spa", "pt": "por", "sv": "swe", "da": "dan",
}
"""The DTABf names languages by ISO 639-3 codes."""

PUBLISHER = "layout (automatic conversion of OCR text)"
LICENCE = (
    "The text is the OCR's of a printed book; the encoding is generated. Use it under "
    "the terms of the source it was made from."
)


def header(book: Book) -> etree._Element:
    """The DTABf teiHeader of the book."""
    meta = book.metadata
    title = xml_text(meta.display_title)
    pages = str(len(book.pages))
    title_stmt = E.titleStmt(E.title(title, type="main"))
    if meta.author:
        title_stmt.append(E.author(E.persName(xml_text(meta.author))))
    title_stmt.append(E.respStmt(
        E.orgName(f"layout {__version__}"),
        E.resp(E.note("Structure encoded automatically from OCR text",
                      type="remarkResponsibility")),
    ))
    publication = E.publicationStmt(
        E.publisher(E.orgName(PUBLISHER, role="project")),
        E.availability(E.p(LICENCE)),
    )
    source_publication = E.publicationStmt()
    if meta.publisher:
        source_publication.append(E.publisher(E.name(xml_text(meta.publisher))))
    if meta.date:
        source_publication.append(E.date(xml_text(meta.date), type="publication"))
    if len(source_publication) == 0:
        source_publication.append(E.p("Not given."))
    source_title = E.titleStmt(E.title(title, level="m", type="main"))
    if meta.author:
        source_title.append(E.author(E.persName(xml_text(meta.author))))
    citation = ", ".join(x for x in (meta.author, meta.display_title, meta.date) if x)
    source = E.sourceDesc(
        E.bibl(xml_text(citation)),
        E.biblFull(source_title, E.extent(E.measure(pages, type="pages")), source_publication),
    )
    file_desc = E.fileDesc(
        title_stmt,
        E.editionStmt(E.edition("Digitized edition from OCR text, structure encoded "
                                "automatically")),
        E.extent(E.measure(pages, type="images")),
        publication,
        source,
    )
    encoding = E.encodingDesc(E.editorialDecl(
        E.p("The text is as the OCR read it: errors are not corrected."),
        E.p("Line-end hyphens are kept as printed; a line ends with lb. Page furniture "
            "(running titles, page numbers, signatures, catchwords) is kept as fw; "
            "footnotes stand at the marks that call them, their labels in note/@n."),
        E.p("Divisions are nested as the book's headings show; div/@n is the level."),
    ))
    parts = [file_desc, encoding]
    lang = language_tag(book)
    if lang:
        base = lang.split("-")[0].lower()
        parts.append(E.profileDesc(E.langUsage(
            E.language(LANGUAGES.get(base, lang), ident=ISO_639_3.get(base, base)))))
    return E.teiHeader(*parts)
