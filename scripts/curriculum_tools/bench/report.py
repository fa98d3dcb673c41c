"""The plain-text report of a benchmark run."""
from __future__ import annotations

BUDGET_BUILD = 1.15
BUDGET_ASSETS = 8 * 1024


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) for c, w in zip(r, widths))
    return [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


def text(results: dict) -> str:
    runs = results["runs"]
    out = [f"Benchmark: {results['machine']}", f"Command: {results['command']}", ""]
    out.append(f"Build: mkdocs build with our hooks vs plain mkdocs-material on the same Markdown (budget {BUDGET_BUILD}x)")
    out += _table(
        ["modules", "repeat", "ours s", "plain s", "ratio", "ours ms/module", "plain ms/module"],
        [[r["modules"], r["repeat"], f"{r['build']['ours']:.2f}", f"{r['build']['plain']:.2f}", f"{r['build']['ratio']:.3f}x",
          f"{1000 * r['build']['ours'] / r['modules']:.1f}", f"{1000 * r['build']['plain'] / r['modules']:.1f}"] for r in runs],
    )
    out += ["", "Validate: curriculum validate (schemas + every rule) vs check-jsonschema (schemas only), same files"]
    out += _table(
        ["modules", "files", "ours s", "check-jsonschema s", "ours/theirs", "ours ms/module"],
        [[r["modules"], r["validate"]["files"], f"{r['validate']['ours']:.2f}",
          f"{r['validate'].get('check-jsonschema', float('nan')):.2f}", f"{r['validate'].get('ratio', float('nan')):.3f}x",
          f"{1000 * r['validate']['ours'] / r['modules']:.1f}"] for r in runs],
    )
    out += ["", "Bytes per module page (a module with its 10-question quiz; the nav grows with the corpus)"]
    out += _table(
        ["modules", "HTML", "HTML gzip", "JS+CSS loaded", "gzip", "of which ours gzip"],
        [[r["modules"], _kb(p["html_raw"]), _kb(p["html_gzip"]), f"{_kb(p['assets']['raw'])} ({p['assets']['files']} files)",
          _kb(p["assets"]["gzip"]), _kb(p["assets"]["ours_gzip"])] for r in runs for p in [r["page"]]],
    )
    own = results["own_assets"]
    verdict = "within" if own["gzip"] <= BUDGET_ASSETS else "OVER"
    out += ["", f"Our own JS+CSS (site_overrides/assets, {own['files']} files): {_kb(own['raw'])} raw, "
                f"{_kb(own['gzip'])} gzipped file by file ({verdict} the 8 KB budget), {_kb(own['gzip_concatenated'])} as one gzip stream"]
    worst = max((r["build"]["ratio"] for r in runs), default=0)
    out.append(f"Build ratio: worst {worst:.3f}x ({'within' if worst <= BUDGET_BUILD else 'OVER'} the {BUDGET_BUILD}x budget)")
    return "\n".join(out)
