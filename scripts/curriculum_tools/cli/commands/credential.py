"""curriculum credential keygen | issue | verify | revoke: Open Badges 3.0 credentials for
certified trainees, signed with a key kept outside the repository, checkable offline.

keygen  a new Ed25519 issuer key (outside the repository, mode 0600), and the public side the
        site publishes under credentials/ (DID document, issuer profile, revocation list)
issue   one signed credential and one printable certificate per certified decision
verify  proof, shape, dates and revocation, offline; exit 1 unless every check passes
revoke  set a credential's bit in the revocation list and re-sign the list"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from curriculum_tools.cli.commands._common import curriculum_for_signoff, date_option
from curriculum_tools.core.problems import ContentError
from curriculum_tools.credentials import certificate, keys, status
from curriculum_tools.credentials import issue as issuing
from curriculum_tools.credentials.contexts import ContextError
from curriculum_tools.credentials.proof import ProofError, now
from curriculum_tools.credentials.verify import verify
from curriculum_tools.signoff.decisions import CERTIFIED, check
from curriculum_tools.signoff.jsonpos import load_json
from curriculum_tools.signoff.outputs import write_atomically
from curriculum_tools.site.i18n import DEFAULT, languages

NAME = "credential"
HELP = "issue, verify and revoke Open Badges 3.0 credentials for certified trainees (keygen | issue | verify | revoke)"


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    root_help = "repository root with mkdocs.yml, competencies.yml and signoff.yml (default: current directory)"
    p = sub.add_parser(
        "keygen",
        help="create the issuer's key pair (outside the repository) and publish its public side",
        description="create the issuer's Ed25519 key pair in DIR (outside the repository, mode 0600) and write the DID document, issuer profile and an empty revocation list under the site's credentials/ folder",
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder for the private key, outside the repository"
    )
    p.add_argument(
        "--did",
        choices=["web", "key"],
        default="web",
        help="web: did:web under the site's URL (mkdocs.yml site_url; the default); key: did:key (self-contained, for tests and demos)",
    )
    p.add_argument("--root", type=Path, default=Path("."), help=root_help)
    p = sub.add_parser(
        "issue",
        help="issue a credential and a certificate for each certified decision",
        description="check each decision against the records, then write DIR/<trainee>-<date>.json (the signed credential), .html and .pdf (the printable certificate); nothing is written when anything is wrong",
    )
    p.add_argument(
        "--decision",
        type=Path,
        action="append",
        required=True,
        metavar="FILE",
        help="a committee decision (repeat for several)",
    )
    p.add_argument(
        "--key", type=Path, required=True, metavar="KEY", help="the issuer's key file (or its folder), from keygen"
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write credentials and certificates")
    p.add_argument("--root", type=Path, default=Path("."), help=root_help)
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the issue date for expiry checks (default: today)")
    p.add_argument(
        "--lang",
        choices=languages(),
        default=DEFAULT,
        help=f"the language of the printable certificate (.html and .pdf; default: {DEFAULT}); "
        "the signed credential (.json) is the same in every language",
    )
    p = sub.add_parser(
        "verify",
        help="verify a credential offline: proof, shape, dates, revocation",
        description="verify a credential offline; exit 0 only when the proof, the shape, the dates and the revocation status all pass",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="a credential (.json)")
    p.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="repository root whose site publishes the issuer's DID document and revocation list (default: current directory)",
    )
    p.add_argument(
        "--status-list",
        type=Path,
        metavar="FILE",
        help="a copy of the revocation list (default: the one the site publishes, from the repository)",
    )
    p.add_argument(
        "--did-document",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="an issuer's DID document (did:web issuers other than the site's)",
    )
    p.add_argument("--at", metavar="YYYY-MM-DD", help="verify as of this date (default: now)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = sub.add_parser(
        "revoke",
        help="revoke an issued credential (updates the revocation list the site publishes)",
        description="set the credential's entry in the revocation list, re-sign the list and write it atomically",
    )
    p.add_argument("id", metavar="ID", help="the credential id (urn:uuid:...) or the credential file")
    p.add_argument("--key", type=Path, required=True, metavar="KEY", help="the issuer's key file (or its folder)")
    p.add_argument("--reason", default="", help="why (kept in the private list of issued credentials, not published)")
    p.add_argument("--root", type=Path, default=Path("."), help=root_help)


def _fail(message: str, code: int = 2) -> int:
    print(f"curriculum credential: {message}", file=sys.stderr)
    return code


def run(args) -> int:
    try:
        return {"keygen": _keygen, "issue": _issue, "verify": _verify, "revoke": _revoke}[args.action](args)
    except (keys.KeyError_, ContextError, ProofError, status.StatusError, issuing.IssueError) as exc:
        return _fail(str(exc))


def _keygen(args) -> int:
    site = keys.site(args.root)
    keys.refuse_inside_repository(args.out, site.root)
    taken = [site.public / n for n in ("did.json", "issuer.json", issuing.STATUS_NAME) if (site.public / n).exists()]
    if taken:
        return _fail(
            f"{taken[0]}: the site already publishes an issuer; a new key would make every credential issued so far "
            "fail to verify. Move the credentials/ folder away first if you really mean to start again."
        )
    key = keys.generate(args.out, args.did, site)
    files = issuing.public_files(site, key, bytearray(status.SIZE // 8), now())
    try:
        written = write_atomically(site.public, files)
    except OSError as exc:
        key.path.unlink()
        return _fail(f"{site.public}: cannot write the public issuer files: {exc.strerror or exc}")
    print(
        f"Wrote the private key {key.path} (mode 600). Keep it outside the repository and back it up offline; never commit, upload or e-mail it."
    )
    print(f"Issuer: {key.did}")
    print("The site publishes: " + ", ".join(p.relative_to(site.root).as_posix() for p in written))
    if args.did == "web":
        print(
            f"did:web resolves to {site.public_url}did.json: build and publish the site so verifiers can find the key."
        )
    return 0


def _issue(args) -> int:
    today = date_option(args.today, "--today")
    if today is False:
        return 2
    key = keys.load(args.key)
    site = keys.site(args.root)
    issuing.check_key_is_the_issuers(site, key)
    curriculum = curriculum_for_signoff(args.root)
    if curriculum is None:
        return 2
    if args.out.exists() and not args.out.is_dir():
        return _fail(f"{args.out}: exists and is not a folder")
    if keys.inside(args.out, site.public):
        return _fail(
            f"{args.out}: inside the site's credentials/ folder, which is published; credentials belong to their holders"
        )
    ledger = issuing.read_ledger(key)
    used = {entry["index"] for entry in ledger["credentials"]}
    checked_all = []
    bad = False
    for path in args.decision:
        checked = check(path, curriculum, today or dt.date.today())
        for p in checked.result.sorted():
            print(
                f"{p.path}:{p.line}:{p.col}: {p.severity + ': ' if p.severity != 'error' else ''}{p.message} ({p.rule})",
                file=sys.stderr,
            )
        d = checked.decision
        if checked.result.errors or d is None:  # no decision without an error that says why
            bad = True
            continue
        if d.decision not in CERTIFIED:
            print(
                f"{path}: {d.trainee}: the decision is {d.decision}; a credential is only issued for a certification",
                file=sys.stderr,
            )
            bad = True
            continue
        if any(p.rule == "decision-expired" for p in checked.result.problems):
            print(f"{path}: {d.trainee}: the certification has expired; nothing to issue", file=sys.stderr)
            bad = True
            continue
        checked_all.append(checked)
    if bad:
        return _fail("nothing was issued: fix the decisions above first", 1)
    files: dict[str, str | bytes] = {}
    notes = []
    entries = []
    for checked in checked_all:
        decision = checked.decision
        assert decision is not None  # checked_all holds only checked decisions
        index = status.free_index(used)
        used.add(index)
        issued = issuing.build(checked, curriculum, site, key, index)
        name = issued.name
        while f"{name}.json" in files or (args.out / f"{name}.json").exists():
            name += "-again"
        files[f"{name}.json"] = json.dumps(issued.credential, indent=2, ensure_ascii=False) + "\n"
        files[f"{name}.html"] = certificate.render(issued.credential, decision, f"{name}.json", args.lang)
        try:
            files[f"{name}.pdf"] = certificate.render_pdf(issued.credential, decision, f"{name}.json", args.lang)
        except ValueError as err:
            notes.append(f"note: no PDF certificate for {_printable(decision.trainee)}: {err}")
        entries.append(
            {
                "id": issued.credential["id"],
                "index": index,
                "trainee": decision.trainee,
                "decision": decision.file.as_posix(),
                "issued": now(),
                "file": f"{name}.json",
            }
        )
    write_atomically(args.out, files)
    ledger["credentials"].extend(entries)
    issuing.write_private(key.path.parent / issuing.LEDGER, json.dumps(ledger, indent=2, ensure_ascii=False) + "\n")
    for entry in entries:
        print(
            f"Issued {entry['id']} to {_printable(entry['trainee'])}: {(args.out / entry['file']).as_posix()} "
            f"(certificate {(args.out / entry['file']).with_suffix('.html').as_posix()}"
            f"{', ' + (args.out / entry['file']).with_suffix('.pdf').as_posix() if entry['file'][:-5] + '.pdf' in files else ''})"
        )
    for note in notes:
        print(note)
    print(
        f"Verify with: curriculum credential verify {(args.out / entries[0]['file']).as_posix()} --root {args.root.as_posix()}"
    )
    return 0


def _verify(args) -> int:
    at = date_option(args.at, "--at")
    if at is False:
        return 2
    try:
        text = args.file.read_bytes().decode("utf-8")
        credential, _ = load_json(text, args.file.as_posix())
    except ContentError as exc:
        p = exc.problem
        return _fail(f"{p.path}:{p.line}:{p.col}: {p.message}", 1)
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"{args.file}: cannot read the credential ({getattr(exc, 'strerror', None) or exc})", 1)
    if not isinstance(credential, dict):
        return _fail(f"{args.file}:1:1: a credential is a JSON object", 1)
    documents = {}
    for path in args.did_document:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            documents[doc["id"]] = doc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return _fail(f"{path}: not a DID document ({exc})")
    try:
        site = keys.site(args.root)
    except keys.KeyError_:
        site = None
    moment = dt.datetime.combine(at, dt.time(12), dt.UTC) if at else None
    verdict = verify(credential, site, moment, documents, args.status_list)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "file": args.file.as_posix(),
                    "valid": verdict.ok,
                    "id": credential.get("id"),
                    "checks": [{"check": c.name, "ok": c.ok, "message": c.message} for c in verdict.checks],
                },
                indent=2,
            )
        )
    else:
        for c in verdict.checks:
            print(f"{c.name}: {'ok' if c.ok else 'FAILED'}: {_printable(c.message)}")
        print(f"{args.file.as_posix()}: {'VALID' if verdict.ok else 'NOT VALID'}")
    return 0 if verdict.ok else 1


def _revoke(args) -> int:
    key = keys.load(args.key)
    site = keys.site(args.root)
    issuing.check_key_is_the_issuers(site, key)
    wanted = args.id
    if not wanted.startswith("urn:") and Path(wanted).is_file():
        try:
            wanted = json.loads(Path(wanted).read_text(encoding="utf-8"))["id"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return _fail(f"{args.id}: not a credential file ({exc})")
    ledger = issuing.read_ledger(key)
    entry = next((e for e in ledger["credentials"] if e["id"] == wanted), None)
    if entry is None:
        return _fail(f"{wanted}: not a credential issued with this key (see {key.path.parent / issuing.LEDGER})", 1)
    path = site.public / issuing.STATUS_NAME
    listing = status.read_list(path)
    bits = status.decode(listing["credentialSubject"]["encodedList"])
    if status.is_set(bits, entry["index"]):
        print(f"{wanted} was already revoked; nothing changed")
        return 0
    status.set_bit(bits, entry["index"])
    signed = status.credential(listing["id"], key, bits, now())
    write_atomically(site.public, {issuing.STATUS_NAME: json.dumps(signed, indent=2, ensure_ascii=False) + "\n"})
    entry["revoked"] = now()
    entry["reason"] = args.reason
    issuing.write_private(key.path.parent / issuing.LEDGER, json.dumps(ledger, indent=2, ensure_ascii=False) + "\n")
    print(
        f"Revoked {wanted} (entry {entry['index']}). Rebuild and publish the site so verifiers see {path.relative_to(site.root).as_posix()}."
    )
    return 0


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
