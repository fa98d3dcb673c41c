"""curriculum new module|quiz|checklist: write a new content file with the schema line and
placeholders the validator flags until they are filled. Asks for what is missing when run in
a terminal; otherwise every required option must be given. Never overwrites a file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from curriculum_tools.check import check
from curriculum_tools.cli.commands.validate import parse_date
from curriculum_tools.load.loader import load
from curriculum_tools.tools.scaffold import render

NAME = "new"
HELP = "create a module, quiz or checklist with placeholders to fill in (never overwrites)"

REQUIRED = {"module": ("track", "title", "id"), "quiz": ("module",), "checklist": ("title", "id")}


class Abort(Exception):
    """A problem with the answers; the message says what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=sorted(REQUIRED), help="what to create")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current directory)")
    parser.add_argument("--track", help="module: the track id from tracks.yml (the folder under curriculum/)")
    parser.add_argument(
        "--title", help="module, checklist: the title; quiz: default 'Check your understanding - <module title>'"
    )
    parser.add_argument("--id", help="the new id: lower-case words joined by hyphens (quiz: default <module>-quiz)")
    parser.add_argument("--module", help="quiz: the id of the module the quiz belongs to")
    parser.add_argument(
        "--competencies",
        help="module, checklist: competency ids from competencies.yml, comma-separated (default: a placeholder)",
    )
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)


class Answers:
    """Option values, asked for at a terminal when missing; each one validated."""

    def __init__(self, args, interactive: bool):
        self.args, self.interactive = args, interactive

    def need(self, name: str, question: str, validate, default: str | None = None) -> str:
        """A required answer: get() aborts or asks again rather than give None."""
        value = self.get(name, question, validate, default)
        assert value is not None
        return value

    def get(self, name: str, question: str, validate, default: str | None = None, required: bool = True) -> str | None:
        value = getattr(self.args, name)
        if value is not None:
            error = validate(value)
            if error:
                raise Abort(f"--{name} {value!r}: {error}")
            return value
        if not self.interactive:
            if required and default is None:
                raise Abort(f"missing --{name}")
            return default
        while True:
            suffix = f" [{default}]" if default else ""
            try:
                answer = input(f"{question}{suffix}: ").strip()
            except EOFError:
                raise Abort("no answer; nothing was written") from None
            answer = answer or (default or "")
            if not answer and not required:
                return None
            error = validate(answer) if answer else "an answer is needed"
            if not error:
                return answer
            print(f"  {error}", file=sys.stderr)


def _missing_options(args, interactive: bool) -> list[str]:
    if interactive:
        return []
    return [f"--{name}" for name in REQUIRED[args.kind] if getattr(args, name) is None]


