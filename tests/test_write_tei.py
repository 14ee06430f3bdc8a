"""The TEI writer, feature by feature, on books whose every decision is set by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from lxml import etree
from test_write_tei_layout import assert_text_is_the_input
from writer_fixtures import (
    ROOT,
    SAMPLES,
    TEI,
    assert_lossless,
    assert_valid,
    documents_book,
    history_book,
    layout_rng,
    note_lines,
    outline_book,
    page,
    seed_book,
    xp,
)

from layout.model import FURNITURE, Anchor, Book, Footnote, Hyphen, Line, Metadata, Page, Role
from layout.writers import tei

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def layout_schema() -> etree.RelaxNG:
    return layout_rng()


def parse(book: Book) -> etree._Element:
    """The TEI tree as the writer builds it, before its layout white space (which
    test_write_tei_layout checks): the element structure these tests are about."""
    return tei.build(book)


# -- pages and furniture ---------------------------------------------------------------


def test_one_pb_per_page_with_printed_or_bracketed_number() -> None:
    doc = parse(history_book())
    assert [pb.get("n") for pb in xp(doc, "//t:pb")] == ["12", "[13]", "14"]


def test_page_without_any_number_has_pb_without_n() -> None:
    book = Book(pages=(page([("Just text.", Role.BODY)]), page([("More.", Role.BODY)])))
    pbs = xp(parse(book), "//t:pb")
    assert len(pbs) == 2 and all(pb.get("n") is None for pb in pbs)


def test_head_line_splits_into_page_number_and_running_title() -> None:
    doc = parse(history_book())
    first = xp(doc, "//t:pb[@n='12']/following-sibling::t:fw[position() <= 2]")
    assert [(fw.get("type"), fw.get("place"), fw.text) for fw in first] == [
        ("pageNum", "top", "12"), ("header", "top", "A HISTORY OF THINGS"),
    ]


def test_number_on_the_right_of_the_head_line() -> None:
    line = "THE TILSIT PEACE      287"
    book = Book(pages=(Page((Line(line, role=Role.HEADER), Line("Text.")), number="287",
                            number_line=0, number_span=(22, 25)),))
    fws = xp(parse(book), "//t:fw")
    assert [(fw.get("type"), fw.text) for fw in fws] == [
        ("header", "THE TILSIT PEACE"), ("pageNum", "287"),
    ]


@pytest.mark.parametrize(
    ("text", "role", "kind", "place"),
    [
        ("B 2", Role.SIGNATURE, "sig", "bottom"),
        ("ment", Role.CATCHWORD, "catch", "bottom"),
        ("Digitized by Google", Role.FOOTER, "footer", "bottom"),
        ("14", Role.PAGE_NUMBER, "pageNum", "bottom"),
        ("THINGS IN GENERAL", Role.RUNNING_TITLE, "header", "top"),
    ],
)
def test_furniture_types_and_places(text: str, role: Role, kind: str, place: str) -> None:
    fw = [f for f in xp(parse(history_book()), "//t:fw") if f.text == text]
    assert len(fw) == 1
    assert (fw[0].get("type"), fw[0].get("place")) == (kind, place)


def test_page_of_furniture_only_places_by_position() -> None:
    rows = [("xii", Role.PAGE_NUMBER), ("", Role.BLANK), ("", Role.BLANK),
            ("Digitized by Google", Role.FOOTER)]
    fws = xp(parse(Book(pages=(page(rows),))), "//t:fw")
    assert [fw.get("place") for fw in fws] == ["top", "bottom"]


# -- lines, blocks, paragraphs -----------------------------------------------------------


def test_every_printed_line_has_one_lb_and_furniture_none() -> None:
    book = history_book()
    doc = parse(book)
    printed = [line for pg in book.pages for line in pg.lines if line.text.strip()]
    furniture = [line for line in printed if line.role in FURNITURE]
    assert len(xp(doc, "//t:lb")) == len(printed) - len(furniture)
    assert len(xp(doc, "//t:lb")) == 15  # 7 + 2 + 1 text lines, 1 + 4 note lines
    assert xp(doc, "//t:fw/t:lb") == []


def test_headings_and_paragraphs_in_a_div() -> None:
    doc = parse(history_book())
    divs = xp(doc, "//t:body/t:div")
    assert len(divs) == 1
    heads = xp(divs[0], "t:head")
    # a heading over two lines (the Heading on both, a start on the first) is one head
    assert ["".join(h.itertext()) for h in heads] == ["CHAPTER IThe Beginning"]
    assert len(xp(heads[0], "t:lb")) == 2
    assert (divs[0].get("type"), divs[0].get("n")) == ("chapter", "I")
    assert len(xp(divs[0], "t:p")) == 2


def test_headings_open_nested_divs_with_their_type_and_number(
        layout_schema: etree.RelaxNG) -> None:
    doc = parse(outline_book())
    top = xp(doc, "//t:body/t:div")
    assert [(d.get("type"), d.get("n")) for d in top] == [("chapter", "1"), ("chapter", "2")]
    heads = xp(top[0], "t:head")
    assert len(heads) == 1 and len(xp(heads[0], "t:lb")) == 2  # label and title: one head
    assert "".join(heads[0].itertext()) == "ERSTES CAPITEL.Der Monarch."
    section = xp(top[0], "t:div")
    assert [(d.get("type"), d.get("n")) for d in section] == [("section", "1")]
    assert [d.get("n") for d in xp(section[0], "t:div")] == ["a"]
    assert xp(section[0], "t:div/t:p") and not xp(section[0], "t:p")
    assert_valid(layout_schema, tei.write(outline_book()))


def test_title_page_goes_in_front_with_its_parts() -> None:
    doc = parse(documents_book())
    front = xp(doc, "//t:text/t:front")
    assert len(front) == 1 and xp(front[0], "t:pb")
    page = xp(front[0], "t:titlePage")[0]
    assert ["".join(x.itertext()) for x in xp(page, "t:docTitle/t:titlePart")] == [
        "Briefwechſelzwiſchen Schiller und Goethe."]
    assert "".join(xp(page, "t:byline")[0].itertext()) == "VonDr. Karl Muſter."
    assert xp(page, "t:titlePart[@type='desc']") and xp(page, "t:docImprint")
    assert xp(front[0], "t:p")  # prose on the title page's page stays prose
    assert xp(doc, "//t:body/t:div[@type='letter']")


def test_a_letter_opens_with_dateline_and_salute_and_closes_with_signature() -> None:
    doc = parse(documents_book())
    letter = xp(doc, "//t:div[@type='letter']")[0]
    tags = [etree.QName(el).localname for el in letter if el.tag != f"{TEI}pb"]
    assert tags == ["head", "opener", "p", "list", "lg", "closer"]
    assert [etree.QName(el).localname for el in xp(letter, "t:opener/*")] == [
        "dateline", "salute"]
    assert [etree.QName(el).localname for el in xp(letter, "t:closer/*")] == [
        "salute", "signed"]


def test_numbered_items_form_one_list_each_item_numbered_its_label_kept() -> None:
    doc = parse(documents_book())
    items = xp(doc, "//t:list/t:item")
    assert [item.get("n") for item in items] == ["1", "2"]
    assert "".join(items[0].itertext()) == "1. Die Vorrede."
    assert len(xp(items[1], "t:lb")) == 2
    assert [len(xp(lg, "t:l")) for lg in xp(doc, "//t:lg")] == [2]


def test_documents_are_valid_and_lossless(layout_schema: etree.RelaxNG) -> None:
    book = documents_book()
    assert_valid(layout_schema, tei.write(book))
    assert_text_is_the_input(book, tei.write(book))


def test_heading_after_paragraphs_opens_a_new_div() -> None:
    rows = [("First chapter text.", Role.BODY, {"paragraph_start": True}),
            ("CHAPTER II", Role.HEADING, {"paragraph_start": True}),
            ("Second chapter text.", Role.BODY, {"paragraph_start": True})]
    doc = parse(Book(pages=(page(rows),)))
    divs = xp(doc, "//t:body/t:div")
    assert len(divs) == 2
    assert [child.tag for child in divs[1]] == [f"{TEI}head", f"{TEI}p"]


def test_paragraph_over_page_breaks_holds_the_pb_and_top_fw() -> None:
    doc = parse(history_book())
    first, second = xp(doc, "//t:body//t:p")
    assert xp(first, "t:pb/@n") == ["[13]"]
    after_pb = xp(first, "t:pb/following-sibling::*[1]")[0]
    assert after_pb.tag == f"{TEI}fw" and after_pb.text == "THINGS IN GENERAL"
    assert "ment goes on here." in "".join(first.itertext())
    assert xp(second, "t:pb/@n") == ["14"]
    assert xp(second, "t:lb")[-1].tail == "it goes on without a break."


def test_new_paragraph_at_page_top_puts_pb_between_paragraphs() -> None:
    rows1 = [("End of a paragraph.", Role.BODY, {"paragraph_start": True})]
    rows2 = [("Start of another.", Role.BODY, {"paragraph_start": True})]
    doc = parse(Book(pages=(page(rows1), page(rows2))))
    assert xp(doc, "//t:body//t:p//t:pb") == []
    assert [el.tag for el in xp(doc, "//t:div")[0]] == [f"{TEI}{t}" for t in ("pb", "p", "pb", "p")]


def test_page_without_text_keeps_the_paragraph_open() -> None:
    rows1 = [("A paragraph that", Role.BODY, {"paragraph_start": True})]
    plate = [("Digitized by Google", Role.FOOTER)]
    rows3 = [("goes on after a plate.", Role.BODY)]
    doc = parse(Book(pages=(page(rows1), page(plate), page(rows3))))
    assert len(xp(doc, "//t:body//t:p")) == 1 and len(xp(doc, "//t:body//t:p/t:pb")) == 2


# -- hyphens --------------------------------------------------------------------------


def serial(el: etree._Element) -> str:
    """The element serialised without namespace declarations, for substring checks."""
    text = etree.tostring(el, encoding="unicode", with_tail=False)
    return text.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_join_marks_the_hyphen_weak_and_glues_the_next_line() -> None:
    xml = serial(parse(history_book()))
    assert 'con<pc force="weak">-</pc><lb break="no"/>flicting' in xml


def test_keep_leaves_the_hyphen_and_glues() -> None:
    xml = serial(parse(history_book()))
    assert 'well-<lb break="no"/>known' in xml


def test_space_is_plain_with_an_ordinary_lb() -> None:
    xml = serial(parse(history_book()))
    assert "Vater-<lb/>und" in xml


def test_undecided_is_pc_inter() -> None:
    xml = serial(parse(history_book()))
    assert 'un<pc force="inter">-</pc><lb break="no"/>clear' in xml


def test_join_across_the_page_break_with_furniture_between() -> None:
    doc = parse(history_book())
    pc = xp(doc, "//t:pc[preceding-sibling::node()[1]"
                 "[substring(., string-length(.) - 3) = 'argu']]")
    assert len(pc) == 1
    between = [el.tag.replace(TEI, "") for el in pc[0].itersiblings()][:5]
    assert between == ["fw", "fw", "pb", "fw", "lb"]  # sig, catch | pb | running title
    lb = xp(doc, "//t:pb[@n='[13]']/following-sibling::t:lb[1]")[0]
    assert lb.get("break") == "no" and lb.tail.startswith("ment goes on")


def test_hyphen_sign_other_than_hyphen_minus_is_kept_in_pc() -> None:
    rows = [("Die Verfas\u2e17", Role.BODY, {"hyphen": Hyphen.JOIN}), ("sung.", Role.BODY)]
    xml = serial(parse(Book(pages=(page(rows),))))
    assert 'Verfas<pc force="weak">\u2e17</pc><lb break="no"/>sung.' in xml


def test_join_on_a_line_without_a_sign_only_glues() -> None:
    rows = [("odd decision", Role.BODY, {"hyphen": Hyphen.JOIN}), ("al line.", Role.BODY)]
    xml = serial(parse(Book(pages=(page(rows),))))
    assert "<pc" not in xml and 'odd decision<lb break="no"/>al line.' in xml


def test_hyphen_in_a_continued_note_glues_over_the_page() -> None:
    doc = parse(history_book())
    first = xp(doc, "//t:note[@next]")[0]
    second = xp(doc, f"//t:note[@xml:id='{first.get('next')[1:]}']")[0]
    assert serial(first).endswith('goes on<pc force="weak">-</pc></note>')
    assert second[0].tag == f"{TEI}lb" and second[0].get("break") == "no"
    assert second[0].tail == "ward and ends here."


# -- footnotes ------------------------------------------------------------------------


def test_note_stands_at_its_anchor_with_the_mark_in_n() -> None:
    doc = parse(history_book())
    note = xp(doc, "//t:note[@n='*']")[0]
    assert note.getparent().tag == f"{TEI}p"
    assert (note.getprevious().tail or "").endswith("flicting accounts")
    assert note.tail.startswith(" abound")
    assert xp(note, "t:label/text()") == ["*"]
    assert note_lines(note) == ["* A note that goes on-"]  # the space after the label kept


def test_seed_notes_follow_man_and_observer() -> None:
    doc = parse(seed_book())
    for n, before in (("1", "man."), ("2", "observer.")):
        note = xp(doc, f"//t:note[@n='{n}']")[0]
        assert note.get("place") == "foot"
        prev = note.getprevious()
        assert prev.tag == f"{TEI}lb" and prev.tail == before
        assert note.get("anchored") is None and note.get("cert") is None
    assert xp(doc, "//t:note[@n='1']/t:label/text()") == ["1"]


def test_uncertain_anchor_has_cert_low() -> None:
    note = xp(parse(history_book()), "//t:note[@n='\u2020']")[0]
    assert note.get("cert") == "low"
    assert (note.getprevious().tail or "").endswith("goes on here.")


def test_unanchored_note_at_end_of_page_text_says_so() -> None:
    doc = parse(history_book())
    note = xp(doc, "//t:note[@n='\u2021']")[0]
    assert note.get("anchored") == "false"
    # after the page's last text line, before the next page
    last_line = xp(note, "preceding::t:lb[not(ancestor::t:note)][1]")[0]
    assert last_line.tail == "Second paragraph, line one."
    assert xp(note, "following::t:pb[1]/@n") == ["14"]


def test_stray_note_lines_become_an_unanchored_note() -> None:
    doc = parse(history_book())
    notes = [n for n in xp(doc, "//t:note") if "stray line" in "".join(n.itertext())]
    assert len(notes) == 1 and notes[0].get("anchored") == "false"
    assert notes[0].get("n") is None


def test_parts_over_pages_linked_by_next_and_prev() -> None:
    doc = parse(history_book())
    first = xp(doc, "//t:note[@n='*']")[0]
    part = xp(doc, "//t:note[@prev]")
    assert len(part) == 1
    assert first.get("next") == "#" + part[0].get(XML_ID)
    assert part[0].get("prev") == "#" + first.get(XML_ID)
    assert part[0].get("n") is None


def test_continued_part_without_earlier_note_is_not_linked() -> None:
    book = Book(pages=(page([("Text.", Role.BODY), ("rest of a note", Role.FOOTNOTE)],
                            footnotes=(Footnote(None, (1,), continued=True),)),))
    note = xp(parse(book), "//t:note")[0]
    assert note.get("prev") is None and note.get("anchored") == "false"


def test_bad_anchor_spans_do_not_lose_text() -> None:
    rows = [("A line with a mark1 here.", Role.BODY), ("1 Note one.", Role.FOOTNOTE),
            ("2 Note two.", Role.FOOTNOTE)]
    notes = (
        Footnote("1", (1,), anchor=Anchor(0, 18, 19), label_end=2),
        Footnote("2", (2,), anchor=Anchor(0, 17, 19), label_end=2),  # overlaps the first
        Footnote("3", (), anchor=Anchor(0, 90, 95)),  # past the end of the line
    )
    book = Book(pages=(page(rows, footnotes=notes),))
    data = tei.write(book)
    assert_lossless(book, data)


def test_xml_ids_unique_and_pointers_resolve(layout_schema: etree.RelaxNG) -> None:
    assert_valid(layout_schema, tei.write(history_book()))


# -- header ---------------------------------------------------------------------------


def test_header_from_metadata() -> None:
    doc = parse(history_book())
    assert xp(doc, "//t:titleStmt/t:title/text()") == ["A History of Things"]
    assert xp(doc, "//t:titleStmt/t:author/text()") == ["Anon."]
    bibl = xp(doc, "//t:sourceDesc/t:bibl")[0]
    assert xp(bibl, "t:publisher/text()") == ["Test Press, 1901"]
    assert xp(bibl, "t:idno[@type='handle']/text()") == ["https://hdl.handle.net/2027/test.000"]
    assert xp(bibl, "t:availability/t:p/text()") == ["Public Domain"]
    assert xp(bibl, "t:note[@type='digitizedBy']/text()") == ["Google"]
    assert xp(doc, "//t:extent/t:measure/@quantity") == ["3"]
    assert xp(doc, "//t:langUsage/t:language/@ident") == ["en"]
    assert xp(doc, "/t:TEI/t:text/@xml:lang") == ["en"]


def test_title_falls_back_to_the_input_name() -> None:
    book = replace(history_book(), metadata=Metadata(source="/some/where/book.txt"))
    assert xp(parse(book), "//t:titleStmt/t:title/text()") == ["book.txt"]


def test_encoding_desc_says_what_was_decided() -> None:
    doc = parse(history_book())
    hyph = xp(doc, "//t:editorialDecl/t:hyphenation")[0]
    assert hyph.get("eol") == "all"
    said = "".join(hyph.itertext())
    assert "3 join" in said and "1 keep" in said and "1 space" in said and "1 undecided" in said
    assert "by vocabulary" in said
    interp = "".join(xp(doc, "//t:editorialDecl/t:interpretation")[0].itertext())
    assert "4 footnote parts" in interp and "1 whose mark was not found" in interp
    assert "1 part continuing" in interp and "2 heading lines" in interp
    seg = "".join(xp(doc, "//t:editorialDecl/t:segmentation")[0].itertext())
    assert "(2 pages)" in seg and "(1 page)" in seg  # printed numbers, inferred numbers
    assert xp(doc, "//t:appInfo/t:application/@ident") == ["layout"]


def test_characters_xml_cannot_hold_are_replaced_and_counted(
    layout_schema: etree.RelaxNG,
) -> None:
    book = Book(pages=(page([("bad \x01 byte\x0b here", Role.BODY)]),))
    data = tei.write(book)
    assert_valid(layout_schema, data)
    assert "bad \ufffd byte\ufffd here" in data.decode("utf-8")
    assert "2 characters that XML cannot hold" in data.decode("utf-8")


def test_odd_language_and_version_do_not_break_validity(layout_schema: etree.RelaxNG) -> None:
    book = replace(history_book(), language="not a language!")
    doc = etree.fromstring(tei.write(book))
    assert xp(doc, "//t:langUsage") == []
    assert_valid(layout_schema, tei.write(book))


def test_golden_history_book(golden: Callable[[str, str], None]) -> None:
    doc = etree.fromstring(tei.write(history_book()))
    golden("history-book.tei.xml", etree.tostring(doc, encoding="unicode", pretty_print=True))


def test_golden_seed_page(golden: Callable[[str, str], None]) -> None:
    doc = etree.fromstring(tei.write(seed_book()))
    golden("seed-page.tei.xml", etree.tostring(doc, encoding="unicode", pretty_print=True))


def test_empty_book_still_valid(layout_schema: etree.RelaxNG) -> None:
    assert_valid(layout_schema, tei.write(Book(pages=())))


def test_the_readme_shows_the_seed_page_as_the_command_writes_it() -> None:
    import layout

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```xml\n", readme.index("The seed page (`samples/page-286.txt`)"))
    shown = readme[start + len("```xml\n"):readme.index("```", start + 7)]
    written = layout.convert(SAMPLES / "page-286.txt").tei().decode("utf-8")
    assert shown.strip().startswith("<text") and shown in written
