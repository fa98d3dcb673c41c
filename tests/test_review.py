"""Spaced review (issue 17, item 5): a question got wrong in a module quiz is due on the
Review page after its Leitner interval, moves on when answered right there, comes back
sooner when answered wrong; the navigation and My progress count what is due; stored data
that cannot be used gives a notice. The clock is fixed (page.clock), never waited for."""

from __future__ import annotations

import datetime as dt
import json
import re

from playwright.sync_api import expect

import axecheck
from helpers import open_quiz
from test_accessibility import focus_is_visible, tab_until

MODULE = "grief/gl-models-of-grief/"
QUIZ = "gl-models-of-grief-quiz"
FIRST = "tasks-not-stages"  # its right answer is option a
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def at(page, when: dt.datetime) -> None:
    page.clock.set_fixed_time(when)


def scored_questions(page) -> int:
    config = json.loads(page.locator("section.cq-quiz").get_attribute("data-config"))
    return len(config["key"])


def get_first_wrong(page, site) -> int:
    """In the module quiz, answer the first question wrong and check: every question not
    answered right (here all of them) enters box 1. Returns how many are scored."""
    open_quiz(page, site.url + MODULE)
    quiz = page.locator("section.cq-quiz")
    quiz.locator(f'fieldset[data-question-id="{FIRST}"]').get_by_role("radio").nth(1).check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".cq-quiz__result")).to_contain_text("not yet passed")
    return scored_questions(page)


def item(page, key: str = f"{QUIZ}/{FIRST}"):
    return page.locator(f'.cq-review__item[data-key="{key}"]')


def due_badge(page):
    return page.locator(".md-nav--primary .md-nav__link .cq-due").first


def test_wrong_question_is_due_after_the_interval_moves_on_when_right_and_back_sooner_when_wrong(page, site, watch):
    at(page, T0)
    n = get_first_wrong(page, site)
    assert n > 3
    # not yet due: box 1 is one day
    at(page, T0 + DAY - dt.timedelta(minutes=1))
    page.goto(site.url + "review/")
    summary_ = page.locator(".cq-review__summary")
    expect(summary_).to_contain_text("Nothing is due for review now")
    expect(summary_).to_contain_text(f"Scheduled for later: {n}")
    expect(item(page)).to_be_hidden()
    # the questions wait in <template>s: none is in the page's document until it is due
    expect(page.locator(".cq-review__item")).to_have_count(0)
    expect(due_badge(page)).to_be_hidden()
    # one day later: due, in the navigation's count too
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    expect(summary_).to_have_text(f"Questions due now: {n}.")
    expect(page.locator(".cq-review__item:visible")).to_have_count(n)
    expect(page.locator(".cq-review__item")).to_have_count(n)
    expect(due_badge(page)).to_have_text(f" ({n} due)")
    # the count is on the link to the Review page, not on the links to its sections
    expect(page.locator('.md-nav__link[href*="#"] .cq-due')).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(rf"^Review \({n} due\)$")).first).to_be_attached()
    first = item(page)
    expect(first.get_by_role("heading", level=4)).to_have_text(re.compile("Models of grief"))
    expect(first.locator(".cq-explanation")).to_be_hidden()
    # answered right: the quiz's own feedback, and box 2 (due in 3 days)
    first.get_by_role("radio").first.check()
    first.get_by_role("button", name="Check answer").click()
    expect(first.locator(".cq-question__status")).to_have_text("Correct: 1 of 1 point.")
    expect(first.locator(".cq-explanation")).to_be_visible()
    expect(first.locator(".cq-feedback").first).to_contain_text("Your answer: right.")
    expect(first.locator(".cq-review__outcome")).to_contain_text("moves up to box 2 and is due again in 3 days")
    expect(first.locator(".cq-review__outcome")).to_be_focused()
    expect(summary_).to_contain_text(f"Questions due now: {n - 1}.")
    expect(due_badge(page)).to_have_text(f" ({n - 1} due)")
    # it has moved on: not due the next days, due again three days after the answer
    at(page, T0 + 3 * DAY)
    page.goto(site.url + "review/")
    expect(item(page)).to_be_hidden()
    at(page, T0 + 4 * DAY)
    page.goto(site.url + "review/")
    expect(item(page)).to_be_visible()
    # right again: box 3 (7 days) ...
    item(page).get_by_role("radio").first.check()
    item(page).get_by_role("button", name="Check answer").click()
    expect(item(page).locator(".cq-review__outcome")).to_contain_text("box 3 and is due again in 7 days")
    # ... then wrong when due: back to box 1, due the next day instead of after 16 days
    at(page, T0 + 11 * DAY)
    page.goto(site.url + "review/")
    item(page).get_by_role("radio").nth(2).check()
    item(page).get_by_role("button", name="Check answer").click()
    expect(item(page).locator(".cq-question__status")).to_have_text("Not correct: 0 of 1 point.")
    expect(item(page).locator(".cq-review__outcome")).to_contain_text("goes back to box 1 and is due again tomorrow")
    at(page, T0 + 12 * DAY)
    page.goto(site.url + "review/")
    expect(item(page)).to_be_visible()
    # My progress counts what is due, and links to the Review page
    page.goto(site.url + "progress/")
    expect(page.locator("[data-review-due]")).to_have_text(f"{n} questions due now.")
    assert watch.errors == []


def test_a_due_question_answered_right_in_the_module_quiz_moves_on_too(page, site, watch):
    at(page, T0)
    get_first_wrong(page, site)
    at(page, T0 + 2 * DAY)
    open_quiz(page, site.url + MODULE)
    quiz = page.locator("section.cq-quiz")
    quiz.get_by_role("button", name="Try again").click()
    quiz.locator(f'fieldset[data-question-id="{FIRST}"]').get_by_role("radio").first.check()
    quiz.get_by_role("button", name="Check answers").click()
    page.goto(site.url + "review/")
    expect(item(page)).to_be_hidden()
    at(page, T0 + 5 * DAY)
    page.goto(site.url + "review/")
    expect(item(page)).to_be_visible()
    assert watch.errors == []


