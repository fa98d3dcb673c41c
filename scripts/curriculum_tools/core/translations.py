"""Which files of a language are translated, stale or missing, from the model."""

from __future__ import annotations

from curriculum_tools.core.model import Curriculum


def translatable(curriculum: Curriculum) -> list[str]:
    """Every English file a translation can replace: pages, modules, quizzes, glossary files, tracks.yml."""
    paths = [p.path for p in curriculum.pages]
    paths += [s.path for s in curriculum.sources if s.kind in ("module", "quiz", "glossary", "tracks")]
    return sorted(set(paths))


def status(curriculum: Curriculum, language: str) -> dict[str, list]:
    translated, stale = [], []
    done = set()
    for t in sorted((t for t in curriculum.translations if t.language == language), key=lambda t: t.source.path):
        done.add(t.expected_source)
        row = {"file": t.source.path, "source": t.source_path}
        if curriculum.is_stale(t):
            stale.append({**row, "translated_from": t.source_hash, "now": curriculum.hashes[t.source_path]})
        else:
            translated.append(row)
    missing = [path for path in translatable(curriculum) if path not in done]
    return {"translated": translated, "stale": stale, "missing": missing}
