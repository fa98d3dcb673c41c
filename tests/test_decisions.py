"""`curriculum decision check`: committee decisions against the report as of their date.
Fixtures: a valid decision, one certifying a trainee with unmet requirements, one with a
panel of one, an expired one, and a not-yet; plus broken files at exact positions."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import FIXTURES, run_cli

COHORT = FIXTURES / "certification"


def check(*files, cwd=COHORT, today="2026-12-10", extra=()):
    result = run_cli("decision", "check", *files, "--today", today, *extra, cwd=cwd)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_valid_decision():
    r = check("decisions/ada-certified.yml")
    assert r.returncode == 0, r.stdout
    assert (
        "decisions/ada-certified.yml: Ada Lovelace: certified on 2026-11-30, valid until 2029-11-29: consistent with the report"
        in r.stdout
    )


def test_not_yet_decision_is_valid_without_requirements():
    assert check("decisions/ben-not-yet.yml").returncode == 0


def test_certified_with_unmet_requirements_names_each():
    r = check("decisions/ben-unmet.yml")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert (
        "decisions/ben-unmet.yml:10:1: certified but requirement not met as of 2026-11-30: demo-listen (Listens well.) "
        "is not yet: needs 2 observers, has 1 (Dr A) (unmet-requirement)"
    ) in lines
    assert any(
        line.startswith("decisions/ben-unmet.yml:10:1: certified but requirement not met as of 2026-11-30: demo-link ")
        for line in lines
    )


def test_panel_of_one():
    r = check("decisions/ada-one-member.yml")
    assert r.returncode == 1
    assert (
        "decisions/ada-one-member.yml:5:1: the panel has 1 member; signoff.yml certification.panel_min asks for at "
        "least 2 different people (decision)"
    ) in r.stdout.splitlines()


def test_expired_decision():
    r = check("decisions/ada-expired.yml")
    assert r.returncode == 0  # a true record of the past, but no longer a certification
    assert (
        "decisions/ada-expired.yml:16:1: warning: this certification expired on 2026-11-28; it needs a renewal decision "
        "(A new panel decision on records from the last twelve months.) (decision-expired)"
    ) in r.stdout.splitlines()
    assert "expired on" not in check("decisions/ada-expired.yml", today="2026-11-28").stdout


def write(tmp_path, name, text):
    root = tmp_path / "cohort"
    if not root.exists():
        shutil.copytree(COHORT, root)
    (root / "decisions" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "replace, expected",
    [
        (
            ("decision: certified", "decision: maybe"),
            "decisions/case.yml:10:1: decision: 'maybe' is not allowed; use one of: certified, certified-with-conditions, not-yet (schema)",
        ),
        (('date: "2026-11-30"', 'date: "30/11/2026"'), "decisions/case.yml:4:1: date:"),
        (
            ("  - name: Dr D", "  - name: Ada  Lovelace"),
            "decisions/case.yml:8:5: the trainee cannot sit on their own panel (decision)",
        ),
        (
            ("  - name: Dr D", "  - name: dr a"),
            "decisions/case.yml:8:5: dr a is on the panel twice (also item 1) (decision)",
        ),
        (
            ("decision: certified", "decision: certified-with-conditions"),
            "decisions/case.yml:10:1: certified-with-conditions needs the conditions listed under conditions (decision)",
        ),
        (("records: [../records]", "records: [../nowhere]"), "decisions/case.yml:15:13: no such file or folder"),
        (
            ("decision: certified\n", 'decision: certified\nexpires: "2031-01-01"\n'),
            "decisions/case.yml:11:1: expires 2031-01-01 is later than signoff.yml allows (1095 days from 2026-11-30: 2029-11-29) (decision)",
        ),
    ],
)
def test_broken_decisions_at_their_positions(tmp_path, replace, expected):
    text = (COHORT / "decisions" / "ada-certified.yml").read_text()
    assert replace[0] in text
    root = write(tmp_path, "case.yml", text.replace(*replace))
    r = check("decisions/case.yml", cwd=root)
    assert r.returncode == 1
    assert any(line.startswith(expected) for line in r.stdout.splitlines()), r.stdout


def test_report_hash_must_match_the_records_as_of_the_date(tmp_path):
    root = write(tmp_path, "noop.yml", "")
    record = root / "records" / "ada-2026-11-26.json"
    data = json.loads(record.read_text())
    data["ratings"][1]["rating"] = "indirect"  # changed after the panel met
    record.write_text(json.dumps(data, indent=2))
    r = check("decisions/ada-certified.yml", cwd=root)
    assert r.returncode == 1
    assert (
        "decisions/ada-certified.yml:17:3: the report from these records as of 2026-11-30 has hash sha256:" in r.stdout
    )
    # a record dated after the decision is not evidence for it, and changes nothing
    shutil.copy(COHORT / "records" / "ada-2026-11-26.json", record)
    data["id"], data["date"] = "ada-0006", "2026-12-03"
    (root / "records" / "ada-2026-12-03.json").write_text(json.dumps(data, indent=2))
    assert check("decisions/ada-certified.yml", cwd=root).returncode == 0


def test_knowledge_results_count_and_are_labelled(tmp_path):
    root = write(tmp_path, "noop.yml", "")
    r = run_cli(
        "report", "records", "--knowledge", "knowledge/results.csv", "--as-of", "2026-11-30", "--out", "out", cwd=root
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "  module demo-module: met (92% on 2026-11-10, from Moodle gradebook export 2026-11-20)" in r.stdout
    assert (
        "  module demo-module: not met (best 65% on 2026-11-12 from Marked exam paper (J. Smith), needs 80%)"
        in r.stdout
    )
    assert (
        "knowledge/results.csv:4:1: warning: self-reported result for Ben Okafor (demo-module) not counted: "
        "signoff.yml knowledge.self_reported is false (knowledge)"
    ) in r.stdout
    assert "Ben Okafor,module demo-module,demo-module,80,not met,65," in (root / "out" / "knowledge.csv").read_text()
    html = (root / "out" / "report.html").read_text()
    assert "Ben Okafor: knowledge results" in html and "Marked exam paper (J. Smith)" in html
    # where signoff.yml allows it, the self-reported result counts, and says so
    signoff = root / "signoff.yml"
    signoff.write_text(signoff.read_text().replace("self_reported: false", "self_reported: true"))
    r = run_cli("report", "records", "--knowledge", "knowledge/results.csv", cwd=root)
    assert "  module demo-module: met (95% on 2026-11-14, from self-reported (self-reported))" in r.stdout


def test_bad_results_rows_at_their_positions(tmp_path):
    root = write(tmp_path, "noop.yml", "")
    (root / "knowledge" / "bad.csv").write_text(
        "trainee,item,score,date,source\n"
        "Ada Lovelace,no-such-quiz,90,2026-11-10,LMS\n"
        "Ada Lovelace,demo-module,ninety,2026-11-10,LMS\n"
        "Ada Lovelace,demo-module,90,10/11/2026,LMS\n"
        "Ada Lovelace,demo-module,90,2026-11-10,\n"
        "Ada Lovelace,demo-module\n"
    )
    r = run_cli("report", "records", "--knowledge", "knowledge/bad.csv", cwd=root)
    assert r.returncode == 1
    for line in (
        "knowledge/bad.csv:2:14: 'no-such-quiz' is neither a module id nor a quiz id of this curriculum (knowledge)",
        "knowledge/bad.csv:3:26: score 'ninety' is not a percentage from 0 to 100 (knowledge)",
        "knowledge/bad.csv:4:29: date '10/11/2026' is not a date (YYYY-MM-DD) (knowledge)",
        "knowledge/bad.csv:5:40: source is empty: say where the result came from (e.g. a gradebook export) (knowledge)",
        "knowledge/bad.csv:6:1: expected 5 columns (trainee, item, score, date, source), found 2 (knowledge)",
    ):
        assert line in r.stdout.splitlines(), r.stdout


def test_renewals_due_and_lapsed(tmp_path):
    root = write(tmp_path, "noop.yml", "")
    folder = root / "renewals"
    folder.mkdir()
    shutil.copy(COHORT / "decisions" / "ada-expired.yml", folder / "ada.yml")
    text = (COHORT / "decisions" / "ada-certified.yml").read_text()
    (folder / "ada-renewed.yml").write_text(
        text.replace("../records", "../records").replace("../knowledge", "../knowledge")
    )
    (root / "decisions" / "noop.yml").unlink()
    # Ada: certified 2026-11-27 until 2026-11-28, then again 2026-11-30 (1095 days: until 2029-11-29)
    r = run_cli(
        "report",
        "records",
        "--knowledge",
        "knowledge/results.csv",
        "--decisions",
        "renewals",
        "--today",
        "2029-10-01",
        "--out",
        "out",
        cwd=root,
    )
    assert (
        "Certification due for renewal: Ada Lovelace, valid until 2029-11-29 (due: 59 days left; renewals/ada-renewed.yml)"
        in r.stdout
    ), r.stdout
    r = run_cli(
        "report",
        "records",
        "--knowledge",
        "knowledge/results.csv",
        "--decisions",
        "renewals",
        "--today",
        "2029-12-05",
        cwd=root,
    )
    assert (
        "Certification lapsed: Ada Lovelace, valid until 2029-11-29 (lapsed 6 days ago; renewals/ada-renewed.yml)"
        in r.stdout
    )
    r = run_cli(
        "report",
        "records",
        "--knowledge",
        "knowledge/results.csv",
        "--decisions",
        "renewals",
        "--today",
        "2027-01-01",
        cwd=root,
    )
    assert "Certifications: none due for renewal or lapsed." in r.stdout
    (folder / "ada-renewed.yml").unlink()  # only the two-day pilot certification is left
    r = run_cli(
        "report",
        "records",
        "--knowledge",
        "knowledge/results.csv",
        "--decisions",
        "renewals",
        "--today",
        "2026-12-01",
        "--out",
        "out",
        cwd=root,
    )
    assert (
        "Certification lapsed: Ada Lovelace, valid until 2026-11-28 (lapsed 3 days ago; renewals/ada.yml)" in r.stdout
    )
    assert "Certification renewals" in (root / "out" / "report.html").read_text()


def test_json_decision_and_report_hash_agree(tmp_path):
    import yaml

    data = yaml.safe_load((COHORT / "decisions" / "ada-certified.yml").read_text())
    root = write(tmp_path, "ada.json", json.dumps(data, indent=2))
    assert check("decisions/ada.json", cwd=root).returncode == 0
    report = run_cli("report", "records", "--as-of", "2026-11-30", "--knowledge", "knowledge/results.csv", cwd=root)
    assert f"Report content hash as of 2026-11-30: {data['evidence']['report']}" in report.stdout
