"""Verify a credential offline: its Data Integrity proof (the key from a did:key, or from the
issuer's DID document the site publishes), its shape (schemas/credential.schema.json: what
Open Badges 3.0 requires of an achievement credential), its dates, and its revocation status
in the Bitstring status list (itself signed by the same issuer). Each check gives one line;
a failed check says what failed and what it means."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from curriculum_tools.credentials import status
from curriculum_tools.credentials.keys import KeyError_, Site, public_key_of
from curriculum_tools.credentials.proof import ProofError, check, unsigned_members
from curriculum_tools.load.schemas import SCHEMA_DIR


@dataclass
class Check:
    name: str
    ok: bool
    message: str


@dataclass
class Verdict:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, message: str) -> None:
        self.checks.append(Check(name, ok, message))


def _schema() -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / "credential.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _moment(text) -> dt.datetime | None:
    if not isinstance(text, str) or "T" not in text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else None


def verify(
    credential: dict,
    site: Site | None,
    at: dt.datetime | None = None,
    did_documents: dict[str, dict] | None = None,
    status_file: Path | None = None,
) -> Verdict:
    at = at or dt.datetime.now(dt.UTC)
    verdict = Verdict()
    documents = dict(did_documents or {})
    if site is not None and (site.public / "did.json").is_file():
        try:
            published = json.loads((site.public / "did.json").read_text(encoding="utf-8"))
            documents.setdefault(published.get("id"), published)
        except (OSError, ValueError):
            pass
    # schema
    errors = sorted(_schema().iter_errors(credential), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        verdict.add(
            "schema",
            False,
            f"not an Open Badges 3.0 achievement credential: {where}: {first.message}"
            + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
        )
    else:
        verdict.add("schema", True, "an Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0)")
    unsigned = unsigned_members(credential) if not errors else []
    if unsigned:
        verdict.add(
            "terms",
            False,
            "members the signature does not cover (no pinned JSON-LD context defines them): " + ", ".join(unsigned[:5]),
        )
    # proof
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    try:
        vm = check(credential, lambda vm: public_key_of(vm, documents))
        if vm.split("#")[0] != issuer_id:
            verdict.add("proof", False, f"signed by {vm}, which is not a key of the issuer {issuer_id}")
        else:
            verdict.add("proof", True, f"signature valid (eddsa-rdfc-2022, key {vm})")
    except (ProofError, KeyError_) as exc:
        verdict.add("proof", False, str(exc))
    # dates
    start, end = _moment(credential.get("validFrom")), _moment(credential.get("validUntil"))
    if start is None:
        verdict.add(
            "dates", False, f"validFrom {credential.get('validFrom')!r} is not a date and time with a time zone"
        )
    elif credential.get("validUntil") is not None and end is None:
        verdict.add(
            "dates", False, f"validUntil {credential.get('validUntil')!r} is not a date and time with a time zone"
        )
    elif at < start:
        verdict.add("dates", False, f"not valid yet: valid from {credential['validFrom']}")
    elif end is not None and at > end:
        verdict.add(
            "dates", False, f"expired: valid until {credential['validUntil']}; the holder needs a renewed certification"
        )
    else:
        verdict.add(
            "dates",
            True,
            f"valid from {credential['validFrom']}" + (f" until {credential['validUntil']}" if end else ""),
        )
    # revocation
    verdict.add("revocation", *_revocation(credential, site, documents, at, status_file, issuer_id))
    return verdict


def _revocation(credential, site, documents, at, status_file, issuer_id) -> tuple[bool, str]:
    entries = credential.get("credentialStatus")
    entries = entries if isinstance(entries, list) else [entries] if entries else []
    entries = [e for e in entries if isinstance(e, dict) and e.get("statusPurpose") == "revocation"]
    if not entries:
        return False, "no revocation status entry: cannot tell whether it was revoked"
    entry = entries[0]
    if entry.get("type") != "BitstringStatusListEntry":
        return False, f"status entry type {entry.get('type')!r} is not BitstringStatusListEntry"
    url = entry.get("statusListCredential")
    path = status_file or (site.url_to_file(url) if site and isinstance(url, str) else None)
    if path is None:
        return False, f"the revocation list {url} is not available offline (pass --status-list FILE, a copy of it)"
    try:
        listing = status.read_list(path)
    except status.StatusError as exc:
        return False, str(exc)
    if listing.get("id") != url:
        return False, f"{path} is the list {listing.get('id')}, not {url}"
    list_issuer = listing.get("issuer")
    list_issuer = list_issuer.get("id") if isinstance(list_issuer, dict) else list_issuer
    if list_issuer != issuer_id:
        return False, f"the revocation list is issued by {list_issuer}, not by the credential's issuer {issuer_id}"
    try:
        check(listing, lambda vm: public_key_of(vm, documents))
    except (ProofError, KeyError_) as exc:
        return False, f"the revocation list's own signature fails: {exc}"
    end = _moment(listing.get("validUntil"))
    if end is not None and at > end:
        return False, f"the revocation list expired on {listing['validUntil']}; get a current copy"
    try:
        index = int(entry.get("statusListIndex"))
        subject = listing["credentialSubject"]
        if subject.get("statusPurpose") != "revocation":
            return False, "the status list is not a revocation list"
        revoked = status.is_set(status.decode(subject["encodedList"]), index)
    except (TypeError, ValueError, KeyError) as exc:
        return False, f"cannot read the status entry or list ({exc})"
    except status.StatusError as exc:
        return False, str(exc)
    if revoked:
        return False, f"REVOKED by the issuer (entry {index} of {url})"
    return True, f"not revoked (entry {index} of {url}, list signed by the issuer)"
