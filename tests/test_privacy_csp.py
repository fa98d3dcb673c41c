"""Privacy and a strict Content-Security-Policy. The built site, served with the header the
README gives deployers, is visited page by page: every request stays on the site's origin
and the browser reports no CSP violation, on load and while searching, switching colours,
taking a quiz and recording a checklist. The HTML and CSS are also read for anything that
would load from elsewhere or need 'unsafe-inline'."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import SiteServer, free_port
from helpers import REPO
from sitewalk import site_pages

CSP = "default-src 'self'"
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.fixture(scope="module")
def strict(site):
    server = SiteServer(site.dir, free_port(), {"Content-Security-Policy": CSP})
    server.dir = site.dir
    yield server
    server.close()


@pytest.fixture
def csp_page(page):
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.csp_console = console
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__csp || []") + page.csp_console


def test_the_documented_header_is_the_one_tested():
    readme = (REPO / "README.md").read_text()
    assert f"Content-Security-Policy: {CSP}" in readme


@pytest.mark.parametrize("shard", range(2))  # so that both pytest-xdist workers share the walk
def test_every_page_loads_with_no_csp_violation_and_no_off_origin_request(csp_page, strict, watch, shard):
    page = csp_page
    failures = {}
    pages = site_pages(strict.dir)
    assert len(pages) > 20
    for rel in pages[shard::2]:
        watch.requests.clear()
        page.csp_console.clear()
        page.goto(strict.url + rel)
        page.wait_for_load_state("load")
        problems = violations(page) + [f"off-origin request {u}" for u in watch.off_origin(strict.url.rstrip("/"))]
        if problems:
            failures[rel or "/"] = problems
    assert failures == {}
    assert watch.errors == []


def test_search_palette_quiz_and_checklist_work_under_strict_csp(csp_page, strict, watch):
    page = csp_page
    page.goto(strict.url)
    page.get_by_role("textbox", name="Search").fill("grief")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    page.keyboard.press("Escape")
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # instant navigation, then a quiz
    page.get_by_role("link", name="Grief and loss").first.click()
    page.get_by_role("link", name=re.compile("^Models of grief")).first.click()
    quiz = page.locator("section.cq-quiz")
    quiz.locator("fieldset.cq-question").first.get_by_role("radio").first.check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".cq-quiz__result")).to_contain_text(re.compile(r"\d+ of \d+"))
    # the saved colour scheme comes back on a full load (md-palette.js)
    page.goto(strict.url + "supervisors/observed-group-session/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_label("Trainee (name or code)").fill("Trainee 03")
    page.get_by_label("Trainee (name or code)").press("Tab")
    expect(page.get_by_role("status").first).to_contain_text("Saved in this browser")
    page.goto(strict.url + "progress/")
    expect(page.locator('[data-status-for="gl-models-of-grief"]')).not_to_have_text("Not started")
    assert violations(page) == []
    assert watch.off_origin(strict.url.rstrip("/")) == []
    assert watch.errors == []


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.I)
EXTERNAL = re.compile(r"<(?:script|img|iframe|audio|video|source|embed|object)\b[^>]*\bsrc=\"(?:https?:)?//", re.I)
EXTERNAL_LINK = re.compile(r"<link\b(?![^>]*rel=\"canonical\")[^>]*href=\"(?:https?:)?//", re.I)


def test_built_html_and_css_need_nothing_inline_and_nothing_from_elsewhere(site):
    problems = []
    for path in sorted(site.dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(site.dir)
        for name, pattern in (
            ("inline script", INLINE_SCRIPT),
            ("event handler attribute", HANDLER),
            ("inline style", STYLE),
            ("off-site resource", EXTERNAL),
            ("off-site link", EXTERNAL_LINK),
        ):
            for match in pattern.finditer(text):
                problems.append(f"{rel}: {name}: {match.group(0)[:80]}")
    for path in sorted(site.dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"url\(\s*[\"']?(?:https?:|//|data:)[^)]{0,40}|@import[^;]{0,60}", text):
            problems.append(f"{path.relative_to(site.dir)}: {match.group(0)}")
    assert problems == []


def test_no_analytics_and_no_web_fonts():
    config = (REPO / "mkdocs.yml").read_text()
    assert "analytics" not in config
    assert re.search(r"^\s+font: false$", config, re.M)
