"""The "Certification" section, made from signoff.yml and the competency framework: how
certification works (for trainees and supervisors), one anchor per competency (the targets of
the credential's alignments), and the issuer profile: who signs the credentials and where a
verifier finds the public key and the revocation list."""
from __future__ import annotations

from curriculum_tools.site.i18n import t

import html
import json
from pathlib import Path

from curriculum_tools.core.model import Curriculum, Requirement
from curriculum_tools.load.loader import CONTENT_DIR


def _e(text) -> str:
    """Author text as plain Markdown text: escaped HTML, no Markdown syntax of its own."""
    escaped = html.escape(" ".join(str(text).split()))
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in escaped)


def _requirement(req: Requirement, labels: dict) -> str:
    parts = [f"rated at least **{_e(labels[req.min_rating])}** in {req.min_sessions} separate "
             f"session{'s' * (req.min_sessions > 1)}, by {req.min_observers} different observer{'s' * (req.min_observers > 1)}"]
    if req.min_contexts:
        parts.append(f"in {req.min_contexts} different contexts")
    if req.checklists:
        parts.append("on the " + ", ".join(f"`{c}`" for c in req.checklists) + " checklist" + "s" * (len(req.checklists) > 1))
    if req.signed_off_only:
        parts.append("records signed by the supervisor only")
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
        "# How certification works",
        "",
        "This page is for trainees and for the supervisors and panel members who assess them. Certification here "
        "says that a programme panel, having read the evidence, judged a facilitator competent to lead support groups "
        "for people with advanced cancer as this curriculum describes. It is not a professional licence or "
        "registration, and it does not widen anyone's scope of practice: that stays with each profession's regulator "
        "and employer, and differs between countries.",
        "",
        "## 1. Observed practice",
        "",
        "Supervisors observe real or rehearsed sessions and rate each item of a [checklist](../supervisors/index.md) on one "
        "entrustment scale: how much supervision the trainee still needs for that task. The levels are steps, not marks: "
        "they are never averaged. A single rating is one observation, not a decision.",
        "",
        *[f"- **{_e(lvl.label)}**: {_e(lvl.description)}" for lvl in framework.levels],
        "",
        "## 2. Sign-off on each competency",
        "",
        f"A competency is signed off when the records show it: {_requirement(signoff.default, labels)}. "
        "Several short observations by different observers make a judgement more dependable than one long one.",
        "",
    ]
    for override in data.get("overrides", []):
        req = signoff.requirement(override["competencies"][0])
        names = "; ".join(f"[{_e(framework.competencies[c].statement)}](#{c})" for c in override["competencies"] if c in framework.competencies)
        note = f" {_e(req.note)}" if req.note else ""
        rows.append(f"- {names}: {_requirement(req, labels)}.{note}")
    rows += ["", "The cohort report (`curriculum report`) shows each trainee's progress against these targets, in words and as bars, "
             "and says what is still missing.", ""]
    if knowledge.get("requirements"):
        rows += ["## 3. Knowledge", "", "Sign-off also needs these quiz or exam results:", ""]
        for item in knowledge["requirements"]:
            what = f"module `{item['module']}`" if "module" in item else f"every module of the track `{item['track']}`"
            rows.append(f"- {what}: at least {item['min_score']:g}%")
        rows += ["", "Results come from a results file the programme keeps (an LMS gradebook export or marked exam papers); "
                 "the report names the source of each. " + (
                     "Results a trainee exports from their own browser count, and are labelled self-reported."
                     if knowledge.get("self_reported") else
                     "Results a trainee exports from their own browser are shown as self-reported but do not count."), ""]
    step = 4 if knowledge.get("requirements") else 3
    if cert:
        rows += [
            f"## {step}. The panel's decision",
            "",
            f"A panel of at least {cert['panel_min']} people, not including the trainee, reads the cohort report as it stood on "
            "the day they meet (its content hash goes into their decision record) and decides: **certified**, **certified with "
            "conditions** (for example, co-leading the first real group after a member's death), or **not yet**, with their reasons. "
            "The programme's tools refuse a certification that the records do not support and name what is missing.",
            "",
            f"What earns the certification: {_e(cert['criteria'])}",
            "",
            f"## {step + 1}. The credential",
            "",
            f"A certified facilitator receives an Open Badges 3.0 credential, “{_e(cert['title'])}”: a file signed by the programme "
            "that lists each competency and the entrustment level reached, and a printable certificate carrying the credential's "
            "id. The credential names the holder; the holder decides whom to show it to. Anyone can check it with an Open Badges 3.0 "
            "or W3C Verifiable Credentials verifier: the signature, the dates, and whether the programme has revoked it. "
            "The [issuer profile](issuer.md) says who signs and where a verifier finds the key.",
            "",
            f"## {step + 2}. Validity and renewal",
            "",
            f"A certification lasts {cert['valid_for_days']} days from the decision, or less if the panel sets an earlier expiry.",
        ]
        renewal = cert.get("renewal")
        if renewal:
            rows.append(f"The report lists certifications due for renewal {renewal['due_within_days']} days before they end, and those "
                        f"that have lapsed. Renewal needs: {_e(renewal['requires'])}")
        rows.append("")
    rows += ["## Competencies", "", "Each competency the credential aligns to:", ""]
    for domain in framework.domains:
        rows += [f"### {_e(domain.title)}", ""]
        for comp in framework.competencies.values():
            if comp.domain == domain.id:
                rows.append(f'<p id="{html.escape(comp.id)}"><strong>{html.escape(comp.statement)}</strong> <code>{html.escape(comp.id)}</code>: '
                            f"{_requirement(signoff.requirement(comp.id), labels).replace('**', '')}.</p>")
        rows.append("")
    pages = [GeneratedPage("certification/index.md", t("certification.how"), "\n".join(rows), section=t("nav.certification"))]
    pages.append(GeneratedPage("certification/issuer.md", t("certification.issuer"), _issuer(curriculum), section=t("nav.certification")))
    return pages


def _issuer(curriculum: Curriculum) -> str:
    """The issuer profile as the site publishes it (credentials/issuer.json, written by
    `curriculum credential keygen`), or how to create one."""
    folder = Path(curriculum.root) / CONTENT_DIR / "credentials"
    rows = ["# Issuer profile", ""]
    try:
        issuer = json.loads((folder / "issuer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        issuer = None
    if not issuer:
        return "\n".join(rows + [
            "This site does not publish an issuer yet. The programme creates one with `curriculum credential keygen`, which keeps "
            "the private key off this site and out of the repository, and publishes the public key here.", ""])
    rows += [
        f"Credentials of this programme are signed by **{_e(issuer.get('name', ''))}**, identified as `{html.escape(str(issuer.get('id', '')))}`.",
        "",
        "- [Issuer profile](../credentials/issuer.json) (Open Badges 3.0 Profile)",
        "- [DID document](../credentials/did.json): the public key a verifier checks signatures with",
        "- [Revocation list](../credentials/status-list.json): a signed Bitstring Status List; a set bit means revoked",
        "",
        "Only the public key is published. The private key never leaves the programme's own storage; if it were ever exposed, the "
        "programme would publish a new key and re-issue credentials.",
        "",
    ]
    return "\n".join(rows)
