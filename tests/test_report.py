"""`curriculum report`: record files in, cohort report out. Valid records from two observers
over several sessions, broken files at exact lines, an old checklist version, hostile text,
sign-off rules applied, and output that is written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import axecheck
from helpers import FIXTURES, make_tree, run_cli

RECORDS = FIXTURES / "records"


@pytest.fixture
def root(tmp_path) -> Path:
    """The minimal content tree with checklist version 2 and a signoff.yml."""
    tree = make_tree(tmp_path)
    shutil.copytree(RECORDS / "content", tree, dirs_exist_ok=True)
    return tree


def report(root: Path, *paths: str, out: Path | None = None, extra=()):
    args = ["report", *paths, "--root", str(root), *extra]
    if out is not None:
        args += ["--out", str(out)]
    result = run_cli(*args, cwd=RECORDS)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def rows(out: Path) -> dict[tuple[str, str], dict]:
    text = (out / "report.csv").read_text(encoding="utf-8")
    return {(r["trainee"], r["competency_id"]): r for r in csv.DictReader(io.StringIO(text))}


def test_valid_records_statuses_and_reasons(root, tmp_path):
    out = tmp_path / "out"
    result = report(root, "valid", out=out)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "Ada Lovelace: signed off on 1 of 2 competencies" in lines
    assert "Ben Okafor: signed off on 0 of 2 competencies" in lines
    table = rows(out)
    assert len(table) == 6  # three trainees x two competencies
    ada = table[("Ada Lovelace", "demo-listen")]
    assert (ada["status"], ada["sessions_meeting"], ada["observers"], ada["observer_names"]) == (
        "signed off",
        "2",
        "2",
        "Dr A; Dr B",
    )
    assert ada["latest_rating"] == "Unsupervised, 2026-11-17"
    assert ada["domain"] == "Demo domain" and ada["competency"] == "Listens well."
    link = table[("Ada Lovelace", "demo-link")]
    assert link["status"] == "not yet"
    assert link["reason"] == (
        "needs 2 sessions rated ≥ Indirect supervision, has 1; needs 2 observers, has 1 (Dr B); "
        "latest short of it: 'links' rated Direct supervision (demo-checklist, 2026-11-03, Dr A); "
        "1 record not signed off by a supervisor, not counted"
    )
    ben = table[("Ben Okafor", "demo-listen")]
    assert (ben["status"], ben["sessions_meeting"], ben["reason"]) == (
        "not yet",
        "2",
        "needs 2 observers, has 1 (Dr A)",
    )
    assert "required item 'links' not rated" in table[("Ben Okafor", "demo-link")]["reason"]
    cy = table[("Cy Young", "demo-link")]
    assert (cy["status"], cy["reason"]) == ("no evidence", "no record rates it yet")


def test_older_checklist_version_is_flagged(root, tmp_path):
    out = tmp_path / "out"
    result = report(root, "valid", out=out)
    assert (
        "valid/cy-old-version.json:6:5: warning: made against version 1 of checklist 'demo-checklist', "
        "which is now version 2 (older-version)"
    ) in result.stdout
    assert "valid/cy-old-version.json:21:7: warning: item 'old-item' is no longer in checklist" in result.stdout
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Records made against an older checklist version (2)" in html
    assert rows(out)[("Cy Young", "demo-listen")]["sessions_meeting"] == "1"  # counted: count_older_versions is true


def test_invalid_files_report_exact_lines_and_the_rest_is_processed(root, tmp_path):
    out = tmp_path / "out"
    result = report(root, "invalid", "missing.json", out=out)
    assert result.returncode == 1
    expected = [
        "invalid/bad-json.json:6:46: not valid JSON: a comma before ']' (JSON allows no trailing comma) (json-syntax)",
        "invalid/bundle-partial.json:6:7: warning: record dee-0001 also appears at invalid/dup-newer.json:3; "
        "the copy updated 2026-11-30 09:00 UTC is used (duplicate-record)",
        "invalid/bundle-partial.json:52:11: unknown rating 'excellent'; use one of: not-observed, direct, indirect, unsupervised (record-ref)",
        "invalid/bundle-partial.json:62:5: records[3]: missing required field 'trainee' (schema)",
        "invalid/bundle-partial.json:108:11: checklist 'demo-checklist' has no item 'waves' (record-ref)",
        "invalid/schema-invalid.json:13:3: date: '20-11-2026' is not in the expected form (a date YYYY-MM-DD) (schema)",
        "invalid/unknown-checklist.json:5:5: unknown checklist 'no-such-checklist' (known: demo-checklist) (record-ref)",
        "missing.json:1:1: no such file or folder (missing-file)",
    ]
    for line in expected:
        assert line in result.stdout.splitlines(), result.stdout
    # the good record of the partly broken export counts, in its newer copy (observer Dr B)
    dee = rows(out)[("Dee Ng", "demo-listen")]
    assert (dee["sessions_meeting"], dee["observer_names"]) == ("1", "Dr B")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Problems in the record files" in html and "invalid/bad-json.json:6:46" in html


def test_hostile_text_is_escaped_in_html_and_csv(root, tmp_path):
    out = tmp_path / "out"
    result = report(root, "hostile", out=out)
    assert result.returncode == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<img" not in html and "<script" not in html.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert """content="default-src 'none'; style-src 'unsafe-inline'\"""" in html
    assert "http://" not in html.replace("http://evil", "")  # nothing loaded from anywhere
    table = rows(out)
    assert ('\'=HYPERLINK("http://evil")', "demo-listen") in table  # a spreadsheet shows it as text


