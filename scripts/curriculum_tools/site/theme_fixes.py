"""Make Material's output pass a strict Content-Security-Policy and axe, without copying its
templates: small rewrites of each written page, and of its stylesheet after the build.

- The search dialog, its scrolling results and the section navigations with icon-only
  labels get accessible names.
- Every page carries its own Content-Security-Policy in a meta element, equivalent to the
  header the README documents, so a host that sends no header, and the offline edition
  opened from disk, still refuse script an author might have slipped in. (frame-ancestors
  cannot be set by a meta element; the header remains the place for it.)
- The footer's previous/next links print the (already escaped) page title through Jinja's
  `e` filter into their aria-label; the double escape is undone, so "&" is read as "and".
- Material's stylesheet carries its icons as `data:` SVG URLs, which `default-src 'self'`
  blocks; they are written out as files beside it. The offline build keeps them inline:
  CSS masks are fetched with CORS, which file:// pages cannot do.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import unquote

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
SEARCH_RESULTS = '<div class="md-search__scrollwrap" tabindex="0"'
SECTION_NAV = re.compile(
    r'<nav class="md-nav" (data-md-level="\d+") aria-labelledby="[^"]+"'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title"[^>]*>(?P<title>.*?)</label>)',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
# Offline (file://): Material's stylesheet keeps its icons as data: SVG URLs (see below).
CSP_OFFLINE = CSP + "; img-src 'self' data:"
CHARSET = '<meta charset="utf-8">'
FOOTER_LABEL = re.compile(r'(<a href="[^"]*" class="md-footer__link[^"]*" aria-label=")([^"]*)(")')


def csp_meta(offline: bool = False) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{CSP_OFFLINE if offline else CSP}">'


def fix_page_html(page_html: str, offline: bool = False) -> str:
    if CHARSET in page_html:
        page_html = page_html.replace(CHARSET, CHARSET + csp_meta(offline), 1)
    else:
        page_html = page_html.replace("<head>", "<head>" + csp_meta(offline), 1)
    page_html = FOOTER_LABEL.sub(lambda m: m[1] + html.unescape(m[2]) + m[3], page_html)
    page_html = page_html.replace(SEARCH_DIALOG, SEARCH_DIALOG + ' aria-label="Search"', 1)
    page_html = page_html.replace(SEARCH_RESULTS, SEARCH_RESULTS + ' role="region" aria-label="Search results"', 1)

    def name_nav(match: re.Match) -> str:
        title = " ".join(html.unescape(TAG.sub(" ", match["title"])).split())
        return f'<nav class="md-nav" {match[1]} aria-label="{html.escape(title)} section"{match["rest"]}'

    return SECTION_NAV.sub(name_nav, page_html)


DATA_URL = re.compile(r"""url\((["']?)data:image/svg\+xml;charset=utf-8,(?P<svg>.*?)\1\)""")


def externalize_css_icons(site_dir: Path) -> int:
    """Replace inline SVG data URLs in Material's stylesheets with files; returns how many."""
    styles = Path(site_dir) / "assets" / "stylesheets"
    icons = Path(site_dir) / "assets" / "images" / "icons"
    count = 0
    for css in sorted(styles.glob("*.min.css")):
        text = css.read_text(encoding="utf-8")

        def to_file(match: re.Match) -> str:
            nonlocal count
            svg = unquote(match["svg"])
            name = hashlib.sha1(svg.encode()).hexdigest()[:12] + ".svg"
            icons.mkdir(parents=True, exist_ok=True)
            (icons / name).write_text(svg, encoding="utf-8")
            count += 1
            return f'url("../images/icons/{name}")'

        new = DATA_URL.sub(to_file, text)
        if new != text:
            css.write_text(new, encoding="utf-8")
    return count
