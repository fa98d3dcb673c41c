"""Each question names the module objective it assesses, and each scenario the objectives
of its module it rehearses; those objectives must exist."""

from curriculum_tools.core.problems import ERROR

ID = "objective-ref"
SEVERITY = ERROR
EXPLANATION = "A question's or scenario's objectives must be learning objectives of its module."


def check(context):
    c = context.curriculum
    for quiz in c.quizzes:
        module = c.module(quiz.module_id)
        if module is None:
            continue
        for question in quiz.all_questions():
            if question.objective and question.objective not in module.objectives:
                known = ", ".join(module.objectives)
                yield quiz.source.problem(
                    question.path + ("objective",),
                    f"objective '{question.objective}' is not an objective of module '{module.id}' (objectives: {known})",
                    ID,
                )
    for scenario in c.scenarios:
        module = c.module(scenario.module_id)
        if module is None:
            continue  # scenario-module reports it
        for i, objective in enumerate(scenario.objectives):
            if objective not in module.objectives:
                known = ", ".join(module.objectives)
                yield scenario.source.problem(
                    ("objectives", i),
                    f"objective '{objective}' is not an objective of module '{module.id}' (objectives: {known})",
                    ID,
                )
