"""The platform canary. MkDocs 2 and Material's successor build a site while silently
ignoring plugins, so a site could be published with pages but no quizzes and no checklist
forms. After every build, each module page with a quiz must hold that quiz, and each
checklist page its form; otherwise the build fails. It is called twice: by the plugin's
on_post_build (slots left empty), and by the atomic build after MkDocs returns, which runs
even when the plugin never ran at all."""

from __future__ import annotations

from pathlib import Path

from curriculum_tools.core.model import Curriculum


def page_file(site_dir: Path, src_uri: str, use_directory_urls: bool = True) -> Path:
    """Where MkDocs writes the page of a Markdown file."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    name = stem.rsplit("/", 1)[-1]
    if not use_directory_urls:
        return Path(site_dir) / f"{stem}.html"
    if name == "index":
        return Path(site_dir) / stem[: -len("index")] / "index.html"
    return Path(site_dir) / stem / "index.html"


def expected(curriculum: Curriculum) -> list[tuple[str, str, str]]:
    """(page src_uri, marker that must be in it, what it is) for every quiz and form."""
    quizzes = {quiz.id for quiz in curriculum.quizzes}
    out = []
    for module in curriculum.modules:
        if module.quiz_id and module.quiz_id in quizzes:
            out.append(
                (
                    module.src_uri,
                    f'<section class="cq-quiz" data-module="quiz" data-config="{{&quot;id&quot;:&quot;{module.quiz_id}&quot;',
                    f"its quiz {module.quiz_id}",
                )
            )
    for checklist in curriculum.checklists:
        out.append(
            (
                f"supervisors/{checklist.id}.md",
                f'data-config="{{&quot;checklist&quot;:&quot;{checklist.id}&quot;',
                f"the form of checklist {checklist.id}",
            )
        )
    return out


def missing(
    site_dir: Path, curriculum: Curriculum, use_directory_urls: bool = True, site: Path | None = None
) -> list[str]:
    """A line for each page that lacks its quiz or form (empty: all there). site_dir holds the
    pages of one language; a page is named from site, the whole site (es/… for Spanish),
    when given."""
    problems = []
    for src_uri, marker, what in expected(curriculum):
        path = page_file(site_dir, src_uri, use_directory_urls)
        shown = path.relative_to(site or site_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            problems.append(f"{shown} was not written (it should hold {what})")
            continue
        if marker not in text or (what.startswith("the form") and '<form class="cr-form"' not in text):
            problems.append(f"{shown} lacks {what}")
    return problems


def message(problems: list[str]) -> str:
    return (
        "The built site is missing what the curriculum plugin puts into pages; is the plugin running? "
        "(MkDocs 2 and Material's successor silently ignore MkDocs 1 plugins.)\n  " + "\n  ".join(problems)
    )
