"""A module's quiz must exist and name the module back; a quiz must belong to an existing module."""

from curriculum_tools.core.problems import ERROR

ID = "quiz-link"
SEVERITY = ERROR
EXPLANATION = "Module and quiz must point at each other: the module's quiz: and the quiz's module:."


def check(context):
    c = context.curriculum
    for module in c.modules:
        if module.quiz_id and module.quiz_id not in c.broken_ids:
            quiz = c.quiz(module.quiz_id)
            if quiz is None:
                yield module.source.problem(
                    ("quiz",), f"quiz '{module.quiz_id}' does not exist (expected quizzes/{module.quiz_id}.yml)", ID
                )
            elif quiz.module_id != module.id:
                yield module.source.problem(
                    ("quiz",), f"quiz '{quiz.id}' belongs to module '{quiz.module_id}', not '{module.id}'", ID
                )
    for quiz in c.quizzes:
        if quiz.module_id in c.broken_ids:
            continue
        module = c.module(quiz.module_id)
        if module is None:
            yield quiz.source.problem(("module",), f"module '{quiz.module_id}' does not exist", ID)
        elif module.quiz_id != quiz.id:
            yield quiz.source.problem(
                ("module",),
                f"module '{module.id}' does not list this quiz; add 'quiz: {quiz.id}' to its front matter",
                ID,
            )
