"""The HTML edition: the book as one self-contained page an editor opens in a browser.

In: a Book whose passes have run. Out: UTF-8 bytes of one HTML5 document, with its style
sheet and script inline (`html_assets/`) and a content security policy that forbids every
network request. The running text flows in nested `<section>`s opened by the headings
(`<h2>`..`<h6>` by level; a heading over two lines is one heading), paragraphs and blocks
(list items, verse, a letter's parts, the title page) as `<div class="p">`. At every page
break stands the printed page number in the margin (an inferred one in brackets) and the
page's top furniture, greyed; at the page's end its footnotes (`html_notes`), each
linked to its mark and back, and its bottom furniture; the script lists the divisions
(Contents). Every uncertain decision (a hyphen undecided, a mark or note found on thin
evidence, an inferred page number, a heading level resting on convention alone) carries
`data-review`: the review mode highlights them and lists them to step through.
Lossless: every printed line is one `<span class="l">` holding its text as printed (a
joined hyphen hidden by the style sheet, not dropped). Not handled: blank lines, images.
"""

from __future__ import annotations

import io
from importlib import resources
from typing import BinaryIO

from layout.model import FURNITURE, Book, Heading, Page, Role
from layout.writers import html_lines, html_notes
from layout.writers.html_lines import attr, text

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:")
"""Nothing outside the file: the edition opens the same offline and leaks no reading."""

SKIP, FURNITURE_LINE, TEXT_LINE, NOTE_LINE, MARGIN_LINE = range(5)
"""How the writer treats each line of a page (as the TEI writer does)."""


def asset(name: str) -> str:
    """An inline asset's text (style sheet, script) from the package."""
    return (resources.files("layout.writers") / "html_assets" / name).read_text("utf-8")


def folio(page: Page, p: int) -> str:
    """The page's number as the margin shows it: printed, [inferred], or the input's
    page count in braces when neither is known."""
    if page.number:
        return page.number.strip()
    if page.inferred_number:
        return f"[{page.inferred_number.strip()}]"
    return f"{{{p + 1}}}"


def classify(page: Page) -> list[int]:
    """Per line: SKIP, FURNITURE_LINE, TEXT_LINE, NOTE_LINE or MARGIN_LINE."""
    in_note = {i for note in page.footnotes for i in note.lines}
    kinds = []
    for i, line in enumerate(page.lines):
        if i in in_note or line.role is Role.FOOTNOTE:
            kinds.append(NOTE_LINE)
        elif not line.text or line.text.isspace():
            kinds.append(SKIP)
        elif line.role in FURNITURE:
            kinds.append(FURNITURE_LINE)
        elif line.role is Role.MARGINAL:
            kinds.append(MARGIN_LINE)
        else:
            kinds.append(TEXT_LINE)
    return kinds


