"""Every reference can be found: it has a DOI or a URL (a book may give an ISBN)."""

from curriculum_tools.core.problems import ERROR

ID = "reference-link"
SEVERITY = ERROR
EXPLANATION = "Each reference needs a doi, or a url, or (for a book) an isbn, so readers can find it."


def check(context):
    for module in [*context.curriculum.modules, *context.curriculum.scenarios]:
        for i, ref in enumerate(module.references):
            if not (ref.doi or ref.url or ref.isbn):
                yield module.source.problem(("references", i), f"reference '{ref.id}' has no doi, url or isbn", ID)
