"""Knuth–Plass line breaking and hyphenation points, on paragraphs trimmed from the corpus."""

from __future__ import annotations

import pytest

from layout.patterns import Hyphenator
from layout.typeset.fonts import Metrics, book_faces, metrics
from layout.typeset.linebreak import (
    DEFAULT_SETTINGS,
    SetLine,
    Settings,
    break_paragraph,
)

# The seed page (page 286), its paragraph on the Tilsit peace, hyphens resolved.
ENGLISH = str.split(
    "In the meantime Bruce Lockhart had established cordial and intimate relations with "
    "Trotsky, who talked to him with the greatest frankness of the dangerous repercussions "
    "of any Japanese invasion in Siberia and of the possibilities which existed for Allied "
    "co-operation with the Bolsheviks against the Germans. If, as Lenin and Trotsky "
    "believed, it was the object of Ludendorff to destroy the Soviet Government and to "
    "replace it by one which would be purely subservient to Berlin, it was to the immediate "
    "interest of the Allies to assist the Bolsheviks in their resistance. Deeply impressed "
    "and convinced that by this means alone could large numbers of German troops be "
    "detained in the East at a moment when the spring offensive was momentarily expected "
    "on the Western Front, Lockhart cabled the Foreign Office accordingly, urging the "
    "rejection of all Japanese proposals for intervention and the active support of the "
    "Soviet Government in the event of German aggression."
)
# Laband 1876, p. 318 (DTA), hyphens resolved.
GERMAN = str.split(
    "Die Geſchäfts-Inſtruktion, deren Erlaß durch einen Beſchluß des Bundesrathes v. 9. "
    "März 1872 (Protok. §. 57) dem Reichskanzler übertragen worden war, iſt vom 23. Juni "
    "1872. Die Aufgaben des Statiſt. Amtes ſind darnach von doppelter Art; erſtens die "
    "Sammlung, Prüfung und wiſſenſchaftliche Bearbeitung des für die Reichsſtatiſtik zu "
    "liefernden Materials und geeignetenfalls die Veröffentlichung der Ergebniſſe; zweitens "
    "hat das ſtatiſtiſche Amt auf Anordnung des Reichskanzleramtes ſtatiſtiſche "
    "Nachweiſungen aufzuſtellen und über ſtatiſtiſche Fragen Gutachten zu erſtatten."
)
SIZE = 10.0


@pytest.fixture(scope="module")
def m() -> Metrics:
    return metrics(book_faces().regular)


def set_width(line: SetLine, m: Metrics) -> float:
    return line.indent + line.natural + (len(line.words) - 1) * line.space


def rejoin(lines: list[SetLine]) -> list[str]:
    """The paragraph's words read back from its lines, added hyphens removed."""
    text = ""
    for line in lines:
        last = " ".join(line.words)
        if line.hyphenated and not line.explicit_hyphen:
            text += last[:-1]
        elif line.hyphenated:
            text += last
        else:
            text += last + " "
    return text.split()


def greedy_ratios(words: list[str], measure: float, m: Metrics) -> list[float]:
    """First-fit breaking without hyphenation, for comparison: the ratio of each full line."""
    space = m.width(" ", SIZE)
    ratios, line = [], [words[0]]
    for word in words[1:]:
        if m.width(" ".join(line + [word]), SIZE) <= measure:
            line.append(word)
            continue
        natural = m.width("".join(line), SIZE)
        ratios.append(
            (measure - natural - space * (len(line) - 1))
            / (space * (len(line) - 1) * DEFAULT_SETTINGS.stretch)
        )
        line = [word]
    return ratios


@pytest.mark.parametrize(("words", "lang"), [(ENGLISH, "en"), (GERMAN, "de")])
@pytest.mark.parametrize("measure", [200.0, 276.0, 340.0])
def test_justified_lines_fill_the_measure_and_keep_the_words(
    m: Metrics, words: list[str], lang: str, measure: float
) -> None:
    lines = break_paragraph(
        words, measure, m, SIZE, Hyphenator(lang), first_indent=10.0
    )
    assert rejoin(lines) == words
    assert lines[0].indent == 10.0 and all(line.indent == 0.0 for line in lines[1:])
    for line in lines[:-1]:
        assert not line.final
        assert set_width(line, m) == pytest.approx(measure)
        assert line.ratio >= -1.0
        factor = (
            DEFAULT_SETTINGS.stretch if line.ratio >= 0 else DEFAULT_SETTINGS.shrink
        )
        assert line.space == pytest.approx(
            m.width(" ", SIZE) * (1 + line.ratio * factor)
        )
        if line.hyphenated:
            assert line.words[-1].endswith("-")
    last = lines[-1]
    assert last.final and last.ratio <= 0 and set_width(last, m) <= measure + 1e-6


SUSPENDED = str.split(
    "Staats- und Bundes- oder Reichs- und Landes- wie Kreis- und Gemeinde- Recht"
)


@pytest.mark.parametrize(
    ("words", "lang"), [(ENGLISH, "en"), (GERMAN, "de"), (SUSPENDED * 3 + GERMAN, "de")]
)
def test_never_three_hyphens_in_a_row(m: Metrics, words: list[str], lang: str) -> None:
    cheap = Settings(hyphen_penalty=0.0, double_hyphen_demerits=0.0, pretolerance=-1)
    for measure in (150.0, 180.0, 210.0):
        lines = break_paragraph(
            words, measure, m, SIZE, Hyphenator(lang), settings=cheap
        )
        run = longest = 0
        for line in lines[:-1]:
            run = run + 1 if line.words[-1].endswith("-") else 0
            longest = max(longest, run)
        assert longest <= 2


