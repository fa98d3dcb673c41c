"""`curriculum credential`: keys outside the repository, Open Badges 3.0 credentials that two
independent verifiers accept offline (the DCC verifier from npm, openbadgeslib and a
spec-by-hand pyld + cryptography check from PyPI), one changed byte failing all of them,
expired and revoked credentials reported as such, and nothing written on a wrong key."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import axecheck
from helpers import FIXTURES, REPO, run_cli
from test_report import _content_texts, _literal_parts, _page_text

sys.path.insert(0, str(Path(__file__).parent / "credentials"))
from independent import openbadgeslib_verify, revoked_bit, spec_verify  # noqa: E402

COHORT = FIXTURES / "certification"
STATUS_URL = "https://curriculum.example/training/credentials/status-list.json"
DCC = Path(__file__).parent / "credentials" / "dcc_verify.mjs"


def cli(*args, cwd):
    result = run_cli(*args, cwd=cwd)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """A copy of the fixture cohort with a did:key issuer, Ada's credential, and an expired one."""
    base = tmp_path_factory.mktemp("cohort")
    root = base / "repo"
    shutil.copytree(COHORT, root)
    keydir = base / "keys"
    r = cli("credential", "keygen", "--out", str(keydir), "--did", "key", cwd=root)
    assert r.returncode == 0, r.stderr
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(keydir),
        "--out",
        "out",
        cwd=root,
    )
    assert r.returncode == 0, r.stderr
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-expired.yml",
        "--key",
        str(keydir),
        "--out",
        "old",
        "--today",
        "2026-11-27",
        cwd=root,
    )
    assert r.returncode == 0, r.stderr
    return {
        "root": root,
        "keys": keydir,
        "credential": root / "out" / "ada-lovelace-2026-11-30.json",
        "expired": root / "old" / "ada-lovelace-2026-11-27.json",
        "list": root / "curriculum" / "credentials" / "status-list.json",
    }


