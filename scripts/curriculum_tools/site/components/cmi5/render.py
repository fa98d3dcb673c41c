"""The cmi5 AU runtime's root on a module page of a cmi5 package (plugin option lms: cmi5).

Hidden until cmi5.js finds cmi5 launch parameters in the page's address (an LMS launched
it); opened any other way, the page is the ordinary offline page. When launched it shows
one status line (a polite live region: connected, records kept in this browser, sent) and
a Finish button that ends the session (cmi5 "terminated") and returns to the LMS when the
launch data gives a returnURL. config: the module id, its quiz id (or null), and the quiz
pass mark, used only when the LMS's launch data has no masteryScore."""

from __future__ import annotations

import json

from curriculum_tools.core.model import Module, Quiz
from curriculum_tools.site import sanitize
from curriculum_tools.site.components.scorm.render import sco_pages
from curriculum_tools.site.i18n import t


def au_config(module: Module, quiz: Quiz | None, scenarios=(), scenario=None) -> dict:
    """pages: the AU's pages in the package (the module page and its scenario pages; a link
    between two of them hands the session on, cmi5.js); scenario: the one on this page."""
    return {
        "module": module.id,
        "quiz": quiz.id if quiz else None,
        "passMark": quiz.pass_mark if quiz else None,
        "scenario": scenario.id if scenario is not None else None,
        "scenarios": [s.id for s in scenarios],
        "pages": sco_pages(module, scenarios),
    }


def render_au(module: Module, quiz: Quiz | None, lms: str, scenarios=(), scenario=None) -> str:
    config = sanitize.text(
        json.dumps(au_config(module, quiz, scenarios, scenario), separators=(",", ":"), sort_keys=True)
    )
    return (
        f'<div class="cq-au" data-module="cmi5" data-config="{config}" hidden>'
        '<p class="cq-au__status" role="status" aria-live="polite"></p>'
        f'<button type="button" class="md-button cq-au__finish">{sanitize.text(t("cmi5.finish"))}</button>'
        "</div>"
    )
