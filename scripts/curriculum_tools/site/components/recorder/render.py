"""Checklist pages: each checklist as a complete paper form (HTML that works and prints
without JavaScript), enhanced by recorder.js from the root's data-config (the checklist,
its required items, the rating levels, the record schema). Ids are prefixed with the
checklist id, so they are unique on the page. Record text typed in the browser never passes
through here: the JS inserts it as text."""

from __future__ import annotations

import json

from curriculum_tools.core.model import Checklist, Curriculum
from curriculum_tools.signoff.schema import record_schema
from curriculum_tools.site import sanitize
from curriculum_tools.site.i18n import t
from curriculum_tools.site.inline import inline


def privacy() -> str:
    """What the record pages say about where records are kept (the catalogue's recorder.privacy)."""
    return t("recorder.privacy")


def _e(text) -> str:
    return sanitize.text(text)


def levels_config(curriculum: Curriculum) -> list:
    """[id, label, level] per rating level; a level without a number (such as "Not observed")
    has None: what counts as rated comes from the framework, never from an id."""
    return [[lv.id, lv.label, lv.level] for lv in (curriculum.framework.levels if curriculum.framework else [])]


def recorder_config(curriculum: Curriculum, checklist: Checklist) -> dict:
    return {
        "checklist": checklist.id,
        "version": checklist.version,
        "required": [item.id for item in checklist.items if item.required],
        "levels": levels_config(curriculum),
        "schema": record_schema(curriculum),
    }


def config_attr(data: dict) -> str:
    """The one data-config attribute of a component root (an attribute, not a <script
    type="application/json"> block: Material's instant navigation re-creates every script
    element in a swapped page as plain inline script, which loses the data and breaks a
    strict CSP)."""
    return f' data-config="{_e(json.dumps(data, ensure_ascii=False, separators=(",", ":")))}"'


def _field(prefix: str, name: str, label: str, kind: str = "text", hint: str = "", attrs: str = "") -> str:
    """A labelled control; its name is the record field's path (observer.name)."""
    fid = prefix + "-" + name.replace(".", "-").replace("_", "-")
    described = f' aria-describedby="{fid}-hint"' if hint else ""
    hint_html = f'<span class="cr-hint" id="{fid}-hint">{hint}</span>' if hint else ""
    if kind == "textarea":
        control = f'<textarea id="{fid}" name="{name}" rows="3"{described}{attrs}></textarea>'
    else:
        control = f'<input type="{kind}" id="{fid}" name="{name}"{described}{attrs}>'
    return f'<p class="cr-field"><label for="{fid}">{label}</label>{hint_html}{control}</p>'


def _scale(curriculum: Curriculum, prefix: str) -> str:
    levels = curriculum.framework.levels if curriculum.framework else []
    rows = "".join(
        f"<dt>{_e(lv.label)}{f' ({lv.level})' if lv.level is not None else ''}</dt>"
        f'<dd id="{prefix}-sd-{_e(lv.id)}">{_e(lv.description)}</dd>'
        for lv in levels
    )
    description = curriculum.framework.scale_description if curriculum.framework else ""
    return f'<h2 id="rating-scale">{t("recorder.ratingScale")}</h2><p>{inline(" ".join(description.split()))}</p><dl class="cr-scale">{rows}</dl>'


def _item(curriculum: Curriculum, prefix: str, number: int, item) -> str:
    base = f"{prefix}-i-{_e(item.id)}"
    statements = curriculum.framework.competencies if curriculum.framework else {}
    comps = "; ".join(
        f"{_e(c)} ({_e(statements[c].statement.rstrip('.'))})" if c in statements else _e(c) for c in item.competencies
    )
    guide = t("recorder.lookFor", guidance=inline(item.guidance)) + " " if item.guidance else ""
    required = f' <strong class="cr-req">{t("recorder.required")}</strong>' if item.required else ""
    radios = "".join(
        f'<span class="cr-opt"><input type="radio" id="{base}-{_e(lv.id)}" name="r:{_e(item.id)}" value="{_e(lv.id)}"'
        f' aria-describedby="{prefix}-sd-{_e(lv.id)}"><label for="{base}-{_e(lv.id)}">{_e(lv.label)}</label></span>'
        for lv in (curriculum.framework.levels if curriculum.framework else [])
    )
    return (
        f'<fieldset class="cr-item" data-item="{_e(item.id)}" aria-describedby="{base}-g">'
        f"<legend>{number}. {inline(item.text)}{required}</legend>"
        f'<p class="cr-hint" id="{base}-g">{guide}{t("recorder.evidenceFor", competencies=comps)}</p>'
        f'<div class="cr-opts">{radios}</div>'
        f'<p class="cr-field"><label for="{base}-c">{t("recorder.commentOn", n=number)}</label>'
        f'<textarea id="{base}-c" name="c:{_e(item.id)}" rows="2"></textarea></p>'
        f"</fieldset>"
    )


