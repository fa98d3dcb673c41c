"""The GitHub workflows and pre-commit hooks: valid, and they call what exists here (the same
make targets as the README, tools installed in .venv)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from helpers import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
MAKE_CALL = re.compile(r"(?:^|[;&|]\s*|\n\s*)make\s+([a-z][a-z0-9-]*)")


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text()
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, re.M))


def run_lines(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_there_are_workflows_for_pull_requests_pages_and_reviews():
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "deploy.yml", "review-due.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_and_calls_existing_make_targets(path):
    workflow = yaml.safe_load(path.read_text())
    assert isinstance(workflow, dict) and workflow.get("jobs"), path
    calls = [target for run in run_lines(workflow) for target in MAKE_CALL.findall(run)]
    assert calls, f"{path.name} calls no make target"
    missing = sorted(set(calls) - make_targets())
    assert not missing, f"{path.name} calls make targets the Makefile lacks: {missing}"


def test_workflows_match_githubs_schema():
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pull_request_workflow_annotates_and_uploads_the_site():
    text = (REPO / ".github" / "workflows" / "pull-request.yml").read_text()
    workflow = yaml.safe_load(text)
    triggers = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    runs = "\n".join(run_lines(workflow))
    assert "make test" in runs and "make build" in runs
    assert "upload-artifact" in text


def test_pre_commit_hooks_use_tools_that_exist():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            tool = hook["entry"].split()[0]
            assert tool.startswith((".venv/bin/", "node_modules/.bin/")), hook["id"]
            assert (REPO / tool).exists(), f"{hook['id']}: {tool} is not installed by make install-dev"
            for schema in re.findall(r"schemas/[a-z-]+\.schema\.json", hook["entry"]):
                assert (REPO / schema).is_file(), schema


def test_pull_request_check_fails_on_warnings_in_changed_files_only():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text())
    runs = "\n".join(run_lines(workflow))
    assert "make validate\n" in runs + "\n" and "make validate-changed" in runs  # full run, then the strict one
    checkout = next(
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout")
    )
    assert checkout.get("with", {}).get("fetch-depth") == 0, "validate --changed needs the base branch"
    target = re.search(r"^validate-changed:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(), re.M)
    assert target and "--changed $(BASE) --strict" in target[1]
    deploy = "\n".join(run_lines(yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text())))
    assert "--strict" not in deploy and "validate-changed" not in deploy
