"""What the HTML edition's review list must hold, counted from the JSON analysis: the
oracle the writer test and the browser test share."""

from __future__ import annotations

from collections import Counter
from typing import Any


def review_counts(analysis: dict[str, Any]) -> Counter[str]:
    """Uncertain decisions the JSON records, by kind: undecided hyphens, anchors and notes
    with `certain: false`, inferred page numbers, and headings whose level rests on
    convention (counted once per heading: its first line, or a line whose heading differs
    from the running-text line before it)."""
    counts: Counter[str] = Counter()
    before: Any = None
    for page in analysis["pages"]:
        if page["number_inferred"] is not None:
            counts["page-number"] += 1
        for line in page["lines"]:
            if line.get("hyphen_undecided"):
                counts["hyphen"] += 1
            heading = line.get("heading")
            if line["role"] in ("body", "heading") and line["text"].strip():
                if heading is not None and not heading["certain"] and (
                        line.get("paragraph_start") or heading != before):
                    counts["heading"] += 1
                before = heading
        for note in page["footnotes"]:
            if note["anchor"] is not None and not note["anchor"]["certain"]:
                counts["anchor"] += 1
            if note.get("certain") is False:
                counts["note"] += 1
    return counts
