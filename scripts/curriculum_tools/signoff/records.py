"""Read supervisors' record files (one record, or an export of several), check each against
the record schema and the curriculum, and keep the usable records. Every problem is collected
with its file, line and column; a broken file or record never stops the others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curriculum_tools.core.model import Checklist, Curriculum, Source
from curriculum_tools.core.problems import WARNING, ContentError, Problem, Result
from curriculum_tools.load.schemas import fast_valid, located_schema_problems
from curriculum_tools.signoff.jsonpos import load_json

BUNDLE = "supervisor-records/1"


@dataclass
class Record:
    id: str
    checklist: Checklist
    version: int
    trainee: str
    observer: str
    date: str
    ratings: dict[str, str]  # item id -> rating level id (items of the current checklist only)
    signed_off: bool
    updated: dt.datetime
    source: Source
    path: tuple  # where the record sits in its file's data
    older: bool = False  # made against an older version of its checklist
    context: str = ""  # the session's context as the observer wrote it

    @property
    def where(self) -> str:
        return f"{self.source.path}:{self.source.pos(self.path + ('id',))[0]}"


@dataclass
class Records:
    records: list[Record] = field(default_factory=list)
    result: Result = field(default_factory=Result)


def find_files(paths: list[Path], result: Result) -> list[tuple[Path, str]]:
    """(file, path as shown) for every file named, and every *.json file under every folder."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.rglob("*.json"))
            if not files:
                result.add(Problem(str(path), 1, 1, "folder holds no .json record files", "missing-file", WARNING))
            found.extend((f, f.as_posix()) for f in files)
        elif path.is_file():
            found.append((path, path.as_posix()))
        else:
            result.add(Problem(str(path), 1, 1, "no such file or folder", "missing-file"))
    return found


def read_records(
    paths: list[Path], curriculum: Curriculum, today: dt.date | None = None, documents: Sequence[tuple[str, str]] = ()
) -> Records:
    """`today`: records of sessions after it are rejected (default: the real today).
    `documents`: (name, JSON text) of records that are not files (read back from an LRS),
    checked exactly as files are, after the files."""
    today = today or dt.date.today()
    out = Records()
    kept: dict[str, Record] = {}
    for path, shown in find_files(paths, out.result):
        out.result.files_checked += 1
        try:
            source = _parse(path, shown)
        except ContentError as exc:
            out.result.add(exc.problem)
            continue
        for record in _check_file(source, curriculum, out.result, today):
            _keep(kept, record, out.result)
    for shown, text in documents:
        out.result.files_checked += 1
        try:
            data, positions = load_json(text, shown)
        except ContentError as exc:
            out.result.add(exc.problem)
            continue
        for record in _check_file(Source(shown, "record", data, positions), curriculum, out.result, today):
            _keep(kept, record, out.result)
    out.records = list(kept.values())
    return out


def _parse(path: Path, shown: str) -> Source:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(shown, 1, 1, f"cannot read file: {exc.strerror or exc}", "missing-file")) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            Problem(shown, line, 1, "file is not UTF-8 text; is it a record export?", "encoding")
        ) from None
    data, positions = load_json(text, shown)
    return Source(shown, "record", data, positions)


def _check_file(source: Source, curriculum: Curriculum, result: Result, today: dt.date) -> list[Record]:
    """The usable records of one file; problems go to result."""
    # A valid export (the usual case) is told apart quickly; jsonschema then reports the
    # problems of one that is not. (The fast check takes 2.0 for an integer: not used then.)
    quick = getattr(source.positions, "has_float", True) is False and fast_valid("record", source.data)
    located = [] if quick else located_schema_problems(source)
    result.extend(problem for _, problem in located)
    data = source.data
    if isinstance(data, dict) and data.get("format") == BUNDLE and isinstance(data.get("records"), list):
        broken = {path[1] for path, _ in located if len(path) >= 2 and path[0] == "records"}
        if any(len(path) < 2 or path[0] != "records" for path, _ in located):
            return []  # the export itself is broken: trust none of it
        entries: list[tuple[tuple, Any]] = [
            (("records", i), r) for i, r in enumerate(data["records"]) if i not in broken
        ]
    else:
        entries = [] if located else [((), data)]
    records = []
    for path, entry in entries:
        problems = list(_cross_check(source, path, entry, curriculum, today))
        result.extend(problems)
        if not any(p.severity == "error" for p in problems):
            records.append(_record(source, path, entry, curriculum))
    return records


