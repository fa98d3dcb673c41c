"""Timing and size measurements. Speed is only ever compared as a ratio of runs made in the
same process, interleaved (ours, plain, plain, ours, ...), taking the median of each side."""

from __future__ import annotations

import gzip
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import material

from curriculum_tools.load.schemas import SCHEMA_DIR
from curriculum_tools.site.assets import COMPONENTS
from curriculum_tools.tools.bench.corpus import REPO
from curriculum_tools.tools.bench.sites import BenchError

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise BenchError(f"{' '.join(cmd[:4])} ... failed (exit {done.returncode}):\n{tail}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternate(runs: dict[str, list[list[str]]], repeat: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU seconds of each named run (a run may be several commands, timed
    together), in turn forwards then backwards. CPU time is what a shared machine disturbs least."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for i in range(repeat):
        for name in list(runs) if i % 2 == 0 else list(reversed(runs)):
            pairs = [timed(cmd) for cmd in runs[name]]
            times[name].append((sum(w for w, _ in pairs), sum(c for _, c in pairs)))
    return {
        name: {"wall": statistics.median(w for w, _ in v), "cpu": statistics.median(c for _, c in v)}
        for name, v in times.items()
    }


def ratios(medians: dict[str, dict[str, float]], ours: str, theirs: str) -> dict[str, float]:
    return {kind: medians[ours][kind] / medians[theirs][kind] for kind in ("wall", "cpu")}


def build_runs(configs: dict[str, Path], out: Path) -> dict[str, list[list[str]]]:
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f"]
    return {name: [mkdocs + [str(config), "-d", str(out / f"site-{name}")]] for name, config in configs.items()}


def validate_runs(root: Path, front_matter: Path) -> dict[str, list[list[str]]]:
    """Ours: every check of `curriculum validate`. Theirs: check-jsonschema with our schemas,
    one call per schema, on the same YAML files and the module front matter as YAML files."""
    ours = [[sys.executable, "-m", "curriculum_tools.cli.main", "validate", "--root", str(root)]]
    tool = BIN / "check-jsonschema"
    if not tool.exists():
        return {"ours": ours}
    groups = {
        "tracks": [root / "tracks.yml"],
        "competencies": [root / "competencies.yml"],
        "glossary": sorted((root / "glossary").glob("*.yml")),
        "module": sorted(front_matter.glob("*.yml")),
        "quiz": sorted((root / "quizzes").glob("*.yml")),
    }
    theirs = [
        [str(tool), "--schemafile", str(SCHEMA_DIR / f"{kind}.schema.json"), *map(str, files)]
        for kind, files in groups.items()
    ]
    return {"ours": ours, "check-jsonschema": theirs}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def own_assets(page: dict) -> dict:
    """The JS and CSS this project adds, as served (the files a module page loads that are
    not Material's, each cached alone); and its source files, before any build step."""
    files = sorted(
        p
        for p in [*COMPONENTS.rglob("*"), *(REPO / "site_overrides" / "assets").rglob("*")]
        if p.suffix in (".js", ".css")
    )
    blobs = [p.read_bytes() for p in files]
    loaded = page["assets"]
    return {
        "files": loaded["ours_files"],
        "raw": loaded["ours_raw"],
        "gzip": loaded["ours_gzip"],
        "source_files": len(files),
        "source_raw": sum(map(len, blobs)),
        "source_gzip": sum(map(gz, blobs)),
    }


_ASSET = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*rel="stylesheet"[^>]*\bhref)="([^"]+)"')
MATERIAL = {p.name for p in (Path(material.__file__).parent / "templates" / "assets").rglob("*")}


