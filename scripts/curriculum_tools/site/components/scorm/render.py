"""The SCO runtime's root on a module page of an LMS package, and the suspend_data encoding
it uses, held here too so the package command can measure the worst case of every quiz
before anything is written (scorm.js encodeState; tests/test_scorm.py holds the two to the
same strings).

The book lists a quiz's questions that the LMS keeps, in quiz order: [id, type, ids] with
the option, item or pair ids, and for matching the values a prompt can be paired with.
Reflections are not in it: they stay in the browser and are never sent."""

from __future__ import annotations

import json
import math

from curriculum_tools.core.model import Module, Quiz
from curriculum_tools.site import sanitize

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
EMPTY = "~"
FORMAT = "1"
MAX_ATTEMPTS = 20
VERSIONS = {"scorm12": "1.2", "scorm2004": "2004"}


def book(quiz: Quiz | None) -> list[list]:
    out: list[list] = []
    for q in quiz.all_questions() if quiz else []:
        if q.type in ("single_choice", "multiple_choice"):
            out.append([q.id, q.type, [o.id for o in q.options]])
        elif q.type == "true_false":
            out.append([q.id, q.type, ["true", "false"]])
        elif q.type == "ordering":
            out.append([q.id, q.type, [item_id for item_id, _ in q.items]])
        elif q.type == "matching":
            pairs = [pair_id for pair_id, _, _ in q.pairs]
            out.append([q.id, q.type, pairs, pairs + [f"distractor-{i + 1}" for i in range(len(q.distractors))]])
    return out


def sco_pages(module: Module, scenarios=()) -> list[str]:
    """The SCO's pages, as paths in the package: the module page and its scenario pages (a
    link between two of them keeps the SCO's session; scorm.js sameSco)."""
    return [module.src_uri[: -len(".md")] + ".html", *(f"scenarios/{s.id}.html" for s in scenarios)]


def sco_config(module: Module, quiz: Quiz | None, lms: str, scenarios=(), scenario=None) -> dict:
    """On a scenario page (scenario given) the quiz is not on the page: no book."""
    return {
        "version": VERSIONS[lms],
        "module": module.id,
        "quiz": quiz.id if quiz else None,
        "book": book(quiz) if scenario is None else [],
        "scenario": scenario.id if scenario is not None else None,
        "scenarios": [s.id for s in scenarios],
        "pages": sco_pages(module, scenarios),
    }


def render_sco(module: Module, quiz: Quiz | None, lms: str, scenarios=(), scenario=None) -> str:
    config = sanitize.text(
        json.dumps(sco_config(module, quiz, lms, scenarios, scenario), separators=(",", ":"), sort_keys=True)
    )
    return f'<div class="cs-sco" data-module="scorm" data-config="{config}" hidden></div>'


def _chars(ids: list[str], values: list[str]) -> str | None:
    out = ""
    for value in values:
        if value not in ids or ids.index(value) >= len(ALPHABET):
            return None
        out += ALPHABET[ids.index(value)]
    return out


def _answer(entry: list, value) -> str:
    if value is None:
        return ""
    if entry[1] == "matching":
        token = "".join(
            ALPHABET[entry[3].index(value.get(pair))]
            if value.get(pair) in entry[3] and entry[3].index(value.get(pair)) < len(ALPHABET)
            else EMPTY
            for pair in entry[2]
        )
        return token if token.replace(EMPTY, "") else ""
    return _chars(entry[2], value if isinstance(value, list) else [value]) or ""


def encode_state(entries: list[list], state: dict) -> str:
    """scorm.js encodeState, character for character."""
    answers, orders = [], []
    for entry in entries:
        answers.append(_answer(entry, state.get("answers", {}).get(entry[0])))
        order = state.get("orders", {}).get(entry[0])
        orders.append((_chars(entry[2], order) or "") if order and entry[1] != "matching" else "")
    attempts = "".join(
        f"{math.floor(a['percent'] + 0.5)}{'p' if a['passed'] else 'f'}"
        for a in state.get("attempts", [])[-MAX_ATTEMPTS:]
    )
    return "|".join([FORMAT, "1" if state.get("checked") else "0", ".".join(answers), ".".join(orders), attempts])


def worst_case(quiz: Quiz) -> dict:
    """The longest state a trainee can leave: every question answered at full length (every
    option ticked, every pair matched), every order kept, the most attempts, all at 100%."""
    answers, orders = {}, {}
    for entry in book(quiz):
        qid, kind, ids = entry[0], entry[1], entry[2]
        if kind == "matching":
            answers[qid] = dict.fromkeys(ids, entry[3][-1])
            continue
        answers[qid] = ids if kind in ("multiple_choice", "ordering") else ids[-1]
        if kind == "ordering" or quiz.shuffle:
            orders[qid] = ids
    attempts = [{"percent": 100, "passed": True}] * MAX_ATTEMPTS
    return {"answers": answers, "orders": orders, "checked": True, "attempts": attempts}


def too_many_choices(quiz: Quiz) -> list[str]:
    """Questions with more options, items or matches than one character can number."""
    return [entry[0] for entry in book(quiz) if len(entry[-1]) > len(ALPHABET)]


def suspend_size(quiz: Quiz) -> int:
    """The characters of suspend_data this quiz can need at most."""
    return len(encode_state(book(quiz), worst_case(quiz)))
