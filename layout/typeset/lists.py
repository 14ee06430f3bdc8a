"""List items set as hanging-indent items: the label at the left, the item's lines after it.

In: the blocks of the text (from `content`; an item carries its printed label apart from
its words) and a `Setter`. Out: for each block the indent its lines hang at (`hangs`: one
paragraph indent after the widest label of its list, 0 for a block that is no item), and
an item's set lines (`set_item`): every line of the item, its first and the following,
starts at the hang, and the first line has its label at the left of the measure. Each item
is a block of its own, justified like a paragraph within the hang's measure but never
into one paragraph with its neighbours. A list is a run of consecutive items; which lines
are items and where their labels end is the analysis's decision (`Line.block`,
`Line.label_end`), never guessed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from layout.typeset.content import Block
from layout.typeset.pages import Run
from layout.typeset.setting import Setter, SetText


def label_text(block: Block) -> str:
    """The item's printed label as drawn ("1.", "a)"); empty for a continued part."""
    return " ".join(word.text for word in block.label)


def hangs(blocks: Sequence[Block], setter: Setter) -> list[float]:
    """For each block, where its lines start when it is a list item: one paragraph indent
    after the widest label of its list (the run of items it stands in); 0 for the others.
    A part of an item continued from an earlier page (no label here) hangs with its list."""
    st = setter.style
    m = setter.metrics("regular")
    out = [0.0] * len(blocks)
    start = 0
    while start < len(blocks):
        if blocks[start].kind != "item":
            start += 1
            continue
        end = start
        while end < len(blocks) and blocks[end].kind == "item":
            end += 1
        widest = max(m.width(label_text(b), st.size) for b in blocks[start:end])
        for k in range(start, end):
            out[k] = widest + st.indent * st.size
        start = end
    return out


def set_item(
    block: Block, setter: Setter, measure: float, hang: float, *, flush: bool = True
) -> list[SetText]:
    """The item's lines: its words set to the measure less the hang and moved to start at
    it, the label (with the space after it, so the reading text keeps it a word apart) at
    the line's start on the first; `flush` False justifies the last line (the page break
    cuts the item)."""
    size = setter.style.size
    lines = [_moved(line, hang, measure) for line in setter.set(block.words, measure - hang,
                                                               flush=flush)]
    label = label_text(block)
    if not label:
        return lines
    tag = Run(0.0, label + " ", "regular", size)
    if not lines:  # a label alone: nothing set after it
        width = setter.metrics("regular").width(label, size)
        return [SetText((tag,), width, 0.0, size, measure=measure, opens=True)]
    first = lines[0]
    lines[0] = replace(first, runs=(tag, *first.runs), opens=True)
    return lines


def _moved(line: SetText, hang: float, measure: float) -> SetText:
    """A line set to the hang's measure, moved right by the hang onto the full measure."""
    runs = tuple(replace(run, x=run.x + hang) for run in line.runs)
    return replace(line, runs=runs, width=line.width + hang, measure=measure)
