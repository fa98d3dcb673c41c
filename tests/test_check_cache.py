"""A check keeps parsed files, heading ids and schema problems per file content for the rest
of the process (load/loader.py, load/markdown.py, load/schemas.py). What it keeps must never
outlive the content: a tree changed between two checks in one process (an author's editor
beside `mkdocs serve`, a test that writes a case) gets the problems of what is on disk now,
and changed back, none."""

from __future__ import annotations

from curriculum_tools.check import check
from helpers import make_tree

QUIZ = "quizzes/demo-module-quiz.yml"
MODULE = "curriculum/demo/demo-module.md"


def problems(root) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.col, p.message) for p in check(root).result.problems]


def test_a_file_changed_between_two_checks_is_checked_as_it_is_now(tmp_path):
    root = make_tree(tmp_path)
    assert problems(root) == []
    quiz, module = (root / QUIZ).read_text(), (root / MODULE).read_text()

    (root / QUIZ).write_text(quiz.replace("pass_mark: 70", "pass_mark: 170"))
    schema = problems(root)
    assert [(p[0], p[1]) for p in schema] == [(QUIZ, 5)] and "170" in schema[0][3]

    (root / QUIZ).write_text(quiz)
    (root / MODULE).write_text(module.replace("## The first thing", "## The one thing"))
    anchors = problems(root)
    assert anchors and all(p[0] == QUIZ and "the-first-thing" in p[3] for p in anchors), anchors

    (root / MODULE).write_text(module)
    assert problems(root) == []


def test_what_a_caller_does_with_the_problems_does_not_change_the_next_answer(tmp_path):
    from curriculum_tools.load.loader import read_source
    from curriculum_tools.load.schemas import located_schema_problems

    root = make_tree(tmp_path)
    (root / QUIZ).write_text((root / QUIZ).read_text().replace("pass_mark: 70", "pass_mark: 170"))
    first = located_schema_problems(read_source(root, QUIZ, "quiz"))
    expected = list(first)
    first.clear()
    assert located_schema_problems(read_source(root, QUIZ, "quiz")) == expected != []


def test_what_a_caller_does_with_the_parsed_data_does_not_change_the_next_read(tmp_path):
    from curriculum_tools.load.loader import read_source

    root = make_tree(tmp_path)
    for rel, kind in ((QUIZ, "quiz"), (MODULE, "module")):
        first = read_source(root, rel, kind)
        expected = (repr(first.data), dict(first.positions), first.body)
        first.data["id"] = "changed"
        next(v for v in first.data.values() if isinstance(v, list)).clear()  # a nested list
        first.positions.clear()
        again = read_source(root, rel, kind)
        assert (repr(again.data), again.positions, again.body) == expected, rel


def test_the_same_bytes_at_another_path_are_named_by_their_own_path(tmp_path):
    """The kept parse is the file's content; the path in a source and in its problems is the
    caller's."""
    from curriculum_tools.load.loader import read_source
    from curriculum_tools.load.schemas import schema_problems

    root = make_tree(tmp_path)
    text = (root / QUIZ).read_text().replace("pass_mark: 70", "pass_mark: 170")
    (root / QUIZ).write_text(text)
    (root / "quizzes" / "copy.yml").write_text(text)
    one, two = read_source(root, QUIZ, "quiz"), read_source(root, "quizzes/copy.yml", "quiz")
    assert one.data == two.data and one.data is not two.data
    assert two.path == "quizzes/copy.yml"
    assert [(p.path, p.line) for p in schema_problems(two)] == [("quizzes/copy.yml", 5)]
