"""The cohort report as one HTML page that works alone and offline: inline CSS only, no
scripts (its Content-Security-Policy forbids them too), every text escaped, and tables with
captions and header scopes for screen readers."""

from __future__ import annotations

import datetime as dt
from html import escape

from curriculum_tools.core.model import Curriculum, Requirement
from curriculum_tools.core.problems import Problem
from curriculum_tools.signoff.evaluate import NO_EVIDENCE, SIGNED_OFF, Row

NONE = '<span class="muted">none</span>'
CSS = """
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--line:#c8c8c8;--ok-fg:#0a5c27;--ok-bg:#e3f3e8;
--wait-fg:#6b3f00;--wait-bg:#fff1d6;--none-fg:#3d3d3d;--none-bg:#ececec;--link:#0b57b0}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#161616;--muted:#b9b9b9;--line:#4a4a4a;--ok-fg:#a8e6b8;
--ok-bg:#12351f;--wait-fg:#ffd58a;--wait-bg:#3a2a08;--none-fg:#dadada;--none-bg:#2c2c2c;--link:#8cc4ff}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
a{color:var(--link)}a:focus{outline:3px solid var(--link);outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:0 0 2rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--none-bg)}tbody th{font-weight:normal}
.num{text-align:right}.muted,small{color:var(--muted)}
.status{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-weight:600;white-space:nowrap}
.signed-off{color:var(--ok-fg);background:var(--ok-bg)}.not-yet{color:var(--wait-fg);background:var(--wait-bg)}
.no-evidence{color:var(--none-fg);background:var(--none-bg)}
.targets{list-style:none;margin:0;padding:0}.targets li{margin:0 0 .3rem}
.bar{display:block;height:.5rem;width:100%;max-width:10rem;border:1px solid var(--fg);border-radius:.2rem;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--fg)}
code{font-size:.9em;overflow-wrap:anywhere}
@media print{body{font-size:11pt}main{max-width:none}section{break-inside:avoid-page}}
"""


def _requirement(req: Requirement, levels) -> str:
    parts = [
        f"rated at least <strong>{escape(levels[req.min_rating])}</strong> in {req.min_sessions} "
        f"session{'s' * (req.min_sessions > 1)} by {req.min_observers} observer{'s' * (req.min_observers > 1)}"
    ]
    if req.checklists:
        parts.append("using " + ", ".join(f"<code>{escape(k)}</code>" for k in req.checklists))
    parts.append("signed-off records only" if req.signed_off_only else "signed-off or not")
    parts.append(
        "older checklist versions count" if req.count_older_versions else "older checklist versions do not count"
    )
    return "; ".join(parts)


def _progress(targets: list[dict], levels: dict, reached: str | None) -> str:
    """Each target in words, with a bar (decorative: the words say it all)."""
    items = []
    for t in targets:
        share = min(1.0, t["have"] / t["need"]) if t["need"] else 1.0
        missing = f" <small>(not yet: {escape(', '.join(t['missing']))})</small>" if t.get("missing") else ""
        items.append(
            f"<li>{escape(t['target'].capitalize())}: {t['have']} of {t['need']}{' (met)' if t['met'] else ''}{missing}"
            f'<span class="bar" aria-hidden="true"><span style="width:{share * 100:.0f}%"></span></span></li>'
        )
    if reached:
        items.append(f"<li>Entrustment reached: <strong>{escape(levels[reached])}</strong></li>")
    return f'<ul class="targets">{"".join(items)}</ul>' if items else NONE


def _problems(problems: list[Problem]) -> str:
    items = "".join(
        f"<li><code>{escape(p.path)}:{p.line}:{p.col}</code> {escape(p.severity)}: {escape(p.message)}</li>"
        for p in problems
    )
    return f"<ul>{items}</ul>"


