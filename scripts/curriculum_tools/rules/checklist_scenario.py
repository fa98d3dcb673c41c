"""A checklist may name a scenario as its role-play brief (`scenario: <id>`); that scenario
must exist, so the form's link to it works and trainees can rehearse before being observed."""

from curriculum_tools.core.problems import ERROR

ID = "checklist-scenario"
SEVERITY = ERROR
EXPLANATION = "A checklist's scenario: must be the id of an existing scenario (scenarios/<id>.yml)."


def check(context):
    c = context.curriculum
    for checklist in c.checklists:
        sid = checklist.scenario_id
        if sid and sid not in c.broken_ids and c.scenario(sid) is None:
            known = ", ".join(sorted(s.id for s in c.scenarios)) or "none"
            yield checklist.source.problem(
                ("scenario",), f"scenario '{sid}' does not exist (expected scenarios/{sid}.yml; scenarios: {known})", ID
            )
