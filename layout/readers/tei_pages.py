"""Assemble the pages of a TEI document we wrote from what its walk collected.

In: per page, the pieces the TEI reader found in document order (running-text lines,
furniture `<fw>`, notes). Out: `Page`s of the model. A page's lines are set in the order
a printer sets them: the furniture before the text, the text lines, any rule above the
notes, the note lines, then the furniture below. A head line the writer split into
`<fw type="header">` and `<fw type="pageNum">` (or wrote as one fw with the number's fw
nested) becomes one header line again, with the number's place in it. Line-end hyphens
are decided from the markup: `<pc force="weak">` joins, `<pc force="inter">` is
undecided, a plain hyphen before `<lb break="no"/>` is kept, a hyphen after a letter or
digit before a plain `<lb/>` is suspended (any other final sign is no break). Not
handled: blank lines and the original spacing of furniture (neither is in the TEI); the
rung of evidence behind a hyphen decision (`hyphen_rule` becomes "tei").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from layout.model import (
    HYPHEN_SIGNS,
    Anchor,
    Block,
    Footnote,
    Heading,
    Hyphen,
    Line,
    Page,
    Role,
)
from layout.passes.furniture.running_titles import clean
from layout.passes.notes.labels import parse

FW_ROLES: dict[str | None, Role] = {
    "pageNum": Role.PAGE_NUMBER,
    "header": Role.RUNNING_TITLE,
    "sig": Role.SIGNATURE,
    "catch": Role.CATCHWORD,
    "footer": Role.FOOTER,
    "separator": Role.SEPARATOR,
}
"""Line role for each fw/@type we write; any other type counts as a footer line."""

BLANK = Role.BLANK  # bound once: attribute access on an enum class is slow
JOIN, KEEP, SPACE, UNDECIDED = Hyphen.JOIN, Hyphen.KEEP, Hyphen.SPACE, Hyphen.UNDECIDED
ITEM_LABEL = re.compile(r"\s*\(?(?:\d{1,3}|[A-Za-z]{1,2}|[IVXLC]+)[.)]\s*")
"""A list item's printed label: `1. `, `a) `, `(2) `."""
RULE = "tei"
"""`Line.hyphen_rule` of a decision read from the TEI: the markup, not a rung of evidence."""
NOTE_ID = re.compile(r"n(\d+)\.(\d+)")
"""The xml:id the writer gives the k-th note part of page p: `n{p}.{k}`."""
EDGE_BREAK = re.compile(r"^[ \t]*\n\s*|\s*\n\s*$")
INNER_BREAK = re.compile(r"[ \t]*\n\s*")
"""Newlines are never part of a printed line: they come from an editor's indentation."""


def printed(text: str) -> str:
    """Text as printed on one line: an editor's line breaks and indentation taken out."""
    if "\n" in text:  # never in a document we wrote
        text = INNER_BREAK.sub(" ", EDGE_BREAK.sub("", text))
    return text


class LineDraft:
    """A printed line while the walk collects it (a plain class: made once per lb)."""

    __slots__ = ("block", "glue_next", "glued_in", "heading", "length", "paragraph_start",
                 "parts", "pc_end", "pc_force", "role")

    def __init__(self, role: Role, paragraph_start: bool = False, glued_in: bool = False,
                 text: str | None = None, heading: Heading | None = None,
                 block: Block | None = None) -> None:
        self.role = role
        self.heading = heading  # the division a heading line opens
        self.block = block  # the block (no prose) the line is in
        self.paragraph_start = paragraph_start
        self.glued_in = glued_in  # its lb has break="no": it goes on with the line before
        self.parts: list[str] = [text] if text else []
        self.length = len(text) if text else 0
        self.pc_force: str | None = None
        self.pc_end = -1  # the line's length just after its pc
        self.glue_next = False  # the next line of its flow goes on with this one

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def text(self) -> str:
        return printed("".join(self.parts))

    def hyphen(self, text: str) -> Hyphen | None:
        """The line-end decision the markup states; `text` is the line's, not blank."""
        text = text.rstrip()
        force = self.pc_force
        if force is not None and self.pc_end >= len(text):
            if force == "weak":
                return JOIN
            if force == "inter":
                return UNDECIDED
        if self.glue_next:
            return KEEP
        if text[-1] in HYPHEN_SIGNS and len(text) > 1 and text[-2].isalnum():
            return SPACE  # the passes decide every such break; before a plain lb: space
        return None


