"""`curriculum review-due` lists modules past (or near) their review date, grouped by track
and reviewer role, counted from a fixed date."""

from __future__ import annotations

import json

import pytest

from helpers import BASE, make_tree, run_cli

TRACKS = """\
# yaml-language-server: $schema=../schemas/tracks.schema.json
tracks:
  - id: demo
    title: Demo track
    summary: The demo track.
  - id: other
    title: Other track
    summary: A second track.
"""


def add_module(root, track: str, module_id: str, role: str, last_reviewed: str, months: int = 24) -> None:
    """A copy of the minimal module with another id, track, reviewer role and review date."""
    text = (BASE / "curriculum/demo/demo-module.md").read_text()
    text = text.replace("id: demo-module", f"id: {module_id}").replace("track: demo", f"track: {track}")
    text = text.replace("quiz: demo-module-quiz\n", "")
    text = text.replace("reviewer_role: Psychologist", f"reviewer_role: {role}")
    text = text.replace("last_reviewed: 2026-01-01", f"last_reviewed: {last_reviewed}").replace(
        "interval_months: 24", f"interval_months: {months}"
    )
    path = root / "curriculum" / track / f"{module_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def tree(tmp_path):
    root = make_tree(tmp_path)  # demo-module: reviewed 2026-01-01 every 24 months, due 2028-01-01
    (root / "tracks.yml").write_text(TRACKS)
    add_module(root, "demo", "demo-old", "Psychologist", "2023-03-15")  # due 2025-03-15
    add_module(root, "demo", "demo-nurse", "Palliative care nurse", "2024-06-10")  # due 2026-06-10
    add_module(root, "other", "other-soon", "Oncologist", "2025-12-20", 12)  # due 2026-12-20
    add_module(root, "other", "other-later", "Oncologist", "2026-10-01")  # due 2028-10-01
    return root


def review_due(root, *args):
    return run_cli("review-due", "--root", str(root), "--today", "2026-11-22", *args)


def test_overdue_only_by_default_grouped_by_track_then_role(tree):
    result = review_due(tree)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 module review(s) overdue (today 2026-11-22); 2 overdue.",
        "",
        "Demo track (demo)",
        "  Reviewer: Palliative care nurse",
        "    demo-nurse: overdue by 165 days (due 2026-06-10, last reviewed 2024-06-10) curriculum/demo/demo-nurse.md",
        "  Reviewer: Psychologist",
        "    demo-old: overdue by 617 days (due 2025-03-15, last reviewed 2023-03-15) curriculum/demo/demo-old.md",
    ]


def test_within_adds_reviews_coming_up(tree):
    result = review_due(tree, "--within", "30")
    lines = result.stdout.splitlines()
    assert lines[0] == "3 module review(s) overdue or due by 2026-12-22 (today 2026-11-22); 2 overdue."
    assert lines[-3:] == [
        "Other track (other)",
        "  Reviewer: Oncologist",
        "    other-soon: due in 28 days (due 2026-12-20, last reviewed 2025-12-20) curriculum/other/other-soon.md",
    ]
    assert "other-later" not in result.stdout and "demo-module" not in result.stdout


def test_json_for_tools(tree):
    result = review_due(tree, "--within", "500", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["today"] == "2026-11-22" and payload["within_days"] == 500
    rows = {row["id"]: row for row in payload["modules"]}
    assert set(rows) == {"demo-old", "demo-nurse", "demo-module", "other-soon"}
    assert rows["demo-old"]["days_until_due"] == -617
    assert rows["demo-module"] == {
        "id": "demo-module",
        "title": "A demo module",
        "path": "curriculum/demo/demo-module.md",
        "track": "demo",
        "reviewer_role": "Psychologist",
        "author": "Test team",
        "last_reviewed": "2026-01-01",
        "due": "2028-01-01",
        "days_until_due": 405,
    }


def test_nothing_due(tmp_path):
    result = run_cli("review-due", "--root", str(BASE), "--today", "2026-11-22")
    assert result.returncode == 0
    assert result.stdout.strip() == "No module reviews overdue (today 2026-11-22, 1 modules)."


def test_due_today_is_listed(tree):
    result = run_cli("review-due", "--root", str(tree), "--today", "2026-06-10")
    assert "demo-nurse: due today (due 2026-06-10" in result.stdout


def test_agrees_with_the_validator_warning(tree):
    validate = run_cli("validate", "--root", str(tree), "--today", "2026-11-22")
    warned = {line.split(":")[0] for line in validate.stdout.splitlines() if "(review-overdue)" in line}
    assert warned == {"curriculum/demo/demo-old.md", "curriculum/demo/demo-nurse.md"}


def test_modules_with_errors_are_noted_not_hidden(tree):
    (tree / "curriculum/other/other-soon.md").write_text("---\nid: other-soon\n---\n")
    result = review_due(tree)
    assert result.returncode == 0
    assert "1 module file(s) have errors and are not listed; run curriculum validate" in result.stderr


@pytest.mark.parametrize("args, message", [(("--within", "-1"), "--within"), (("--today", "22/11/2026"), "not a date")])
def test_bad_options(tree, args, message):
    result = run_cli("review-due", "--root", str(tree), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
