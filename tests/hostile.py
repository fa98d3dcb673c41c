"""Hostile content for the tests of the rendering policy: the minimal tree with a given text
in every free-text field of every content kind (YAML and front matter) and in a module body
and a plain page, and an HTML reader that lists what in a built page could run."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from helpers import BASE

# Free-text fields (no pattern, enum or format in the schemas); ids, dates, DOIs and URLs are
# checked by their schema patterns instead.
TEXT_KEYS = {
    "title",
    "summary",
    "text",
    "statement",
    "description",
    "label",
    "term",
    "definition",
    "prompt",
    "feedback",
    "explanation",
    "hint",
    "guidance",
    "vignette",
    "match",
    "purpose",
    "setting",
    "feedback_true",
    "feedback_false",
    "authors",
    "source",
    "note",
    "author",
    "reviewer_role",
}
LIST_TEXT_KEYS = {"distractors"}
YAML_FILES = [
    "tracks.yml",
    "competencies.yml",
    "glossary/general.yml",
    "quizzes/demo-module-quiz.yml",
    "checklists/demo-checklist.yml",
]
MODULE = "curriculum/demo/demo-module.md"
PAGE = "curriculum/index.md"

HOSTILE = (
    'Hi <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> [x](javascript:window.__pwned=3) '
    '<a href="javascript:window.__pwned=4">j</a> <iframe src="https://example.org/"></iframe> '
    '<b style="color:red" onclick="window.__pwned=5">s</b> <svg onload="window.__pwned=6"></svg>\n\n'
    '*[Hi]: <script>window.__pwned=7</script>\n\n<details open ontoggle="window.__pwned=8"><summary>x</summary></details>'
)
HOSTILE_BODY = """
## Hostile section

<script>window.__pwned=10</script>

<img src="x" onerror="window.__pwned=11">

A [link](javascript:window.__pwned=12) and <a href="jav&#x09;ascript:window.__pwned=13">another</a>.

<iframe src="https://example.org/"></iframe>

<p style="color:red" onclick="window.__pwned=14">styled</p>

A paragraph with attributes {: onclick="window.__pwned=15" }

[ref]: javascript:window.__pwned=16

Using [the reference][ref] and <javascript:window.__pwned=17> and ![i](data:text/html,x).

<div markdown="1" onmouseover="window.__pwned=18">**inside**</div>
"""


# Where a schema caps the length: a glossary term (60) and definition (400).
SHORT = {
    "term": "T\n\n<script>window.__pwned=20</script>",
    "definition": 'D <img src=x onerror="window.__pwned=21"> [x](javascript:window.__pwned=22)\n\n*[T]: <script>window.__pwned=23</script>',
}


def set_text(data, value: str, path=(), counter=None):
    """Set every free-text field of the data to `value` (each made unique with a number, as
    rules require of options and items); yield the paths set."""
    counter = counter if counter is not None else [0]

    def unique(text: str) -> str:
        counter[0] += 1
        return f"{text} {counter[0]}"

    if isinstance(data, dict):
        for key, item in data.items():
            if isinstance(item, str) and key in TEXT_KEYS:
                data[key] = unique(SHORT.get(key, value) if value == HOSTILE else value)
                yield path + (key,)
            elif isinstance(item, list) and key in LIST_TEXT_KEYS:
                data[key] = [unique(value) for _ in item]
                yield from (path + (key, i) for i in range(len(item)))
            else:
                yield from set_text(item, value, path + (key,), counter)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from set_text(item, value, path + (index,), counter)


def _split_front_matter(text: str) -> tuple[dict, str]:
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def hostile_tree(root: Path, value: str = HOSTILE, body: str = HOSTILE_BODY) -> dict[str, list[tuple]]:
    """Write the minimal tree under root with `value` in every text field; return the paths
    set in each file."""
    import shutil

    shutil.copytree(BASE, root)
    set_paths: dict[str, list[tuple]] = {}
    for rel in YAML_FILES:
        original = (root / rel).read_text()
        data = yaml.safe_load(original)
        set_paths[rel] = list(set_text(data, value))
        schema_line = original.split("\n", 1)[0] + "\n"
        (root / rel).write_text(
            schema_line + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    original = (root / MODULE).read_text()
    meta, module_body = _split_front_matter(original)
    meta["review"]["last_reviewed"] = str(meta["review"]["last_reviewed"])
    set_paths[MODULE] = list(set_text(meta, value))
    (root / MODULE).write_text(
        "---\n"
        + original.split("\n")[1]
        + "\n"
        + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        + "---\n"
        + module_body
        + body,
        encoding="utf-8",
    )
    page_meta = {"title": value}
    (root / PAGE).write_text(
        "---\n" + yaml.safe_dump(page_meta, allow_unicode=True) + "---\n# Test home\n\n<!-- tracks -->\n" + body,
        encoding="utf-8",
    )
    set_paths[PAGE] = []
    return set_paths


def write_config(root: Path) -> Path:
    from conftest import write_site_config

    return write_site_config(root)


URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}


class Live(HTMLParser):
    """Everything in a page that could run: script elements, event-handler attributes,
    script URLs, frames, embedded objects and inline styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []  # "src:<url>" or "inline:<type>:<text>"
        self.handlers: list[str] = []
        self.script_urls: list[str] = []
        self.frames: list[str] = []
        self.styles: list[str] = []
        self._inline: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("src"):
                self.scripts.append("src:" + re.sub(r"^(\.\./)+", "", attributes["src"]))
            else:
                self._inline = {"type": attributes.get("type") or "", "text": ""}
        if tag in ("iframe", "frame", "object", "embed"):
            self.frames.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.styles.append(f"<{tag} style={value!r}>")
            if (
                name in URL_ATTRS
                and value
                and re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "vbscript:", "data:text"))
            ):
                self.script_urls.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._inline is not None:
            self._inline["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._inline is not None:
            self.scripts.append(f"inline:{self._inline['type']}")
            if "__pwned" in self._inline["text"]:
                self.scripts.append("inline-hostile:" + self._inline["text"][:80])
            self._inline = None


def live_parts(site_dir: Path) -> dict[str, Live]:
    out = {}
    for path in sorted(Path(site_dir).rglob("*.html")):
        parser = Live()
        parser.feed(path.read_text(encoding="utf-8"))
        out[path.relative_to(site_dir).as_posix()] = parser
    return out


def build_without_unsafe_html_rule(root: Path, out: Path, monkeypatch) -> Path:
    """Build the tree as if the validator had missed everything (rule unsafe-html off): what
    reaches the page then depends on the rendering policy alone."""
    from curriculum_tools import rules
    from curriculum_tools.site.atomic import build_site

    monkeypatch.setattr(rules, "RULE_MODULES", [name for name in rules.RULE_MODULES if name != "unsafe_html"])
    return build_site(write_config(root), out, strict=True)