def _cross_check(source: Source, path: tuple, data: dict, curriculum: Curriculum, today: dt.date):
    """Problems with what a schema-valid record refers to: checklist, items, ratings, dates."""

    def problem(sub: tuple, message: str, rule: str = "record-ref", severity: str = "error") -> Problem:
        return source.problem(path + sub, message, rule, severity)

    session = _date(data["date"])
    if session is not None and session > today:
        yield problem(
            ("date",),
            f"date: the session date {data['date']} is after today ({today.isoformat()}); "
            "a session that has not happened yet is not counted",
            "future-date",
        )

    for name in ("created", "updated"):
        if _datetime(data[name]) is None:
            yield problem(
                (name,),
                f"{name}: {data[name]!r} is not a valid date and time (expected e.g. 2026-11-20T15:30:00Z)",
                "schema",
            )
    checklist = next((k for k in curriculum.checklists if k.id == data["checklist"]["id"]), None)
    if checklist is None:
        known = ", ".join(sorted(k.id for k in curriculum.checklists))
        yield problem(("checklist", "id"), f"unknown checklist '{data['checklist']['id']}' (known: {known})")
        return
    version = data["checklist"]["version"]
    if version > checklist.version:
        yield problem(
            ("checklist", "version"),
            f"version {version} of checklist '{checklist.id}' does not exist (the current version is {checklist.version})",
        )
        return
    older = version < checklist.version
    if older:
        yield problem(
            ("checklist", "version"),
            f"made against version {version} of checklist '{checklist.id}', which is now version {checklist.version}",
            "older-version",
            WARNING,
        )
    levels = [lvl.id for lvl in curriculum.needs_framework().levels]
    items = {item.id for item in checklist.items}
    seen: set[str] = set()
    for i, rating in enumerate(data["ratings"]):
        if rating["rating"] not in levels:
            yield problem(
                ("ratings", i, "rating"), f"unknown rating '{rating['rating']}'; use one of: {', '.join(levels)}"
            )
        if rating["item"] in seen:
            yield problem(("ratings", i, "item"), f"item '{rating['item']}' is rated twice")
        seen.add(rating["item"])
        if rating["item"] not in items:
            if older:
                yield problem(
                    ("ratings", i, "item"),
                    f"item '{rating['item']}' is no longer in checklist '{checklist.id}'; its rating is not used",
                    "older-version",
                    WARNING,
                )
            else:
                yield problem(("ratings", i, "item"), f"checklist '{checklist.id}' has no item '{rating['item']}'")


def _record(source: Source, path: tuple, data: dict, curriculum: Curriculum) -> Record:
    checklist = next(k for k in curriculum.checklists if k.id == data["checklist"]["id"])
    items = {item.id for item in checklist.items}
    updated = _datetime(data["updated"])
    assert updated is not None  # _cross_check refused a record whose updated is not a date-time
    return Record(
        id=data["id"],
        checklist=checklist,
        version=data["checklist"]["version"],
        trainee=" ".join(data["trainee"].split()),
        observer=" ".join(data["observer"]["name"].split()),
        date=data["date"],
        ratings={r["item"]: r["rating"] for r in data["ratings"] if r["item"] in items},
        signed_off=bool(data.get("signed_off")),
        updated=updated,
        source=source,
        path=path,
        older=data["checklist"]["version"] < checklist.version,
        context=" ".join(str(data.get("context") or "").split()),
    )


def _keep(kept: dict[str, Record], record: Record, result: Result) -> None:
    """Keep one copy of each record id: the most recently updated (the later file on a tie)."""
    other = kept.get(record.id)
    if other is None:
        kept[record.id] = record
        return
    newer, older = (record, other) if record.updated >= other.updated else (other, record)
    kept[record.id] = newer
    result.add(
        older.source.problem(
            older.path + ("id",),
            f"record {record.id} also appears at {newer.where}; the copy updated {_show(newer.updated)} is used",
            "duplicate-record",
            WARNING,
        )
    )


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _datetime(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if "T" not in value.upper():
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _show(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
