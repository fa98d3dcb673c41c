"""Checklist pages: a complete paper form without JavaScript, and in a real browser a recorder
driven by keyboard that saves, reloads, exports, imports (safely) and prints."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser

import jsonschema
import pytest
from playwright.sync_api import expect

from helpers import BASE, REPO

SCHEMA = json.loads((REPO / "schemas" / "record.schema.json").read_text())
FORM = "supervisors/demo-checklist/"
XSS = "<img src=x onerror=alert(1)>"


def demo_tree(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    return root


@pytest.fixture(scope="session")
def demo(tmp_path_factory, site_factory):
    """The minimal fixture tree (one demo checklist) built with the supervisor pages and served."""
    return site_factory(demo_tree(tmp_path_factory.mktemp("demo")))


def record(**changes) -> dict:
    base = {
        "format": "supervisor-record/1",
        "id": "11111111-aaaa",
        "checklist": {"id": "demo-checklist", "version": 1},
        "trainee": "Trainee A",
        "observer": {"name": "Dr Obs", "role": "Psychologist"},
        "date": "2026-11-20",
        "context": "",
        "ratings": [{"item": "listens", "rating": "indirect"}],
        "strengths": "",
        "next_steps": "",
        "evidence_url": "",
        "signed_off": None,
        "created": "2026-11-20T10:00:00.000Z",
        "updated": "2026-11-20T10:00:00.000Z",
    }
    base.update(changes)
    return base


def upload(page, name: str, data) -> None:
    text = data if isinstance(data, str) else json.dumps(data, indent=2) + "\n"
    page.get_by_label("Import records").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": text.encode()}]
    )


def export(page, button: str = "Export this record") -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name=button, exact=True).click()
    return open(download.value.path(), "rb").read()


def valid(data: bytes) -> dict:
    parsed = json.loads(data)
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(parsed)
    return parsed


# --- the paper form, without JavaScript ------------------------------------------------


class Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs, self.labels, self.legends, self.scripts, self.stack = [], set(), 0, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("input", "textarea", "select"):
            self.inputs.append(a)
        elif tag == "label":
            self.labels.add(a.get("for"))
        elif tag == "legend":
            self.legends += 1
        elif tag == "script":
            self.scripts.append(a)


def test_checklist_page_is_a_complete_form_without_js(demo):
    site = demo.dir
    page = (site / FORM / "index.html").read_text()
    form = Form()
    form.feed(page[page.index('<div class="cr"') : page.index("</article>")])
    names = [i.get("name") for i in form.inputs]
    for name in (
        "trainee",
        "observer.name",
        "observer.role",
        "date",
        "context",
        "strengths",
        "next_steps",
        "evidence_url",
        "signed",
    ):
        assert name in names, name
    levels = ["not-observed", "direct", "indirect", "unsupervised"]
    for item in ("listens", "links"):
        assert [i["value"] for i in form.inputs if i.get("name") == f"r:{item}"] == levels
        assert f"c:{item}" in names
    assert all(i["id"] in form.labels for i in form.inputs if i.get("type") != "hidden"), "every control has a label"
    assert form.legends >= 5  # session, two items, overall, sign-off
    assert 'Listens. <strong class="cr-req">Required</strong></legend>' in page
    assert 'aria-describedby="cr-demo-checklist-sd-indirect"' in page  # scale descriptions tied to the radios
    content = page[page.index('<div class="cr"') : page.index("</article>")]
    assert (
        form.scripts == [] and "<script" not in content
    )  # no script element in the content: its data sits in an attribute
    assert 'data-module="recorder"' in page and "hidden>" in page.split('class="cr-tools"')[1][:80]
    data = json.loads(
        html.unescape(re.search(r'<div class="cr" data-module="recorder" data-config="([^"]*)">', page).group(1))
    )
    assert data["checklist"] == "demo-checklist" and data["required"] == ["listens"]
    assert data["schema"]["$defs"]["record"]["properties"]["ratings"]["items"]["properties"]["rating"]["enum"] == levels
    nav = (site / "supervisors" / "index.html").read_text()
    assert "stay" in nav.lower() or "only when you export" in nav
    assert (site / "supervisors" / "dashboard" / "index.html").exists()


# --- the recorder in a browser ---------------------------------------------------------


def test_fill_by_keyboard_reload_and_export(page, demo, watch):
    page.goto(demo.url + FORM)
    expect(page.get_by_role("heading", name="Records in this browser")).to_be_visible()
    page.get_by_label("Trainee (name or code)").focus()
    kb = page.keyboard
    kb.type("Trainee 07")
    kb.press("Tab")
    kb.type("A. Supervisor")
    kb.press("Tab")
    kb.type("Clinical psychologist")
    kb.press("Tab")
    kb.type("11202026")  # the date field, month/day/year in the en-US locale
    for _ in range(4):  # Tab moves through the date field's own parts first
        kb.press("Tab")
        if page.evaluate("document.activeElement.name") == "context":
            break
    kb.type("Tuesday group, session 6")
    kb.press("Tab")  # item 1: first radio
    kb.press("Space")
    kb.press("ArrowRight")
    kb.press("ArrowRight")  # Indirect supervision
    kb.press("Tab")
    kb.type("Warm opening.")
    kb.press("Tab")  # item 2
    kb.press("Space")  # Not observed
    kb.press("Tab")
    kb.press("Tab")
    kb.type("Links members well.")
    kb.press("Tab")
    kb.type("Close on time.")
    kb.press("Tab")
    kb.type("https://intranet.example/notes/1")
    kb.press("Tab")
    kb.press("Space")  # sign off
    expect(page.get_by_role("status")).to_contain_text("Saved in this browser at")
    expect(page.get_by_label("Signed off by")).to_have_value("A. Supervisor")

    page.reload()
    expect(page.get_by_label("Trainee (name or code)")).to_have_value("Trainee 07")
    expect(page.get_by_label("Date of the session")).to_have_value("2026-11-20")
    item1 = page.get_by_role("group", name="1. Listens.")
    expect(item1.get_by_label("Indirect supervision")).to_be_checked()
    expect(item1.get_by_label("Comment on item 1")).to_have_value("Warm opening.")
    expect(page.get_by_role("group", name="2. Links.").get_by_label("Not observed")).to_be_checked()
    expect(page.get_by_label("Strengths")).to_have_value("Links members well.")
    expect(page.get_by_label("I sign off this record")).to_be_checked()
    expect(page.get_by_role("listitem").filter(has_text="Trainee 07, 2026-11-20")).to_have_count(1)

    data = export(page)
    parsed = valid(data)
    assert data.endswith(b"}\n") and data.startswith(b'{\n  "format": "supervisor-record/1",')
    assert parsed["checklist"] == {"id": "demo-checklist", "version": 1}
    assert parsed["ratings"] == [
        {"item": "listens", "rating": "indirect", "comment": "Warm opening."},
        {"item": "links", "rating": "not-observed"},
    ]
    assert parsed["signed_off"]["by"] == "A. Supervisor"
    assert watch.errors == []
    assert watch.off_origin(demo.url.rstrip("/")) == []


def test_sign_off_needs_required_items(page, demo):
    page.goto(demo.url + FORM)
    page.get_by_label("Trainee (name or code)").fill("Trainee 08")
    page.get_by_label("I sign off this record").click()
    alert = page.get_by_role("alert")
    expect(alert).to_be_focused()
    expect(alert).to_contain_text("Rate required item “1. Listens. Required”")
    expect(page.get_by_label("I sign off this record")).not_to_be_checked()
    alert.get_by_role("link").click()
    expect(page.get_by_role("group", name="1. Listens.").get_by_label("Not observed")).to_be_focused()


def test_export_import_export_is_byte_identical(page, demo, browser):
    page.goto(demo.url + FORM)
    upload(
        page,
        "two.json",
        {
            "format": "supervisor-records/1",
            "records": [
                record(id="aaaaaaaa-0001", context="Ünïcode — “quotes”"),
                record(
                    id="aaaaaaaa-0002",
                    trainee="Trainee B",
                    ratings=[{"item": "links", "rating": "direct", "comment": "Good."}],
                ),
            ],
        },
    )
    expect(page.get_by_role("status")).to_contain_text("Imported 2 records.")
    page.get_by_role("button", name="Open the record for Trainee B").click()
    one = export(page)
    every = export(page, "Export all records")
    bundle = valid(every)
    assert bundle["format"] == "supervisor-records/1" and len(bundle["records"]) >= 2

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(demo.url + FORM)
        upload(other, "one.json", one.decode())
        expect(other.get_by_role("status")).to_contain_text("Imported 1 record.")
        other.get_by_role("button", name="Open the record for Trainee B").click()
        assert export(other) == one
        upload(other, "all.json", every.decode())
        expect(other.get_by_role("status")).to_contain_text("is already here")
        assert export(other, "Export all records") == every
    finally:
        fresh.close()


def test_malformed_import_is_reported_and_changes_nothing(page, demo):
    page.goto(demo.url + FORM)
    upload(page, "good.json", record(id="bbbbbbbb-0001", trainee="Kept"))
    expect(page.get_by_role("status")).to_contain_text("Imported 1 record.")
    before = page.evaluate("localStorage.getItem('sgc:records')")
    page.get_by_label("Import records").set_input_files(
        files=[
            {"name": "broken.json", "mimeType": "application/json", "buffer": b"{not json"},
            {
                "name": "wrong.json",
                "mimeType": "application/json",
                "buffer": json.dumps(
                    record(
                        id="bbbbbbbb-0002",
                        trainee="",
                        date="2026-02-30",
                        ratings=[{"item": "sings", "rating": "great"}],
                        extra=1,
                    )
                ).encode(),
            },
            {
                "name": "other.json",
                "mimeType": "application/json",
                "buffer": json.dumps(
                    record(id="bbbbbbbb-0003", checklist={"id": "no-such-list", "version": 1})
                ).encode(),
            },
        ]
    )
    alert = page.get_by_role("alert")
    expect(alert).to_be_focused()
    expect(alert).to_contain_text("broken.json is not valid JSON")
    expect(alert).to_contain_text("wrong.json: trainee is empty.")
    expect(alert).to_contain_text("wrong.json: date is not a valid date.")
    expect(alert).to_contain_text("wrong.json: ratings › #1 › item “sings” is not known on this site.")
    expect(alert).to_contain_text("wrong.json: ratings › #1 › rating “great” is not known on this site.")
    expect(alert).to_contain_text("wrong.json: extra is not a field of a record.")
    expect(alert).to_contain_text("other.json: checklist › id “no-such-list” is not known on this site.")
    expect(alert).to_contain_text("the records already in this browser are unchanged")
    assert page.evaluate("localStorage.getItem('sgc:records')") == before


def test_corrupt_storage_is_ignored_with_a_notice(page, demo, watch):
    page.goto(demo.url + FORM)
    page.evaluate("localStorage.setItem('sgc:records', '{broken')")
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("damaged")
    page.get_by_label("Trainee (name or code)").fill("After")
    expect(page.get_by_role("status")).to_contain_text("Saved in this browser")
    assert watch.errors == []


def test_record_text_is_shown_as_text_never_run(page, demo):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(demo.url + FORM)
    upload(
        page,
        f"{XSS}.json",
        record(
            id="cccccccc-0001",
            trainee=XSS,
            observer={"name": XSS, "role": XSS},
            context=XSS,
            strengths=XSS,
            ratings=[{"item": "listens", "rating": "direct", "comment": XSS}],
        ),
    )
    expect(page.get_by_role("status")).to_contain_text("Imported 1 record.")
    entry = page.get_by_role("listitem").filter(has_text=XSS)
    expect(entry).to_have_count(1)
    entry.get_by_role("button", name="Open").click()
    expect(page.get_by_label("Trainee (name or code)")).to_have_value(XSS)
    expect(page.get_by_label("Comment on item 1")).to_have_value(XSS)
    page.goto(demo.url + "supervisors/dashboard/")
    expect(page.get_by_role("rowheader", name=XSS).first).to_be_visible()
    assert page.locator("img[src=x]").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_id_clash_keeps_the_newer_copy(page, demo):
    page.goto(demo.url + FORM)
    upload(
        page,
        "v2.json",
        record(id="dddddddd-0001", trainee="Clash", strengths="second", updated="2026-11-21T10:00:00.000Z"),
    )
    expect(page.get_by_role("status")).to_contain_text("Imported 1 record.")
    upload(page, "v1.json", record(id="dddddddd-0001", trainee="Clash", strengths="first"))
    expect(page.get_by_role("status")).to_contain_text(
        "Kept the record for Clash, 2026-11-20: it is newer than the copy in v1.json."
    )
    upload(
        page,
        "v3.json",
        record(id="dddddddd-0001", trainee="Clash", strengths="third", updated="2026-11-22T10:00:00.000Z"),
    )
    expect(page.get_by_role("status")).to_contain_text(
        "Replaced the record for Clash, 2026-11-20 with the newer copy in v3.json."
    )
    page.get_by_role("button", name="Open the record for Clash").click()
    expect(page.get_by_label("Strengths")).to_have_value("third")


def test_duplicate_and_delete_with_confirmation(page, demo):
    page.goto(demo.url + FORM)
    upload(
        page, "dup.json", record(id="eeeeeeee-0001", trainee="Dup", signed_off={"by": "Dr Obs", "date": "2026-11-21"})
    )
    page.get_by_role("button", name="Duplicate the record for Dup").click()
    expect(page.get_by_label("Trainee (name or code)")).to_be_focused()
    expect(page.get_by_label("I sign off this record")).not_to_be_checked()
    items = page.locator(".cr-list li").filter(has_text="Dup, 2026-11-20")
    expect(items).to_have_count(2)
    page.get_by_role("button", name="Delete the record for Dup").first.click()
    dialog = page.get_by_role("dialog", name="Delete the record")
    expect(dialog).to_contain_text("Delete the record for Dup, 2026-11-20? This cannot be undone.")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(items).to_have_count(2)
    page.get_by_role("button", name="Delete the record for Dup").first.click()
    dialog.get_by_role("button", name="Delete").click()
    expect(items).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("Deleted the record for Dup")
    page.reload()
    expect(items).to_have_count(1)


def test_new_record_starts_blank(page, demo):
    page.goto(demo.url + FORM)
    page.get_by_label("Trainee (name or code)").fill("First")
    page.get_by_role("button", name="New record").click()
    expect(page.get_by_label("Trainee (name or code)")).to_have_value("")
    page.get_by_label("Trainee (name or code)").fill("Second")
    expect(page.locator(".cr-list li").filter(has_text=re.compile("First|Second"))).to_have_count(2)


def test_print_shows_the_form_without_navigation(page, demo):
    page.goto(demo.url + FORM)
    page.get_by_label("Trainee (name or code)").fill("Printed")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.get_by_role("heading", name="Records in this browser")).to_be_hidden()
    expect(page.get_by_label("Trainee (name or code)")).to_have_value("Printed")
    expect(page.get_by_role("group", name="2. Links.")).to_be_visible()
    expect(page.get_by_text("Signature:")).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")


def test_opening_a_record_of_another_checklist_version_says_so(page, demo):
    page.goto(demo.url + FORM)
    stored = {
        "v": 1,
        "data": {
            "records": {
                "ffffffff-0001": record(
                    id="ffffffff-0001", trainee="Versioned", checklist={"id": "demo-checklist", "version": 2}
                )
            },
            "current": {},
        },
    }
    page.evaluate("v => localStorage.setItem('sgc:records', v)", json.dumps(stored))
    page.reload()
    page.get_by_role("button", name="Open the record for Versioned").click()
    expect(page.get_by_role("status")).to_contain_text(
        "It was made against version 2 of this checklist; the form is version 1"
    )


def test_every_field_survives_a_reload_and_a_pending_sign_off_is_kept_and_said(page, demo):
    """Issue 12: every field a supervisor can type in is saved as typed, reload after reload;
    "Signed off by" and its date without the box ticked are kept, shown as not signed off."""
    page.goto(demo.url + FORM)
    page.get_by_role("button", name="New record").click()
    item1 = lambda: page.get_by_role("group", name="1. Listens.")  # noqa: E731
    steps = [
        (
            lambda: page.get_by_label("Trainee (name or code)").fill("  Trainee  09 "),
            lambda: expect(page.get_by_label("Trainee (name or code)")).to_have_value("  Trainee  09 "),
        ),
        (
            lambda: page.get_by_label("Observer's name").fill("Dr Typed"),
            lambda: expect(page.get_by_label("Observer's name")).to_have_value("Dr Typed"),
        ),
        (
            lambda: page.get_by_label("Observer's role").fill("Nurse"),
            lambda: expect(page.get_by_label("Observer's role")).to_have_value("Nurse"),
        ),
        (
            lambda: page.get_by_label("Date of the session").fill("2026-11-19"),
            lambda: expect(page.get_by_label("Date of the session")).to_have_value("2026-11-19"),
        ),
        (
            lambda: page.get_by_label("Session context").fill("Line one\nline two"),
            lambda: expect(page.get_by_label("Session context")).to_have_value("Line one\nline two"),
        ),
        (
            lambda: item1().get_by_label("Direct supervision", exact=True).check(),
            lambda: expect(item1().get_by_label("Direct supervision", exact=True)).to_be_checked(),
        ),
        (
            lambda: page.get_by_label("Comment on item 1").fill("Listened."),
            lambda: expect(page.get_by_label("Comment on item 1")).to_have_value("Listened."),
        ),
        (
            lambda: page.get_by_label("Comment on item 2").fill("Only a comment, no rating yet."),
            lambda: expect(page.get_by_label("Comment on item 2")).to_have_value("Only a comment, no rating yet."),
        ),
        (
            lambda: page.get_by_label("Strengths").fill("Warm."),
            lambda: expect(page.get_by_label("Strengths")).to_have_value("Warm."),
        ),
        (
            lambda: page.get_by_label("Next steps agreed with the trainee").fill("Pace."),
            lambda: expect(page.get_by_label("Next steps agreed with the trainee")).to_have_value("Pace."),
        ),
        (
            lambda: page.get_by_label("Evidence link (optional)").fill("notes elsewhere"),
            lambda: expect(page.get_by_label("Evidence link (optional)")).to_have_value("notes elsewhere"),
        ),
        (
            lambda: page.get_by_label("Signed off by").fill("Dr Typed"),
            lambda: expect(page.get_by_label("Signed off by")).to_have_value("Dr Typed"),
        ),
        (
            lambda: page.get_by_label("Date of sign-off").fill("2026-11-21"),
            lambda: expect(page.get_by_label("Date of sign-off")).to_have_value("2026-11-21"),
        ),
    ]
    for i, (type_it, _) in enumerate(steps):
        type_it()
        expect(page.get_by_role("status").first).to_contain_text("Saved in this browser")
        page.reload()
        for _, still_there in steps[: i + 1]:
            still_there()
    expect(page.get_by_label("I sign off this record")).not_to_be_checked()
    expect(page.locator(".cr-pending")).to_contain_text("Not signed off yet")
    page.goto(demo.url + "supervisors/dashboard/")
    expect(page.get_by_role("table", name="Records").get_by_role("row").filter(has_text="Trainee  09")).to_contain_text(
        "No (sign-off pending)"
    )


def test_a_record_for_a_checklist_version_that_does_not_exist_is_rejected(page, demo):
    """The browser checks imports with the schema `curriculum report` uses: version 99 is refused."""
    page.goto(demo.url + FORM)
    upload(
        page,
        "v99.json",
        record(id="99999999-0001", trainee="Future", checklist={"id": "demo-checklist", "version": 99}),
    )
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("v99.json: checklist › version must be at most 1")
    expect(page.locator(".cr-list li").filter(has_text="Future")).to_have_count(0)


def test_stored_fields_of_the_wrong_shape_are_dropped_one_by_one(page, demo, watch):
    page.goto(demo.url + FORM)
    damaged = record(
        id="abababab-0001",
        trainee=["not", "text"],
        strengths="Kept strengths",
        ratings=[{"item": "listens", "rating": "direct"}, None],
    )
    stored = {
        "v": 1,
        "data": {
            "records": {"abababab-0001": damaged, "broken-1": "junk"},
            "current": {"demo-checklist": "abababab-0001"},
        },
    }
    page.evaluate("v => localStorage.setItem('sgc:records', v)", json.dumps(stored))
    page.reload()
    expect(page.get_by_role("status")).to_contain_text(
        "3 damaged parts of the saved records could not be used and were dropped"
    )
    expect(page.get_by_label("Strengths")).to_have_value("Kept strengths")
    expect(page.get_by_role("group", name="1. Listens.").get_by_label("Direct supervision", exact=True)).to_be_checked()
    page.get_by_label("Trainee (name or code)").fill("Retyped")
    expect(page.get_by_role("status")).to_contain_text("Saved in this browser")
    assert watch.errors == []


def test_recorder_works_when_reached_by_instant_navigation_from_a_trainee_page(page, demo, watch):
    """Each kind of page loads its own bundle; instant navigation runs the new page's bundle."""
    page.goto(demo.url)
    page.get_by_role("link", name="Demo checklist").first.click()
    expect(page.get_by_role("heading", name="Records in this browser")).to_be_visible()
    page.get_by_label("Trainee (name or code)").fill("Navigated")
    expect(page.get_by_role("status")).to_contain_text("Saved in this browser")
    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("table", name="Records")).to_contain_text("Navigated")
    assert watch.errors == []
