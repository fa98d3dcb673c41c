"""axe, run one way by every test: every rule axe has (best-practice and experimental
included) except the AAA ones, since the site's target is WCAG 2.2 AA. Only violations are
collected (`resultTypes`): axe then records one node per passing rule instead of every node,
which makes a run 2-5 times faster on our pages (the 1.4 MB Review page: 15 s -> 3 s) and
changes no verdict."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
_RULES: dict[str, dict] = {}  # rule id -> {"enabled": ...}, read from axe once per process


def every_rule_but_aaa(page) -> dict:
    if not _RULES:
        _AXE.run(page, options={"runOnly": ["wcag2a"], "resultTypes": ["violations"]})  # loads axe into the page
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
    return summary(_AXE.run(page, options=every_rule_but_aaa(page)).response["violations"])
