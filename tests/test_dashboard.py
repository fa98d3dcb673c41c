"""The supervisor dashboard (records table, trainees x competencies matrix, filters) and
accessibility of the supervisor pages, on the demo site and on the real curriculum."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

import axecheck
from test_recorder import FORM, demo, export, record, upload, valid  # noqa: F401  (demo is a fixture)

DASH = "supervisors/dashboard/"


def seed(page, site_url):
    page.goto(site_url + FORM)
    upload(
        page,
        "cohort.json",
        {
            "format": "supervisor-records/1",
            "records": [
                record(
                    id="a0000000-0001",
                    trainee="Alex",
                    date="2026-10-01",
                    ratings=[{"item": "listens", "rating": "direct"}],
                ),
                record(
                    id="a0000000-0002",
                    trainee="Alex",
                    date="2026-11-20",
                    observer={"name": "Dr Two", "role": ""},
                    ratings=[{"item": "listens", "rating": "indirect"}, {"item": "links", "rating": "not-observed"}],
                    signed_off={"by": "Dr Two", "date": "2026-11-21"},
                ),
                record(
                    id="a0000000-0003",
                    trainee="Bo",
                    date="2026-11-01",
                    ratings=[{"item": "links", "rating": "unsupervised"}],
                ),
            ],
        },
    )
    expect(page.get_by_role("status")).to_contain_text("Imported 3 records.")
    page.goto(site_url + DASH)


def cell(page, competency: str, trainee: str):
    table = page.get_by_role("table", name="Latest rating per competency")
    headers = table.get_by_role("columnheader").all_inner_texts()
    return (
        table.get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name=competency))
        .get_by_role("cell")
        .nth(headers.index(trainee) - 1)
    )


def test_empty_dashboard_says_so(page, demo, watch):
    page.goto(demo.url + DASH)
    expect(page.get_by_text("No records in this browser match.")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    expect(page.get_by_text("Nothing is sent anywhere").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    # with no record there is nothing to check or count: the sign-off rules stay unloaded
    assert [u for u in watch.requests if "curriculum-signoff." in u] == []
    assert page.evaluate("!window.curriculum.records.progress && !window.curriculum.records.problems")
    assert watch.errors == []


def test_table_matrix_and_filters(page, demo, watch):
    seed(page, demo.url)
    records = page.get_by_role("table", name="Records")
    expect(records.get_by_role("row")).to_have_count(4)  # header + 3
    expect(records.get_by_role("row").nth(1)).to_contain_text("Alex")  # latest session first
    expect(records.get_by_role("row").nth(1)).to_contain_text("Yes, by Dr Two on 2026-11-21")
    # latest rating wins; "not observed" never counts; shown as `curriculum report` shows it
    expect(cell(page, "demo-listen", "Alex")).to_have_text("Indirect supervision, 2026-11-20")
    assert len([u for u in watch.requests if "curriculum-signoff." in u]) == 1  # the rules, loaded once
    expect(cell(page, "demo-link", "Alex")).to_have_text("Not rated")
    expect(cell(page, "demo-link", "Bo")).to_have_text("Unsupervised, 2026-11-01")

    page.get_by_label("Trainee").select_option("Bo")
    expect(records.get_by_role("row")).to_have_count(2)
    expect(page.get_by_role("table", name="Latest rating per competency").get_by_role("columnheader")).to_have_text(
        ["Competency", "Bo"]
    )
    page.get_by_label("Checklist", exact=True).select_option("demo-checklist")
    expect(records.get_by_role("row")).to_have_count(2)
    page.get_by_label("Trainee").select_option("")
    expect(records.get_by_role("row")).to_have_count(4)

    bundle = valid(export(page, "Export all records"))
    assert [r["id"] for r in bundle["records"]] == ["a0000000-0001", "a0000000-0002", "a0000000-0003"]
    assert watch.errors == []


def axe_clean(page) -> None:
    assert axecheck.violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_supervisor_pages_have_no_axe_violations(page, demo, scheme):
    page.emulate_media(color_scheme=scheme)
    seed(page, demo.url)
    axe_clean(page)  # dashboard with records
    page.goto(demo.url + FORM)
    page.get_by_role("button", name="Open the record for Alex, 2026-11-20").click()
    page.get_by_label("I sign off this record").click()
    page.get_by_role("button", name="Export this record").click()
    axe_clean(page)  # form with a record, the list and an error summary
    page.get_by_role("button", name="Delete the record for Bo").click()
    axe_clean(page)  # the confirmation dialog


def real_checklist(site) -> str:
    pages = sorted((site.dir / "supervisors").glob("*/index.html"))
    names = [p.parent.name for p in pages if p.parent.name != "dashboard"]
    if not names:
        pytest.skip("no checklists in the repository yet")
    return f"supervisors/{names[0]}/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_real_checklist_and_dashboard_pages(page, site, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site.url + real_checklist(site))
    expect(page.get_by_role("heading", name="Records in this browser")).to_be_visible()
    page.get_by_label("Trainee (name or code)").fill("Trainee 01")
    expect(page.get_by_role("status")).to_contain_text("Saved in this browser")
    axe_clean(page)
    page.goto(site.url + DASH)
    expect(page.get_by_role("table", name="Records")).to_contain_text("Trainee 01")
    axe_clean(page)
    assert watch.errors == []
    assert watch.off_origin(site.url.rstrip("/")) == []


@pytest.fixture(scope="module")
def planned(tmp_path_factory, site_factory):
    """The parity cohort (tests/fixtures/parity/progress/cohort) built as a site with its signoff.yml."""
    from test_progress import evaluate_case

    _, root = evaluate_case("cohort", tmp_path_factory.mktemp("planned"))
    return site_factory(root), root


def test_dashboard_progress_is_the_reports_progress(page, planned, watch):
    """The dashboard's plan table says, for every trainee and target, what `curriculum report`
    wrote to progress.json for the same records (the parity case, end to end in a browser)."""
    server, root = planned
    data = json.loads((root / "out" / "progress.json").read_text())
    page.goto(server.url + FORM)
    records = [json.loads(p.read_text()) for p in sorted((root / "records").glob("*.json"))]
    upload(page, "cohort.json", {"format": "supervisor-records/1", "records": records})
    expect(page.get_by_role("status")).to_contain_text(f"Imported {len(records)} records.")
    page.goto(server.url + DASH)
    table = page.get_by_role("table", name="Progress against the assessment plan")
    headers = table.get_by_role("columnheader").all_inner_texts()
    assert headers[1:] == [t["trainee"] for t in data["trainees"]]
    for column, trainee in enumerate(data["trainees"]):
        for c in trainee["competencies"]:
            row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=c["competency"], exact=True))
            text = row.get_by_role("cell").nth(column).inner_text()
            assert {"signed off": "Signed off", "not yet": "Not yet", "no evidence": "No evidence yet"}[
                c["status"]
            ] in text
            for target in c["targets"]:
                words = f"{target['target'].capitalize()}: {target['have']} of {target['need']}"
                assert words in text, (trainee["trainee"], c["competency"], text)
                assert ("(met)" in text.split(words)[1].split("\n")[0]) == target["met"]
            assert ("Entrustment reached" in text) == bool(c["level_reached"])
    axe_clean(page)
    assert watch.errors == []
