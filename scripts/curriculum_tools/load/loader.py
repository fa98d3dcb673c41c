"""Find the content files under a root, parse them, check them against their schemas and
build the curriculum model. Every problem found on the way is collected, never raised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.core.model import (
    Checklist,
    ChecklistItem,
    Choice,
    Competency,
    Curriculum,
    Domain,
    Ending,
    Framework,
    GlossaryTerm,
    Module,
    Option,
    Question,
    Quiz,
    RatingLevel,
    Reference,
    Requirement,
    Review,
    Say,
    Scenario,
    ScenarioNode,
    Signoff,
    Source,
    Track,
    Translation,
)
from curriculum_tools.core.problems import ContentError, Problem, Result
from curriculum_tools.load.markdown import heading_ids, module_page_source, parse_markdown
from curriculum_tools.load.schemas import schema_problems
from curriculum_tools.load.translations import content_hash, split_language
from curriculum_tools.load.yaml import load_yaml

CONTENT_DIR = "curriculum"


@dataclass
class Loaded:
    curriculum: Curriculum
    result: Result


def discover(root: Path) -> list[tuple[str, str]]:
    """(relative path, kind) of every content file under root, in a stable order."""
    found: list[tuple[str, str]] = []
    for name, kind in (("tracks.yml", "tracks"), ("competencies.yml", "competencies")):
        found.append((name, kind))
    # tracks.<lang>.yml: the track titles and summaries in another language
    found.extend((p.name, "tracks") for p in sorted(root.glob("tracks.*.yml")) if split_language(p.name)[1] is not None)
    if (root / "signoff.yml").is_file():  # optional: only `curriculum report` needs it
        found.append(("signoff.yml", "signoff"))
    for pattern, kind in (
        ("glossary/*.yml", "glossary"),
        ("quizzes/*.yml", "quiz"),
        ("checklists/*.yml", "checklist"),
        ("scenarios/*.yml", "scenario"),
    ):
        found.extend((p.relative_to(root).as_posix(), kind) for p in sorted(root.glob(pattern)))
    content = root / CONTENT_DIR
    if content.is_dir():
        for path in sorted(content.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            depth = len(path.relative_to(content).parts)
            found.append((rel, "module" if depth >= 2 else "page"))
    return [(rel, _translated(rel, kind)) for rel, kind in found]


TRANSLATABLE = ("module", "page", "quiz", "glossary", "tracks")


def _translated(rel: str, kind: str) -> str:
    """A file named name.<lang>.md/.yml is a translation of name.md/.yml (load/translations.py)."""
    return f"translation:{kind}" if kind in TRANSLATABLE and split_language(rel)[1] else kind


# (kind, content hash) -> (data, positions, body, body_line): what a file parsed to, kept for
# the rest of the process. Parsing is a pure function of the bytes (the path only names the
# file in a problem, and a file that fails to parse is never kept), and it is half of a
# check once heading ids and schema problems are kept (markdown.py, schemas.py): a process
# that checks a tree again (the build after `curriculum validate`, every exporter, the
# bench, the tests) parses only the files that changed. Each caller gets its own copy of the
# data, so changing it changes nothing kept.
_PARSED: dict[tuple[str, str], tuple] = {}
_PARSED_MAX = 8192


def _plain_copy(data):
    """A copy of parsed data (mappings, lists and immutable scalars), faster than deepcopy."""
    if isinstance(data, dict):
        return {key: _plain_copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain_copy(value) for value in data]
    return data


def read_source(root: Path, rel: str, kind: str) -> Source:
    """Read and parse one file; raise ContentError with the reason when it cannot be read."""
    path = root / rel
    if not path.is_file():
        raise ContentError(Problem(rel, 1, 1, f"required file {rel} is missing", "missing-file"))
    raw = path.read_bytes()
    digest = content_hash(raw)
    kept = _PARSED.get((kind, digest))
    if kept is None:
        kept = _parse(raw, rel, kind)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[(kind, digest)] = kept
    data, positions, body, body_line = kept
    return Source(rel, kind, _plain_copy(data), dict(positions), body, body_line, hash=digest)


def _parse(raw: bytes, rel: str, kind: str) -> tuple:
    """(data, positions, body, body_line) of one file's bytes; ContentError when they are not
    acceptable text or data."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError(
            Problem(rel, line, col, "file is not valid UTF-8 text; save it as UTF-8", "encoding")
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContentError(Problem(rel, line, 1, "file contains a NUL character; is it a binary file?", "encoding"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind in ("module", "page"):
        if kind == "page" and not text.startswith("---"):
            return {}, {(): (1, 1)}, text, 1
        parsed = parse_markdown(text, rel)
        return parsed.meta, parsed.positions, parsed.body, parsed.body_line
    data, positions = load_yaml(text, rel)
    return data, positions, "", 1


def load(root: Path | str) -> Loaded:
    root = Path(root)
    curriculum = Curriculum(root=str(root))
    result = Result()
    for rel, found_kind in discover(root):
        result.files_checked += 1
        translated = found_kind.startswith("translation:")
        kind = found_kind.removeprefix("translation:")
        try:
            source = read_source(root, rel, kind)
        except ContentError as exc:
            result.add(exc.problem)
            _unreadable(curriculum, rel, kind)
            continue
        except OSError as exc:
            result.add(Problem(rel, 1, 1, f"cannot read file: {exc.strerror or exc}", "missing-file"))
            if not translated:
                _unreadable(curriculum, rel, kind)
            continue
        curriculum.hashes[rel] = source.hash
        if translated:
            _translation(curriculum, result, source)
            continue
        if kind == "page":
            curriculum.pages.append(source)
            continue
        if not isinstance(source.data, dict):
            what = "empty" if source.data is None else f"a {type(source.data).__name__}"
            result.add(
                source.problem(
                    (), f"the top level must be a mapping of fields (key: value), but it is {what}", "yaml-top-level"
                )
            )
            continue
        problems = schema_problems(source)
        if problems:
            result.extend(problems)
            if isinstance(source.data.get("id"), str):
                curriculum.broken_ids.add(source.data["id"])
            if kind == "module" and isinstance(source.data.get("quiz"), str):
                curriculum.broken_ids.add(source.data["quiz"])
            continue
        curriculum.sources.append(source)
        _BUILDERS[kind](curriculum, source)
    return Loaded(curriculum, result)


def _translation(curriculum: Curriculum, result: Result, source: Source) -> None:
    """A translated file: checked against its kind's schema, plus its translation: block
    (required here); built into the model beside the English one (Curriculum.translations)."""
    source.language = split_language(source.path)[1] or "en"
    if not isinstance(source.data, dict):
        what = "empty" if source.data is None else f"a {type(source.data).__name__}"
        result.add(
            source.problem(
                (), f"the top level must be a mapping of fields (key: value), but it is {what}", "yaml-top-level"
            )
        )
        return
    block = source.data.get("translation")
    if block is None:
        result.add(
            source.problem(
                (),
                "a translated file needs a translation: block (source, source_hash, language, translator, translated); "
                "`curriculum translations --hash FILE` prints the source's hash",
                "schema",
            )
        )
        return
    if source.kind == "page":
        problems = schema_problems(Source(source.path, "translation", block, _under(source.positions, "translation")))
    else:
        problems = schema_problems(source)
    if problems:
        result.extend(problems)
        return
    translation = Translation(source.language, source.kind, source, block["source"], block["source_hash"])
    if source.kind != "page":
        scratch = Curriculum(root=curriculum.root)
        _BUILDERS[source.kind](scratch, source)
        translation.item = {
            "module": scratch.modules,
            "quiz": scratch.quizzes,
            "glossary": scratch.glossary,
            "tracks": scratch.tracks,
        }[source.kind]
        if source.kind not in ("glossary", "tracks"):
            translation.item = translation.item[0]
    curriculum.translations.append(translation)


def _under(positions, key: str):
    """The positions of one top-level field's value, as if it were the whole file."""
    inner = {path[1:]: pos for path, pos in positions.items() if path[:1] == (key,)}
    inner.setdefault((), positions.get((key,), (1, 1)))
    return inner


def _unreadable(curriculum: Curriculum, rel: str, kind: str) -> None:
    """A file that could not be parsed is known by its file name (module, quiz and checklist
    files are named after their id), so rules do not report it as missing as well."""
    if kind in ("module", "quiz", "checklist", "scenario"):
        curriculum.broken_ids.add(Path(rel).stem)


def _tracks(curriculum: Curriculum, source: Source) -> None:
    curriculum.tracks = [Track(t["id"], t["title"], t["summary"], i) for i, t in enumerate(source.data["tracks"])]


def _framework(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    levels = [RatingLevel(l["id"], l["label"], l["description"], l.get("level")) for l in d["rating_scale"]["levels"]]
    domains = [
        Domain(dom["id"], dom["title"], [Competency(c["id"], c["statement"], dom["id"]) for c in dom["competencies"]])
        for dom in d["domains"]
    ]
    curriculum.framework = Framework(
        d["title"], d["version"], d["rating_scale"]["description"], levels, domains, source
    )


def _glossary(curriculum: Curriculum, source: Source) -> None:
    curriculum.glossary.extend(
        GlossaryTerm(t["term"], t["definition"], source, i) for i, t in enumerate(source.data["terms"])
    )


def _module(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    r = d["review"]
    review = Review(r["author"], r["reviewer_role"], dt.date.fromisoformat(r["last_reviewed"]), r["interval_months"])
    curriculum.modules.append(
        Module(
            id=d["id"],
            title=d["title"],
            track=d["track"],
            order=d["order"],
            summary=d["summary"],
            estimated_minutes=d["estimated_minutes"],
            objectives={o["id"]: o["text"] for o in d["objectives"]},
            competencies=list(d["competencies"]),
            quiz_id=d.get("quiz"),
            references=[Reference(**ref) for ref in d["references"]],
            review=review,
            body=source.body,
            anchors=heading_ids(module_page_source(d["title"], source.body)),
            source=source,
        )
    )


def _question(q: dict, path: tuple) -> Question:
    question = Question(
        id=q["id"],
        type=q["type"],
        prompt=q.get("prompt", ""),
        path=path,
        objective=q.get("objective"),
        section=q.get("section"),
        explanation=q.get("explanation", ""),
        hint=q.get("hint"),
        guidance=q.get("guidance"),
        title=q.get("title"),
        vignette=q.get("vignette"),
    )
    question.options = [
        Option(o["id"], o["text"], bool(o.get("correct", False)), o["feedback"]) for o in q.get("options", [])
    ]
    if q["type"] == "true_false":
        question.answer = q["answer"]
        question.feedback_true, question.feedback_false = q["feedback_true"], q["feedback_false"]
    question.items = [(i["id"], i["text"]) for i in q.get("items", [])]
    question.pairs = [(p["id"], p["prompt"], p["match"]) for p in q.get("pairs", [])]
    question.distractors = list(q.get("distractors", []))
    question.questions = [_question(sub, path + ("questions", i)) for i, sub in enumerate(q.get("questions", []))]
    return question


def _quiz(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    curriculum.quizzes.append(
        Quiz(
            id=d["id"],
            module_id=d["module"],
            title=d["title"],
            pass_mark=d["pass_mark"],
            mode=d.get("mode", "practice"),
            shuffle=d.get("shuffle", False),
            partial_credit=d.get("partial_credit", False),
            questions=[_question(q, ("questions", i)) for i, q in enumerate(d["questions"])],
            source=source,
        )
    )


def _checklist(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    items = [
        ChecklistItem(i["id"], i["text"], list(i["competencies"]), i.get("required", False), i.get("guidance"))
        for i in d["items"]
    ]
    curriculum.checklists.append(
        Checklist(
            d["id"],
            d["version"],
            d["title"],
            d["purpose"],
            d["setting"],
            list(d["competencies"]),
            d["guidance"],
            items,
            source,
            scenario_id=d.get("scenario"),
        )
    )


def _review(r: dict) -> Review:
    return Review(r["author"], r["reviewer_role"], dt.date.fromisoformat(r["last_reviewed"]), r["interval_months"])


def _scenario(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    nodes = []
    for n, node in enumerate(d["nodes"]):
        path = ("nodes", n)
        choices = [
            Choice(c["id"], c["text"], c["next"], c["feedback"], path + ("choices", i))
            for i, c in enumerate(node["choices"])
        ]
        says = [Say(s["speaker"], s["text"]) for s in node.get("says", [])]
        nodes.append(ScenarioNode(node["id"], node["text"], choices, path, node.get("title"), says))
    endings = [
        Ending(e["id"], e["rating"], e["title"], e["outcome"], e["debrief"], ("endings", i))
        for i, e in enumerate(d["endings"])
    ]
    curriculum.scenarios.append(
        Scenario(
            id=d["id"],
            module_id=d["module"],
            title=d["title"],
            summary=d["summary"],
            estimated_minutes=d["estimated_minutes"],
            objectives=list(d["objectives"]),
            competencies=list(d["competencies"]),
            situation=d["situation"],
            start=d["start"],
            nodes=nodes,
            endings=endings,
            references=[Reference(**ref) for ref in d["references"]],
            review=_review(d["review"]),
            source=source,
            jurisdiction=d.get("jurisdiction"),
        )
    )


def _signoff(curriculum: Curriculum, source: Source) -> None:
    d = source.data
    default = Requirement(**d["default"])
    overrides: dict[str, Requirement] = {}
    for override in d.get("overrides", []):
        fields = {**d["default"], **{k: v for k, v in override.items() if k != "competencies"}}
        for comp in override["competencies"]:
            overrides.setdefault(comp, Requirement(**fields))
    curriculum.signoff = Signoff(d["title"], d["version"], d.get("description", ""), default, overrides, source)


_BUILDERS = {
    "tracks": _tracks,
    "competencies": _framework,
    "glossary": _glossary,
    "module": _module,
    "quiz": _quiz,
    "checklist": _checklist,
    "scenario": _scenario,
    "signoff": _signoff,
}
