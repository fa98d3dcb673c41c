"""Branching scenarios in a real browser: played to each ending by keyboard, back and restart,
resumed after a reload, corrupt storage ignored with a notice, the ended event, instant
navigation, the page without JavaScript (linked sections in reading order), print, and axe
with every rule in both schemes at each state of the player.

The site is the minimal fixture tree, whose scenario is the component's example
(components/scenario/examples/sc-demo.yml): two moments, a choice that loops back to the
first, and three endings (safe, partly safe, unsafe)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

import axecheck
from helpers import BASE

PAGE = "scenarios/sc-demo/"
KEY = "sgc:scenario:sc-demo"
FIRST, SECOND = "A member arrives late", "Sam says more"
ENDINGS = {  # ending heading -> (choices in order, rating in words)
    "The group holds Sam's news": (["Welcome Sam warmly", "Thank Sam and ask"], "Safe"),
    "Sam feels advised rather than heard": (["Welcome Sam warmly", "Tell Sam what to ask"], "Partly safe"),
    "Sam leaves early": (["Carry on with the round"], "Unsafe"),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory, site_factory):
    root = tmp_path_factory.mktemp("scenario") / "content"
    shutil.copytree(BASE, root)
    return site_factory(root)


def open_fresh(page: Page, site) -> None:
    page.goto(site.url + PAGE)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.get_by_role("button", name="Restart")).to_be_visible()


def listen_for_endings(page: Page) -> None:
    page.evaluate(
        """window.__ended = []; if (!window.__listening) { window.__listening = true;
        document.addEventListener('curriculum:scenario-ended',
        ev => window.__ended.push({detail: ev.detail, bubbled: ev.target !== document})) }"""
    )


def choose_by_keyboard(page: Page, text: str) -> None:
    """Tab from wherever focus is to the choice button and press Enter: the way a keyboard
    user plays (focus sits on the moment's heading; its choices come next in tab order)."""
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        if (
            focused.count()
            and "cq-branching__choose" in (focused.get_attribute("class") or "")
            and text in focused.inner_text()
        ):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no choice button {text!r} reached by Tab")


def heading(page: Page, name: str):
    """A heading by its name (with or without its permalink)."""
    return page.get_by_role("heading", name=re.compile("^" + re.escape(name) + "( ¶)?$"))


def test_play_to_each_ending_by_keyboard(page, demo, watch):
    open_fresh(page, demo)
    for ending, (choices, rating) in ENDINGS.items():
        listen_for_endings(page)
        expect(heading(page, FIRST)).to_be_visible()
        expect(heading(page, SECOND)).to_be_hidden()
        heading(page, FIRST).focus()
        for number, choice in enumerate(choices):
            choose_by_keyboard(page, choice)
            target = ending if number == len(choices) - 1 else SECOND
            expect(heading(page, target)).to_be_focused()
            expect(page.locator(".cq-branching__chosen")).to_contain_text("You chose:")
        expect(page.locator(".cq-branching [aria-live=polite]")).to_have_text(
            f"Ending reached: {ending}. Rating: {rating.lower()}."
        )
        ending_section = page.locator("section", has=heading(page, ending))
        expect(ending_section.get_by_text(f"Rating: {rating}", exact=True)).to_be_visible()
        expect(ending_section.get_by_text("Debrief", exact=True)).to_be_visible()
        path = ending_section.get_by_role("list").last
        expect(path.get_by_role("listitem")).to_have_count(len(choices))
        expect(path.get_by_role("listitem").first).to_contain_text(f"At “{FIRST}”, you chose: {choices[0]}")
        ended = page.evaluate("window.__ended")
        assert [e["detail"] for e in ended] == [
            {
                "scenarioId": "sc-demo",
                "moduleId": "demo-module",
                "endingId": ended[0]["detail"]["endingId"],
                "rating": ended[0]["detail"]["rating"],
            }
        ]
        assert ended[0]["bubbled"] and ended[0]["detail"]["rating"] == rating.lower().replace(" ", "_")
        page.get_by_role("button", name="Play again from the start").press("Enter")
        expect(heading(page, FIRST)).to_be_focused()
        expect(page.locator(".cq-branching [aria-live=polite]")).to_have_text(f"Started again: {FIRST}.")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["v"] == 1 and sorted(stored["data"]["reached"]) == ["advice-lands-badly", "group-holds", "sam-leaves"]
    page.goto(demo.url + "progress/")
    expect(page.locator('[data-status-for="sc-demo"]')).to_have_text("3 of 3 endings reached")
    assert watch.errors == []


def test_one_moment_at_a_time_with_feedback_and_the_loop(page, demo):
    open_fresh(page, demo)
    visible = page.locator(".cq-branching__node:visible, .cq-branching__ending:visible")
    expect(visible).to_have_count(1)
    expect(page.locator(".cq-branching__feedback:visible")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Welcome Sam warmly")).click()
    expect(visible).to_have_count(1)
    chosen = page.locator(".cq-branching__chosen")
    expect(chosen).to_contain_text("A warm, open invitation leaves Sam the choice")
    expect(chosen.get_by_role("link", name="Li et al., 2024")).to_have_attribute("href", re.compile("#ref-li2024$"))
    page.get_by_role("button", name=re.compile("^Pause, and welcome Sam again")).click()  # back to the first moment
    expect(heading(page, FIRST)).to_be_focused()
    expect(page.locator(".cq-branching [aria-live=polite]")).to_have_text(f"Now: {FIRST}.")
    expect(page.get_by_text("Choice 3 on your path.")).to_be_visible()


def test_back_and_restart(page, demo):
    open_fresh(page, demo)
    back, restart = page.get_by_role("button", name="Back one step"), page.get_by_role("button", name="Restart")
    expect(back).to_be_disabled()
    expect(restart).to_be_disabled()
    page.get_by_role("button", name=re.compile("^Welcome Sam warmly")).press("Enter")
    page.get_by_role("button", name=re.compile("^Tell Sam what to ask")).press("Enter")
    expect(heading(page, "Sam feels advised rather than heard")).to_be_focused()
    back.press("Enter")
    expect(heading(page, SECOND)).to_be_focused()
    expect(page.locator(".cq-branching [aria-live=polite]")).to_have_text(f"Back to: {SECOND}.")
    expect(page.locator(".cq-branching__path")).to_have_count(0)
    back.press("Enter")
    expect(heading(page, FIRST)).to_be_focused()
    expect(back).to_be_disabled()
    expect(page.locator(".cq-branching__chosen")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Welcome Sam warmly")).press("Enter")
    restart.press("Enter")
    expect(heading(page, FIRST)).to_be_focused()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["data"]["steps"] == []


def test_reload_mid_path_resumes_without_taking_focus(page, demo):
    open_fresh(page, demo)
    page.get_by_role("button", name=re.compile("^Welcome Sam warmly")).click()
    page.reload()
    expect(heading(page, SECOND)).to_be_visible()
    expect(heading(page, FIRST)).to_be_hidden()
    expect(page.locator(".cq-branching__chosen")).to_contain_text("Welcome Sam warmly")
    assert page.evaluate("document.activeElement === document.body")
    page.get_by_role("button", name=re.compile("^Thank Sam and ask")).click()
    page.reload()  # an ending, shown again: no second event
    listen_for_endings(page)
    expect(heading(page, "The group holds Sam's news")).to_be_visible()
    expect(page.locator(".cq-branching__path li")).to_have_count(2)
    assert page.evaluate("window.__ended") == []


@pytest.mark.parametrize(
    "stored, notice",
    [
        ("{not json", "Saved data was damaged"),
        (json.dumps({"v": 99, "data": {}}), "another version"),
        (
            json.dumps({"v": 1, "data": {"steps": [["arrival", "welcome"], ["sam-speaks", "gone"]]}}),
            "1 saved step no longer fits",
        ),
    ],
)
def test_corrupt_or_old_storage_is_ignored_with_a_notice(page, demo, watch, stored, notice):
    page.goto(demo.url + PAGE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    page.reload()
    expect(page.locator(".cq-branching .cq-notice")).to_contain_text(notice)
    expect(page.locator(".cq-branching__node:visible, .cq-branching__ending:visible")).to_have_count(1)
    assert watch.errors == []


def test_instant_navigation_starts_the_player(page, demo, watch):
    page.goto(demo.url + "scenarios/")
    page.evaluate("localStorage.clear()")
    page.locator("article").get_by_role("link", name="A demo scenario", exact=True).click()
    expect(page).to_have_url(re.compile(r"/scenarios/sc-demo/$"))
    expect(page.get_by_role("button", name="Restart")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Carry on with the round")).click()
    expect(heading(page, "Sam leaves early")).to_be_focused()
    assert watch.errors == []


def test_without_javascript_the_scenario_reads_as_linked_sections(browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo.url + PAGE)
    headings = [h.strip().rstrip("¶").strip() for h in page.locator("article :is(h2, h3)").all_inner_texts()]
    assert headings == ["The situation", "The moments", FIRST, SECOND, "The endings", *ENDINGS, "References"]
    for link in page.locator(".cq-branching__link").all():
        target = link.get_attribute("href")
        assert target.startswith("#") and page.locator(f"[id='{target[1:]}']").count() == 1, target
    expect(page.locator(".cq-branching__feedback").first).not_to_have_attribute("open", "")
    link = page.get_by_role("link", name=re.compile("^Welcome Sam warmly"))
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#node-sam-speaks$"))
    page.get_by_role("link", name=re.compile("^Thank Sam and ask")).press("Enter")
    expect(page).to_have_url(re.compile(r"#ending-group-holds$"))
    expect(page.get_by_role("button", name="Restart")).to_have_count(0)  # no player without JavaScript
    context.close()


def test_print_is_an_outline_of_every_branch(page, demo):
    open_fresh(page, demo)
    page.get_by_role("button", name=re.compile("^Welcome Sam warmly")).click()
    page.emulate_media(media="print")
    for name in (FIRST, SECOND, *ENDINGS):
        expect(heading(page, name)).to_be_visible()
    expect(page.locator(".cq-branching__link")).to_have_count(5)
    for link in page.locator(".cq-branching__link").all():
        expect(link).to_be_visible()
    expect(page.get_by_text("A warm, open invitation leaves Sam the choice").first).to_be_visible()
    expect(page.get_by_text("Leads to the ending: Sam leaves early (unsafe)")).to_be_visible()
    for hidden in ("Restart", "Back one step"):
        expect(page.get_by_role("button", name=hidden)).to_be_hidden()
    expect(page.locator(".cq-branching__choose").first).to_be_hidden()
    expect(page.locator(".cq-branching__chosen")).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_every_rule_at_each_state(page, demo, scheme):
    page.emulate_media(color_scheme=scheme)
    open_fresh(page, demo)
    failures = {}
    states = [("start", []), ("mid-path", ["Welcome Sam warmly"]), ("ending", ["Thank Sam and ask"])]
    for state, choices in states:
        for choice in choices:
            page.get_by_role("button", name=re.compile("^" + re.escape(choice))).click()
        if found := axecheck.violations(page):
            failures[state] = found
    assert failures == {}


def shortest_paths(scenario) -> dict[str, list[tuple[str, str]]]:
    """ending id -> the shortest list of (node id, choice id) from the start that reaches it."""
    paths: dict[str, list[tuple[str, str]]] = {scenario.start: []}
    queue = [scenario.start]
    while queue:
        node = scenario.node_by_id[queue.pop(0)]
        for choice in node.choices:
            if choice.next not in paths:
                paths[choice.next] = paths[node.id] + [(node.id, choice.id)]
                if choice.next in scenario.node_by_id:
                    queue.append(choice.next)
    return {e.id: paths[e.id] for e in scenario.endings}


def test_every_repository_scenario_plays_to_every_ending(page, site, watch):
    """The repository's own scenarios, each played in the player to each of its endings."""
    from curriculum_tools.check import check
    from helpers import REPO

    scenarios = check(REPO).curriculum.scenarios
    assert scenarios
    for scenario in scenarios:
        page.goto(site.url + f"scenarios/{scenario.id}/")  # a fresh context: nothing stored yet
        player = page.locator('[data-module="scenario"]')
        for ending_id, steps in shortest_paths(scenario).items():
            for node_id, choice_id in steps:
                player.locator(f'section:has([id="node-{node_id}"]) button[data-choice="{choice_id}"]').click()
            expect(player.locator(f'[id="ending-{ending_id}"]')).to_be_focused()
            expect(player.locator(".cq-branching__path li")).to_have_count(len(steps))
            player.get_by_role("button", name="Play again from the start").click()
        stored = json.loads(page.evaluate(f"localStorage.getItem('sgc:scenario:{scenario.id}')"))
        assert sorted(stored["data"]["reached"]) == sorted(e.id for e in scenario.endings), scenario.id
    assert watch.errors == []