def test_unanswered_check_asks_for_an_answer_and_changes_nothing(page, site):
    at(page, T0)
    n = get_first_wrong(page, site)
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    item(page).get_by_role("button", name="Check answer").click()
    expect(item(page).locator(".cq-review__outcome")).to_have_text("Answer the question first, then check it.")
    page.reload()
    expect(page.locator(".cq-review__summary")).to_have_text(f"Questions due now: {n}.")


def test_corrupt_or_old_stored_data_gives_a_notice_and_is_ignored(page, site, watch):
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    page.evaluate(
        """() => {
        localStorage.setItem('sgc:review', '{not json');
        localStorage.setItem('sgc:quiz:gl-models-of-grief-quiz', JSON.stringify({v: 1, data: {checked: true, answers: {},
          attempts: [{date: '2026-03-02T09:00:00Z', percent: 0, passed: false, points: {'tasks-not-stages': 'lots'}},
                     {date: '2026-03-02T09:00:00Z', percent: 0, passed: false, points: {'tasks-not-stages': 0}}]}}));
        localStorage.setItem('sgc:quiz:a-quiz-that-is-gone', JSON.stringify({v: 1, data: {checked: true,
          attempts: [{date: '2026-03-01T09:00:00Z', percent: 0, passed: false, points: {q: 0}}]}}));
    }"""
    )
    page.reload()
    notice = page.locator(".cq-review-page .cq-notice")
    expect(notice).to_contain_text("Saved data was damaged and has been ignored.")
    expect(notice).to_contain_text("1 saved answer could not be used for review and was ignored.")
    expect(notice).to_contain_text("1 scheduled question is no longer on this site")
    expect(notice).to_have_attribute("role", "status")
    # the usable attempt still counts
    expect(item(page)).to_be_visible()
    expect(page.locator(".cq-review__summary")).to_have_text("Questions due now: 1.")
    # old data (another version of the store) is ignored with a notice too
    page.evaluate("() => localStorage.setItem('sgc:review', JSON.stringify({v: 99, data: {answers: []}}))")
    page.reload()
    expect(page.locator(".cq-review-page .cq-notice")).to_contain_text(
        "Saved data from another version of this site has been ignored."
    )
    assert watch.errors == []


def test_keyboard_only_review(page, site, watch):
    at(page, T0)
    get_first_wrong(page, site)
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    tab_until(page, "el => el.matches('.cq-review__item fieldset input')")
    assert focus_is_visible(page)
    focused = page.locator(":focus")
    box = page.locator(".cq-review__item", has=focused)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")  # back to the first option, selected by the keyboard
    expect(box.get_by_role("radio").first).to_be_checked()
    tab_until(page, "el => el.matches('.cq-review__item button[type=submit]')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(box.locator(".cq-review__outcome")).to_be_focused()
    expect(box.locator(".cq-review__outcome")).to_contain_text(re.compile("box 2|leaves your review list|box 1"))
    assert watch.errors == []


def review_axe(page, site, scheme: str) -> dict:
    page.emulate_media(color_scheme=scheme)
    at(page, T0)
    get_first_wrong(page, site)
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    expect(item(page)).to_be_visible()
    failures = {}
    for when in ("due", "answered"):
        if when == "answered":
            item(page).get_by_role("radio").nth(1).check()
            item(page).get_by_role("button", name="Check answer").click()
            expect(item(page).locator(".cq-review__outcome")).not_to_be_empty()
        if found := axecheck.violations(page):
            failures[when] = found
    return failures


def test_review_page_has_no_axe_violations_light(page, site):
    assert review_axe(page, site, "light") == {}


def test_review_page_has_no_axe_violations_dark(page, site):
    assert review_axe(page, site, "dark") == {}


def test_review_page_is_documented_and_renders_the_quiz_markup(site):
    html = (site.dir / "review" / "index.html").read_text(encoding="utf-8")
    for text in (
        "1 day",
        "3 days",
        "7 days",
        "16 days",
        "35 days",
        "10.1111/j.1467-9280.2006.01693.x",
        "10.1037/0033-2909.132.3.354",
    ):
        assert text in html
    module = (site.dir / "grief" / "gl-models-of-grief" / "index.html").read_text(encoding="utf-8")
    one = re.search(rf'<fieldset class="cq-question" id="{QUIZ}--{FIRST}".*?</fieldset>', module, re.S).group(0)
    # the same question markup, but its section link points to the module page
    assert one.replace('href="#', 'href="../grief/gl-models-of-grief/#') in html
    assert 'data-slot="review"' not in html


def test_a_quiz_checked_before_review_existed_is_scheduled_from_its_answers(page, site, watch):
    """A saved attempt without points (stored before spaced review) is scored from its answers
    with the quiz's own scoring, which the Review page loads first (review.js lacksPoints):
    a question answered wrong is scheduled like any other."""
    at(page, T0)
    n = get_first_wrong(page, site)
    page.evaluate(
        """key => { const stored = JSON.parse(localStorage.getItem(key));
        stored.data.attempts.forEach(a => { delete a.points; });
        localStorage.setItem(key, JSON.stringify(stored)); }""",
        f"sgc:quiz:{QUIZ}",
    )
    at(page, T0 + DAY)
    page.goto(site.url + "review/")
    expect(page.locator(".cq-review__summary")).to_have_text(f"Questions due now: {n}.")
    expect(item(page)).to_be_visible()
    assert watch.errors == []
