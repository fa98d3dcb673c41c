"""Shared helpers for the tests: content trees and running the CLI as a user would."""
from __future__ import annotations

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


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if env is None or "GITHUB_ACTIONS" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "curriculum_tools.cli.main", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120,
    )
