"""Every command, every input, no traceback (issue 12, classes 2 and 3): deep nesting, huge
and non-finite numbers, far-future and far-past dates and odd Unicode give `file:line:col:
message` and exit 1 from validate, build and report, and no internal error from any command;
a record of a session after today is rejected by `curriculum report` and never counted. The
quick paths of the report (positions found on demand, the compiled schema) agree with the
full ones."""

from __future__ import annotations

import json
import re
import shutil
from bisect import bisect_right

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_site_config
from curriculum_tools.core.model import Source
from curriculum_tools.load.schemas import fast_valid, located_schema_problems
from curriculum_tools.signoff import jsonpos
from helpers import FIXTURES, TODAY, make_tree, run_cli

MODULE = "curriculum/demo/demo-module.md"
QUIZ = "quizzes/demo-module-quiz.yml"
PROBLEM = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): .+ \([a-z0-9-]+\)$", re.M)

CRASH_INPUTS = {
    "deep-list": (
        "tracks.yml",
        "    summary: A small track used by the tests.",
        "    summary: A small track used by the tests.\n    x: " + "[" * 3000 + "]" * 3000,
    ),
    "deep-map": (
        "glossary/general.yml",
        "    definition: Supportive-Expressive Group Therapy.",
        "    definition: Supportive-Expressive Group Therapy.\n    x:"
        + "".join("\n" + "  " * (i + 3) + f"k{i}:" for i in range(400))
        + " v",
    ),
    "huge-integer": (MODULE, "order: 1", "order: " + "9" * 5000),
    "infinite": (QUIZ, "pass_mark: 70", "pass_mark: .inf"),
    "year-9999-review": (MODULE, "last_reviewed: 2026-01-01", "last_reviewed: 9999-12-01"),
    "year-10000-review": (MODULE, "last_reviewed: 2026-01-01", "last_reviewed: 10000-01-01"),
    "year-1-review": (MODULE, "last_reviewed: 2026-01-01", "last_reviewed: 0001-01-01"),
    "bidi-title": (MODULE, "title: A demo module", 'title: "A demo \\u202Eeludom"'),
    "zero-width-id": (MODULE, "  - id: obj-one", '  - id: "obj\\u200B-one"'),
}


def crash_tree(tmp_path, case):
    rel, old, new = CRASH_INPUTS[case]
    root = make_tree(tmp_path)
    path = root / rel
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1), encoding="utf-8")
    return root, rel


def clean(result):
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    return output


@pytest.mark.parametrize("case", sorted(CRASH_INPUTS))
def test_validate_gives_a_line_and_exit_1(case, tmp_path):
    root, rel = crash_tree(tmp_path, case)
    result = run_cli("validate", "--root", str(root), "--today", TODAY)
    clean(result)
    if case == "year-1-review":  # valid, and long overdue: a warning, not an error
        assert result.returncode == 0 and "review-overdue" in result.stdout
        return
    assert result.returncode == 1, result.stdout
    assert any(m["file"] == rel for m in PROBLEM.finditer(result.stdout)), result.stdout


@pytest.mark.parametrize("case", ["deep-list", "huge-integer", "year-9999-review", "bidi-title"])
def test_build_refuses_with_the_validators_message(case, tmp_path):
    root, rel = crash_tree(tmp_path, case)
    result = run_cli("build", "--config", str(write_site_config(root)), "--site-dir", str(tmp_path / "out"))
    output = clean(result)
    assert result.returncode == 1 and f"{rel}:" in output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CRASH_INPUTS))
@pytest.mark.parametrize("command", [["stats"], ["review-due", "--today", TODAY]])
def test_other_commands_never_crash(case, command, tmp_path):
    root, _ = crash_tree(tmp_path, case)
    result = run_cli(*command, "--root", str(root))
    clean(result)
    assert result.returncode in (0, 1)


# -- curriculum report ----------------------------------------------------------------------

RECORDS = FIXTURES / "records"


@pytest.fixture
def report_root(tmp_path):
    tree = make_tree(tmp_path)
    shutil.copytree(RECORDS / "content", tree, dirs_exist_ok=True)
    return tree


def test_a_session_after_today_is_rejected_and_never_counted(report_root):
    files = [str(RECORDS / "valid" / "ada-2026-11-03.json"), str(RECORDS / "valid" / "ada-2026-11-17.json")]
    before = json.loads(
        run_cli("report", *files, "--root", str(report_root), "--format", "json", "--today", "2026-11-20").stdout
    )
    assert before["records"] == 2 and before["errors"] == 0
    result = run_cli("report", *files, "--root", str(report_root), "--format", "json", "--today", "2026-11-10")
    clean(result)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["records"] == 1
    [problem] = [p for p in payload["problems"] if p["rule"] == "future-date"]
    assert problem["path"].endswith("ada-2026-11-17.json") and problem["line"] == 13
    assert "session date 2026-11-17 is after today (2026-11-10)" in problem["message"]


@pytest.mark.parametrize(
    "name,text,where",
    [
        ("deep.json", '{"a":\n' + "[" * 70 + "]" * 70 + "}", None),
        ("deeper.json", "[" * 100000, (1, 65)),
        ("huge.json", '{\n  "a": ' + "9" * 5000 + "\n}", (2, 8)),
        ("nan.json", '{"a": NaN}', None),
        ("bom-bidi.json", '\ufeff{"trainee": "\u202eA"}', None),
    ],
)
def test_report_inputs_give_a_line(report_root, tmp_path, name, text, where):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_cli("report", str(path), "--root", str(report_root))
    clean(result)
    assert result.returncode == 1
    found = [m for m in PROBLEM.finditer(result.stdout) if m["file"].endswith(name)]
    assert found, result.stdout
    if where:
        assert (int(found[0]["line"]), int(found[0]["col"])) == where, result.stdout


def _full_positions(text):
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(i):
        line = bisect_right(starts, i)
        return line, i - starts[line - 1] + 1

    positions = {}
    jsonpos._value(text, jsonpos._skip(text, 0), (), positions, where)
    return positions


RECORD_FILES = sorted(p for p in RECORDS.rglob("*.json") if p.parent.name != "content")


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_positions_on_demand_are_the_full_walks(path):
    text = path.read_text(encoding="utf-8")
    try:
        _, lazy = jsonpos.load_json(text, path.name)
    except Exception:
        return  # not JSON: the same error either way (test_report)
    full = _full_positions(text)
    assert {key: lazy.get(key) for key in full} == full
    assert ("no", "such", "path") not in lazy


def _mutations():
    leaf = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.text(max_size=12),
        st.sampled_from(["  ", "2026-02-30", "2026-11-01", "2026-11-01T10:00:00Z", "not-observed", "x"]),
    )
    return st.tuples(st.integers(0, 10_000), st.sampled_from(["set", "delete", "add"]), leaf)


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, path + (index,))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RECORD_FILES), st.lists(_mutations(), min_size=1, max_size=3))
def test_the_compiled_record_schema_agrees_with_jsonschema(path, mutations):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return
    for pick, op, value in mutations:
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        target = paths[pick % len(paths)]
        parent = data
        for part in target[:-1]:
            parent = parent[part]
        if op == "set":
            parent[target[-1]] = value
        elif op == "delete":
            del parent[target[-1]]
        elif isinstance(parent, dict):
            parent[f"extra{pick % 3}"] = value
        else:
            parent.append(value)
    source = Source(path.name, "record", data, {(): (1, 1)})
    assert fast_valid("record", data) == (not located_schema_problems(source)), data
