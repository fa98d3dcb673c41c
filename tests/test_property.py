"""Property-based: random and mutated YAML and Markdown never crash the validator. Whatever
the input, `curriculum validate` exits 0 or 1 and every problem names a file and a line."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curriculum_tools.cli.main import main
from helpers import BASE, TODAY

TARGETS = [
    "quizzes/demo-module-quiz.yml",
    "curriculum/demo/demo-module.md",
    "checklists/demo-checklist.yml",
    "competencies.yml",
    "tracks.yml",
    "glossary/general.yml",
]
TOKENS = [
    "&a ",
    "*a",
    "!tag ",
    "!!python/object:os.system ",
    "? ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "yes",
    "no",
    "on",
    "\t",
    "\x00",
    "\ufeff",
    "---",
    "...",
    "#",
    "|",
    ">",
    "%YAML 1.1",
    "<<: *a",
    "1: x",
    "null",
    "~",
    "2026-02-30",
    "10.1/x",
    "[@nope]",
    "## Heading",
    "\u2028",
    "𝔘",
    "\\",
    "@",
    "`",
    "id: dup",
    "correct: true",
    "type: scenario",
]

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def run_validate(root: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", "--root", str(root), "--today", TODAY])
    return code, out.getvalue() + err.getvalue()


def assert_clean_outcome(code: int, output: str) -> None:
    assert code in (0, 1), output
    assert "Traceback" not in output and "internal error" not in output, output
    lines = output.strip().splitlines()
    assert lines, "no output at all"
    assert "error(s)" in lines[-1] or "All clear" in lines[-1]
    for line in lines[:-1]:
        path, lineno, col, _rest = line.split(":", 3)
        assert path and int(lineno) >= 1 and int(col) >= 1, line


@st.composite
def mutation(draw):
    target = draw(st.sampled_from(TARGETS))
    text = (BASE / target).read_text()
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "truncate", "replace"]))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op == "insert":
            pos = draw(st.integers(0, len(lines[i]) if lines else 0))
            token = draw(st.sampled_from(TOKENS))
            if lines:
                lines[i] = lines[i][:pos] + token + lines[i][pos:]
            else:
                lines = [token]
        elif op == "indent" and lines:
            lines[i] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + lines[i].lstrip()
        elif op == "truncate":
            lines = lines[:i]
        elif op == "replace" and lines:
            lines[i] = draw(st.text(max_size=40))
    return target, "\n".join(lines)


@SETTINGS
@given(mutation())
def test_mutated_content_never_crashes(tmp_path_factory, case):
    target, text = case
    root = tmp_path_factory.mktemp("mut") / "content"
    shutil.copytree(BASE, root)
    (root / target).write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_clean_outcome(*run_validate(root))


@SETTINGS
@given(st.sampled_from(TARGETS), st.binary(max_size=300))
def test_random_bytes_never_crash(tmp_path_factory, target, data):
    root = tmp_path_factory.mktemp("bytes") / "content"
    shutil.copytree(BASE, root)
    (root / target).write_bytes(data)
    assert_clean_outcome(*run_validate(root))


@SETTINGS
@given(st.sampled_from(TARGETS), st.text(max_size=300))
def test_random_text_never_crashes(tmp_path_factory, target, text):
    root = tmp_path_factory.mktemp("text") / "content"
    shutil.copytree(BASE, root)
    (root / target).write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_clean_outcome(*run_validate(root))
