"""The plain-text report of a benchmark run."""

from __future__ import annotations

BUDGET_BUILD = 1.15
BUDGET_ASSETS = 8 * 1024  # our JS+CSS, gzipped, on any page
BUDGET_MODULE_ASSETS = 6 * 1024  # ... on a module page


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def _table(header: list[str], rows: list[list]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).rjust(w) for c, w in zip(r, widths))
    return [line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows]


def _pair(medians: dict) -> str:
    return f"{medians['wall']:.2f} / {medians['cpu']:.2f}"


def _ratio(ratio: dict | None) -> str:
    return f"{ratio['wall']:.3f}x / {ratio['cpu']:.3f}x" if ratio else "n/a"


def asset_lines(kinds: dict[str, dict]) -> list[str]:
    """Our JS+CSS per page kind against the budgets (module page <= 6 KB, any page <= 8 KB)."""
    rows = []
    for kind, w in kinds.items():
        budget = BUDGET_MODULE_ASSETS if kind == "module" else BUDGET_ASSETS
        rows.append(
            [
                kind,
                w["files"],
                _kb(w["raw"]),
                _kb(w["gzip"]),
                f"{_kb(budget)} {'within' if w['gzip'] <= budget else 'OVER'}",
                ", ".join(f"{name} {_kb(size)}" for name, size in w.get("later", {}).items()) or "-",
            ]
        )
    out = [
        "Our own JS+CSS per page kind, as a page opens (each file gzipped -9 on its own; Material's files"
        " not counted); on first use: what it can load later, when a person acts (the dashboard: as it opens on stored records)"
    ]
    return out + _table(["page kind", "files", "raw", "gzip", "budget", "on first use (gzip)"], rows)


def text(results: dict) -> str:
    runs = results["runs"]
    if results.get("assets_only"):
        return "\n".join([f"Command: {results['command']}", "", *asset_lines(results["asset_kinds"])])
    out = [
        f"Machine: {results['machine']}",
        f"Command: {results['command']}",
        f"Corpus: modules of about {results['words_per_module']} words, each with a 10-question quiz of every type",
        "",
        "Times are medians of interleaved runs, as wall-clock seconds / CPU seconds (user + system).",
        "",
    ]
    built = [r for r in runs if r["build"]]
    out.append(
        f"Build: mkdocs build with our hooks vs plain mkdocs-material (budget {BUDGET_BUILD}x). plain: the same pages, "
        "our Markdown with the quiz HTML in it; bare: the same Markdown without quizzes rendered"
    )
    out += _table(
        [
            "modules",
            "runs",
            "ours s",
            "plain s",
            "bare s",
            "ours/plain",
            "ours/bare",
            "ours ms/module",
            "bare ms/module",
        ],
        [
            [
                r["modules"],
                r["repeat"],
                _pair(b["ours"]),
                _pair(b["plain"]),
                _pair(b["bare"]),
                _ratio(b["ratio"]),
                _ratio(b["ratio_bare"]),
                f"{1000 * b['ours']['wall'] / r['modules']:.0f} / {1000 * b['ours']['cpu'] / r['modules']:.0f}",
                f"{1000 * b['bare']['wall'] / r['modules']:.0f} / {1000 * b['bare']['cpu'] / r['modules']:.0f}",
            ]
            for r in built
            for b in [r["build"]]
        ],
    )
    skipped = [str(r["modules"]) for r in runs if not r["build"]]
    if skipped:
        out.append(f"(not built: {', '.join(skipped)} modules; see --build-max)")
    out += ["", "Our hooks' own work in a build (check everything, make every page's Markdown, render every quiz)"]
    out += _table(
        ["modules", "runs", "hooks s", "hooks ms/module"],
        [
            [
                r["modules"],
                r["repeat"],
                _pair(h),
                f"{1000 * h['wall'] / r['modules']:.1f} / {1000 * h['cpu'] / r['modules']:.1f}",
            ]
            for r in runs
            for h in [r["hooks"]]
        ],
    )
    out += ["", "Validate: curriculum validate (schemas + every rule) vs check-jsonschema (schemas only), same files"]
    out += _table(
        ["modules", "files", "ours s", "check-jsonschema s", "ours/theirs", "ours ms/module"],
        [
            [
                r["modules"],
                v["files"],
                _pair(v["ours"]),
                _pair(v["check-jsonschema"]) if "check-jsonschema" in v else "n/a",
                _ratio(v.get("ratio")),
                f"{1000 * v['ours']['wall'] / r['modules']:.1f} / {1000 * v['ours']['cpu'] / r['modules']:.1f}",
            ]
            for r in runs
            for v in [r["validate"]]
        ],
    )
    out += ["", "Bytes per module page (a module with its quiz; the nav in every page grows with the corpus)"]
    out += _table(
        ["modules", "HTML", "HTML gzip", "JS+CSS loaded", "gzip", "of which ours, gzip"],
        [
            [
                r["modules"],
                _kb(p["html_raw"]),
                _kb(p["html_gzip"]),
                f"{_kb(p['assets']['raw'])} ({p['assets']['files']} files)",
                _kb(p["assets"]["gzip"]),
                _kb(p["assets"]["ours_gzip"]),
            ]
            for r in built
            for p in [r["page"]]
        ],
    )
    if built:
        own = built[-1]["own_assets"]
        verdict = "within" if own["gzip"] <= BUDGET_ASSETS else "OVER"
        out += [
            "",
            f"Our own JS+CSS as served ({own['files']} files a module page loads beside Material's): {_kb(own['raw'])} raw, "
            f"{_kb(own['gzip'])} gzipped ({verdict} the 8 KB budget); source files ({own['source_files']}): "
            f"{_kb(own['source_raw'])} raw, {_kb(own['source_gzip'])} gzipped file by file",
        ]
        if results.get("asset_kinds"):
            out += ["", *asset_lines(results["asset_kinds"])]
        for key, what in (("ratio", "ours/plain"), ("ratio_bare", "ours/bare")):
            worst = max(max(r["build"][key].values()) for r in built)
            out.append(
                f"Build ratio {what}: worst {worst:.3f}x ({'within' if worst <= BUDGET_BUILD else 'OVER'} the {BUDGET_BUILD}x budget)"
            )
    if "report" in results:
        from curriculum_tools.tools.bench.records import text as report_text

        out += ["", *report_text(results["report"])]
    return "\n".join(out)
