"""Pages the build makes from the model: one overview per track, the glossary and the
progress page, the supervisors' pages. site/render.py puts them together with the printable edition."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from curriculum_tools.core.model import Curriculum
from curriculum_tools.site import slots
from curriculum_tools.site.components.recorder.render import PRIVACY
from curriculum_tools.site.sanitize import markdown_text as md


@dataclass
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str
    section: str | None = ""  # nav section; "" = top level; None = placed by its maker (track pages)


def track_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    pages = []
    for track in curriculum.tracks:
        modules = curriculum.modules_in(track.id)
        rows = [f"# {md(track.title)}", "", md(track.summary), ""]
        if not modules:
            rows.append("No modules yet.")
        for module in modules:
            rows += [
                f"## [{md(module.title)}]({module.id}.md)",
                "",
                f"{md(module.summary)} *About {module.estimated_minutes} minutes.*",
                "",
            ]
        pages.append(GeneratedPage(f"{track.id}/index.md", track.title, "\n".join(rows), section=None))
    return pages


def glossary_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = ["# Glossary", "", "Terms used across the curriculum. On every page, these terms show their definition when you hover over them or focus them.", ""]
    for term in sorted(curriculum.glossary, key=lambda t: t.term.lower()):
        rows += [f"**{md(term.term)}**", f": {md(term.definition)}", ""]
    return [GeneratedPage("glossary.md", "Glossary", "\n".join(rows))]


def progress_page(curriculum: Curriculum) -> list[GeneratedPage]:
    rows = [
        "# My progress",
        "",
        "Your answers, scores and attempts are saved in this browser only. Nothing is sent anywhere.",
        "",
        "Quizzes are self-assessment: the answers are in each page, so a score shows what you have learned,",
        "not what you can do. Competence is signed off by a supervisor, who observes your practice with a",
        "competency checklist.",
        "",
        '[Review](review.md): <span data-review-due>the questions you got wrong or partly right come back there, each after a growing interval.</span>',
        "",
        '<div class="cq-progress" data-module="progress" markdown>',
        "",
        "| Module | Track | Status |",
        "| --- | --- | --- |",
    ]
    titles = {t.id: t.title for t in curriculum.tracks}
    for track in curriculum.tracks:
        for module in curriculum.modules_in(track.id):
            title = md(module.title)
            rows.append(
                f'| [{title}]({module.src_uri}){{ data-module-id="{module.id}" data-quiz-id="{module.quiz_id or ""}" }} '
                f"| {md(titles.get(module.track, module.track))} "
                f'| <span class="cq-progress__status" data-status-for="{module.id}">Not started</span> |'
            )
    if curriculum.scenarios:
        rows += [
            "",
            "## Scenarios rehearsed {#scenarios-rehearsed}",
            "",
            "| Scenario | Module | Endings reached |",
            "| --- | --- | --- |",
        ]
        modules = {m.id: m for m in curriculum.modules}
        for scenario in sorted(curriculum.scenarios, key=lambda s: s.title.lower()):
            module = modules.get(scenario.module_id)
            rows.append(
                f'| [{md(scenario.title)}](scenarios/{scenario.id}.md){{ data-scenario-id="{scenario.id}" data-endings="{len(scenario.endings)}" }} '
                f"| {md(module.title) if module else md(scenario.module_id)} "
                f'| <span class="cq-progress__status" data-status-for="{scenario.id}">None yet</span> |'
            )
    rows += ["", "</div>", "", slots.slot("progress-transfer"), ""]
    return [GeneratedPage("progress.md", "My progress", "\n".join(rows))]


REVIEW_PAGE = """\
# Review

The questions you got wrong or partly right in a module quiz come back here, each after a
growing interval, so you practise recalling what you had not yet learned. Answer each one
here: you get the same feedback and explanation as in the quiz.

Everything is kept in this browser only, from your saved quiz answers and this page's
schedule. Nothing is sent anywhere. *My progress* and the navigation show how many questions
are due.

## How questions are scheduled

Each question you have to revisit sits in one of five boxes (a Leitner schedule). The box
says how long until the question is due again:

| Box | Due again after |
| --- | --- |
| 1 | 1 day |
| 2 | 3 days |
| 3 | 7 days |
| 4 | 16 days |
| 5 | 35 days |

- A question you answer **wrong or partly right**, in a module quiz or here, goes to box 1:
  it is due the next day. Partly right counts as not yet learned, because part of the answer
  could not be recalled. A question left unanswered when you check a quiz counts as not
  right.
- A question you answer **right** once it is due moves up one box, so it comes back after a
  longer interval. Answering it right again before it is due does not move it.
- A question answered right when it is due from box 5 leaves the list: you recalled it
  right five times, over about two months.
- A question you answer right the first time never comes here.

## Why

