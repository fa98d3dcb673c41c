"""The cohort report as one HTML page that works alone and offline: inline CSS only, no
scripts (its Content-Security-Policy forbids them too), every text escaped, and tables with
captions and header scopes for screen readers. Every word of the page's own comes from the
build's catalogue (site/strings/<lang>.json, keys report.*) in the report's language; the
content (competencies, levels, names) is shown as written."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from curriculum_tools.core.model import Curriculum, Requirement
from curriculum_tools.core.problems import Problem
from curriculum_tools.signoff.evaluate import NO_EVIDENCE, NOT_YET, SIGNED_OFF, Row
from curriculum_tools.site.i18n import DEFAULT, Markup, catalogue, t, use
from curriculum_tools.site.i18n import t_html as h


def _none() -> str:
    return f'<span class="muted">{h("report.none")}</span>'


def _code(text: str) -> Markup:
    return Markup(f"<code>{escape(text)}</code>")


def _codes(items) -> Markup:
    return Markup(escape(t("list.and")).join(_code(i) for i in items))


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
    level = Markup(f"<strong>{escape(levels[req.min_rating])}</strong>")
    parts = [h("report.req.rated", level=level, sessions=req.min_sessions, observers=req.min_observers)]
    if req.checklists:
        parts.append(h("report.req.using", checklists=_codes(req.checklists), n=len(req.checklists)))
    parts.append(h("report.req.signedOnly" if req.signed_off_only else "report.req.signedOrNot"))
    parts.append(h("report.req.olderCount" if req.count_older_versions else "report.req.olderNotCount"))
    return escape(t("report.sep")).join(parts)


def _progress(targets: list[dict], levels: dict, reached: str | None) -> str:
    """Each target in words, with a bar (decorative: the words say it all)."""
    items = []
    for target in targets:
        share = min(1.0, target["have"] / target["need"]) if target["need"] else 1.0
        words = h(f"report.target.{target['target']}", have=target["have"], need=target["need"])
        met = f" {h('report.met')}" if target["met"] else ""
        missing = (
            f" <small>{h('report.missing', items=t('list.and').join(target['missing']))}</small>"
            if target.get("missing")
            else ""
        )
        items.append(
            f"<li>{words}{met}{missing}"
            f'<span class="bar" aria-hidden="true"><span style="width:{share * 100:.0f}%"></span></span></li>'
        )
    if reached:
        items.append(f"<li>{h('report.reached', level=Markup(f'<strong>{escape(levels[reached])}</strong>'))}</li>")
    return f'<ul class="targets">{"".join(items)}</ul>' if items else _none()


def _problems(problems: list[Problem]) -> str:
    items = "".join(
        "<li>"
        + h(
            f"report.problem.{'warning' if p.severity == 'warning' else 'error'}",
            where=_code(f"{p.path}:{p.line}:{p.col}"),
            message=p.message,
        )
        + "</li>"
        for p in problems
    )
    return f"<ul>{items}</ul>"


def _heads(*keys: str, num: tuple[str, ...] = ()) -> str:
    cells = []
    for key in keys:
        css = ' class="num"' if key in num else ""
        cells.append(f'<th scope="col"{css}>{h("report.col." + key)}</th>')
    return "".join(cells)


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
    language: str = DEFAULT,
) -> str:
    """The report page in `language` (one of site/strings/)."""
    with use(language):
        return _render(
            curriculum,
            rows,
            problems,
            files,
            records,
            now,
            content_hash,
            as_of,
            knowledge,
            renewals,
            progress,
            progress_levels,
            language,
        )


def _render(
    curriculum: Curriculum,
    rows: list[Row],
    problems: list[Problem],
    files: int,
    records: int,
    now: dt.datetime | None,
    content_hash: str | None,
    as_of: str | None,
    knowledge,
    renewals,
    progress,
    progress_levels,
    language: str,
) -> str:
    now = now or dt.datetime.now(dt.UTC)
    signoff = curriculum.needs_signoff()
    levels = {lvl.id: lvl.label for lvl in curriculum.needs_framework().levels}
    trainees: dict[str, list[Row]] = {}
    for row in rows:
        trainees.setdefault(row.trainee, []).append(row)
    generated: dict[str, Any] = {
        "when": now.strftime("%Y-%m-%d %H:%M UTC"),
        "records": records,
        "files": files,
        "trainees": len(trainees),
        "title": signoff.title,
        "version": str(signoff.version),
    }
    out = [
        f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">""",
        f"<title>{h('report.title')}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{h('report.title')}</h1>",
        "<p>"
        + (h("report.generatedAsOf", asOf=as_of, **generated) if as_of else h("report.generated", **generated))
        + "</p>",
    ]
    if content_hash:
        out.append(f"<p>{h('report.hash', hash=_code(content_hash))}</p>")
    if trainees:
        out.append(
            f"<table><caption>{h('report.summary')}</caption><thead><tr>"
            + _heads("trainee", "signedOff", "notYet", "noEvidence", num=("signedOff", "notYet", "noEvidence"))
            + "</tr></thead><tbody>"
        )
        for i, (name, own) in enumerate(trainees.items(), 1):
            counts = [sum(r.status == s for r in own) for s in (SIGNED_OFF, NOT_YET, NO_EVIDENCE)]
            out.append(
                f'<tr><th scope="row"><a href="#trainee-{i}">{escape(name)}</a></th>'
                + "".join(f'<td class="num">{h("report.count", n=n, total=len(own))}</td>' for n in counts)
                + "</tr>"
            )
        out.append("</tbody></table>")
    older = [p for p in problems if p.rule == "older-version"]
    others = [p for p in problems if p.rule != "older-version"]
    out.append(f"<h2>{h('report.h.requirements')}</h2>")
    if signoff.description:
        out.append(f"<p>{escape(signoff.description)}</p>")
    out.append(f"<ul><li>{h('report.req.every', requirement=Markup(_requirement(signoff.default, levels)))}</li>")
    for override in signoff.source.data.get("overrides", []):
        req = signoff.requirement(override["competencies"][0])
        note = f" <small>{escape(req.note)}</small>" if req.note else ""
        line = h(
            "report.req.some",
            competencies=_codes(override["competencies"]),
            requirement=Markup(_requirement(req, levels)),
        )
        out.append(f"<li>{line}{note}</li>")
    out.append("</ul>")
    if older:
        out.append(f"<h2>{h('report.h.older', n=len(older))}</h2>{_problems(older)}")
    if others:
        out.append(
            f"<h2>{h('report.h.problems', n=len(others))}</h2><p>{h('report.problemsNote')}</p>" + _problems(others)
        )
    if renewals is not None:
        out.append(f"<h2>{h('report.h.renewals')}</h2>")
        if renewals:
            out.append(
                f"<table><caption>{h('report.renewals.caption')}</caption><thead><tr>"
                + _heads("trainee", "decided", "validUntil", "status")
                + "</tr></thead><tbody>"
            )
            for r in renewals:
                css = {"current": "signed-off", "due for renewal": "not-yet", "lapsed": "no-evidence"}[r.status]
                if r.days_left < 0:
                    left = h("report.renewal.lapsedAgo", n=-r.days_left)
                else:
                    left = h("report.renewal.daysLeft", n=r.days_left)
                decided = f"report.decided.{r.decision}"
                when = (
                    h(decided, date=r.decided)
                    if decided in catalogue(language)
                    else escape(f"{r.decided} ({r.decision})")
                )
                out.append(
                    f'<tr><th scope="row">{escape(r.trainee)}</th><td>{when}</td>'
                    f"<td>{escape(r.valid_until)} <small>({left})</small></td>"
                    f'<td><span class="status {css}">{h("report.renewal." + r.status)}</span></td></tr>'
                )
            out.append("</tbody></table>")
        else:
            out.append(f"<p>{h('report.renewals.none')}</p>")
    knows = {name.casefold(): items for name, items in (knowledge or [])}
    for i, (name, own) in enumerate(trainees.items(), 1):
        done = sum(r.status == SIGNED_OFF for r in own)
        heading = h("report.trainee.heading", name=name, done=done, n=len(own))
        out.append(f'<section aria-labelledby="trainee-{i}"><h2 id="trainee-{i}">{heading}</h2>')
        out.append(
            f"<table><caption>{h('report.trainee.caption', name=name)}</caption><thead><tr>"
            + _heads("domain", "competency", "status", "sessions", "observers", "progress", "latest", "why")
            + "</tr></thead><tbody>"
        )
        for r in own:
            css = r.status.replace(" ", "-")
            key = (r.trainee, r.competency.id)
            out.append(
                f"<tr><td>{escape(r.domain)}</td>"
                f'<th scope="row"><code>{escape(r.competency.id)}</code><br><small>{escape(r.competency.statement)}</small></th>'
                f'<td><span class="status {css}">{h("report.status." + r.status)}</span></td>'
                f'<td class="num">{h("report.count", n=r.sessions, total=r.requirement.min_sessions)}</td>'
                f"<td>{h('report.count', n=len(r.observers), total=r.requirement.min_observers)}"
                + (f"<br><small>{escape(t('list.and').join(r.observers))}</small>" if r.observers else "")
                + "</td>"
                f"<td>{_progress((progress or {}).get(key, []), levels, (progress_levels or {}).get(key))}</td>"
                f"<td>{escape(r.latest) or _none()}</td>"
                f"<td>{escape(r.reason_in(language))}</td></tr>"
            )
        out.append("</tbody></table>")
        items = knows.get(name.casefold(), [])
        if items:
            out.append(
                f"<table><caption>{h('report.knowledge.caption', name=name)}</caption><thead><tr>"
                + _heads("requirement", "status", "result")
                + "</tr></thead><tbody>"
            )
            for k in items:
                css = "signed-off" if k.met else "not-yet"
                minimum = h("report.knowledge.min", score=f"{k.requirement.min_score:g}")
                status = h("report.knowledge.met" if k.met else "report.knowledge.notMet")
                note = k.why.text(language) if k.why else k.note
                out.append(
                    f'<tr><th scope="row">{escape(k.requirement.words(language))} <small>{minimum}</small></th>'
                    f'<td><span class="status {css}">{status}</span></td><td>{escape(note)}</td></tr>'
                )
            out.append("</tbody></table>")
        out.append("</section>")
    if not trainees:
        out.append(f"<p>{h('report.empty')}</p>")
    out.append("</main></body></html>\n")
    return "\n".join(out)
