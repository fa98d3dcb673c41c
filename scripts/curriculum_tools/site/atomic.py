"""Build the site atomically: MkDocs writes into a fresh folder beside the target, which
replaces the target only when the whole build succeeded. A failed build leaves the previous
site untouched and no half-written one."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException


class BuildFailed(Exception):
    pass


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True, **overrides) -> Path:
    config_file = Path(config_file).resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    base = load_config(str(config_file), strict=strict, **overrides)
    target = Path(site_dir).resolve() if site_dir else Path(base.site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(staging), **overrides)
        _quiet_mkdocs_errors()
        build(config)
    except (MkDocsException, Abort) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc) or "the build failed (see the messages above)") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def _quiet_mkdocs_errors() -> None:
    """MkDocs logs a PluginError before raising it; we print it ourselves, once."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