def _tools(prefix: str) -> str:
    """Record management; hidden until recorder.js runs (the paper form needs none of it)."""
    return (
        f'<section class="cr-tools" aria-labelledby="{prefix}-tools-h" hidden>'
        f'<h2 id="{prefix}-tools-h" tabindex="-1">{t("recorder.inThisBrowser")}</h2>'
        f"<p>{privacy()}</p>"
        '<ul class="cr-list"></ul>'
        '<p class="cr-actions">'
        f'<button type="button" class="md-button" data-act="new">{t("recorder.new")}</button> '
        f'<button type="button" class="md-button" data-act="export">{t("recorder.exportOne")}</button> '
        f'<button type="button" class="md-button" data-act="exportall">{t("recorder.exportAll")}</button></p>'
        f'<p class="cr-field"><label for="{prefix}-import">{t("recorder.import")}</label>'
        f'<input type="file" class="cr-import" id="{prefix}-import" accept=".json,application/json" multiple></p>'
        '<p class="cr-status" role="status" aria-live="polite"></p>'
        '<div class="cr-errors" role="alert" tabindex="-1" hidden></div>'
        "</section>"
    )


def render_checklist(checklist: Checklist, curriculum: Curriculum) -> str:
    p = f"cr-{_e(checklist.id)}"
    items = "".join(_item(curriculum, p, n, item) for n, item in enumerate(checklist.items, 1))
    return (
        f'<div class="cr" data-module="recorder"{config_attr(recorder_config(curriculum, checklist))}>'
        f'<p class="cr-meta">{t("recorder.meta", id=f"<code>{_e(checklist.id)}</code>", version=checklist.version)}</p>'
        f"<p><strong>{t('recorder.purpose')}</strong> {inline(checklist.purpose)}</p>"
        f"<p><strong>{t('recorder.setting')}</strong> {inline(checklist.setting)}</p>"
        f"<p><strong>{t('recorder.guidance')}</strong> {inline(checklist.guidance)}</p>"
        f"{_scale(curriculum, p)}"
        f"{_tools(p)}"
        f'<h2 id="record-form">{t("recorder.record")}</h2>'
        '<form class="cr-form" novalidate>'
        f'<fieldset class="cr-session"><legend>{t("recorder.session")}</legend>'
        + _field(p, "trainee", t("recorder.trainee"), attrs=' autocomplete="off"')
        + _field(p, "observer.name", t("recorder.observerName"), attrs=' autocomplete="name"')
        + _field(p, "observer.role", t("recorder.observerRole"), hint=t("recorder.observerRoleHint"))
        + _field(p, "date", t("recorder.date"), "date")
        + _field(p, "context", t("recorder.context"), "textarea", hint=t("recorder.contextHint"))
        + "</fieldset>"
        + items
        + f'<fieldset class="cr-overall"><legend>{t("recorder.overall")}</legend>'
        + _field(p, "strengths", t("recorder.strengths"), "textarea")
        + _field(p, "next_steps", t("recorder.nextSteps"), "textarea")
        + _field(p, "evidence_url", t("recorder.evidence"), "url", hint=t("recorder.evidenceHint"))
        + "</fieldset>"
        + f'<fieldset class="cr-sign"><legend>{t("recorder.signOff")}</legend>'
        f'<p class="cr-field cr-check"><input type="checkbox" id="{p}-signed" name="signed" aria-describedby="{p}-signed-hint">'
        f'<label for="{p}-signed">{t("recorder.iSignOff")}</label>'
        f'<span class="cr-hint" id="{p}-signed-hint">{t("recorder.signedHint", unnumbered=_e(_unnumbered(curriculum)))}</span></p>'
        + _field(p, "signed_off.by", t("recorder.signedBy"))
        + _field(p, "signed_off.date", t("recorder.signedDate"), "date")
        + '<p class="cr-pending" role="status" hidden></p>'
        + f'<p class="cr-signature" aria-hidden="true">{t("recorder.signature")} ______________________________</p>'
        "</fieldset></form></div>"
    )


def _unnumbered(curriculum: Curriculum) -> str:
    levels = curriculum.framework.levels if curriculum.framework else []
    return t("list.or").join(lv.label for lv in levels if lv.level is None)