def test_signoff_rules_are_applied(root, tmp_path):
    (root / "signoff.yml").write_text(
        "# yaml-language-server: $schema=../schemas/signoff.schema.json\n"
        "title: Looser\nversion: 2\n"
        "default:\n  min_rating: indirect\n  min_sessions: 2\n  min_observers: 2\n"
        "  signed_off_only: false\n  count_older_versions: false\n"
        "overrides:\n  - competencies: [demo-listen]\n    min_sessions: 1\n    min_observers: 1\n"
        "    note: One is enough here.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert report(root, "valid", out=out).returncode == 0
    table = rows(out)
    # the unsigned record (Dr A, links unsupervised) now counts: two sessions, two observers
    assert table[("Ada Lovelace", "demo-link")]["status"] == "signed off"
    assert table[("Ben Okafor", "demo-listen")]["status"] == "signed off"
    cy = table[("Cy Young", "demo-listen")]
    assert cy["status"] == "not yet"
    assert cy["reason"].endswith("1 record on an older checklist version, not counted")
    assert "One is enough here." in (out / "report.html").read_text(encoding="utf-8")


# -- the report in another language -------------------------------------------------------
def _page_text(html: str) -> str:
    import html as html_lib
    import re

    body = html[html.index("<body>") :]
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def _literal_parts(message: str) -> list[str]:
    """The words of a catalogue message outside its placeholders (plural branches included)."""
    import re

    text = re.sub(r"\{\w+, plural,|(?:one|other|=\d+) \{|\{\w+\}|[{}#]", "\x00", message)
    parts = (part.strip(" .,;:()“”«»%≥'") for part in text.split("\x00"))
    return [part for part in parts if sum(c.isalpha() for c in part) >= 2]


def _content_texts(root: Path, payload: dict) -> list[str]:
    """What the page shows as the content and the records wrote it (English here)."""
    from curriculum_tools.check import check

    curriculum = check(root).curriculum
    framework, signoff = curriculum.needs_framework(), curriculum.needs_signoff()
    texts = [signoff.title, signoff.description or ""]
    texts += [lvl.label for lvl in framework.levels] + [d.title for d in framework.domains]
    texts += [c.statement for c in framework.competencies.values()]
    texts += [p["message"] for p in payload["problems"]] + [p["path"] for p in payload["problems"]]
    return sorted((t for t in texts if t), key=len, reverse=True)


def test_report_in_spanish_has_no_english_interface_string(root, tmp_path):
    import re

    from curriculum_tools.site.i18n import catalogue

    english, spanish = tmp_path / "en", tmp_path / "es"
    assert report(root, "valid", out=english).returncode == 0
    result = report(root, "valid", out=spanish, extra=["--lang", "es", "--format", "json"])
    assert result.returncode == 0
    html = (spanish / "report.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html
    assert "<title>Informe de validación de la cohorte</title>" in html
    assert "<h2>Requisitos de validación</h2>" in html
    assert ">Ada Lovelace: 1 de 2 competencias validadas</h2>" in html
    assert "<caption>Ada Lovelace: estado de cada competencia</caption>" in html
    assert '<th scope="col">Por qué todavía no</th>' in html
    # the reasons, in Spanish, with plurals for 1 and 2 from the catalogue
    assert "1 registro no validado por una persona supervisora, que no se cuenta" in html
    assert "necesita 2 sesiones valoradas ≥ Indirect supervision, tiene 1" in html
    assert "en 2 sesiones por 2 observadores/as" in html
    text = _page_text(html)
    for content in _content_texts(root, json.loads(result.stdout)):
        text = text.replace(content, " ")
    en, es = catalogue("en"), catalogue("es")
    left = {
        (key, part)
        for key, message in en.items()
        if key.startswith("report.") and es[key] != message
        for part in _literal_parts(message)
        if part not in ("no",)  # a Spanish word too ("Todavía no")
        and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    }
    assert left == set(), "English words of the catalogue on the Spanish report page"
    # the CSV (and so the content hash a committee decision cites) does not depend on the language
    assert (spanish / "report.csv").read_bytes() == (english / "report.csv").read_bytes()
    assert (spanish / "progress.json").read_bytes() == (english / "progress.json").read_bytes()
    hash_of = re.compile(r"sha256:[0-9a-f]{64}")
    assert hash_of.findall(html) == hash_of.findall((english / "report.html").read_text(encoding="utf-8"))


def test_report_plurals_for_one_and_two(root, tmp_path):
    for lang, one, two in (
        ("en", "from 1 record in 1 file, for 1 trainee,", "from 2 records in 2 files, for 1 trainee,"),
        (
            "es",
            "a partir de 1 registro en 1 archivo, para 1 persona en formación,",
            "a partir de 2 registros en 2 archivos, para 1 persona en formación,",
        ),
    ):
        for files, expected in (
            (["valid/ada-2026-11-03.json"], one),
            (["valid/ada-2026-11-03.json", "valid/ada-2026-11-17.json"], two),
        ):
            out = tmp_path / lang / str(len(files))
            assert report(root, *files, out=out, extra=["--lang", lang]).returncode == 0
            assert expected in (out / "report.html").read_text(encoding="utf-8")


def test_reasons_are_worded_in_each_language():
    from curriculum_tools.signoff.evaluate import Either, Reason

    unsigned = [Reason("reason.unsigned", {"n": n}) for n in (1, 2)]
    assert [r.text("en") for r in unsigned] == [
        "1 record not signed off by a supervisor, not counted",
        "2 records not signed off by a supervisor, not counted",
    ]
    assert [r.text("es") for r in unsigned] == [
        "1 registro no validado por una persona supervisora, que no se cuenta",
        "2 registros no validados por una persona supervisora, que no se cuentan",
    ]
    none = Reason("reason.noRecordOn", {"checklists": Either(["a", "b"])})
    assert (none.text("en"), none.text("es")) == (
        "no a or b record rates it yet",
        "ningún registro de a o b la valora todavía",
    )
    why = Reason(
        "reason.short",
        {
            "why": Reason("why.itemRated", {"item": "links", "level": "Direct"}),
            "checklist": "c",
            "date": "d",
            "observer": "Dr A",
        },
    )
    assert (
        why.text("es") == "la valoración más reciente no alcanza el mínimo: «links» valorado como Direct (c, d, Dr A)"
    )
    observers = [Reason("reason.observers", {"n": n, "have": 0}).text("en") for n in (1, 2)]
    assert observers == ["needs 1 observer, has 0", "needs 2 observers, has 0"]


def test_unknown_language_is_refused(root, tmp_path):
    result = report(root, "valid", out=tmp_path / "out", extra=["--lang", "xx"])
    assert result.returncode == 2 and "invalid choice: 'xx'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_json_format(root):
    result = report(root, "valid", "invalid/bad-json.json", extra=["--format", "json"])
    payload = json.loads(result.stdout)
    assert result.returncode == 1
    assert payload["errors"] == 1 and payload["warnings"] == 2
    assert payload["problems"][0]["path"] == "invalid/bad-json.json" and payload["problems"][0]["line"] == 6
    assert {"trainee": "Ada Lovelace", "signed_off": 1, "competencies": 2} in payload["trainees"]


def test_github_format(root):
    result = report(root, "invalid/unknown-checklist.json", extra=["--format", "github"])
    assert result.stdout.splitlines()[0].startswith(
        "::error file=invalid/unknown-checklist.json,line=5,col=5,title=record-ref::unknown checklist"
    )


def test_missing_signoff_and_broken_content(root, tmp_path):
    (root / "signoff.yml").unlink()
    result = report(root, "valid")
    assert result.returncode == 2 and "signoff.yml: missing" in result.stderr
    shutil.copytree(RECORDS / "content", root, dirs_exist_ok=True)
    (root / "signoff.yml").write_text(
        (root / "signoff.yml").read_text().replace("min_rating: indirect", "min_rating: superb")
    )
    result = report(root, "valid")
    assert result.returncode == 2
    assert "signoff.yml:6:3: unknown rating level 'superb'" in result.stderr


def test_a_missing_competency_framework_is_named(root):
    """Without competencies.yml the report names that file, at its place, and not signoff.yml."""
    (root / "competencies.yml").unlink()
    result = report(root, "valid")
    assert result.returncode == 2
    assert (
        result.stderr.splitlines()[0]
        == "competencies.yml:1:1: required file competencies.yml is missing (missing-file)"
    )
    assert "signoff.yml" not in result.stderr and "Traceback" not in result.stderr


def test_output_folder_that_is_a_file(root, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    result = report(root, "valid", out=target)
    assert result.returncode == 2 and "exists and is not a folder" in result.stderr


def test_output_is_written_whole_or_not_at_all(tmp_path):
    from curriculum_tools.signoff.outputs import write_atomically

    folder = tmp_path / "out"
    write_atomically(folder, {"report.csv": "old csv", "report.html": "old html"})
    with pytest.raises(TypeError):
        write_atomically(folder, {"report.csv": "new csv", "report.html": None})  # fails half-way
    assert (folder / "report.csv").read_text() == "old csv"
    assert (folder / "report.html").read_text() == "old html"
    assert sorted(p.name for p in folder.iterdir()) == ["report.csv", "report.html"]  # no temp files left


@pytest.mark.parametrize(
    ("scheme", "lang", "caption"),
    [
        ("light", "en", "Ada Lovelace: status per competency"),
        ("dark", "en", "Ada Lovelace: status per competency"),
        ("light", "es", "Ada Lovelace: estado de cada competencia"),
    ],
)
def test_html_report_is_accessible(root, tmp_path, page, scheme, lang, caption):

    folder = tmp_path / "mixed"
    shutil.copytree(RECORDS / "valid", folder)
    shutil.copy(RECORDS / "hostile" / "xss.json", folder)
    out = tmp_path / "out"
    assert report(root, str(folder), out=out, extra=["--lang", lang]).returncode == 0
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: errors.append("dialog: " + d.message))
    page.emulate_media(color_scheme=scheme)
    page.goto((out / "report.html").as_uri())
    assert page.get_by_role("table", name=caption).is_visible()
    assert page.get_by_role("rowheader", name="demo-listen Listens well.").first.is_visible()
    assert axecheck.violations(page) == []
    assert errors == []
