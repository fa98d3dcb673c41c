"""Ordering questions need at least three items with distinct texts (two items are a
true/false question in disguise; equal texts cannot be told apart)."""

from curriculum_tools.core.problems import ERROR

ID = "ordering-items"
SEVERITY = ERROR
EXPLANATION = "An ordering question needs 3 or more items with different texts."


def check(context):
    for quiz in context.curriculum.quizzes:
        for q in quiz.all_questions():
            if q.type != "ordering":
                continue
            if len(q.items) < 3:
                yield quiz.source.problem(
                    q.path + ("items",), f"ordering question '{q.id}' needs at least 3 items, has {len(q.items)}", ID
                )
            seen = {}
            for i, (_, text) in enumerate(q.items):
                key = text.strip().lower()
                if key in seen:
                    yield quiz.source.problem(
                        q.path + ("items", i, "text"),
                        f"ordering question '{q.id}': item text repeats item {seen[key] + 1}",
                        ID,
                    )
                seen.setdefault(key, i)