def run(args) -> int:
    root = args.root
    if not root.is_dir():
        print(f"{root}: not a folder", file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    missing = _missing_options(args, interactive)
    if missing:
        print(
            f"curriculum new {args.kind}: missing {', '.join(missing)} (stdin is not a terminal, so they cannot be asked).\n"
            f"Example: {EXAMPLES[args.kind]}",
            file=sys.stderr,
        )
        return 2
    curriculum = load(root).curriculum
    answers = Answers(args, interactive)
    today = args.today or dt.date.today()
    try:
        rel, text, steps = MAKERS[args.kind](curriculum, answers, root, today)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(target, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            raise Abort(f"{rel} already exists; nothing was overwritten") from None
    except Abort as exc:
        print(f"curriculum new {args.kind}: {exc}", file=sys.stderr)
        return 2
    result = check(root, today).result
    mine = [p for p in result.problems if p.path == rel]
    placeholders = sum(1 for p in mine if p.rule == "placeholder")
    print(f"Created {rel}")
    print(
        f"The validator now reports {len(mine)} problem(s) in it, {placeholders} of them placeholders (TODO, todo-...) for you to fill in."
    )
    print("Next:")
    for n, step in enumerate(steps, start=1):
        print(f"  {n}. {step}")
    return 0


def _id_checker(curriculum, root: Path, folder_of):
    used = (
        {m.id for m in curriculum.modules}
        | {q.id for q in curriculum.quizzes}
        | {k.id for k in curriculum.checklists}
        | curriculum.broken_ids
    )

    def validate(value: str) -> str | None:
        if not render.ID_PATTERN.match(value) or len(value) > 80:
            return "use lower-case letters and digits joined by hyphens, e.g. gp-opening-a-session"
        if value.startswith("todo"):
            return "an id cannot start with 'todo' (that marks a placeholder)"
        if value in used:
            return "this id is already used; ids are never reused"
        rel = folder_of(value)
        if rel and (root / rel).exists():
            return f"{rel} already exists"
        return None

    return validate


def _title_checker(value: str) -> str | None:
    if not value.strip():
        return "the title cannot be empty"
    if "TODO" in value:
        return "write the real title"
    return None


def _competencies(curriculum, answers: Answers) -> list[str]:
    known = list(curriculum.framework.competencies) if curriculum.framework else []

    def validate(value: str) -> str | None:
        unknown = [c for c in _split(value) if c not in known]
        return f"unknown competency id(s): {', '.join(unknown)} (known: {', '.join(known)})" if unknown else None

    value = answers.get(
        "competencies",
        f"Competency ids, comma-separated (Enter to fill in later; known: {', '.join(known)})",
        validate,
        required=False,
    )
    return _split(value or "")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _new_module(curriculum, answers: Answers, root: Path, today: dt.date):
    tracks = {t.id: t for t in curriculum.tracks}
    if not tracks:
        raise Abort("tracks.yml has no tracks or does not validate; run curriculum validate")
    track = answers.need(
        "track",
        f"Track ({', '.join(tracks)})",
        lambda v: None if v in tracks else f"unknown track; use one of: {', '.join(tracks)}",
    )
    title = answers.need("title", "Title of the module", _title_checker)
    existing = curriculum.modules_in(track)
    prefixes = {m.id.split("-", 1)[0] for m in existing}
    prefix = f"{prefixes.pop()}-" if len(prefixes) == 1 else ""
    module_id = answers.need(
        "id",
        "Module id",
        _id_checker(curriculum, root, lambda v: f"curriculum/{track}/{v}.md"),
        default=prefix + render.slugify(title),
    )
    competencies = _competencies(curriculum, answers)
    order = max((m.order for m in existing), default=0) + 1
    known = list(curriculum.framework.competencies) if curriculum.framework else []
    rel, text = render.module(
        id=module_id,
        title=title,
        track=track,
        order=order,
        competencies=competencies,
        known_competencies=known,
        today=today,
    )
    steps = [
        f"Write the module in {rel}: replace every TODO and todo- id (run `curriculum validate --changed` to list what is left).",
        f"Create its quiz: curriculum new quiz --module {module_id}",
        f"Preview it: make serve, then open http://127.0.0.1:8000/{track}/{module_id}/",
        "Open a pull request and ask for clinical review (CONTRIBUTING.md, 'Opening a pull request').",
    ]
    return rel, text, steps


def _new_quiz(curriculum, answers: Answers, root: Path, today: dt.date):
    def module_exists(value: str) -> str | None:
        if curriculum.module(value):
            return None
        if value in curriculum.broken_ids:
            return "this module does not validate yet; fix it first (curriculum validate)"
        return f"no module with this id (modules: {', '.join(sorted(m.id for m in curriculum.modules))})"

    module_id = answers.need("module", "Module id", module_exists)
    module = curriculum.module(module_id)
    if module.quiz_id and curriculum.quiz(module.quiz_id):
        raise Abort(f"module '{module_id}' already has its quiz, quizzes/{module.quiz_id}.yml")
    default_id = module.quiz_id or f"{module_id}-quiz"
    quiz_id = answers.need(
        "id", "Quiz id", _id_checker(curriculum, root, lambda v: f"quizzes/{v}.yml"), default=default_id
    )
    title = answers.need("title", "Quiz title", _title_checker, default=f"Check your understanding - {module.title}")
    rel, text = render.quiz(
        id=quiz_id, module_id=module_id, title=title, objectives=list(module.objectives), anchors=list(module.anchors)
    )
    steps = [
        f"Write the questions in {rel}: replace every TODO and todo- value; set each section: to a heading anchor of the module (listed at the top of the quiz)."
    ]
    if module.quiz_id != quiz_id:
        steps.append(f"Add 'quiz: {quiz_id}' to the front matter of {module.source.path}.")
    steps += [
        "Add questions of other types where they fit (CONTRIBUTING.md has an example of each).",
        "Check it: curriculum validate --changed, then preview with make serve.",
    ]
    return rel, text, steps


def _new_checklist(curriculum, answers: Answers, root: Path, today: dt.date):
    title = answers.need("title", "Title of the checklist", _title_checker)
    checklist_id = answers.need(
        "id",
        "Checklist id",
        _id_checker(curriculum, root, lambda v: f"checklists/{v}.yml"),
        default=render.slugify(title),
    )
    competencies = _competencies(curriculum, answers)
    known = list(curriculum.framework.competencies) if curriculum.framework else []
    rel, text = render.checklist(id=checklist_id, title=title, competencies=competencies, known_competencies=known)
    steps = [
        f"Write the checklist in {rel}: replace every TODO and todo- value; one item per observable behaviour.",
        "Every checklist competency needs at least one item, and every item's competencies must be the checklist's.",
        "Check it: curriculum validate --changed, then open a pull request (CONTRIBUTING.md).",
    ]
    return rel, text, steps


MAKERS = {"module": _new_module, "quiz": _new_quiz, "checklist": _new_checklist}
EXAMPLES = {
    "module": 'curriculum new module --track grief --title "Grief in children and teenagers" --id gl-children-teenagers',
    "quiz": "curriculum new quiz --module gl-children-teenagers",
    "checklist": 'curriculum new checklist --title "Observed closing session" --id observed-closing-session',
}
