"""Running titles in their one form: letter-spacing closed up, OCR slips outvoted."""

from __future__ import annotations

from lxml import etree

from layout.model import Book, Line, Page, Role
from layout.passes.furniture import title_forms
from layout.writers import tei

BODY = "The Florida territory sent papers; territorial papers of Florida territory went on."


def book_of(titles: list[str]) -> Book:
    pages = tuple(
        Page(lines=(Line(t, role=Role.RUNNING_TITLE), Line(BODY)), running_title=t)
        for t in titles
    )
    return Book(pages=pages, language="en")


def test_the_commonest_reading_of_a_cluster_is_its_form() -> None:
    titles = ["FLORIDA TERRITORY"] * 4 + ["FLOR1DA TERRITORY", "F L OR I D A T E R R IT OR Y"]
    titles += ["TERRITORIAL PAPERS"] * 3 + ["TERRITORI.ALPAPERS"]
    marked = title_forms.mark(book_of(titles))
    forms = [page.running_title_form for page in marked.pages]
    assert forms == ["FLORIDA TERRITORY"] * 6 + ["TERRITORIAL PAPERS"] * 4
    assert [page.running_title for page in marked.pages] == titles  # the printed stays


def test_letter_spacing_is_closed_up_into_the_books_words() -> None:
    vocabulary = title_forms._vocabulary(book_of(["x", "y"]))
    assert title_forms.normalised("T E R R IT OR I. A L PA P E R S", vocabulary) == (
        "TERRITORIAL PAPERS"
    )
    assert title_forms.normalised("Z w e i t e s   B u c h .", vocabulary) == "Zweites Buch."
    assert title_forms.normalised("§ .   2 9 .   D e r   M o n a r c h", vocabulary) == (
        "§. 29. Der Monarch"
    )
    assert title_forms.normalised("D e r   M.o n a r c h   .", vocabulary) == "Der Monarch."
    assert title_forms.normalised("Die  Lehre , erster Theil", vocabulary) == (
        "Die Lehre, erster Theil"
    )


def test_the_tei_offers_the_form_beside_the_printed_title() -> None:
    marked = title_forms.mark(book_of(["FLORIDA TERRITORY"] * 2 + ["FLOR1DA TERRITORY"]))
    doc = etree.fromstring(tei.write(marked))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    plain = doc.xpath("//t:fw[@type='header'][not(t:choice)]/text()", namespaces=ns)
    assert plain == ["FLORIDA TERRITORY"] * 2
    (choice,) = doc.xpath("//t:fw/t:choice", namespaces=ns)
    assert choice.findtext("t:orig", namespaces=ns) == "FLOR1DA TERRITORY"
    assert choice.findtext("t:reg", namespaces=ns) == "FLORIDA TERRITORY"


def test_a_reading_like_two_clusters_joins_them_so_the_whole_run_votes() -> None:
    # the first page's slip is too far from the second's to cluster with it; the third
    # page is like both
    titles = ["Der geometrlsche Stil.", "Dcr geometrische Stil."]
    titles += ["Der geometrische Stil."] * 5
    marked = title_forms.mark(book_of(titles))
    assert {page.running_title_form for page in marked.pages} == {"Der geometrische Stil."}


def test_each_page_keeps_the_numbers_its_title_prints() -> None:
    titles = ["Zweites Buch. §. 162.", "Zweites Buch. §. 163.", "Zweiies Buch. §. 165."]
    titles += ["Zweites Buch. §. 165.", "Zweites Buch. §. 170."]
    marked = title_forms.mark(book_of(titles))
    forms = [page.running_title_form for page in marked.pages]
    assert forms == [
        "Zweites Buch. §. 162.", "Zweites Buch. §. 163.", "Zweites Buch. §. 165.",
        "Zweites Buch. §. 165.", "Zweites Buch. §. 170.",
    ]


def test_a_title_that_lost_its_section_number_between_two_pages_of_the_section_takes_it() -> None:
    # the printer (or the OCR) left `§. 217.` off two pages of § 217's run
    titles = ["§. 217. Formulae. (Fortſetzung.)", "Formulae. (Fortſetzung.)",
              "Formulae. (Fortſetzung.)", "§. 217. Formulae. (Fortſetzung.)",
              "§. 217. Formulae. (Fortſetzung.)"]
    marked = title_forms.mark(book_of(titles))
    assert [page.running_title_form for page in marked.pages] == (
        ["§. 217. Formulae. (Fortſetzung.)"] * 5
    )
    assert marked.pages[1].running_title == "Formulae. (Fortſetzung.)"  # as printed


def test_a_title_without_the_number_keeps_its_own_where_the_sections_around_it_differ() -> None:
    titles = ["§. 216. Formulae.", "§. 216. Formulae.", "Formulae.", "§. 218. Formulae.",
              "§. 218. Formulae."]
    marked = title_forms.mark(book_of(titles))
    forms = [page.running_title_form for page in marked.pages]
    assert forms == ["§. 216. Formulae.", "§. 216. Formulae.", "Formulae.",
                     "§. 218. Formulae.", "§. 218. Formulae."]


def test_a_title_without_the_number_at_the_run_s_start_keeps_its_own() -> None:
    titles = ["Formulae.", "§. 216. Formulae.", "§. 216. Formulae."]
    marked = title_forms.mark(book_of(titles))
    assert marked.pages[0].running_title_form == "Formulae."
