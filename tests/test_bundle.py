"""Our JS and CSS are served as one content-hashed file each; minifying never changes meaning."""
from __future__ import annotations

import re

from curriculum_tools.site.assets import minify_css, minify_js
from helpers import REPO


def test_css_minifier_keeps_strings_and_descendant_pseudo_classes():
    css = '/* note */\n.a :focus-visible { outline: 1px solid red; }\n.b::before{ content: "Right answer: " ; }\n@media print {\n  .c > .d , .e { display : none }\n}\n'
    assert minify_css(css) == '.a :focus-visible{outline: 1px solid red}.b::before{content:"Right answer: "}@media print{.c>.d,.e{display : none}}'


def test_js_minifier_keeps_behaviour_or_falls_back(tmp_path):
    source = "(function(){ var longName = 40; window.answer = longName + 2; })();\n"
    assert minify_js(source, tmp_path) == source  # no terser under tmp_path: served as written
    minified = minify_js(source, REPO)
    assert "window.answer" in minified and len(minified) <= len(source)


def test_built_pages_load_one_bundle_of_each_and_no_source_file(site):
    page = (site.dir / "group-process" / "gp-therapeutic-factors" / "index.html").read_text()
    scripts = re.findall(r'<script src="[^"]*assets/javascripts/(curriculum[^"]*)"', page)
    styles = re.findall(r'href="[^"]*assets/stylesheets/(curriculum[^"]*)"', page)
    assert len(scripts) == 1 and re.fullmatch(r"curriculum\.[0-9a-f]{10}\.js", scripts[0])
    assert len(styles) == 1 and re.fullmatch(r"curriculum\.[0-9a-f]{10}\.css", styles[0])
    for name in ("quiz.js", "recorder.js", "storage.js"):
        assert not (site.dir / "assets" / "javascripts" / name).exists()
    assert not (site.dir / "assets" / "stylesheets" / "quiz.css").exists()
