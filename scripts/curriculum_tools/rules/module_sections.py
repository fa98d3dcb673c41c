"""Every module has the sections trainees rely on: a case vignette, reflection questions
and key points (a warning while drafting)."""

from curriculum_tools.core.problems import WARNING

ID = "module-sections"
SEVERITY = WARNING
EXPLANATION = "Modules need '## Case vignette', '## Reflection questions' and '## Key points' sections."

REQUIRED = {
    "case-vignette": "Case vignette",
    "reflection-questions": "Reflection questions",
    "key-points": "Key points",
}


def check(context):
    for module in context.curriculum.modules:
        for anchor, title in REQUIRED.items():
            if not any(a.startswith(anchor) for a in module.anchors):
                yield module.source.problem(("title",), f"module has no '## {title}' section", ID, SEVERITY)
