"""axe, run one way by every test: every rule axe has (best-practice and experimental
included) except the AAA ones, since the site's target is WCAG 2.2 AA. Only violations are
collected (`resultTypes`): axe then records one node per passing rule instead of every node,
which makes a run 2-5 times faster on our pages (the 1.4 MB Review page: 15 s -> 3 s) and
changes no verdict."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import axe_playwright_python

# axe-core as the axe-playwright-python package ships it (the file its Axe.run evaluates).
AXE_FILE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
# The test servers (conftest.SiteServer) serve that file here, cacheable: a page on one of them
# loads axe as a script the browser keeps compiled, instead of being sent 570 KB of source to
# evaluate on every check (45 ms a check). Pages elsewhere (file://, other servers) get the source.
SERVED_AT = "/__axe__/axe.min.js"
_SERVING: set[str] = set()  # origins that serve SERVED_AT
_RULES: dict[str, dict] = {}  # rule id -> {"enabled": ...}, read from axe once per process


def serves_axe(url: str) -> None:
    """Say that the server at url serves axe at SERVED_AT."""
    _SERVING.add(_origin(url))


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def load_axe(page) -> None:
    """Put axe into the page (the current document) unless it is there."""
    if page.evaluate("typeof window.axe === 'object'"):
        return
    origin = _origin(page.url)
    if origin in _SERVING:
        page.add_script_tag(url=origin + SERVED_AT)
    else:
        page.evaluate(AXE_FILE.read_text(encoding="utf-8"))


def every_rule_but_aaa(page) -> dict:
    if not _RULES:
        load_axe(page)
        rules = page.evaluate("axe.getRules().map(r => [r.ruleId, r.tags])")
        _RULES.update({rule: {"enabled": not any(t.endswith("aaa") for t in tags)} for rule, tags in rules})
    return {"rules": dict(_RULES), "resultTypes": ["violations"]}


def summary(violations) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations]


# Running CSS transitions and animations, awaited before axe looks: a colour measured
# half-way through a fade (Material's header title after a scroll) is not the page's colour.
SETTLE = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  await frame(); await frame();  // scroll handlers (the header title) have run and started theirs
  const finite = document.getAnimations().filter(a => isFinite(a.effect?.getTiming().iterations ?? 1));
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def violations(page) -> list[str]:
    """The page as it is now, once its transitions have ended, checked with every rule but
    AAA: one line per violation."""
    page.evaluate(SETTLE)
    options = every_rule_but_aaa(page)
    load_axe(page)
    return summary(page.evaluate("options => axe.run(document, options)", options)["violations"])
