"""The scenario model and its renderer, without a browser: the graph helpers the rules use
(reachability, loops without a way out, reading order), the data-config the player reads
(held equal to the parity fixture the node tests use), and the page: linked sections in
reading order, author text as data, a Rehearse box on the module page."""

from __future__ import annotations

import json
import shutil

from curriculum_tools.check import check
from curriculum_tools.site.components.scenario.render import render_scenario, scenario_config
from helpers import BASE, FIXTURES, TODAY, run_cli

PARITY = FIXTURES / "parity" / "scenario-config.json"


def demo():
    return check(BASE).curriculum.scenario("sc-demo")


def test_config_is_the_parity_fixture_the_node_tests_read():
    assert scenario_config(demo()) == json.loads(PARITY.read_text()), (
        "regenerate tests/fixtures/parity/scenario-config.json"
    )


def test_graph_helpers_of_the_example():
    s = demo()
    assert [n.id for n in s.reading_order()] == ["arrival", "sam-speaks"]
    assert s.reachable() == {"arrival", "sam-speaks", "group-holds", "advice-lands-badly", "sam-leaves"}
    assert s.can_end() >= {"arrival", "sam-speaks"}
    assert s.closed_loops() == []
    assert s.target("sam-leaves").rating == "unsafe" and s.target("nowhere") is None


def test_reading_order_follows_the_story_not_the_file(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    path = root / "scenarios" / "sc-demo.yml"
    text = path.read_text()
    first = text[text.index("  - id: arrival") : text.index("  - id: sam-speaks")]
    second = text[text.index("  - id: sam-speaks") : text.index("endings:")]
    path.write_text(text.replace(first + second, second + first))  # the second moment first in the file
    checked = check(root)
    assert not checked.result.errors
    assert [n.id for n in checked.curriculum.scenario("sc-demo").reading_order()] == ["arrival", "sam-speaks"]


def test_rendered_outline_links_every_choice_to_its_target():
    markdown = render_scenario(demo())
    assert (
        markdown.index("{#node-arrival") < markdown.index("{#node-sam-speaks") < markdown.index("{#ending-group-holds")
    )
    assert markdown.count('class="cq-branching__link"') == 5
    for target in (
        "#node-sam-speaks",
        "#ending-sam-leaves",
        "#ending-group-holds",
        "#ending-advice-lands-badly",
        "#node-arrival",
    ):
        assert f'href="{target}"' in markdown
    assert "Leads to the ending: Sam leaves early (unsafe)" in markdown


def test_author_markup_stays_data_on_the_built_page(tmp_path, site_factory):
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    path = root / "scenarios" / "sc-demo.yml"
    path.write_text(
        path.read_text().replace(
            "title: A member arrives late", 'title: "A member <b onmouseover=x()>arrives</b> late"'
        )
    )
    # the validator refuses it first (plain-text field); the renderer escapes it regardless
    result = run_cli("validate", "--root", str(root), "--today", TODAY)
    assert result.returncode == 1 and "(unsafe-html)" in result.stdout
    from curriculum_tools.site.pages.scenario import scenario_markdown

    checked = check(root)
    page = scenario_markdown(checked.curriculum.scenario("sc-demo"), checked.curriculum)
    assert "<b onmouseover" not in page and "&lt;b onmouseover" in page


def test_built_pages_link_module_and_scenario_and_load_the_player_only_there(site_factory, tmp_path):
    root = tmp_path / "content"
    shutil.copytree(BASE, root)
    checklist = root / "checklists" / "demo-checklist.yml"
    checklist.write_text(
        checklist.read_text().replace("guidance: Observe.\n", "guidance: Observe.\nscenario: sc-demo\n")
    )
    built = site_factory(root, serve=False)
    form = (built / "supervisors" / "demo-checklist" / "index.html").read_text()
    assert "Role-play brief" in form and 'href="../../scenarios/sc-demo/"' in form
    module = (built / "demo" / "demo-module" / "index.html").read_text()
    assert 'href="../../scenarios/sc-demo/"' in module and "Rehearse" in module
    scenario = (built / "scenarios" / "sc-demo" / "index.html").read_text()
    assert 'href="../../demo/demo-module/"' in scenario
    assert 'data-module="scenario"' in scenario and "curriculum-scenario." in scenario
    index = (built / "scenarios" / "index.html").read_text()
    assert 'href="sc-demo/"' in index and "curriculum-scenario." not in index
    assert "curriculum-scenario." not in module
    js = next((built / "assets" / "javascripts").glob("curriculum-module.*.js")).read_text()
    assert "scenario-ended" not in js


def test_every_example_in_the_scenario_schema_is_valid():
    """The schema's examples are what editors show authors: each must pass its own field."""
    from jsonschema import Draft202012Validator

    from curriculum_tools.load.schemas import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "scenario.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    bad = []

    def walk(node, path):
        if isinstance(node, dict):
            if "examples" in node and "type" in node:
                field = {k: v for k, v in node.items() if k != "examples"}
                bad.extend(
                    (path, e.message) for ex in node["examples"] for e in Draft202012Validator(field).iter_errors(ex)
                )
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))

    walk(schema, ())
    assert bad == []
