"""Parse JSON and keep the line and column of every value, in the same form as the YAML
loader's positions: a path of keys and indexes -> (line, col). A member's position is its
key's (the line a person edits); an array item's is where the item starts.

An export can be tens of megabytes, and only the values a problem is reported on need a
position: the standard (C) parser reads the data, and positions are found on demand
(LazyPositions), by walking the text down the path asked for and skipping every other
value with the same parser."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import scanstring  # type: ignore[attr-defined]  # public since Python 2, missing from typeshed

from curriculum_tools.core.problems import ContentError, Problem
from curriculum_tools.load.yaml import Positions

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


class _Bad(Exception):
    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index, self.message = index, message


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs):
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Duplicate()
    return result


def load_json(text: str, path: str):
    """Return (data, positions); raise ContentError with file:line:col when the text is not JSON."""
    starts: list[int] = []

    def where(index: int) -> tuple[int, int]:
        if not starts:
            starts.extend([0] + [m.end() for m in re.finditer("\n", text)])
        line = bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    if not text.strip():
        raise ContentError(
            Problem(path, 1, 1, "file is empty; expected a record or an export of records (JSON)", "json-syntax")
        )
    duplicate = False
    floats: list[str] = []

    def parse_float(number: str) -> float:
        floats.append(number)
        return float(number)

    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=parse_float)
    except _Duplicate:
        duplicate = True  # found with its line by the full walk below
    except json.JSONDecodeError as exc:
        before = text[: exc.pos].rstrip()
        if before.endswith(",") and text[exc.pos : exc.pos + 1] in "]}":
            line, col = where(len(before) - 1)
            raise ContentError(
                Problem(
                    path,
                    line,
                    col,
                    f"not valid JSON: a comma before '{text[exc.pos]}' (JSON allows no trailing comma)",
                    "json-syntax",
                )
            ) from None
        raise ContentError(Problem(path, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}", "json-syntax")) from None
    except RecursionError:
        line, col = where(_too_deep(text))
        raise ContentError(
            Problem(path, line, col, f"JSON nested more than {MAX_DEPTH} levels deep; a record never is", "json-syntax")
        ) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        long_number = _LONG_NUMBER.search(text)
        line, col = where(long_number.start() if long_number else 0)
        raise ContentError(
            Problem(
                path, line, col, "not usable JSON: a number with thousands of digits; no record has one", "json-syntax"
            )
        ) from None
    if not duplicate:
        lazy = LazyPositions(text, where)
        lazy.has_float = bool(floats)
        return data, lazy
    positions: Positions = {}
    try:
        data, end = _value(text, _skip(text, 0), (), positions, where)
    except _Bad as exc:
        line, col = where(exc.index)
        raise ContentError(Problem(path, line, col, exc.message, "json-syntax")) from None
    except RecursionError:
        line, col = where(_too_deep(text))
        raise ContentError(
            Problem(path, line, col, f"JSON nested more than {MAX_DEPTH} levels deep; a record never is", "json-syntax")
        ) from None
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


class LazyPositions:
    """Positions (path -> (line, col)) found when asked for: `path in positions` and
    `positions.get(path)` walk the text down the path, listing the members or items of each
    container on the way once (skipping their values with the C parser), and cache it."""

    has_float = True  # whether the text holds a decimal number (set by load_json)

    def __init__(self, text: str, where):
        self.text, self.where = text, where
        self.root = _skip(text, 0)
        self.decoder = json.JSONDecoder()
        self.children: dict[tuple, dict] = {}  # container path -> {key or index: (position offset, value offset)}
        self.found: dict[tuple, tuple[int, int] | None] = {}

    def _members(self, path: tuple, start: int) -> dict:
        if path in self.children:
            return self.children[path]
        text, kids = self.text, {}
        opening = text[start : start + 1]
        if opening in ("{", "["):
            closing = "}" if opening == "{" else "]"
            i = _skip(text, start + 1)
            index = 0
            while i < len(text) and text[i] != closing:
                if opening == "{":
                    key_at = i
                    key, i = scanstring(text, i + 1)
                    i = _skip(text, _skip(text, i) + 1)  # past the colon
                    kids[key] = (key_at, i)
                else:
                    kids[index] = (i, i)
                    index += 1
                _, i = self.decoder.raw_decode(text, i)
                i = _skip(text, i)
                if text[i : i + 1] == ",":
                    i = _skip(text, i + 1)
        self.children[path] = kids
        return kids

    def _locate(self, path: tuple) -> tuple[int, int] | None:
        if path not in self.found:
            offset, start = self.root, self.root
            for depth, part in enumerate(path):
                kids = self._members(path[:depth], start)
                if part not in kids:
                    self.found[path] = None
                    return None
                offset, start = kids[part]
            self.found[path] = self.where(offset)
        return self.found[path]

    def __contains__(self, path) -> bool:
        return isinstance(path, tuple) and self._locate(path) is not None

    def get(self, path, default=None):
        found = self._locate(tuple(path))
        return default if found is None else found

    def __getitem__(self, path):
        found = self._locate(tuple(path))
        if found is None:
            raise KeyError(path)
        return found


def _skip(text: str, index: int) -> int:
    space = _SPACE.match(text, index)
    return space.end() if space else index


def _value(text: str, i: int, path: tuple, positions: Positions, where):
    positions.setdefault(path, where(i))
    char = text[i : i + 1]
    if char == "{":
        result: dict = {}
        i = _skip(text, i + 1)
        if text[i : i + 1] == "}":
            return result, i + 1
        while True:
            if text[i : i + 1] != '"':
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
            if text[i : i + 1] == "}":
                return result, i + 1
            i = _skip(text, i + 1)  # the comma
    if char == "[":
        items: list = []
        i = _skip(text, i + 1)
        if text[i : i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, i, path + (len(items),), positions, where)
            items.append(item)
            i = _skip(text, i)
            if text[i : i + 1] == "]":
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
    raise _Bad(i, f"unexpected {text[i : i + 12]!r}; NaN and Infinity are not JSON")
