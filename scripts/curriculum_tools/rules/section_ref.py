"""Each question links to the module section that teaches it; the heading anchor must exist."""

import difflib

from curriculum_tools.core.problems import ERROR

ID = "section-ref"
SEVERITY = ERROR
EXPLANATION = "A question's section must be a heading anchor of its module, so feedback can link to it."


def check(context):
    c = context.curriculum
    for quiz in c.quizzes:
        module = c.module(quiz.module_id)
        if module is None:
            continue
        for question in quiz.all_questions():
            if question.section and question.section not in module.anchors:
                close = difflib.get_close_matches(question.section, list(module.anchors), n=1)
                hint = (
                    f"; did you mean '{close[0]}'?" if close else f" (anchors: {', '.join(module.anchors) or 'none'})"
                )
                yield quiz.source.problem(
                    question.path + ("section",),
                    f"section '{question.section}' is not a heading of module '{module.id}'{hint}",
                    ID,
                )
