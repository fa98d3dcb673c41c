"""Format a result for people (text), for GitHub Actions (annotations) or for tools (JSON)."""

from __future__ import annotations

import json

from curriculum_tools.core.problems import Result


def _summary(result: Result) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if not errors and not warnings:
        return f"All clear: {result.files_checked} files checked, no problems."
    return f"{errors} error(s), {warnings} warning(s) in {result.files_checked} files checked."


def text(result: Result) -> str:
    lines = []
    for p in result.sorted():
        tag = "" if p.severity == "error" else "warning: "
        lines.append(f"{p.path}:{p.line}:{p.col}: {tag}{p.message} ({p.rule})")
    lines.append(_summary(result))
    return "\n".join(lines)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: Result) -> str:
    lines = []
    for p in result.sorted():
        level = "error" if p.severity == "error" else "warning"
        props = f"file={_escape_property(p.path)},line={p.line},col={p.col},title={_escape_property(p.rule)}"
        lines.append(f"::{level} {props}::{_escape_data(p.message)}")
    lines.append(_summary(result))
    return "\n".join(lines)


def as_json(result: Result) -> str:
    payload = {
        "files_checked": result.files_checked,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [p.as_dict() for p in result.sorted()],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


REPORTERS = {"text": text, "github": github, "json": as_json}
