"""signoff.yml refers only to things that exist: rating level ids (numbered levels, since
'not observed' cannot be a minimum), competency ids (each in one override at most) and
checklist ids; and each competency's listed checklists observe it, or no one could ever be
signed off on it. The certification's competencies and the knowledge requirements' modules
and tracks exist too."""

from curriculum_tools.core.problems import ERROR

ID = "signoff-ref"
SEVERITY = ERROR
EXPLANATION = (
    "signoff.yml must name existing rating levels, competencies, checklists that observe them, modules and tracks."
)


def check(context):
    c = context.curriculum
    signoff, framework = c.signoff, c.framework
    if signoff is None or framework is None:
        return
    source = signoff.source
    data = source.data
    levels = {lvl.id: lvl for lvl in framework.levels}
    numbered = ", ".join(lvl.id for lvl in framework.levels if lvl.level is not None)
    checklists = {k.id: k for k in c.checklists}
    competencies = framework.competencies
    blocks = [(("default",), data["default"], None)]
    blocks += [(("overrides", i), o, o["competencies"]) for i, o in enumerate(data.get("overrides", []))]
    first_override: dict[str, int] = {}
    for path, block, comps in blocks:
        rating = block.get("min_rating")
        if rating is not None and (rating not in levels or levels[rating].level is None):
            what = (
                f"'{rating}' means not observed and cannot be a minimum"
                if rating in levels
                else f"unknown rating level '{rating}'"
            )
            yield source.problem(path + ("min_rating",), f"{what}; use one of: {numbered}", ID)
        for i, checklist_id in enumerate(block.get("checklists", [])):
            if checklist_id not in checklists and checklist_id not in c.broken_ids:
                yield source.problem(path + ("checklists", i), f"unknown checklist '{checklist_id}'", ID)
        if comps is None:
            continue
        for i, comp in enumerate(comps):
            where = path + ("competencies", i)
            if comp not in competencies:
                yield source.problem(where, f"unknown competency '{comp}'", ID)
                continue
            if comp in first_override:
                line = source.pos(("overrides", first_override[comp]))[0]
                yield source.problem(where, f"competency '{comp}' already has an override (line {line})", ID)
                continue
            first_override[comp] = path[1]
    for comp in competencies:
        requirement = signoff.requirement(comp)
        if requirement.checklists is None:
            continue
        usable = [checklists[k] for k in requirement.checklists if k in checklists]
        if len(usable) < len(requirement.checklists):
            continue  # an unknown checklist is reported above
        if not any(comp in item.competencies for k in usable for item in k.items):
            path = (
                ("overrides", first_override[comp], "checklists")
                if comp in first_override
                else ("default", "checklists")
            )
            yield source.problem(
                path, f"none of these checklists observes competency '{comp}', so no one can be signed off on it", ID
            )
    for i, comp in enumerate((data.get("certification") or {}).get("competencies", [])):
        if comp not in competencies:
            yield source.problem(("certification", "competencies", i), f"unknown competency '{comp}'", ID)
    modules = {m.id for m in c.modules}
    tracks = {t.id for t in c.tracks}
    for i, item in enumerate((data.get("knowledge") or {}).get("requirements", [])):
        if "module" in item and item["module"] not in modules and item["module"] not in c.broken_ids:
            yield source.problem(("knowledge", "requirements", i, "module"), f"unknown module '{item['module']}'", ID)
        if "track" in item and item["track"] not in tracks:
            yield source.problem(("knowledge", "requirements", i, "track"), f"unknown track '{item['track']}'", ID)
        if "track" in item and item["track"] in tracks and not c.modules_in(item["track"]):
            yield source.problem(
                ("knowledge", "requirements", i, "track"),
                f"track '{item['track']}' has no modules yet, so the requirement asks for nothing",
                ID,
                "warning",
            )