@dataclass(slots=True, eq=False)
class NoteDraft:
    """A `<note place="foot">` while the walk collects it."""

    n: str | None
    ident: str | None
    prev: str | None
    next: str | None
    certain: bool
    order: int  # position among the page's notes in document order
    sure_note: bool = True  # no @cert (a "medium" one: the note found on thin evidence)
    label: str | None = None
    label_end: int = 0
    anchor: tuple[LineDraft, int, int] | None = None
    lines: list[LineDraft] = field(default_factory=list)

    @property
    def stray(self) -> bool:
        """Note lines the writer found no note for: no id, label, mark or link."""
        return not (self.ident or self.label or self.n or self.prev or self.next)

    @property
    def continued(self) -> bool:
        """A part carried over: linked back, or printed with neither label nor mark (an
        editor's new note with an `@n` but no `<label>` is a note of its own)."""
        return self.prev is not None or (self.label is None and not self.n)


@dataclass(frozen=True, slots=True)
class Furniture:
    """One `<fw>`: its type, place and printed text; `span` is where a `<fw
    type="pageNum">` nested in it stands (a whole head line encoded as one fw)."""

    kind: str | None
    place: str | None
    text: str
    span: tuple[int, int] | None = None


@dataclass(slots=True, eq=False)
class PageDraft:
    """One page's pieces, in document order."""

    n: str | None
    implicit: bool = False  # opened by text before any pb, not by a pb
    items: list[LineDraft | Furniture | NoteDraft] = field(default_factory=list)
    notes: list[NoteDraft] = field(default_factory=list)
    title_form: str | None = None
    """The running title's one form, from an fw's `<choice><reg>`."""

    @property
    def empty(self) -> bool:
        return not self.items and not self.notes


def note_order(page: PageDraft) -> list[NoteDraft]:
    """The page's notes as printed: by the writer's ids when all have them, else a
    continued part first and the others in document order; stray lines last."""
    ranks = [NOTE_ID.fullmatch(note.ident or "") for note in page.notes]
    if all(ranks):
        return sorted(page.notes, key=lambda note: (
            note.stray, int(ranks[note.order].group(2)))  # type: ignore[union-attr]
        )
    return sorted(page.notes, key=lambda note: (note.stray, not note.continued, note.order))


Entry = LineDraft | tuple[Role, str, tuple[int, int] | None]
"""A line of the assembled page: running text or note (a draft), or furniture (its role,
text and, for the number's line, the number's place in it)."""


def _furniture(items: list[Furniture]) -> list[Entry]:
    """Furniture lines: the first pageNum with its neighbouring header pieces made one
    header line again (as the writer split it), every other fw a line of its own (one
    holding a nested pageNum is a whole head line)."""
    out: list[Entry] = []
    merged = False
    i = 0
    while i < len(items):
        fw = items[i]
        if fw.span is not None:
            out.append((Role.HEADER, fw.text, fw.span))
            merged, i = True, i + 1
            continue
        if not merged and fw.kind == "pageNum":
            before = i > 0 and items[i - 1].kind == "header" and items[i - 1].place == fw.place
            after = (i + 1 < len(items) and items[i + 1].kind == "header"
                     and items[i + 1].place == fw.place)
            if before or after:
                merged = True
                head = out.pop()[1] + " " if before else ""  # type: ignore[index]
                tail = " " + items[i + 1].text if after else ""
                span = (len(head), len(head) + len(fw.text))
                out.append((Role.HEADER, head + fw.text + tail, span))
                i += 2 if after else 1
                continue
        out.append((FW_ROLES.get(fw.kind, Role.FOOTER), fw.text, None))
        i += 1
    return out


def arrange(page: PageDraft) -> tuple[list[Entry], list[NoteDraft]]:
    """The page's lines in print order, and its notes in print order."""
    items = page.items
    last_text = max((i for i, it in enumerate(items) if isinstance(it, LineDraft)), default=-1)
    flushed = [i for i, it in enumerate(items) if isinstance(it, NoteDraft)]
    cut = flushed[0] if flushed else last_text + 1
    notes = note_order(page)
    above: list[LineDraft | Furniture] = [it for it in items[:cut]
                                           if not isinstance(it, NoteDraft)]
    # below the notes: furniture, and the lines of marginal notes set after them
    below = [it for it in items[cut:] if not isinstance(it, NoteDraft)]
    rules: list[LineDraft | Furniture] = [
        it for it in below if isinstance(it, Furniture) and it.kind == "separator"]
    rest = [it for it in below if not (isinstance(it, Furniture) and it.kind == "separator")]
    entries = _in_order(above + rules)
    entries += [line for note in notes for line in note.lines]
    entries += _in_order(rest)
    return entries, notes