class _Writer:
    """Walks the book once, keeping the open sections and the open paragraph or heading."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.levels: list[int] = []  # the open sections' levels, outermost first
        self.open: str | None = None  # the closing tag of the open paragraph or heading
        self.block: object = None  # what the open paragraph is (a Block, "p", "head")
        self.heading: Heading | None = None  # the heading whose lines are being written
        self.headings = 0

    def close(self) -> str:
        """Close the open paragraph or heading."""
        closing, self.open, self.block = self.open or "", None, None
        return closing

    def section(self, heading: Heading, folio: str) -> str:
        """Open the division `heading` opens (closing those at its level or deeper) and
        its heading element."""
        out = [self.close()]
        while self.levels and self.levels[-1] >= heading.level:
            self.levels.pop()
            out.append("</section>\n")
        self.levels.append(heading.level)
        self.headings += 1
        n = f' data-n="{attr(heading.n)}"' if heading.n else ""
        out.append(f'<section class="div" id="div-{self.headings}" data-level="{heading.level}" '
                   f'data-type="{attr(heading.kind)}"{n}>\n')
        out.append(self.open_heading(heading, folio, first=True))
        return "".join(out)

    def open_heading(self, heading: Heading, folio: str, first: bool) -> str:
        tag = f"h{min(max(heading.level, 1) + 1, 6)}"
        self.open, self.block = f"</{tag}>\n", heading
        review = ""
        if first and not heading.certain:
            review = (f' data-review="heading" data-page="{attr(folio)}" '
                      f'title="heading level by {attr(heading.rule or "no evidence")} only"')
        cls = "" if first else ' class="cont"'
        return f"<{tag}{cls}{review}>"

    def text_line(self, page: Page, p: int, i: int, marks: list[html_lines.Mark],
                  folio: str) -> str:
        """A line of the running text, opening the division, heading or paragraph it
        begins."""
        line = page.lines[i]
        out = []
        heading = line.heading
        if heading is not None:
            if line.paragraph_start or heading != self.heading:
                out.append(self.section(heading, folio))
            elif not isinstance(self.block, Heading):
                out.append(self.close() + self.open_heading(heading, folio, first=False))
            self.heading = heading
        else:
            self.heading = None
            kind: object = line.block or ("head" if line.role is Role.HEADING else "p")
            if line.paragraph_start or kind != self.block or self.open is None:
                cls = "p" if kind == "p" else f"p {kind}"
                out.append(self.close() + f'<div class="{cls}">')
                self.open, self.block = "</div>\n", kind
        out.append(html_lines.render(line, p, i, marks, folio))
        return "".join(out)

    def interrupt(self) -> str:
        """Before a block that may not stand in a heading (a page break, notes): close an
        open heading (the next of its lines reopens it)."""
        return self.close() if isinstance(self.block, Heading) else ""

    def furniture(self, page: Page, p: int, lines: list[int], where: str) -> str:
        if not lines:
            return ""
        rows = "".join(html_lines.render(page.lines[i], p, i, [], "") for i in lines)
        return f'<div class="fw {where}">{rows}</div>\n'

    def page_break(self, page: Page, p: int, top: list[int], shown: str) -> str:
        review = ""
        if page.inferred_number is not None:
            review = (f' data-review="page-number" data-page="{attr(shown)}" '
                      f'title="page number inferred ({attr(page.number_rule or "sequence")})"')
        return (f'{self.interrupt()}<div class="pb" id="page-{p + 1}" data-n="{attr(shown)}">'
                f'<span class="folio"{review}>{text(shown)}</span>\n'
                f"{self.furniture(page, p, top, 'top')}</div>\n")

    def page(self, p: int) -> str:
        page = self.book.pages[p]
        kinds = classify(page)
        marks = html_lines.page_marks(page)
        shown = folio(page, p)
        first_text = next((i for i, k in enumerate(kinds) if k == TEXT_LINE), len(kinds))
        top = [i for i in range(first_text) if kinds[i] == FURNITURE_LINE]
        bottom = [i for i in range(first_text, len(kinds)) if kinds[i] == FURNITURE_LINE]
        out = [self.page_break(page, p, top, shown)]
        for i, kind in enumerate(kinds):
            if kind == TEXT_LINE:
                out.append(self.text_line(page, p, i, marks.get(i, []), shown))
            elif kind == MARGIN_LINE:
                # a marginal note: the lines of one source block standing one after another
                line = html_lines.render(page.lines[i], p, i, marks.get(i, []), shown)
                goes_on = (i > 0 and kinds[i - 1] == MARGIN_LINE
                           and page.lines[i - 1].region == page.lines[i].region)
                ends = not (i + 1 < len(kinds) and kinds[i + 1] == MARGIN_LINE
                            and page.lines[i + 1].region == page.lines[i].region)
                opening = "" if goes_on else f'{self.interrupt()}<div class="marginal">'
                out.append(opening + line + ("</div>\n" if ends else ""))
        claimed = {i for note in page.footnotes for i in note.lines}
        stray = [i for i, kind in enumerate(kinds) if kind == NOTE_LINE and i not in claimed
                 and not page.lines[i].is_blank]
        end = (html_notes.render(self.book, p, stray, marks, shown)
               + self.furniture(page, p, bottom, "bottom"))
        if end:
            out.append(f'{self.interrupt()}<div class="page-end">\n{end}</div>\n')
        return "".join(out)

    def end(self) -> str:
        return self.close() + "</section>\n" * len(self.levels)


def head(book: Book) -> str:
    meta = book.metadata
    title = meta.display_title
    lang = f' lang="{attr(book.language)}"' if book.language else ""
    author = f'<p class="author">{text(meta.author)}</p>\n' if meta.author else ""
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="layout">\n<title>{text(title)}</title>\n'
        f"<style>\n{asset('edition.css')}</style>\n</head>\n<body>\n"
        f"{asset('toolbar.html')}"
        f'<main id="edition">\n<header class="book"><h1>{text(title)}</h1>\n{author}</header>\n'
    )


def write(book: Book) -> bytes:
    """The HTML edition as UTF-8 bytes."""
    out = io.BytesIO()
    write_to(book, out)
    return out.getvalue()


def write_to(book: Book, out: BinaryIO) -> None:
    """The bytes of `write`, written to `out` a page at a time."""
    writer = _Writer(book)
    out.write(head(book).encode("utf-8"))
    for p in range(len(book.pages)):
        out.write(writer.page(p).encode("utf-8"))
    out.write((writer.end() + f"</main>\n<script>\n{asset('edition.js')}</script>\n"
               "</body>\n</html>\n").encode("utf-8"))

