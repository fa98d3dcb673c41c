"""Supervisor pages: each checklist as a complete paper form (HTML that works and prints
without JavaScript), the dashboard's tables, and the catalogue JSON that recorder.js and
dashboard.js read (checklists, items -> competencies, the rating scale). Record text typed in
the browser never passes through here: the JS inserts it as text."""
from __future__ import annotations

import json
import re

from curriculum_tools.core.model import Checklist, Curriculum
from curriculum_tools.load.schemas import SCHEMA_DIR
from curriculum_tools.site import sanitize
from curriculum_tools.site.inline import inline

PRIVACY = (
    "Records are saved in this browser only, on this device. Nothing is sent anywhere: "
    "a record leaves this browser only when you export it."
)


def _e(text) -> str:
    return sanitize.text(text)


def _strip(node):
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in ("$schema", "$id", "title", "description", "examples", "default")}
    return [_strip(v) for v in node] if isinstance(node, list) else node


def browser_schema(curriculum: Curriculum) -> dict:
    """record.schema.json without its prose, tightened with this site's checklist ids, each
    checklist's item ids and the rating ids, so the browser checks imports with one validator."""
    schema = _strip(json.loads((SCHEMA_DIR / "record.schema.json").read_text(encoding="utf-8")))
    record = schema["$defs"]["record"]
    props = record["properties"]
    props["checklist"]["properties"]["id"]["enum"] = sorted(cl.id for cl in curriculum.checklists)
    props["ratings"]["items"]["properties"]["rating"]["enum"] = [lv.id for lv in curriculum.framework.levels] if curriculum.framework else []
    record["allOf"] = [
        {
            "if": {"properties": {"checklist": {"properties": {"id": {"const": cl.id}}}}},
            "then": {"properties": {"ratings": {"items": {"properties": {"item": {"enum": [i.id for i in cl.items]}}}}}},
        }
        for cl in curriculum.checklists
    ]
    return schema


def catalogue(curriculum: Curriculum) -> dict:
    """What the browser needs to check, show and summarise records."""
    framework = curriculum.framework
    levels = framework.levels if framework else []
    statements = framework.competencies if framework else {}
    used = {c for cl in curriculum.checklists for c in cl.competencies}
    return {
        "scale": [[lv.id, lv.label, lv.level] for lv in levels],
        "checklists": {
            cl.id: {
                "title": cl.title,
                "version": cl.version,
                "items": {item.id: item.competencies for item in cl.items},
                "required": [item.id for item in cl.items if item.required],
            }
            for cl in sorted(curriculum.checklists, key=lambda c: c.title.lower())
        },
        "competencies": [[cid, c.statement] for cid, c in statements.items() if cid in used],
        "schema": browser_schema(curriculum),
    }


def _data(curriculum: Curriculum, checklist: Checklist | None = None) -> str:
    data = catalogue(curriculum)
    if checklist is not None:
        data["checklist"] = checklist.id
    # An attribute, not a <script type="application/json"> block: Material's instant
    # navigation re-creates every script element in a swapped page as plain inline script
    # (dropping its type and class), which loses the data and breaks a strict CSP.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<div class="cr-data" hidden data-json="{_e(text)}"></div>'


def _field(name: str, label: str, kind: str = "text", hint: str = "", attrs: str = "") -> str:
    """A labelled control; its name is the record field's path (observer.name)."""
    fid = "cr-" + name.replace(".", "-").replace("_", "-")
    described = f' aria-describedby="{fid}-hint"' if hint else ""
    hint_html = f'<span class="cr-hint" id="{fid}-hint">{hint}</span>' if hint else ""
    if kind == "textarea":
        control = f'<textarea id="{fid}" name="{name}" rows="3"{described}{attrs}></textarea>'
    else:
        control = f'<input type="{kind}" id="{fid}" name="{name}"{described}{attrs}>'
    return f'<p class="cr-field"><label for="{fid}">{label}</label>{hint_html}{control}</p>'


def _scale(curriculum: Curriculum) -> str:
    levels = curriculum.framework.levels if curriculum.framework else []
    rows = "".join(
        f'<dt>{_e(lv.label)}{f" ({lv.level})" if lv.level is not None else ""}</dt>'
        f'<dd id="cr-sd-{_e(lv.id)}">{_e(lv.description)}</dd>'
        for lv in levels
    )
    description = curriculum.framework.scale_description if curriculum.framework else ""
    return f'<h2 id="rating-scale">Rating scale</h2><p>{inline(" ".join(description.split()))}</p><dl class="cr-scale">{rows}</dl>'


