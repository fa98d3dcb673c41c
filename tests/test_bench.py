"""Smoke tests of the benchmark's parts on a tiny corpus. No timing is asserted: speed is
only compared as ratios inside one `make bench` run (see BENCHMARKS.md)."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from curriculum_tools.check import check
from curriculum_tools.load.schemas import SCHEMA_DIR
from curriculum_tools.tools.bench import __main__ as bench
from curriculum_tools.tools.bench.corpus import front_matter_files, write_corpus
from curriculum_tools.tools.bench.measure import own_assets, page_weight, validate_runs
from curriculum_tools.tools.bench.report import text
from curriculum_tools.tools.bench.sites import BenchError, write_sites


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("bench") / "tree", 7, words=120)


def test_corpus_is_valid_with_no_warnings_and_every_question_type(corpus):
    loaded = check(corpus)
    assert loaded.result.problems == []
    curriculum = loaded.curriculum
    assert len(curriculum.modules) == 7 and len(curriculum.quizzes) == 7
    assert {m.track for m in curriculum.modules} == {t.id for t in curriculum.tracks}
    quiz = curriculum.quizzes[0]
    assert len(quiz.all_questions()) == 10
    assert {q.type for q in quiz.questions} == {
        "single_choice",
        "multiple_choice",
        "true_false",
        "ordering",
        "matching",
        "scenario",
        "reflection",
    }


def test_plain_site_gets_our_rendered_markdown_and_no_plugin(corpus, tmp_path):
    configs = write_sites(corpus, tmp_path)
    ours_config, plain_config = (
        yaml.safe_load(configs["ours"].read_text()),
        yaml.safe_load(configs["plain"].read_text()),
    )
    assert yaml.safe_load(configs["bare"].read_text()) == plain_config

    def names(config):
        return [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]

    assert "curriculum" in names(ours_config) and "i18n" not in names(ours_config)
    assert "curriculum" not in names(plain_config) and plain_config["nav"][0] == {"Home": "index.md"}
    assert plain_config["theme"] == ours_config["theme"]
    assert plain_config["markdown_extensions"] == ours_config["markdown_extensions"]
    module = next((tmp_path / "plain" / "docs").glob("*/*-00001.md")).read_text()
    assert 'class="cq-quiz"' in module and "data-slot=" not in module and "*[SEGT]:" in module
    assert (tmp_path / "plain" / "docs" / "glossary.md").is_file() and (
        tmp_path / "plain" / "docs" / "schemas" / "quiz.schema.json"
    ).is_file()
    bare = next((tmp_path / "bare" / "docs").glob("*/*-00001.md")).read_text()
    assert (
        'class="cq-quiz"' not in bare
        and 'data-slot="quiz"' in bare
        and bare.split('<div data-slot="quiz"')[0] == module.split('<section class="cq-quiz"')[0]
    )


def test_front_matter_files_are_what_check_jsonschema_is_given(corpus, tmp_path):
    out = front_matter_files(corpus, tmp_path / "fm")
    files = sorted(out.glob("*.yml"))
    assert len(files) == 7
    schema = json.loads((SCHEMA_DIR / "module.schema.json").read_text())
    for path in files:
        assert not list(Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text()))), path
    runs = validate_runs(corpus, out)
    assert runs["ours"][0][-2:] == ["--root", str(corpus)]
    if "check-jsonschema" in runs:
        assert (
            sum(len(cmd) - 3 for cmd in runs["check-jsonschema"])
            == 7 + 7 + len(list((corpus / "glossary").glob("*.yml"))) + 2
        )


def test_page_weight_counts_same_origin_assets_and_refuses_others(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.js").write_text("var a = 1;" * 50)
    (tmp_path / "assets" / "b.css").write_text("p{color:red}")
    page = tmp_path / "m" / "index.html"
    page.parent.mkdir()
    page.write_text('<link rel="stylesheet" href="../assets/b.css"><script src="../assets/a.js?v=1"></script><p>hi</p>')
    weight = page_weight(tmp_path, page)
    assert weight["assets"]["files"] == 2 and weight["assets"]["raw"] == 500 + 12
    assert 0 < weight["assets"]["gzip"] < weight["assets"]["raw"] and weight["html_raw"] == len(page.read_bytes())
    page.write_text('<script src="https://cdn.example/x.js"></script>')
    with pytest.raises(BenchError, match="another origin"):
        page_weight(tmp_path, page)
    assert weight["assets"]["ours_files"] == 2  # neither is one of Material's files
    assert own_assets(weight)["gzip"] == weight["assets"]["ours_gzip"] and own_assets(weight)["source_files"] > 0


def test_make_bench_end_to_end_on_a_tiny_corpus(tmp_path, capsys, site):
    """The whole bench, measuring our assets on the session's build of the repository's site
    (--site; without it the bench builds the same site itself, as `mkdocs build` does)."""
    out = tmp_path / "result.json"
    assert (
        bench.main(
            [
                "--site",
                str(site.dir),
                "--sizes",
                "3",
                "--repeat",
                "1",
                "--words",
                "100",
                "--out",
                str(tmp_path / "work"),
                "--json",
                str(out),
                "--report-mb",
                "0.2",
            ]
        )
        == 0
    )
    report = capsys.readouterr().out
    assert "ours/plain" in report and "check-jsonschema" in report and "8 KB budget" in report
    assert "Report: curriculum report on one export of 0.2 MB" in report and "exit 0 (" in report
    assert "Validate the repository: " in report and "the 1 s budget" in report
    results = json.loads(out.read_text())
    run = results["runs"][0]
    assert (
        run["modules"] == 3
        and set(run["build"]) == {"ours", "plain", "bare", "ratio", "ratio_bare"}
        and run["hooks"]["cpu"] > 0
    )
    assert run["page"]["html_raw"] > 0 and run["own_assets"]["files"] > 0
    assert text(results) == report.rstrip("\n")
    assert not (tmp_path / "work" / "3").exists()  # cleaned up without --keep


def test_bad_sizes_are_a_clear_error(capsys):
    assert bench.main(["--sizes", "ten"]) == 2
    assert "--sizes" in capsys.readouterr().err


def test_a_site_option_that_is_no_site_is_a_clear_error(tmp_path, capsys):
    assert bench.main(["--assets-only", "--site", str(tmp_path), "--out", str(tmp_path / "work")]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"bench: --site {tmp_path}: not a built site (no index.html and assets/javascripts/ there)"
    )


def test_sizes_above_build_max_measure_validation_and_hooks_only(tmp_path, capsys):
    out = tmp_path / "result.json"
    assert (
        bench.main(
            [
                "--sizes",
                "2",
                "--repeat",
                "1",
                "--words",
                "50",
                "--build-max",
                "1",
                "--report-mb",
                "0",  # the report's timing and the assets are the end-to-end test's
                "--no-assets",
                "--out",
                str(tmp_path / "w"),
                "--json",
                str(out),
            ]
        )
        == 0
    )
    run = json.loads(out.read_text())["runs"][0]
    assert run["build"] is None and run["page"] is None and run["validate"]["ours"]["wall"] > 0
    assert "(not built: 2 modules" in capsys.readouterr().out


def test_the_report_benchmarks_export_is_valid_and_every_record_counts(tmp_path):
    from curriculum_tools.tools.bench.records import write_export
    from helpers import REPO, run_cli

    export = tmp_path / "export.json"
    count = write_export(export, 0.3)
    assert 0.28 * 1024 * 1024 < export.stat().st_size < 0.4 * 1024 * 1024
    result = run_cli("report", str(export), "--root", str(REPO), "--format", "json", "--today", "2026-12-01")
    assert result.returncode == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["records"] == count and payload["errors"] == 0 and payload["warnings"] == 0
