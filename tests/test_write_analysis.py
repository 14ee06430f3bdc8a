"""The JSON analysis: the contract's fields exactly, the extra fields, and the JSON Schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from conftest import shared
from writer_fixtures import CORPUS, ROOT, SAMPLES, gold_book, gold_records, history_book

from layout.model import Book, Hyphen, Line, Page, Role
from layout.passes import analyse
from layout.readers import read_file
from layout.writers import analysis

SCHEMA = json.loads((ROOT / "schemas" / "analysis.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def written(book: Book) -> dict[str, Any]:
    return json.loads(analysis.write(book))  # type: ignore[no-any-return]


def test_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_names_every_role_of_the_model() -> None:
    allowed = set(SCHEMA["$defs"]["line"]["properties"]["role"]["enum"])
    assert {role.value for role in Role} <= allowed


def test_one_entry_per_page_and_per_line() -> None:
    book = history_book()
    doc = written(book)
    assert len(doc["pages"]) == len(book.pages)
    assert [len(p["lines"]) for p in doc["pages"]] == [len(p.lines) for p in book.pages]


def test_page_fields() -> None:
    first, second, third = written(history_book())["pages"]
    assert (first["number"], first["number_inferred"]) == ("12", None)
    assert (second["number"], second["number_inferred"]) == (None, "13")
    assert first["running_title"] == "A HISTORY OF THINGS"
    assert third["running_title"] is None
    assert (first["number_line"], first["number_span"]) == (0, [0, 2])


def test_line_roles_and_hyphens() -> None:
    lines = written(history_book())["pages"][0]["lines"]
    assert [x["role"] for x in lines[:4]] == ["header", "blank", "heading", "heading"]
    assert lines[4] == {"role": "body", "hyphen": "keep", "hyphen_rule": "vocabulary",
                        "paragraph_start": True, "text": "The story is a well-",
                        "page": 0, "line": 4, "offset": None}
    assert lines[5]["hyphen"] == "join"
    assert lines[6]["hyphen"] == "space" and lines[6]["hyphen_rule"] == "conjunction"
    assert lines[1] == {"role": "blank", "hyphen": None, "text": "", "page": 0, "line": 1,
                        "offset": None}


def test_every_line_gives_its_text_and_place_in_the_input() -> None:
    """Through the reader: the offsets are where the lines stand in the input text."""
    from layout import convert

    data = (SAMPLES / "laband1876-excerpt.txt").read_text(encoding="utf-8")
    doc = json.loads(convert(data.encode("utf-8"), "excerpt.txt").json())
    seen = 0
    for p, page in enumerate(doc["pages"]):
        for i, line in enumerate(page["lines"]):
            assert (line["page"], line["line"]) == (p, i)
            assert data[line["offset"]: line["offset"] + len(line["text"])] == line["text"]
            seen += 1
    assert seen > 100


def test_a_heading_line_gives_its_division_and_a_list_item_its_label() -> None:
    from writer_fixtures import documents_book, outline_book

    lines = written(outline_book())["pages"][0]["lines"]
    assert lines[0]["heading"] == {"level": 1, "type": "chapter", "n": "1", "rule": "book",
                                   "certain": True}
    assert lines[1]["heading"] == lines[0]["heading"] and "paragraph_start" not in lines[1]
    assert lines[5]["heading"]["certain"] is False
    doc = written(documents_book())
    items = [x for x in doc["pages"][1]["lines"] if x.get("block") == "item"]
    assert [x.get("label_end") for x in items] == [3, 3, None]
    assert {x.get("block") for x in doc["pages"][0]["lines"]} >= {"title", "byline", "imprint"}
    for book in (outline_book(), documents_book()):
        VALIDATOR.validate(written(book))


def test_undecided_break_is_null_in_the_contract_and_flagged() -> None:
    line = written(history_book())["pages"][0]["lines"][7]
    assert line["hyphen"] is None and line["hyphen_undecided"] is True
    assert "hyphen_rule" in line


def test_footnotes_contract_fields() -> None:
    pages = written(history_book())["pages"]
    note = pages[0]["footnotes"][0]
    assert note == {"marker": "*", "lines": [10], "continued": False, "continues": True,
                    "label_end": 2, "anchor": {"line": 6, "start": 17, "end": 18,
                                               "certain": True},
                    "text": "* A note that goes on"}  # the break over the page kept open
    cont, unsure, bare = pages[1]["footnotes"]
    assert (cont["marker"], cont["continued"], cont["anchor"]) == (None, True, None)
    assert unsure["anchor"]["certain"] is False
    assert bare["anchor"] is None


def test_metadata_language_and_engine() -> None:
    doc = written(history_book())
    assert doc["metadata"]["handle"] == "https://hdl.handle.net/2027/test.000"
    assert doc["metadata"]["digitizedBy"] == "Google"
    assert doc["language"] == "en" and doc["notes_scheme"] == "symbols"
    assert doc["engine"]["name"] == "layout"


def test_shared_line_entries_serialise_independently() -> None:
    lines = (Line("a", role=Role.BODY), Line("b", role=Role.BODY),
             Line("c-", role=Role.BODY, hyphen=Hyphen.JOIN, hyphen_rule="x"))
    doc = written(Book(pages=(Page(lines), Page(lines[:1]))))
    first, second = doc["pages"][0]["lines"][:2]
    assert first == {"role": "body", "hyphen": None, "text": "a", "page": 0, "line": 0,
                     "offset": None}
    assert second == {**first, "text": "b", "line": 1}
    assert doc["pages"][0]["lines"][2]["hyphen"] == "join"


def test_json_indent_is_the_same_document_for_human_eyes() -> None:
    from layout.writers import analysis

    book = history_book()
    indented = analysis.write(book, indent=2)
    assert b'\n  "engine": {' in indented
    assert json.loads(indented) == json.loads(analysis.write(book))


def test_hand_built_books_valid_against_the_schema() -> None:
    for book in (history_book(), Book(pages=())):
        VALIDATOR.validate(written(book))


def test_schema_rejects_what_the_contract_forbids() -> None:
    doc = written(history_book())
    doc["pages"][0]["lines"][0]["hyphen"] = "undecided"
    assert not VALIDATOR.is_valid(doc)
    doc = written(history_book())
    doc["pages"][0]["number"] = 12  # a number is the printed string
    assert not VALIDATOR.is_valid(doc)
    doc["pages"][0]["number"] = " 12"
    assert not VALIDATOR.is_valid(doc)
    doc = written(history_book())
    del doc["pages"][1]["footnotes"][0]["continued"]
    assert not VALIDATOR.is_valid(doc)


@pytest.mark.parametrize("gold", ["seed/page-286", "en/tpus22", "dta/laband1876"])
def test_gold_decisions_come_out_as_the_gold(gold: str) -> None:
    """A book holding the gold analysis is written back as exactly the gold's fields."""
    path = CORPUS / f"{gold}.gold.jsonl"
    doc = written(gold_book(path))
    VALIDATOR.validate(doc)
    for rec, page in zip(gold_records(path), doc["pages"], strict=True):
        assert page["number"] == rec["page_number"]
        assert page["running_title"] == rec["running_title"]
        assert [x["role"] for x in page["lines"]] == rec["roles"]
        want = {int(k): v for k, v in (rec.get("hyphens") or {}).items()
                if v in ("join", "keep", "space")}
        got = {i: x["hyphen"] for i, x in enumerate(page["lines"]) if x["hyphen"]}
        assert got == want
        fields = ("marker", "lines", "continued")
        assert [{k: fn[k] for k in fields} for fn in page["footnotes"]] == [
            {k: fn.get(k, False if k == "continued" else None) for k in fields}
            for fn in rec.get("footnotes") or []
        ]
        assert [fn["anchor"] and {k: fn["anchor"][k] for k in ("line", "start", "end")}
                for fn in page["footnotes"]] == [fn.get("anchor")
                                                 for fn in rec.get("footnotes") or []]


@pytest.mark.parametrize(
    "name", ["en/tpus22.txt", "dta/gerber1865.txt", "dta/jhering1852.txt", "en/fshs1908h.txt"]
)
def test_pipeline_output_valid_against_the_schema(name: str) -> None:
    path = shared("corpus", *name.split("/"))
    VALIDATOR.validate(written(analyse(read_file(path.read_bytes(), str(path)))))


def test_seed_through_the_pipeline_valid_against_the_schema() -> None:
    path = SAMPLES / "page-286.txt"
    doc = written(analyse(read_file(path.read_bytes(), str(path))))
    VALIDATOR.validate(doc)
    assert len(doc["pages"][0]["lines"]) == len(path.read_text(encoding="utf-8").splitlines())


def test_output_is_utf8_without_escapes() -> None:
    data = analysis.write(history_book())
    assert "\u2020".encode() in data and b"\\u2020" not in data
    assert isinstance(json.loads(data), dict)