def _item(curriculum: Curriculum, number: int, item) -> str:
    base = f"cr-i-{_e(item.id)}"
    statements = curriculum.framework.competencies if curriculum.framework else {}
    comps = "; ".join(
        f"{_e(c)} ({_e(statements[c].statement.rstrip('.'))})" if c in statements else _e(c) for c in item.competencies
    )
    guide = f"Look for: {inline(item.guidance)} " if item.guidance else ""
    required = ' <strong class="cr-req">Required</strong>' if item.required else ""
    radios = "".join(
        f'<span class="cr-opt"><input type="radio" id="{base}-{_e(lv.id)}" name="r:{_e(item.id)}" value="{_e(lv.id)}"'
        f' aria-describedby="cr-sd-{_e(lv.id)}"><label for="{base}-{_e(lv.id)}">{_e(lv.label)}</label></span>'
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


def _tools() -> str:
    """Record management; hidden until recorder.js runs (the paper form needs none of it)."""
    return (
        '<section class="cr-tools" aria-labelledby="cr-tools-h" hidden>'
        '<h2 id="cr-tools-h" tabindex="-1">Records in this browser</h2>'
        f"<p>{PRIVACY}</p>"
        '<ul class="cr-list"></ul>'
        '<p class="cr-actions">'
        '<button type="button" class="md-button" data-act="new">New record</button> '
        '<button type="button" class="md-button" data-act="export">Export this record</button> '
        '<button type="button" class="md-button" data-act="exportall">Export all records</button></p>'
        '<p class="cr-field"><label for="cr-import">Import records (JSON files exported from this site)</label>'
        '<input type="file" id="cr-import" accept=".json,application/json" multiple></p>'
        '<p class="cr-status" role="status" aria-live="polite"></p>'
        '<div class="cr-errors" role="alert" tabindex="-1" hidden></div>'
        '<dialog class="cr-dialog" aria-labelledby="cr-dialog-t"><form method="dialog">'
        '<p id="cr-dialog-t"></p><button class="md-button md-button--primary" value="yes">Delete</button> '
        '<button class="md-button" value="no" autofocus>Cancel</button></form></dialog>'
        "</section>"
    )


def render_checklist(checklist: Checklist, curriculum: Curriculum) -> str:
    items = "".join(_item(curriculum, n, item) for n, item in enumerate(checklist.items, 1))
    return (
        f'<div class="cr" data-module="recorder" data-checklist="{_e(checklist.id)}">'
        f'<p class="cr-meta">Checklist <code>{_e(checklist.id)}</code>, version {checklist.version}.</p>'
        f"<p><strong>Purpose.</strong> {inline(checklist.purpose)}</p>"
        f"<p><strong>Setting.</strong> {inline(checklist.setting)}</p>"
        f"<p><strong>Guidance for the observer.</strong> {inline(checklist.guidance)}</p>"
        f"{_scale(curriculum)}"
        f"{_tools()}"
        '<h2 id="record-form">Record</h2>'
        '<form class="cr-form" novalidate>'
        '<fieldset class="cr-session"><legend>Session</legend>'
        + _field("trainee", "Trainee (name or code)", attrs=' autocomplete="off"')
        + _field("observer.name", "Observer's name", attrs=' autocomplete="name"')
        + _field("observer.role", "Observer's role", hint="For example: clinical psychologist, senior social worker.")
        + _field("date", "Date of the session", "date")
        + _field("context", "Session context", "textarea", hint="Group, session number, setting. No names of group members.")
        + "</fieldset>"
        + items
        + '<fieldset class="cr-overall"><legend>Overall</legend>'
        + _field("strengths", "Strengths", "textarea")
        + _field("next_steps", "Next steps agreed with the trainee", "textarea")
        + _field("evidence_url", "Evidence link (optional)", "url", hint="A link to notes kept elsewhere. Never link to recordings of group members.")
        + "</fieldset>"
        + '<fieldset class="cr-sign"><legend>Sign-off</legend>'
        '<p class="cr-field cr-check"><input type="checkbox" id="cr-signed" name="signed" aria-describedby="cr-signed-hint">'
        '<label for="cr-signed">I sign off this record</label>'
        '<span class="cr-hint" id="cr-signed-hint">Every required item must be rated, and not as “Not observed”.</span></p>'
        + _field("signed_off.by", "Signed off by")
        + _field("signed_off.date", "Date of sign-off", "date")
        + '<p class="cr-signature" aria-hidden="true">Signature: ______________________________</p>'
        "</fieldset></form>"
        f"{_data(curriculum, checklist)}</div>"
    )


def render_dashboard(curriculum: Curriculum) -> str:
    options = "".join(
        f'<option value="{_e(cl_id)}">{_e(cl["title"])}</option>' for cl_id, cl in catalogue(curriculum)["checklists"].items()
    )
    return (
        '<div class="cd" data-module="dashboard">'
        "<noscript><p>The dashboard needs JavaScript: it reads the records saved in this browser.</p></noscript>"
        '<div class="cd-ui" hidden>'
        '<p class="cd-filters"><span class="cr-field"><label for="cd-trainee">Trainee</label>'
        '<select id="cd-trainee"><option value="">All trainees</option></select></span> '
        '<span class="cr-field"><label for="cd-checklist">Checklist</label>'
        f'<select id="cd-checklist"><option value="">All checklists</option>{options}</select></span> '
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
        "</div>"
        f"{_data(curriculum)}</div>"
    )
