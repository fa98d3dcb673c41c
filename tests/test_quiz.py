"""Quizzes in a real browser, by keyboard: every question type, feedback, scoring, partial
credit, hints, retry, exam mode, persistence (reload and instant navigation), corrupt
storage, the progress page and the navigation mark, and axe in light and dark.

The site is the minimal fixture tree (one quiz with every question type) built with the
repository's own mkdocs.yml, theme overrides and assets."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

import axecheck
from helpers import BASE, open_quiz

QUIZ_PAGE = "demo/demo-module/"
STORE_KEY = "sgc:quiz:demo-module-quiz"


def quiz_tree(tmp_path, mode: str):
    root = tmp_path / f"content-{mode}"
    shutil.copytree(BASE, root)
    quiz = root / "quizzes" / "demo-module-quiz.yml"
    quiz.write_text(quiz.read_text().replace("mode: practice", f"mode: {mode}"))
    return root


@pytest.fixture(scope="module")
def practice(tmp_path_factory, site_factory):
    return site_factory(quiz_tree(tmp_path_factory.mktemp("quiz"), "practice"))


@pytest.fixture(scope="module")
def exam(tmp_path_factory, site_factory):
    return site_factory(quiz_tree(tmp_path_factory.mktemp("exam"), "exam"))


def question(page: Page, qid: str):
    return page.locator(f'fieldset[data-question-id="{qid}"]')


def press_on(locator, key="Space"):
    locator.focus()
    locator.page.keyboard.press(key)


def put_in_order(page: Page, qid: str, wanted: list[str]):
    """Reorder with the Move up buttons, by keyboard, like a selection sort."""
    fs = question(page, qid)
    for target, text in enumerate(wanted):
        for _ in range(len(wanted)):
            texts = fs.locator(".cq-order__text").all_inner_texts()
            at = texts.index(text)
            if at == target:
                break
            press_on(fs.locator("li").nth(at).get_by_role("button", name="Move up"), "Enter")
        else:
            raise AssertionError(f"could not move {text} to position {target + 1}")


def choose_match(page: Page, label: str, wanted: str):
    select = page.get_by_label(label, exact=True)
    select.focus()
    for _ in range(6):
        if select.evaluate("s => s.options[s.selectedIndex].text") == wanted:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {wanted} for {label}")


def answer_all_right(page: Page):
    press_on(page.get_by_label("The first", exact=True))
    press_on(page.get_by_label("First thing", exact=True))
    press_on(page.get_by_label("Second thing", exact=True))
    press_on(question(page, "q-tf").get_by_label("False", exact=True))
    put_in_order(page, "q-order", ["One", "Two", "Three"])
    choose_match(page, "Cat", "Meow")
    choose_match(page, "Dog", "Woof")
    press_on(page.get_by_label("Listen", exact=True))
    page.get_by_label("Your reflection").focus()
    page.keyboard.type("I noticed my own unease.")


def check(page: Page, name="Check answers"):
    press_on(page.get_by_role("button", name=name), "Enter")


def result(page: Page):
    return page.locator(".cq-quiz__result")


def test_every_type_answered_by_keyboard_scores_full_marks(page, practice, watch):
    open_quiz(page, practice.url + QUIZ_PAGE)
    answer_all_right(page)
    check(page)
    expect(result(page)).to_have_text(re.compile(r"^6 of 6 \(100%\), passed\."))
    expect(result(page)).to_be_focused()
    for qid in ("q-single", "q-multi", "q-tf", "q-order", "q-match", "q-case"):
        expect(question(page, qid).locator(".cq-question__status")).to_have_text("Correct: 1 of 1 point.")
    expect(question(page, "q-single").locator(".cq-feedback:visible")).to_have_text("Your answer: right. Right.")
    expect(question(page, "q-order").get_by_text("In place.").first).to_be_visible()
    # reflection: never scored, its guidance is shown
    expect(question(page, "q-reflect").get_by_text("Consider your own reactions.")).to_be_visible()
    assert watch.errors == []


def test_the_quiz_is_laid_out_at_once_and_holds_a_press_until_its_code_arrives(page, practice):
    """A module page's bundle has only the quiz's layout (components/quiz/layout.js): the
    ordering question is shuffled before the quiz's code loads, answers chosen meanwhile
    count, and Check answers pressed meanwhile is made again once the code has arrived."""
    held = []
    page.route("**/assets/javascripts/curriculum-quiz.*.js", lambda route: held.append(route))
    page.goto(practice.url + QUIZ_PAGE, wait_until="domcontentloaded")
    order = question(page, "q-order").locator("[data-item-id]")
    expect(order.first).to_be_attached()
    page.wait_for_function("document.querySelector('[data-laid-out]')")
    assert order.evaluate_all("els => els.map(e => e.dataset.itemId)") != ["one", "two", "three"]
    press_on(page.get_by_label("The first", exact=True))  # right, chosen before the code arrived
    check(page)
    page.wait_for_timeout(300)  # the press is held: nothing is checked yet
    assert held and result(page).inner_text() == ""
    assert page.locator("[data-quiz-init]").count() == 0
    for route in held:
        route.continue_()
    expect(result(page)).to_have_text(re.compile(r"^1 of 6 \(17%\), not yet passed"))
    expect(result(page)).to_be_focused()
    saved = json.loads(page.evaluate(f"localStorage.getItem({STORE_KEY!r})"))
    assert saved["data"]["answers"]["q-single"] == "a" and saved["data"]["attempts"][0]["score"] == 1


def test_feedback_partial_credit_and_section_links(page, practice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    press_on(page.get_by_label("The second", exact=True))  # wrong
    press_on(page.get_by_label("First thing", exact=True))  # one of two right: 0.5
    press_on(question(page, "q-tf").get_by_label("True", exact=True))  # wrong
    choose_match(page, "Cat", "Meow")
    choose_match(page, "Dog", "Moo")  # one of two pairs: 0.5
    press_on(page.get_by_label("Listen", exact=True))  # right
    check(page)
    expect(result(page)).to_have_text(re.compile(r"^2 of 6 \(33%\), not yet passed: the pass mark is 70%"))
    single = question(page, "q-single")
    expect(single.get_by_text("No, that is second.")).to_be_visible()
    expect(single.locator('[data-option-id="b"] .cq-mark')).to_have_text("Your answer: not right.")
    expect(single.get_by_text("The right answer.")).to_be_visible()  # shows which was right
    expect(single.get_by_text("The first thing comes first.")).to_be_visible()
    link = single.get_by_role("link", name="Read the section again")
    assert link.get_attribute("href").endswith("#the-first-thing")
    expect(question(page, "q-multi").locator(".cq-question__status")).to_have_text("Partly correct: 0.5 of 1 point.")
    expect(question(page, "q-match").get_by_text("The right match: Woof")).to_be_visible()
    expect(question(page, "q-order").locator(".cq-question__status")).to_have_text("Not answered: 0 of 1 point.")


def test_hint_is_revealed_on_request(page, practice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    button = page.get_by_role("button", name="Show hint")
    expect(page.get_by_text("The first one.")).to_be_hidden()
    press_on(button, "Enter")
    expect(page.get_by_text("The first one.")).to_be_visible()
    expect(page.get_by_role("button", name="Hide hint")).to_have_attribute("aria-expanded", "true")


def test_ordering_moves_are_announced_and_keep_focus(page, practice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    fs = question(page, "q-order")
    second = fs.locator("li").nth(1)
    text = second.locator(".cq-order__text").inner_text()
    up = second.get_by_role("button", name="Move up")
    press_on(up, "Enter")
    assert fs.locator(".cq-order__text").first.inner_text() == text
    expect(fs.locator("li").first.get_by_role("button", name="Move up")).to_be_focused()
    expect(fs.locator(".cq-order__live")).to_have_text(f"“{text}” moved to position 1 of 3.")
    page.keyboard.press("Enter")
    expect(fs.locator(".cq-order__live")).to_have_text(f"“{text}” is already first.")


def test_answers_persist_across_reload_and_instant_navigation(page, practice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    press_on(page.get_by_label("The first", exact=True))
    choose_match(page, "Cat", "Meow")
    put_in_order(page, "q-order", ["One", "Two", "Three"])
    page.get_by_label("Your reflection").fill("Kept across pages.")
    page.reload()
    expect(page.get_by_label("The first", exact=True)).to_be_checked()
    expect(page.get_by_label("Cat", exact=True)).to_have_value("p1")
    expect(question(page, "q-order").locator(".cq-order__text")).to_have_text(["One", "Two", "Three"])
    expect(page.get_by_label("Your reflection")).to_have_value("Kept across pages.")
    # instant navigation away and back (Material swaps the page without a reload)
    page.get_by_role("link", name="My progress").first.click()
    expect(page.get_by_role("heading", level=1, name="My progress")).to_be_visible()
    page.go_back()
    expect(page.get_by_label("The first", exact=True)).to_be_checked()
    check(page)
    expect(result(page)).to_contain_text("Attempt 1")
    page.reload()
    expect(result(page)).to_contain_text("Attempt 1")  # the checked attempt is shown again
    expect(page.get_by_role("button", name="Try again")).to_be_visible()


def test_retry_reshuffles_keeps_reflection_and_records_attempts(page, practice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    answer_all_right(page)
    check(page)
    press_on(page.get_by_role("button", name="Try again"), "Enter")
    expect(page.get_by_label("The first", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Your reflection")).to_have_value("I noticed my own unease.")
    order = question(page, "q-order").locator(".cq-order__text").all_inner_texts()
    assert order != ["One", "Two", "Three"]  # a new shuffled start, never the answer
    press_on(page.get_by_label("The second", exact=True))
    check(page)
    expect(result(page)).to_contain_text("Attempt 2; your best is 100%.")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
    assert stored["v"] == 1
    assert [a["passed"] for a in stored["data"]["attempts"]] == [True, False]


def test_exam_mode_lists_unanswered_then_reviews(page, exam):
    open_quiz(page, exam.url + QUIZ_PAGE)
    press_on(page.get_by_label("The first", exact=True))
    choose_match(page, "Cat", "Meow")  # one pair of two: still unanswered
    check(page, "Submit answers")
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Answer every question before you submit")
    links = summary.get_by_role("link")
    expect(links).to_have_text(["Question 2", "Question 3", "Question 4", "Question 5", "Question 6"])
    press_on(links.first, "Enter")
    expect(page.get_by_label("First thing", exact=True)).to_be_focused()
    expect(result(page)).to_have_text("")  # nothing scored yet
    answer_all_right(page)
    press_on(page.get_by_label("The first", exact=True))  # Space on a checked radio keeps it
    check(page, "Submit answers")
    expect(summary).to_be_hidden()
    expect(result(page)).to_have_text(re.compile(r"^6 of 6 \(100%\), passed"))
    # review: every question shows its feedback and explanation
    expect(page.locator(".cq-explanation:visible")).to_have_count(7)


def test_progress_page_and_navigation_mark_after_passing(page, practice):
    page.goto(practice.url + "progress/")
    status = page.locator('[data-status-for="demo-module"]')
    expect(status).to_have_text("Not started")
    expect(page.get_by_text("self-assessment", exact=False).first).to_be_visible()
    open_quiz(page, practice.url + QUIZ_PAGE)
    answer_all_right(page)
    check(page)
    expect(page.locator(".md-nav__link .cq-done").first).to_be_attached()
    page.goto(practice.url + "progress/")
    expect(status).to_have_text(re.compile(r"^Passed: 6 of 6 \(100%\) on "))
    expect(page.get_by_role("status").first).to_contain_text("You have passed 1 of 1 module quiz.")
    page.get_by_role("button", name="Reset my progress").click()
    press_on(page.get_by_role("button", name="Yes, delete my progress"), "Enter")
    expect(status).to_have_text("Not started")
    assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None


@pytest.mark.parametrize(
    "stored, notice",
    [
        ("{not json", "damaged"),
        ('{"v": 0, "data": {"answers": {"q-single": "a"}}}', "another version"),
        ('"a string"', "another version"),
    ],
)
def test_corrupt_or_old_storage_is_ignored_with_a_notice(page, practice, watch, stored, notice):
    open_quiz(page, practice.url + QUIZ_PAGE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, stored])
    page.reload()
    expect(page.locator(".cq-notice")).to_contain_text(notice)
    expect(page.get_by_label("The first", exact=True)).not_to_be_checked()
    press_on(page.get_by_label("The first", exact=True))
    check(page)
    expect(result(page)).to_contain_text("Attempt 1")
    page.goto(practice.url + "progress/")
    expect(page.locator('[data-status-for="demo-module"]')).to_contain_text("In progress")
    assert watch.errors == []


def test_unknown_question_ids_are_dropped_and_the_rest_kept(page, practice, watch):
    open_quiz(page, practice.url + QUIZ_PAGE)
    data = {"v": 1, "data": {"answers": {"q-single": "a", "q-removed": "b"}, "attempts": []}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(data)])
    page.reload()
    expect(page.get_by_label("The first", exact=True)).to_be_checked()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
    assert "q-removed" not in stored["data"]["answers"]
    assert watch.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_page_has_no_axe_violations(page, practice, scheme):
    page.emulate_media(color_scheme=scheme)
    open_quiz(page, practice.url + QUIZ_PAGE)
    press_on(page.get_by_label("The second", exact=True))
    press_on(page.get_by_role("button", name="Show hint"), "Enter")
    check(page)  # feedback and marks shown too
    assert axecheck.violations(page) == []


def test_quiz_works_when_reached_by_instant_navigation(page, practice, watch):
    page.goto(practice.url + "progress/")
    page.get_by_role("link", name="A demo module").first.click()
    press_on(page.get_by_label("The first", exact=True))
    check(page)
    expect(result(page)).to_contain_text("Attempt 1")
    assert watch.errors == []


def test_quizzes_are_not_in_the_search_index(site):
    """Answers and feedback stay out of search results; the module text is still indexed."""
    docs = json.loads((site.dir / "search" / "search_index.json").read_text())["docs"]
    text = " ".join(doc["text"] for doc in docs)
    assert "Check answers" not in text and "Explanation:" not in text
    assert "therapeutic factors" in text.lower()
    page = (site.dir / "group-process" / "gp-therapeutic-factors" / "index.html").read_text()
    assert 'data-module="quiz"' in page and "cq-quiz-slot" not in page


def test_a_stored_answer_of_the_wrong_shape_is_dropped_and_the_quiz_still_starts(page, practice, watch):
    """Issue 12: a stored null for a matching question stopped the quiz from starting at all."""
    open_quiz(page, practice.url + QUIZ_PAGE)
    data = {
        "v": 1,
        "data": {
            "answers": {"q-match": None, "q-multi": "a", "q-single": "a"},
            "orders": {"q-order": 7},
            "attempts": [None],
        },
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(data)])
    page.reload()
    expect(page.locator(".cq-notice")).to_contain_text("2 saved answers could not be used and were dropped")
    expect(page.get_by_label("The first", exact=True)).to_be_checked()  # the sound answer is kept
    choose_match(page, "Cat", "Meow")
    check(page)
    expect(result(page)).to_contain_text("Attempt 1.")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))["data"]
    assert stored["answers"]["q-match"] == {"p1": "p1", "p2": ""} and "q-multi" not in stored["answers"]
    assert watch.errors == []


def test_ordering_items_are_shuffled_once_by_the_browser_not_by_the_build(page, practice):
    built = (practice.dir / QUIZ_PAGE / "index.html").read_text()
    texts = re.findall(r'<span class="cq-order__text"[^>]*>([^<]*)</span>', built)
    assert texts == ["One", "Two", "Three"], "the build renders ordering items in the authored order"
    open_quiz(page, practice.url + QUIZ_PAGE)
    order = question(page, "q-order").locator(".cq-order__text").all_inner_texts()
    assert sorted(order) == ["One", "Three", "Two"] and order != ["One", "Two", "Three"]  # shuffled, never the answer
    page.reload()
    assert (
        question(page, "q-order").locator(".cq-order__text").all_inner_texts() == order
    )  # once: kept, not shuffled again


def test_navigation_marks_follow_the_module_id_not_a_stored_address(page, practice):
    """A passed quiz saved while the site lived elsewhere still marks its module."""
    page.goto(practice.url + "progress/")
    data = {
        "v": 1,
        "data": {
            "answers": {},
            "attempts": [{"date": "2026-11-20T10:00:00Z", "score": 6, "total": 6, "percent": 100, "passed": True}],
            "module": "demo-module",
            "page": "/where/the/site/used/to/be/demo/demo-module/",
        },
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(data)])
    page.reload()
    link = page.locator(".md-nav--primary .md-nav__link").filter(has_text="A demo module").first
    expect(link.locator(".cq-done")).to_be_attached()
    expect(page.locator('[data-status-for="demo-module"]')).to_have_text(re.compile(r"^Passed: 6 of 6"))
