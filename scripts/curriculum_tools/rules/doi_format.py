"""DOIs are written bare (10.prefix/suffix), not as links, so the site can link them uniformly."""

import re

from curriculum_tools.core.problems import ERROR

ID = "doi-format"
SEVERITY = ERROR
EXPLANATION = "A DOI looks like 10.1234/abc (no https://doi.org/ and no 'doi:' in front)."

DOI = re.compile(r"^10\.\d{4,9}/[^\s]+$")


def check(context):
    for module in [*context.curriculum.modules, *context.curriculum.scenarios]:
        for i, ref in enumerate(module.references):
            if ref.doi is None:
                continue
            doi = ref.doi.strip()
            if not DOI.match(doi):
                bare = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
                hint = f"; write '{bare}'" if bare != doi and DOI.match(bare) else ""
                yield module.source.problem(
                    ("references", i, "doi"),
                    f"reference '{ref.id}': '{ref.doi}' is not a DOI of the form 10.1234/abc{hint}",
                    ID,
                )
