"""Take my progress with me (issue 16, item 1): the progress page exports every quiz's saved
state as one file (schemas/progress-export.schema.json) and imports it in another browser
by merging. Each browser here is a fresh context (its own storage), as another computer
would be. The file format is held to its JSON Schema by the jsonschema library; the
merge rules themselves are unit-tested in tests/js/transfer.test.js."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from playwright.sync_api import expect

import axecheck
from helpers import FIXTURES, REPO, open_quiz
from test_quiz import QUIZ_PAGE, STORE_KEY, answer_all_right, check, press_on, quiz_tree, result

SCHEMA = json.loads((REPO / "schemas" / "progress-export.schema.json").read_text())
CASES = FIXTURES / "progress-export"
SITE = "Leading support groups in advanced cancer"  # mkdocs.yml site_name


@pytest.mark.parametrize("path", sorted((CASES / "valid").glob("*.json")), ids=lambda p: p.name)
def test_valid_fixtures_meet_the_schema(path):
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(path.read_text()))


@pytest.mark.parametrize("path", sorted((CASES / "invalid").glob("*.json")), ids=lambda p: p.name)
def test_invalid_fixtures_fail_the_schema(path):
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(json.loads(path.read_text())))


@pytest.fixture(scope="module")
def practice(tmp_path_factory, site_factory):
    return site_factory(quiz_tree(tmp_path_factory.mktemp("transfer"), "practice"))


@pytest.fixture
def fresh(browser):
    """A new browser context per call: another computer, with empty storage."""
    contexts = []

    def make():
        contexts.append(browser.new_context(accept_downloads=True))
        page = contexts[-1].new_page()
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
        return page

    yield make
    for context in contexts:
        context.close()


def export(page, reflections=False) -> bytes:
    box = page.get_by_label(re.compile("^Include my written reflections"))
    if reflections != box.is_checked():
        press_on(box)
    with page.expect_download() as info:
        press_on(page.get_by_role("button", name="Export my progress"), "Enter")
    download = info.value
    assert download.suggested_filename == "progress.json"
    return open(download.path(), "rb").read()


def import_file(page, files):
    page.get_by_label("Progress file (progress.json)").set_input_files(files)
    press_on(page.get_by_role("button", name="Import progress"), "Enter")


def payload(text: str | bytes, name="progress.json"):
    return {"name": name, "mimeType": "application/json", "buffer": text if isinstance(text, bytes) else text.encode()}


def test_export_import_export_gives_the_same_bytes_and_the_schema_accepts_it(practice, fresh):
    first = fresh()
    open_quiz(first, practice.url + QUIZ_PAGE)
    answer_all_right(first)
    check(first)
    first.goto(practice.url + "progress/")
    without = export(first)
    data = json.loads(without)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["site"] == SITE and data["version"] == 1
    quiz = data["quizzes"]["demo-module-quiz"]
    assert quiz["best"]["percent"] == 100 and len(quiz["attempts"]) == 1
    assert "q-reflect" not in quiz["answers"] and b"unease" not in without  # reflections only when asked
    with_reflections = export(first, reflections=True)
    assert (
        json.loads(with_reflections)["quizzes"]["demo-module-quiz"]["answers"]["q-reflect"]
        == "I noticed my own unease."
    )

    second = fresh()
    second.goto(practice.url + "progress/")
    expect(second.locator('[data-status-for="demo-module"]')).to_have_text("Not started")
    import_file(second, payload(with_reflections))
    status = second.locator(".cq-transfer__status")
    expect(status).to_have_text("Progress imported: 1 quiz updated, 1 attempt added, 0 things to check (listed below).")
    expect(status).to_be_focused()
    expect(second.locator('[data-status-for="demo-module"]')).to_have_text(re.compile(r"^Passed: 6 of 6 \(100%\) on "))
    assert export(second, reflections=True) == with_reflections
    # the quiz page in the second browser shows the imported answers, checked, and the reflection
    open_quiz(second, practice.url + QUIZ_PAGE)
    expect(result(second)).to_contain_text("6 of 6 (100%), passed")
    expect(second.get_by_label("Your reflection")).to_have_value("I noticed my own unease.")
    assert first.errors == [] and second.errors == []


def test_merge_keeps_both_histories_and_lists_conflicts(practice, fresh):
    first = fresh()
    open_quiz(first, practice.url + QUIZ_PAGE)
    answer_all_right(first)
    check(first)
    first.goto(practice.url + "progress/")
    file = export(first, reflections=True)

    other = fresh()
    open_quiz(other, practice.url + QUIZ_PAGE)
    press_on(other.get_by_label("The second", exact=True))  # wrong, a different answer
    other.get_by_label("Your reflection").focus()
    other.keyboard.type("Written on the other computer.")
    check(other)
    expect(result(other)).to_contain_text("Attempt 1")
    before = json.loads(other.evaluate(f"localStorage.getItem('{STORE_KEY}')"))["data"]
    other.goto(practice.url + "progress/")
    import_file(other, payload(file))
    expect(other.locator(".cq-transfer__status")).to_contain_text("1 attempt added, 2 things to check")
    report = other.locator(".cq-transfer__report")
    expect(report.get_by_role("heading", name="Kept in this browser")).to_be_visible()
    expect(report.get_by_role("listitem")).to_have_text(
        [
            re.compile(r"^A demo module: your current answers here differ"),
            re.compile(r"^A demo module: a written reflection here differs"),
        ]
    )
    after = json.loads(other.evaluate(f"localStorage.getItem('{STORE_KEY}')"))["data"]
    assert after["answers"] == before["answers"]  # nothing here overwritten
    assert sorted(a["percent"] for a in after["attempts"]) == sorted([100] + [a["percent"] for a in before["attempts"]])
    expect(other.locator('[data-status-for="demo-module"]')).to_have_text(
        re.compile(r"^Passed: 6 of 6")
    )  # the best is kept
    # importing the same file again adds nothing
    import_file(other, payload(file))
    expect(other.locator(".cq-transfer__status")).to_contain_text("0 quizzes updated, 0 attempts added")
    assert axecheck.violations(other) == []
    assert other.errors == []


HOSTILE = "<img src=x onerror=\"document.title='pwned'\">"


def file_of(**changes) -> str:
    data = {"format": "curriculum-progress", "version": 1, "site": SITE, "quizzes": {}}
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            file_of(site=HOSTILE),
            "This progress file comes from another site (“" + HOSTILE + "”), so it cannot be imported here.",
        ),
        (
            file_of(version=2),
            "This progress file was made by a newer version of the site (format 2; this page reads format 1).",
        ),
        ('{"format": "curriculum-progress", "vers', "This file is not a progress file: it is not valid JSON."),
        (
            file_of(
                quizzes={
                    "demo-module-quiz": {
                        "answers": {"q-single": 5},
                        "orders": {},
                        "checked": False,
                        "attempts": [],
                        "best": None,
                    }
                }
            ),
            "the progress for quiz “demo-module-quiz” is not in the expected form",
        ),
    ],
    ids=["other-site-with-markup", "newer-version", "broken-json", "wrong-shape"],
)
def test_hostile_or_wrong_files_are_refused_and_nothing_changes(practice, fresh, text, message):
    page = fresh()
    open_quiz(page, practice.url + QUIZ_PAGE)
    press_on(page.get_by_label("The first", exact=True))
    check(page)
    before = page.evaluate(f"localStorage.getItem('{STORE_KEY}')")
    page.goto(practice.url + "progress/")
    import_file(page, payload(text))
    problem = page.get_by_role("alert")
    expect(problem).to_contain_text(message)
    expect(problem).to_contain_text("Nothing in this browser was changed.")
    expect(problem).to_be_focused()
    assert page.locator(".cq-transfer img").count() == 0 and page.title() != "pwned"
    assert page.evaluate(f"localStorage.getItem('{STORE_KEY}')") == before
    assert page.errors == []


def test_a_50_mb_file_is_refused_before_it_is_read(practice, fresh, tmp_path):
    big = tmp_path / "progress.json"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    page = fresh()
    page.goto(practice.url + "progress/")
    page.evaluate("""() => { window.readCalls = 0; const read = FileReader.prototype.readAsText;
        FileReader.prototype.readAsText = function (...a) { window.readCalls++; return read.apply(this, a); }; }""")
    import_file(page, str(big))
    expect(page.get_by_role("alert")).to_contain_text(
        "This file is too large to be a progress file (the limit is 5 MB)."
    )
    assert page.evaluate("window.readCalls") == 0
    assert page.errors == []


def test_imported_text_with_markup_stays_text(practice, fresh):
    """A reflection carrying markup is imported as text and shown as text, never as HTML."""
    data = json.loads(
        file_of(
            quizzes={
                "demo-module-quiz": {
                    "answers": {"q-reflect": HOSTILE + "<script>document.title='pwned'</script>"},
                    "orders": {},
                    "checked": False,
                    "attempts": [],
                    "best": None,
                    "module": "demo-module",
                }
            }
        )
    )
    page = fresh()
    page.goto(practice.url + "progress/")
    import_file(page, payload(json.dumps(data)))
    expect(page.locator(".cq-transfer__status")).to_contain_text("1 quiz updated")
    open_quiz(page, practice.url + QUIZ_PAGE)
    expect(page.get_by_label("Your reflection")).to_have_value(
        data["quizzes"]["demo-module-quiz"]["answers"]["q-reflect"]
    )
    assert page.locator("article img[src=x]").count() == 0 and page.title() != "pwned"
    assert page.errors == []


def test_export_and_import_from_the_offline_edition_on_disk(offline, fresh):
    """From file:// (the offline edition): a file input and a Blob link, nothing fetched."""
    from test_offline import MODULE, not_local, url

    first = fresh()
    requests = []
    first.on("request", lambda r: requests.append(r.url))
    open_quiz(first, url(offline, MODULE))
    quiz = first.locator("section.cq-quiz")
    quiz.locator("fieldset.cq-question").first.get_by_role("radio").first.check()
    quiz.get_by_role("button", name="Check answers").click()
    first.goto(url(offline, "progress.html"))
    data = export(first)
    assert json.loads(data)["quizzes"]
    second = fresh()
    second.on("request", lambda r: requests.append(r.url))
    second.goto(url(offline, "progress.html"))
    import_file(second, payload(data))
    expect(second.locator(".cq-transfer__status")).to_contain_text("1 quiz updated, 1 attempt added")
    expect(second.locator('[data-status-for="gl-models-of-grief"]')).not_to_have_text("Not started")
    assert export(second) == data
    assert not_local(requests) == [] and first.errors == [] and second.errors == []
