"""Content is data (issue 12, class 1): hostile text in every text field of every content
kind and in a module body is reported by `unsafe-html` at its file and line, and, built as if
the validator had missed it all, reaches the pages inert: no script element, event handler,
script URL, frame or inline style that the site did not put there itself. Every page carries
its own Content-Security-Policy, which holds on a server that sends no header and on file://."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SiteServer, free_port
from curriculum_tools.load.loader import read_source
from curriculum_tools.site.sanitize import markdown_text, sanitize_html, text
from curriculum_tools.site.theme_fixes import CSP
from helpers import BASE, TODAY, run_cli
from hostile import (
    MODULE,
    PAGE,
    YAML_FILES,
    build_without_unsafe_html_rule,
    hostile_tree,
    live_parts,
    write_config,
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "content"
    paths = hostile_tree(root)
    return root, paths


@pytest.fixture(scope="module")
def baseline_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("baseline") / "content"
    shutil.copytree(BASE, root)
    from curriculum_tools.site.atomic import build_site

    return build_site(write_config(root), tmp_path_factory.mktemp("baseline-out") / "site", strict=True)


@pytest.fixture(scope="module")
def hostile_site(hostile, tmp_path_factory):
    root, _ = hostile
    monkeypatch = pytest.MonkeyPatch()
    try:
        return build_without_unsafe_html_rule(root, tmp_path_factory.mktemp("hostile-out") / "site", monkeypatch)
    finally:
        monkeypatch.undo()


def test_unsafe_html_reports_every_hostile_field_at_its_line(hostile):
    root, paths = hostile
    result = run_cli("validate", "--root", str(root), "--today", TODAY, "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert {p["rule"] for p in problems} == {"unsafe-html"}, [p for p in problems if p["rule"] != "unsafe-html"][:5]
    reported = {(p["path"], p["line"]) for p in problems}
    for rel in [*YAML_FILES, MODULE]:
        source = read_source(root, rel, "module" if rel.endswith(".md") else "yaml")
        for path in paths[rel]:
            line, _ = source.pos(path)
            assert (rel, line) in reported, f"{rel}:{line} ({path}) not reported"
    messages = " | ".join(p["message"] for p in problems if p["path"] == MODULE)
    for what in (
        "<script> and its content",
        "onerror= on <img>",
        "a javascript: link",
        "<iframe>",
        "style= on <p>",
        "attribute onclick= in {: ... }",
        "link 'javascript:window.__pwned=16'",
        "<javascript:window.__pwned=17>",
        "a data: link",
        "onmouseover= on <div>",
    ):
        assert what in messages, what
    # the body's problems sit on the lines and columns where they were written
    body_lines = (root / MODULE).read_text().split("\n")
    body_start = body_lines.index("---", 1) + 1
    checked = 0
    for p in problems:
        if p["path"] == MODULE and "<script> and its content" in p["message"] and p["line"] > body_start:
            checked += 1
            assert body_lines[p["line"] - 1][p["col"] - 1 :].startswith("<script>")
    assert checked == 1
    assert any(p["path"] == PAGE for p in problems), "the plain page's body is checked too"
    assert any("terms[1].term" in p["message"] for p in problems)


def test_hostile_text_is_inert_in_every_built_page(hostile_site, baseline_site):
    ours = {s for parts in live_parts(baseline_site).values() for s in parts.scripts}
    pages = live_parts(hostile_site)
    assert "demo/demo-module/index.html" in pages and "glossary/index.html" in pages
    for rel, parts in pages.items():
        assert set(parts.scripts) <= ours, (rel, set(parts.scripts) - ours)
        assert parts.handlers == [], (rel, parts.handlers)
        assert parts.script_urls == [], (rel, parts.script_urls)
        assert parts.frames == [], (rel, parts.frames)
        assert parts.styles == [], (rel, parts.styles)


def test_plain_text_fields_are_shown_as_typed(hostile_site):
    module = (hostile_site / "demo" / "demo-module" / "index.html").read_text()
    # the title: its markup and its Markdown link syntax are text, in the heading and the nav
    assert re.search(
        r"<h1 id=\"[^\"]*\">(?:<abbr title=\"[^\"<>]*\">)?Hi(?:</abbr>)? &lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=\"window.__pwned=2\"&gt; "
        r"\[x\]\(javascript:window.__pwned=3\)",
        module,
    )
    assert "<title>Hi &lt;script&gt;window.__pwned=1&lt;/script&gt;" in module
    glossary = (hostile_site / "glossary" / "index.html").read_text()
    assert "T &lt;script&gt;window.__pwned=20&lt;/script&gt; 1" in glossary
    assert "[x](javascript:window.__pwned=22)" in glossary  # a definition is text: the link syntax stays as typed
    # a term with blank lines stays on its abbreviation line: nothing of it becomes a paragraph
    assert "window.__pwned=23" not in module


def test_every_page_carries_the_policy(hostile_site):
    for path in sorted(hostile_site.rglob("*.html")):
        head = path.read_text().split("</head>", 1)[0]
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in head, path
        assert head.index("Content-Security-Policy") < head.index("<script"), path


def test_policy_matches_the_readme_header():
    from helpers import REPO

    readme = (REPO / "README.md").read_text()
    header = re.search(r"Content-Security-Policy: (.+)", readme)[1].strip()
    assert CSP.split(";")[0].strip() == header
    assert all(part.strip() in readme or part.strip() == "object-src 'none'" for part in CSP.split(";"))


INJECTED = (
    '<script>window.__ran = "inline";</script><img src="x" onerror="window.__ran = \'handler\'">'
    '<a id="js" href="javascript:window.__ran=\'url\'">x</a>'
)


def _inject(site_dir, rel: str) -> None:
    """What a sanitiser bug would let through, written into a built page after the build."""
    path = site_dir / rel
    path.write_text(path.read_text().replace("</body>", INJECTED + "</body>", 1))


def _page_runs_nothing_injected(page, url: str) -> None:
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    page.wait_for_load_state("load")
    page.locator("#js").click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran === undefined"), page.evaluate("window.__ran")
    assert page.evaluate("window.__pwned === undefined")
    assert violations, "the meta policy reported no blocked script"
    # the site's own scripts still run under it
    assert page.evaluate("typeof (window.curriculum || {}).component") == "function"


def test_meta_policy_blocks_script_on_a_server_without_the_header(page, hostile_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    _inject(site, "demo/demo-module/index.html")
    server = SiteServer(site, free_port())  # no Content-Security-Policy header
    try:
        _page_runs_nothing_injected(page, server.url + "demo/demo-module/")
    finally:
        server.close()


def test_meta_policy_blocks_script_from_disk(page, hostile_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    _inject(site, "demo/demo-module/index.html")
    _page_runs_nothing_injected(page, (site / "demo" / "demo-module" / "index.html").as_uri())


def test_hostile_pages_run_nothing_in_a_browser(page, hostile_site):
    server = SiteServer(hostile_site, free_port())
    try:
        for rel in (
            "",
            "demo/",
            "demo/demo-module/",
            "glossary/",
            "progress/",
            "supervisors/",
            "supervisors/demo-checklist/",
            "print/",
        ):
            page.goto(server.url + rel)
            page.wait_for_load_state("load")
            for details in page.locator("details").all():
                details.evaluate("d => d.open = !d.open")
            page.mouse.move(10, 10)
            assert page.evaluate("window.__pwned === undefined"), rel
    finally:
        server.close()


def test_policy_functions():
    assert text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert markdown_text("*a*\n\n# [b](javascript:x) <i>") == "\\*a\\* \\# \\[b\\]\\(javascript:x\\) &lt;i&gt;"
    assert sanitize_html(
        '<p style="x" onclick="y">a <a href="javascript:z">b</a><a href="../c/">c</a>'
        '<a href="mailto:a@b.org">m</a><iframe src="https://e.org"></iframe><script>s()</script></p>'
    ) == ('<p>a <a>b</a><a href="../c/">c</a><a href="mailto:a@b.org">m</a></p>')


# Text built from what the rule's detectors look for, whole and in pieces, so that random
# draws often hold an element, a link, a reference definition, an attribute list, a bidi
# control or a code span around one of them.
_PIECES = [
    "<b onclick=x>",
    "<script>",
    "{onclick=x}",
    "{: style='a' }",
    "[a](javascript:x)",
    "[a]: javascript:x",
    "<javascript:x>",
    "\u202e",
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    ":",
    "{",
    "}",
    "=",
    "`",
    "```\n",
    "\n",
    " ",
    "a",
    "on",
    "javascript",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_the_quick_test_for_unsafe_html_never_hides_a_finding(value):
    """unsafe_html.scan skips text that holds none of what any of its detectors looks for;
    the full scan of such text finds nothing either (a new detector must widen _MAYBE)."""
    from curriculum_tools.rules import unsafe_html

    assert unsafe_html.scan(value) == list(unsafe_html._scan(value))
