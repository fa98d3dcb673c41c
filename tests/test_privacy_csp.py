"""Privacy and a strict Content-Security-Policy. The built site, served with the header the
README gives deployers, is visited page by page (test_accessibility.py's walk, with axe in the
same visit): every request stays on the site's origin and the browser reports no CSP
violation, on load and, here, while searching, switching colours, taking a quiz and
recording a checklist. The HTML and CSS are also read for anything that
would load from elsewhere or need 'unsafe-inline'."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from helpers import REPO
from sitewalk import CSP, csp_violations


def test_the_documented_header_is_the_one_tested():
    readme = (REPO / "README.md").read_text()
    assert f"Content-Security-Policy: {CSP}" in readme


# Every page loaded under the strict header with no CSP violation and no off-origin request:
# test_accessibility.py's walk, which checks that and axe in one visit per page.


def test_search_palette_quiz_and_checklist_work_under_strict_csp(csp_page, searchable, watch):
    page = csp_page
    strict = searchable  # the real site under the strict header, with its whole search index
    page.goto(strict.url)
    page.get_by_role("textbox", name="Search").fill("grief")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    expect(page.locator(".md-search-result__item a[href*='/grief/']").first).to_be_attached()  # the whole index
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
    assert csp_violations(page) == []
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
