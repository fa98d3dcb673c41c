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
from curriculum_tools.site.inline import inline

PRIVACY = (
    "Records are saved in this browser only, on this device. Nothing is sent anywhere: "
    "a record leaves this browser only when you export it."
)


def _e(text) -> str:
    return sanitize.text(text)


def levels_config(curriculum: Curriculum) -> list:
    """[id, label, level] per rating level; a level without a number (such as "Not observed")
    has None: what counts as rated comes from the framework, never from an id."""
    return [[lv.id, lv.label, lv.level] for lv in (curriculum.framework.levels if curriculum.framework else [])]


def recorder_config(curriculum: Curriculum, checklist: Checklist) -> dict:
    return {
        "checklist": checklist.id, "version": checklist.version,
        "required": [item.id for item in checklist.items if item.required],
        "levels": levels_config(curriculum), "schema": record_schema(curriculum),
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
        f'<dt>{_e(lv.label)}{f" ({lv.level})" if lv.level is not None else ""}</dt>'
        f'<dd id="{prefix}-sd-{_e(lv.id)}">{_e(lv.description)}</dd>'
        for lv in levels
    )
    description = curriculum.framework.scale_description if curriculum.framework else ""
    return f'<h2 id="rating-scale">Rating scale</h2><p>{inline(" ".join(description.split()))}</p><dl class="cr-scale">{rows}</dl>'


def _item(curriculum: Curriculum, prefix: str, number: int, item) -> str:
    base = f"{prefix}-i-{_e(item.id)}"
    statements = curriculum.framework.competencies if curriculum.framework else {}
    comps = "; ".join(
        f"{_e(c)} ({_e(statements[c].statement.rstrip('.'))})" if c in statements else _e(c) for c in item.competencies
    )
    guide = f"Look for: {inline(item.guidance)} " if item.guidance else ""
    required = ' <strong class="cr-req">Required</strong>' if item.required else ""
    radios = "".join(
        f'<span class="cr-opt"><input type="radio" id="{base}-{_e(lv.id)}" name="r:{_e(item.id)}" value="{_e(lv.id)}"'
        f' aria-describedby="{prefix}-sd-{_e(lv.id)}"><label for="{base}-{_e(lv.id)}">{_e(lv.label)}</label></span>'
        for lv in (curriculum.framework.levels if curriculum.framework else [])
    )
    return (
        f'<fieldset class="cr-item" data-item="{_e(item.id)}" aria-describedby="{base}-g">'
        f'<legend>{number}. {inline(item.text)}{required}</legend>'
        f'<p class="cr-hint" id="{base}-g">{guide}Evidence for: {comps}.</p>'
        f'<div class="cr-opts">{radios}</div>'
        f'<p class="cr-field"><label for="{base}-c">Comment on item {number}</label>'
        f'<textarea id="{base}-c" name="c:{_e(item.id)}" rows="2"></textarea></p>'
        f"</fieldset>"
    )


def _tools(prefix: str) -> str:
    """Record management; hidden until recorder.js runs (the paper form needs none of it)."""
    return (
        f'<section class="cr-tools" aria-labelledby="{prefix}-tools-h" hidden>'
        f'<h2 id="{prefix}-tools-h" tabindex="-1">Records in this browser</h2>'
        f"<p>{PRIVACY}</p>"
        '<ul class="cr-list"></ul>'
        '<p class="cr-actions">'
        '<button type="button" class="md-button" data-act="new">New record</button> '
        '<button type="button" class="md-button" data-act="export">Export this record</button> '
        '<button type="button" class="md-button" data-act="exportall">Export all records</button></p>'
        f'<p class="cr-field"><label for="{prefix}-import">Import records (JSON files exported from this site)</label>'
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
        f'<p class="cr-meta">Checklist <code>{_e(checklist.id)}</code>, version {checklist.version}.</p>'
        f"<p><strong>Purpose.</strong> {inline(checklist.purpose)}</p>"
        f"<p><strong>Setting.</strong> {inline(checklist.setting)}</p>"
        f"<p><strong>Guidance for the observer.</strong> {inline(checklist.guidance)}</p>"
        f"{_scale(curriculum, p)}"
        f"{_tools(p)}"
        '<h2 id="record-form">Record</h2>'
        '<form class="cr-form" novalidate>'
        '<fieldset class="cr-session"><legend>Session</legend>'
        + _field(p, "trainee", "Trainee (name or code)", attrs=' autocomplete="off"')
        + _field(p, "observer.name", "Observer's name", attrs=' autocomplete="name"')
        + _field(p, "observer.role", "Observer's role", hint="For example: clinical psychologist, senior social worker.")
        + _field(p, "date", "Date of the session", "date")
        + _field(p, "context", "Session context", "textarea", hint="Group, session number, setting. No names of group members.")
        + "</fieldset>"
        + items
        + '<fieldset class="cr-overall"><legend>Overall</legend>'
        + _field(p, "strengths", "Strengths", "textarea")
        + _field(p, "next_steps", "Next steps agreed with the trainee", "textarea")
        + _field(p, "evidence_url", "Evidence link (optional)", "url", hint="A link to notes kept elsewhere. Never link to recordings of group members.")
        + "</fieldset>"
        + '<fieldset class="cr-sign"><legend>Sign-off</legend>'
        f'<p class="cr-field cr-check"><input type="checkbox" id="{p}-signed" name="signed" aria-describedby="{p}-signed-hint">'
        f'<label for="{p}-signed">I sign off this record</label>'
        f'<span class="cr-hint" id="{p}-signed-hint">Every required item must be rated, and not as “{_e(_unnumbered(curriculum))}”.</span></p>'
        + _field(p, "signed_off.by", "Signed off by")
        + _field(p, "signed_off.date", "Date of sign-off", "date")
        + '<p class="cr-pending" role="status" hidden></p>'
        + '<p class="cr-signature" aria-hidden="true">Signature: ______________________________</p>'
        "</fieldset></form></div>"
    )


def _unnumbered(curriculum: Curriculum) -> str:
    levels = curriculum.framework.levels if curriculum.framework else []
    return " or ".join(lv.label for lv in levels if lv.level is None)
