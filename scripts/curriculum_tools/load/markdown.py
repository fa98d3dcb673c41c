"""Split a Markdown module into its YAML front matter and body, keeping line numbers."""
from __future__ import annotations

from dataclasses import dataclass

from curriculum_tools.core.problems import ContentError, Problem
from curriculum_tools.load.yaml import Positions, load_yaml


@dataclass
class MarkdownFile:
    meta: object
    positions: Positions
    body: str
    body_line: int  # 1-based line of the file where the body starts


def parse_markdown(text: str, path: str) -> MarkdownFile:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(
            Problem(path, 1, 1, "a module must start with front matter: a line '---', YAML, then '---'", "front-matter")
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    else:
        raise ContentError(
            Problem(path, 1, 1, "front matter is not closed: add a line '---' after the YAML", "front-matter")
        )
    yaml_text = "\n".join(lines[1:end])
    meta, positions = load_yaml(yaml_text, path, line_offset=1)
    if meta is None:
        meta, positions = {}, {(): (2, 1)}
    body = "\n".join(lines[end + 1 :])
    return MarkdownFile(meta=meta, positions=positions, body=body, body_line=end + 2)
