"""The "Certification" section of the site: made from signoff.yml and the framework, one anchor
per competency (what the credential's alignments point to), author text escaped, and the
issuer profile from the files `credential keygen` publishes."""

from __future__ import annotations

import shutil
import subprocess
import sys

from helpers import FIXTURES, REPO, run_cli


def pages(root):
    code = (
        "import sys, json; from pathlib import Path; from curriculum_tools.check import check; "
        "from curriculum_tools.site.pages.certification import certification_pages; "
        "c = check(Path(sys.argv[1])).curriculum; "
        "print(json.dumps({p.src_uri: p.markdown for p in certification_pages(c)}))"
    )
    r = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    import json

    return json.loads(r.stdout)


def test_how_certification_works_from_signoff(tmp_path):
    root = tmp_path / "c"
    shutil.copytree(FIXTURES / "certification", root)
    signoff = root / "signoff.yml"
    signoff.write_text(
        signoff.read_text().replace(
            "title: Certified facilitator (demo)", "title: <script>alert(1)</script> [x](javascript:alert(1))"
        )
    )
    made = pages(root)
    text = made["certification/index.md"]
    assert '<p id="demo-listen"><strong>Listens well.</strong>' in text and '<p id="demo-link">' in text
    assert "A panel of at least 2 people" in text and "A certification lasts 1095 days" in text
    assert "module `demo-module`: at least 80%" in text and "do not count" in text
    assert "<script>" not in text and "&lt;script&gt;" in text and "](javascript" not in text
    assert "This site does not publish an issuer yet" in made["certification/issuer.md"]
    assert run_cli("credential", "keygen", "--did", "key", "--out", str(tmp_path / "k"), cwd=root).returncode == 0
    issuer = pages(root)["certification/issuer.md"]
    assert "identified as `did:key:z6Mk" in issuer and "(../credentials/status-list.json)" in issuer


def test_repository_site_has_the_section():
    made = pages(REPO)
    text = made["certification/index.md"]
    assert "Certified facilitator of support groups for people with advanced cancer" in text
    assert '<p id="gp-skills">' in text and "not a professional licence" in text
