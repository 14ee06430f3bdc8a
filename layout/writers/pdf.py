"""The re-typeset book as PDF, drawn with ReportLab from the typesetter's page model.

In: a Book after the passes (or a TypesetBook already composed). Out: PDF bytes: the
book face and the fallback faces a book needs embedded and subset (TrueType), every line a
text object, shaped as it was measured (kerning as TJ adjustments, ligatures as their
forms, mapped back to their letters in the ToUnicode CMap: `pdf_fonts`, the one module
that reaches below ReportLab's documented API), with its word spacing (`Tw`),
footnote marks raised with `Ts` (so text extraction keeps them on their line), title and
author in the document information, an outline of the headings, and in
facsimile mode page labels equal to the printed page numbers (roman numbers as roman
labels). With `pdf_a` the file is made PDF/A-2b by pikepdf.pdfa (an sRGB output intent,
XMP metadata repeating the document information) and validated by it against the rules
of veraPDF's PDF/A-2b profile as written; a file that fails is refused, not mislabelled.

Not handled: tagged PDF (PDF/A-2a/2u structure), hyperlinks from marks to notes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from layout import __version__
from layout.model import Book
from layout.numerals import read_roman
from layout.typeset.compose import compose
from layout.typeset.fonts import Face, metrics
from layout.typeset.pages import Placed, Style, TypesetBook
from layout.typeset.shaping import Typeface
from layout.writers import RefusedOutput
from layout.writers.pdf_fonts import SubsetCodes, map_ligatures_to_letters

if TYPE_CHECKING:  # ReportLab is imported lazily: it costs start-up time
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

LABEL_STYLES = {"D": "ARABIC", "r": "ROMAN_LOWER", "R": "ROMAN_UPPER"}
"""PDF page label styles by the names ReportLab's PDFPageLabel takes."""


def label_style(label: str | None) -> tuple[str | None, int | None, str | None]:
    """A page label as a PDF label range start: (style, first number, prefix)."""
    if not label:
        return None, None, ""
    if label.isdigit() and int(label) > 0:
        return "D", int(label), None
    low = label.lower()
    value = read_roman(label)
    if value:
        return ("r" if label == low else "R"), value, None
    return None, None, label


