"""Build and sign an Open Badges 3.0 OpenBadgeCredential (W3C VC Data Model 2.0) for one
certified trainee, from a checked committee decision: the issuer's profile, the achievement
(criteria in words, an alignment to each competency), the entrustment level each competency
was signed off at as a result, validFrom/validUntil, a Bitstring status list entry and an
eddsa-rdfc-2022 Data Integrity proof."""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.core.model import Curriculum
from curriculum_tools.credentials import status
from curriculum_tools.credentials.contexts import OB3, VC2
from curriculum_tools.credentials.keys import Key, KeyError_, Site, did_document, public_key_of
from curriculum_tools.credentials.proof import sign, unsigned_members
from curriculum_tools.signoff.certification import level_reached, required_ids
from curriculum_tools.signoff.decisions import Checked
from curriculum_tools.signoff.evaluate import SIGNED_OFF

# No credentialSchema: its OB type (1EdTechJsonSchemaValidator2019) is defined by none of the
# pinned contexts, so it would sit outside what the proof covers.
LEDGER = "issued.json"


class IssueError(Exception):
    pass


def certification_url(site: Site) -> str:
    return site.url + "certification/"


def profile(site: Site, key: Key) -> dict:
    return {
        "id": key.did,
        "type": ["Profile"],
        "name": site.name,
        "url": site.url,
        "description": f"The training programme that publishes {site.url}; it certifies facilitators after a panel decision.",
    }


def public_files(site: Site, key: Key, bits: bytearray, valid_from: str) -> dict[str, str]:
    """What the site publishes under credentials/: the DID document, the issuer profile and
    the signed revocation list (file name -> text)."""
    issuer = {
        "@context": [VC2, OB3],
        **profile(site, key),
    }
    url = status_url(site)
    return {
        "did.json": _json(did_document(key)),
        "issuer.json": _json(issuer),
        STATUS_NAME: _json(status.credential(url, key, bits, valid_from)),
    }


STATUS_NAME = "status-list.json"


def status_url(site: Site) -> str:
    return site.public_url + STATUS_NAME


def _json(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def check_key_is_the_issuers(site: Site, key: Key) -> None:
    """The key must be the one the site publishes: same DID in issuer.json, and its public key
    an assertion method of the published DID document."""
    try:
        issuer = json.loads((site.public / "issuer.json").read_text(encoding="utf-8"))
        document = json.loads((site.public / "did.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KeyError_(
            f"{exc.filename}: missing; the site publishes no issuer yet (run `curriculum credential keygen`)"
        ) from None
    except (OSError, ValueError) as exc:
        raise KeyError_(f"{site.public}: cannot read the published issuer files ({exc})") from None
    if issuer.get("id") != key.did:
        raise KeyError_(f"{key.path}: wrong key: it belongs to {key.did}, but the site's issuer is {issuer.get('id')}")
    try:
        published = public_key_of(key.id, {document.get("id"): document})
    except KeyError_ as exc:
        raise KeyError_(f"{key.path}: wrong key: {exc}") from None
    if published.public_bytes_raw() != key.public.public_bytes_raw():
        raise KeyError_(f"{key.path}: wrong key: its public key is not the one in {site.public / 'did.json'}")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "trainee"


@dataclass
class Issued:
    credential: dict
    name: str  # file stem
    index: int


def build(checked: Checked, curriculum: Curriculum, site: Site, key: Key, index: int) -> Issued:
    decision, standing, config = checked.decision, checked.standing, checked.settings
    if decision is None or standing is None or config is None:
        raise IssueError("internal error: a credential is built only from a decision that passed its checks")
    framework = curriculum.needs_framework()
    achievement_id = certification_url(site)
    levels = [lvl for lvl in framework.levels if lvl.level is not None]
    domains = {d.id: d.title for d in framework.domains}
    ids = required_ids(curriculum, config)
    alignments, descriptions, results = [], [], []
    for row in standing.rows:
        cid = row.competency.id
        if cid not in ids or row.status != SIGNED_OFF:
            continue
        alignment = {
            "type": ["Alignment"],
            "targetName": row.competency.statement,
            "targetUrl": f"{achievement_id}#{cid}",
            "targetCode": cid,
            "targetDescription": f"{domains[row.competency.domain]}: {row.competency.statement}",
            "targetFramework": framework.title,
            "targetType": "ceasn:Competency",
        }
        alignments.append(alignment)
        rd = f"{achievement_id}#result-{cid}"
        descriptions.append(
            {
                "id": rd,
                "type": ["ResultDescription"],
                "name": f"Entrustment level reached: {row.competency.statement}",
                "alignment": [alignment],
                "resultType": "RubricCriterionLevel",
                "requiredLevel": f"{rd}-{row.requirement.min_rating}",
                "rubricCriterionLevel": [
                    {
                        "id": f"{rd}-{lvl.id}",
                        "type": ["RubricCriterionLevel"],
                        "name": lvl.label,
                        "description": lvl.description,
                        "level": str(lvl.level),
                    }
                    for lvl in levels
                ],
            }
        )
        reached = level_reached(curriculum, standing.records, row)
        if reached is None:  # a signed-off row meets its requirement at its own minimum level at least
            raise IssueError(f"internal error: no level reached for the signed-off competency {cid}")
        results.append(
            {"type": ["Result"], "resultDescription": rd, "achievedLevel": f"{rd}-{reached.id}", "status": "Completed"}
        )
    panel = "; ".join(f"{m['name']} ({m['role']})" for m in decision.panel)
    known = " ".join(f"Knowledge, {k.requirement.label}: {k.note}." for k in standing.knowledge)
    description = config.criteria
    if decision.conditions:
        description += " Certified with conditions: " + " ".join(decision.conditions)
    credential = {
        "@context": [VC2, OB3],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": config.title,
        "description": description,
        "issuer": profile(site, key),
        "validFrom": f"{decision.date}T00:00:00Z",
        "validUntil": f"{checked.valid_until}T23:59:59Z",
        "awardedDate": f"{decision.date}T00:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {"type": "IdentityObject", "identityHash": decision.trainee, "identityType": "name", "hashed": False}
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certification",
                "name": config.title,
                "description": f"{config.title}, awarded by {site.name} after a panel decision on observed, rated practice.",
                "criteria": {"id": achievement_id, "narrative": config.criteria},
                "alignment": alignments,
                "resultDescription": descriptions,
            },
            "result": results,
        },
        "evidence": [
            {
                "type": ["Evidence"],
                "name": f"Panel decision of {decision.date}",
                "description": f"Decision: {decision.decision}. Panel: {panel}. Report considered: {decision.report}."
                + (f" {known}" if known else ""),
                "narrative": decision.rationale,
            }
        ],
        "credentialStatus": status.entry(status_url(site), index),
    }
    undefined = unsigned_members(credential)
    if undefined:  # a programming error: never hand out a credential with unsigned parts
        raise IssueError(
            "internal error: the credential has members no pinned context defines: " + ", ".join(undefined)
        )
    return Issued(sign(credential, key), f"{_slug(decision.trainee)}-{decision.date}", index)


def read_ledger(key: Key) -> dict:
    path = key.path.parent / LEDGER
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"format": "issued-credentials/1", "credentials": []}
    except (OSError, ValueError) as exc:
        raise IssueError(f"{path}: cannot read the list of issued credentials ({exc})") from None
    return data


def write_private(path: Path, text: str) -> None:
    """Atomically, readable by the owner only (the ledger names trainees)."""
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temp, path)
