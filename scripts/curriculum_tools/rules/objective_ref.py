"""Each question names the module objective it assesses; that objective must exist."""
from curriculum_tools.core.problems import ERROR

ID = "objective-ref"
SEVERITY = ERROR
EXPLANATION = "A question's objective must be one of its module's learning objectives."


def check(context):
    c = context.curriculum
    for quiz in c.quizzes:
        module = c.module(quiz.module_id)
        if module is None:
            continue
        for question in quiz.all_questions():
            if question.objective and question.objective not in module.objectives:
                known = ", ".join(module.objectives)
                yield quiz.source.problem(question.path + ("objective",), f"objective '{question.objective}' is not an objective of module '{module.id}' (objectives: {known})", ID)
