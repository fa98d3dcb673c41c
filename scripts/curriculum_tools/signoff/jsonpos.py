"""Parse JSON and keep the line and column of every value, in the same form as the YAML
loader's positions: a path of keys and indexes -> (line, col). A member's position is its
key's (the line a person edits); an array item's is where the item starts."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import scanstring

from curriculum_tools.core.problems import ContentError, Problem
from curriculum_tools.load.yaml import Positions

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _Bad(Exception):
    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index, self.message = index, message


def load_json(text: str, path: str):
    """Return (data, positions); raise ContentError with file:line:col when the text is not JSON."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(index: int) -> tuple[int, int]:
        line = bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    if not text.strip():
        raise ContentError(Problem(path, 1, 1, "file is empty; expected a record or an export of records (JSON)", "json-syntax"))
    try:
        json.loads(text)  # the standard parser's messages, for text that is not JSON at all
    except json.JSONDecodeError as exc:
        before = text[: exc.pos].rstrip()
        if before.endswith(",") and text[exc.pos: exc.pos + 1] in "]}":
            line, col = where(len(before) - 1)
            raise ContentError(Problem(path, line, col, f"not valid JSON: a comma before '{text[exc.pos]}' (JSON allows no trailing comma)", "json-syntax")) from None
        raise ContentError(Problem(path, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}", "json-syntax")) from None
    except RecursionError:
        line, col = where(_too_deep(text))
        raise ContentError(Problem(path, line, col, f"JSON nested more than {MAX_DEPTH} levels deep; a record never is", "json-syntax")) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        line, col = where(_LONG_NUMBER.search(text).start() if _LONG_NUMBER.search(text) else 0)
        raise ContentError(Problem(path, line, col, "not usable JSON: a number with thousands of digits; no record has one", "json-syntax")) from None
    positions: Positions = {}
    try:
        data, end = _value(text, _skip(text, 0), (), positions, where)
    except _Bad as exc:
        line, col = where(exc.index)
        raise ContentError(Problem(path, line, col, exc.message, "json-syntax")) from None
    except RecursionError:
        line, col = where(_too_deep(text))
        raise ContentError(Problem(path, line, col, f"JSON nested more than {MAX_DEPTH} levels deep; a record never is", "json-syntax")) from None
    return data, positions


MAX_DEPTH = 64
_LONG_NUMBER = re.compile(r"\d{4000,}")
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> int:
    """Where the nesting first goes deeper than MAX_DEPTH (outside strings)."""
    depth = 0
    for match in _STRUCTURE.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif char in "]}":
            depth -= 1
    return 0


def _skip(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()


def _value(text: str, i: int, path: tuple, positions: Positions, where):
    positions.setdefault(path, where(i))
    char = text[i:i + 1]
    if char == "{":
        result: dict = {}
        i = _skip(text, i + 1)
        if text[i:i + 1] == "}":
            return result, i + 1
        while True:
            if text[i:i + 1] != '"':
                raise _Bad(i, "expected a key in double quotes")
            key_at = i
            key, i = scanstring(text, i + 1)
            if key in result:
                line = positions[path + (key,)][0]
                raise _Bad(key_at, f"duplicate key {key!r} (first on line {line})")
            positions[path + (key,)] = where(key_at)
            i = _skip(text, i)
            i = _skip(text, i + 1)  # the colon (the standard parser has checked it)
            result[key], i = _value(text, i, path + (key,), positions, where)
            i = _skip(text, i)
            if text[i:i + 1] == "}":
                return result, i + 1
            i = _skip(text, i + 1)  # the comma
    if char == "[":
        items: list = []
        i = _skip(text, i + 1)
        if text[i:i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, i, path + (len(items),), positions, where)
            items.append(item)
            i = _skip(text, i)
            if text[i:i + 1] == "]":
                return items, i + 1
            i = _skip(text, i + 1)
    if char == '"':
        return scanstring(text, i + 1)
    for word, value in _LITERALS.items():
        if text.startswith(word, i):
            return value, i + len(word)
    match = _NUMBER.match(text, i)
    if match:
        number = match.group()
        return (float(number) if any(c in number for c in ".eE") else int(number)), match.end()
    raise _Bad(i, f"unexpected {text[i:i + 12]!r}; NaN and Infinity are not JSON")
