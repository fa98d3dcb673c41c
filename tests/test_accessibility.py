"""axe on every page of the built site in the light scheme and on one page of every kind in the
dark one (the schemes differ only in colour), and keyboard walks through a quiz and
a checklist. axe runs every rule it has, best-practice and experimental included, except the
AAA ones (the site's target is WCAG 2.2 AA)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import open_quiz
from sitewalk import site_pages, walk

QUIZ_MODULE = "grief/gl-models-of-grief/"
CHECKLIST = "supervisors/observed-group-session/"


def page_kinds(pages: list[str]) -> dict[str, str]:
    """One page of every kind the site has: kind -> page (site-relative url)."""
    kinds: dict[str, str] = {}
    for rel in pages:
        parts = rel.strip("/").split("/") if rel else []
        if not parts:
            kind = "home"
        elif parts[0] == "supervisors":
            kind = "supervisors/" + (
                "index" if len(parts) == 1 else parts[1] if parts[1] == "dashboard" else "checklist"
            )
        elif parts[0] in ("schemas",):
            continue
        elif parts[0] == "scenarios":
            kind = "scenarios/index" if len(parts) == 1 else "scenario"
        else:
            kind = parts[0] if len(parts) == 1 else "module"
            if len(parts) == 1 and Path(parts[0]).name in TRACK_IDS:
                kind = "track"
        kinds.setdefault(kind, rel)
    return kinds


TRACK_IDS: set[str] = set()


def live_size(html_file: Path) -> int:
    """A page's size without its <template>s: what is in its document for axe to check (the
    Review page is 1.4 MB on disk, about 0.1 MB of it outside its questions' templates)."""
    return len(re.sub(r"<template\b.*?</template>", "", html_file.read_text(encoding="utf-8"), flags=re.S))


def shards(site_dir: Path, pages: list[str], n: int) -> list[list[str]]:
    """The pages in n shards of about equal cost, so that pytest-xdist's workers share the
    walk evenly: axe's time grows a little faster than a page's size (the printable edition,
    13 times a module page, takes about 30 times as long), so each page weighs its live size
    to the power 1.4 and the heaviest go first to the lightest shard."""
    weight = {rel: live_size(site_dir / rel / "index.html") ** 1.4 for rel in pages}
    out: list[list[str]] = [[] for _ in range(n)]
    load = [0.0] * n
    for rel in sorted(pages, key=lambda r: (-weight[r], r)):
        i = load.index(min(load))
        out[i].append(rel)
        load[i] += weight[rel]
    return out


SHARDS = 6


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_has_no_axe_violations_light(csp_page, strict, watch, shard):
    """Every page (both languages) in one visit each, under the strict CSP header: axe with
    every rule but AAA, and no CSP violation, off-origin request or console error (the
    privacy walk of test_privacy_csp.py, here so that no page is loaded twice). The printable
    edition (about 1.3 MB) is checked whole: in parts it was slower (each part re-walks the
    page) and would miss page-level rules."""
    pages = site_pages(strict.dir)
    assert len(pages) > 20 and "print/" in pages
    assert walk(csp_page, strict, shards(strict.dir, pages, SHARDS)[shard], watch, "light") == {}


@pytest.mark.parametrize("shard", range(2))
def test_one_page_of_every_kind_has_no_axe_violations_dark(csp_page, strict, watch, shard):
    from curriculum_tools.check import check
    from helpers import REPO

    TRACK_IDS.update(t.id for t in check(REPO).curriculum.tracks)
    kinds = page_kinds(site_pages(strict.dir))
    assert {
        "home",
        "track",
        "module",
        "glossary",
        "progress",
        "review",
        "print",
        "supervisors/index",
        "supervisors/checklist",
        "supervisors/dashboard",
        "scenarios/index",
        "scenario",
    } <= set(kinds)
    assert walk(csp_page, strict, shards(strict.dir, sorted(kinds.values()), 2)[shard], watch, "dark") == {}


def tab_until(page, predicate: str, limit: int = 400) -> int:
    """Press Tab until the focused element satisfies a JS predicate (el => bool)."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }})()"):
            return presses
    raise AssertionError(f"never reached {predicate} in {limit} presses of Tab")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """(() => { const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; })()"""
    )


def test_keyboard_walk_through_a_quiz(page, site, watch):
    open_quiz(page, site.url + QUIZ_MODULE)
    tab_until(page, "el => el.matches('fieldset.cq-question input')")
    first = page.locator("fieldset.cq-question").first
    expect(first.get_by_role("radio").first).to_be_focused()
    assert focus_is_visible(page)
    page.keyboard.press("ArrowDown")  # moves within the radio group and selects
    expect(first.get_by_role("radio").nth(1)).to_be_checked()
    tab_until(page, "el => el.matches('button.cq-check')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    result = page.locator(".cq-quiz__result")
    expect(result).to_have_attribute("aria-live", "polite")
    expect(result).to_contain_text(re.compile(r"\d+ of \d+"))
    expect(first.locator(".cq-explanation")).to_be_visible()
    assert watch.errors == []


def test_keyboard_walk_through_a_checklist(page, site, watch):
    page.goto(site.url + CHECKLIST)
    expect(page.get_by_role("heading", name="Records in this browser")).to_be_visible()
    tab_until(page, "el => el.labels && [...el.labels].some(l => l.textContent.includes('Trainee'))")
    assert focus_is_visible(page)
    page.keyboard.type("Trainee 02")
    tab_until(page, "el => el.type === 'radio'")
    radio = page.locator(":focus")
    group = page.locator("fieldset", has=radio).first
    page.keyboard.press("ArrowRight")
    expect(group.get_by_role("radio").nth(1)).to_be_checked()
    expect(page.get_by_role("status").first).to_contain_text("Saved in this browser")
    assert watch.errors == []
