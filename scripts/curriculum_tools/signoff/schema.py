"""The record schema of this site: schemas/record.schema.json without its prose, tightened
with this curriculum's ids and the cross-checks of signoff/records.py that a schema can say
(known checklist, no version later than the current one, known items of the current version,
known rating levels, no item rated twice). The build hands it to the browser, which checks
records with it (components/shared/records.js); tests hold it to `curriculum report`."""

from __future__ import annotations

import json

from curriculum_tools.core.model import Curriculum
from curriculum_tools.load.schemas import SCHEMA_DIR

PROSE = ("$schema", "$id", "title", "description", "examples", "default")


def _strip(node):
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in PROSE}
    return [_strip(v) for v in node] if isinstance(node, list) else node


def record_schema(curriculum: Curriculum) -> dict:
    schema = _strip(json.loads((SCHEMA_DIR / "record.schema.json").read_text(encoding="utf-8")))
    record = schema["$defs"]["record"]
    props = record["properties"]
    checklists = sorted(curriculum.checklists, key=lambda c: c.id)
    props["checklist"]["properties"]["id"]["enum"] = [cl.id for cl in checklists]
    levels = curriculum.framework.levels if curriculum.framework else []
    props["ratings"]["items"]["properties"]["rating"]["enum"] = [lv.id for lv in levels]
    rules = []
    for cl in checklists:
        items = [item.id for item in cl.items]
        rules.append(
            {
                "if": {"properties": {"checklist": {"properties": {"id": {"const": cl.id}}}}},
                "then": {
                    "properties": {
                        "checklist": {"properties": {"version": {"maximum": cl.version}}},
                        "ratings": {
                            "allOf": [
                                {"contains": {"properties": {"item": {"const": i}}}, "minContains": 0, "maxContains": 1}
                                for i in items
                            ]
                        },
                    }
                },
            }
        )
        rules.append(
            {  # a record of an older version may name items since removed (a warning in the report)
                "if": {
                    "properties": {
                        "checklist": {"properties": {"id": {"const": cl.id}, "version": {"const": cl.version}}}
                    }
                },
                "then": {"properties": {"ratings": {"items": {"properties": {"item": {"enum": items}}}}}},
            }
        )
    record["allOf"] = rules
    return schema


def keywords(node) -> set[str]:
    """Every schema keyword a schema uses (property names under "properties" are not keywords)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= keywords(sub)
            elif key not in ("const", "enum"):
                found |= keywords(value)
    elif isinstance(node, list):
        for value in node:
            found |= keywords(value)
    return found
