"""What `curriculum validate --changed` checks: the content files changed against a git base
(committed, staged, unstaged and untracked), plus the files that refer to them or that they
refer to. Rules still run on the whole model; only the report is narrowed to these files."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from curriculum_tools.core.model import Curriculum

# A change to any of these can change any file's result: check everything.
GLOBAL_FILES = {"tracks.yml", "competencies.yml"}
GLOBAL_FOLDERS = ("schemas/", "scripts/")


class ChangeError(Exception):
    """git could not say what changed; the message says why."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise ChangeError("--changed needs git, which is not installed") from None
    if done.returncode != 0:
        raise ChangeError(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {' '.join(args)} failed"
        )
    return done.stdout


def default_base(root: Path) -> str:
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "origin/main^{commit}")
        return "origin/main"
    except ChangeError:
        return "HEAD"


def changed_files(root: Path, base: str | None) -> tuple[str, set[str]]:
    """(description of the base, paths relative to root changed since it)."""
    try:
        _git(root, "rev-parse", "--show-toplevel")
    except ChangeError:
        raise ChangeError(f"--changed needs a git repository, and {root.resolve()} is not in one") from None
    base = base or default_base(root)
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").strip()
    except ChangeError:
        raise ChangeError(f"unknown git base '{base}' (give a branch, tag or commit, e.g. origin/main)") from None
    try:  # compare with where this branch left the base, not with the base's newer commits
        since = _git(root, "merge-base", commit, "HEAD").strip()
    except ChangeError:
        since = commit
    diffed = _git(root, "diff", "--name-only", "--no-renames", "--relative", "-z", since).split("\0")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    described = base if since == commit else f"{base} (merge base {since[:10]})"
    return described, {p for p in diffed + untracked if p}


def _links(curriculum: Curriculum):
    """path -> (ids the file defines, ids it refers to), each id namespaced by kind."""
    links: dict[str, tuple[set, set]] = {}
    for m in curriculum.modules:
        refers = {("content", m.quiz_id)} if m.quiz_id else set()
        refers |= {("competency", c) for c in m.competencies} | {("track", m.track)}
        links[m.source.path] = ({("content", m.id)}, refers)
    for q in curriculum.quizzes:
        links[q.source.path] = ({("content", q.id)}, {("content", q.module_id)})
    for k in curriculum.checklists:
        links[k.source.path] = ({("content", k.id)}, {("competency", c) for c in k.competencies})
    return links


def affected(curriculum: Curriculum, content_paths: list[str], changed: set[str]) -> set[str] | None:
    """The content files whose report can change with `changed`; None means every file."""
    if any(p in GLOBAL_FILES or p.startswith(GLOBAL_FOLDERS) for p in changed):
        return None
    content = set(content_paths)
    # a deleted or broken file is still known by its name: modules, quizzes and checklists are <id>.<ext>
    relevant = {
        p
        for p in changed
        if p in content
        or (p.endswith((".md", ".yml")) and p.startswith(("curriculum/", "quizzes/", "checklists/", "glossary/")))
    }
    if any(p.startswith("glossary/") for p in relevant):
        relevant |= {p for p in content if p.startswith("glossary/")}
    links = _links(curriculum)
    selected = set(relevant)
    for path in relevant:
        defines, refers = links.get(path, ({("content", PurePosixPath(path).stem)}, set()))
        for other, (other_defines, other_refers) in links.items():
            if other_defines & defines or other_refers & defines or other_defines & refers:
                selected.add(other)
    return selected & content
