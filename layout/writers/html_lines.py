"""How the HTML edition writes one printed line: its text escaped, its footnote marks as
links to their notes, its final hyphen as the engine decided it, and its review flags.

In: a line, the marks that stand in it and where the page's notes are. Out: one
`<span class="l">` holding the line's text exactly as printed (characters HTML cannot
hold become U+FFFD), so the edition is lossless: a joined hyphen is hidden by the style
sheet, never dropped. Not handled: where the line goes (see `html`).
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from layout.model import Hyphen, Line, Page
from layout.writers.tei_header import xml_text

GLUING = frozenset({Hyphen.JOIN, Hyphen.KEEP, Hyphen.UNDECIDED})
"""Decisions after which the next line of the flow continues the same word: no space
between the two lines."""


class Mark(NamedTuple):
    """A footnote mark placed in a line: its span and the note (index on its page)."""

    start: int
    end: int
    note: int
    certain: bool


def text(raw: str) -> str:
    """`raw` as HTML text: escaped, characters HTML cannot hold replaced by U+FFFD."""
    return escape(xml_text(raw), quote=False)


def attr(raw: str) -> str:
    """`raw` as a double-quoted attribute value."""
    return escape(xml_text(raw), quote=True)


def note_id(p: int, k: int) -> str:
    return f"n{p + 1}-{k + 1}"


def mark_id(p: int, k: int) -> str:
    return f"m{p + 1}-{k + 1}"


def page_marks(page: Page) -> dict[int, list[Mark]]:
    """Per line, the marks the edition links: each note's anchor when it lies inside its
    line and overlaps no mark before it in the line (the others' notes stay unlinked)."""
    wanted: dict[int, list[Mark]] = {}
    for k, note in enumerate(page.footnotes):
        a = note.anchor
        if a is None or not 0 <= a.line < len(page.lines) or page.lines[a.line].is_blank:
            continue  # a blank line is not written
        if 0 <= a.start < a.end <= len(page.lines[a.line].text):
            wanted.setdefault(a.line, []).append(Mark(a.start, a.end, k, a.certain))
    placed: dict[int, list[Mark]] = {}
    for i, marks in wanted.items():
        pos = 0
        for mark in sorted(marks):
            if mark.start >= pos:
                placed.setdefault(i, []).append(mark)
                pos = mark.end
    return placed


def sign_at(line: Line) -> int | None:
    """Where the line's final hyphen sign stands, when the line ends in a decided or
    undecided break; None when it ends in none."""
    if line.hyphen is None:
        return None
    body = line.text.rstrip()
    if body and not body[-1].isalnum():
        return len(body) - 1
    return None


def render(line: Line, p: int, i: int, marks: list[Mark], folio: str) -> str:
    """The line as `<span class="l">`, then a newline unless the next line of its flow
    continues the same word."""
    raw = line.text
    out = [f'<span class="l" data-line="{p}:{i}">']
    pos = 0
    for mark in marks:
        out.append(text(raw[pos:mark.start]))
        review = "" if mark.certain else (
            f' data-review="anchor" data-page="{attr(folio)}" title="note mark uncertain"')
        out.append(f'<a class="mark" id="{mark_id(p, mark.note)}" '
                   f'href="#{note_id(p, mark.note)}"{review}>{text(raw[mark.start:mark.end])}</a>')
        pos = mark.end
    at = sign_at(line)
    hyphen = line.hyphen
    if hyphen is not None and at is not None and at >= pos:
        out.append(text(raw[pos:at]))
        rule = f"hyphen: {hyphen.value}" + (f" ({line.hyphen_rule})" if line.hyphen_rule else "")
        review = (f' data-review="hyphen" data-page="{attr(folio)}"'
                  if hyphen is Hyphen.UNDECIDED else "")
        out.append(f'<span class="hy {hyphen.value}" title="{attr(rule)}"{review}>'
                   f"{text(raw[at:])}</span>")
    elif hyphen is Hyphen.UNDECIDED:  # no sign to flag (a mark stands on it): the line
        out[0] = (f'<span class="l" data-line="{p}:{i}" data-review="hyphen" '
                  f'data-page="{attr(folio)}" title="hyphen: undecided">')
        out.append(text(raw[pos:]))
    else:
        out.append(text(raw[pos:]))
    out.append("</span>")
    if hyphen not in GLUING:
        out.append("\n")
    return "".join(out)
