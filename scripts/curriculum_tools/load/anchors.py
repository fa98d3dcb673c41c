"""Heading anchors of a Markdown body, computed the way Python-Markdown's toc does."""
from __future__ import annotations

import re

from markdown.extensions.toc import slugify, unique

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = re.compile(r"[*_`]|\[@[^\]]*\]|\[([^\]]*)\]\([^)]*\)")


def heading_anchors(body: str, first_line: int = 1) -> dict[str, int]:
    """Map each heading's anchor to its line number in the file."""
    anchors: dict[str, int] = {}
    used: set[str] = set()
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        explicit = _ATTR_ID.search(text)
        if explicit:
            anchor = explicit.group(1)
        else:
            plain = _INLINE.sub(lambda m: m.group(1) or "", re.sub(r"\s*\{[^}]*\}\s*$", "", text))
            anchor = unique(slugify(plain, "-"), used)
        used.add(anchor)
        anchors[anchor] = first_line + offset
    return anchors
