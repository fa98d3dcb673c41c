"""The rating scale has exactly one 'not observed' level (no number) and numbered levels
that rise by one from 1."""

from curriculum_tools.core.problems import ERROR

ID = "rating-scale"
SEVERITY = ERROR
EXPLANATION = "The rating scale needs one un-numbered 'not observed' level and levels numbered 1, 2, 3..."


def check(context):
    framework = context.curriculum.framework
    if framework is None:
        return
    source = framework.source
    unnumbered = [i for i, lvl in enumerate(framework.levels) if lvl.level is None]
    if len(unnumbered) != 1:
        yield source.problem(
            ("rating_scale", "levels"),
            f"the scale needs exactly one level without a number (for 'not observed'), found {len(unnumbered)}",
            ID,
        )
    numbers = [lvl.level for lvl in framework.levels if lvl.level is not None]
    if numbers != list(range(1, len(numbers) + 1)):
        yield source.problem(
            ("rating_scale", "levels"), f"numbered levels must be 1, 2, 3... in order, found {numbers}", ID
        )
