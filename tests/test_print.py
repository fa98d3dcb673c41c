"""Print: module and checklist pages print their content only, in dark ink whatever the screen
scheme, with quiz explanations and the addresses of outside links; the printable edition
holds every module and quiz on one page, with unique ids and working links, and prints one
module per sheet."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

MODULE = "grief/gl-models-of-grief/"
CHECKLIST = "supervisors/observed-group-session/"
PRINT = "print/"
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-top"]


@pytest.fixture(scope="module")
def curriculum():
    from curriculum_tools.check import check
    from helpers import REPO

    return check(REPO).curriculum


def test_module_prints_content_only_with_explanations_and_link_addresses(page, site):
    page.goto(site.url + MODULE)
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".cq-explanation").first).to_be_visible()
    expect(page.get_by_role("button", name="Check answers")).to_be_hidden()
    outside = page.locator(".cq-references a[href^='http']").first
    after = outside.evaluate("a => getComputedStyle(a, '::after').content")
    assert outside.get_attribute("href") in after


def test_dark_scheme_prints_dark_ink_on_white(page, site):
    page.emulate_media(color_scheme="dark")
    page.goto(site.url + MODULE)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    ink = page.locator("article p").first.evaluate("p => getComputedStyle(p).color")
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in re.findall(r"\d+", ink)[:3]]
    assert max(channels) < 80, ink
    assert paper in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), paper


def test_checklist_prints_its_form_without_navigation(page, site):
    page.goto(site.url + CHECKLIST)
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("article fieldset").first).to_be_visible()


def test_printable_edition_holds_every_module_and_question(page, site, curriculum):
    page.goto(site.url + PRINT)
    expect(page.get_by_role("heading", level=1, name="Printable edition")).to_be_visible()
    for track in curriculum.tracks:
        expect(page.get_by_role("heading", level=2, name=re.compile("^" + re.escape(track.title)))).to_have_count(1)
        for module in curriculum.modules_in(track.id):
            expect(page.locator(f"h3#print-{module.id}")).to_have_count(1)
            quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else None
            if quiz is None:
                continue
            for question in quiz.all_questions():
                expect(page.locator(f'[id="{module.id}--{quiz.id}--{question.id}"]')).to_have_count(1)
    # answers shown, read-only, nothing for scripts to start
    explanations = page.locator(".cq-print-edition .cq-explanation")
    assert explanations.count() > 50
    expect(explanations.first).to_be_visible()
    assert page.locator(".cq-print-edition [data-module]").count() == 0
    assert page.locator(".cq-print-edition :is(input, select, textarea, button):enabled").count() == 0
    expect(page.get_by_role("button", name="Check answers")).to_have_count(0)


def test_printable_edition_ids_are_unique_and_links_work(page, site):
    page.goto(site.url + PRINT)
    duplicates = page.evaluate(
        """(() => { const seen = {}, dup = [];
        for (const el of document.querySelectorAll('[id]')) { if (seen[el.id]) dup.push(el.id); seen[el.id] = 1; }
        return dup; })()"""
    )
    assert duplicates == []
    hrefs = page.locator("article a[href]").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    ids = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
    broken = []
    for href in hrefs:
        if href.startswith("#"):
            if href[1:] not in ids:
                broken.append(href)
        elif not urlsplit(href).scheme:
            path = urlsplit(urljoin(site.url + PRINT, href)).path.lstrip("/")
            target = Path(site.dir) / path
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(href)
    assert broken == []


def test_printable_edition_prints_a_sheet_per_module(page, site, curriculum, tmp_path):
    page.goto(site.url + PRINT)
    page.emulate_media(media="print")
    for selector in CHROME:
        expect(page.locator(selector).first).to_be_hidden()
    pdf = page.pdf(path=str(tmp_path / "curriculum.pdf"), format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages > len(curriculum.modules)


def test_links_from_a_module_are_rebased_for_the_print_page():
    from types import SimpleNamespace

    from mkdocs.utils import get_relative_url

    from curriculum_tools.site.pages.print_edition import _PrintTree

    urls = {"grief/other.md": "grief/other/", "glossary.md": "glossary/"}
    tree = _PrintTree(
        None, "m--", SimpleNamespace(src_uri="grief/m.md"), "print/", lambda src, frm: get_relative_url(urls[src], frm)
    )
    assert tree.rebase("#refs") == "#m--refs"
    assert tree.rebase("other.md#s") == "../grief/other/#s"
    assert tree.rebase("../glossary.md") == "../glossary/"
    assert tree.rebase("img/a.png", page=False) == "../grief/img/a.png"
    assert tree.rebase("https://doi.org/10.1/x") == "https://doi.org/10.1/x"
    offline = _PrintTree(
        None,
        "m--",
        SimpleNamespace(src_uri="grief/m.md"),
        "print.html",
        lambda src, frm: get_relative_url(src.replace(".md", ".html"), frm),
    )
    assert offline.rebase("other.md") == "grief/other.html"


def test_printable_edition_shows_every_answer_from_the_model(site, curriculum):
    """Ordering items in the right order, matching as prompt -> match, right options marked,
    true/false answers: read from the built page and compared with the model."""
    import html as html_lib

    page = (Path(site.dir) / "print" / "index.html").read_text()
    for quiz in curriculum.quizzes:
        for q in quiz.all_questions():
            start = page.index(f'id="{quiz.module_id}--{quiz.id}--{q.id}"')
            block = (
                page[start : page.index("</div>", page.index('class="cq-answer__prompt"', start))]
                if q.type != "scenario"
                else ""
            )
            if q.type == "ordering":
                order = re.findall(r"<li>(.*?)</li>", block.split('class="cq-answer__order">')[1].split("</ol>")[0])
                assert [html_lib.unescape(re.sub("<[^>]+>", "", x)) for x in order] == [
                    re.sub(r"[*_`]", "", text) for _, text in q.items
                ], q.id
            elif q.type == "matching":
                pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block)
                assert len(pairs) == len(q.pairs), q.id
            elif q.type in ("single_choice", "multiple_choice"):
                assert block.count("cq-answer--right") == sum(o.correct for o in q.options), q.id
            elif q.type == "true_false":
                assert f"Right answer:</strong> {'True' if q.answer else 'False'}" in block, q.id
