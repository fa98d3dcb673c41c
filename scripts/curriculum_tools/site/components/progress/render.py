"""The progress page's "Take your progress with you" box: export every quiz's saved state as
one file and import such a file in another browser (transfer.js, beside this file, does the
work from the root's data-config: the site's identity, and per quiz its module title and
which questions are reflections, which leave the browser only when the trainee asks). The
file's format is schemas/progress-export.schema.json. Hidden until the script runs: without
JavaScript there is nothing to export."""

from __future__ import annotations

import html

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site.components.recorder.render import config_attr
from curriculum_tools.site.i18n import t

MAX_BYTES = 5 * 1024 * 1024  # transfer.js MAX_BYTES: a real file is a few kilobytes


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def transfer_config(curriculum: Curriculum, site: str) -> dict:
    modules = {m.id: m for m in curriculum.modules}
    quizzes = {}
    for quiz in sorted(curriculum.quizzes, key=lambda q: q.id):
        module = modules.get(quiz.module_id)
        quizzes[quiz.id] = {
            "module": quiz.module_id,
            "title": module.title if module else quiz.title,
            "reflections": sorted(q.id for q in quiz.all_questions() if q.type == "reflection"),
        }
    return {"site": site, "quizzes": quizzes, "maxBytes": MAX_BYTES}


def render_transfer(curriculum: Curriculum, site: str) -> str:
    return (
        f'<section class="cq-transfer" data-module="transfer" aria-labelledby="cq-transfer-title" hidden{config_attr(transfer_config(curriculum, site))}>'
        f'<h2 id="cq-transfer-title">{_e(t("transfer.title"))}</h2>'
        f"<p>{_e(t('transfer.lead'))}</p>"
        f"<h3>{_e(t('transfer.export'))}</h3>"
        '<div class="cq-transfer__row"><input type="checkbox" id="cq-transfer-reflections" name="reflections">'
        f'<label for="cq-transfer-reflections">{_e(t("transfer.reflections"))}</label></div>'
        f'<p><button type="button" class="md-button cq-transfer__export">{_e(t("transfer.exportButton"))}</button></p>'
        f"<h3>{_e(t('transfer.import'))}</h3>"
        f'<p><label for="cq-transfer-file">{_e(t("transfer.file"))}</label><br>'
        '<input type="file" id="cq-transfer-file" accept=".json,application/json"></p>'
        f'<p><button type="button" class="md-button cq-transfer__import">{_e(t("transfer.importButton"))}</button></p>'
        '<div class="cq-transfer__problem" role="alert" tabindex="-1" hidden></div>'
        '<p class="cq-transfer__status" role="status" tabindex="-1"></p>'
        '<div class="cq-transfer__report"></div>'
        "</section>"
    )
