"""A large supervisor export for `curriculum report`, and its timing: records of the
repository's own checklists, every item rated, written as the browser exports them
(JSON.stringify(data, null, 2)), until the file reaches the size asked for."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from curriculum_tools.load.loader import load
from curriculum_tools.tools.bench.corpus import REPO

BUDGET_REPORT = 5.0  # seconds for a 50 MB export
BUDGET_VALIDATE_REPO = 1.0  # seconds for `curriculum validate` of the repository


def write_export(path: Path, megabytes: float, root: Path = REPO, seed: int = 12) -> int:
    """Write the export; return how many records it holds."""
    curriculum = load(root).curriculum
    rng = random.Random(seed)
    levels = [level.id for level in curriculum.needs_framework().levels]
    trainees = [f"Trainee {n:03d}" for n in range(1, 201)]
    observers = [(f"Dr Observer {n}", "Clinical psychologist") for n in range(1, 21)]
    start = dt.date(2025, 1, 1)
    target = int(megabytes * 1024 * 1024)
    pieces, size, count = [], 0, 0
    while size < target:
        checklist = curriculum.checklists[count % len(curriculum.checklists)]
        day = start + dt.timedelta(days=rng.randrange(0, 600))
        observer = rng.choice(observers)
        record = {
            "format": "supervisor-record/1",
            "id": f"rec-{count:07d}",
            "checklist": {"id": checklist.id, "version": checklist.version},
            "trainee": rng.choice(trainees),
            "observer": {"name": observer[0], "role": observer[1]},
            "date": day.isoformat(),
            "context": "Weekly group, session " + str(rng.randrange(1, 12)) + ". Online.",
            "ratings": [
                {
                    "item": item.id,
                    "rating": rng.choice(levels[1:]),
                    "comment": "Observed in the second half of the session.",
                }
                for item in checklist.items
            ],
            "strengths": "Kept the group with the member who spoke of dying; linked two members' experiences.",
            "next_steps": "Practise closing the session on time.",
            "signed_off": {"by": observer[0], "date": day.isoformat()},
            "created": f"{day.isoformat()}T14:00:00Z",
            "updated": f"{day.isoformat()}T15:00:00Z",
        }
        piece = json.dumps(record, indent=2, ensure_ascii=False)
        pieces.append(piece)
        size += len(piece.encode("utf-8")) + 4 * (piece.count("\n") + 1) + 2  # as written: indented, comma
        count += 1
    body = ",\n".join("    " + p.replace("\n", "\n    ") for p in pieces)
    path.write_text('{\n  "format": "supervisor-records/1",\n  "records": [\n' + body + "\n  ]\n}\n", encoding="utf-8")
    return count


def _run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child, exit code)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def report_budget(megabytes: float = 50, repeat: int = 3) -> dict:
    """Time `curriculum report` on an export of `megabytes`, and `curriculum validate` of
    the repository, each run `repeat` times (medians)."""
    cli = [sys.executable, "-m", "curriculum_tools.cli.main"]
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        export = Path(tmp) / "export.json"
        records = write_export(export, megabytes)
        size = export.stat().st_size
        report = [
            _run(
                [
                    *cli,
                    "report",
                    str(export),
                    "--root",
                    str(REPO),
                    "--out",
                    str(Path(tmp) / "out"),
                    "--today",
                    "2026-12-01",
                ]
            )
            for _ in range(repeat)
        ]
    validate = [_run([*cli, "validate", "--root", str(REPO)]) for _ in range(repeat)]
    return {
        "export_bytes": size,
        "records": records,
        "repeat": repeat,
        "report": {
            "wall": _median([r[0] for r in report]),
            "cpu": _median([r[1] for r in report]),
            "exit": report[0][2],
        },
        "validate_repo": {
            "wall": _median([v[0] for v in validate]),
            "cpu": _median([v[1] for v in validate]),
            "exit": validate[0][2],
        },
    }


def text(figures: dict) -> list[str]:
    rep, val = figures["report"], figures["validate_repo"]
    ok_rep = "within" if rep["wall"] <= BUDGET_REPORT else "OVER"
    ok_val = "within" if val["wall"] < BUDGET_VALIDATE_REPO else "OVER"
    return [
        f"Report: curriculum report on one export of {figures['export_bytes'] / 1024 / 1024:.1f} MB ({figures['records']:,} records), "
        f"median of {figures['repeat']}: {rep['wall']:.2f} s wall / {rep['cpu']:.2f} s CPU, exit {rep['exit']} "
        f"({ok_rep} the {BUDGET_REPORT:.0f} s budget)",
        f"Validate the repository: median of {figures['repeat']}: {val['wall']:.2f} s wall / {val['cpu']:.2f} s CPU, exit {val['exit']} "
        f"({ok_val} the {BUDGET_VALIDATE_REPO:.0f} s budget)",
    ]
