"""Heading ids and citations are derived once (load/markdown.py): the ids the validator
accepts for a quiz's `section` are the ids the built page has, for every kind of heading
that a regex copy of the toc got wrong (setext headings, headings inside admonitions and
md_in_html blocks, a body heading equal to the title), and citations in Pandoc syntax
render as links to the reference list."""

from __future__ import annotations

import re

import pytest

from curriculum_tools.check import check
from curriculum_tools.load.markdown import citations, heading_ids, module_page_source
from helpers import make_tree

BODY = """
## A demo module

Same words as the title: this heading's id is not the title's.

The setext heading
------------------

!!! note "Inside an admonition"

    ### Heading in a note

    Text [see @li2024, p. 12; @yalom2020, ch. 3] and [@li_2024.x].

<div markdown>
#### Heading in a block
</div>

```markdown
## Not a heading (code)
[@nope]
```
"""

ANCHORS = [
    "a-demo-module",
    "the-first-thing",
    "second",
    "a-demo-module_1",
    "the-setext-heading",
    "heading-in-a-note",
    "heading-in-a-block",
]


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = make_tree(tmp_path_factory.mktemp("anchors"))
    module = root / "curriculum" / "demo" / "demo-module.md"
    text = module.read_text().replace("## Case vignette", BODY + "\n## Case vignette")
    text = text.replace(
        "references:\n",
        "references:\n  - id: li_2024.x\n    authors: Li Z\n    year: 2024\n    title: A key with an underscore and a dot\n    source: Test\n    url: https://example.org/x\n",
        1,
    )
    module.write_text(text)
    quiz = root / "quizzes" / "demo-module-quiz.yml"
    sections = iter(["a-demo-module_1", "the-setext-heading", "heading-in-a-note", "heading-in-a-block"])
    quiz.write_text(re.sub(r"section: second", lambda m: f"section: {next(sections, 'second')}", quiz.read_text()))
    return root


def test_validator_ids_are_the_ids_of_the_built_page(tree, site_factory):
    checked = check(tree)
    assert not checked.result.errors, [str(p) for p in checked.result.errors]
    module = checked.curriculum.module("demo-module")
    assert module.anchors[: len(ANCHORS)] == ANCHORS
    built = site_factory(tree, serve=False)  # the plugin also asserts every quiz section is an id of the page
    page = (built / "demo" / "demo-module" / "index.html").read_text()
    article = page[page.index("<article") : page.index("</article>")]
    on_page = re.findall(r'<h[1-6][^>]*\bid="([^"]+)"', article)
    assert [
        i for i in on_page if not i.startswith("demo-module-quiz--")
    ] == module.anchors  # the quiz's own ids are prefixed
    assert 'id="not-a-heading-code"' not in page


def test_a_section_that_is_the_title_is_refused(tree, tmp_path):
    quiz = tree / "quizzes" / "demo-module-quiz.yml"
    original = quiz.read_text()
    try:
        quiz.write_text(original.replace("section: a-demo-module_1", "section: a-demo-modul", 1))
        problems = [p for p in check(tree).result.errors if p.rule == "section-ref"]
        assert len(problems) == 1 and "did you mean 'a-demo-module'" in problems[0].message
    finally:
        quiz.write_text(original)


def test_citations_pandoc_syntax_outside_code():
    found = citations("A [see @a, p. 12; @b_c.d] b `[@code]` [@e]\n```\n[@fence]\n```\n[x@y.org](mailto:x@y.org)")
    assert [[(i.prefix, i.key, i.locator) for i in c.items] for c in found] == [
        [("see", "a", "p. 12"), ("", "b_c.d", "")],
        [("", "e", "")],
    ]
    assert (found[0].line, found[0].col) == (0, 3)


def test_citation_with_locator_renders_as_a_link(tree, site_factory):
    built = site_factory(tree, serve=False)
    page = (built / "demo" / "demo-module" / "index.html").read_text()
    assert re.search(
        r'see <a class="cq-cite" href="#ref-li2024">Li et al\., 2024</a>, p\. 12; <a class="cq-cite" href="#ref-yalom2020">Yalom &amp; Leszcz, 2020</a>, ch\. 3',
        page,
    )
    assert 'href="#ref-li_2024.x"' in page and 'id="ref-li_2024.x"' in page
    assert "[@" not in page.split("<article")[1].split("</article>")[0].replace("[@nope]", "")


def test_citation_key_syntax_is_defined_once():
    import json

    from curriculum_tools.load.markdown import KEY
    from curriculum_tools.load.schemas import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "module.schema.json").read_text())
    assert schema["properties"]["references"]["items"]["properties"]["id"]["pattern"] == f"^{KEY}$"


def test_the_headings_the_build_adds_keep_their_ids():
    """A body heading named like a heading the build adds gets the suffixed id, on the page
    as in the validator."""
    assert heading_ids(module_page_source("Title", "## References\n\n## Check your understanding")) == [
        "title",
        "references_1",
        "check-your-understanding_1",
        "check-your-understanding",
        "references",
    ]


@pytest.mark.parametrize(
    "authors, label",
    [
        ("Murray SA, Kendall M, Boyd K, Sheikh A", "Murray et al."),
        ("Stroebe M, Schut H", "Stroebe & Schut"),
        ("van der Kolk BA", "van der Kolk"),
        ("Figley CR (ed.)", "Figley"),
        ("National Institute for Health and Care Excellence", "National Institute for Health and Care Excellence"),
        ("CMS (Centers for Medicare & Medicaid Services)", "CMS"),
        ("European Parliament, Council of the European Union", "European Parliament & Council of the European Union"),
    ],
)
def test_citation_labels_name_people_by_surname_and_organisations_whole(authors, label):
    from curriculum_tools.site.citations import short_authors

    assert short_authors(authors) == label
