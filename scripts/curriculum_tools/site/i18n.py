"""The build's page-facing strings: one catalogue per language (site/strings/<lang>.json,
the same keys in every language; English where a language lacks one), placeholders in
braces and plurals written in the catalogue, never built by concatenation:

    "track.modules": "{n, plural, one {# module} other {# modules}}"

The plural category of a number comes from the language's rule (PLURAL_RULES, CLDR's
cardinal rules for the languages we have). The language of the page being rendered is set
once per build (use()); renderers call t(key, **values)."""

from __future__ import annotations

import contextvars
import json
import re
from contextlib import contextmanager
from functools import cache
from html import escape
from pathlib import Path

STRINGS = Path(__file__).resolve().parent / "strings"
DEFAULT = "en"

# CLDR cardinal plural rules, for integers: en and es have "one" for 1 and "other" otherwise.
PLURAL_RULES = {
    "en": lambda n: "one" if n == 1 else "other",
    "es": lambda n: "one" if n == 1 else "other",
}

_language: contextvars.ContextVar[str] = contextvars.ContextVar("curriculum_language", default=DEFAULT)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def catalogue(language: str) -> dict[str, str]:
    strings = json.loads((STRINGS / f"{DEFAULT}.json").read_text(encoding="utf-8"))
    other = STRINGS / f"{language}.json"
    if language != DEFAULT and other.is_file():
        strings.update(json.loads(other.read_text(encoding="utf-8")))
    return strings


def languages() -> list[str]:
    return sorted(p.stem for p in STRINGS.glob("*.json"))


def current() -> str:
    return _language.get()


@contextmanager
def use(language: str):
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def set_language(language: str) -> None:
    """For the plugin, whose events span a whole build (one language per build)."""
    _language.set(language)


def t(key: str, language: str | None = None, **values) -> str:
    lang = language or current()
    text = catalogue(lang)[key]
    return format_message(text, lang, values)


class Markup(str):
    """HTML that t_html inserts as it is (markup the renderer made and escaped itself)."""


def t_html(key: str, language: str | None = None, **values) -> Markup:
    """t() for an HTML page: the catalogue's words and every value escaped, except values that
    are Markup; numbers stay numbers (for plurals)."""
    marks: dict[str, str] = {}
    plain: dict[str, object] = {}
    for i, (name, value) in enumerate(values.items()):
        if isinstance(value, int) and not isinstance(value, bool):
            plain[name] = value
            continue
        token = f"\x00{i}\x00"
        marks[token] = value if isinstance(value, Markup) else escape(str(value))
        plain[name] = token
    text = escape(t(key, language, **plain))
    for token, value in marks.items():
        text = text.replace(token, value)
    return Markup(text)


def format_message(text: str, language: str, values: dict) -> str:
    """{name} replaced by its value; {name, plural, one {...} other {...}} by the branch the
    language's plural rule picks for the value, with # as the number."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "{":
            out.append(text[i])
            i += 1
            continue
        end = _matching(text, i)
        body = text[i + 1 : end]
        if "," in body:
            name, kind, branches = (part.strip() if n < 2 else part for n, part in enumerate(body.split(",", 2)))
            if kind != "plural":
                raise ValueError(f"unknown message format {kind!r} in {text!r}")
            n = values[name]
            options = _branches(branches)
            rule = PLURAL_RULES.get(language, PLURAL_RULES[DEFAULT])
            chosen = options.get(f"={n}") or options.get(rule(n)) or options["other"]
            out.append(format_message(chosen.replace("#", str(n)), language, values))
        else:
            out.append(str(values[body]))
        i = end + 1
    return "".join(out)


def _matching(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError(f"unbalanced braces in {text!r}")


def _branches(text: str) -> dict[str, str]:
    out, i = {}, 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        j = text.index("{", i)
        end = _matching(text, j)
        out[text[i:j].strip()] = text[j + 1 : end]
        i = end + 1
    return out