def dcc(credential: Path, status_list: Path) -> dict:
    r = subprocess.run(
        ["node", str(DCC), str(credential), f"{STATUS_URL}={status_list}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    # offline: the verifier asked only for the revocation list (served from the file) and the
    # OB 3.0 JSON Schema (refused: no package ships it); never a context or a DID
    assert set(out["requests"]) <= {
        STATUS_URL,
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    }, out["requests"]
    return out["result"]


def steps(result: dict) -> dict:
    return {entry["id"]: entry.get("valid", entry.get("error", {}).get("name")) for entry in result.get("log", [])}


def one_byte_changed(source: Path, target: Path) -> Path:
    raw = source.read_bytes()
    at = raw.index(b"Ada Lovelace") + len("Ada Lovelac")
    target.write_bytes(raw[:at] + b"f" + raw[at + 1 :])
    return target


def test_credential_shape(issued):
    c = json.loads(issued["credential"].read_text())
    assert c["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert c["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert c["issuer"]["id"].startswith("did:key:z6Mk") and c["issuer"]["type"] == ["Profile"]
    assert (c["validFrom"], c["validUntil"]) == ("2026-11-30T00:00:00Z", "2029-11-29T23:59:59Z")  # 1095 days
    subject = c["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Ada Lovelace"
    achievement = subject["achievement"]
    assert achievement["criteria"]["narrative"].startswith("Signed off on every competency")
    assert [a["targetCode"] for a in achievement["alignment"]] == ["demo-listen", "demo-link"]
    levels = {r["resultDescription"]: r["achievedLevel"] for r in subject["result"]}
    # listening: Unsupervised in two sessions by two observers; linking: indirect at best by two
    assert levels["https://curriculum.example/training/certification/#result-demo-listen"].endswith("-unsupervised")
    assert levels["https://curriculum.example/training/certification/#result-demo-link"].endswith("-indirect")
    assert (
        c["credentialStatus"]["type"] == "BitstringStatusListEntry"
        and c["credentialStatus"]["statusListCredential"] == STATUS_URL
    )
    assert c["proof"]["cryptosuite"] == "eddsa-rdfc-2022" and c["proof"]["type"] == "DataIntegrityProof"


def test_credential_matches_the_ob3_schema(issued):
    """Against schemas/credential.schema.json: the official OB 3.0 JSON Schema is published on
    1EdTech's site only; no npm or PyPI package ships it, so it cannot be pinned offline."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads((REPO / "schemas" / "credential.schema.json").read_text())
    c = json.loads(issued["credential"].read_text())
    assert list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(c)) == []
    del c["credentialSubject"]["achievement"]["criteria"]
    assert list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(c))


def test_both_independent_verifiers_accept_it(issued):
    result = dcc(issued["credential"], issued["list"])
    assert steps(result)["valid_signature"] is True
    assert steps(result)["expiration"] is True
    assert steps(result)["revocation_status"] is True
    credential = json.loads(issued["credential"].read_text())
    assert openbadgeslib_verify(credential, {STATUS_URL: issued["list"]}) == "ok"
    assert spec_verify(credential) is True
    r = cli("credential", "verify", str(issued["credential"]), cwd=issued["root"])
    assert r.returncode == 0, r.stdout
    assert r.stdout.splitlines()[-1].endswith(": VALID")


def test_one_changed_byte_fails_every_verifier(issued, tmp_path):
    bad = one_byte_changed(issued["credential"], tmp_path / "changed.json")
    result = dcc(bad, issued["list"])
    assert steps(result).get("valid_signature") is not True
    assert result.get("errors") or steps(result)["valid_signature"] is False
    credential = json.loads(bad.read_text())
    assert "signature mismatch" in openbadgeslib_verify(credential, {STATUS_URL: issued["list"]})
    assert spec_verify(credential) is False
    r = cli("credential", "verify", str(bad), "--root", str(issued["root"]), cwd=tmp_path)
    assert r.returncode == 1
    assert "proof: FAILED: the signature does not match" in r.stdout and "NOT VALID" in r.stdout


def test_expired_credential_is_reported_as_expired(issued):
    result = dcc(issued["expired"], issued["list"])
    assert steps(result)["valid_signature"] is True
    assert steps(result)["expiration"] is False
    credential = json.loads(issued["expired"].read_text())
    assert "expired" in openbadgeslib_verify(credential, {STATUS_URL: issued["list"]}).lower()
    assert spec_verify(credential) is True  # still the issuer's signature
    r = cli("credential", "verify", str(issued["expired"]), cwd=issued["root"])
    assert r.returncode == 1
    assert "dates: FAILED: expired: valid until 2026-11-28T23:59:59Z" in r.stdout
    r = cli("credential", "verify", str(issued["expired"]), "--at", "2026-11-28", cwd=issued["root"])
    assert r.returncode == 0, r.stdout


def test_revoked_credential_is_reported_as_revoked(issued, tmp_path):
    root, keydir = issued["root"], issued["keys"]
    # revoke in a copy, so the other tests keep an unrevoked list
    copy = tmp_path / "repo"
    shutil.copytree(root, copy)
    keys2 = tmp_path / "keys"
    shutil.copytree(keydir, keys2)
    credential = json.loads(issued["credential"].read_text())
    r = cli("credential", "revoke", credential["id"], "--key", str(keys2), "--reason", "test", cwd=copy)
    assert r.returncode == 0, r.stderr
    listing = copy / "curriculum" / "credentials" / "status-list.json"
    index = int(credential["credentialStatus"]["statusListIndex"])
    assert revoked_bit(json.loads(listing.read_text()), index)
    assert not revoked_bit(json.loads(issued["list"].read_text()), index)
    result = dcc(issued["credential"], listing)
    assert steps(result)["valid_signature"] is True
    assert steps(result)["revocation_status"] is False
    assert "status 'revocation' is set at index" in openbadgeslib_verify(credential, {STATUS_URL: listing})
    r = cli("credential", "verify", str(issued["credential"]), "--root", str(copy), cwd=copy)
    assert r.returncode == 1 and "revocation: FAILED: REVOKED by the issuer" in r.stdout
    r = cli("credential", "revoke", credential["id"], "--key", str(keys2), cwd=copy)
    assert r.returncode == 0 and "already revoked" in r.stdout
    ledger = json.loads((keys2 / "issued.json").read_text())
    assert [e.get("reason") for e in ledger["credentials"] if e["id"] == credential["id"]] == ["test"]


def test_a_forged_revocation_list_is_not_trusted(issued, tmp_path):
    """A list whose bits were changed without the issuer's key fails, in ours and the DCC's."""
    listing = json.loads(issued["list"].read_text())
    credential = json.loads(issued["credential"].read_text())
    index = int(credential["credentialStatus"]["statusListIndex"])
    from curriculum_tools.credentials import status

    bits = status.decode(listing["credentialSubject"]["encodedList"])
    status.set_bit(bits, index)
    listing["credentialSubject"]["encodedList"] = status.encode(bits)
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(listing))
    r = cli(
        "credential",
        "verify",
        str(issued["credential"]),
        "--status-list",
        str(forged),
        "--root",
        str(issued["root"]),
        cwd=tmp_path,
    )
    assert r.returncode == 1 and "revocation list's own signature fails" in r.stdout
    result = dcc(issued["credential"], forged)
    assert steps(result)["revocation_status"] == "status_list_signature_error"


def test_keygen_keeps_the_key_outside_the_repository(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(COHORT, root)
    (root / ".git").mkdir()  # a work tree: its whole tree is off limits
    for inside in (root / "keys", root / "curriculum" / "k", root / ".." / "repo" / "x"):
        r = cli("credential", "keygen", "--out", str(inside), cwd=root)
        assert r.returncode == 2 and "inside the repository" in r.stderr, r.stderr
        assert not inside.exists()
    assert not (root / "curriculum" / "credentials").exists()
    keydir = tmp_path / "keys"
    r = cli("credential", "keygen", "--out", str(keydir), cwd=root)  # did:web by default
    assert r.returncode == 0, r.stderr
    key = keydir / "issuer-key.json"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(keydir.stat().st_mode) == 0o700
    secret = json.loads(key.read_text())["secretKeyMultibase"]
    did = json.loads((root / "curriculum" / "credentials" / "did.json").read_text())
    assert did["id"] == "did:web:curriculum.example:training:credentials"  # <site_url>credentials/did.json
    assert did["verificationMethod"][0]["publicKeyMultibase"].startswith("z6Mk")
    assert "secretKey" not in json.dumps(did)
    # the secret is nowhere but in the key file: not in the site, the output or the log
    for path in root.rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(errors="replace"), path
    assert secret not in r.stdout + r.stderr
    again = cli("credential", "keygen", "--out", str(tmp_path / "other"), cwd=root)
    assert again.returncode == 2 and "already publishes an issuer" in again.stderr
    assert not (tmp_path / "other").exists()


def test_missing_or_wrong_key_writes_nothing(issued, tmp_path):
    root = issued["root"]
    out = tmp_path / "out"
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(tmp_path / "nokey"),
        "--out",
        str(out),
        cwd=root,
    )
    assert r.returncode == 2 and "no such key file" in r.stderr
    other_root = tmp_path / "other"
    shutil.copytree(COHORT, other_root)
    assert (
        cli("credential", "keygen", "--out", str(tmp_path / "otherkey"), "--did", "key", cwd=other_root).returncode == 0
    )
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(tmp_path / "otherkey"),
        "--out",
        str(out),
        cwd=root,
    )
    assert r.returncode == 2 and "wrong key" in r.stderr, r.stderr
    readable = tmp_path / "loose"
    shutil.copytree(issued["keys"], readable)
    os.chmod(readable / "issuer-key.json", 0o644)
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(readable),
        "--out",
        str(out),
        cwd=root,
    )
    assert r.returncode == 2 and "can be read by others" in r.stderr
    broken = tmp_path / "broken"
    broken.mkdir(mode=0o700)
    (broken / "issuer-key.json").write_text('{"type": "Multikey"}')
    os.chmod(broken / "issuer-key.json", 0o600)
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(broken),
        "--out",
        str(out),
        cwd=root,
    )
    assert r.returncode == 2 and "not an issuer key" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "decision, message",
    [
        ("ben-unmet.yml", "certified but requirement not met as of 2026-11-30: demo-link"),
        ("ada-one-member.yml", "the panel has 1 member"),
        ("ada-expired.yml", "the certification has expired; nothing to issue"),
        ("ben-not-yet.yml", "the decision is not-yet; a credential is only issued for a certification"),
    ],
)
def test_no_credential_without_a_valid_certification(issued, tmp_path, decision, message):
    out = tmp_path / "out"
    ledger = (issued["keys"] / "issued.json").read_text()
    r = cli(
        "credential",
        "issue",
        "--decision",
        f"decisions/{decision}",
        "--key",
        str(issued["keys"]),
        "--out",
        str(out),
        cwd=issued["root"],
    )
    assert r.returncode == 1 and message in r.stderr, r.stderr
    assert "nothing was issued" in r.stderr
    assert not out.exists() and (issued["keys"] / "issued.json").read_text() == ledger


def test_certificate_page(issued):
    html = issued["credential"].with_suffix(".html").read_text()
    credential = json.loads(issued["credential"].read_text())
    assert credential["id"] in html and "Ada Lovelace" in html and "How to verify this certificate" in html
    assert "curriculum credential verify ada-lovelace-2026-11-30.json" in html
    assert """content="default-src 'none'; style-src 'unsafe-inline'\"""" in html and "<script" not in html
    assert "Unsupervised" in html and "Indirect supervision" in html


def test_certificate_in_spanish(issued, tmp_path, page):
    """--lang es: the certificate's own words in Spanish (HTML and PDF), none of the English
    catalogue's left, the page accessible; the signed credential as in English."""
    import html as html_lib
    import re

    from pypdf import PdfReader

    from curriculum_tools.site.i18n import catalogue

    root, keydir = tmp_path / "repo", tmp_path / "keys"  # copies: this issue adds to the ledger
    shutil.copytree(issued["root"], root)
    shutil.copytree(issued["keys"], keydir)
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(keydir),
        "--out",
        "es",
        "--lang",
        "es",
        cwd=root,
    )
    assert r.returncode == 0, r.stderr
    path = root / "es" / "ada-lovelace-2026-11-30.json"
    credential, english = json.loads(path.read_text()), json.loads(issued["credential"].read_text())
    assert credential["name"] == english["name"] and credential.keys() == english.keys()
    assert credential["credentialSubject"]["result"] == english["credentialSubject"]["result"]
    html = path.with_suffix(".html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html
    assert f"<title>Certificado: Ada Lovelace, {html_lib.escape(credential['name'])}</title>" in html
    assert "<h2>Cómo verificar este certificado</h2>" in html
    assert "<caption>Nivel de confianza alcanzado en cada competencia</caption>" in html
    panel = r"Decisión tomada el 2026-11-30 por un comité de (\d+) personas: "
    assert re.search(panel, html) and int(re.search(panel, html).group(1)) >= 2
    assert "curriculum credential verify ada-lovelace-2026-11-30.json" in html
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html[html.index("<body>") :]))
    subject = credential["credentialSubject"]
    content = [
        credential["name"],
        subject["achievement"]["criteria"]["narrative"],
        credential["issuer"].get("name", ""),
    ]
    content += [a["targetName"] for a in subject["achievement"].get("alignment", [])]
    content += [lvl["name"] for rd in subject["achievement"]["resultDescription"] for lvl in rd["rubricCriterionLevel"]]
    for item in sorted(content, key=len, reverse=True):
        text = text.replace(item, " ")
    en, es = catalogue("en"), catalogue("es")
    left = {
        (key, part)
        for key, message in en.items()
        if key.startswith("certificate.") and es[key] != message
        for part in _literal_parts(message)
        if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    }
    assert left == set(), "English words of the catalogue on the Spanish certificate"
    reader = PdfReader(path.with_suffix(".pdf"))
    words = " ".join(reader.pages[0].extract_text().split())
    assert "Cómo verificar este certificado" in words and "Nivel de confianza alcanzado" in words
    assert "How to verify" not in words and "Decided on" not in words
    assert reader.metadata.title == f"Certificado: Ada Lovelace, {credential['name']}"
    assert reader.trailer["/Root"]["/Lang"] == "es"
    page.goto(path.with_suffix(".html").as_uri())
    assert page.get_by_role("table", name="Nivel de confianza alcanzado en cada competencia").is_visible()
    assert axecheck.violations(page) == []


def test_full_report_in_spanish(issued, tmp_path):
    """The report with knowledge results and renewals, in Spanish: the knowledge table and the
    renewals worded from the catalogue, no English report.* words left; the same hash."""
    import csv
    import re

    from curriculum_tools.site.i18n import catalogue

    root = issued["root"]
    common = ["report", "records", "--knowledge", "knowledge/results.csv", "--decisions", "decisions"]
    common += ["--today", "2029-10-01", "--format", "json"]
    english = cli(*common, "--out", str(tmp_path / "en"), cwd=root)
    r = cli(*common, "--out", str(tmp_path / "es"), "--lang", "es", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    payload = json.loads(r.stdout)
    assert payload["report_hash"] == json.loads(english.stdout)["report_hash"]
    assert payload["knowledge"] == json.loads(english.stdout)["knowledge"]  # machine output: English
    html = (tmp_path / "es" / "report.html").read_text(encoding="utf-8")
    assert "<h2>Renovación de certificaciones</h2>" in html
    assert "<td>2026-11-30 (certificada)</td>" in html and "(quedan 59 días)" in html
    assert ">Pendiente de renovación</span>" in html
    assert "<caption>Ada Lovelace: resultados de conocimientos</caption>" in html
    assert "módulo demo-module <small>(al menos un 80 %)</small>" in html
    assert "92 % el 2026-11-10, según " in html
    text = _page_text(html)
    with (root / "knowledge" / "results.csv").open(encoding="utf-8") as f:
        results = list(csv.DictReader(f))
    sources = [row["source"] for row in results] + [row["item"] for row in results]  # sources, module ids
    for content in sorted(_content_texts(root, payload) + sources, key=len, reverse=True):
        text = text.replace(content, " ")
    en, es = catalogue("en"), catalogue("es")
    left = {
        (key, part)
        for key, message in en.items()
        if key.startswith("report.") and es[key] != message
        for part in _literal_parts(message)
        if part not in ("no",) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    }
    assert left == set(), "English words of the catalogue on the Spanish report page"


def test_certificate_pdf_read_by_an_independent_parser(issued):
    """pypdf (not our code) opens the PDF certificate: one A4 page with the holder, the
    credential id, every competency's level and the verify command."""
    from pypdf import PdfReader

    reader = PdfReader(issued["credential"].with_suffix(".pdf"))
    credential = json.loads(issued["credential"].read_text())
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Ada Lovelace" in text and credential["name"] in text
    assert credential["id"] in text.replace(" ", "") or credential["id"] in text
    assert "curriculum credential verify ada-lovelace-2026-11-30.json" in text
    assert "Unsupervised" in text and "Indirect supervision" in text
    assert reader.metadata.title == f"Certificate: Ada Lovelace, {credential['name']}"


def test_a_name_the_pdf_font_cannot_show_gets_html_only(issued):
    from curriculum_tools.credentials.certificate import missing_glyphs

    assert missing_glyphs(["Ada Lovelace", "Zoë Ñúñez-Łukasz"]) == []
    assert missing_glyphs(["山田 花子"]) == sorted(set("山田花子"))


def test_verify_reports_bad_input_with_a_position(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "id": "x",\n}\n')
    r = cli("credential", "verify", str(bad), cwd=tmp_path)
    assert r.returncode == 1 and f"{bad.as_posix()}:2:12:" in r.stderr


def test_did_web_issuer_verified_from_the_files_the_site_publishes(tmp_path):
    """A real issuer's did:web: the DCC verifier resolves it from the DID document the site
    publishes (served from the repository's file, as the web server would)."""
    root = tmp_path / "repo"
    shutil.copytree(COHORT, root)
    assert cli("credential", "keygen", "--out", str(tmp_path / "k"), cwd=root).returncode == 0
    assert (
        cli(
            "credential",
            "issue",
            "--decision",
            "decisions/ada-certified.yml",
            "--key",
            str(tmp_path / "k"),
            "--out",
            "out",
            cwd=root,
        ).returncode
        == 0
    )
    credential = root / "out" / "ada-lovelace-2026-11-30.json"
    published = root / "curriculum" / "credentials"
    assert json.loads(credential.read_text())["issuer"]["id"] == "did:web:curriculum.example:training:credentials"
    r = subprocess.run(
        [
            "node",
            str(DCC),
            "--summary",
            str(credential),
            f"{STATUS_URL}={published / 'status-list.json'}",
            f"https://curriculum.example/training/credentials/did.json={published / 'did.json'}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "valid_signature: true" in r.stdout
    assert cli("credential", "verify", str(credential), cwd=root).returncode == 0
    # without the published DID document, our verifier cannot find the key offline and says so
    (published / "did.json").unlink()
    r = cli("credential", "verify", str(credential), cwd=root)
    assert r.returncode == 1 and "not available offline" in r.stdout


def test_readme_command_sequence(tmp_path):
    """The README's sequence, as written, from fixture records to three verifiers' acceptance."""
    readme = (REPO / "README.md").read_text()
    block = readme.split("## From records to a verifiable credential", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    script = "set -euo pipefail\n" + block.replace("D=$(mktemp -d)", f"D={tmp_path}")
    r = subprocess.run(["bash", "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Report content hash as of 2026-11-30: sha256:" in r.stdout
    assert "consistent with the report" in r.stdout
    assert r.stdout.count(": VALID") == 1 and "valid_signature: true" in r.stdout
    assert "openbadgeslib: ok" in r.stdout and "by hand (pyld + cryptography): ok" in r.stdout


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_certificate_and_full_report_are_accessible(issued, tmp_path, page, scheme):

    root = issued["root"]
    r = cli(
        "report",
        "records",
        "--knowledge",
        "knowledge/results.csv",
        "--decisions",
        "decisions",
        "--today",
        "2029-10-01",
        "--out",
        str(tmp_path / "report"),
        cwd=root,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.emulate_media(color_scheme=scheme)
    for target, role_name in (
        (issued["credential"].with_suffix(".html"), "Entrustment level reached per competency"),
        (tmp_path / "report" / "report.html", "Ben Okafor: knowledge results"),
    ):
        page.goto(target.as_uri())
        assert page.get_by_role("table", name=role_name).is_visible()
        assert axecheck.violations(page) == [], target.name
    assert errors == []


def test_an_added_unsigned_member_is_refused(issued, tmp_path):
    """A member no context defines is dropped by canonicalisation, so the signature still
    holds over the rest (the by-hand check shows it); the verifiers refuse the document."""
    credential = json.loads(issued["credential"].read_text())
    credential["credentialSubject"]["grade"] = "A+"
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(credential))
    assert spec_verify(credential) is True
    r = cli("credential", "verify", str(extra), "--root", str(issued["root"]), cwd=tmp_path)
    assert (
        r.returncode == 1
        and "terms: FAILED: members the signature does not cover" in r.stdout
        and "/credentialSubject/grade" in r.stdout
    )
    assert "not in compacted form" in openbadgeslib_verify(credential, {STATUS_URL: issued["list"]})
    result = dcc(extra, issued["list"])
    assert "Safe mode validation error" in json.dumps(result.get("errors"))


def test_several_decisions_and_a_bad_one_among_them(issued, tmp_path):
    root, keydir = issued["root"], issued["keys"]
    ledger = (keydir / "issued.json").read_text()
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--decision",
        "decisions/ben-unmet.yml",
        "--key",
        str(keydir),
        "--out",
        str(tmp_path / "both"),
        cwd=root,
    )
    assert r.returncode == 1 and "nothing was issued" in r.stderr
    assert not (tmp_path / "both").exists() and (keydir / "issued.json").read_text() == ledger
    r = cli(
        "credential",
        "issue",
        "--decision",
        "decisions/ada-certified.yml",
        "--key",
        str(keydir),
        "--out",
        str(root / "curriculum" / "credentials" / "x"),
        cwd=root,
    )
    assert r.returncode == 2 and "which is published" in r.stderr
