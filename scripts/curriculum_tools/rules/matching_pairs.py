"""Matching questions: prompts are unique, matches are unique, and no distractor equals a
real match, so every prompt has exactly one right answer."""

from curriculum_tools.core.problems import ERROR

ID = "matching-pairs"
SEVERITY = ERROR
EXPLANATION = (
    "In a matching question each prompt and each match must be unique, and distractors must differ from matches."
)


def check(context):
    for quiz in context.curriculum.quizzes:
        for q in quiz.all_questions():
            if q.type != "matching":
                continue
            for field, index in (("prompt", 1), ("match", 2)):
                seen = {}
                for i, pair in enumerate(q.pairs):
                    key = pair[index].strip().lower()
                    if key in seen:
                        yield quiz.source.problem(
                            q.path + ("pairs", i, field),
                            f"matching question '{q.id}': {field} repeats pair {seen[key] + 1}; each {field} must be unique",
                            ID,
                        )
                    seen.setdefault(key, i)
            matches = {pair[2].strip().lower() for pair in q.pairs}
            for i, text in enumerate(q.distractors):
                if text.strip().lower() in matches:
                    yield quiz.source.problem(
                        q.path + ("distractors", i),
                        f"matching question '{q.id}': distractor '{text}' is also a real match",
                        ID,
                    )
