"""The margins of a page where furniture may stand: its head and its foot.

In: a Page. Out: the indices of its first and last printed lines, skipping blank lines
and the stamps scanners and libraries print on their images ("Digitized by Google",
"Original from ...", a HathiTrust access line). Not handled: furniture printed in the
side margins (marginal notes, line numbers).
"""

from __future__ import annotations

import re
from functools import lru_cache

from layout.model import Page, Role

MARGINAL = Role.MARGINAL
"""Bound once: a marginal note stands beside the text, never in its head or foot."""

_STAMP = re.compile(
    r"(?i)digiti[sz]ed\s+by|\bgoogle\b|internet\s*archive|hathi\s*trust|archive\.org"
    r"|public\s+domain|https?://|www\.\w"
    r"|^\W*(?:original\s+from|generated\s+(?:at|on|for))\b"
    r"|^\W*(?:bayerische\s+)?staatsbibliothek(?:\s+m[üu]nchen)?\W*$"
    r"|^\W*(?:the\s+)?(?:university\s+of\s+[\w ]{2,30}|[\w ]{2,30}\s+university)"
    r"\s+librar(?:y|ies)\W*$"
    r"|^\W*library\s+of\s+congress\W*$"
)
_STAMP_HINT = re.compile(
    r"digiti|google|archive|hathi|original|generated|domain|http|www\.|bibliothe|librar|universit"
)
"""Cheap test on the lower-cased line before the full expression."""
STAMP_MAX_CHARS = 90
"""Longer lines are book text, whatever words they hold."""


@lru_cache(maxsize=4096)
def is_stamp(text: str) -> bool:
    """True for a scanner's or library's line: "Digitized by Google", a URL, a shelf stamp.

    Cached: several passes ask it of the same head and foot lines of every page."""
    if len(text) > STAMP_MAX_CHARS * 2:
        return False
    text = text.strip()
    if not text or len(text) > STAMP_MAX_CHARS:
        return False
    return _STAMP_HINT.search(text.lower()) is not None and _STAMP.search(text) is not None


def _printed(page: Page, order: range, depth: int, stamps: bool = False) -> list[int]:
    """The first `depth` indices in `order` of lines printed on the page (not blank; no
    library stamp unless `stamps`)."""
    out: list[int] = []
    lines = page.lines
    for i in order:
        line = lines[i]
        if line.is_blank or line.role is MARGINAL or (not stamps and is_stamp(line.text)):
            continue
        out.append(i)
        if len(out) == depth:
            break
    return out


def head(page: Page, depth: int = 3) -> list[int]:
    """The indices of the page's first `depth` printed lines, top down."""
    return _printed(page, range(len(page.lines)), depth)


def foot(page: Page, depth: int = 3) -> list[int]:
    """The indices of the page's last `depth` printed lines, bottom up."""
    return _printed(page, range(len(page.lines) - 1, -1, -1), depth)


def edges(page: Page, depth: int) -> list[int]:
    """The page's first and last `depth` non-blank lines, stamps included, each once:
    where scanners and libraries put their stamps."""
    top = _printed(page, range(len(page.lines)), depth, stamps=True)
    below = top[-1] if top else -1
    return top + _printed(page, range(len(page.lines) - 1, below, -1), depth, stamps=True)
