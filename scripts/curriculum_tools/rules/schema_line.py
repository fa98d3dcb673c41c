"""Every content file names its JSON Schema on its first line (in a module, the first line
inside the front matter): `# yaml-language-server: $schema=<relative path>`, so editors with
the YAML extension complete, check and explain each field as the author types.

An error, not a warning: the line costs one line and `curriculum new` writes it, the message
gives the exact line to paste, and it depends only on where the file is (it can never start
failing on its own, unlike a review date). A wrong line is worse than none: the editor would
check a quiz against the module schema and show errors that contradict the validator.

When the content root has a `schemas/` folder (the repository), the path must lead to the
right file from the file's folder; otherwise (a content tree elsewhere) it must at least name
the right schema file."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.loader import discover
from curriculum_tools.load.schemas import KIND_SCHEMAS

ID = "schema-line"
SEVERITY = ERROR
EXPLANATION = (
    "First line (first front-matter line in a module): '# yaml-language-server: $schema=<relative path to its schema>'."
)

LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<target>\S+)\s*$")


def expected_line(rel: str, kind: str) -> str:
    """The schema line a file at `rel` (relative to the content root) should start with."""
    folder = posixpath.dirname(rel) or "."
    return f"# yaml-language-server: $schema={posixpath.relpath('schemas/' + KIND_SCHEMAS[kind], folder)}"


def _first_yaml_line(root: Path, rel: str, kind: str) -> tuple[int, str] | None:
    try:
        with open(root / rel, encoding="utf-8", errors="replace") as handle:
            lines = [handle.readline().rstrip("\r\n").removeprefix("\ufeff") for _ in range(2)]
    except OSError:
        return None  # the loader already reported it
    if kind == "module":
        if lines[0].rstrip() != "---":
            return None  # the front-matter problem is reported by the loader
        return 2, lines[1]
    return 1, lines[0]


def check(context):
    root = Path(context.curriculum.root)
    has_schemas = (root / "schemas").is_dir()
    for rel, kind in discover(root):
        if kind not in KIND_SCHEMAS or not (root / rel).is_file():
            continue
        found = _first_yaml_line(root, rel, kind)
        if found is None:
            continue
        line_no, line = found
        want = expected_line(rel, kind)
        where = "the first line inside the front matter" if kind == "module" else "the first line"
        match = LINE.match(line.strip())
        if not match:
            yield Problem(rel, line_no, 1, f"{where} must name the schema, for editors: '{want}'", ID)
            continue
        target = match["target"]
        schema_name = KIND_SCHEMAS[kind]
        if "://" in target:
            ok = False
        elif has_schemas:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            ok = resolved == f"schemas/{schema_name}"
        else:
            ok = posixpath.basename(target) == schema_name
        if not ok:
            if posixpath.basename(target) == schema_name and "://" not in target:
                why = f"'{target}' does not lead to schemas/{schema_name} from {posixpath.dirname(rel) or 'the top folder'}/"
            else:
                why = f"'{target}' is not this file's schema ({schema_name})"
            yield Problem(rel, line_no, match.start("target") + 1, f"{why}; write '{want}'", ID)
