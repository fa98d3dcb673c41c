"""Ids must be unique: modules, quizzes and checklists across the repository, and scenarios
among scenarios; objectives, references, questions, options, items and pairs within their
file; a scenario's nodes and endings together, and the choices of each node; competencies, domains,
tracks, rating levels and glossary terms in the framework files."""

from curriculum_tools.core.problems import ERROR

ID = "duplicate-id"
SEVERITY = ERROR
EXPLANATION = "Every id must be unique where it is used, so progress and records stay attached to the right thing."


def _dupes(entries, what):
    """entries: (id, source, path); yield a problem for each repeat."""
    seen = {}
    for key, source, path in entries:
        if key in seen:
            first_source, first_path = seen[key]
            line = first_source.pos(first_path)[0]
            where = "" if first_source is source else f"{first_source.path}:"
            yield source.problem(path, f"{what} '{key}' is already used (first at {where}line {line})", ID)
        else:
            seen[key] = (source, path)


def check(context):
    c = context.curriculum
    yield from _dupes(
        [(m.id, m.source, ("id",)) for m in c.modules]
        + [(q.id, q.source, ("id",)) for q in c.quizzes]
        + [(k.id, k.source, ("id",)) for k in c.checklists],
        "id",
    )
    for module in c.modules:
        data = module.source.data
        yield from _dupes(
            [(o["id"], module.source, ("objectives", i, "id")) for i, o in enumerate(data["objectives"])],
            "objective id",
        )
        yield from _dupes(
            [(r["id"], module.source, ("references", i, "id")) for i, r in enumerate(data["references"])],
            "reference id",
        )
    for quiz in c.quizzes:
        entries = []
        for question in quiz.questions:
            entries.append((question.id, quiz.source, question.path + ("id",)))
            entries.extend((sub.id, quiz.source, sub.path + ("id",)) for sub in question.questions)
        yield from _dupes(entries, "question id")
        for question in quiz.all_questions():
            data_path = question.path
            yield from _dupes(
                [(o.id, quiz.source, data_path + ("options", i, "id")) for i, o in enumerate(question.options)],
                "option id",
            )
            yield from _dupes(
                [
                    (item_id, quiz.source, data_path + ("items", i, "id"))
                    for i, (item_id, _) in enumerate(question.items)
                ],
                "item id",
            )
            yield from _dupes(
                [
                    (pair_id, quiz.source, data_path + ("pairs", i, "id"))
                    for i, (pair_id, _, _) in enumerate(question.pairs)
                ],
                "pair id",
            )
    yield from _dupes([(s.id, s.source, ("id",)) for s in c.scenarios], "scenario id")
    for scenario in c.scenarios:
        source = scenario.source
        yield from _dupes(
            [(n.id, source, n.path + ("id",)) for n in scenario.nodes]
            + [(e.id, source, e.path + ("id",)) for e in scenario.endings],
            "node or ending id",
        )
        for node in scenario.nodes:
            yield from _dupes(
                [(ch.id, source, ch.path + ("id",)) for ch in node.choices], f"choice id (node '{node.id}')"
            )
        yield from _dupes(
            [(r["id"], source, ("references", i, "id")) for i, r in enumerate(source.data["references"])],
            "reference id",
        )
    for checklist in c.checklists:
        yield from _dupes(
            [(item.id, checklist.source, ("items", i, "id")) for i, item in enumerate(checklist.items)], "item id"
        )
    if c.framework:
        source = c.framework.source
        comps, domains = [], []
        for d_index, domain in enumerate(c.framework.domains):
            domains.append((domain.id, source, ("domains", d_index, "id")))
            comps.extend(
                (comp.id, source, ("domains", d_index, "competencies", i, "id"))
                for i, comp in enumerate(domain.competencies)
            )
        yield from _dupes(domains, "domain id")
        yield from _dupes(comps, "competency id")
        yield from _dupes(
            [(lvl.id, source, ("rating_scale", "levels", i, "id")) for i, lvl in enumerate(c.framework.levels)],
            "rating level id",
        )
    if c.tracks:
        tracks_source = next(s for s in c.sources if s.kind == "tracks")
        yield from _dupes([(t.id, tracks_source, ("tracks", t.index, "id")) for t in c.tracks], "track id")
    yield from _dupes([(t.term, t.source, ("terms", t.index, "term")) for t in c.glossary], "glossary term")
