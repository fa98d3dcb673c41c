"""A supervised exam paper and its separate marking key, as printable HTML, from the model.
The paper carries no answer: no key, no feedback, no explanation, no hint. The key gives,
per question, the right answer in the paper's own letters, the marks and the explanation."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from string import ascii_uppercase

from curriculum_tools.core.model import Question, Quiz
from curriculum_tools.export.common import Selection, rich, rich_paragraphs
from curriculum_tools.site.components.quiz.render import display_order, match_choices

SCORED = ("single_choice", "multiple_choice", "true_false", "ordering", "matching")

CSS = """
:root { color: #111; background: #fff; font: 11pt/1.45 Georgia, "Times New Roman", serif; }
body { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.meta { margin: 0 0 1rem; } .meta dt { font-weight: bold; float: left; clear: left; width: 9rem; } .meta dd { margin: 0 0 .35rem 9rem; }
.fill { display: inline-block; min-width: 14rem; border-bottom: 1px solid #111; }
.instructions { border: 1px solid #111; padding: 0 1rem; margin: 0 0 1.5rem; }
.question, .case { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.1rem; }
.case { border-left: 3px solid #111; padding-left: .75rem; }
.question h2 { font-size: 1rem; margin: 0 0 .3rem; }
.how { font-style: italic; margin: 0 0 .3rem; }
ol.choices, ol.items, ol.prompts, ol.matches { margin: .2rem 0 .2rem 0; padding-left: 0; list-style: none; }
ol.choices li, ol.items li, ol.prompts li, ol.matches li { margin: .15rem 0; }
.box { display: inline-block; width: .9em; height: .9em; border: 1px solid #111; margin-right: .4em; vertical-align: -.1em; }
.letter { font-weight: bold; margin-right: .35em; }
.blank { display: inline-block; min-width: 2.5em; border-bottom: 1px solid #111; margin-left: .5em; }
.lines { height: 9rem; background: repeating-linear-gradient(#fff 0 1.7rem, #999 1.7rem 1.75rem); border: 0; }
.marks { float: right; font-weight: normal; font-style: italic; }
.key-answer { margin: .2rem 0; } .key-answer strong { margin-right: .3em; }
.notice { font-weight: bold; }
table.match { border-collapse: collapse; } table.match td, table.match th { border: 1px solid #111; padding: .2rem .5rem; text-align: left; vertical-align: top; }
@page { margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class Entry:
    number: int | None  # None for a case vignette
    quiz: Quiz
    question: Question
    case: Question | None = None


def choose(selection: Selection, count: int | None, seed: int | None) -> list[Entry]:
    """Questions for the paper in curriculum order; with count, a seeded sample of that
    many scored questions (a case's questions stay with its vignette)."""
    pool: list[tuple[Quiz, Question, Question | None]] = []
    for _track, quiz in selection.items:
        for question in quiz.questions:
            for q in question.questions if question.type == "scenario" else [question]:
                if count is not None and q.type not in SCORED:
                    continue  # a sampled paper holds scored questions only
                pool.append((quiz, q, question if question.type == "scenario" else None))
    if count is not None:
        picked = set(random.Random(seed).sample(range(len(pool)), count))
        pool = [p for i, p in enumerate(pool) if i in picked]
    entries: list[Entry] = []
    last_case = None
    for number, (quiz, q, case) in enumerate(pool, 1):
        if case is not None and case is not last_case:
            entries.append(Entry(None, quiz, case))
        last_case = case
        entries.append(Entry(number, quiz, q, case))
    return entries


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _pass_mark(selection: Selection) -> tuple[int, str]:
    marks = sorted({q.pass_mark for _, q in selection.items})
    if len(marks) == 1:
        return marks[0], ""
    return marks[-1], f" (the quizzes' pass marks differ: {', '.join(map(str, marks))}%; this paper uses the highest)"


def _header(title: str, selection: Selection, entries: list[Entry], seed: int | None, key: bool) -> str:
    scored = sum(1 for e in entries if e.number and e.question.type in SCORED)
    mark, note = _pass_mark(selection)
    quizzes = "; ".join(_e(q.title) for _, q in selection.items)
    rows = [
        ("Covers", quizzes),
        (
            "Questions",
            f"{scored} scored, 1 mark each"
            + (
                f"; {sum(1 for e in entries if e.number and e.question.type == 'reflection')} reflection (not scored)"
                if any(e.question.type == "reflection" for e in entries if e.number)
                else ""
            ),
        ),
        ("Pass mark", f"{mark}%{_e(note)}"),
    ]
    if seed is not None:
        rows.append(("Paper", f"sampled with seed {seed}"))
    if not key:
        rows = [
            ("Candidate", '<span class="fill"></span>'),
            ("Date", '<span class="fill"></span>'),
            ("Supervisor", '<span class="fill"></span>'),
        ] + rows
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    out = f'<h1>{_e(title)}</h1>\n<dl class="meta">{meta}</dl>\n'
    if key:
        out += (
            '<p class="notice">Marking key: keep it away from candidates. Partial credit as on the site: multiple choice '
            "(right ticks - wrong ticks) / number of right answers, never below 0; ordering the share of items in "
            "their place; matching the share of right pairs.</p>\n"
            if any(q.partial_credit for _, q in selection.items)
            else '<p class="notice">Marking key: keep it away from candidates. Each question scores 1 mark when fully right, else 0.</p>\n'
        )
    else:
        out += (
            '<div class="instructions"><p>Answer every question in ink. Tick boxes where there are boxes; write letters '
            "on the lines. Reflection questions are not scored. You may not use notes or the course site.</p></div>\n"
        )
    return out


def _letters(n: int) -> list[str]:
    return [
        ascii_uppercase[i] if i < 26 else f"{ascii_uppercase[i // 26 - 1]}{ascii_uppercase[i % 26]}" for i in range(n)
    ]


def _options(q: Question) -> list[tuple[str, str, bool, str]]:
    """(id, text html, correct, feedback) in the order the paper prints them."""
    if q.type == "true_false":
        return [
            ("true", "True", q.answer is True, q.feedback_true),
            ("false", "False", q.answer is False, q.feedback_false),
        ]
    return [(o.id, rich(o.text), o.correct, o.feedback) for o in q.options]


HOW = {
    "single_choice": "Tick one box.",
    "multiple_choice": "Tick every box that applies.",
    "true_false": "Tick True or False.",
    "ordering": "Write the letters in the right order on the line.",
    "matching": "Write the letter of one option beside each item (an option may fit none or more than one).",
    "reflection": "Write your answer. Not scored.",
}


def _paper_question(entry: Entry) -> str:
    quiz, q = entry.quiz, entry.question
    marks = "1 mark" if q.type in SCORED else "not scored"
    parts = [
        f'<section class="question" aria-labelledby="q{entry.number}"><h2 id="q{entry.number}">Question {entry.number}<span class="marks">{marks}</span></h2>',
        f"<p>{rich(q.prompt)}</p>",
        f'<p class="how">{HOW[q.type]}</p>',
    ]
    if q.type in ("single_choice", "multiple_choice", "true_false"):
        rows = [
            f'<li><span class="box" aria-hidden="true"></span><span class="letter">{letter}.</span> {text}</li>'
            for letter, (_, text, _, _) in zip(_letters(len(_options(q))), _options(q))
        ]
        parts.append(f'<ol class="choices">{"".join(rows)}</ol>')
    elif q.type == "ordering":
        items = display_order(quiz, q)
        rows = [
            f'<li><span class="letter">{letter}.</span> {rich(text)}</li>'
            for letter, (_, text) in zip(_letters(len(items)), items)
        ]
        parts.append(
            f'<ol class="items">{"".join(rows)}</ol><p>Order, first to last:<span class="blank" style="min-width:16em"></span></p>'
        )
    elif q.type == "matching":
        choices = match_choices(quiz, q)
        prompts = "".join(
            f'<tr><td>{i}. {rich(prompt)}</td><td><span class="blank"></span></td></tr>'
            for i, (_, prompt, _) in enumerate(q.pairs, 1)
        )
        options = "".join(
            f'<li><span class="letter">{letter}.</span> {_e(text)}</li>'
            for letter, (_, text) in zip(_letters(len(choices)), choices)
        )
        parts.append(
            f'<table class="match"><thead><tr><th scope="col">Item</th><th scope="col">Letter</th></tr></thead><tbody>{prompts}</tbody></table>'
            f'<p>Options:</p><ol class="matches">{options}</ol>'
        )
    else:
        parts.append('<div class="lines" role="presentation"></div>')
    parts.append("</section>")
    return "".join(parts)


def _case(entry: Entry) -> str:
    case = entry.question
    return f'<section class="case"><h2>Case: {rich(case.title)}</h2>{rich_paragraphs(case.vignette)}<p class="how">The questions that follow are about this case.</p></section>'


def _key_question(entry: Entry) -> str:
    quiz, q = entry.quiz, entry.question
    head = f'<section class="question" aria-labelledby="k{entry.number}"><h2 id="k{entry.number}">Question {entry.number}<span class="marks">{"1 mark" if q.type in SCORED else "not scored"}</span></h2><p>{rich(q.prompt)}</p>'
    parts = [head]
    if q.type in ("single_choice", "multiple_choice", "true_false"):
        options = _options(q)
        letters = _letters(len(options))
        right = [f"{letter} ({text})" for letter, (_, text, ok, _) in zip(letters, options) if ok]
        parts.append(f'<p class="key-answer"><strong>Answer:</strong>{"; ".join(right)}</p>')
        fb = "".join(
            f'<li><span class="letter">{letter}.</span> {"right" if ok else "wrong"}: {rich(feedback)}</li>'
            for letter, (_, _, ok, feedback) in zip(letters, options)
            if feedback
        )
        if fb:
            parts.append(f'<p>Feedback per option:</p><ol class="choices">{fb}</ol>')
    elif q.type == "ordering":
        items = display_order(quiz, q)
        letter_of = {item_id: letter for letter, (item_id, _) in zip(_letters(len(items)), items)}
        order = " ".join(letter_of[item_id] for item_id, _ in q.items)
        parts.append(
            f'<p class="key-answer"><strong>Answer:</strong>{order}</p><ol class="items">'
            + "".join(f'<li><span class="letter">{letter_of[i]}.</span> {rich(t)}</li>' for i, t in q.items)
            + "</ol>"
        )
    elif q.type == "matching":
        choices = match_choices(quiz, q)
        letter_of = {value: letter for letter, (value, _) in zip(_letters(len(choices)), choices)}
        rows = "".join(
            f"<tr><td>{i}. {rich(prompt)}</td><td><strong>{letter_of[pair_id]}</strong> ({_e(match)})</td></tr>"
            for i, (pair_id, prompt, match) in enumerate(q.pairs, 1)
        )
        parts.append(
            f'<p class="key-answer"><strong>Answer:</strong></p><table class="match"><thead><tr><th scope="col">Item</th><th scope="col">Right option</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    if q.type == "reflection":
        if q.guidance:
            parts.append(f"<p><strong>Points to consider:</strong></p>{rich_paragraphs(q.guidance)}")
    elif q.explanation:
        parts.append(f'<p class="explanation"><strong>Explanation:</strong> {rich(q.explanation)}</p>')
    parts.append("</section>")
    return "".join(parts)


def render(selection: Selection, entries: list[Entry], title: str, seed: int | None) -> tuple[str, str]:
    paper = [_header(title, selection, entries, seed, key=False)]
    key = [_header(f"{title}: marking key", selection, entries, seed, key=True)]
    for entry in entries:
        if entry.number is None:
            paper.append(_case(entry))
            key.append(f"<h2>Case: {rich(entry.question.title)}</h2>")
        else:
            paper.append(_paper_question(entry))
            key.append(_key_question(entry))
    return _page(title, "\n".join(paper)), _page(f"{title}: marking key", "\n".join(key))
