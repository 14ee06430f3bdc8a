"""A text book written as hOCR with boxes from a simple layout, as an OCR engine with
geometry would give it: one page per `ocr_page`, one `ocr_par` per page, one `ocr_line`
per text line (blank lines too, as empty lines), one `ocrx_word` per word.

The layout: every character is `CHAR` pixels wide (spaces too, so a word stands where its
characters put it), every line `PITCH` pixels below the one before, the text block's left
edge at `LEFT`. One face, one column, one block: the geometry says nothing the text does
not, so the engine must decide as it does from the text.
"""

from __future__ import annotations

from html import escape

CHAR, HEIGHT, PITCH, LEFT, TOP = 20, 40, 60, 200, 200


def _words(text: str, y: int) -> list[str]:
    out = []
    x = 0
    for word in text.split(" "):
        if word:
            x0 = LEFT + x * CHAR
            box = f"{x0} {y} {x0 + len(word) * CHAR} {y + HEIGHT}"
            out.append(f"<span class='ocrx_word' title='bbox {box}'>{escape(word)}</span>")
        x += len(word) + 1
    return out


def page_hocr(lines: list[str], p: int) -> str:
    width = LEFT * 2 + CHAR * max((len(t) for t in lines), default=1)
    height = TOP * 2 + PITCH * len(lines)
    out = [f"<div class='ocr_page' id='page_{p}' title='bbox 0 0 {width} {height}'>",
           f"<p class='ocr_par' id='par_{p}'>"]
    for i, text in enumerate(lines):
        y = TOP + i * PITCH
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        x0, x1 = LEFT + start * CHAR, LEFT + max(end, start) * CHAR
        words = " ".join(_words(text, y))
        out.append(f"<span class='ocr_line' id='l{p}_{i}' title='bbox {x0} {y} {x1} "
                   f"{y + HEIGHT}'>{words}</span>")
    out.append("</p></div>")
    return "\n".join(out)


def hocr(pages: list[list[str]]) -> bytes:
    """The pages (each a list of lines) as one hOCR document."""
    body = "\n".join(page_hocr(lines, p) for p, lines in enumerate(pages, start=1))
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"
        "<head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'/>"
        "<meta name='ocr-capabilities' content='ocr_page ocr_par ocr_line ocrx_word'/>"
        f"</head><body>\n{body}\n</body></html>\n"
    ).encode()


def text_pages(text: str) -> list[list[str]]:
    """A form-feed text book's pages as lists of lines (the reader's split)."""
    pages = text.split("\f")
    if pages and pages[-1] in ("", "\n"):
        pages.pop()
    out = []
    for page in pages:
        lines = page.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out.append(lines)
    return out
