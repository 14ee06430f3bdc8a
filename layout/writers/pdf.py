"""The re-typeset book as PDF, drawn with ReportLab from the typesetter's page model.

In: a Book after the passes (or a TypesetBook already composed). Out: PDF bytes: the
book face embedded and subset (TrueType), every line a text object with its word spacing
(`Tw`), footnote marks raised with `Ts` (so text extraction keeps them on their line),
title and author in the document information, an outline of the headings, and in
facsimile mode page labels equal to the printed page numbers (roman numbers as roman
labels). With `pdf_a` the file is made PDF/A-2b by pikepdf.pdfa (an sRGB output intent,
XMP metadata repeating the document information) and validated by it against the rules
of veraPDF's PDF/A-2b profile as written; a file that fails is refused, not mislabelled.

Not handled: tagged PDF (PDF/A-2a/2u structure), hyperlinks from marks to notes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from layout import __version__
from layout.model import Book
from layout.numerals import read_roman
from layout.typeset.compose import compose
from layout.typeset.fonts import Metrics, metrics
from layout.typeset.pages import Placed, Style, TypesetBook
from layout.writers import RefusedOutput

if TYPE_CHECKING:  # ReportLab is imported lazily: it costs start-up time
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


def draw_item(
    canvas: Canvas, item: Placed, names: dict[str, str], faces: dict[str, Metrics]
) -> None:
    """Draw one placed line (one text object) or rule on the current page."""
    if item.kind == "rule":
        canvas.setLineWidth(item.size)
        canvas.line(item.x, item.y, item.x + item.width, item.y)
        return
    text = canvas.beginText()
    if item.scale != 1.0:
        text.setHorizScale(100.0 * item.scale)  # Tz scales glyphs and Tw alike
    word_space = None
    rise = 0.0
    at: float | None = None  # where the text matrix stands after the last run
    for run in item.runs:
        if at is None or abs(at - run.x) > 0.005:
            text.setTextOrigin(run.x, item.y)  # else the text flows on: no jump to extract
        text.setFont(names[run.face], run.size)
        if run.rise != rise:
            text.setRise(run.rise)
            rise = run.rise
        face = faces[run.face]
        if " " in run.text:
            tw = round(item.space / item.scale - face.width(" ", run.size), 4)
            if tw != word_space:
                text.setWordSpace(tw)
                word_space = tw
        text.textOut(run.text)
        at = run.x + face.width(run.text.replace(" ", ""), run.size) * item.scale
        at += run.text.count(" ") * item.space
    if word_space:
        text.setWordSpace(0)
    if rise:
        text.setRise(0)
    if item.scale != 1.0:
        text.setHorizScale(100.0)
    canvas.drawText(text)


def register_faces() -> tuple[dict[str, str], dict[str, Metrics]]:
    """Register the book face with ReportLab; the PDF font name and metrics of each style."""
    from reportlab.pdfbase import pdfmetrics

    from layout.typeset.fonts import book_faces

    faces = book_faces()
    names: dict[str, str] = {}
    widths: dict[str, Metrics] = {}
    for style in ("regular", "italic", "bold"):
        face = faces.get(style)
        m = metrics(face)
        if face.name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(m.font)
        names[style] = face.name
        widths[style] = m
    return names, widths


def render(typeset: TypesetBook, pdf_a: bool = False, invariant: bool = False) -> bytes:
    """Draw a composed book; `invariant` fixes dates and ids (reproducible files)."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: smaller files, no slow pure-Python ASCII85
    names, widths = register_faces()
    buf = io.BytesIO()
    first = typeset.pages[0] if typeset.pages else None
    size = (first.width, first.height) if first else (396.0, 612.0)
    canvas = Canvas(
        buf, pagesize=size, initialFontName=names["regular"], initialFontSize=10,
        invariant=1 if invariant else 0, lang=typeset.language or None, pageCompression=1,
    )
    canvas.setTitle(typeset.title or "")
    canvas.setAuthor(typeset.author or "")
    canvas.setCreator(f"layout {__version__}")
    canvas.setSubject(f"re-typeset ({typeset.mode})")
    heads: dict[int, list[tuple[int, float, str]]] = {}
    for n, entry in enumerate(typeset.outline):
        heads.setdefault(entry.page, []).append((n, entry.y, entry.title))
    prev: tuple[str | None, int | None, str | None, int] | None = None
    for i, page in enumerate(typeset.pages):
        canvas.setPageSize((page.width, page.height))
        for item in page.items:
            draw_item(canvas, item, names, widths)
        for n, y, title in heads.get(i, []):
            key = f"h{n}"
            canvas.bookmarkPage(key, fit="XYZ", left=0, top=min(page.height, y))
            canvas.addOutlineEntry(title, key, level=0)
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
