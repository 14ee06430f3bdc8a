"""The reasons a note was taken, and how sure: kept in the model for each note part."""

from __future__ import annotations

from layout.passes.notes import reasons
from layout.passes.notes.labels import Label, parse
from layout.passes.notes.page_lines import PageState


def heads(*markers: str) -> list[tuple[int, Label]]:
    labels = [parse(f"{m} Note.") for m in markers]
    assert all(labels)
    return [(10 + k, lab) for k, lab in enumerate(labels) if lab is not None]


def test_label_rules() -> None:
    chain = heads("1)", "2)", "2)", "1)", "5)")
    found = reasons.of_labels(chain, first_fit=1.5, repeats=False, score=6.0)
    assert found == [
        ("label", True),
        ("label", True),
        ("label-twice", False),
        ("label-restart", True),
        ("label-out-of-order", False),
    ]


def test_thin_evidence_is_unsure() -> None:
    off, more = reasons.of_labels(heads("7)", "8)"), first_fit=0.0, repeats=False, score=6.0)
    assert off == ("label-off-sequence", False) and more == ("label", True)
    weak = reasons.of_labels(heads("1)"), first_fit=1.5, repeats=False, score=0.8)
    assert weak == [("label", False)]  # the area as a whole scored low


def test_rest_rules() -> None:
    assert reasons.of_rest(PageState(had_notes=True, open_note=True), 5.0) == (
        "continued-open",
        True,
    )
    assert reasons.of_rest(PageState(had_notes=True), 5.0) == ("continued-closed", False)
    assert reasons.of_rest(PageState(had_notes=True, leaning=True), 5.0)[1] is False
    assert reasons.of_rest(PageState(had_notes=True, first=True), 9.0) == (
        "continued-first-page",
        False,
    )
