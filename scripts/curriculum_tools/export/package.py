"""Package the curriculum for an LMS (SCORM 1.2, SCORM 2004, cmi5), the part every format
shares: build the offline edition of the site (mkdocs-offline.yml: no instant navigation,
relative links, nothing off the package) for the chosen tracks, with the plugin's `lms`
option so module pages load that format's runtime; collect its files; let the format's
writer add its manifest; write one deterministic zip (sorted names, fixed dates and
modes), beside the target first and renamed into place only when complete.

A format plugs in with a ManifestWriter: a function of the Built package returning the
files to add at the zip's root ({"imsmanifest.xml": bytes}); and, optionally, a preflight
that refuses a curriculum the format cannot carry (one `path:line:col: message` per
problem). export/scorm.py is one; build_package(model, tracks, lms=..., out=...,
manifest_writer=...) is the whole call.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.export.common import ExportError, check_target, deterministic_zip, write_atomic
from curriculum_tools.site.canary import page_file

OFFLINE_CONFIG = "mkdocs-offline.yml"
# Files of the offline edition an LMS package has no use for (sitemaps name the public site).
LEFT_OUT = ("sitemap.xml", "sitemap.xml.gz")
BUILD_DATE = "1767225600"  # 2026-01-01: what the build stamps into pages, so the same input gives the same bytes


@dataclass
class Built:
    """What a manifest writer gets: the model of the packaged tracks, and the files."""

    curriculum: Curriculum  # only the packaged tracks (Curriculum.only_tracks)
    lms: str
    title: str  # the site's name
    files: dict[str, bytes]  # path in the zip (posix) -> content, every file of the built site

    def page(self, module: Module) -> str:
        """The zip path of a module's page (the SCO's or AU's launch file)."""
        return page_file(Path("."), module.src_uri, use_directory_urls=False).as_posix()


ManifestWriter = Callable[[Built], dict[str, bytes]]
Preflight = Callable[[Curriculum], list[str]]


def select_tracks(curriculum: Curriculum, tracks: list[str] | None) -> Curriculum:
    """The curriculum with only these tracks (all when none given); unknown ids refused."""
    if not tracks:
        return curriculum
    known = [t.id for t in curriculum.tracks]
    for track in tracks:
        if track not in known:
            raise ExportError(f"tracks.yml:1:1: no track {track!r}; the tracks are {', '.join(known)}")
    return curriculum.only_tracks(tracks)


def plugins_for(root: Path, lms: str, tracks: list[str] | None, options: dict | None = None) -> list:
    """mkdocs-offline.yml's plugin list with the curriculum plugin set for this package."""
    from mkdocs.utils import yaml_load

    with open(root / OFFLINE_CONFIG, encoding="utf-8") as fh:
        plugins = yaml_load(fh).get("plugins", [])
    options = {**(options or {}), "lms": lms, "tracks": list(tracks or [])}
    out = []
    for entry in plugins:
        name = entry if isinstance(entry, str) else next(iter(entry))
        out.append(
            {"curriculum": {**(entry.get(name) or {} if isinstance(entry, dict) else {}), **options}}
            if name == "curriculum"
            else entry
        )
    return out


def build_site_files(root: Path, lms: str, tracks: list[str] | None, options: dict | None = None) -> dict[str, bytes]:
    """The offline edition for these tracks, with the LMS runtime, as {zip path: bytes};
    options: more curriculum plugin options (a cmi5 package's lrs_origins)."""
    from curriculum_tools.site.atomic import BuildFailed, build_site

    config = root / OFFLINE_CONFIG
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_DATE
    try:
        with tempfile.TemporaryDirectory(prefix="curriculum-package-") as tmp:
            try:
                site = build_site(
                    config, Path(tmp) / "site", strict=True, plugins=plugins_for(root, lms, tracks, options)
                )
            except BuildFailed as exc:
                raise ExportError(f"the site did not build, so no package was written:\n{exc}") from None
            return {
                path.relative_to(site).as_posix(): path.read_bytes()
                for path in sorted(site.rglob("*"))
                if path.is_file() and path.suffix != ".map" and path.name not in LEFT_OUT
            }
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def site_title(root: Path) -> str:
    from mkdocs.utils import yaml_load

    config = root / OFFLINE_CONFIG
    if not config.is_file():
        raise ExportError(f"{config}: missing; the package is built from the offline edition's configuration")
    with open(config, encoding="utf-8") as fh:
        return str(yaml_load(fh).get("site_name") or "Curriculum")


def build_package(
    model: Curriculum,
    tracks: list[str] | None,
    lms: str,
    out: Path,
    manifest_writer: ManifestWriter,
    preflight: Preflight | None = None,
    root: Path | None = None,
    options: dict | None = None,
) -> Built:
    """Write the package to `out`; ExportError (one line per problem) for bad input, and
    then nothing is written. `model`: the checked curriculum (every track); `options`: more
    curriculum plugin options for the build (build_site_files)."""
    root = Path(root or model.root)
    out = Path(out)
    check_target(out)
    chosen = select_tracks(model, tracks)
    if not chosen.modules:
        raise ExportError("tracks.yml:1:1: the chosen tracks have no modules; a package needs at least one")
    if preflight is not None and (problems := preflight(chosen)):
        raise ExportError("\n".join(problems))
    title = site_title(root)
    built = Built(chosen, lms, title, build_site_files(root, lms, tracks, options))
    extra = manifest_writer(built)
    clash = sorted(set(extra) & set(built.files))
    if clash:
        raise ExportError(f"the site already has {', '.join(clash)}; the manifest cannot replace it")
    write_atomic(out, deterministic_zip({**built.files, **extra}))
    return built
