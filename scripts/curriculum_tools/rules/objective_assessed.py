"""Every learning objective should be assessed by at least one quiz question (a warning:
a module may be drafted before its quiz)."""

from curriculum_tools.core.problems import WARNING

ID = "objective-assessed"
SEVERITY = WARNING
EXPLANATION = "Each learning objective should be assessed by at least one question of the module's quiz."


def check(context):
    c = context.curriculum
    for module in c.modules:
        quiz = c.quiz(module.quiz_id) if module.quiz_id else None
        if module.quiz_id in c.broken_ids:
            continue
        assessed = {q.objective for q in quiz.all_questions()} if quiz else set()
        for i, objective in enumerate(module.objectives):
            if objective not in assessed:
                where = f"quiz '{quiz.id}'" if quiz else "a quiz (the module has none)"
                yield module.source.problem(
                    ("objectives", i, "id"),
                    f"objective '{objective}' is not assessed by any question in {where}",
                    ID,
                    SEVERITY,
                )
