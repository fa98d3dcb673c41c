"""A single-choice question has exactly one correct option."""

from curriculum_tools.core.problems import ERROR

ID = "single-choice"
SEVERITY = ERROR
EXPLANATION = "A single_choice question needs exactly one option with correct: true."


def check(context):
    for quiz in context.curriculum.quizzes:
        for q in quiz.all_questions():
            if q.type == "single_choice":
                correct = sum(o.correct for o in q.options)
                if correct != 1:
                    hint = (
                        "use multiple_choice for several correct answers"
                        if correct > 1
                        else "mark the right one with correct: true"
                    )
                    yield quiz.source.problem(
                        q.path + ("options",),
                        f"question '{q.id}' has {correct} correct options, needs exactly 1; {hint}",
                        ID,
                    )
