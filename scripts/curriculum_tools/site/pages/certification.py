"""The "Certification" section, made from signoff.yml and the competency framework: how
certification works (for trainees and supervisors), one anchor per competency (the targets of
the credential's alignments), and the issuer profile: who signs the credentials and where a
verifier finds the public key and the revocation list."""

from __future__ import annotations

import html
import json
from pathlib import Path

from curriculum_tools.core.model import Curriculum, Requirement
from curriculum_tools.load.loader import CONTENT_DIR
from curriculum_tools.site.i18n import t


def _e(text) -> str:
    """Author text as plain Markdown text: escaped HTML, no Markdown syntax of its own."""
    escaped = html.escape(" ".join(str(text).split()))
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in escaped)


def _requirement(req: Requirement, labels: dict) -> str:
    parts = [
        t("cert.req.rated", level=_e(labels[req.min_rating]), sessions=req.min_sessions, observers=req.min_observers)
    ]
    if req.min_contexts:
        parts.append(t("cert.req.contexts", n=req.min_contexts))
    if req.checklists:
        parts.append(
            t("cert.req.checklists", n=len(req.checklists), names=t("list.and").join(f"`{c}`" for c in req.checklists))
        )
    if req.signed_off_only:
        parts.append(t("cert.req.signedOnly"))
    return "; ".join(parts)


def certification_pages(curriculum: Curriculum) -> list:
    from curriculum_tools.site.pages.generated import GeneratedPage

    signoff, framework = curriculum.signoff, curriculum.framework
    if signoff is None or framework is None:
        return []
    data = signoff.source.data or {}
    cert = data.get("certification") or {}
    knowledge = data.get("knowledge") or {}
    labels = {lvl.id: lvl.label for lvl in framework.levels}
    rows = [
        f"# {t('certification.how')}",
        "",
        t("cert.intro"),
        "",
        f"## {t('cert.h.observed')}",
        "",
        t("cert.observed"),
        "",
        *[f"- **{_e(lvl.label)}**: {_e(lvl.description)}" for lvl in framework.levels],
        "",
        f"## {t('cert.h.signoff')}",
        "",
        t("cert.signoff", requirement=_requirement(signoff.default, labels)),
        "",
    ]
    for override in data.get("overrides", []):
        req = signoff.requirement(override["competencies"][0])
        names = "; ".join(
            f"[{_e(framework.competencies[c].statement)}](#{c})"
            for c in override["competencies"]
            if c in framework.competencies
        )
        note = f" {_e(req.note)}" if req.note else ""
        rows.append(f"- {names}: {_requirement(req, labels)}.{note}")
    rows += ["", t("cert.report"), ""]
    if knowledge.get("requirements"):
        rows += [f"## {t('cert.h.knowledge')}", "", t("cert.knowledge"), ""]
        for item in knowledge["requirements"]:
            if "module" in item:
                rows.append(t("cert.knowledge.module", module=f"`{item['module']}`", score=f"{item['min_score']:g}"))
            else:
                rows.append(t("cert.knowledge.track", track=f"`{item['track']}`", score=f"{item['min_score']:g}"))
        rows += ["", t("cert.results.selfCount" if knowledge.get("self_reported") else "cert.results.selfNot"), ""]
    step = 4 if knowledge.get("requirements") else 3
    if cert:
        rows += [
            f"## {t('cert.h.panel', n=step)}",
            "",
            t("cert.panel", n=cert["panel_min"]),
            "",
            t("cert.criteria", criteria=_e(cert["criteria"])),
            "",
            f"## {t('cert.h.credential', n=step + 1)}",
            "",
            t("cert.credential", title=_e(cert["title"])),
            "",
            f"## {t('cert.h.validity', n=step + 2)}",
            "",
            t("cert.validity", n=cert["valid_for_days"]),
        ]
        renewal = cert.get("renewal")
        if renewal:
            rows.append(t("cert.renewal", n=renewal["due_within_days"], requires=_e(renewal["requires"])))
        rows.append("")
    rows += [f"## {t('cert.h.competencies')}", "", t("cert.competencies"), ""]
    for domain in framework.domains:
        rows += [f"### {_e(domain.title)}", ""]
        for comp in framework.competencies.values():
            if comp.domain == domain.id:
                rows.append(
                    f'<p id="{html.escape(comp.id)}"><strong>{html.escape(comp.statement)}</strong> <code>{html.escape(comp.id)}</code>: '
                    f"{_requirement(signoff.requirement(comp.id), labels).replace('**', '')}.</p>"
                )
        rows.append("")
    pages = [
        GeneratedPage("certification/index.md", t("certification.how"), "\n".join(rows), section=t("nav.certification"))
    ]
    pages.append(
        GeneratedPage(
            "certification/issuer.md", t("certification.issuer"), _issuer(curriculum), section=t("nav.certification")
        )
    )
    return pages


def _issuer(curriculum: Curriculum) -> str:
    """The issuer profile as the site publishes it (credentials/issuer.json, written by
    `curriculum credential keygen`), or how to create one."""
    folder = Path(curriculum.root) / CONTENT_DIR / "credentials"
    rows = [f"# {t('certification.issuer')}", ""]
    try:
        issuer = json.loads((folder / "issuer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        issuer = None
    if not issuer:
        return "\n".join(rows + [t("issuer.none"), ""])
    rows += [
        t("issuer.signedBy", name=_e(issuer.get("name", "")), id=f"`{html.escape(str(issuer.get('id', '')))}`"),
        "",
        t("issuer.profile"),
        t("issuer.did"),
        t("issuer.revocation"),
        "",
        t("issuer.key"),
        "",
    ]
    return "\n".join(rows)