def number(value: float) -> str:
    """A number as a content stream writes it: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


class Writer:
    """Draws the placed items of one document's pages as PDF text objects.

    Each line is one text object written as operators (`Canvas.addLiteral`): its runs
    shaped as they were measured, one TJ array per font with the kerns between the codes
    (which the text matrix's horizontal scale `Tz` scales with the glyphs), a change of
    face or subset a change of font; the spaces take the line's word spacing (`Tw`), marks
    their rise (`Ts`). A word is shaped and encoded once per document. The text state
    carries over from line to line on a page, so only what changes is written.
    """

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.faces = {style: Typeface(style) for style in ("regular", "italic", "bold")}
        self.codes = SubsetCodes(canvas)
        self.fonts: dict[Path, TTFont] = {}
        self.words: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self.spacing: dict[str, set[str]] = {style: set() for style in self.faces}
        """Per style, the names of its book face's subsets: each has the space at 32."""
        self.space = {style: "" for style in self.faces}
        self.new_page()

    def new_page(self) -> None:
        """A new page's content stream starts from the default text state."""
        self.tz, self.tw, self.ts = 100.0, 0.0, 0.0
        self.font: tuple[str, float] | None = None

    def _encode(self, style: str, index: int, text: str) -> list[tuple[str, str]]:
        """Text in face `index` of the style's chain as (font name, codes) runs."""
        face = self.faces[style].faces[index]
        font = self.fonts.get(face.path)
        if font is None:
            font = self.fonts[face.path] = register(face)
        runs = self.codes.encode(font, text)
        if index == 0:
            self.spacing[style].update(name for name, _ in runs)
        return runs

    def _space(self, style: str) -> str:
        """The font name of the first subset of the style's book face (a space's)."""
        if not self.space[style]:
            self.space[style] = self._encode(style, 0, " ")[0][0]
        return self.space[style]

    def _word(self, style: str, word: str) -> tuple[tuple[str, str], ...]:
        """The word as (font name, TJ array content) pieces: code strings and kerns."""
        key = (style, word)
        found = self.words.get(key)
        if found is not None:
            return found
        parts: list[tuple[str, str]] = []
        for glyphs in self.faces[style].shaper.word(word).runs:
            cuts = [k + 1 for k, kern in enumerate(glyphs.kerns[:-1]) if kern]
            start = 0
            for end in [*cuts, len(glyphs.text)]:
                for name, codes in self._encode(style, glyphs.face, glyphs.text[start:end]):
                    if parts and parts[-1][0] == name:
                        parts[-1] = (name, f"{parts[-1][1]}({codes})")
                    else:
                        parts.append((name, f"({codes})"))
                if end < len(glyphs.text):
                    kern = number(-glyphs.kerns[end - 1])
                    parts[-1] = (parts[-1][0], f"{parts[-1][1]} {kern} ")
                start = end
        found = self.words[key] = tuple(parts)
        return found

    def draw(self, item: Placed) -> None:
        """Draw one placed line (one text object) or rule on the current page."""
        if item.kind == "rule":
            self.canvas.setLineWidth(item.size)
            self.canvas.line(item.x, item.y, item.x + item.width, item.y)
            return
        ops: list[str] = ["BT"]
        tz = 100.0 * item.scale
        if tz != self.tz:
            ops.append(f"{number(tz)} Tz")
            self.tz = tz
        at: float | None = None  # where the text matrix stands after the last run
        for run in item.runs:
            face = self.faces[run.face]
            if at is None or abs(at - run.x) > 0.005:
                ops.append(f"1 0 0 1 {number(run.x)} {number(item.y)} Tm")
            if run.rise != self.ts:
                ops.append(f"{number(run.rise)} Ts")
                self.ts = run.rise
            if " " in run.text:
                tw = round(item.space / item.scale - face.width(" ", run.size), 4)
                if tw != self.tw:
                    ops.append(f"{number(tw)} Tw")
                    self.tw = tw
            self._show(ops, run.face, run.text, run.size)
            at = run.x + face.ink(run.text, run.size) * item.scale
            at += run.text.count(" ") * item.space
        ops.append("ET")
        self.canvas.addLiteral(" ".join(ops))

    def _show(self, ops: list[str], style: str, text: str, size: float) -> None:
        """The run's words as TJ arrays, a font change where the face or subset changes;
        a space is drawn in whichever subset of the style's book face is current, else in
        its first. Adjacent strings of one array are merged: `(a)( )(b)` is `(a b)`."""
        font = self.font
        array: list[str] = []
        spacing = self.spacing[style]

        def switch(name: str) -> None:
            nonlocal font
            if array:
                ops.append(f"[{''.join(array)}] TJ".replace(")(", ""))
                array.clear()
            font = (name, size)
            ops.append(f"{name} {number(size)} Tf")

        for k, word in enumerate(text.split(" ")):
            if k:
                if font is None or font[1] != size or font[0] not in spacing:
                    switch(self._space(style))
                array.append("( )")
            for name, content in self._word(style, word) if word else ():
                if font != (name, size):
                    switch(name)
                array.append(content)
        if array:
            ops.append(f"[{''.join(array)}] TJ".replace(")(", ""))
        self.font = font


def reading_order(items: tuple[Placed, ...]) -> list[Placed]:
    """The page's items in the order they are drawn: as composed, except that items
    standing side by side on one baseline (a head and its page number) go left to right,
    so that text extraction reads "§. 2. Title 31", not the number glued to the head."""
    out = list(items)
    start = 0
    for end in range(1, len(out) + 1):
        if end == len(out) or out[end].y != out[start].y:
            if end - start > 1:
                out[start:end] = sorted(out[start:end], key=lambda item: item.x)
            start = end
    return out


def register(face: Face) -> TTFont:
    """The face registered with ReportLab (once per process), its ligatures mapped to
    their letters in the ToUnicode CMaps."""
    from reportlab.pdfbase import pdfmetrics

    m = metrics(face)
    if face.name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(m.font)
    map_ligatures_to_letters()
    return m.font


def render(
    typeset: TypesetBook, pdf_a: bool = False, invariant: bool = False,
    on_page: Callable[[], None] | None = None,
) -> bytes:
    """Draw a composed book; `invariant` fixes dates and ids (reproducible files);
    `on_page` hears of each page drawn."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: smaller files, no slow pure-Python ASCII85
    book_face = Typeface("regular").faces[0]
    register(book_face)
    buf = io.BytesIO()
    first = typeset.pages[0] if typeset.pages else None
    size = (first.width, first.height) if first else (396.0, 612.0)
    canvas = Canvas(
        buf, pagesize=size, initialFontName=book_face.name,
        initialFontSize=10,
        invariant=1 if invariant else 0, lang=typeset.language or None, pageCompression=1,
    )
    canvas.setTitle(typeset.title or "")
    canvas.setAuthor(typeset.author or "")
    canvas.setCreator(f"layout {__version__}")
    canvas.setSubject(f"re-typeset ({typeset.mode})")
    writer = Writer(canvas)
    heads: dict[int, list[tuple[int, float, str, int]]] = {}
    depth = -1  # an outline level may go one deeper than the entry before, no more
    for n, entry in enumerate(typeset.outline):
        depth = min(entry.level, depth + 1)
        heads.setdefault(entry.page, []).append((n, entry.y, entry.title, depth))
    prev: tuple[str | None, int | None, str | None, int] | None = None
    for i, page in enumerate(typeset.pages):
        canvas.setPageSize((page.width, page.height))
        writer.new_page()
        for item in reading_order(page.items):
            writer.draw(item)
        for n, y, title, level in heads.get(i, []):
            key = f"h{n}"
            canvas.bookmarkPage(key, fit="XYZ", left=0, top=min(page.height, y))
            canvas.addOutlineEntry(title, key, level=level)
        if typeset.mode == "facsimile":
            style, start, prefix = label_style(page.label)
            follows = (
                prev is not None and style is not None and prev[0] == style
                and prev[1] is not None and start == prev[1] + (i - prev[3])
            )
            if not follows:
                name = LABEL_STYLES.get(style) if style else None  # ReportLab wants names
                canvas.addPageLabel(i, style=name, start=start, prefix=prefix)
                prev = (style, start, prefix, i)
        canvas.showPage()
        if on_page is not None:
            on_page()
    if typeset.outline:
        canvas.showOutline()
    canvas.save()
    data = buf.getvalue()
    return to_pdf_a(data) if pdf_a else data


def to_pdf_a(data: bytes) -> bytes:
    """The file made PDF/A-2b and validated by pikepdf.pdfa (veraPDF's rules).

    pikepdf adds the sRGB output intent and the XMP metadata; first the two things
    ReportLab writes that the rules refuse go: an empty page transition on every page
    and page labels held as indirect objects. A file that still fails raises
    `PdfAError` with the validator's findings rather than being passed off as PDF/A.
    """
    try:
        import pikepdf
        from pikepdf import pdfa
    except ImportError:  # pragma: no cover - depends on the installation
        raise PdfAError("PDF/A needs pikepdf: pip install 'layout-ocr-books[pdfa]'") from None
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            trans = page.obj.get("/Trans")
            if trans is not None and not trans.keys():
                del page.obj["/Trans"]
        labels = pdf.Root.get("/PageLabels")
        if labels is not None:
            nums = pikepdf.Array()
            for k, value in enumerate(labels.Nums):
                nums.append(pikepdf.Dictionary(dict(value.items())) if k % 2 else value)
            labels.Nums = nums
        for key in ("/Author", "/Title", "/Subject", "/Keywords"):
            if key in pdf.docinfo and not str(pdf.docinfo[key]).strip():
                del pdf.docinfo[key]  # an empty entry makes an empty XMP property
        out = io.BytesIO()
        try:
            pdfa.save(pdf, out, "2b")
        except pdfa.PdfaError as err:
            found = "; ".join(str(f) for f in err.report.findings[:5])
            raise PdfAError(f"the PDF does not pass PDF/A-2b: {found}") from None
        return out.getvalue()


class PdfAError(RefusedOutput):
    """The PDF could not be made PDF/A (pikepdf missing, or the validator refused it)."""


def write(
    book: Book,
    mode: str = "facsimile",
    page_size: tuple[float, float] | None = None,
    pdf_a: bool = False,
    style: Style | None = None,
) -> bytes:
    """The book re-typeset as PDF: `mode` "facsimile" (page for page) or "reflow"."""
    return render(compose(book, mode, page_size, style), pdf_a=pdf_a)
