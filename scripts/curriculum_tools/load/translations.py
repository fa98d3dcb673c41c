"""Translated files: how they are named, and the content hash that ties a translation to
the English source it was made from.

A translation sits next to its source with its language before the extension
(`curriculum/grief/gl-models-of-grief.es.md`, `quizzes/gl-models-of-grief-quiz.es.yml`,
`glossary/terms.es.yml`) and carries a `translation:` block (schemas/translation.schema.json)
naming the source and the source's hash when it was translated. The hash is the sha256 of
the source file's bytes with line endings normalised to \\n, written `sha256:<hex>`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# name.<lang>.<ext>: a language code (ISO 639-1/-2, optionally with a region) before the extension
LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Z]{2})?)\.(?P<ext>md|yml)$")
DEFAULT_LANGUAGE = "en"


def content_hash(raw: bytes) -> str:
    """The content hash of a file's bytes (line endings normalised to \\n)."""
    normalised = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return "sha256:" + hashlib.sha256(normalised).hexdigest()


def file_hash(path: Path | str) -> str:
    return content_hash(Path(path).read_bytes())


def split_language(rel: str) -> tuple[str, str | None]:
    """(the source's path, the language) of a translated file's path; (rel, None) for a source."""
    folder, _, name = rel.rpartition("/")
    match = LANGUAGE_SUFFIX.match(name)
    if match is None or match["lang"] == DEFAULT_LANGUAGE:
        return rel, None
    source = f"{match['stem']}.{match['ext']}"
    return (f"{folder}/{source}" if folder else source), match["lang"]
