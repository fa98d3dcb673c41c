"""Serve the project's own JavaScript and CSS as one minified bundle per audience.

Each browser component lives in site/components/<name>/ (render.py, <name>.js, <name>.css).
Each page loads one bundle, by its kind (AUDIENCES, audience_of): trainee pages only trainee
code (shared, navigation marks, and the quiz or the progress page where there is one), a
checklist page the recorder, the dashboard its own; supervisor code never loads on a
trainee page; a scenario page loads the scenario player, and only it does. A bundle's
name carries a hash of its content, so browsers may cache it for good. The theme partials
write the tags: the stylesheet in the head (partials/javascripts/base.html) and the script
inside Material's page container (partials/javascripts/content.html), which instant
navigation swaps and runs, so a page reached by instant navigation gets its own bundle.

JavaScript is minified by terser (an npm build dependency in node_modules, cached by
content in .cache/bundles); without it the bundle is served unminified and the build says
so. CSS needs no tool: comments and layout whitespace outside strings are dropped. UI
strings come from one catalogue per language (components/shared/strings.<lang>.json); each
bundle carries the sections of its components.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.curriculum")

COMPONENTS = Path(__file__).resolve().parent / "components"
TERSER = Path("node_modules") / "terser" / "bin" / "terser"
CSS_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*")  # never around ":" (".a :focus" differs from ".a:focus")

# Each part: its scripts and stylesheets (relative to components/), in load order; the part's
# name is also its section of the strings catalogue.
PARTS: dict[str, tuple[list[str], list[str]]] = {
    "shared": (["shared/start.js", "shared/store.js", "shared/dom.js"], ["shared/shared.css", "shared/print.css"]),
    "dialog": (["shared/dialog.js"], []),  # loaded on first use (dom.js confirm)
    "dialogstyle": ([], ["shared/dialog.css"]),
    "records": (["shared/records.js"], []),
    "schema": (["shared/schema.js"], []),  # the record schema's checks (dashboard, export, import)
    "exchange": (["recorder/exchange.js"], []),  # export and import of records, loaded on first use
    "rating": (["shared/rating.js"], []),
    "navmarks": (["progress/navmarks.js"], ["progress/navmarks.css"]),
    "progress": (["progress/progress.js"], ["progress/progress.css"]),
    "transfer": (["progress/transfer.js"], []),
    "schedule": (["review/schedule.js"], []),
    "review": (["review/review.js"], ["review/review.css"]),
    "order": (["quiz/order.js"], []),  # shuffling and reordering (quiz, review)
    "quizstart": (["quiz/layout.js"], []),  # lays a quiz out at once, loads the rest on first use
    "questions": (["quiz/questions.js"], []),  # checking, scoring, the question views (quiz, review)
    "quiz": (["quiz/quiz.js"], []),
    "answers": ([], ["quiz/quiz.css"]),  # the quiz's styles: questions, answers, explanations
    "answersheet": ([], ["quiz/print-edition.css"]),  # the printable edition's answer sheets
    "recorder": (["recorder/recorder.js"], ["recorder/recorder.css"]),
    "fields": ([], ["shared/fields.css"]),
    "plan": (["dashboard/plan.js"], []),  # assessment-plan progress (the dashboard, once records exist)
    "dashboard": (["dashboard/dashboard.js"], ["dashboard/dashboard.css"]),
    "scenario": (["scenario/scenario.js"], ["scenario/scenario.css"]),
    "scorm": (["shared/unit.js", "scorm/scorm.js"], []),
    "cmi5": (["shared/unit.js", "cmi5/cmi5.js"], ["cmi5/cmi5.css"]),
}
# A part whose strings are another section of the catalogue (the quiz's strings serve its
# questions' views, on the Review page too, and the component that loads with them).
STRINGS_OF: dict[str, str] = {"questions": "quiz", "quiz": ""}
# Who loads what: each page loads exactly one of these (audience_of).
AUDIENCES: dict[str, list[str]] = {
    "page": ["shared", "navmarks"],  # home, tracks, glossary: trainee pages without a widget
    # module pages: the quiz laid out at once, its code (the quiz bundle) on first use
    "module": ["shared", "navmarks", "answers", "order", "quizstart"],
    "print": ["shared", "navmarks", "answers", "answersheet"],  # the printable edition: answer sheets, no quiz to take
    "progress": [
        "shared",
        "dialogstyle",
        "navmarks",
        "schedule",
        "progress",
    ],  # My progress (its export/import: the transfer bundle, loaded by progress.js on first use)
    "scenario": ["shared", "navmarks", "scenario"],  # scenarios/<id> (not the index)
    # Review (spaced review of quiz questions)
    # (checking an answer: the questions bundle, loaded on the first press)
    "review": ["shared", "navmarks", "schedule", "answers", "order", "review"],
    "checklist": ["shared", "dialogstyle", "records", "fields", "recorder"],  # supervisors/<checklist>
    # supervisors/dashboard: its filters and tables (the sign-off rules load once records exist)
    "dashboard": ["shared", "records", "fields", "dashboard"],
    # The sign-off rules: the record schema's checks, the latest rating per competency and
    # assessment-plan progress. dashboard.js loads them as it starts when the browser holds
    # any record (an empty dashboard has nothing to check or count).
    "signoff": ["schema", "rating", "plan"],
    # Spaced review's schedule alone: navmarks.js loads it on other trainee pages once a quiz
    # has been saved, for the count of questions due (the theme writes its address beside the bundle).
    "schedule": ["schedule"],
    # The quiz's code alone: layout.js loads it on a module page when the quiz comes near the
    # screen, takes focus or a press, or has saved answers (its address beside the bundle).
    "quiz": ["questions", "quiz"],
    # The quiz's checking, scoring and question views alone: review.js loads them on the
    # Review page's first check (it has no quiz of its own to run).
    "questions": ["questions"],
    # The confirmation dialog alone: dom.js loads it on the first question it asks.
    "dialog": ["dialog"],
    # Export and import of supervisor records, with the schema's checks: records.js loads it
    # on a checklist page's (or the dashboard's) first Export or Import.
    "exchange": ["schema", "exchange"],
    # Export/import of progress alone: progress.js loads it on the first press of Export or
    # Import (the theme writes its address beside the bundle).
    "transfer": ["transfer"],
}
# Parts of a page's code that load on first use: part -> the audiences it may load (their
# address in its bundle's data-<name>, which the theme writes: partials/javascripts/content.html).
LOADS: dict[str, tuple[str, ...]] = {
    "navmarks": ("schedule",),  # once a quiz has been saved, for the count of questions due
    "quizstart": ("quiz",),  # on the quiz's first focus or press
    "review": ("questions",),  # checking an answer
    "progress": ("transfer", "dialog"),  # Export or Import; Delete my progress
    "records": ("exchange",),  # a record's export or import
    "recorder": ("dialog",),  # deleting a record
    "dashboard": ("signoff",),  # as it starts, when the browser holds any record
}
ON_FIRST_USE = tuple(dict.fromkeys(name for names in LOADS.values() for name in names))


def first_use(parts: list[str]) -> list[str]:
    """The audiences a page of these parts may load later: those it lacks a part of."""
    names = dict.fromkeys(name for part in parts for name in LOADS.get(part, ()))
    return [name for name in names if not set(AUDIENCES[name]) <= set(parts)]


SUPERVISOR_PAGES = "supervisors/"
SUPERVISOR_INTRO = "supervisors/index.md"  # prose only
DASHBOARD_PAGE = "supervisors/dashboard.md"
PROGRESS_PAGE = "progress.md"  # site/pages/generated.py progress_page
SCENARIO_PAGES = "scenarios/"  # site/pages/scenario.py
SCENARIO_INDEX = "scenarios/index.md"  # a list, no player
REVIEW_PAGE = "review.md"  # site/pages/generated.py review_page
PRINT_PAGE = "print.md"  # site/pages/print_edition.py SRC_URI
# LMS packages (plugin option lms): module pages also load the SCO runtime, before the quiz
# (it supplies the quiz's stored state from the LMS before the quiz reads it), and so do
# scenario pages.
LMS_RUNTIMES: dict[str, str] = {"scorm12": "scorm", "scorm2004": "scorm", "cmi5": "cmi5"}  # lms -> its part
# Scenario pages are pages of their module's SCO / AU: the runtime records their endings.
LMS_AUDIENCES: dict[str, str] = {
    "module": "quiz",
    "scenario": "scenario",
}  # audience -> the part the runtime goes before
# In a package the module bundle carries the quiz's code itself (the runtime hands it the
# learner's stored state as it starts): these parts go at the end of the audience first.
LMS_EAGER: dict[str, list[str]] = {"module": ["questions", "quiz"]}
# Material's start-up and palette scripts, moved out of its inline <script> blocks (strict
# CSP) into site_overrides; served minified under the same names.
THEME_SCRIPTS = ["assets/javascripts/md-setup.js", "assets/javascripts/md-palette.js"]


@dataclass
class Bundle:
    path: str  # where it is served, e.g. assets/javascripts/curriculum-trainee.3f2a1b9c.js
    content: str
    sources: list[str] = field(default_factory=list)  # the component files it is made of


def audience_of(src_uri: str, module_uris=()) -> str:
    """Which bundle a page loads: a checklist page the recorder, the dashboard its own, module
    pages the quiz, the printable edition the quiz's styles alone, My progress its own, every other page the least."""
    if src_uri == DASHBOARD_PAGE:
        return "dashboard"
    if src_uri.startswith(SUPERVISOR_PAGES) and src_uri != SUPERVISOR_INTRO:
        return "checklist"
    if src_uri in module_uris:
        return "module"
    if src_uri == PRINT_PAGE:
        return "print"
    if src_uri.startswith(SCENARIO_PAGES) and src_uri != SCENARIO_INDEX:
        return "scenario"
    if src_uri == REVIEW_PAGE:
        return "review"
    return "progress" if src_uri == PROGRESS_PAGE else "page"


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
        [node, str(terser), "--compress", "passes=2", "--mangle", "--comments", "false"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
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


def strings(language: str) -> dict[str, dict[str, str]]:
    """The UI strings catalogue: one section per part; English where a language has none."""
    catalogue = json.loads((COMPONENTS / "shared" / "strings.en.json").read_text(encoding="utf-8"))
    other = COMPONENTS / "shared" / f"strings.{language}.json"
    if language != "en" and other.is_file():
        for section, texts in json.loads(other.read_text(encoding="utf-8")).items():
            catalogue.setdefault(section, {}).update(texts)
    return catalogue


def script_text(parts: list[str], language: str = "en") -> str:
    """One audience's JavaScript, unminified: the shared code, its strings, its components."""
    catalogue = strings(language)
    sections = [STRINGS_OF.get(part, part) for part in parts]
    texts = {key: text for section in sections for key, text in catalogue.get(section, {}).items()}
    chunks = []
    if "shared" not in parts:  # a part loaded later into a page whose bundle has the registry
        chunks.append(f"window.curriculum.addStrings({json.dumps(texts, ensure_ascii=False, sort_keys=True)});\n")
    for part in parts:
        chunks += [(COMPONENTS / p).read_text(encoding="utf-8") for p in PARTS[part][0]]
        if part == "shared":  # the registry exists from here on
            chunks.append(f"window.curriculum.addStrings({json.dumps(texts, ensure_ascii=False, sort_keys=True)});\n")
    return "\n".join(chunks)


def style_text(parts: list[str]) -> str:
    return "\n".join((COMPONENTS / p).read_text(encoding="utf-8") for part in parts for p in PARTS[part][1])


def _hashed(folder: str, name: str, suffix: str, content: str, sources: list[str]) -> Bundle:
    digest = hashlib.sha256(content.encode()).hexdigest()[:10]
    return Bundle(f"{folder}/curriculum-{name}.{digest}.{suffix}", content, sources)


def audiences(lms: str | None = None) -> dict[str, list[str]]:
    """Each audience's parts; in an LMS package (lms set) with the SCO runtime."""
    out = {audience: list(parts) for audience, parts in AUDIENCES.items()}
    if lms:
        for audience, more in LMS_EAGER.items():
            out[audience] += more
        for audience, before in LMS_AUDIENCES.items():
            parts = out[audience]
            parts.insert(parts.index(before), LMS_RUNTIMES[lms])
    return out


def build_bundles(root: Path, language: str = "en", lms: str | None = None) -> dict[str, dict[str, Bundle]]:
    """audience -> {"js": Bundle, "css": Bundle}."""
    out = {}
    for audience, parts in audiences(lms).items():
        scripts = [p for part in parts for p in PARTS[part][0]]
        styles = [p for part in parts for p in PARTS[part][1]]
        js = minify_js(script_text(parts, language), root)
        out[audience] = {
            "js": _hashed("assets/javascripts", audience, "js", js, scripts),
            "css": _hashed("assets/stylesheets", audience, "css", minify_css(style_text(parts)), styles),
        }
    return out


def bundle_assets(config, root: Path, lms: str | None = None) -> list[Bundle]:
    """Make the bundles and tell the theme partials their paths (config.extra.curriculum_assets:
    audience -> {"js": path, "css": path}); returns the bundles to add to the site's files."""
    language = (config.theme.get("language") if hasattr(config.theme, "get") else None) or "en"
    bundles = build_bundles(root, language, lms)
    config.extra["curriculum_assets"] = {
        audience: {kind: bundle.path for kind, bundle in pair.items()} for audience, pair in bundles.items()
    }
    config.extra["curriculum_later"] = [name for name in ON_FIRST_USE if name in bundles]
    theme = []
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    for path in THEME_SCRIPTS:
        if custom is not None and (custom / path).is_file():
            theme.append(Bundle(path, minify_js((custom / path).read_text(encoding="utf-8"), root), [path]))
    return [bundle for pair in bundles.values() for bundle in pair.values()] + theme
