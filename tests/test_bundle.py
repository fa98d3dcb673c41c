"""Our JS and CSS are served as one content-hashed bundle of each per audience (trainee pages,
supervisor pages); minifying never changes meaning."""

from __future__ import annotations

import re

from curriculum_tools.site.assets import minify_css, minify_js
from helpers import REPO


def test_css_minifier_keeps_strings_and_descendant_pseudo_classes():
    css = '/* note */\n.a :focus-visible { outline: 1px solid red; }\n.b::before{ content: "Right answer: " ; }\n@media print {\n  .c > .d , .e { display : none }\n}\n'
    assert (
        minify_css(css)
        == '.a :focus-visible{outline: 1px solid red}.b::before{content:"Right answer: "}@media print{.c>.d,.e{display : none}}'
    )


def test_js_minifier_keeps_behaviour_or_falls_back(tmp_path):
    source = "(function(){ var longName = 40; window.answer = longName + 2; })();\n"
    assert minify_js(source, tmp_path) == source  # no terser under tmp_path: served as written
    minified = minify_js(source, REPO)
    assert "window.answer" in minified and len(minified) <= len(source)


def bundles_of(page: str) -> tuple[list[str], list[str]]:
    scripts = re.findall(r'<script src="[^"]*assets/javascripts/(curriculum[^"]*)"', page)
    styles = re.findall(r'href="[^"]*assets/stylesheets/(curriculum[^"]*)"', page)
    return scripts, styles


def test_built_pages_load_their_audience_bundle_and_no_source_file(site):
    module = (site.dir / "group-process" / "gp-therapeutic-factors" / "index.html").read_text()
    scripts, styles = bundles_of(module)
    assert len(scripts) == 1 and re.fullmatch(r"curriculum-module\.[0-9a-f]{10}\.js", scripts[0])
    assert len(styles) == 1 and re.fullmatch(r"curriculum-module\.[0-9a-f]{10}\.css", styles[0])
    kinds = {
        "index.html": "page",
        "glossary/index.html": "page",
        "progress/index.html": "progress",
        "review/index.html": "review",
        "print/index.html": "print",
        "supervisors/index.html": "page",
        "supervisors/dashboard/index.html": "dashboard",
        "supervisors/observed-group-session/index.html": "checklist",
    }
    for rel, kind in kinds.items():
        scripts, styles = bundles_of((site.dir / rel).read_text())
        assert len(scripts) == 1 and re.fullmatch(rf"curriculum-{kind}\.[0-9a-f]{{10}}\.js", scripts[0]), rel
        assert len(styles) == 1 and re.fullmatch(rf"curriculum-{kind}\.[0-9a-f]{{10}}\.css", styles[0]), rel
    code = {p.name.split(".")[0]: p.read_text() for p in (site.dir / "assets" / "javascripts").glob("curriculum-*.js")}
    for trainee in (
        "curriculum-page",
        "curriculum-module",
        "curriculum-progress",
    ):  # supervisor code stays off trainee pages
        assert (
            '"recorder"' not in code[trainee]
            and '"dashboard"' not in code[trainee]
            and "latestRating" not in code[trainee]
        ), trainee
    # the printable edition is answer sheets: the quiz's styles, none of its code
    assert "answerOf" not in code["curriculum-print"] and 'component("quiz' not in code["curriculum-print"]
    # a module page lays its quiz out at once and loads the quiz's code on first use: the quiz
    # bundle, alone (its address beside the bundle), with the quiz's strings but not the registry
    assert 'component("quizstart"' in code["curriculum-module"] and "answerOf" not in code["curriculum-module"]
    assert 'component("quiz"' in code["curriculum-quiz"] and "answerOf" in code["curriculum-quiz"]
    assert "addStrings:function" not in code["curriculum-quiz"] and "quiz.passed" in code["curriculum-quiz"]
    module = site.dir / "group-process" / "gp-therapeutic-factors" / "index.html"
    (address,) = re.findall(r'data-quiz="([^"]+)"', module.read_text())
    assert (module.parent / address).resolve().name.startswith("curriculum-quiz.")
    # the Review page checks answers with the quiz's questions, not its component
    # the Review page checks answers with the quiz's questions (loaded on its first check), not its component
    assert "scoreQuiz:" not in code["curriculum-review"] and 'component("quiz"' not in code["curriculum-review"]
    assert "scoreQuiz:" in code["curriculum-questions"] and 'component("quiz"' not in code["curriculum-questions"]
    review = site.dir / "review" / "index.html"
    (address,) = re.findall(r'data-questions="([^"]+)"', review.read_text())
    assert (review.parent / address).resolve().name.startswith("curriculum-questions.")
    # the dashboard opens with its tables alone; the sign-off rules come once records exist
    assert "latestRating=" not in code["curriculum-dashboard"] and "KEYWORDS=" not in code["curriculum-dashboard"]
    assert "latestRating=" in code["curriculum-signoff"] and "KEYWORDS=" in code["curriculum-signoff"]
    dashboard = site.dir / "supervisors" / "dashboard" / "index.html"
    (address,) = re.findall(r'data-signoff="([^"]+)"', dashboard.read_text())
    assert (dashboard.parent / address).resolve().name.startswith("curriculum-signoff.")
    for trainee in (
        "curriculum-page",
        "curriculum-module",
        "curriculum-progress",
    ):  # the Review page's code stays on it
        assert "reviewPage" not in code[trainee] and 'component("review"' not in code[trainee], trainee
    # spaced review's schedule: in the Review page's and My progress's bundles, and alone (loaded
    # by navmarks.js once a quiz is saved), where it brings its strings but not the registry
    for name in ("curriculum-review", "curriculum-progress", "curriculum-schedule"):
        assert "answersOf" in code[name] and "review.navDue" in code[name], name
    assert (
        "addStrings:function" not in code["curriculum-schedule"]
        and "curriculum.addStrings(" in code["curriculum-schedule"]
    )
    assert '"quiz"' not in code["curriculum-checklist"] and '"dashboard"' not in code["curriculum-checklist"]
    # the printable edition is answer sheets: the quiz's looks, not its code
    # export/import of progress: not in My progress's bundle but alone, its address beside the bundle
    # (progress.js loads it on the first Export or Import), with its strings but not the registry
    assert "makeExport" not in code["curriculum-progress"] and "makeExport" in code["curriculum-transfer"]
    assert "transfer.refused.none" not in code["curriculum-progress"]
    assert (
        "addStrings:function" not in code["curriculum-transfer"] and "transfer.exported" in code["curriculum-transfer"]
    )
    progress = site.dir / "progress" / "index.html"
    (address,) = re.findall(r'data-transfer="([^"]+)"', progress.read_text())
    assert (progress.parent / address).resolve().name.startswith("curriculum-transfer.")
    assert (progress.parent / address).resolve().is_file()
    for name in ("quiz.js", "recorder.js", "storage.js", "records.js"):
        assert not (site.dir / "assets" / "javascripts" / name).exists()
    assert not (site.dir / "assets" / "stylesheets" / "quiz.css").exists()


