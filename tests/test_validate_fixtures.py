"""Every fixture case, from the folder listing: valid trees pass, each invalid case fails
with the expected exit code, file, line, column, rule and message, and exactly the expected
list of problems (nothing reported twice, no knock-on errors)."""

from __future__ import annotations

import json
import re

import pytest

from helpers import BASE, FIXTURES, TODAY, make_tree, run_cli

VALID = sorted(p for p in (FIXTURES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*) \((?P<rule>[a-z0-9-]+)\)$")


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_tree_is_clean(case):
    result = run_cli("validate", "--root", str(case), "--strict", "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All clear" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_reports_file_line_and_message(case, tmp_path):
    expected = json.loads((case / "expected.json").read_text())
    root = make_tree(tmp_path, case)
    result = run_cli("validate", "--root", str(root), "--today", TODAY, *expected.get("args", []))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == expected["exit"], result.stdout
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    problems = [LINE.match(line) for line in lines]
    matching = [
        m
        for m in problems
        if m["file"] == expected["file"]
        and int(m["line"]) == expected["line"]
        and int(m["col"]) == expected["col"]
        and m["rule"] == expected["rule"]
        and expected["message"] in m["message"]
    ]
    assert matching, f"expected {expected} in:\n{result.stdout}"
    assert lines == expected["problems"], "the full list of problems differs"
    assert re.search(r"\d+ error\(s\), \d+ warning\(s\)", result.stdout.splitlines()[-1])


def test_warnings_pass_without_strict(tmp_path):
    root = make_tree(tmp_path, FIXTURES / "invalid" / "review-overdue")
    result = run_cli("validate", "--root", str(root), "--today", TODAY)
    assert result.returncode == 0
    assert "warning: review was due on 2022-01-01" in result.stdout


def test_github_format(tmp_path):
    root = make_tree(tmp_path, FIXTURES / "invalid" / "schema-pass-mark")
    result = run_cli("validate", "--root", str(root), "--today", TODAY, "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=quizzes/demo-module-quiz.yml,line=5,col=1,title=schema::pass_mark: must be at most 100, not 170"
    )


def test_github_format_is_automatic_under_actions(tmp_path):
    root = make_tree(tmp_path, FIXTURES / "invalid" / "schema-pass-mark")
    result = run_cli("validate", "--root", str(root), "--today", TODAY, env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=quizzes/demo-module-quiz.yml,line=5,")


def test_json_format(tmp_path):
    root = make_tree(tmp_path, FIXTURES / "invalid" / "single-choice")
    result = run_cli("validate", "--root", str(root), "--today", TODAY, "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["errors"] == 1
    assert payload["problems"][0]["rule"] == "single-choice"
    assert payload["problems"][0]["path"] == "quizzes/demo-module-quiz.yml"


def test_rules_listing_names_every_rule():
    result = run_cli("rules")
    assert result.returncode == 0
    for rule_id in ("duplicate-id", "quiz-link", "section-ref", "single-choice", "review-overdue"):
        assert rule_id in result.stdout


def test_not_a_folder(tmp_path):
    result = run_cli("validate", "--root", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "not a folder" in result.stderr


def test_installed_command_smoke(tmp_path):
    """The real entry point in a child process: exit codes and no traceback."""
    from helpers import REPO, run_cli_subprocess

    clean = run_cli_subprocess("validate", "--root", str(REPO))
    assert clean.returncode == 0 and "Traceback" not in clean.stderr, clean.stdout + clean.stderr
    root = make_tree(tmp_path, FIXTURES / "invalid" / "yaml-syntax")
    broken = run_cli_subprocess("validate", "--root", str(root), "--today", TODAY)
    assert broken.returncode == 1 and "(yaml-syntax)" in broken.stdout and "Traceback" not in broken.stderr


def test_scenario_example_is_the_fixture():
    """The component's example scenario (documentation and browser test page) is the minimal
    tree's scenario byte for byte, so what the docs show is what the tests check."""
    from helpers import REPO

    example = REPO / "scripts/curriculum_tools/site/components/scenario/examples/sc-demo.yml"
    assert example.read_bytes() == (BASE / "scenarios" / "sc-demo.yml").read_bytes()


def test_scenario_rules_are_listed():
    result = run_cli("rules")
    for rule_id in (
        "scenario-next",
        "scenario-reachable",
        "scenario-loop",
        "scenario-ending",
        "scenario-safe-ending",
        "scenario-module",
        "scenario-file",
        "checklist-scenario",
    ):
        assert rule_id in result.stdout


def test_the_command_starts_without_the_credential_libraries():
    """Every `curriculum` command imports every command's module to build its options; the
    JSON-LD library (and the HTTP client it brings) loads only when a proof is made or
    checked, not when an author runs `curriculum validate`."""
    import subprocess
    import sys

    from helpers import REPO

    code = "import sys, curriculum_tools.cli.main as m; m.load_commands(); print(sorted({'pyld', 'requests'} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO / "scripts")},
    )
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stdout + out.stderr