def page_weight(site: Path, page: Path) -> dict:
    """Bytes of one built page and of every same-origin JS and CSS file it loads."""
    html = page.read_bytes()
    loaded = {"raw": 0, "gzip": 0, "files": 0, "ours_raw": 0, "ours_gzip": 0, "ours_files": 0}
    for href in _ASSET.findall(html.decode("utf-8")):
        if "://" in href or href.startswith("//"):
            raise BenchError(f"{page} loads {href} from another origin")
        path = (page.parent / href.split("?")[0]).resolve()
        if site.resolve() not in path.parents or not path.is_file():
            continue
        data = path.read_bytes()
        loaded["files"] += 1
        loaded["raw"] += len(data)
        loaded["gzip"] += gz(data)
        if path.name not in MATERIAL:
            loaded["ours_files"] += 1
            loaded["ours_raw"] += len(data)
            loaded["ours_gzip"] += gz(data)
    return {"html_raw": len(html), "html_gzip": gz(html), "assets": loaded}


# One page of each kind the site has, by its path in a built site (directory URLs); each kind
# loads its own bundle (site/assets.py audience_of).
PAGE_KINDS = {
    "home": "index.html",
    "track overview": "{track}/index.html",
    "module": "{track}/{module}/index.html",
    "glossary": "glossary/index.html",
    "my progress": "progress/index.html",
    "review": "review/index.html",
    "printable edition": "print/index.html",
    "supervisors: how records work": "supervisors/index.html",
    "supervisors: checklist": "supervisors/{checklist}/index.html",
    "supervisors: dashboard": "supervisors/dashboard/index.html",
}


def asset_kinds(site: Path, track: str, module: str, checklist: str | None) -> dict[str, dict]:
    """Our JS+CSS as each kind of page loads it: {kind: {"files", "raw", "gzip"}}; kinds the
    site lacks (no checklist yet) are left out."""
    out = {}
    for kind, pattern in PAGE_KINDS.items():
        if "{checklist}" in pattern and checklist is None:
            continue
        page = site / pattern.format(track=track, module=module, checklist=checklist)
        if not page.is_file():
            raise BenchError(f"{page} is missing: cannot measure the {kind} page")
        weight = page_weight(site, page)["assets"]
        out[kind] = {
            "files": weight["ours_files"],
            "raw": weight["ours_raw"],
            "gzip": weight["ours_gzip"],
            "later": first_use(page),
        }
    return out


def first_use(page: Path) -> dict[str, int]:
    """What the page may load on first use, gzipped: by its bundle's parts (site/assets.py
    LOADS), at the addresses its bundle's tag carries."""
    from curriculum_tools.site.assets import AUDIENCES
    from curriculum_tools.site.assets import first_use as later

    tag = next((t for t in re.findall(r"<script [^>]*>", page.read_text(encoding="utf-8")) if "curriculum-" in t), "")
    audience = re.search(r'\bsrc="[^"]*curriculum-([a-z]+)\.[0-9a-f]+\.js"', tag)
    if audience is None:
        return {}
    return {
        name: gz((page.parent / href.group(1)).read_bytes())
        for name in later(AUDIENCES[audience.group(1)])
        if (href := re.search(rf'\bdata-{name}="([^"]+)"', tag))
    }


def repository_asset_kinds(out: Path, built: Path | None = None) -> dict[str, dict]:
    """Measure our assets on each kind of page of the repository's own site: the build given
    (a site folder), or one built here."""
    from curriculum_tools.check import check

    curriculum = check(REPO).curriculum
    if built is not None:
        site = built.resolve()
        if not (site / "index.html").is_file() or not (site / "assets" / "javascripts").is_dir():
            raise BenchError(f"--site {built}: not a built site (no index.html and assets/javascripts/ there)")
    else:
        site = out / "site-repository"
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
            env={**ENV, "SITE_URL": "http://127.0.0.1:8000/"},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BenchError("building the repository's site failed:\n" + (done.stdout + done.stderr)[-1500:])
    module = next(m for t in curriculum.tracks for m in curriculum.modules_in(t.id))
    checklist = min((c.id for c in curriculum.checklists), default=None)
    return asset_kinds(site, module.track, module.id, checklist)
