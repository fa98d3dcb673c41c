"""curriculum exam: a printable exam paper without answers and a separate marking key, for a
supervised sitting. Written to a folder of your choice, never into the site."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from collections import Counter
from pathlib import Path

from curriculum_tools.cli.commands.export_questions import loaded_curriculum
from curriculum_tools.export import common
from curriculum_tools.export import exam as paper

NAME = "exam"
HELP = "write a printable exam paper (no answers) and its marking key for a supervised sitting"

PAPER, KEY = "exam-paper.html", "marking-key.html"


def add_arguments(parser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--quiz", nargs="+", action="extend", metavar="ID", help="quiz id(s) the paper draws on")
    parser.add_argument(
        "--track", nargs="+", action="extend", metavar="ID", help="draw on every quiz of these track(s)"
    )
    parser.add_argument("--count", type=int, metavar="N", help="sample N scored questions (default: every question)")
    parser.add_argument(
        "--seed",
        type=int,
        metavar="S",
        help="seed for --count: the same seed gives the same paper (default: a random seed, printed)",
    )
    parser.add_argument("--title", default=None, help="title on the paper (default: from the quizzes)")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help=f"folder to write {PAPER} and {KEY} into"
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="also print both to PDF with Chromium (needs the development install: make install-dev)",
    )


def _check_out(out: Path, root: Path) -> None:
    if out.exists() and not out.is_dir():
        raise common.ExportError(f"{out}: exists and is not a folder")
    target = out.resolve()
    for published in (root / "curriculum", root / "site"):
        p = published.resolve()
        if target == p or p in target.parents:
            raise common.ExportError(
                f"{out}: is inside {published}, which is published; write the paper outside the site"
            )
    parent = target if out.is_dir() else target.parent
    if not parent.is_dir():
        raise common.ExportError(f"{out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise common.ExportError(f"{out}: cannot write in {parent} (permission denied)")


def _write_both(out: Path, files: dict[str, bytes]) -> None:
    """Both files land or neither: each is written in full beside its target first."""
    out.mkdir(exist_ok=True)
    temps = {}
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
        for name, tmp in temps.items():
            os.replace(tmp, out / name)
    finally:
        for tmp in temps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)


def _pdfs(files: dict[str, bytes]) -> dict[str, bytes]:
    """Both pages printed to A4 PDF by Chromium (Playwright, pinned in the dev dependencies),
    from a private temporary folder; the pages load nothing from outside."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise common.ExportError("--pdf needs Playwright and Chromium: run `make install-dev`") from None
    from curriculum_tools.tools.browser import LAUNCH_ARGS, find_chromium

    executable, found = find_chromium()
    if not found:
        raise common.ExportError("--pdf: no Chromium found: run `make browser` or set CHROMIUM_PATH")
    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = (
            p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
            if executable
            else p.chromium.launch(args=LAUNCH_ARGS)
        )
        try:
            page = browser.new_page()
            for name, data in files.items():
                path = Path(tmp) / name
                path.write_bytes(data)
                page.goto(path.as_uri())
                out[name.removesuffix(".html") + ".pdf"] = page.pdf(
                    format="A4", print_background=True, prefer_css_page_size=True
                )
        finally:
            browser.close()
    return out


def run(args) -> int:
    try:
        if not args.quiz and not args.track:
            raise common.ExportError("give --quiz ID ... or --track ID ...")
        if args.count is not None and args.count < 1:
            raise common.ExportError("--count: give a number of questions, 1 or more")
        if args.seed is not None and args.count is None:
            raise common.ExportError("--seed only applies with --count")
        _check_out(args.out, args.root)
        curriculum = loaded_curriculum(args.root)
        selection = common.select(curriculum, args.quiz, args.track)
        seed = None
        if args.count is not None:
            available = sum(1 for _, q in selection.items for x in q.all_questions() if x.type in paper.SCORED)
            if args.count > available:
                raise common.ExportError(f"--count {args.count}: the selection has only {available} scored question(s)")
            seed = args.seed if args.seed is not None else secrets.randbelow(10**6)
        entries = paper.choose(selection, args.count, seed)
        title = args.title or (
            "Knowledge assessment: "
            + "; ".join(q.title.removeprefix("Check your understanding - ") for _, q in selection.items)
            if len(selection.items) <= 3
            else f"Knowledge assessment: {len(selection.items)} modules"
        )
        exam_html, key_html = paper.render(selection, entries, title, seed)
        files = {PAPER: exam_html.encode("utf-8"), KEY: key_html.encode("utf-8")}
        if args.pdf:
            files.update(_pdfs(files))
        _write_both(args.out, files)
    except common.ExportError as exc:
        print(f"curriculum exam: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"curriculum exam: {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    counts = Counter(e.question.type for e in entries if e.number is not None)
    written = " and ".join(str(args.out / n) for n in files)
    lines = [f"exam: {sum(counts.values())} question(s) from {len(selection.items)} quiz(zes) written to {written}"]
    lines += [f"  {t}: {counts[t]}" for t in common.TYPES if counts[t]]
    cases = sum(1 for e in entries if e.number is None)
    if cases:
        lines.append(f"  case vignettes: {cases}")
    if seed is not None:
        lines.append(f"sampled {args.count} scored question(s) with --seed {seed} (the same seed gives the same paper)")
        lines.append("left out: reflections and the questions not sampled")
    else:
        lines.append("left out: none")
    lines.append(
        "the paper has no answers; keep the marking key away from candidates. Print both from a browser (Print, or Save as PDF)."
    )
    print("\n".join(lines))
    return 0
