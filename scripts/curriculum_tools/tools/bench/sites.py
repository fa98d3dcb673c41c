"""The sites of the build comparison. Ours: the synthetic tree with the repository's
mkdocs.yml and hooks. Plain: the Markdown our hooks produce for every page (module pages
with the quiz HTML in place of its slot, generated pages, glossary abbreviations) written
to files, with the same theme, features and extensions, and the nav our hooks compute, but
no hooks: what plain mkdocs-material does with the same pages. Bare: the same, with each
quiz slot left empty: the Markdown without quizzes rendered."""
from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

import yaml

from curriculum_tools.site.pages.generated import all_pages
from curriculum_tools.site.pages.glossary_terms import abbreviations
from curriculum_tools.site.hooks import _track_list, build_nav
from curriculum_tools.site.pages.module import QUIZ_SLOT, module_markdown
from curriculum_tools.site.components.quiz.render import render_quiz
from curriculum_tools.check import check
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


def write_config(path: Path, docs_dir: str, hooks: bool, nav: list | None = None) -> Path:
    config = repo_config()
    config["docs_dir"] = docs_dir
    config.pop("watch", None)
    config["theme"]["custom_dir"] = str(REPO / config["theme"].get("custom_dir", "site_overrides"))
    if hooks:
        config["hooks"] = [str(REPO / h) for h in config.get("hooks", [])]
    else:
        config.pop("hooks", None)
    if nav is not None:
        config["nav"] = nav
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def plain_markdown(root: Path, quizzes: bool = True) -> tuple[dict[str, str], list]:
    """{src_uri: the Markdown our hooks hand to MkDocs} and the nav they compute; with
    quizzes=False, each quiz stays an empty slot."""
    loaded = check(root)
    if loaded.result.errors:
        raise BenchError(f"the synthetic tree at {root} is invalid: {loaded.result.errors[0]}")
    c = loaded.curriculum
    abbr = abbreviations(c)
    pages = {}
    for page in c.pages:
        uri = page.path.split("/", 1)[1]
        text = (root / page.path).read_text(encoding="utf-8")
        pages[uri] = (text.replace("<!-- tracks -->", _track_list(c)) if uri == "index.md" else text) + abbr
    generated = all_pages(c)
    for page in generated:
        pages[page.src_uri] = page.markdown + abbr
    for module in c.modules:
        markdown = module_markdown(module, c)
        quiz = c.quiz(module.quiz_id) if module.quiz_id else None
        if quiz is not None and quizzes:
            markdown = markdown.replace(QUIZ_SLOT.format(quiz=module.quiz_id), render_quiz(quiz, module))
        pages[module.src_uri] = markdown + abbr
    return pages, build_nav(c, generated)


def hook_work(root: Path, repeat: int) -> dict:
    """Seconds (wall and CPU, median of `repeat`) of the work our hooks add to a build: load
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
    configs = {"ours": write_config(root / "mkdocs.yml", "curriculum", hooks=True)}
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
        configs[name] = write_config(site / "mkdocs.yml", "docs", hooks=False, nav=nav)
    return configs
