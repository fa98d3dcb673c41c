"""Write a synthetic, valid content tree of N modules, each with a quiz of ten questions
that mixes every question type. The framework, tracks and glossary are the repository's
own, so every page carries the real navigation sections and glossary abbreviations."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from curriculum_tools.load.schemas import SCHEMA_DIR

REPO = SCHEMA_DIR.parent
WORDS = [
    "group",
    "members",
    "facilitator",
    "grief",
    "loss",
    "meaning",
    "dying",
    "family",
    "support",
    "session",
    "silence",
    "distress",
    "fear",
    "hope",
    "anger",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "with",
    "about",
    "when",
    "their",
    "often",
    "may",
    "can",
    "listen",
    "notice",
    "name",
    "invite",
    "link",
    "reflect",
    "pause",
    "ask",
    "gently",
    "together",
    "each",
    "other",
    "week",
    "treatment",
    "scan",
    "pain",
    "fatigue",
    "hospice",
    "carer",
    "partner",
    "story",
    "memory",
    "body",
    "future",
    "plan",
]
SECTIONS = ("Background", "In the group", "Case vignette", "Reflection questions", "Key points")


def _line(kind: str, rel_folder: str) -> str:
    up = "../" * (rel_folder.count("/") + 1) if rel_folder else ""
    return f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"


def _dump(data) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _text(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraphs(rng: random.Random, words: int, cite: str) -> str:
    paras, left = [], words
    while left > 0:
        size = min(left, 60)
        paras.append(f"{_text(rng, size)} SEGT and DPM appear here [{cite}].")
        left -= size
    return "\n\n".join(paras)


def module_files(index: int, track: str, order: int, competencies: list[str], words: int, today: dt.date):
    """(module Markdown, quiz YAML) of synthetic module number `index`."""
    rng = random.Random(index)
    mid = f"{track}-bench-{index:05d}"
    objectives = [{"id": f"obj-{k}", "text": f"Explain point {k} of module {index} to a group."} for k in range(1, 5)]
    refs = [
        {
            "id": f"ref{k}",
            "authors": "Author A, Author B",
            "year": 2020 + k,
            "title": f"Study {k} of module {index}",
            "source": "Journal of Synthetic Benchmarks",
            "doi": f"10.5555/bench.{index}.{k}",
        }
        for k in range(1, 4)
    ]
    front = {
        "id": mid,
        "title": f"Benchmark module {index}",
        "track": track,
        "order": order,
        "summary": f"Synthetic module {index} for the benchmark.",
        "estimated_minutes": 30,
        "objectives": objectives,
        "competencies": competencies,
        "quiz": f"{mid}-quiz",
        "references": refs,
        "review": {
            "author": "Bench team",
            "reviewer_role": "Psychologist",
            "last_reviewed": (today - dt.timedelta(days=30)).isoformat(),
            "interval_months": 24,
        },
    }
    share = max(words // len(SECTIONS), 1)
    body = []
    for n, title in enumerate(SECTIONS):
        body += [f"## {title}", "", _paragraphs(rng, share, f"@ref{n % 3 + 1}"), ""]
        if n in (1, 3, 4):
            body += [f"- {_text(rng, 8)}" for _ in range(3)] + [""]
    module = "---\n" + _line("module", "curriculum/x") + _dump(front) + "---\n\n" + "\n".join(body)
    quiz = _line("quiz", "quizzes") + _dump(quiz_data(mid, index))
    return mid, module, quiz


def _options(correct: set[int], count: int) -> list[dict]:
    return [
        {
            "id": f"o{k}",
            "text": f"Option {k}",
            **({"correct": True} if k in correct else {}),
            "feedback": "Yes." if k in correct else "Not quite.",
        }
        for k in range(1, count + 1)
    ]


def quiz_data(mid: str, index: int) -> dict:
    """Ten questions: every type once or twice, a scenario of two, and a reflection."""

    def q(qid, qtype, obj, section, **rest):
        return {
            "id": qid,
            "type": qtype,
            "objective": obj,
            "section": section,
            "prompt": f"Question {qid} of module {index}?",
            **rest,
            "explanation": "Because the section says so.",
        }

    single = lambda qid, obj, sec: q(
        qid, "single_choice", obj, sec, hint="Re-read the section.", options=_options({2}, 4)
    )
    multi = lambda qid, obj, sec: q(qid, "multiple_choice", obj, sec, options=_options({1, 3}, 4))
    tf = lambda qid, obj, sec: q(
        qid,
        "true_false",
        obj,
        sec,
        answer=index % 2 == 0,
        feedback_true="True is right here.",
        feedback_false="False is right here.",
    )
    questions = [
        single("q1", "obj-1", "background"),
        multi("q2", "obj-2", "background"),
        tf("q3", "obj-3", "in-the-group"),
        q("q4", "ordering", "obj-4", "in-the-group", items=[{"id": f"i{k}", "text": f"Step {k}"} for k in range(1, 5)]),
        q(
            "q5",
            "matching",
            "obj-1",
            "key-points",
            pairs=[{"id": f"p{k}", "prompt": f"Prompt {k}", "match": f"Match {k}"} for k in range(1, 4)],
            distractors=["Match 9"],
        ),
        {
            "id": "case",
            "type": "scenario",
            "title": f"A member in module {index}",
            "vignette": "A member falls silent after hearing news of another member's scan.",
            "questions": [single("q6", "obj-2", "case-vignette"), multi("q7", "obj-3", "case-vignette")],
        },
        single("q8", "obj-4", "key-points"),
        tf("q9", "obj-1", "key-points"),
        {
            "id": "q10",
            "type": "reflection",
            "section": "reflection-questions",
            "prompt": "What did you notice in yourself?",
            "guidance": "Consider your own reactions.",
        },
    ]
    return {
        "id": f"{mid}-quiz",
        "module": mid,
        "title": f"Check module {index}",
        "pass_mark": 70,
        "mode": "practice",
        "shuffle": False,
        "partial_credit": True,
        "questions": questions,
    }


def write_corpus(root: Path, modules: int, words: int = 1000, today: dt.date | None = None) -> Path:
    """Write the tree under root (emptied first); return root."""
    today = today or dt.date.today()
    if root.exists():
        shutil.rmtree(root)
    (root / "quizzes").mkdir(parents=True)
    for name in ("tracks.yml", "competencies.yml"):
        shutil.copyfile(REPO / name, root / name)
    # the English glossary only: the corpus has no translations
    shutil.copytree(REPO / "glossary", root / "glossary", ignore=shutil.ignore_patterns("*.*.yml"))
    for tool in ("node_modules", ".cache"):  # the build's minifier and its cache, as in the repository
        if (REPO / tool).is_dir():
            (root / tool).symlink_to(REPO / tool, target_is_directory=True)
    tracks = [t["id"] for t in yaml.safe_load((REPO / "tracks.yml").read_text())["tracks"]]
    framework = yaml.safe_load((REPO / "competencies.yml").read_text())
    comps = [c["id"] for d in framework["domains"] for c in d["competencies"]]
    content = root / "curriculum"
    content.mkdir()
    (content / "index.md").write_text("# Benchmark curriculum\n\n<!-- tracks -->\n", encoding="utf-8")
    for track in tracks:
        (content / track).mkdir()
    for index in range(1, modules + 1):
        track = tracks[(index - 1) % len(tracks)]
        order = (index - 1) // len(tracks) + 1
        mid, module, quiz = module_files(
            index, track, order, comps[index % len(comps) :][:2] or comps[:2], words, today
        )
        (content / track / f"{mid}.md").write_text(module, encoding="utf-8")
        (root / "quizzes" / f"{mid}-quiz.yml").write_text(quiz, encoding="utf-8")
    return root


def front_matter_files(root: Path, out: Path) -> Path:
    """Each module's front matter, verbatim, as a YAML file (for check-jsonschema)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for path in sorted((root / "curriculum").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        (out / f"{path.stem}.yml").write_text(text.split("---\n", 2)[1], encoding="utf-8")
    return out
