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
from curriculum_tools.site.i18n import t


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
                "checklists": req.checklists,
                "signedOffOnly": req.signed_off_only,
                "countOlderVersions": req.count_older_versions,
                "minRating": req.min_rating,
                "minSessions": req.min_sessions,
                "minObservers": req.min_observers,
                "minContexts": req.min_contexts,
            }
    return {
        "levels": levels_config(curriculum),
        "checklists": {
            cl.id: {
                "title": cl.title,
                "version": cl.version,
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
    options = "".join(
        f'<option value="{_e(cl_id)}">{_e(cl["title"])}</option>' for cl_id, cl in config["checklists"].items()
    )
    return (
        f'<div class="cd" data-module="dashboard"{config_attr(config)}>'
        f"<noscript><p>{t('dashboard.noscript')}</p></noscript>"
        '<div class="cd-ui" hidden>'
        f'<p class="cd-filters"><span class="cr-field"><label for="cd-trainee">{t("dashboard.trainee")}</label>'
        f'<select id="cd-trainee" class="cd-trainee"><option value="">{t("dashboard.allTrainees")}</option></select></span> '
        f'<span class="cr-field"><label for="cd-checklist">{t("dashboard.checklist")}</label>'
        f'<select id="cd-checklist" class="cd-checklist"><option value="">{t("dashboard.allChecklists")}</option>{options}</select></span> '
        f'<button type="button" class="md-button" data-act="exportall">{t("recorder.exportAll")}</button></p>'
        '<p class="cr-status" role="status" aria-live="polite"></p>'
        f'<p class="cd-empty" hidden>{t("dashboard.empty")}</p>'
        '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-records-c">'
        f'<table class="cd-records"><caption id="cd-records-c">{t("dashboard.records")}</caption><thead><tr>'
        f'<th scope="col">{t("dashboard.trainee")}</th><th scope="col">{t("dashboard.checklist")}</th><th scope="col">{t("dashboard.sessionDate")}</th>'
        f'<th scope="col">{t("dashboard.observer")}</th><th scope="col">{t("dashboard.signedOff")}</th></tr></thead><tbody></tbody></table></div>'
        '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-matrix-c">'
        f'<table class="cd-matrix"><caption id="cd-matrix-c">{t("dashboard.latest")}</caption>'
        f'<thead><tr><th scope="col">{t("dashboard.competency")}</th></tr></thead><tbody></tbody></table></div>'
        + (
            '<div class="cd-scroll" tabindex="0" role="region" aria-labelledby="cd-plan-c">'
            f'<table class="cd-plan"><caption id="cd-plan-c">{t("dashboard.plan")}</caption>'
            f'<thead><tr><th scope="col">{t("dashboard.competency")}</th></tr></thead><tbody></tbody></table></div>'
            if config["requirements"] is not None
            else ""
        )
        + "</div></div>"
    )
