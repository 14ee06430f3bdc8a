"""The HTML edition in a real browser: Debian's Chromium driven by Playwright (never a
browser Playwright downloads). The page loads without console errors or network
requests, every note mark jumps to its note and the note's link back to its mark, and the
review list holds as many entries as the JSON records uncertain decisions, the parts of a
note run over a page break link to each other, and the contents lead to every division.
Skipped, with the reason, when Playwright or Chromium is not installed (CI installs both)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from html_fixtures import review_counts
from writer_fixtures import SAMPLES, history_book

import layout
from layout.model import Book
from layout.writers import analysis, html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
"""What Chromium needs on a machine without a screen or a network (and, as root, without
its sandbox); a fresh profile each run."""

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright is not installed (pip install -e '.[test]')")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=FLAGS, headless=True,
            viewport={"width": 1100, "height": 800})
        yield context
        context.close()


def open_edition(browser: Any, book: Book, tmp_path: Path) -> tuple[Any, list[str]]:
    """The book's edition opened in a new tab, and the list its problems go into: console
    errors, script errors, and any request for something outside the file."""
    path = tmp_path / "edition.html"
    path.write_bytes(html.write(book))
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning")
           else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("request", lambda r: problems.append("request " + r.url)
           if r.url != path.as_uri() else None)
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    return tab, problems


IN_VIEW = """el => { const r = el.getBoundingClientRect();
                     return r.bottom > 0 && r.top < window.innerHeight; }"""


def books() -> list[tuple[str, Book]]:
    return [("hand-made", history_book()),
            ("excerpt", layout.convert(SAMPLES / "laband1876-excerpt.txt").book)]


@pytest.mark.parametrize("name", ["hand-made", "excerpt"])
def test_the_edition_works_in_chromium(browser: Any, tmp_path: Path, name: str) -> None:
    book = dict(books())[name]
    tab, problems = open_edition(browser, book, tmp_path)
    marks = tab.eval_on_selector_all(
        "a.mark", "els => els.map(el => [el.id, el.getAttribute('href')])")
    assert marks, "the book has notes with marks"
    for mark_id, href in marks:
        tab.click(f"#{mark_id}")
        assert tab.evaluate("location.hash") == href
        note = tab.locator(href)
        assert note.evaluate(IN_VIEW), f"{href} not in view after its mark was clicked"
        back = note.locator("a.back")
        back.scroll_into_view_if_needed()
        back.click()
        assert tab.evaluate("location.hash") == f"#{mark_id}"
        assert tab.locator(f"#{mark_id}").evaluate(IN_VIEW), f"{mark_id} not in view"

    for link in tab.eval_on_selector_all(
            "a.cont-to, a.cont-from", "els => els.map(el => el.getAttribute('href'))"):
        tab.click(f"a[href='{link}'].cont-to, a[href='{link}'].cont-from")
        assert tab.evaluate("location.hash") == link
        assert tab.locator(link).evaluate(IN_VIEW), f"{link} not in view"

    sections = tab.locator("main section.div").count()
    assert tab.locator("#contents-list a").count() == sections
    if sections:
        tab.click("#toggle-contents")
        last = tab.locator("#contents-list a").last
        target = last.get_attribute("href")
        last.click()
        assert tab.evaluate("location.hash") == target
        assert tab.locator(target).evaluate(IN_VIEW)

    expected = sum(review_counts(json.loads(analysis.write(book))).values())
    assert tab.locator("#review-list li").count() == expected
    assert tab.inner_text("#review-count") == str(expected)
    assert tab.locator("#review-panel").is_hidden()
    tab.click("#toggle-review")
    assert tab.locator("#review-panel").is_visible()
    if expected:
        tab.click("#review-next")
        current = tab.locator("main [data-review].at")
        assert current.count() == 1 and current.evaluate(IN_VIEW)
        assert tab.inner_text("#review-at") == "1"
    assert problems == []
    tab.close()