def _in_order(items: list[LineDraft | Furniture]) -> list[Entry]:
    """Lines and furniture as entries, in order: each run of furniture as `_furniture`
    joins it."""
    entries: list[Entry] = []
    run: list[Furniture] = []
    for it in items:
        if isinstance(it, Furniture):
            run.append(it)
            continue
        entries += _furniture(run)
        run = []
        entries.append(it)
    entries += _furniture(run)
    return entries


def item_label_end(entry: LineDraft, text: str) -> int:
    """Where the printed label of a list item's first line ends (`1. `), else 0."""
    if entry.block is not Block.ITEM or not entry.paragraph_start:
        return 0
    label = ITEM_LABEL.match(text)
    return label.end() if label else 0


def build(page: PageDraft, entries: list[Entry], notes: list[NoteDraft],
          next_ids: dict[str, int], p: int) -> Page:
    """The model's Page from the arranged entries (hyphens already resolved in
    `glue_next`); `next_ids` maps note ids to their page index."""
    lines: list[Line] = []
    index: dict[int, int] = {}
    number_line: int | None = None
    number_span: tuple[int, int] | None = None
    title: str | None = None
    for entry in entries:
        if isinstance(entry, LineDraft):  # the hot path: a text or note line
            index[id(entry)] = len(lines)
            parts = entry.parts
            text = printed(parts[0] if len(parts) == 1 else "".join(parts))
            if text and not text.isspace():
                hyphen = entry.hyphen(text)
                lines.append(Line(text, role=entry.role, hyphen=hyphen,
                                  hyphen_rule=RULE if hyphen else None,
                                  paragraph_start=entry.paragraph_start,
                                  heading=entry.heading, block=entry.block,
                                  label_end=item_label_end(entry, text)))
            else:
                lines.append(Line(text, BLANK))
            continue
        role, text, span = entry
        if role is Role.HEADER and number_line is None:
            number_line, number_span = len(lines), span
            assert span is not None
            title = title or clean(text[: span[0]] + " " + text[span[1]:]) or None
        elif role is Role.PAGE_NUMBER and number_line is None:
            number_line = len(lines)
        elif role is Role.RUNNING_TITLE and title is None:
            title = clean(text) or None
        lines.append(Line(text, role=role))
    number, inferred = _numbers(page.n)
    if number_line is not None and number_span is None:
        at = lines[number_line].text.find(number) if number else -1
        number_span = (at, at + len(number)) if number and at >= 0 else (
            0, len(lines[number_line].text))
    footnotes = []
    for note in notes:
        if note.stray:
            continue
        anchor = None
        if note.anchor is not None and id(note.anchor[0]) in index:
            draft, start, end = note.anchor
            anchor = Anchor(index[id(draft)], start, end, note.certain)
        target = next_ids.get((note.next or "").lstrip("#"))
        footnotes.append(Footnote(
            marker=_marker(note),
            lines=tuple(index[id(line)] for line in note.lines),
            continued=note.continued,
            anchor=anchor,
            label_end=note.label_end,
            continues_on_next_page=target == p + 1,
            certain=note.sure_note,
        ))
    return Page(lines=tuple(lines), number=number, number_line=number_line,
                number_span=number_span, inferred_number=inferred, running_title=title,
                running_title_form=page.title_form if title else None,
                footnotes=tuple(footnotes))


def _numbers(n: str | None) -> tuple[str | None, str | None]:
    """pb/@n as (printed number, inferred number): `[12]` is inferred."""
    if not n or not n.strip():
        return None, None
    n = n.strip()
    if n.startswith("[") and n.endswith("]"):
        return None, n[1:-1].strip() or None
    return n, None


def _marker(note: NoteDraft) -> str | None:
    """The note's marker as the footnote pass gives it: its label without brackets (for a
    note an editor added without a label, its mark in `@n`)."""
    if note.label is None:
        mark = (note.n or "").strip().strip("()[]")
        return mark if mark and not note.continued else None
    first = "".join(note.lines[0].parts) if note.lines else note.label
    label = parse(first) or parse(note.label + " x")
    return label.marker if label is not None else note.label.strip("()[]")
