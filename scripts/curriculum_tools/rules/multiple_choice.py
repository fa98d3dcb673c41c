"""A multiple-choice (select all that apply) question has at least one correct and at least
one incorrect option, so that selecting everything is never right."""

from curriculum_tools.core.problems import ERROR

ID = "multiple-choice"
SEVERITY = ERROR
EXPLANATION = "A multiple_choice question needs at least one correct and one incorrect option."


def check(context):
    for quiz in context.curriculum.quizzes:
        for q in quiz.all_questions():
            if q.type == "multiple_choice":
                correct = sum(o.correct for o in q.options)
                if correct == 0:
                    yield quiz.source.problem(
                        q.path + ("options",),
                        f"question '{q.id}' has no correct option; mark at least one with correct: true",
                        ID,
                    )
                elif correct == len(q.options):
                    yield quiz.source.problem(
                        q.path + ("options",),
                        f"question '{q.id}': every option is correct; add at least one incorrect option",
                        ID,
                    )
