"""A translation may change text, never keys: it must sit next to the source it names, in
the language of its file name, and keep every id and every fact that scores or links. A
translated quiz keeps its id, module, pass mark, mode, shuffle and partial credit, and each
question's id, type, objective, section, options (ids and which are correct), true/false
answer, ordering items (ids, in order) and matching pairs (ids). A translated module keeps
its id, track, order, quiz, competencies, objective ids, reference ids and heading anchors,
so progress, records, credentials and quiz links are the same in every language. A translated
tracks.yml (tracks.<lang>.yml) keeps every track's id, in the source's order."""

from curriculum_tools.core.problems import ERROR

ID = "translation-mismatch"
SEVERITY = ERROR
EXPLANATION = (
    "A translated quiz, module or tracks file must keep the source's ids, answers and scoring; only text may differ."
)

# Fields that are keys, answers or scoring: equal in a translation. Everything else is text.
QUIZ_KEYS = (
    "id",
    "module",
    "pass_mark",
    "mode",
    "shuffle",
    "partial_credit",
    "type",
    "objective",
    "section",
    "correct",
    "answer",
)
QUIZ_LISTS = ("questions", "options", "items", "pairs")
MODULE_KEYS = ("id", "track", "order", "quiz", "competencies")
MODULE_LISTS = ("objectives", "references")
TRACKS_LISTS = ("tracks",)
DEFAULTS = {"correct": False, "shuffle": False, "partial_credit": False, "mode": "practice"}


def _name(path) -> str:
    """questions[2].options[1].correct: the field as an author counts (from 1)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check(context):
    c = context.curriculum
    sources = {s.path: s for s in c.sources}
    for t in c.translations:
        block = ("translation",)
        if t.source_path != t.expected_source:
            yield t.source.problem(
                block + ("source",),
                f"a file named {t.source.path} translates {t.expected_source}, not {t.source_path}",
                ID,
            )
            continue
        if t.language != t.source.data["translation"]["language"]:
            yield t.source.problem(
                block + ("language",),
                f"the file name says language '{t.language}', the block says '{t.source.data['translation']['language']}'",
                ID,
            )
        if t.source_path not in c.hashes:
            yield t.source.problem(block + ("source",), f"the source {t.source_path} does not exist", ID)
            continue
        english = sources.get(t.source_path)
        if english is None or t.kind == "page":
            continue  # a page has no keys; an invalid source is reported on its own
        if t.kind == "quiz":
            yield from _compare(t.source, english.data, t.source.data, (), QUIZ_KEYS, QUIZ_LISTS)
        elif t.kind == "module":
            yield from _compare(t.source, english.data, t.source.data, (), MODULE_KEYS, MODULE_LISTS, only_ids=True)
            yield from _anchors(c, t)
        elif t.kind == "tracks":
            yield from _compare(t.source, english.data, t.source.data, (), (), TRACKS_LISTS, only_ids=True)


def _compare(source, en, tr, path, keys, lists, only_ids=False):
    """Problems where the translation's keys differ from the source's, walking lists in step."""
    for key in keys:
        a, b = en.get(key, DEFAULTS.get(key)), tr.get(key, DEFAULTS.get(key))
        if a != b:
            where = path + (key,) if key in tr else path
            yield source.problem(where, f"{_name(path + (key,))} must be {a!r} as in the source, not {b!r}", ID)
    for key in lists:
        a, b = en.get(key) or [], tr.get(key) or []
        if not isinstance(a, list) or not isinstance(b, list):
            continue
        if len(a) != len(b):
            where = path + (key,) if key in tr else path
            yield source.problem(where, f"{_name(path + (key,))} has {len(b)} entries, the source {len(a)}", ID)
            continue
        for i, (x, y) in enumerate(zip(a, b)):
            if not (isinstance(x, dict) and isinstance(y, dict)):
                continue
            if only_ids:
                if x.get("id") != y.get("id"):
                    yield source.problem(
                        path + (key, i, "id"),
                        f"{_name(path + (key, i, 'id'))} must be {x.get('id')!r} as in the source, not {y.get('id')!r}",
                        ID,
                    )
            else:
                yield from _compare(source, x, y, path + (key, i), keys, lists)


def _anchors(c, t):
    english = next((m for m in c.modules if m.source.path == t.source_path), None)
    if english is None or t.item is None:
        return
    # the first id is the title's (translated with it); the headings' must stay
    missing = [a for a in english.anchors[1:] if a not in t.item.anchors[1:]]
    if missing:
        line = t.source.body_line
        from curriculum_tools.core.problems import Problem

        yield Problem(
            t.source.path,
            line,
            1,
            f"no heading has the id(s) {', '.join(missing)} of the source's headings; keep each heading's {{#anchor}} as in the source",
            ID,
        )
