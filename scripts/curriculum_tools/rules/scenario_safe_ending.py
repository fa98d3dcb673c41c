"""Every scenario has at least one ending rated `safe`: rehearsal must show the trainee a way
through the moment that keeps the member and the group safe, not only what goes wrong."""

from curriculum_tools.core.problems import ERROR

ID = "scenario-safe-ending"
SEVERITY = ERROR
EXPLANATION = "A scenario needs at least one ending with rating: safe."


def check(context):
    for scenario in context.curriculum.scenarios:
        if not any(e.rating == "safe" for e in scenario.endings):
            ratings = ", ".join(f"{e.id}: {e.rating}" for e in scenario.endings)
            yield scenario.source.problem(
                ("endings",), f"no ending is rated safe ({ratings}); add or rate one ending 'safe'", ID
            )
