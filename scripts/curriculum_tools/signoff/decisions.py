"""Committee decision records (schemas/decision.schema.json, documented in AUTHORING.md):
read one (YAML or JSON, with positions), and check it against the report as of its date.
Every problem carries file:line:col; "certified" for a trainee whose requirements were not
met is an error naming each unmet requirement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.core.model import Curriculum, Source
from curriculum_tools.core.problems import WARNING, ContentError, Problem, Result
from curriculum_tools.load.schemas import located_schema_problems
from curriculum_tools.load.yaml import load_yaml
from curriculum_tools.signoff import knowledge
from curriculum_tools.signoff.certification import (
    Settings,
    Standing,
    parse_date,
    required_ids,
    same_person,
    settings,
    standing,
)
from curriculum_tools.signoff.jsonpos import load_json

CERTIFIED = ("certified", "certified-with-conditions")


@dataclass
class Decision:
    source: Source
    file: Path
    trainee: str
    date: str
    panel: list[dict]
    decision: str
    conditions: list[str]
    rationale: str
    record_paths: list[Path]
    knowledge_paths: list[Path]
    report: str
    expires: str | None

    def problem(self, path, message: str, rule: str = "decision", severity: str = "error") -> Problem:
        return self.source.problem(path, message, rule, severity)


@dataclass
class Checked:
    decision: Decision | None
    result: Result
    standing: Standing | None = None
    settings: Settings | None = None
    valid_until: str | None = None  # YYYY-MM-DD, the last day the certification holds


def read(path: Path, shown: str | None = None) -> Decision:
    """Parse and schema-check a decision file; raise ContentError on the first fatal problem."""
    shown = shown or path.as_posix()
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise ContentError(Problem(shown, 1, 1, "no such decision file", "missing-file")) from None
    except UnicodeDecodeError:
        raise ContentError(Problem(shown, 1, 1, "file is not UTF-8 text", "encoding")) from None
    except OSError as exc:
        raise ContentError(Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}", "missing-file")) from None
    data, positions = load_json(text, shown) if path.suffix.lower() == ".json" else load_yaml(text, shown)
    source = Source(shown, "decision", data, positions)
    located = located_schema_problems(source)
    if located:
        raise _Many([p for _, p in located])
    return Decision(
        source,
        path,
        " ".join(data["trainee"].split()),
        data["date"],
        data["panel"],
        data["decision"],
        data.get("conditions", []),
        data["rationale"],
        [path.parent / p for p in data["evidence"]["records"]],
        [path.parent / p for p in data["evidence"].get("knowledge", [])],
        data["evidence"]["report"],
        data.get("expires"),
    )


class _Many(ContentError):
    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0])
        self.problems = problems


def check(path: Path, curriculum: Curriculum, today: dt.date | None = None) -> Checked:
    """Everything wrong with one decision, against the records as of its date."""
    today = today or dt.date.today()
    result = Result()
    result.files_checked = 1
    try:
        decision = read(path)
    except _Many as many:
        result.extend(many.problems)
        return Checked(None, result)
    except ContentError as exc:
        result.add(exc.problem)
        return Checked(None, result)
    config = settings(curriculum)
    if config is None:
        result.add(
            Problem(
                "signoff.yml",
                1,
                1,
                "no certification section: decisions need its panel size and validity (see AUTHORING.md)",
                "decision",
            )
        )
        return Checked(decision, result)
    date = parse_date(decision.date)
    if date is None:
        result.add(decision.problem(("date",), f"date: {decision.date!r} is not a real date"))
        return Checked(decision, result, settings=config)
    if date > today:
        result.add(decision.problem(("date",), f"date {decision.date} is in the future"))
    # the panel
    names: dict[str, int] = {}
    for i, member in enumerate(decision.panel):
        key = " ".join(member["name"].split()).casefold()
        if key in names:
            result.add(
                decision.problem(
                    ("panel", i, "name"), f"{member['name']} is on the panel twice (also item {names[key] + 1})"
                )
            )
        names.setdefault(key, i)
        if same_person(member["name"], decision.trainee):
            result.add(decision.problem(("panel", i, "name"), "the trainee cannot sit on their own panel"))
    if len(names) < config.panel_min:
        result.add(
            decision.problem(
                ("panel",),
                f"the panel has {len(names)} member{'s' * (len(names) != 1)}; "
                f"signoff.yml certification.panel_min asks for at least {config.panel_min} different people",
            )
        )
    # conditions go with certified-with-conditions only
    if decision.decision == "certified-with-conditions" and not decision.conditions:
        result.add(
            decision.problem(("decision",), "certified-with-conditions needs the conditions listed under conditions")
        )
    if decision.decision != "certified-with-conditions" and decision.conditions:
        result.add(
            decision.problem(
                ("conditions",), f"conditions are only for certified-with-conditions, not {decision.decision}"
            )
        )
    # expiry
    valid_until = None
    if decision.decision in CERTIFIED:
        longest = date + dt.timedelta(days=config.valid_for_days)
        end = longest
        if decision.expires is not None:
            expires = parse_date(decision.expires)
            if expires is None:
                result.add(decision.problem(("expires",), f"expires: {decision.expires!r} is not a real date"))
            elif expires <= date:
                result.add(
                    decision.problem(
                        ("expires",), f"expires {decision.expires} is not after the decision date {decision.date}"
                    )
                )
            elif expires > longest:
                result.add(
                    decision.problem(
                        ("expires",),
                        f"expires {decision.expires} is later than signoff.yml allows "
                        f"({config.valid_for_days} days from {decision.date}: {longest.isoformat()})",
                    )
                )
            else:
                end = expires
        valid_until = end.isoformat()
        if end < today:
            result.add(
                decision.problem(
                    ("expires",) if decision.expires else ("date",),
                    f"this certification expired on {end.isoformat()}; it needs a renewal decision"
                    + (f" ({config.renewal_requires})" if config.renewal_requires else ""),
                    "decision-expired",
                    WARNING,
                )
            )
    elif decision.expires is not None:
        result.add(decision.problem(("expires",), f"expires is only for a certification, not {decision.decision}"))
    # the evidence, as of the decision date
    missing = False
    for field, paths in (("records", decision.record_paths), ("knowledge", decision.knowledge_paths)):
        for i, p in enumerate(paths):
            if not p.exists():
                missing = True
                result.add(decision.problem(("evidence", field, i), f"no such file or folder: {p.as_posix()}"))
    if missing:
        return Checked(decision, result, settings=config, valid_until=valid_until)
    needs_knowledge = bool(knowledge.settings(curriculum).requirements)
    if needs_knowledge and not decision.knowledge_paths and decision.decision in CERTIFIED:
        result.add(
            decision.problem(
                ("evidence",),
                "signoff.yml asks for knowledge results: list the results files the panel read under evidence.knowledge",
            )
        )
    found, record_problems = standing(
        curriculum, decision.record_paths, decision.trainee, decision.date, decision.knowledge_paths, today
    )
    for p in record_problems.errors:
        result.add(p)
    if not any(same_person(r.trainee, decision.trainee) for r in found.records):
        result.add(
            decision.problem(
                ("trainee",),
                f"no usable record of {decision.trainee} dated on or before {decision.date} in the evidence",
            )
        )
    if found.hash != decision.report:
        result.add(
            decision.problem(
                ("evidence", "report"),
                f"the report from these records as of {decision.date} has hash {found.hash}, "
                "not the one recorded: the panel read a different report (records added, changed or removed since?)",
            )
        )
    if decision.decision in CERTIFIED:
        ids = required_ids(curriculum, config)
        for row in found.unmet(ids):
            result.add(
                decision.problem(
                    ("decision",),
                    f"{decision.decision} but requirement not met as of {decision.date}: "
                    f"{row.competency.id} ({row.competency.statement}) is {row.status}: {row.reason}",
                    "unmet-requirement",
                )
            )
        for item in found.knowledge:
            if not item.met:
                result.add(
                    decision.problem(
                        ("decision",),
                        f"{decision.decision} but knowledge requirement not met as of {decision.date}: "
                        f"{item.requirement.label}: {item.note}",
                        "unmet-requirement",
                    )
                )
    return Checked(decision, result, found, config, valid_until)
