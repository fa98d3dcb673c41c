"""python -m curriculum_tools.tools.bench [--sizes 100,1000,5000] [--repeat 3] [--json FILE]"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
from pathlib import Path
from typing import Any

from curriculum_tools.tools.bench import records as report_bench
from curriculum_tools.tools.bench.corpus import REPO, front_matter_files, write_corpus
from curriculum_tools.tools.bench.measure import (
    alternate,
    build_runs,
    own_assets,
    page_weight,
    ratios,
    repository_asset_kinds,
    validate_runs,
)
from curriculum_tools.tools.bench.report import text
from curriculum_tools.tools.bench.sites import BenchError, hook_work, write_sites


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m curriculum_tools.tools.bench", description=__doc__)
    parser.add_argument(
        "--sizes", default="100,1000,5000", help="module counts, comma-separated (default: 100,1000,5000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side per size, median taken (default 3)")
    parser.add_argument(
        "--large",
        type=int,
        default=100,
        help="sizes above this run each side once only, to spare the machine (default 100)",
    )
    parser.add_argument(
        "--build-max",
        type=int,
        default=1000,
        help="build sites only up to this many modules (default 1000): Material puts the whole nav in "
        "every page, so a 5,000-module site is about 5,000 pages of 2 MB each; larger sizes "
        "measure validation and our hooks' own work only",
    )
    parser.add_argument("--words", type=int, default=1000, help="words of text per module (default 1000)")
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench-out", help="work folder, emptied (default bench-out/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated trees and sites")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument(
        "--assets-only",
        action="store_true",
        help="only measure the repository's site (built here, or the one --site names) and print our JS+CSS "
        "per page kind (seconds, not minutes)",
    )
    parser.add_argument(
        "--site",
        type=Path,
        help="measure our JS+CSS per page kind on this build of the repository's site (`make build` "
        "writes site/) instead of building one",
    )
    parser.add_argument(
        "--no-assets",
        action="store_true",
        help="skip building the repository's site to measure our JS+CSS per page kind (synthetic corpora only)",
    )
    parser.add_argument(
        "--report-mb",
        type=float,
        default=50,
        help="size of the supervisor export `curriculum report` is timed on (default 50 MB; 0: skip); "
        "the repository's own validate is timed with it",
    )
    return parser.parse_args(argv)


def machine() -> str:
    cpu = (
        next(
            (
                l.split(":", 1)[1].strip()
                for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


def measure_size(n: int, args) -> dict:
    work = args.out / str(n)
    root = write_corpus(work / "tree", n, args.words)
    repeat = args.repeat if n <= args.large else 1
    hooks = hook_work(root, repeat)
    result = {"modules": n, "repeat": repeat, "hooks": hooks, "build": None, "page": None, "own_assets": None}
    if n <= args.build_max:
        print(f"[bench] {n} modules: building ours, plain and bare {repeat}x each...", file=sys.stderr, flush=True)
        build = alternate(build_runs(write_sites(root, work), work), repeat)
        build["ratio"] = ratios(build, "ours", "plain")
        build["ratio_bare"] = ratios(build, "ours", "bare")
        first = next((root / "curriculum").glob("*/*-00001.md"))
        page = page_weight(work / "site-ours", work / "site-ours" / first.parent.name / first.stem / "index.html")
        result.update(build=build, page=page, own_assets=own_assets(page))
    print(f"[bench] {n} modules: validating...", file=sys.stderr, flush=True)
    runs = validate_runs(root, front_matter_files(root, work / "front-matter"))
    validate: dict[str, Any] = alternate(runs, repeat)
    if "check-jsonschema" in validate:
        validate["ratio"] = ratios(validate, "ours", "check-jsonschema")
    validate["files"] = sum(len(cmd) - 3 for cmd in runs.get("check-jsonschema", [])) or None
    result["validate"] = validate
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"--sizes: not a list of numbers: {args.sizes!r}", file=sys.stderr)
        return 2
    args.out = args.out.resolve()
    results = {
        "machine": machine(),
        "command": "python -m curriculum_tools.tools.bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "words_per_module": args.words,
        "runs": [],
    }
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        results["asset_kinds"] = None if args.no_assets else repository_asset_kinds(args.out, args.site)
        results["assets_only"] = args.assets_only
        for n in [] if args.assets_only else sizes:
            results["runs"].append(measure_size(n, args))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    if args.report_mb > 0 and not args.assets_only:
        print(
            f"[bench] curriculum report on a {args.report_mb:g} MB export, validate of the repository...",
            file=sys.stderr,
            flush=True,
        )
        results["report"] = report_bench.report_budget(args.report_mb, args.repeat)
    print(text(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
