"""Every page of a built site, for the tests that visit them all (privacy, CSP, axe)."""

from __future__ import annotations

from pathlib import Path


def site_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page ("" for the home page), in a stable order."""
    pages = []
    for index in sorted(Path(site_dir).rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages
