"""One truth for the browser and `curriculum report`: the parity fixtures (tests/fixtures/parity/)
run here through the Python code and in tests/js/ through the browser's (node --test), so the
two cannot drift. Also: the browser's record-schema engine implements every keyword of the
schema the build emits, and the node unit tests pass."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from curriculum_tools.check import check
from curriculum_tools.signoff.evaluate import evaluate
from curriculum_tools.signoff.records import read_records
from curriculum_tools.signoff.schema import keywords, record_schema
from curriculum_tools.site.components.dashboard.render import signoff_config
from helpers import FIXTURES, REPO

PARITY = FIXTURES / "parity"
NODE = shutil.which("node")
ANNOTATIONS = {"$defs"}


@pytest.fixture(scope="module")
def tree():
    checked = check(PARITY / "tree")
    assert not checked.result.errors
    return checked.curriculum


def test_the_fixture_framework_is_what_the_build_hands_the_browser(tree):
    framework = json.loads((PARITY / "framework.json").read_text())
    assert framework["signoff"] == signoff_config(tree), (
        "regenerate tests/fixtures/parity/framework.json from signoff_config()"
    )
    assert framework["schema"] == record_schema(tree), (
        "regenerate tests/fixtures/parity/framework.json from record_schema()"
    )


@pytest.mark.parametrize("case", sorted(p.name for p in (PARITY / "latest-rating").glob("*.json")))
def test_latest_rating_in_python(tree, tmp_path, case):
    data = json.loads((PARITY / "latest-rating" / case).read_text())
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"format": "supervisor-records/1", "records": data["records"]}))
    read = read_records([path], tree)
    assert not read.result.errors, [p.message for p in read.result.errors]
    got: dict = {}
    for row in evaluate(tree, read.records):
        got.setdefault(row.trainee, {})[row.competency.id] = row.latest
    assert got == data["expected"]


RECORDS = json.loads((PARITY / "records.json").read_text())


@pytest.mark.parametrize("entry", RECORDS, ids=[e["about"] for e in RECORDS])
def test_record_validity_the_cli_and_the_emitted_schema_agree(tree, tmp_path, entry):
    path = tmp_path / "record.json"
    path.write_text(json.dumps(entry["record"]))
    read = read_records([path], tree)
    expected_count = len(entry["record"].get("records", [entry["record"]]))
    cli_accepts = not read.result.errors and len(read.records) == expected_count
    assert cli_accepts == entry["valid"], [p.message for p in read.result.errors]
    schema_accepts = Draft202012Validator(record_schema(tree), format_checker=FormatChecker()).is_valid(entry["record"])
    assert schema_accepts == entry["valid"]


def engine_keywords() -> set[str]:
    script = (
        "globalThis.window = globalThis;"
        "for (const f of ['shared/start.js', 'shared/store.js', 'shared/dom.js', 'shared/records.js', 'shared/schema.js'])"
        " require(process.argv[1] + '/' + f);"
        "console.log(JSON.stringify(curriculum.records.KEYWORDS));"
    )
    done = subprocess.run(
        [NODE, "-e", script, str(REPO / "scripts/curriculum_tools/site/components")],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout))


@pytest.mark.skipif(NODE is None, reason="node is not installed (make node-deps)")
@pytest.mark.parametrize("root", [REPO, PARITY / "tree"], ids=["repository", "parity tree"])
def test_the_browser_engine_implements_every_keyword_of_the_emitted_schema(root):
    schema = record_schema(check(root).curriculum)
    missing = keywords(schema) - ANNOTATIONS - engine_keywords()
    assert missing == set(), f"schema.js does not implement: {sorted(missing)}"


@pytest.mark.skipif(NODE is None, reason="node is not installed (make node-deps)")
def test_node_unit_tests_pass():
    done = subprocess.run(
        [NODE, "--test", "--test-reporter=dot", str(REPO / "tests" / "js")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
