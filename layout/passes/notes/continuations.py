"""The rest of a note from the previous page: where it stands at the top of a note area.

In: a page (`PageLines`), the line where its labelled notes begin, what the book and the
previous page tell. Out: the first line of the continued part and how sure that is, or
none. The evidence: whether the previous page's last note left its sentence open (a
note goes on overleaf about 19 times in 20 when it does, 1 in 50 when it does not), a
blank line or rule above the part, and the widths of its lines (notes are set smaller,
so more characters fit a line). Not handled: a note continued over more than one page
break without a line of its own on the page between.
"""

from __future__ import annotations

from layout.passes.notes.flow import PageTies
from layout.passes.notes.page_lines import (
    FINISHED,
    WIDTH_FLOOR,
    BookHints,
    PageLines,
    PageState,
    Widths,
)

OPEN, LEANING, CLOSED = 3.0, 0.7, -3.5
"""How likely a page goes on with a note from the page before, when that note's last
line leaves its sentence open, when it ends in a colon or leaves a parenthesis open,
and when it ends a sentence (about 95%, 67% and 2% in the development books)."""

UNKNOWN = -1.5
"""The same on the book's first page, where the page before is not known: the lines
themselves must show it (a gap or rule above them, their width)."""


RUNS_ON = 4.0
"""What a word broken at the end of the line above and finished in this line (the book
prints it whole nearby) says against a run's beginning here: the text runs on."""

BODY_END = 2.0
"""What it says for a run's beginning here that the line above is the body's last: its
broken word is finished on the next page's first line."""

SEAMLESS = 2.0
"""What a line as wide as a note line right above a run, with no gap or rule between,
says against the run's beginning there: a passage in small type goes on above it."""


def find(
    page: PageLines,
    end: int,
    hints: BookHints,
    state: PageState,
    odds: list[float] | None,
    body_floor: int,
    ties: PageTies | None = None,
) -> tuple[int, float]:
    """Where the rest of a note from the previous page begins, above line `end`, and how
    sure that is; (-1, 0) when the page continues no note.

    `odds` is the width evidence of each line (`Widths.odds_of`; None while the book's
    widths are unknown); `body_floor` the last line that stays body because it holds a
    mark of the page's notes (-1 when none); `ties` tells where a broken word runs on.
    """
    if not state.had_notes:
        return -1, 0.0
    if state.first:
        prior = UNKNOWN
    else:
        prior = OPEN if state.open_note else LEANING if state.leaning else CLOSED
    # lines as wide as notes may be a passage in small type running on from the page
    # before, or (unless the note before was left open) on to the page after
    small = state.small_type or (state.small_overleaf and prior < OPEN)
    lo = max(page.top, body_floor + 1)
    best, best_s = 0.0, -1
    # the page's columns bound once: this loop runs for every line of every note area
    body, blanks, rule, labels = page.body, page.blank, page.rule, page.labels
    styles, gap, top = hints.styles, hints.gap, page.top
    acc = 0.0  # the evidence of the lines from the split down to `end`
    # a split below the page's first blank line leaves it in the body: `base` holds
    # that cost until the loop passes the blank (so the loop asks nothing more per line)
    stray, base = page.first_blank, prior
    if 0 <= stray < end - 1 and not all(blanks[stray:end]):
        base -= hints.stray_blank
    broken = page.broken if ties is not None else frozenset()
    held: list[tuple[float, int, int, bool]] = []  # splits below a broken word
    for s in range(end - 1, lo - 1, -1):
        if not body[s]:
            if blanks[s]:
                continue
            break
        if rule[s]:
            continue
        if odds is None:
            acc -= 0.3
        else:
            acc += min(odds[s], 0.0) if small else odds[s]
        lab = labels[s]
        if lab is not None and lab.style in styles:  # (letters only when the book marks them)
            acc -= 1.0
        j = s - 1  # `page.above(s)`, inlined
        while j >= top and blanks[j]:
            j -= 1
        prev, blank = (j if j >= top else -1), j < s - 1
        score = base + max(WIDTH_FLOOR, acc)
        if blank or (prev >= 0 and rule[prev]):
            if prev < stray and base != prior:  # the first blank is passed
                score += prior - base
                base = prior
            score += gap
        elif prev < 0:
            score -= 1.0
        else:
            above = labels[prev]
            if above is not None and above.style in styles:
                score -= SEAMLESS  # a label of the book's notes right above: its note
            elif odds is not None and odds[prev] > 0:
                score -= SEAMLESS * odds[prev]  # as wide as a note: the run goes on above
        if prev in broken:
            held.append((score, s, prev, blank))  # weighed below, with its word joins
        elif score > best:
            best, best_s = score, s
    if held and ties is not None:  # (`held` stays empty without `ties`)
        return _with_ties(held, best, best_s, ties)
    return best_s, best


