"""Safe YAML loading that keeps the line and column of every node.

Only plain data is accepted: mappings with string keys, sequences and scalars. Anchors,
aliases, custom tags, duplicate keys and YAML 1.1 booleans written as words are rejected, so
what an author wrote is what the site shows.
"""

from __future__ import annotations

import math
import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from curriculum_tools.core.problems import ContentError, Problem

# Positions map a path inside the document (a tuple of keys and indexes) to (line, col), 1-based.
Positions = dict[tuple, tuple[int, int]]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_TRUE_FALSE = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")


# Content is never nested this deep; deeper input would exhaust Python's recursion limit
# in the composer (and in schema validation after it).
MAX_DEPTH = 64
# Numbers the site and the browser hold exactly (JavaScript's safe integers).
MAX_INTEGER = 2**53 - 1
TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep; content never needs that"


class _Composer(yaml.SafeLoader):
    """A SafeLoader whose composer refuses anchors, aliases and absurd nesting."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise _Reject(
                mark,
                "anchors and aliases (&name, *name) are not allowed; write the content out in full",
                "yaml-anchor",
            )
        if self.depth >= MAX_DEPTH:
            raise _Reject(event.start_mark, TOO_DEEP, "yaml-depth")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python parser only
    CParser = None  # type: ignore[assignment,misc]  # mypy's known limit on optional imports

if CParser is not None:

    class _FastComposer(CParser, yaml.composer.Composer, yaml.resolver.Resolver):
        """libyaml's parser feeding PyYAML's composer: the same nodes and marks, ten times
        faster. It gives up on anything unusual, which _Composer then reports as always."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        get_single_node = yaml.composer.Composer.get_single_node
        depth = 0

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise ValueError("anchor")
            if isinstance(event, yaml.ScalarEvent) and not event.value and not event.style:
                raise ValueError("an empty node, placed differently by libyaml")
            if self.depth >= MAX_DEPTH:
                raise ValueError("too deep")
            self.depth += 1
            try:
                return yaml.composer.Composer.compose_node(self, parent, index)
            finally:
                self.depth -= 1


# Where libyaml and PyYAML's own parser differ (tabs, odd line breaks, stray BOMs, tags, a
# comment right after | or >, "?" after [ or {), or the reader would refuse a character,
# only PyYAML's parser is used.
_SLOW_PATH = re.compile(r"[\t\r\ufeff\u2028\u2029\x85]|(?:^|[\s\[{,])!|[|>][-+0-9]*#|[\[{][^\n]*\?", re.M)


def _compose(text: str):
    if CParser is not None and not _SLOW_PATH.search(text) and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        fast = _FastComposer(text)
        try:
            return fast.get_single_node()
        except Exception:
            pass  # parsed again below, for the usual messages
    loader = _Composer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Reject(Exception):
    def __init__(self, mark, message: str, rule: str):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.rule = rule


def load_yaml(text: str, path: str, line_offset: int = 0):
    """Parse one YAML document. Return (data, positions).

    Raise ContentError with a precise problem when the text is not acceptable.
    `line_offset` is added to every line (for front matter inside a Markdown file).
    """

    def problem(line: int, col: int, message: str, rule: str) -> ContentError:
        return ContentError(Problem(path, line + line_offset, col, message, rule))

    try:
        node = _compose(text)
    except _Reject as exc:
        raise problem(exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.rule) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        raise problem(line, col, f"YAML syntax error: {what}", "yaml-syntax") from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise problem(
            line,
            col,
            f"the file contains the character U+{ord(char):04X}, which YAML does not allow; remove it",
            "yaml-syntax",
        ) from None
    except yaml.YAMLError as exc:
        raise problem(1, 1, f"YAML error: {exc}", "yaml-syntax") from None
    if node is None:
        return None, {(): (1 + line_offset, 1)}
    positions: Positions = {}
    try:
        data = _construct(node, (), positions, line_offset)
    except _Reject as exc:
        raise problem(exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.rule) from None
    return data, positions


def _construct(node, path: tuple, positions: Positions, offset: int):
    mark = node.start_mark
    positions[path] = (mark.line + 1 + offset, mark.column + 1)
    if node.tag not in _PLAIN_TAGS:
        raise _Reject(mark, f"custom tag {node.tag!r} is not allowed", "yaml-tag")
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Reject(key_node.start_mark, "merge keys (<<) are not allowed", "yaml-anchor")
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise _Reject(
                    key_node.start_mark,
                    f"key {_show(key_node)} must be text; quote it",
                    "yaml-key-type",
                )
            key = key_node.value
            if key in result:
                first = positions[path + (key,)]
                raise _Reject(
                    key_node.start_mark,
                    f"duplicate key {key!r} (first defined on line {first[0]})",
                    "yaml-duplicate-key",
                )
            key_mark = key_node.start_mark
            positions[path + (key,)] = (key_mark.line + 1 + offset, key_mark.column + 1)
            result[key] = _construct_value(value_node, path + (key,), positions, offset)
        return result
    if isinstance(node, SequenceNode):
        return [_construct(item, path + (i,), positions, offset) for i, item in enumerate(node.value)]
    return _scalar(node)


def _construct_value(node, path: tuple, positions: Positions, offset: int):
    """Construct a mapping value; its position stays the key's line (what the author edits)."""
    key_pos = positions[path]
    value = _construct(node, path, positions, offset)
    positions[path] = key_pos
    return value


def _scalar(node: ScalarNode):
    tag, text = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return text
    if tag == "tag:yaml.org,2002:bool":
        if not _TRUE_FALSE.match(text):
            raise _Reject(
                node.start_mark,
                f"{text!r} is read as a yes/no value by YAML; write true or false, "
                f'or quote it ("{text}") if you meant the word',
                "yaml-ambiguous-bool",
            )
        return text.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int":
        digits = text.replace("_", "").lstrip("+-")
        too_large = digits.isdigit() and len(digits.lstrip("0")) > len(str(MAX_INTEGER))
        if not too_large:
            try:
                value = int(text.replace("_", ""))
            except ValueError:
                return text
        if too_large or abs(value) > MAX_INTEGER:
            raise _Reject(
                node.start_mark, f"the number {_short(text)} is too large (at most {MAX_INTEGER})", "yaml-number"
            )
        return value
    if tag == "tag:yaml.org,2002:float":
        if text.lower().lstrip("+-") in (".inf", ".nan"):
            number = math.inf
        else:
            try:
                number = float(text.replace("_", ""))
            except ValueError:
                return text
        if not math.isfinite(number) or abs(number) > MAX_INTEGER:
            raise _Reject(
                node.start_mark,
                f"the number {_short(text)} is not a finite number; write an ordinary number",
                "yaml-number",
            )
        return number
    # timestamps stay text: dates are validated as strings by the schemas
    return text


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}...{text[-6:]} ({len(text)} digits)"


def _show(node) -> str:
    if isinstance(node, ScalarNode):
        return repr(node.value)
    return "(a list or mapping)"


def position(positions: Positions, path) -> tuple[int, int]:
    """The position of the deepest known node on `path`."""
    path = tuple(path)
    while path not in positions and path:
        path = path[:-1]
    return positions.get(path, (1, 1))
