"""The offline edition (mkdocs-offline.yml): pages opened from disk (file://).

Search there runs its worker in an iframe, through the iframe-worker shim. The shim is
third-party code: it comes from npm into node_modules/ and is copied into the built site,
never into the repository. mkdocs-offline.yml lists it under extra.polyfills by the site
path below, so Material's offline plugin does not add its unpkg.com address instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError

VENDORED = {"assets/javascripts/vendor/iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js"}


def is_offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def vendored_files(config, root: Path) -> list[tuple[str, Path]]:
    """(site path, source) of each third-party script the configuration's polyfills name."""
    wanted = []
    for entry in config.extra.get("polyfills", []) or []:
        path = getattr(entry, "path", entry)
        if path in VENDORED:
            source = root / VENDORED[path]
            if not source.is_file():
                raise PluginError(
                    f"{VENDORED[path]} is missing: the offline edition needs it for search. "
                    "Run `make node-deps` (npm ci) and build again."
                )
            wanted.append((path, source))
        elif "://" in str(path):
            raise PluginError(f"extra.polyfills: {path} is off the site; the site must not load code from elsewhere")
    return wanted


SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def offline_shim(config, root: Path) -> str | None:
    """The iframe-worker shim's source when this is the offline edition (its one inline
    script gets a hash in each page's CSP, theme_fixes.csp_policy); None otherwise."""
    if not is_offline(config):
        return None
    return _read(str(root / VENDORED[SHIM]))


@lru_cache(maxsize=4)
def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""