def _with_ties(
    held: list[tuple[float, int, int, bool]], best: float, best_s: int, ties: PageTies
) -> tuple[int, float]:
    """The best split, with the ones below a line ending in a broken word weighed for
    where that word runs on: asked only where one could still win (the look-up reads
    the text of the page and its neighbours)."""
    reach = BODY_END if ties.goes_on() else 0.0  # no bonus when no word goes on overleaf
    for score, s, prev, blank in held:
        if score + reach < best:
            continue
        wins = score > best or (score == best and s > best_s)  # the lower of equals
        if wins and not blank and ties.runs_on(prev):
            score -= RUNS_ON  # the line above breaks a word this line finishes
        elif reach and ties.ends_body(prev) and (blank or not ties.runs_on(prev)):
            score += BODY_END  # the word the line above breaks goes on overleaf
        if score > best or (score == best and s > best_s):  # the lower of equals, as above
            best, best_s = score, s
    return best_s, best


def unfinished(page: PageLines, lines: tuple[int, ...]) -> bool:
    """Whether a note part's last line leaves its sentence open (so it goes on overleaf)."""
    if not lines:
        return False
    return not FINISHED.search(page.texts[lines[-1]])


def leaning(page: PageLines, lines: tuple[int, ...]) -> bool:
    """Whether a note part whose last line ends a sentence still leans to going on: the
    line ends in a colon (a quotation or table follows) or leaves a parenthesis open."""
    if not lines:
        return False
    text = page.texts[lines[-1]].rstrip()
    return text.endswith(":") or text.count("(") > text.count(")")


SMALL_TYPE = 0.3
"""The mean width evidence of a page's last body lines above which they are set like
notes (a passage in small type)."""


OPENING_LINES = 4
"""How many of a page's first body lines tell whether it opens in small type."""


def opens_small(page: PageLines, widths: Widths | None, notes: int | None) -> bool:
    """Whether the page's body opens in lines as wide as note lines (above any heading
    and above its notes, which begin at line `notes`, None when it has none): a passage
    set in small type going on from the page before. Most of its first full lines must
    be that wide."""
    if widths is None:
        return False
    odds: list[float] = []
    end = len(page.texts) if notes is None else notes
    for i in page.prose:
        if i >= end or not page.body[i] or len(odds) >= OPENING_LINES:
            break  # a heading: what stands above it ended on the page before
        if page.sizes[i] >= 0.85 * min(widths.body, widths.note):  # a full line
            odds.append(widths.note_odds(page.sizes[i]))
    return len(odds) >= 2 and sorted(odds)[len(odds) // 2] > SMALL_TYPE


def small_type(page: PageLines, area_top: int | None, widths: Widths | None) -> bool:
    """Whether the page's body ends, above its note area, in lines as wide as notes: its
    last line (which runs on overleaf) wider than a full body line can be, and the two
    last lines as wide as note lines on the whole."""
    if widths is None or page.bottom < 0:
        return False
    last: list[float] = []
    i = (area_top if area_top is not None else page.bottom + 1) - 1
    while i >= page.top and len(last) < 2:
        if page.body[i] and not page.rule[i]:
            last.append(widths.note_odds(page.sizes[i]))
        i -= 1
    return len(last) == 2 and last[0] >= 0.5 and sum(last) / 2 > SMALL_TYPE
