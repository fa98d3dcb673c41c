"""The note under a module or scenario page: who wrote it, its last clinical review, and when
the next one is due."""

from __future__ import annotations

import html

from curriculum_tools.site.i18n import t


def review_aside(review, label: str) -> str:
    """Who wrote the page, its last clinical review and when it is due again (module and
    scenario pages)."""
    return (
        f'<aside class="cq-review" aria-label="{label}"><p>'
        + t(
            "module.review",
            author=html.escape(review.author),
            reviewed=review.last_reviewed.isoformat(),
            reviewer=html.escape(review.reviewer_role),
            due=review.due.isoformat(),
        )
        + "</p></aside>"
    )