def render(
    curriculum: Curriculum,
    rows: list[Row],
    problems: list[Problem],
    files: int,
    records: int,
    now: dt.datetime | None = None,
    content_hash: str | None = None,
    as_of: str | None = None,
    knowledge=None,
    renewals=None,
    progress=None,
    progress_levels=None,
) -> str:
    now = now or dt.datetime.now(dt.UTC)
    signoff = curriculum.needs_signoff()
    levels = {lvl.id: lvl.label for lvl in curriculum.needs_framework().levels}
    trainees: dict[str, list[Row]] = {}
    for row in rows:
        trainees.setdefault(row.trainee, []).append(row)
    out = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">""",
        f"<title>Cohort sign-off report</title><style>{CSS}</style></head><body><main>",
        "<h1>Cohort sign-off report</h1>",
        f"<p>Generated {escape(now.strftime('%Y-%m-%d %H:%M UTC'))} from {records} record{'s' * (records != 1)} "
        f"in {files} file{'s' * (files != 1)}, for {len(trainees)} trainee{'s' * (len(trainees) != 1)}, against "
        f"“{escape(signoff.title)}” (version {signoff.version})"
        + (f", counting records dated on or before {escape(as_of)}" if as_of else "")
        + ".</p>",
    ]
    if content_hash:
        out.append(
            f"<p>Content hash of this report (a committee decision cites it as its evidence): <code>{escape(content_hash)}</code></p>"
        )
    if trainees:
        out.append(
            '<table><caption>Competencies per trainee</caption><thead><tr><th scope="col">Trainee</th>'
            '<th scope="col" class="num">Signed off</th><th scope="col" class="num">Not yet</th>'
            '<th scope="col" class="num">No evidence</th></tr></thead><tbody>'
        )
        for i, (name, own) in enumerate(trainees.items(), 1):
            counts = [sum(r.status == s for r in own) for s in (SIGNED_OFF, "not yet", NO_EVIDENCE)]
            out.append(
                f'<tr><th scope="row"><a href="#trainee-{i}">{escape(name)}</a></th>'
                + "".join(f'<td class="num">{n} of {len(own)}</td>' for n in counts)
                + "</tr>"
            )
        out.append("</tbody></table>")
    older = [p for p in problems if p.rule == "older-version"]
    others = [p for p in problems if p.rule != "older-version"]
    out.append("<h2>Sign-off requirements</h2>")
    if signoff.description:
        out.append(f"<p>{escape(signoff.description)}</p>")
    out.append(f"<ul><li>Every competency: {_requirement(signoff.default, levels)}.</li>")
    for override in signoff.source.data.get("overrides", []):
        req = signoff.requirement(override["competencies"][0])
        comps = ", ".join(f"<code>{escape(c)}</code>" for c in override["competencies"])
        note = f" <small>{escape(req.note)}</small>" if req.note else ""
        out.append(f"<li>{comps}: {_requirement(req, levels)}.{note}</li>")
    out.append("</ul>")
    if older:
        out.append(f"<h2>Records made against an older checklist version ({len(older)})</h2>{_problems(older)}")
    if others:
        out.append(
            f"<h2>Problems in the record files ({len(others)})</h2>"
            "<p>Records with errors are left out of the report; warnings are for information.</p>" + _problems(others)
        )
    if renewals is not None:
        out.append("<h2>Certification renewals</h2>")
        if renewals:
            out.append(
                "<table><caption>Latest certification per trainee</caption><thead><tr>"
                + "".join(f'<th scope="col">{h}</th>' for h in ("Trainee", "Decided", "Valid until", "Status"))
                + "</tr></thead><tbody>"
            )
            for r in renewals:
                css = {"current": "signed-off", "due for renewal": "not-yet", "lapsed": "no-evidence"}[r.status]
                left = f"lapsed {-r.days_left} days ago" if r.days_left < 0 else f"{r.days_left} days left"
                out.append(
                    f'<tr><th scope="row">{escape(r.trainee)}</th><td>{escape(r.decided)} ({escape(r.decision)})</td>'
                    f'<td>{escape(r.valid_until)} <small>({left})</small></td><td><span class="status {css}">{escape(r.status.capitalize())}</span></td></tr>'
                )
            out.append("</tbody></table>")
        else:
            out.append("<p>No certification decisions yet.</p>")
    knows = {t.casefold(): items for t, items in (knowledge or [])}
    for i, (name, own) in enumerate(trainees.items(), 1):
        done = sum(r.status == SIGNED_OFF for r in own)
        out.append(
            f'<section aria-labelledby="trainee-{i}"><h2 id="trainee-{i}">{escape(name)}: signed off on {done} of {len(own)} competencies</h2>'
        )
        out.append(
            f"<table><caption>{escape(name)}: status per competency</caption><thead><tr>"
            + "".join(
                f'<th scope="col">{h}</th>'
                for h in (
                    "Domain",
                    "Competency",
                    "Status",
                    "Sessions",
                    "Observers",
                    "Progress against the plan",
                    "Latest rating",
                    "Why not yet",
                )
            )
            + "</tr></thead><tbody>"
        )
        for r in own:
            css = r.status.replace(" ", "-")
            out.append(
                f"<tr><td>{escape(r.domain)}</td>"
                f'<th scope="row"><code>{escape(r.competency.id)}</code><br><small>{escape(r.competency.statement)}</small></th>'
                f'<td><span class="status {css}">{escape(r.status.capitalize())}</span></td>'
                f'<td class="num">{r.sessions} of {r.requirement.min_sessions}</td>'
                f"<td>{len(r.observers)} of {r.requirement.min_observers}"
                + (f"<br><small>{escape(', '.join(r.observers))}</small>" if r.observers else "")
                + "</td>"
                f"<td>{_progress((progress or {}).get((r.trainee, r.competency.id), []), levels, (progress_levels or {}).get((r.trainee, r.competency.id)))}</td>"
                f"<td>{escape(r.latest) or NONE}</td>"
                f"<td>{escape(r.reason)}</td></tr>"
            )
        out.append("</tbody></table>")
        items = knows.get(name.casefold(), [])
        if items:
            out.append(
                f"<table><caption>{escape(name)}: knowledge results</caption><thead><tr>"
                + "".join(f'<th scope="col">{h}</th>' for h in ("Requirement", "Status", "Result and source"))
                + "</tr></thead><tbody>"
            )
            for k in items:
                css = "signed-off" if k.met else "not-yet"
                out.append(
                    f'<tr><th scope="row">{escape(k.requirement.label)} <small>(at least {k.requirement.min_score:g}%)</small></th>'
                    f'<td><span class="status {css}">{"Met" if k.met else "Not met"}</span></td><td>{escape(k.note)}</td></tr>'
                )
            out.append("</tbody></table>")
        out.append("</section>")
    if not trainees:
        out.append("<p>No usable records: nothing to report yet.</p>")
    out.append("</main></body></html>\n")
    return "\n".join(out)
