"""How the HTML edition writes a page's footnotes: at the page's end, each linked to its
mark and back, a note run over a page break linked to its other part.

In: a page, its marks (`html_lines.page_marks`) and its neighbours' notes. Out: one
`<div class="notes">` holding a `<div class="note">` per footnote (part) and one for
note lines no note claims. A note found on thin evidence, and one whose uncertain mark
could not be placed in its line, carry `data-review`. Not handled: marginal notes (they
stand where they are printed, see `html`).
"""

from __future__ import annotations

from layout.model import Book, Footnote, Page
from layout.writers import html_lines
from layout.writers.html_lines import Mark, attr, mark_id, note_id


def continues_from(book: Book, p: int, note: Footnote) -> tuple[int, int] | None:
    """The note part a continued note goes on from: the last note of the page before."""
    if not note.continued or p == 0:
        return None
    before = book.pages[p - 1].footnotes
    return (p - 1, len(before) - 1) if before else None


def continues_on(book: Book, p: int, k: int) -> tuple[int, int] | None:
    """The note part the page's last note goes on in: the next page's first, continued."""
    notes = book.pages[p].footnotes
    if k != len(notes) - 1 or not notes[k].continues_on_next_page or p + 1 >= len(book.pages):
        return None
    after = book.pages[p + 1].footnotes
    return (p + 1, 0) if after and after[0].continued else None


def flags(note: Footnote, shown: str) -> str:
    """The note's review attributes: found on thin evidence."""
    if note.certain:
        return ""
    return (f' data-review="note" data-page="{attr(shown)}" '
            f'title="note found on thin evidence ({attr(note.rule or "")})"')


def render(book: Book, p: int, stray: list[int], marks: dict[int, list[Mark]],
           shown: str) -> str:
    """Page p's footnotes, then its `stray` note lines (no note claims them)."""
    page: Page = book.pages[p]
    placed = {m.note for ms in marks.values() for m in ms}
    out = []
    for k, note in enumerate(page.footnotes):
        rows = [i for i in note.lines if 0 <= i < len(page.lines)]
        cls = "note continued" if note.continued else "note"
        lead = ""
        source = continues_from(book, p, note)
        if source is not None:
            lead = (f'<a class="cont-from" href="#{note_id(*source)}" '
                    f'title="continued from the page before">\u2026</a> ')
        if k in placed:
            lead += f'<a class="back" href="#{mark_id(p, k)}" title="back to the mark">\u21a9</a> '
        elif note.anchor is not None and not note.anchor.certain:
            lead += (f'<span class="flag" data-review="anchor" data-page="{attr(shown)}" '
                     f'title="note mark uncertain, not found in its line"></span>')
        body = "".join(html_lines.render(page.lines[i], p, i, marks.get(i, []), shown)
                       for i in rows)
        target = continues_on(book, p, k)
        tail = "" if target is None else (
            f' <a class="cont-to" href="#{note_id(*target)}" '
            f'title="continued on the next page">\u2192</a>')
        out.append(f'<div class="{cls}" id="{note_id(p, k)}"{flags(note, shown)}>'
                   f"{lead}{body}{tail}</div>\n")
    if stray:
        body = "".join(html_lines.render(page.lines[i], p, i, marks.get(i, []), shown)
                       for i in stray)
        out.append(f'<div class="note stray">{body}</div>\n')
    return f'<div class="notes">\n{"".join(out)}</div>\n' if out else ""