def test_a_last_word_ending_in_a_hyphen_counts_in_the_run(m: Metrics) -> None:
    # a paragraph the page break cuts inside its last word ("Unfall-"): its last line
    # ends in a hyphen, so at most one line before it may
    cheap = Settings(hyphen_penalty=0.0, double_hyphen_demerits=0.0, pretolerance=-1)
    words = GERMAN[:-1] + ["Unfall-"]
    for measure in range(120, 240, 6):
        lines = break_paragraph(
            words, float(measure), m, SIZE, Hyphenator("de"), last_line_flush=False,
            settings=cheap,
        )
        ends = [line.words[-1].endswith("-") for line in lines]
        assert ends[-1]
        assert not all(ends[-3:]), measure


def test_total_fit_is_more_even_than_first_fit(m: Metrics) -> None:
    measure = 250.0
    ours = [
        line.ratio for line in break_paragraph(ENGLISH, measure, m, SIZE, None)[:-1]
    ]
    first_fit = greedy_ratios(ENGLISH, measure, m)
    assert max(abs(r) for r in ours) < max(abs(r) for r in first_fit)
    assert sum(r * r for r in ours) < sum(r * r for r in first_fit)


def worst(lines: list[SetLine]) -> float:
    return max(abs(line.ratio) for line in lines[:-1])


def test_hyphenation_tightens_a_narrow_measure(m: Metrics) -> None:
    plain = break_paragraph(GERMAN, 180.0, m, SIZE, None)
    hyphenated = break_paragraph(GERMAN, 180.0, m, SIZE, Hyphenator("de"))
    assert any(line.hyphenated and not line.explicit_hyphen for line in hyphenated)
    assert worst(hyphenated) < worst(plain)


def test_explicit_hyphen_breaks_without_an_added_hyphen(m: Metrics) -> None:
    words = ["Allied", "co-operation"]
    measure = max(m.width("Allied co-", SIZE), m.width("operation", SIZE)) + 0.5
    lines = break_paragraph(words, measure, m, SIZE, None)
    assert [line.words for line in lines] == [("Allied", "co-"), ("operation",)]
    assert lines[0].hyphenated and lines[0].explicit_hyphen
    assert set_width(lines[0], m) == pytest.approx(measure)


def test_only_a_word_wider_than_the_measure_overflows(m: Metrics) -> None:
    long = "Reichsverfassungsurkundenſammlung"
    words = ["Die", "neue", long, "iſt", "da", "und", "gilt"]
    measure = m.width(long, SIZE) * 0.8
    lines = break_paragraph(words, measure, m, SIZE, None)
    assert rejoin(lines) == words
    for line in lines:
        if set_width(line, m) > measure + 1e-6:
            assert line.words == (long,)
    alone = [line for line in lines if line.words == (long,)]
    assert alone and alone[0].ratio == 0.0 and alone[0].space == m.width(" ", SIZE)


def test_justified_last_line_when_the_page_cuts_the_paragraph(m: Metrics) -> None:
    flush = break_paragraph(ENGLISH, 276.0, m, SIZE, Hyphenator("en"))
    cut = break_paragraph(
        ENGLISH, 276.0, m, SIZE, Hyphenator("en"), last_line_flush=False
    )
    assert rejoin(cut) == ENGLISH
    assert flush[-1].final
    if not cut[-1].final:  # justified when the tolerance allows, ragged otherwise
        assert set_width(cut[-1], m) == pytest.approx(276.0)


def test_empty_paragraph(m: Metrics) -> None:
    assert break_paragraph([], 200.0, m, SIZE, None) == []
    assert break_paragraph(["", ""], 200.0, m, SIZE, None) == []


def test_hyphenation_points_of_the_core_only() -> None:
    de = Hyphenator("de")
    word = "„Reichsverfaſſung,"
    points = de.points(word)
    assert points and all(1 + 2 <= p <= len(word) - 1 - 2 for p in points)
    assert points == de.points("„Reichsverfassung,")  # long s hyphenates as s
    assert de.points("1872") == [] and de.points("Amt") == []
    assert de.points("Bundes-Rath") == []  # explicit hyphens are the breaker's
    en = Hyphenator("en")
    assert all(len("conflicting") - p >= 3 for p in en.points("conflicting"))
    assert Hyphenator("xx").points("conflicting") == []


def test_glyph_expansion_evens_the_spacing(m: Metrics) -> None:
    plain = break_paragraph(GERMAN, 200.0, m, SIZE, Hyphenator("de"))
    hz = Settings(expansion=0.02)
    expanded = break_paragraph(GERMAN, 200.0, m, SIZE, Hyphenator("de"), settings=hz)
    assert rejoin(expanded) == GERMAN
    assert all(line.scale == 1.0 for line in plain)
    natural = m.width(" ", SIZE)
    for line in expanded[:-1]:
        assert 0.98 - 1e-9 <= line.scale <= 1.02 + 1e-9
        gaps = len(line.words) - 1
        width = line.indent + line.natural * line.scale + gaps * line.space
        assert width == pytest.approx(200.0)

    def spread(lines: list[SetLine]) -> float:
        return sum(abs(line.space / natural - 1) for line in lines[:-1]) / (
            len(lines) - 1
        )

    assert spread(expanded) < spread(plain)
    assert any(line.scale != 1.0 for line in expanded)
