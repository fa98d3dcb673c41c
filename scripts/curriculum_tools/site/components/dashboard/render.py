"""The supervisor dashboard: filters and two empty tables, filled by dashboard.js (beside
this file) from the records in the browser and the root's data-config: the rating levels,
each checklist's items and the competencies they observe, the sign-off requirements that
decide which records count, and the record schema. The latest rating per competency follows
signoff/evaluate.py; parity fixtures (tests/fixtures/parity/) hold the two together."""
from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum
from curriculum_tools.signoff.schema import record_schema
from curriculum_tools.site.components.recorder.render import config_attr, levels_config


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def signoff_config(curriculum: Curriculum) -> dict:
    """The framework bits the browser's sign-off rules need: the latest rating
    (records.latestRating) and assessment-plan progress (records.progress, dashboard/plan.js)."""
    framework, signoff = curriculum.framework, curriculum.signoff
    competencies = framework.competencies if framework else {}
    requirements = None
    if signoff is not None:
        requirements = {}
        for cid in competencies:
            req = signoff.requirement(cid)
            requirements[cid] = {
                "checklists": req.checklists, "signedOffOnly": req.signed_off_only, "countOlderVersions": req.count_older_versions,
                "minRating": req.min_rating, "minSessions": req.min_sessions, "minObservers": req.min_observers,
                "minContexts": req.min_contexts,
            }
    return {
        "levels": levels_config(curriculum),
        "checklists": {
            cl.id: {
                "title": cl.title, "version": cl.version,
                "items": {item.id: {"competencies": item.competencies, "required": item.required} for item in cl.items},
            }
            for cl in sorted(curriculum.checklists, key=lambda c: c.title.lower())
        },
        "requirements": requirements,
        "order": list(competencies),  # framework order, as the report lists competencies
    }


def dashboard_config(curriculum: Curriculum) -> dict:
    statements = curriculum.framework.competencies if curriculum.framework else {}
    used = {c for cl in curriculum.checklists for c in cl.competencies}
    return {
        **signoff_config(curriculum),
        "competencies": [[cid, c.statement] for cid, c in statements.items() if cid in used],
        "schema": record_schema(curriculum),
    }


def render_dashboard(curriculum: Curriculum) -> str:
    config = dashboard_config(curriculum)
    options = "".join(f'<option value="{_e(cl_id)}">{_e(cl["title"])}</option>' for cl_id, cl in config["checklists"].items())
    return (
        f'<div class="cd" data-module="dashboard"{config_attr(config)}>'
        "<noscript><p>The dashboard needs JavaScript: it reads the records saved in this browser.</p></noscript>"
        '<div class="cd-ui" hidden>'
        '<p class="cd-filters"><span class="cr-field"><label for="cd-trainee">Trainee</label>'
        '<select id="cd-trainee" class="cd-trainee"><option value="">All trainees</option></select></span> '
        '<span class="cr-field"><label for="cd-checklist">Checklist</label>'
        f'<select id="cd-checklist" class="cd-checklist"><option value="">All checklists</option>{options}</select></span> '
        '<button type="button" class="md-button" data-act="exportall">Export all records</button></p>'
        '<p class="cr-status" role="status" aria-live="polite"></p>'
        '<p class="cd-empty" hidden>No records in this browser match. Start a record from one of the checklists.</p>'
        '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-records-c">'
        '<table class="cd-records"><caption id="cd-records-c">Records</caption><thead><tr>'
        '<th scope="col">Trainee</th><th scope="col">Checklist</th><th scope="col">Session date</th>'
        '<th scope="col">Observer</th><th scope="col">Signed off</th></tr></thead><tbody></tbody></table></div>'
        '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-matrix-c">'
        '<table class="cd-matrix"><caption id="cd-matrix-c">Latest rating per competency</caption>'
        '<thead><tr><th scope="col">Competency</th></tr></thead><tbody></tbody></table></div>'
        + (
            '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-plan-c">'
            '<table class="cd-plan"><caption id="cd-plan-c">Progress against the assessment plan '
            "(signoff.yml), counted as <code>curriculum report</code> counts it</caption>"
            '<thead><tr><th scope="col">Competency</th></tr></thead><tbody></tbody></table></div>'
            if config["requirements"] is not None else ""
        )
        + "</div></div>"
    )