def test_every_component_file_is_in_a_bundle():
    """A component's JS or CSS that no bundle lists would silently never load."""
    from curriculum_tools.site.assets import COMPONENTS, LMS_RUNTIMES, PARTS, audiences

    every = [audiences()] + [audiences(lms) for lms in LMS_RUNTIMES]  # LMS packages add their runtime
    listed = {
        p
        for part in {part for a in every for parts in a.values() for part in parts}
        for kind in PARTS[part]
        for p in kind
    }
    present = {p.relative_to(COMPONENTS).as_posix() for p in COMPONENTS.rglob("*") if p.suffix in (".js", ".css")}
    assert present == listed


def test_what_loads_on_first_use_is_declared_where_the_code_reads_it():
    """site/assets.py LOADS says which part loads which bundle later (the bench reports it, the
    theme writes the addresses): it must match the code that reads those addresses."""
    from curriculum_tools.site.assets import COMPONENTS, LOADS, ON_FIRST_USE, PARTS

    def code(part):
        return "".join((COMPONENTS / p).read_text(encoding="utf-8") for p in PARTS[part][0])

    read = {part: set(re.findall(r"dataset\.([a-z]+)", code(part))) for part in PARTS}
    assert set().union(*read.values()) == set(ON_FIRST_USE)
    for part, names in LOADS.items():
        for name in names:  # the dialog's address is read by dom.js, whose confirm() loads it
            assert name in read[part] or (name == "dialog" and "dom.confirm(" in code(part)), (part, name)
    for part, names in read.items():
        for name in names - set(LOADS.get(part, ())):
            assert part == "shared" and name == "dialog", (part, name)
