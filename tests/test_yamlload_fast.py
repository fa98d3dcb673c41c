"""The libyaml fast path of the YAML loader gives exactly what PyYAML's own parser gives:
the same data, positions and messages, on real content and on random YAML-like text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curriculum_tools.core.problems import ContentError
from curriculum_tools.load import yaml as yamlload
from helpers import FIXTURES, REPO

pytestmark = pytest.mark.skipif(yamlload.CParser is None, reason="PyYAML without libyaml")

TOKENS = [
    "a",
    "b",
    "é",
    ":",
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\n- ",
    "key: ",
    "  x: y\n",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "|",
    ">",
    "?",
    "? ",
    "!",
    "! ",
    "!!str ",
    "&a ",
    "*a",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "\t",
    "\r",
    "\u2028",
    "\ufeff",
    "\x85",
    "|-\n",
    ">+\n  ",
    "'it''s'",
    '"a\\"b"',
    "0x1F",
    "1e3",
    ".inf",
    "~",
    "null",
    "yes",
    "2026-01-01",
    "`",
    "@",
    "\\",
]


def outcome(text: str, compose):
    """(nodes as (tag, value, line, column) or the error message) of one way of composing."""

    def walk(node, out):
        out.append((node.tag, node.start_mark.line, node.start_mark.column))  # the loader uses start marks only
        for child in node.value if isinstance(node.value, list) else [node.value]:
            for part in child if isinstance(child, tuple) else [child]:
                walk(part, out) if hasattr(part, "tag") else out.append(part)
        return out

    try:
        node = compose(text)
    except Exception as exc:  # noqa: BLE001 - the message is what is compared
        return ("error", type(exc).__name__, str(exc))
    return None if node is None else walk(node, [])


def python_only(text: str):
    loader = yamlload._Composer(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def content_files():
    files = list(REPO.glob("*.yml")) + sorted(REPO.glob("[gqc]*/**/*.yml")) + sorted(FIXTURES.rglob("*.yml"))
    return [p for p in files if ".venv" not in p.parts and "node_modules" not in p.parts]


def test_real_content_takes_the_fast_path_and_gives_the_same_nodes():
    files = content_files()
    assert len(files) > 20
    fast = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        fast += not yamlload._SLOW_PATH.search(text)
        assert outcome(text, yamlload._compose) == outcome(text, python_only), path
    assert fast >= len(files) // 2


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40))
def test_random_yaml_gives_the_same_nodes_or_message(tokens):
    text = "".join(tokens)
    assert outcome(text, yamlload._compose) == outcome(text, python_only)


def test_anchor_is_still_refused_with_its_position():
    with pytest.raises(ContentError) as info:
        yamlload.load_yaml("a: 1\nb: &x 2\n", "f.yml")
    assert (info.value.problem.line, info.value.problem.col) == (2, 4)
    assert "anchors and aliases" in info.value.problem.message
