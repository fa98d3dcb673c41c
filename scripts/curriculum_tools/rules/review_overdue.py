"""Clinical content goes stale: a module whose last review plus its interval is past today
(or scenario's) is overdue for review (a warning; `curriculum review-due` lists them all)."""

from curriculum_tools.core.problems import WARNING

ID = "review-overdue"
SEVERITY = WARNING
EXPLANATION = "A module is overdue when last_reviewed + interval_months is before today."


def check(context):
    for module in [*context.curriculum.modules, *context.curriculum.scenarios]:
        due = module.review.due
        if due < context.today:
            days = (context.today - due).days
            yield module.source.problem(
                ("review", "last_reviewed"),
                f"review was due on {due.isoformat()} ({days} days ago); review the content and update last_reviewed",
                ID,
                SEVERITY,
            )
