"""The pull-request check (issue 12, class 6): `validate --changed BASE --strict` fails on
warnings in the files the change touches, and only there; the full run keeps warnings as
warnings."""

from __future__ import annotations

import subprocess

from helpers import TODAY, make_tree, run_cli

MODULE = "curriculum/demo/demo-module.md"


def git(root, *args):
    subprocess.run(
        ["git", *args],
        cwd=root,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(root),
            "PATH": "/usr/bin:/bin",
        },
    )


def repo(tmp_path):
    root = make_tree(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def overdue(root, rel=MODULE):
    path = root / rel
    path.write_text(path.read_text().replace("last_reviewed: 2026-01-01", "last_reviewed: 2020-01-01"))


def test_a_new_warning_in_a_changed_file_fails_the_pull_request_check(tmp_path):
    root = repo(tmp_path)
    overdue(root)
    git(root, "commit", "-q", "-am", "an old review date")
    strict = run_cli("validate", "--root", str(root), "--changed", "main", "--strict", "--today", TODAY)
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert "review-overdue" in strict.stdout and "warning(s) in the files this change touches" in strict.stderr
    full = run_cli("validate", "--root", str(root), "--today", TODAY)
    assert full.returncode == 0 and "1 warning(s)" in full.stdout  # the full run keeps warnings as warnings


def test_a_warning_in_a_file_the_change_does_not_touch_does_not_fail_it(tmp_path):
    root = repo(tmp_path)
    overdue(root)
    git(root, "commit", "-q", "-am", "overdue on main already")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "pr")
    git(root, "checkout", "-q", "-b", "pr2")
    checklist = root / "checklists" / "demo-checklist.yml"
    checklist.write_text(checklist.read_text().replace("guidance: Observe.", "guidance: Observe closely."))
    git(root, "commit", "-q", "-am", "a checklist edit")
    result = run_cli("validate", "--root", str(root), "--changed", "main", "--strict", "--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr


def test_errors_in_the_change_fail_it_with_or_without_strict(tmp_path):
    root = repo(tmp_path)
    quiz = root / "quizzes" / "demo-module-quiz.yml"
    quiz.write_text(quiz.read_text().replace("pass_mark: 70", "pass_mark: 7.0e+1"))
    result = run_cli("validate", "--root", str(root), "--changed", "main", "--today", TODAY)
    assert result.returncode == 1 and "pass_mark: must be a whole number, not the decimal number 70.0" in result.stdout
