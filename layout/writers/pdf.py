"""The re-typeset book as PDF, drawn with ReportLab from the typesetter's page model.

In: a Book after the passes (or a TypesetBook already composed). Out: PDF bytes: the
book face and the fallback faces a book needs embedded and subset (TrueType), every line a
text object, shaped as it was measured (kerning as TJ adjustments, ligatures as their
forms, mapped back to their letters in the ToUnicode CMap), with its word spacing (`Tw`),
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
from layout.typeset.fonts import LETTERS_OF, face_chain, metrics
from layout.typeset.pages import Placed, Style, TypesetBook
from layout.typeset.shaping import Glyphs, Typeface
from layout.writers import RefusedOutput

if TYPE_CHECKING:  # ReportLab is imported lazily: it costs start-up time
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

ESCAPES = {
    c: f"\\{chr(c)}" if chr(c) in "\\()" else chr(c) if 32 <= c < 127 else f"\\{c:03o}"
    for c in range(256)
}
"""A PDF string literal's escapes, as ReportLab writes them (octal outside printable ASCII)."""
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
    canvas: Canvas, item: Placed, faces: dict[str, Typeface], names: dict[Path, str]
) -> None:
    """Draw one placed line (one text object) or rule on the current page.

    Each run is shaped as it was measured: its glyphs per face of the style's chain (a
    change of face is a change of font inside the text object), ligatures as their forms,
    kerning as TJ adjustments, which the text matrix's horizontal scale scales with the
    glyphs; the spaces take the line's word spacing (`Tw`).
    """
    if item.kind == "rule":
        canvas.setLineWidth(item.size)
        canvas.line(item.x, item.y, item.x + item.width, item.y)
        return
    text = canvas.beginText()
    if item.scale != 1.0:
        text.setHorizScale(100.0 * item.scale)  # Tz scales glyphs, kerns and Tw alike
    word_space = None
    rise = 0.0
    font: tuple[str, float] | None = None
    at: float | None = None  # where the text matrix stands after the last run
    for run in item.runs:
        if at is None or abs(at - run.x) > 0.005:
            text.setTextOrigin(run.x, item.y)  # else the text flows on: no jump to extract
        if run.rise != rise:
            text.setRise(run.rise)
            rise = run.rise
        face = faces[run.face]
        if " " in run.text:
            tw = round(item.space / item.scale - face.width(" ", run.size), 4)
            if tw != word_space:
                text.setWordSpace(tw)
                word_space = tw
        for glyphs in face.shape(run.text):
            wanted = (names[face.faces[glyphs.face].path], run.size)
            if wanted != font:
                text.setFont(*wanted)
                font = wanted
            show(text, glyphs, face.shaper.metrics(glyphs.face).font, run.size)
        at = run.x + face.ink(run.text, run.size) * item.scale
        at += run.text.count(" ") * item.space
    if word_space:
        text.setWordSpace(0)
    if rise:
        text.setRise(0)
    if item.scale != 1.0:
        text.setHorizScale(100.0)
    canvas.drawText(text)


def show(text: PDFTextObject, glyphs: Glyphs, font: TTFont, size: float) -> None:
    """Show one face's glyphs as TJ arrays: strings of the font's subset codes, a number
    for each kern (ReportLab's own `textOut` shows plain strings only)."""
    doc, code = text._canvas._doc, text._code
    parts: list[str] = []
    kerned = [k for k, kern in enumerate(glyphs.kerns[:-1]) if kern]  # never after the last
    kerns = glyphs.kerns
    pos = 0
    for subset, data in font.splitString(glyphs.text, doc):
        if subset != text._curSubset:
            if parts:
                code.append(f"[{' '.join(parts)}] TJ")
                parts = []
            name = font.getSubsetInternalName(subset, doc)
            code.append(f"{name} {size:.6g} Tf {text._leading:.6g} TL")
            text._curSubset = subset
        chars = data.decode("latin-1")  # one byte, one character
        end = pos + len(data)
        start = pos
        for k in kerned:
            if pos <= k < end:
                parts.append(f"({chars[start - pos : k + 1 - pos].translate(ESCAPES)})")
                parts.append(f"{-kerns[k]:.4g}")
                start = k + 1
        if start < end:
            parts.append(f"({chars[start - pos : end - pos].translate(ESCAPES)})")
        pos = end
    if parts:
        code.append(f"[{' '.join(parts)}] TJ")


def register_faces() -> tuple[dict[str, Typeface], dict[Path, str]]:
    """The typeface of each style and a registration function: each face is registered with
    ReportLab when first drawn (a fallback face a book never needs is never parsed)."""
    faces = {style: Typeface(style) for style in ("regular", "italic", "bold")}
    return faces, _Registered()


class _Registered(dict[Path, str]):
    """The ReportLab font name of each face's file, registered on first use."""

    def __missing__(self, path: Path) -> str:
        from reportlab.pdfbase import pdfmetrics

        face = next(f for style in ("regular", "italic", "bold") for f in face_chain(style)
                    if f.path == path)
        m = metrics(face)
        if face.name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(m.font)
        _map_ligatures_to_letters()
        self[path] = face.name
        return face.name


def _map_ligatures_to_letters() -> None:
    """Make ReportLab's ToUnicode CMaps map a ligature's form to its letters ("ﬁ" -> "fi"),
    so that text extraction and search give the letters (installed once)."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "maps_ligatures", False):
        return

    def cmap(fontname: str, subset: list[int]) -> str:
        out: str = original(fontname, subset)
        for code, uni in enumerate(subset):
            letters = LETTERS_OF.get(chr(uni)) if uni else None
            if letters:
                hexed = letters.encode("utf-16-be").hex().upper()
                out = out.replace(f"<{code:02X}> <{uni:04X}>", f"<{code:02X}> <{hexed}>")
        return out

    cmap.maps_ligatures = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = cmap


def render(
    typeset: TypesetBook, pdf_a: bool = False, invariant: bool = False,
    on_page: Callable[[], None] | None = None,
) -> bytes:
    """Draw a composed book; `invariant` fixes dates and ids (reproducible files);
    `on_page` hears of each page drawn."""
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary streams: smaller files, no slow pure-Python ASCII85
    faces, names = register_faces()
    buf = io.BytesIO()
    first = typeset.pages[0] if typeset.pages else None
    size = (first.width, first.height) if first else (396.0, 612.0)
    canvas = Canvas(
        buf, pagesize=size, initialFontName=names[faces["regular"].faces[0].path],
        initialFontSize=10,
        invariant=1 if invariant else 0, lang=typeset.language or None, pageCompression=1,
    )
    canvas.setTitle(typeset.title or "")
    canvas.setAuthor(typeset.author or "")
    canvas.setCreator(f"layout {__version__}")
    canvas.setSubject(f"re-typeset ({typeset.mode})")
    heads: dict[int, list[tuple[int, float, str, int]]] = {}
    depth = -1  # an outline level may go one deeper than the entry before, no more
    for n, entry in enumerate(typeset.outline):
        depth = min(entry.level, depth + 1)
        heads.setdefault(entry.page, []).append((n, entry.y, entry.title, depth))
    prev: tuple[str | None, int | None, str | None, int] | None = None
    for i, page in enumerate(typeset.pages):
        canvas.setPageSize((page.width, page.height))
        for item in page.items:
            draw_item(canvas, item, faces, names)
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
