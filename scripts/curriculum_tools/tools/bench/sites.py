"""The sites of the build comparison. Ours: the synthetic tree with the repository's
mkdocs.yml and plugin. Plain: the Markdown our plugin produces for every page (module pages
with the quiz HTML in place of its slot, generated pages, glossary abbreviations) written
to files, with the same theme, features and extensions, and the nav our plugin computes, but
no plugin: what plain mkdocs-material does with the same pages. Bare: the same, with each
quiz slot left empty: the Markdown without quizzes rendered."""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url

from curriculum_tools.check import check
from curriculum_tools.site import i18n, slots
from curriculum_tools.site.render import SiteRender
from curriculum_tools.tools.bench.corpus import REPO


class BenchError(Exception):
    pass


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving `!ENV [NAME, default]` the way MkDocs does."""


def _env(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (names + [None])
    return next((os.environ[k] for k in keys if k in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def repo_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry), "")


def write_config(path: Path, docs_dir: str, plugin: bool, nav: list | None = None) -> Path:
    config = repo_config()
    config["docs_dir"] = docs_dir
    config.pop("watch", None)
    config["theme"]["custom_dir"] = str(REPO / config["theme"].get("custom_dir", "site_overrides"))
    # One language on both sides: the synthetic corpus has no translations, and the i18n
    # plugin would only build a fallback copy of every page.
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "i18n"]
    if not plugin:
        config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) != "curriculum"]
    if nav is not None:
        config["nav"] = nav
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _url(src_uri: str) -> str:
    """The url MkDocs gives a page with directory urls."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def plain_markdown(root: Path, quizzes: bool = True) -> tuple[dict[str, str], list]:
    """{src_uri: the Markdown our plugin hands to MkDocs, with its slots filled} and the nav
    it computes; with quizzes=False, each quiz slot stays empty."""
    loaded = check(root)
    if loaded.result.errors:
        raise BenchError(f"the synthetic tree at {root} is invalid: {loaded.result.errors[0]}")
    with i18n.use(i18n.DEFAULT):  # the synthetic sites are English, whatever ran before
        return _plain_markdown(loaded, root, quizzes)


def _plain_markdown(loaded, root: Path, quizzes: bool) -> tuple[dict[str, str], list]:
    render = SiteRender(loaded.curriculum)
    fillers = render.fillers(lambda src, url: get_relative_url(_url(src), url))
    if not quizzes:
        fillers["quiz"] = lambda name, url: slots.slot("quiz", name)  # left as it is
    sources = {
        page.path.split("/", 1)[1]: (root / page.path).read_text(encoding="utf-8") for page in loaded.curriculum.pages
    }
    sources |= {uri: page.markdown for uri, page in render.generated.items()}
    sources |= {module.src_uri: "" for module in loaded.curriculum.modules}
    pages = {}
    for uri, text in sources.items():
        pages[uri], _ = slots.fill(render.page_markdown(uri, text), fillers, _url(uri))
    return pages, render.nav()


def hook_work(root: Path, repeat: int) -> dict:
    """Seconds (wall and CPU, median of `repeat`) of the work our plugin adds to a build: load
    and check everything, then make every page's Markdown and render every quiz."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        plain_markdown(root)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus)}


def write_sites(root: Path, work: Path) -> dict[str, Path]:
    """mkdocs.yml of the three sites: ours (in root); "plain", our Markdown with the quiz HTML
    in it (the same pages); "bare", our Markdown with each quiz slot left empty (the same
    Markdown without quizzes rendered, as mkdocs-quiz measured its plugin)."""
    configs = {"ours": write_config(root / "mkdocs.yml", "curriculum", plugin=True)}
    for name, quizzes in (("plain", True), ("bare", False)):
        pages, nav = plain_markdown(root, quizzes)
        site = work / name
        if site.exists():
            shutil.rmtree(site)
        docs = site / "docs"
        for uri, text in pages.items():
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(text, encoding="utf-8")
        shutil.copytree(REPO / "schemas", docs / "schemas", ignore=shutil.ignore_patterns("*.md"))
        configs[name] = write_config(site / "mkdocs.yml", "docs", plugin=False, nav=nav)
    return configs
