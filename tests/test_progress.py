"""Assessment-plan progress: `curriculum report` evaluates each trainee's progress against
signoff.yml's targets (sessions, observers, required items, contexts) and writes it to
progress.json; the parity fixtures in fixtures/parity/progress/ fix that evaluation so a
browser implementation can be held to the same results. The HTML report says it in words,
with a bar per target."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import BASE, FIXTURES, run_cli

PARITY = FIXTURES / "parity" / "progress"
CASES = sorted(p.name for p in PARITY.iterdir() if p.is_dir())


def evaluate_case(case: str, tmp_path):
    data = json.loads((PARITY / case / "input.json").read_text())
    root = tmp_path / case
    shutil.copytree(BASE, root)
    for name, content in data["content"].items():  # JSON is YAML
        kind = "checklist" if name.startswith("checklists/") else name.removesuffix(".yml")
        up = "../" * name.count("/")
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(
            f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n" + json.dumps(content, indent=2),
            encoding="utf-8",
        )
    (root / "records").mkdir()
    for record in data["records"]:
        (root / "records" / f"{record['id']}.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    r = run_cli("report", "records", "--out", "out", cwd=root)
    assert "Traceback" not in r.stderr and r.returncode == 0, r.stdout + r.stderr
    return json.loads((root / "out" / "progress.json").read_text()), root


@pytest.mark.parametrize("case", CASES)
def test_progress_matches_the_parity_fixture(case, tmp_path):
    got, _ = evaluate_case(case, tmp_path)
    expected = json.loads((PARITY / case / "expected.json").read_text())
    assert got == expected


def _find(plan, trainee, competency):
    person = next(t for t in plan["trainees"] if t["trainee"] == trainee)
    return next(c for c in person["competencies"] if c["competency"] == competency)


def test_progress_values_by_hand(tmp_path):
    plan, root = evaluate_case("cohort", tmp_path)
    ben = _find(plan, "Ben Okafor", "demo-listen")
    assert ben["status"] == "not yet" and ben["level_reached"] is None
    assert {t["target"]: (t["have"], t["need"], t["met"]) for t in ben["targets"]} == {
        "sessions": (2, 2, True),
        "observers": (1, 2, False),
        "required items": (1, 1, True),
    }
    link = _find(plan, "Ben Okafor", "demo-link")
    # links rated Indirect on 2026-11-05, not observed on 2026-11-19: one session of two
    assert {t["target"]: (t["have"], t["need"]) for t in link["targets"]} == {
        "sessions": (1, 2),
        "observers": (1, 2),
        "required items": (1, 1),
    }
    # ordinal: listening reached Unsupervised (two sessions, two observers at that level),
    # linking only Indirect although its latest rating is Unsupervised
    assert _find(plan, "Ada Lovelace", "demo-listen")["level_reached"] == "unsupervised"
    ada = _find(plan, "Ada Lovelace", "demo-link")
    assert (ada["level_reached"], ada["latest"]) == ("indirect", "Unsupervised, 2026-11-26")
    html = (root / "out" / "report.html").read_text()
    assert 'Observers: 1 of 2<span class="bar" aria-hidden="true"><span style="width:50%"></span></span>' in html
    assert "Entrustment reached: <strong>Unsupervised</strong>" in html


def test_contexts_target(tmp_path):
    plan, root = evaluate_case("strict", tmp_path)
    ada = _find(plan, "Ada Lovelace", "demo-link")
    contexts = [t for t in ada["targets"] if t["target"] == "contexts"][0]
    assert (contexts["have"], contexts["need"], contexts["met"]) == (1, 2, False)
    assert ada["status"] == "not yet"
    csv = (root / "out" / "report.csv").read_text()
    assert "needs sessions in 2 different contexts, has 1" in csv
    # demo-listen: one Unsupervised session by one observer is enough, but the override
    # keeps the default's two contexts, and Ada's Unsupervised listening was seen in one
    listen = _find(plan, "Ada Lovelace", "demo-listen")
    assert {t["target"]: (t["have"], t["need"]) for t in listen["targets"]} == {
        "sessions": (1, 1),
        "observers": (1, 1),
        "required items": (1, 1),
        "contexts": (1, 2),
    }
    assert listen["status"] == "not yet"


@pytest.mark.parametrize("case", CASES)
def test_the_case_framework_is_what_the_build_hands_the_dashboard(case, tmp_path):
    """tests/js/plan.test.js runs dashboard/plan.js on each case with its framework.json:
    that file must be exactly what the build writes into the dashboard's data-config."""
    from curriculum_tools.check import check
    from curriculum_tools.site.components.dashboard.render import signoff_config

    _, root = evaluate_case(case, tmp_path)
    checked = check(root)
    assert not checked.result.errors
    framework = json.loads((PARITY / case / "framework.json").read_text())
    assert framework == signoff_config(checked.curriculum), f"regenerate {case}/framework.json from signoff_config()"
