"""`curriculum new` writes files the validator rejects until every placeholder is filled, and
accepts once they are; it asks at a terminal, refuses to guess otherwise, and never
overwrites a file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from helpers import TODAY, make_tree, run_cli

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*) \((?P<rule>[a-z0-9-]+)\)$")

# What an author would write in place of each placeholder (the test fills them mechanically).
FILLS = [
    ("todo-a-heading-for-each-part-of-the-teaching", "listening-well"),  # in a comment of the quiz
    ("todo-competency", "demo-listen"),
    ("todo-objective-", "understand-part-"),
    ("todo-reference", "smith2024"),
    ("10.0000/TODO", "10.1007/s11764-023-01515-w"),
    ("todo-section", "listening-well"),
    ("todo-reflection", "own-practice"),
    ("todo-item-", "listens-"),
    ("## TODO: a heading for each part of the teaching", "## Listening well"),
    ("TODO: ", ""),
]


def fill(text: str) -> str:
    for placeholder, value in FILLS:
        text = text.replace(placeholder, value)
    assert "TODO" not in text and "todo-" not in text, text
    return text


def problems(stdout: str) -> list[re.Match]:
    return [m for m in map(LINE.match, stdout.splitlines()) if m]


def new(root, *args):
    return run_cli("new", *args, "--root", str(root), "--today", TODAY)


def validate(root, *args):
    return run_cli("validate", "--root", str(root), "--today", TODAY, *args)


@pytest.fixture
def tree(tmp_path):
    return make_tree(tmp_path)


def test_scaffold_fails_validation_until_filled_then_passes(tree):
    made = new(tree, "module", "--track", "demo", "--title", "Listening when the news is bad", "--id", "demo-listening")
    assert made.returncode == 0, made.stderr
    assert "Created curriculum/demo/demo-listening.md" in made.stdout
    assert "curriculum new quiz --module demo-listening" in made.stdout  # what to do next
    made = new(tree, "quiz", "--module", "demo-listening")
    assert made.returncode == 0, made.stderr
    assert "Created quizzes/demo-listening-quiz.yml" in made.stdout
    made = new(tree, "checklist", "--title", "Observed listening", "--id", "observed-listening")
    assert made.returncode == 0, made.stderr

    before = validate(tree)
    assert before.returncode == 1, before.stdout
    found = problems(before.stdout)
    files = {m["file"] for m in found if m["rule"] == "placeholder"}
    assert files == {
        "curriculum/demo/demo-listening.md",
        "quizzes/demo-listening-quiz.yml",
        "checklists/observed-listening.yml",
    }
    # every placeholder is reported at its own line, not one summary line per file
    module_lines = {
        int(m["line"]) for m in found if m["rule"] == "placeholder" and m["file"].endswith("demo-listening.md")
    }
    assert len(module_lines) >= 15
    # the schema line is in place from the start
    assert not [m for m in found if m["rule"] == "schema-line"]

    for rel in (
        "curriculum/demo/demo-listening.md",
        "quizzes/demo-listening-quiz.yml",
        "checklists/observed-listening.yml",
    ):
        path = tree / rel
        path.write_text(fill(path.read_text()))
    after = validate(tree, "--strict")
    assert after.returncode == 0, after.stdout
    assert "All clear" in after.stdout


def test_module_scaffold_is_numbered_after_the_track_and_has_the_schema_line(tree):
    assert new(tree, "module", "--track", "demo", "--title", "Second", "--id", "demo-second").returncode == 0
    text = (tree / "curriculum/demo/demo-second.md").read_text()
    assert text.splitlines()[:2] == ["---", "# yaml-language-server: $schema=../../schemas/module.schema.json"]
    assert "\norder: 2  #" in text  # the minimal tree's track has one module at order 1
    assert f"last_reviewed: {TODAY}" in text
    assert 'title: "Second"' in text


def test_competencies_option_fills_them_and_is_checked(tree):
    ok = new(tree, "checklist", "--title", "Linking", "--id", "linking", "--competencies", "demo-listen,demo-link")
    assert ok.returncode == 0, ok.stderr
    text = (tree / "checklists/linking.yml").read_text()
    assert "competencies: [demo-listen, demo-link]" in text
    assert text.count("  - id: todo-item-") == 2  # one item per competency
    bad = new(tree, "module", "--track", "demo", "--title", "X", "--id", "demo-x", "--competencies", "nope")
    assert bad.returncode == 2
    assert "unknown competency id(s): nope" in bad.stderr
    assert not (tree / "curriculum/demo/demo-x.md").exists()


def test_non_interactive_missing_options_is_a_clear_error(tree):
    result = new(tree, "module", "--title", "No track")
    assert result.returncode == 2
    assert "missing --track, --id" in result.stderr
    assert "stdin is not a terminal" in result.stderr
    assert "Example: curriculum new module --track" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tree / "curriculum/demo").iterdir()) == ["demo-module.md"]


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("module", "--track", "nowhere", "--title", "T", "--id", "demo-t"),
            "--track 'nowhere': unknown track; use one of: demo",
        ),
        (
            ("module", "--track", "demo", "--title", "T", "--id", "Demo T"),
            "use lower-case letters and digits joined by hyphens",
        ),
        (("module", "--track", "demo", "--title", "T", "--id", "demo-module"), "this id is already used"),
        (("module", "--track", "demo", "--title", "T", "--id", "todo-thing"), "cannot start with 'todo'"),
        (("module", "--track", "demo", "--title", "TODO", "--id", "demo-t"), "write the real title"),
        (("quiz", "--module", "no-such-module"), "no module with this id (modules: demo-module)"),
        (
            ("quiz", "--module", "demo-module"),
            "module 'demo-module' already has its quiz, quizzes/demo-module-quiz.yml",
        ),
    ],
)
def test_bad_answers_are_refused(tree, args, message):
    result = new(tree, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_never_overwrites_an_existing_file(tree):
    first = new(tree, "checklist", "--title", "Once", "--id", "once")
    assert first.returncode == 0
    written = (tree / "checklists/once.yml").read_text()
    again = new(tree, "checklist", "--title", "Twice", "--id", "once")
    assert again.returncode == 2
    assert (tree / "checklists/once.yml").read_text() == written
    # a file that does not even load (so its id is unknown) is not overwritten either
    (tree / "checklists/kept.yml").write_text("just text\n")
    result = new(tree, "checklist", "--title", "Kept", "--id", "kept")
    assert result.returncode == 2
    assert "checklists/kept.yml already exists" in result.stderr
    assert (tree / "checklists/kept.yml").read_text() == "just text\n"


def _run_at_terminal(tree, args, answers: str):
    """Run `curriculum new` with stdin on a pseudo-terminal and the answers typed into it."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "curriculum_tools.cli.main", "new", *args, "--root", str(tree), "--today", TODAY],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(master, answers.encode())
        deadline = time.time() + 60
        while proc.poll() is None and time.time() < deadline:
            try:  # keep the terminal's echo buffer drained
                os.read(master, 4096) if _readable(master) else time.sleep(0.05)
            except OSError:
                break
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    return proc.returncode, out, err


def _readable(fd) -> bool:
    import select

    return bool(select.select([fd], [], [], 0.05)[0])


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_asks_at_a_terminal_and_asks_again_after_a_bad_answer(tree):
    # track: a wrong one first, then the right one; title; id: accept the suggestion; competencies: later
    code, out, err = _run_at_terminal(tree, ["module"], "nowhere\ndemo\nSitting with silence\n\n\n")
    assert code == 0, out + err
    assert "unknown track; use one of: demo" in err
    assert "Module id [demo-sitting-with-silence]" in out  # suggested from the track's prefix and the title
    assert (tree / "curriculum/demo/demo-sitting-with-silence.md").is_file()
