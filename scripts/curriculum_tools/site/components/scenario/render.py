"""Render a branching scenario as complete, semantic HTML (as Markdown of the site's dialect,
which the page renders and sanitises like every page): the situation, then every moment
(node) as a section with a heading (id `node-<id>`) and its choices as a list of links to
the heading of what each leads to, each with its feedback in a closed details element, then
every ending as a section (id `ending-<id>`) with its rating in words, what followed and the
debrief. Nodes come in reading order (breadth first from the start, Scenario.reading_order),
so reading top to bottom follows the story and the printed page is an outline of every
branch. Everything works as linked sections without JavaScript; scenario.js (beside this
file) turns the same sections into a player showing one moment at a time. Its data-config
carries the graph only (ids, choice targets, ratings), never text.
"""

from __future__ import annotations

import html
import json

from curriculum_tools.core.model import Ending, Scenario, ScenarioNode
from curriculum_tools.site.citations import render_citations
from curriculum_tools.site.sanitize import markdown_text as md
from curriculum_tools.site.sanitize import one_line

RATING_LABELS = {"safe": "Safe", "partly_safe": "Partly safe", "unsafe": "Unsafe"}
RATING_HELP = {
    "safe": "the member and the group are kept safe",
    "partly_safe": "some of what matters is done, some is missed",
    "unsafe": "someone is left at risk or harmed",
}


def node_anchor(node_id: str) -> str:
    return f"node-{node_id}"


def ending_anchor(ending_id: str) -> str:
    return f"ending-{ending_id}"


def scenario_config(scenario: Scenario) -> dict:
    """The component's data-config: the graph only (the text is in the page)."""
    return {
        "id": scenario.id,
        "module": scenario.module_id,
        "start": scenario.start,
        "nodes": {n.id: [[c.id, c.next] for c in n.choices] for n in scenario.nodes},
        "endings": {e.id: e.rating for e in scenario.endings},
    }


def _block(text: str, scenario: Scenario) -> str:
    """A Markdown field, citations linked, as a block of the page (blank lines around)."""
    return "\n" + render_citations(text.strip("\n"), scenario.references) + "\n"


def _inline(text: str, scenario: Scenario) -> str:
    """A one-line Markdown field (a choice, a line a member says), citations linked."""
    return render_citations(one_line(text), scenario.references)


def _node_title(scenario: Scenario, node: ScenarioNode, number: int) -> str:
    return node.title or f"Moment {number}"


def _target_label(scenario: Scenario, target: str, numbers: dict[str, int]) -> str:
    node = scenario.node_by_id.get(target)
    if node is not None:
        return f"Leads to: {_node_title(scenario, node, numbers[node.id])}"
    ending = scenario.ending_by_id[target]
    return f"Leads to the ending: {ending.title} ({RATING_LABELS[ending.rating].lower()})"


def _node(scenario: Scenario, node: ScenarioNode, numbers: dict[str, int]) -> list[str]:
    rows = [
        '<section class="cq-branching__node" markdown="block">',
        "",
        f"### {md(_node_title(scenario, node, numbers[node.id]))} {{#{node_anchor(node.id)} .cq-branching__heading}}",
        _block(node.text, scenario),
    ]
    for say in node.says:
        rows += [
            '<blockquote class="cq-branching__say" markdown="block">',
            "",
            f"**{md(say.speaker)}:** {_inline(say.text, scenario)}",
            "",
            "</blockquote>",
            "",
        ]
    rows += [
        '<p class="cq-branching__prompt">What do you do?</p>',
        "",
        '<ol class="cq-branching__choices" markdown="block">',
    ]
    for choice in node.choices:
        target = node_anchor(choice.next) if choice.next in scenario.node_by_id else ending_anchor(choice.next)
        text = _inline(choice.text, scenario)
        rows += [
            '<li class="cq-branching__choice" markdown="block">',
            "",
            f'<a class="cq-branching__link" href="#{target}" markdown="span">{text}</a>'
            f' <span class="cq-branching__leads">{html.escape(_target_label(scenario, choice.next, numbers))}</span>',
            "",
            '<details class="cq-branching__feedback" markdown="block">',
            "<summary>Feedback on this choice</summary>",
            _block(choice.feedback, scenario),
            "</details>",
            "",
            "</li>",
        ]
    rows += ["</ol>", "", "</section>", ""]
    return rows


def _ending(scenario: Scenario, ending: Ending) -> list[str]:
    label = RATING_LABELS[ending.rating]
    return [
        f'<section class="cq-branching__ending cq-branching__ending--{ending.rating.replace("_", "-")}" markdown="block">',
        "",
        f"### {md(ending.title)} {{#{ending_anchor(ending.id)} .cq-branching__heading}}",
        "",
        f'<p class="cq-branching__rating"><strong>Rating: {label}</strong> ({RATING_HELP[ending.rating]}).</p>',
        "",
        '<p class="cq-branching__subhead"><strong>What followed</strong></p>',
        _block(ending.outcome, scenario),
        '<p class="cq-branching__subhead"><strong>Debrief</strong></p>',
        _block(ending.debrief, scenario),
        '<p class="cq-branching__again"><a href="#situation">Start again from the situation</a></p>',
        "",
        "</section>",
        "",
    ]


def render_scenario(scenario: Scenario) -> str:
    """The component: its root (data-module="scenario", data-config) around the situation,
    the moments and the endings, as Markdown of the site's dialect."""
    order = scenario.reading_order()
    numbers = {node.id: i + 1 for i, node in enumerate(order)}
    config = html.escape(json.dumps(scenario_config(scenario), ensure_ascii=False, separators=(",", ":")), quote=True)
    rows = [
        f'<div class="cq-branching" data-module="scenario" data-config="{config}" markdown="block">',
        "",
        "## The situation {#situation}",
        _block(scenario.situation, scenario),
        '<p class="cq-branching__howto">Each choice below is a link to what follows it; the endings come after the moments. '
        f'Start with <a href="#{node_anchor(scenario.start)}">the first moment</a>.</p>',
        "",
        "## The moments {#moments}",
        "",
    ]
    for node in order:
        rows += _node(scenario, node, numbers)
    rows += ["## The endings {#endings}", ""]
    for ending in scenario.endings:
        rows += _ending(scenario, ending)
    rows += ["</div>", ""]
    return "\n".join(rows)