Recalling an answer strengthens memory more than reading it again (the testing effect;
Roediger and Karpicke, 2006), and practice spread over time is remembered longer than the
same practice in one sitting (the spacing effect; Cepeda et al., 2006). Boxes with growing
intervals are Sebastian Leitner's card-box method; the intervals above are this site's
choice, not figures taken from these studies. Cepeda and colleagues found that the best gap
between sessions grows with how long you need to remember, which is why later intervals are
longer.

1. Roediger, H. L., & Karpicke, J. D. (2006). Test-enhanced learning: Taking memory tests
   improves long-term retention. *Psychological Science, 17*(3), 249–255.
   [doi:10.1111/j.1467-9280.2006.01693.x](https://doi.org/10.1111/j.1467-9280.2006.01693.x)
2. Cepeda, N. J., Pashler, H., Vul, E., Wixted, J. T., & Rohrer, D. (2006). Distributed
   practice in verbal recall tasks: A review and quantitative synthesis. *Psychological
   Bulletin, 132*(3), 354–380.
   [doi:10.1037/0033-2909.132.3.354](https://doi.org/10.1037/0033-2909.132.3.354)

Quizzes and review are self-assessment. Competence is signed off by a supervisor.

## Due now

"""


def review_page(curriculum: Curriculum) -> list[GeneratedPage]:
    """The Review page: how spaced review works and its schedule, then the review component."""
    return [GeneratedPage("review.md", "Review", REVIEW_PAGE + slots.slot("review") + "\n")]


def supervisor_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """The "Supervisors" section: how records work, one form per checklist, the dashboard."""

    checklists = sorted(curriculum.checklists, key=lambda c: c.title.lower())
    links = [f"- [{md(cl.title)}]({cl.id}.md): {md(cl.purpose)}" for cl in checklists]
    intro = [
        "# How records work",
        "",
        f"**Privacy.** {PRIVACY} Clear your browser's site data, or delete the records, before you hand the device on.",
        "",
        "Each checklist page is a form for one observed session. Rate each item on the framework's one rating scale; "
        "every change is saved in this browser at once. You can keep several records, reopen, duplicate or delete them, "
        "export one record or all of them as a JSON file, and import files exported on another device. "
        "Print a checklist page for a clean paper copy to sign.",
        "",
        "The [dashboard](dashboard.md) shows every record in this browser and the latest rating of each trainee per competency. "
        "For a cohort report against the sign-off requirements, give the exported files to `curriculum report`.",
        "",
        "## Checklists",
        "",
        *(links or ["No checklists yet."]),
        "",
    ]
    pages = [GeneratedPage("supervisors/index.md", "How records work", "\n".join(intro), section="Supervisors")]
    for cl in checklists:
        brief = curriculum.scenario(cl.scenario_id) if cl.scenario_id else None
        lead = (
            f"**Role-play brief:** the scenario [{md(brief.title)}](../scenarios/{brief.id}.md), which the trainee "
            "can rehearse first; play one of its moments with the trainee as facilitator.\n\n"
            if brief else ""
        )
        markdown = f"# {md(cl.title)}\n\n{lead}{slots.slot('checklist', cl.id)}\n"
        pages.append(GeneratedPage(f"supervisors/{cl.id}.md", cl.title, markdown, section="Supervisors"))
    dashboard = [
        "# Supervisor dashboard",
        "",
        f"**Privacy.** {PRIVACY}",
        "",
        "Every record in this browser, and for each trainee the latest rating per competency, by the rule "
        "`curriculum report` uses: from the most recent complete record that counts under the sign-off requirements "
        "(for example, only signed-off records where they say so) and rates the competency. A record's rating is the "
        "lowest of its required items that give evidence for the competency (each must be rated, and "
        f"{_unrated(curriculum)} is no rating), or the highest of any such item when none is required.",
        "",
        slots.slot("dashboard"),
        "",
    ]
    pages.append(GeneratedPage("supervisors/dashboard.md", "Dashboard", "\n".join(dashboard), section="Supervisors"))
    return pages


def _unrated(curriculum: Curriculum) -> str:
    """The framework's levels without a number ("Not observed"), as the dashboard page names them."""
    levels = curriculum.framework.levels if curriculum.framework else []
    names = [f"“{html.escape(lv.label)}”" for lv in levels if lv.level is None]
    return " or ".join(names) or "a level without a number"


from curriculum_tools.site.pages.certification import certification_pages  # noqa: E402 (it builds GeneratedPage)


def scenario_pages(curriculum: Curriculum) -> list[GeneratedPage]:
    """The scenarios index and pages (pages/scenario.py, imported here so either module may be
    imported first)."""
    from curriculum_tools.site.pages.scenario import scenario_pages as make

    return make(curriculum)


PAGE_MAKERS: list[Callable[[Curriculum], list[GeneratedPage]]] = [
    track_pages, progress_page, review_page, glossary_page, scenario_pages, supervisor_pages, certification_pages,
]
