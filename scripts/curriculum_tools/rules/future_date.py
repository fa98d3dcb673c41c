"""Dates cannot be in the future: a module's (or scenario's) `review.last_reviewed` after today, or a
reference's `year` after this year, is a typo (or a review that has not happened yet), and
would make the module look reviewed, or its evidence current, when it is not."""

from curriculum_tools.core.problems import ERROR

ID = "future-date"
SEVERITY = ERROR
EXPLANATION = "A review date (last_reviewed) after today, or a reference year after this year, is an error."


def check(context):
    today = context.today
    for module in [*context.curriculum.modules, *context.curriculum.scenarios]:
        reviewed = module.review.last_reviewed
        if reviewed > today:
            yield module.source.problem(
                ("review", "last_reviewed"),
                f"review.last_reviewed: {reviewed.isoformat()} is after today ({today.isoformat()}); "
                "give the date the review was done",
                ID,
            )
        for index, ref in enumerate(module.references):
            if isinstance(ref.year, int) and ref.year > today.year:
                yield module.source.problem(
                    ("references", index, "year"),
                    f"references[{index + 1}].year: {ref.year} is after this year ({today.year}); "
                    "cite a work that has been published, with its year",
                    ID,
                )
