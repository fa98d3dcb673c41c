"""Shared helpers for the tests: content trees and running the CLI as a user would."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
BASE = FIXTURES / "valid" / "minimal"
TODAY = "2026-11-22"


def make_tree(tmp_path: Path, case_dir: Path | None = None) -> Path:
    """The base content tree, with a case's files laid over it (and its deletions applied)."""
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    if case_dir is not None:
        expected = json.loads((case_dir / "expected.json").read_text())
        for path in case_dir.rglob("*"):
            if path.is_file() and path.name != "expected.json":
                target = root / path.relative_to(case_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        for rel in expected.get("delete", []):
            (root / rel).unlink()
    return root


def link_node_tools(root: Path) -> None:
    """Give a test tree the repository's npm packages (terser, the offline search shim) and its
    cache of minified bundles (.cache/bundles, keyed by each bundle's content, written
    atomically): without the cache every build of such a tree ran terser on every bundle
    again, about 8 s for the smallest tree."""
    (root / "node_modules").symlink_to(REPO / "node_modules")
    (REPO / ".cache" / "bundles").mkdir(parents=True, exist_ok=True)
    (root / ".cache").symlink_to(REPO / ".cache")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The `curriculum` command run in this process, as a user would run it: its exit code,
    standard output and error. GITHUB_ACTIONS is unset unless env sets it (the output format
    depends on it)."""
    from curriculum_tools.cli.main import main

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    out, err = io.StringIO(), io.StringIO()
    os.environ.pop("GITHUB_ACTIONS", None)
    os.environ.update(env or {})
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: usage errors and --help
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["curriculum", *args], code, out.getvalue(), err.getvalue())


def run_cli_subprocess(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed command in a child process: for the few smoke tests that must see the
    real entry point (exit codes, no traceback on stderr)."""
    full_env = {**os.environ, **(env or {})}
    if env is None or "GITHUB_ACTIONS" not in env:
        full_env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "curriculum_tools.cli.main", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def quiz_ready(page) -> None:
    """Wait until a module page's quiz has started. Its code loads on first use
    (components/quiz/layout.js: when the quiz takes focus or a pointer press), so the test
    sends the quiz a pointer press, as a reader reaching for it does, without moving focus
    (a keyboard walk starts where it would); a page without a quiz returns at once."""
    quiz = page.locator('[data-module="quiz"]')
    if not quiz.count() or page.locator("[data-quiz-init]").count():
        return
    quiz.first.dispatch_event("pointerdown")
    page.locator("[data-quiz-init]").first.wait_for(state="attached")


def open_quiz(page, url: str) -> None:
    """Open a module page and wait until its quiz has started (quiz_ready)."""
    page.goto(url)
    quiz_ready(page)
