"""JSON Schema validation with messages an author can act on, at the right YAML line."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError, relevance

from curriculum_tools.core.model import Source
from curriculum_tools.core.problems import Problem

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"

KIND_SCHEMAS = {
    "tracks": "tracks.schema.json",
    "competencies": "competencies.schema.json",
    "glossary": "glossary.schema.json",
    "module": "module.schema.json",
    "quiz": "quiz.schema.json",
    "checklist": "checklist.schema.json",
    "scenario": "scenario.schema.json",
    "record": "record.schema.json",
    "signoff": "signoff.schema.json",
    "decision": "decision.schema.json",
    "translation": "translation.schema.json",
}
SHARED_SCHEMAS = ["translation.schema.json"]  # $ref'd by module, quiz, glossary and tracks


def _is_integer(checker, instance) -> bool:
    """An integer is a whole number as written: JSON Schema would take 70.0 (or 7.0e+1) for
    one, and the site would then show a pass mark of "70.0%"."""
    return isinstance(instance, int) and not isinstance(instance, bool)


# Draft 2020-12, except that a float is never an integer.
_Validator = validators.extend(
    Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
)


@cache
def _registry():
    """The schemas that others $ref (translation.schema.json), by their $id."""
    from referencing import Registry, Resource

    shared = [json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")) for name in SHARED_SCHEMAS]
    return Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in shared)


@cache
def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / KIND_SCHEMAS[kind]).read_text(encoding="utf-8"))
    return _Validator(schema, format_checker=FormatChecker(), registry=_registry())


@cache
def _fast(kind: str):
    """The same schema compiled to Python code by fastjsonschema, for a yes/no answer at a
    fraction of the cost (a 50 MB export of records). Its differences are closed: formats
    are checked by jsonschema's own FormatChecker, and a required text of only white space
    fails (minLength after blank_as_empty). It has one left: it takes 70.0 for an integer,
    so callers use it only for data known to hold no decimal numbers."""
    import fastjsonschema

    checker = FormatChecker()
    schema = json.loads((SCHEMA_DIR / KIND_SCHEMAS[kind]).read_text(encoding="utf-8"))

    def tighten(node):
        if isinstance(node, dict):
            node = {key: tighten(value) for key, value in node.items()}
            if node.get("minLength", 0) >= 1:
                node.setdefault("allOf", []).append({"pattern": "\\S"})
            return node
        return [tighten(value) for value in node] if isinstance(node, list) else node

    schema = tighten(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    formats = {
        name: (lambda value, name=name: checker.conforms(value, name)) for name in ("date", "date-time", "uri", "email")
    }
    return fastjsonschema.compile(schema, formats=formats)


def fast_valid(kind: str, data) -> bool:
    """True when the data is valid against the kind's schema (see _fast for its one caveat)."""
    import fastjsonschema

    try:
        _fast(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _has_float(data) -> bool:
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(_has_float(value) for value in data.values())
    if isinstance(data, list):
        return any(_has_float(value) for value in data)
    return False


def blank_as_empty(data):
    """The data with every text that is only white space made empty: such text is empty
    text (a required explanation of three spaces is missing), and the schemas' minLength
    says so."""
    if isinstance(data, str):
        return "" if data and not data.strip() else data
    if isinstance(data, dict):
        return {key: blank_as_empty(value) for key, value in data.items()}
    if isinstance(data, list):
        return [blank_as_empty(value) for value in data]
    return data


def schema_problems(source: Source) -> list[Problem]:
    """All schema errors of one file, the most relevant first."""
    return [problem for _, problem in located_schema_problems(source)]


# (kind, path, content hash) -> located problems: what a file read by the loader gave,
# kept for the rest of the process. The answer is a pure function of those three (the data
# and its positions are parsed from exactly that content; the schemas ship with the
# package), and schema validation is a third of a check, so a process that checks a tree
# again (the build after `curriculum validate`, every exporter, the bench) pays only for the
# files that changed. Sources without a hash (a translation block, an import) are not kept.
_CHECKED: dict[tuple[str, str, str], list[tuple[tuple, Problem]]] = {}
_CHECKED_MAX = 8192


def located_schema_problems(source: Source) -> list[tuple[tuple, Problem]]:
    """(path in the data, problem) for each schema error, so a caller can tell which part of a
    file is broken (one record of an export) from which parts are fine."""
    if not source.hash:
        return _located_schema_problems(source)
    key = (source.kind, source.path, source.hash)
    if key not in _CHECKED:
        if len(_CHECKED) >= _CHECKED_MAX:
            _CHECKED.clear()
        _CHECKED[key] = _located_schema_problems(source)
    return list(_CHECKED[key])


def _located_schema_problems(source: Source) -> list[tuple[tuple, Problem]]:
    data = blank_as_empty(source.data)
    errors = sorted(validator(source.kind).iter_errors(data), key=relevance)
    leaves = []
    for error in errors:
        leaves.extend(_leaves(error))
    problems: list[tuple[tuple, Problem]] = []
    seen = set()
    for error in leaves:
        path, message = _describe(error)
        if error.validator == "minLength" and isinstance(original := _value_at(source.data, path), str) and original:
            message += " (it holds only white space)"
        line, col = source.pos(path)
        key = (line, message)
        if key in seen:
            continue
        seen.add(key)
        problems.append((path, Problem(source.path, line, col, message, "schema")))
    return problems


def _leaves(error: ValidationError) -> list[ValidationError]:
    """Replace an if/then or $ref wrapper error by the errors inside it."""
    if error.context:
        best = sorted(error.context, key=relevance)
        return [leaf for sub in best for leaf in _leaves(sub)]
    return [error]


def _where(path) -> str:
    parts = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "the file"


def _describe(error: ValidationError) -> tuple[tuple, str]:
    path = tuple(error.absolute_path)
    where = _where(path)
    # jsonschema types these as "unset or anything"; a raised error always has them
    kind, value, schema = error.validator, error.instance, cast(dict, error.schema)
    expected: Any = error.validator_value
    if kind == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        name = missing[0] if missing else "?"
        return path, f"{where}: missing required field '{name}'"
    if kind == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        name = extra[0] if extra else "?"
        return path + (name,), f"{where}: unknown field '{name}' (allowed: {', '.join(allowed)})"
    if kind == "type":
        wanted = expected
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        words = {
            "string": "text",
            "integer": "a whole number",
            "array": "a list",
            "object": "a mapping (key: value)",
            "boolean": "true or false",
        }
        return path, f"{where}: must be {words.get(wanted, wanted)}, not {_kind_of(value)}"
    if kind in ("enum", "const"):
        options = expected if kind == "enum" else [expected]
        return path, f"{where}: {value!r} is not allowed; use one of: {', '.join(map(str, options))}"
    if kind == "pattern":
        return path, f"{where}: {value!r} is not in the expected form ({_pattern_hint(schema, expected)})"
    if kind == "minItems":
        return path, f"{where}: needs at least {expected} item(s), has {len(cast(list, value))}"
    if kind == "maxItems":
        return path, f"{where}: allows at most {expected} item(s), has {len(cast(list, value))}"
    if kind == "minLength":
        return path, f"{where}: must not be empty"
    if kind == "maxLength":
        return path, f"{where}: is too long (at most {expected} characters)"
    if kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        return path, f"{where}: must be {word} {expected}, not {value!r}"
    if kind == "format":
        return (
            path,
            f"{where}: {value!r} is not a valid {expected} (expected e.g. 2026-01-31)"
            if expected == "date"
            else f"{where}: {value!r} is not a valid {expected}",
        )
    if kind == "uniqueItems":
        return path, f"{where}: contains the same entry twice"
    return path, f"{where}: {error.message}"


def _value_at(data, path: tuple):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _pattern_hint(schema: dict, pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]+(-"):
        return "lower-case letters and digits joined by hyphens, e.g. my-module-id"
    if pattern.startswith("^sc-[a-z0-9]+(-"):
        return "sc- then lower-case letters and digits joined by hyphens, e.g. sc-my-scenario"
    if pattern.startswith("^[A-Za-z0-9_](?:"):
        return "a citation key: letters, digits and _, with : . - inside, e.g. yalom2020"
    if pattern.startswith("^\\d{4}"):
        return "a date YYYY-MM-DD"
    if pattern.startswith("^https?"):
        return "a web address starting with http:// or https://"
    return f"pattern {pattern}"


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return f"the decimal number {value!r}" if value.is_integer() else "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return type(value).__name__
