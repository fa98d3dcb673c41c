"""Serve the project's own JavaScript and CSS as one minified file each.

mkdocs.yml lists the source files (in load order) so authors see what loads; every entry
that is a file of the theme's custom_dir is replaced by one bundle whose name carries a
hash of its content, so browsers may cache it for good. JavaScript is minified by terser
(an npm build dependency in node_modules, cached by content in .cache/bundles); without it
the bundle is served unminified and the build says so. CSS needs no tool: comments and
layout whitespace outside strings are dropped.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue

log = logging.getLogger("mkdocs.plugins.curriculum")

TERSER = Path("node_modules") / "terser" / "bin" / "terser"
CSS_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*")  # never around ":" (".a :focus" differs from ".a:focus")


@dataclass
class Bundle:
    path: str  # where it is served, e.g. assets/javascripts/curriculum.3f2a1b9c.js
    sources: list[str]  # the custom_dir paths it replaces
    content: str


def minify_css(text: str) -> str:
    parts = CSS_STRING.split(text)
    for i in range(0, len(parts), 2):  # even parts lie outside strings
        code = CSS_COMMENT.sub("", parts[i])
        code = CSS_SPACE.sub(r"\1", " ".join(code.split()))
        parts[i] = code.replace(";}", "}")
    return "".join(parts).strip()


def minify_js(text: str, root: Path) -> str:
    terser, node = root / TERSER, shutil.which("node")
    if not terser.is_file() or node is None:
        log.info("terser is not installed (make node-deps): the JavaScript bundle is served unminified")
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()
    cache = root / ".cache" / "bundles" / f"{digest}.js"
    if cache.is_file():
        return cache.read_text(encoding="utf-8")
    done = subprocess.run(
        [node, str(terser), "--compress", "--mangle", "--comments", "false"],
        input=text, capture_output=True, text=True, timeout=120,
    )
    if done.returncode != 0:
        log.warning("terser failed, serving the JavaScript unminified: %s", done.stderr.strip()[:300])
        return text
    cache.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(done.stdout)
    os.replace(tmp, cache)
    return done.stdout


def _own(entries, custom_dir: Path | None) -> list[str]:
    if custom_dir is None:
        return []
    paths = [entry.path if isinstance(entry, ExtraScriptValue) else str(entry) for entry in entries]
    return [p for p in paths if (custom_dir / p).is_file()]


def _bundle(sources: list[str], custom_dir: Path, folder: str, suffix: str, minify) -> Bundle:
    text = "\n".join((custom_dir / p).read_text(encoding="utf-8") for p in sources)
    content = minify(text)
    digest = hashlib.sha256(content.encode()).hexdigest()[:10]
    return Bundle(f"{folder}/curriculum.{digest}.{suffix}", sources, content)


def bundle_assets(config, root: Path) -> list[Bundle]:
    """Replace the project's own extra_javascript and extra_css entries by one bundle each."""
    custom = config.theme.custom_dir
    custom_dir = Path(custom) if custom else None
    bundles = []
    scripts = _own(config.extra_javascript, custom_dir)
    if scripts:
        js = _bundle(scripts, custom_dir, "assets/javascripts", "js", lambda t: minify_js(t, root))
        kept = [e for e in config.extra_javascript if (e.path if isinstance(e, ExtraScriptValue) else str(e)) not in scripts]
        config.extra_javascript = kept + [ExtraScriptValue(js.path)]
        bundles.append(js)
    styles = _own(config.extra_css, custom_dir)
    if styles:
        css = _bundle(styles, custom_dir, "assets/stylesheets", "css", minify_css)
        config.extra_css = [e for e in config.extra_css if e not in styles] + [css.path]
        bundles.append(css)
    return bundles
