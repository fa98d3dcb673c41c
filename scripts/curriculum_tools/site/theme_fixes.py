"""Make Material's output pass a strict Content-Security-Policy and axe, without copying its
templates: small rewrites of each written page, and of its stylesheet after the build.

- The search dialog, its scrolling results and the section navigations with icon-only
  labels get accessible names.
- Every page carries its own Content-Security-Policy in a meta element, equivalent to the
  header the README documents, so a host that sends no header, and the offline edition
  opened from disk, still refuse script an author might have slipped in. (frame-ancestors
  cannot be set by a meta element; the header remains the place for it.)
- The footer's previous/next links print the (already escaped) page title through Jinja's
  `e` filter into their aria-label; that label is escaped once instead of twice, so "&" is
  read as "and", not "amp".
- Material's stylesheet carries its icons as `data:` SVG URLs, which `default-src 'self'`
  blocks; they are written out as files beside it. The offline build keeps them inline:
  CSS masks are fetched with CORS, which file:// pages cannot do.
"""

from __future__ import annotations

import base64
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
CHARSET = '<meta charset="utf-8">'
FOOTER_LABEL = re.compile(r'(<a href="[^"]*" class="md-footer__link[^"]*" aria-label=")([^"]*)(")')
SEARCH_WORKER = re.compile(r'<script id="__config" type="application/json">.*?"search": "([^"]*)"', re.S)
SHIM_TEMPLATE = re.compile(r"<script>(postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\};.*?)<\\/script>", re.S)


def _function_source(script: str, name: str) -> str:
    """`function name(...){...}` as the shim's Function.prototype.toString gives it."""
    start = script.index(f"function {name}(")
    depth, i = 0, script.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(script[i], 0)
        if depth == 0:
            return script[start : i + 1]
        i += 1


def shim_script_hash(shim: str, worker_url: str) -> str | None:
    """The CSP hash of the one inline script the iframe-worker shim writes into its iframe
    (offline search): its template with the shim's own two functions and the page's worker
    URL filled in. None when the shim is not the one this was written for."""
    match = SHIM_TEMPLATE.search(shim)
    if not match:
        return None
    body = match[1].replace("${" + match[2] + "}", _function_source(shim, match[2]), 1)
    body = body.replace("${" + match[3] + "}", _function_source(shim, match[3]), 1).replace("${e}", worker_url)
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def csp_policy(page_html: str = "", shim: str | None = None, connect: list[str] | tuple = ()) -> str:
    """The page's policy. Offline (`shim`: the iframe-worker shim's source), Material's
    stylesheet keeps its icons as data: SVG URLs (see below) and search runs in an iframe the
    shim writes one inline script into: that script, and only it, is allowed by its hash.
    `connect`: origins scripts may also send requests to (a cmi5 package's LRS, and nothing
    else: connect-src is the one directive an AU needs beyond 'self')."""
    base = CSP + (f"; connect-src 'self' {' '.join(connect)}" if connect else "")
    if shim is None:
        return base
    policy = base + "; img-src 'self' data:"
    worker = SEARCH_WORKER.search(page_html)
    digest = shim_script_hash(shim, worker[1]) if worker else None
    return policy + (f"; script-src 'self' {digest}" if digest else "")


def csp_meta(page_html: str = "", shim: str | None = None, connect: list[str] | tuple = ()) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{csp_policy(page_html, shim, connect)}">'


def fix_page_html(
    page_html: str, offline_shim: str | None = None, language: str = "en", connect: list[str] | tuple = ()
) -> str:
    """`offline_shim`: the offline edition's iframe-worker shim source (offline.offline_shim);
    `language`: the page's, for the names given to the theme's landmarks; `connect`: extra
    connect-src origins (csp_policy)."""
    from curriculum_tools.site.i18n import t

    meta = csp_meta(page_html, offline_shim, connect)
    if CHARSET in page_html:
        page_html = page_html.replace(CHARSET, CHARSET + meta, 1)
    else:
        page_html = page_html.replace("<head>", "<head>" + meta, 1)
    page_html = FOOTER_LABEL.sub(lambda m: m[1] + html.escape(html.unescape(html.unescape(m[2]))) + m[3], page_html)
    page_html = page_html.replace(
        SEARCH_DIALOG, SEARCH_DIALOG + f' aria-label="{html.escape(t("theme.search", language))}"', 1
    )
    page_html = page_html.replace(
        SEARCH_RESULTS,
        SEARCH_RESULTS + f' role="region" aria-label="{html.escape(t("theme.searchResults", language))}"',
        1,
    )

    def name_nav(match: re.Match) -> str:
        title = " ".join(html.unescape(TAG.sub(" ", match["title"])).split())
        return f'<nav class="md-nav" {match[1]} aria-label="{html.escape(t("theme.navSection", language, title=title))}"{match["rest"]}'

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


def fix_static_pages(site_dir: Path, offline_shim: str | None = None, language: str = "en") -> None:
    """The theme's static pages (404.html) are not MkDocs pages: no on_post_page for them."""
    path = Path(site_dir) / "404.html"
    if path.is_file():
        page_html = path.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in page_html:
            path.write_text(fix_page_html(page_html, offline_shim, language), encoding="utf-8")
