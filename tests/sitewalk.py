"""Every page of a built site, for the tests that visit them all (privacy, CSP, axe), and
the one walk that visits them: each page is loaded once, under the strict
Content-Security-Policy the README gives deployers, and checked for CSP violations, requests
off the site's origin, console and page errors, and (with a scheme) axe."""

from __future__ import annotations

from pathlib import Path

import axecheck
from helpers import quiz_ready

# The header the README gives deployers (test_privacy_csp.py checks that it is the one there).
CSP = "default-src 'self'"

# Playwright adds this to every page before its own scripts run: the violations the browser
# reports, kept for the walk to read.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
"""


def site_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page ("" for the home page), in a stable order."""
    pages = []
    for index in sorted(Path(site_dir).rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def record_csp(page):
    """Make the page keep the CSP violations it meets (the event, and the console's reports)."""
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.csp_console = console
    return page


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__csp || []") + page.csp_console


def walk(page, server, pages, watch, scheme: str | None = None) -> dict:
    """Visit each page once on server (which sends the strict CSP header); the page must have
    been through record_csp. Returns {page: [problems]} for the pages with any: CSP
    violations, off-origin requests, console or page errors and, with a scheme ("light",
    "dark"), axe's violations with every rule but AAA."""
    if scheme:
        page.emulate_media(color_scheme=scheme)
    failures = {}
    origin = server.url.rstrip("/")
    for rel in pages:
        watch.requests.clear()
        watch.errors.clear()
        page.csp_console.clear()
        page.goto(server.url + rel)
        page.wait_for_load_state("load")
        quiz_ready(page)  # a quiz's code loads on first use: read on to it, as a reader does
        problems = csp_violations(page) + [f"off-origin request {u}" for u in watch.off_origin(origin)]
        problems += watch.errors
        if scheme:
            expected = "slate" if scheme == "dark" else "default"
            if (found := page.get_attribute("body", "data-md-color-scheme")) != expected:
                problems.append(f"colour scheme {found}, not {expected}")
            problems += axecheck.violations(page)
        if problems:
            failures[rel or "/"] = problems
    return failures
