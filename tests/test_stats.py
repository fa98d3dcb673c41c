"""`curriculum stats` counts from the model: questions (scenario parts counted, reflections
not), types, references and body words."""

import json

from helpers import BASE, run_cli


def test_stats_on_the_minimal_tree():
    result = run_cli("stats", "--root", str(BASE), "--format", "json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row["module"] == "demo-module"
    assert row["questions"] == 6
    assert row["types"] == [
        "matching",
        "multiple_choice",
        "ordering",
        "reflection",
        "scenario",
        "single_choice",
        "true_false",
    ]
    assert row["references"] == 2 and row["dois"] == 1
    # body: headings and text words, with [@citations] and {#anchors} not counted
    assert 30 <= row["words"] <= 45


def test_stats_markdown_table():
    result = run_cli("stats", "--root", str(BASE))
    assert "| demo | demo-module |" in result.stdout
    assert "1 modules" in result.stdout
