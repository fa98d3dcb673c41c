"""The site in two languages: catalogues with the same keys, plurals from the catalogue,
translation rules on a copy of a translated tree (stale after the source changes, clear
after the hash is updated), `curriculum translations`, and the Spanish site in a real
browser: no English interface string on a Spanish page of any kind, axe in both schemes,
and a quiz passed in Spanish counting on the English progress page.

The tree is the minimal fixture with a Spanish home page, module, quiz and tracks file
(tests/fixtures/valid/translated, made from tests/fixtures/translations/es), and its own
small scenario (scenarios/sc-late-arrival.yml, the role-play brief of its checklist), so the
walk covers a scenario page, the scenarios index, the Review page, the module page's Rehearse
box and the checklist's brief."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

import axecheck
from helpers import FIXTURES, REPO, TODAY, link_node_tools, open_quiz, run_cli

TREE = FIXTURES / "valid" / "translated"
SHARED = REPO / "scripts" / "curriculum_tools" / "site" / "components" / "shared"
BUILD_STRINGS = REPO / "scripts" / "curriculum_tools" / "site" / "strings"
# Spanish values that are rightly the same as the English (the same word in both languages, or
# only placeholders and punctuation).
SAME_IN_SPANISH = {"dashboard.no", "list.and", "report.sep", "report.req.some", "report.problem.error"}
# One page of every kind a Spanish reader visits (site-relative under es/).
SPANISH_PAGES = {
    "home": "es/",
    "module (translated, with its quiz and a Rehearse box)": "es/demo/demo-module/",
    "track": "es/demo/",
    "progress": "es/progress/",
    "glossary": "es/glossary/",
    "printable edition": "es/print/",
    "scenario": "es/scenarios/sc-late-arrival/",
    "scenarios index": "es/scenarios/",
    "review": "es/review/",
    "checklist (with a role-play brief)": "es/supervisors/demo-checklist/",
    "page in English (fallback)": "es/accessibility/",
}


def _browser_catalogue(lang: str) -> dict[str, str]:
    data = json.loads((SHARED / f"strings.{lang}.json").read_text(encoding="utf-8"))
    return {key: text for section in data.values() for key, text in section.items()}


def _build_catalogue(lang: str) -> dict[str, str]:
    return json.loads((BUILD_STRINGS / f"{lang}.json").read_text(encoding="utf-8"))


# -- catalogues ----------------------------------------------------------------------------
@pytest.mark.parametrize("load", [_browser_catalogue, _build_catalogue], ids=["browser", "build"])
def test_every_language_has_the_same_keys(load):
    assert set(load("es")) == set(load("en"))


def test_spanish_differs_from_english_except_where_allowed():
    en = {**_browser_catalogue("en"), **_build_catalogue("en")}
    es = {**_browser_catalogue("es"), **_build_catalogue("es")}
    same = {key for key in en if es[key] == en[key]}
    assert same == SAME_IN_SPANISH, "a Spanish string equal to the English one must be allowed explicitly"


def test_plurals_come_from_the_catalogue():
    from curriculum_tools.site.i18n import format_message, t

    assert t("tracks.item", "en", link="A", summary="B", n=1) == "A: B (1 module)"
    assert t("tracks.item", "en", link="A", summary="B", n=3) == "A: B (3 modules)"
    assert t("tracks.item", "es", link="A", summary="B", n=1) == "A: B (1 módulo)"
    assert t("tracks.item", "es", link="A", summary="B", n=0) == "A: B (0 módulos)"
    assert format_message("{n, plural, =0 {none} one {# one} other {# many}}", "en", {"n": 0}) == "none"


# A count glued to a plural noun ("{n} questions", "question(s)") reads wrongly for 1 and
# cannot follow another language's rule: counts take a plural block.
COUNT_NOUN = re.compile(r"\{\w+\} [a-z]+s\b|\w\((?:s|es)\)")
NOT_A_COUNT = {
    "recorder.notJson",
    "recorder.already",
    "supervisors.rule",
    "certificate.certifies",
}  # {file} is, {issuer} certifies


def _without_plurals(text: str) -> str:
    """text with each {name, plural, ...} block cut out (braces matched, blocks may nest)."""
    while m := re.search(r"\{\w+, plural,", text):
        depth, end = 0, m.start()
        for end in range(m.start(), len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                break
        text = text[: m.start()] + text[end + 1 :]
    return text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_count_is_pluralised_by_hand(lang):
    from curriculum_tools.site.i18n import format_message

    catalogue = {**_browser_catalogue(lang), **_build_catalogue(lang)}
    flat = {key: _without_plurals(text) for key, text in catalogue.items()}
    assert sorted(k for k, text in flat.items() if COUNT_NOUN.search(text) and k not in NOT_A_COUNT) == []
    assert not any("(s)" in text for text in catalogue.values())
    # and every plural block names "one" and "other" and formats for 1 and 2
    for key, text in catalogue.items():
        for name in re.findall(r"\{(\w+), plural,", text):
            values = dict.fromkeys(re.findall(r"\{(\w+)", text), 2)
            for n in (1, 2):
                assert "{" not in format_message(text, lang, {**values, name: n}), key


def test_the_browser_formats_plurals_too(tmp_path):
    """curriculum.format in node, with the page language English (no document)."""
    import subprocess

    script = (
        f"require({json.dumps(str(SHARED / 'start.js'))});"
        "const f = globalThis.curriculum.format;"
        "console.log(JSON.stringify([f('{n, plural, one {# record} other {# records}}', {n: 1}),"
        "f('{n, plural, one {# record} other {# records}}', {n: 2}), f('{a} and {b}', {a: 1, b: 2})]));"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == ["1 record", "2 records", "1 and 2"]


# -- validator ------------------------------------------------------------------------------
def test_stale_fires_after_the_source_changes_and_clears_after_the_hash_is_updated(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(TREE, root)
    clean = run_cli("validate", "--root", str(root), "--strict", "--today", TODAY)
    assert clean.returncode == 0, clean.stdout

    source = root / "quizzes" / "demo-module-quiz.yml"
    source.write_text(source.read_text().replace("The first thing comes first.", "The first thing always comes first."))
    stale = run_cli("validate", "--root", str(root), "--strict", "--today", TODAY)
    assert stale.returncode == 1
    line = next(
        n
        for n, text in enumerate((root / "quizzes" / "demo-module-quiz.es.yml").read_text().splitlines(), 1)
        if "source_hash" in text
    )
    assert (
        f"quizzes/demo-module-quiz.es.yml:{line}:3: warning: quizzes/demo-module-quiz.yml has changed" in stale.stdout
    )
    assert "(translation-stale)" in stale.stdout
    assert run_cli("validate", "--root", str(root), "--today", TODAY).returncode == 0, "a warning without --strict"
    listed = run_cli("translations", "--root", str(root))
    assert "es: 3 translated, 1 stale, 1 missing (of 5)" in listed.stdout
    assert "stale       quizzes/demo-module-quiz.es.yml" in listed.stdout

    new_hash = run_cli("translations", "--hash", str(source)).stdout.strip()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", new_hash)
    translation = root / "quizzes" / "demo-module-quiz.es.yml"
    translation.write_text(
        re.sub(r"source_hash: sha256:[0-9a-f]+", f"source_hash: {new_hash}", translation.read_text())
    )
    again = run_cli("validate", "--root", str(root), "--strict", "--today", TODAY)
    assert again.returncode == 0, again.stdout


def test_the_hash_ignores_line_endings(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_bytes(b"one\ntwo\n")
    b.write_bytes(b"one\r\ntwo\r\n")
    assert run_cli("translations", "--hash", str(a)).stdout == run_cli("translations", "--hash", str(b)).stdout
    assert run_cli("translations", "--hash", str(tmp_path / "none.md")).returncode == 1


def test_translations_json_lists_translated_stale_missing():
    out = json.loads(run_cli("translations", "--root", str(TREE), "--format", "json").stdout)
    assert sorted(r["file"] for r in out["es"]["translated"]) == [
        "curriculum/demo/demo-module.es.md",
        "curriculum/index.es.md",
        "quizzes/demo-module-quiz.es.yml",
        "tracks.es.yml",
    ]
    assert out["es"]["stale"] == [] and out["es"]["missing"] == ["glossary/general.yml"]


def test_tracks_stale_after_tracks_yml_changes(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(TREE, root)
    source = root / "tracks.yml"
    source.write_text(source.read_text().replace("Demo track", "Demonstration track"))
    stale = run_cli("validate", "--root", str(root), "--strict", "--today", TODAY)
    assert stale.returncode == 1
    line = next(
        n for n, text in enumerate((root / "tracks.es.yml").read_text().splitlines(), 1) if "source_hash" in text
    )
    assert f"tracks.es.yml:{line}:3: warning: tracks.yml has changed" in stale.stdout
    out = json.loads(run_cli("translations", "--root", str(root), "--format", "json").stdout)
    assert [r["file"] for r in out["es"]["stale"]] == ["tracks.es.yml"]


def test_track_titles_and_summaries_follow_the_language():
    from curriculum_tools.check import check

    curriculum = check(TREE).curriculum
    english = [(t.id, t.title, t.summary) for t in curriculum.tracks]
    assert english == [("demo", "Demo track", "A small track used by the tests.")]
    spanish = curriculum.localized("es").tracks
    assert [(t.id, t.title, t.summary) for t in spanish] == [
        ("demo", "Itinerario de demostración", "Un itinerario pequeño que usan las pruebas.")
    ]
    # a language without a tracks file falls back to English; the English view is untouched
    assert [(t.id, t.title, t.summary) for t in curriculum.localized("fr").tracks] == english
    assert [(t.id, t.title, t.summary) for t in curriculum.tracks] == english


# -- the Spanish site in a browser -------------------------------------------------------------
@pytest.fixture(scope="module")
def bilingual(tmp_path_factory, site_factory):
    root = tmp_path_factory.mktemp("i18n") / "content"
    shutil.copytree(TREE, root)
    (root / "curriculum" / "accessibility.md").write_text("# Accessibility\n\nAn English page without a translation.\n")
    return site_factory(root, search=True)  # its Spanish search is tested


def test_a_build_leaves_the_language_as_it_found_it(bilingual):
    # The plugin sets the language for a build's events; a Spanish build inside the English
    # one must not leave Spanish behind for whatever runs next in the process (the bench's
    # synthetic sites once got a nav starting "Inicio").
    from curriculum_tools.site import i18n

    assert i18n.current() == i18n.DEFAULT and i18n.t("nav.home") == "Home"


def english_ui_strings() -> list[str]:
    """Every English interface string (both catalogues) whose Spanish differs, cut at its
    placeholders and markup into the fixed parts a page would show (of 4 characters or more)."""
    en = {**_browser_catalogue("en"), **_build_catalogue("en")}
    es = {**_browser_catalogue("es"), **_build_catalogue("es")}
    parts = set()
    for key, text in en.items():
        if key in SAME_IN_SPANISH or es[key] == text:
            continue
        # Markdown as the page shows it: a link's text, no emphasis or code marks
        text = re.sub(r"\*\*?|`", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
        plain = text
        text = re.sub(r"\{\w+, plural,.*\}\}", "\x00", text)  # plural branches: their own words below
        fragments = [
            p for branch in re.findall(r"(?:one|other) \{([^{}]*)\}", plain) for p in re.split(r"#|\{\w+\}", branch)
        ]
        whole = re.split(r"\{\w+\}|<[^>]+>|&\w+;|\x00", text)
        for part in fragments + whole:
            part = " ".join(part.split()).strip(" .,:;()")  # as the page's text is compared: one space
            # a fragment of a longer string counts when it has two words or more: one word
            # alone ("track") would be found in content; a whole one-word string ("Glossary") counts
            if " " in part or part == " ".join(text.split()).strip(" .,:;()"):
                parts.add(part)
    return sorted(p for p in parts if len(p) >= 4 and re.search(r"[A-Za-z]{3}", p))


def spanish_ui_text(page: Page) -> str:
    """The page's visible text and accessible names, without content marked as English
    (a page not yet translated, shown in English, is inside lang="en")."""
    return page.evaluate(
        """(() => {
          const body = document.body.cloneNode(true);
          body.querySelectorAll('[lang="en"], [hreflang="en"], script, style').forEach(el => el.remove());
          const names = [...body.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
            .map(el => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder'), el.getAttribute('alt')].join(' '));
          return body.textContent + ' ' + names.join(' ');
        })()"""
    )


def test_english_strings_list_is_not_empty():
    strings = english_ui_strings()
    assert "Check answers" in strings and "My progress" in strings and "Not started" in strings and len(strings) > 100
    # the scenario, Review and Rehearse strings are in it, a paragraph's lines joined as the page shows them
    assert {
        "Rehearse",
        "What do you do?",
        "Scenarios rehearsed",
        "Role-play brief: the scenario",
        "Check answer",
    } <= set(strings)
    assert "How questions are scheduled" in strings and any(
        s.startswith("Everything is kept in this browser") for s in strings
    )


def test_the_spanish_walk_has_what_it_checks(bilingual):
    """The pages walked carry the parts they are there for (built in Spanish, so the
    English strings test above has something to find if a renderer forgets the catalogue)."""
    from curriculum_tools.site.i18n import t

    def page(rel):
        return (bilingual.dir / rel / "index.html").read_text(encoding="utf-8")

    module = page("es/demo/demo-module")
    assert t("module.rehearse", "es") in module and "../../scenarios/sc-late-arrival/" in module
    scenario = page("es/scenarios/sc-late-arrival")
    assert t("scenario.prompt", "es") in scenario
    # scenarios are not translatable yet: their English text is marked as English, with the notice in Spanish
    assert t("fallback.title", "es") in scenario and '<div lang="en">' in scenario
    assert scenario.index('<div lang="en">') < scenario.index('data-module="scenario"')
    assert '<div lang="en">' not in page("scenarios/sc-late-arrival")
    assert "sc-late-arrival" in page("es/scenarios")
    assert 'data-module="review"' in page("es/review") and "cq-review__item" in page("es/review")
    assert t("progress.scenarios", "es") in page("es/progress")
    assert "Guion para el juego de rol" in page("es/supervisors/demo-checklist")


def test_spanish_pages_show_the_spanish_track_title(bilingual):
    """tracks.es.yml's title and summary wherever the Spanish build names a track: the module
    page's meta line, the nav, the track page, the home page's list of tracks, the progress
    page and the printable edition; the English build keeps tracks.yml's."""

    def page(rel):
        return (bilingual.dir / rel / "index.html").read_text(encoding="utf-8")

    module = page("es/demo/demo-module")
    meta = re.search(r'<p class="cq-module-meta">(.*?)</p>', module, re.S)
    assert meta and meta[1].startswith("Itinerario de demostración · "), meta
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', module, re.S)
    assert nav and "Itinerario de demostración" in nav[0]
    for rel in ("es/demo/demo-module", "es/demo", "es", "es/progress", "es/print"):
        html_text = page(rel)
        assert "Itinerario de demostración" in html_text, rel
        assert "Demo track" not in html_text and "A small track used by the tests" not in html_text, rel
    assert "Un itinerario pequeño que usan las pruebas." in page("es/demo") + page("es")
    english = page("demo/demo-module")
    assert '<p class="cq-module-meta">Demo track · ' in english and "Itinerario de demostración" not in english
    for rel in ("demo", "", "progress", "print"):
        assert "Demo track" in page(rel) and "Itinerario de demostración" not in page(rel), rel


def english_track_texts() -> list[str]:
    """The fixture's English track titles and summaries: with tracks.es.yml in the tree, no
    Spanish page shows them (outside content marked as English)."""
    import yaml

    tracks = yaml.safe_load((TREE / "tracks.yml").read_text(encoding="utf-8"))["tracks"]
    return [text.strip(" .") for track in tracks for text in (track["title"], track["summary"])]


def test_english_track_texts_are_listed():
    assert english_track_texts() == ["Demo track", "A small track used by the tests"]


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(SPANISH_PAGES), ids=list(SPANISH_PAGES))
def test_no_english_interface_string_on_a_spanish_page(page: Page, bilingual, kind):
    page.goto(bilingual.url + SPANISH_PAGES[kind])
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.wait_for_load_state("networkidle")
    text = " ".join(spanish_ui_text(page).split())
    strings = english_ui_strings() + english_track_texts()
    left = [s for s in strings if re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", text)]
    assert left == [], f"English interface strings on {SPANISH_PAGES[kind]}: {left}"


@pytest.mark.browser
def test_a_spanish_page_not_yet_translated_says_so(page: Page, bilingual):
    page.goto(bilingual.url + "es/accessibility/")
    expect(page.get_by_text("Esta página todavía no está traducida; se muestra en inglés.")).to_be_visible()
    expect(page.locator('[lang="en"]').get_by_text("An English page without a translation.")).to_be_visible()


@pytest.mark.browser
def test_language_switcher_opens_the_same_page_in_the_other_language(page: Page, bilingual, watch):
    with page.expect_response(lambda r: r.url.endswith("/es/sitemap.xml")):  # Material reads it first
        open_quiz(page, bilingual.url + "demo/demo-module/")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Select language").click()
    page.locator('a.md-select__link[hreflang="es"]').click()
    expect(page).to_have_url(bilingual.url + "es/demo/demo-module/")
    expect(page.locator("h1")).to_contain_text("Un módulo de demostración")
    expect(page.locator("html")).to_have_attribute("lang", "es")  # a full page load: header and bundle in Spanish
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Seleccionar idioma").click()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(bilingual.url + "demo/demo-module/")
    assert watch.errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("rel", "label"), [("demo/demo-module/", "Right answer:"), ("es/demo/demo-module/", "Respuesta correcta:")]
)
def test_a_printed_module_labels_the_right_answer_in_its_language(page: Page, bilingual, rel, label):
    """Printing a module page prints each right option's feedback after a label; the label is
    the page's language's (it was English on every page, from the stylesheet)."""
    page.emulate_media(media="print")
    page.goto(bilingual.url + rel)
    right = page.locator(".cq-feedback[data-correct=true]")
    assert right.count() > 0
    labels = set(right.evaluate_all("els => els.map(e => getComputedStyle(e, '::before').content)"))
    assert labels == {f'"{label} "'}, labels
    wrong = page.locator(".cq-feedback[data-correct=false]").first
    assert wrong.evaluate("e => getComputedStyle(e, '::before').content") == "none"


@pytest.mark.browser
def test_spanish_search_finds_spanish_pages_only(page: Page, bilingual):
    page.goto(bilingual.url + "es/")
    page.keyboard.press("/")
    page.keyboard.type("demostración")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("els => els.map(a => a.href)")
    assert hrefs and all("/es/" in h for h in hrefs), hrefs


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_spanish_pages_have_no_axe_violations(page: Page, bilingual, scheme):
    page.emulate_media(color_scheme=scheme)
    failures = {}
    for rel in SPANISH_PAGES.values():
        page.goto(bilingual.url + rel)
        if found := axecheck.violations(page):
            failures[rel] = found
    assert failures == {}


@pytest.mark.browser
def test_a_quiz_passed_in_spanish_counts_on_the_english_progress_page(page: Page, bilingual):
    from test_quiz import choose_match, press_on, question

    def put_in_order(qid, wanted):  # test_quiz's, with the Spanish button name
        fs = question(page, qid)
        for target, text in enumerate(wanted):
            for _ in range(len(wanted)):
                at = fs.locator(".cq-order__text").all_inner_texts().index(text)
                if at == target:
                    break
                press_on(fs.locator("li").nth(at).get_by_role("button", name="Subir"), "Enter")

    open_quiz(page, bilingual.url + "es/demo/demo-module/")
    press_on(page.get_by_label("Lo primero", exact=True))
    press_on(page.get_by_label("First thing", exact=True))
    press_on(page.get_by_label("Second thing", exact=True))
    press_on(question(page, "q-tf").get_by_label("Falso", exact=True))
    put_in_order("q-order", ["One", "Two", "Three"])
    choose_match(page, "Cat", "Meow")
    choose_match(page, "Dog", "Woof")
    press_on(page.get_by_label("Escuchar", exact=True))
    press_on(page.get_by_role("button", name="Comprobar respuestas"), "Enter")
    expect(page.locator(".cq-quiz__result")).to_contain_text("aprobado")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys and all("/es/" not in key and "es/" not in key.split(":")[0] for key in keys), keys

    page.goto(bilingual.url + "progress/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('[data-status-for="demo-module"]')).to_contain_text("Passed")
    page.goto(bilingual.url + "es/progress/")
    expect(page.locator('[data-status-for="demo-module"]')).to_contain_text("Aprobado")


def test_one_language_alone_for_the_offline_edition(tmp_path):
    """`curriculum build --lang es` with the offline configuration: the Spanish site alone at
    the root (no es/ folder, no language selector), Spanish pages where translated."""
    from conftest import write_site_config
    from curriculum_tools.site.atomic import build_site

    root = tmp_path / "content"
    shutil.copytree(TREE, root)
    link_node_tools(root)  # the offline search shim comes from npm
    site = build_site(write_site_config(root, "mkdocs-offline.yml"), tmp_path / "site", strict=True, language="es")
    home = (site / "index.html").read_text(encoding="utf-8")
    module = (site / "demo" / "demo-module.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in home and "Inicio de prueba" in home and "md-select__link" not in home
    assert "Un módulo de demostración" in module and "Comprobar respuestas" in module
    assert not (site / "es").exists() and not list(site.rglob("*.es.html"))
    english = build_site(
        write_site_config(root, "mkdocs-offline.yml"), tmp_path / "site-en", strict=True, language="en"
    )
    assert "Check answers" in (english / "demo" / "demo-module.html").read_text(encoding="utf-8")
    assert not list(english.rglob("*.es.html")) and not (english / "es").exists()
    assert json.loads((site / "search" / "search_index.json").read_text())["config"]["lang"] == ["es"]
