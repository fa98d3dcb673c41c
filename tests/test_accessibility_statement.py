"""The accessibility statement (issue 12, class 7): a page of the site, in the nav and linked
from the home page, that names the standard, how the site is tested, the screen-reader pass as
made, known limitations and how to report a problem."""

from __future__ import annotations

from curriculum_tools.check import check
from curriculum_tools.site.render import SiteRender
from helpers import REPO

STATEMENT = REPO / "curriculum" / "accessibility.md"


def test_statement_covers_what_a_statement_must():
    text = STATEMENT.read_text()
    for needed in (
        "(WCAG) 2.2",
        "level AA",
        "every axe rule enabled",
        "Keyboard walks",
        "Screen-reader pass, as actually made",
        "Not yet done",
        "## Known limitations",
        "## Reporting a problem",
        "enforcement body",
    ):
        assert needed in text, needed


def test_statement_is_in_the_nav_and_linked_from_home():
    curriculum = check(REPO).curriculum
    nav = SiteRender(curriculum).nav()
    assert {"Accessibility": "accessibility.md"} in nav
    assert "](accessibility.md)" in (REPO / "curriculum" / "index.md").read_text()


def test_statement_is_built(site):
    page = (site.dir / "accessibility" / "index.html").read_text()
    assert "<h1" in page and "Accessibility statement" in page
    home = (site.dir / "index.html").read_text()
    assert 'href="accessibility/"' in home
