"""A real MkDocs build of a small tree in tmp_path; invalid content stops the build with the
validator's message and leaves no half-built site."""

from __future__ import annotations

import html
import json
import re
import shutil

from conftest import write_site_config as write_config
from helpers import make_tree, run_cli


def test_small_tree_builds(tmp_path):
    root = make_tree(tmp_path)
    write_config(root)
    result = run_cli("build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "demo" / "demo-module" / "index.html").read_text()
    assert "<h1" in page and "A demo module" in page
    config = re.search(r'<section class="cq-quiz" data-module="quiz" data-config="([^"]*)"', page)
    assert config and json.loads(html.unescape(config[1]))["id"] == "demo-module-quiz"
    assert '<fieldset class="cq-question"' in page
    assert 'href="#ref-li2024"' in page and 'id="ref-li2024"' in page
    assert '<abbr title="Supportive-Expressive Group Therapy.">SEGT</abbr>' in page
    assert (tmp_path / "out" / "progress" / "index.html").exists()
    assert (tmp_path / "out" / "glossary" / "index.html").exists()
    assert (tmp_path / "out" / "schemas" / "quiz.schema.json").exists()


def test_invalid_quiz_fails_with_validator_message_and_keeps_old_site(tmp_path):
    root = make_tree(tmp_path)
    write_config(root)
    out = tmp_path / "out"
    assert run_cli("build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(out)).returncode == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    quiz = root / "quizzes" / "demo-module-quiz.yml"
    quiz.write_text(quiz.read_text().replace("pass_mark: 70", "pass_mark: 170"))
    result = run_cli("build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(out))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "quizzes/demo-module-quiz.yml:5:1: pass_mark: must be at most 100, not 170 (schema)" in output
    assert "Traceback" not in output
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-building")]


def test_failed_first_build_writes_nothing(tmp_path):
    root = make_tree(tmp_path)
    write_config(root)
    shutil.rmtree(root / "quizzes")
    out = tmp_path / "out"
    result = run_cli("build", "--config", str(root / "mkdocs.yml"), "--site-dir", str(out))
    assert result.returncode == 1
    assert "quiz 'demo-module-quiz' does not exist" in result.stdout + result.stderr
    assert not out.exists()
