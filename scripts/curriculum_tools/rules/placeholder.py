"""`curriculum new` fills what only the author can write with placeholders: text containing
`TODO` (in capitals) and ids starting with `todo-`. Each one left is an error, so a
scaffolded file fails validation until it is written, and cannot be published half-done."""

from __future__ import annotations

import re

from curriculum_tools.core.problems import ERROR, Problem
from curriculum_tools.load.schemas import _where as field_name

ID = "placeholder"
SEVERITY = ERROR
EXPLANATION = (
    "Placeholders left by 'curriculum new' (text with TODO, ids starting todo-) must be replaced with real content."
)

TEXT = re.compile(r"\bTODO\b")
PLACEHOLDER_ID = re.compile(r"^todo(-[a-z0-9]+)*$")


def _strings(data, path=()):
    """Yield (path, text) for every string in the data, keys excluded."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def _describe(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def check(context):
    for source in context.curriculum.sources:
        for path, text in _strings(source.data):
            if TEXT.search(text) or PLACEHOLDER_ID.match(text):
                yield source.problem(
                    path, f"{field_name(path)}: placeholder '{_describe(text)}' still to be written", ID
                )
        if source.kind == "module":
            for offset, line in enumerate(source.body.split("\n")):
                match = TEXT.search(line)
                if match:
                    yield Problem(
                        source.path,
                        source.body_line + offset,
                        match.start() + 1,
                        f"placeholder still to be written: '{_describe(line.strip())}'",
                        ID,
                    )
