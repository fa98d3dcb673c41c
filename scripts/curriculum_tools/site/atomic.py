"""Build the site atomically: MkDocs writes into a fresh folder beside the target, which
replaces the target only when the whole build succeeded. A failed build leaves the previous
site untouched and no half-written one."""

from __future__ import annotations

import copy
import logging
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


class BuildFailed(Exception):
    pass


@contextmanager
def _one_language(language: str | None):
    """`language`: the site in that language alone, without mkdocs-static-i18n (mkdocs.yml
    reads CURRICULUM_I18N and CURRICULUM_LANG)."""
    if language is None:
        yield
        return
    saved = {name: os.environ.get(name) for name in ("CURRICULUM_I18N", "CURRICULUM_LANG")}
    os.environ.update(CURRICULUM_I18N="false", CURRICULUM_LANG=language)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_site(
    config_file: Path, site_dir: Path | None = None, strict: bool = True, language: str | None = None, **overrides
) -> Path:
    with _one_language(language):
        return _build_site(config_file, site_dir, strict, **overrides)


def _build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True, **overrides) -> Path:
    config_file = Path(config_file).resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    base = load_config(str(config_file), strict=strict, **copy.deepcopy(overrides))  # MkDocs consumes plugin options
    target = Path(site_dir).resolve() if site_dir else Path(base.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    errors = _ErrorCollector()
    logger = _mkdocs_logger()
    logger.addHandler(errors)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(staging), **overrides)
        build(config)
        _canary(config, config_file)
    except (MkDocsException, Abort) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("\n".join(errors.messages) or str(exc) or "the build failed") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logger.removeHandler(errors)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def _canary(config, config_file: Path) -> None:
    """Fail when the site lacks its quizzes or forms, even if no plugin of ours ran (canary.py)."""
    from curriculum_tools.load.loader import load
    from curriculum_tools.site import canary

    plugin = config.plugins.get("curriculum")
    root = Path(plugin.content_root(config)) if plugin is not None else config_file.parent
    rendered = getattr(plugin, "render", None)  # a package's subset of tracks, when the plugin ran
    curriculum = rendered.curriculum if rendered is not None else load(root).curriculum
    problems = canary.missing(Path(config.site_dir), curriculum, config.use_directory_urls)
    if problems:
        raise BuildFailed(canary.message(problems))


class _ErrorCollector(logging.Handler):
    """MkDocs logs an error (a PluginError's message) before it aborts; the message belongs
    in the exception, once, not on the console."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Console(logging.StreamHandler):
    """Warnings to whatever sys.stderr is at the time (so a caller can capture them)."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(lambda record: record.levelno < logging.ERROR)
        self.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _mkdocs_logger() -> logging.Logger:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _Console) for h in logger.handlers):
        logger.addHandler(_Console())
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    return logger
