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
from curriculum_tools.site.i18n import t
from curriculum_tools.site.sanitize import markdown_text as md
from curriculum_tools.site.sanitize import one_line


def rating_label(rating: str) -> str:
    """An ending's rating in words ("Safe"), in the page's language."""
    return t(f"scenario.rating.{rating}")


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
    return node.title or t("scenario.moment", n=number)


def _target_label(scenario: Scenario, target: str, numbers: dict[str, int]) -> str:
    node = scenario.node_by_id.get(target)
    if node is not None:
        return t("scenario.leadsTo", title=_node_title(scenario, node, numbers[node.id]))
    ending = scenario.ending_by_id[target]
    return t("scenario.leadsToEnding", title=ending.title, rating=rating_label(ending.rating).lower())


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
        f'<p class="cq-branching__prompt">{t("scenario.prompt")}</p>',
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
            f"<summary>{t('scenario.feedback')}</summary>",
            _block(choice.feedback, scenario),
            "</details>",
            "",
            "</li>",
        ]
    rows += ["</ol>", "", "</section>", ""]
    return rows


def _ending(scenario: Scenario, ending: Ending) -> list[str]:
    line = t("scenario.ratingLine", label=rating_label(ending.rating), help=t(f"scenario.ratingHelp.{ending.rating}"))
    return [
        f'<section class="cq-branching__ending cq-branching__ending--{ending.rating.replace("_", "-")}" markdown="block">',
        "",
        f"### {md(ending.title)} {{#{ending_anchor(ending.id)} .cq-branching__heading}}",
        "",
        f'<p class="cq-branching__rating">{line}</p>',
        "",
        f'<p class="cq-branching__subhead"><strong>{t("scenario.followed")}</strong></p>',
        _block(ending.outcome, scenario),
        f'<p class="cq-branching__subhead"><strong>{t("scenario.debrief")}</strong></p>',
        _block(ending.debrief, scenario),
        f'<p class="cq-branching__again"><a href="#situation">{t("scenario.again")}</a></p>',
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
        f"## {t('scenario.situation')} {{#situation}}",
        _block(scenario.situation, scenario),
        f'<p class="cq-branching__howto">{t("scenario.howto", start=node_anchor(scenario.start))}</p>',
        "",
        f"## {t('scenario.moments')} {{#moments}}",
        "",
    ]
    for node in order:
        rows += _node(scenario, node, numbers)
    rows += [f"## {t('scenario.endings')} {{#endings}}", ""]
    for ending in scenario.endings:
        rows += _ending(scenario, ending)
    rows += ["</div>", ""]
    return "\n".join(rows)
