"""The real site in a real browser: home and a module open with no console errors and no
request leaving 127.0.0.1."""

from __future__ import annotations

from playwright.sync_api import expect


def test_home_page_opens_cleanly(page, site, watch):
    page.goto(site.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Leading support groups")
    expect(page.get_by_role("link", name="Grief and loss").first).to_be_visible()
    assert watch.errors == []
    assert watch.off_origin(site.url.rstrip("/")) == []


def test_module_page_renders_from_the_model(page, site, watch):
    page.goto(site.url + "group-process/gp-therapeutic-factors/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("What you will be able to do")).to_be_visible()
    expect(page.get_by_role("heading", name="References")).to_be_visible()
    # citations link to the reference list
    first_cite = page.locator("a.cq-cite").first
    # Material's instant navigation may rewrite the href to an absolute URL; the
    # fragment is what matters
    href = first_cite.get_attribute("href")
    fragment = href.partition("#")[2]
    assert fragment.startswith("ref-"), href
    expect(page.locator("#" + fragment)).to_have_count(1)
    # the quiz is rendered as HTML, first question is a fieldset with a legend
    expect(page.locator("fieldset.cq-question legend").first).to_be_visible()
    assert watch.errors == []
    assert watch.off_origin(site.url.rstrip("/")) == []


def test_instant_navigation_keeps_pages_working(page, site, watch):
    page.goto(site.url)
    page.get_by_role("link", name="My progress").first.click()
    expect(page.get_by_role("heading", level=1, name="My progress")).to_be_visible()
    assert watch.errors == []
