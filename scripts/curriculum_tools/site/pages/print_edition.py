"""The printable edition: every track and module in order on one page, each module's text
with its quiz as an answer sheet, rendered from the model.

The page's Markdown holds the track and module headings (so its table of contents lists
them) and a `print-module` slot per module. Each slot is filled with that module's page
Markdown rendered by its own Markdown instance of the site's dialect, in which
- the module's h2 headings become h4 (under the track's h2 and the module's h3), via toc's baselevel 3;
- every id is prefixed with the module id, and links to those ids follow (a tree processor,
  for the ids Python-Markdown makes; module_markdown prefixes the ids it writes itself);
- links to other pages are resolved as MkDocs resolves them, then made relative to the
  print page;
- the quiz slot becomes the quiz's answer sheet (components/quiz/answers.py).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils import get_relative_url

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.load.markdown import EXTENSION_CONFIGS, EXTENSIONS
from curriculum_tools.site import slots
from curriculum_tools.site.components.quiz.answers import answer_sheet
from curriculum_tools.site.i18n import t
from curriculum_tools.site.pages.generated import GeneratedPage
from curriculum_tools.site.pages.module import module_markdown
from curriculum_tools.site.sanitize import markdown_text, sanitize_html

SRC_URI = "print.md"
TITLE = "Printable edition"  # in English; each language's: t("print.title")
REFERENCE_ATTRS = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "headers")

# (src_uri, from_url) -> relative url
Linker = Callable[[str, str], str]


def print_edition_page(curriculum: Curriculum) -> list[GeneratedPage]:
    count = len(curriculum.modules)
    rows = [
        "---",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {t('print.title')}",
        "",
        t("print.intro", modules=count, tracks=len(curriculum.tracks)),
        "",
    ]
    for track in curriculum.tracks:
        rows += [f"## {markdown_text(track.title)}", "", markdown_text(track.summary), ""]
        for module in curriculum.modules_in(track.id):
            rows += [
                f"### {markdown_text(module.title)} {{: #print-{module.id} .cq-print-module }}",
                "",
                slots.slot("print-module", module.id),
                "",
            ]
    return [GeneratedPage(SRC_URI, t("print.title"), "\n".join(rows))]


class PrintEdition:
    def __init__(self, curriculum: Curriculum, abbreviations: str = "") -> None:
        self.curriculum = curriculum
        self.abbreviations = abbreviations
        self.modules = {m.id: m for m in curriculum.modules}

    def module_html(self, module_id: str, print_url: str, link: Linker) -> str:
        module = self.modules[module_id]
        prefix = f"{module.id}--"
        source = module_markdown(module, self.curriculum, id_prefix=prefix, title=False) + self.abbreviations
        md = markdown.Markdown(
            extensions=[*EXTENSIONS, _PrintExtension(prefix, module, print_url, link)],
            extension_configs={**EXTENSION_CONFIGS, "toc": {"baselevel": 3, "permalink": False}},
        )
        body = sanitize_html(md.convert(source))  # the module body as its own page has it (sanitize.py)
        quiz = self.curriculum.quiz(module.quiz_id) if module.quiz_id else None
        if quiz is not None:
            body = body.replace(slots.slot("quiz", quiz.id), answer_sheet(quiz, prefix))
        return f'<div class="cq-print-edition" id="print-body-{module.id}">{body}</div>'


class _PrintExtension(Extension):
    def __init__(self, prefix: str, module: Module, print_url: str, link: Linker) -> None:
        super().__init__()
        self.args = (prefix, module, print_url, link)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_PrintTree(md, *self.args), "curriculum-print", 1)  # after toc (5)


class _PrintTree(Treeprocessor):
    def __init__(self, md, prefix: str, module: Module, print_url: str, link: Linker) -> None:
        super().__init__(md)
        self.prefix, self.module, self.print_url, self.link = prefix, module, print_url, link

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if "id" in el.attrib:
                el.set("id", self.prefix + el.get("id", ""))
            for name in REFERENCE_ATTRS:
                if name in el.attrib:
                    el.set(name, " ".join(self.prefix + v for v in el.get(name, "").split()))
            if el.tag == "a" and "href" in el.attrib:
                el.set("href", self.rebase(el.get("href", "")))
            if el.tag == "img" and "src" in el.attrib:
                el.set("src", self.rebase(el.get("src", ""), page=False))

    def rebase(self, url: str, page: bool = True) -> str:
        """A link of the module's text, made to work from the print page."""
        if url.startswith("#"):
            return "#" + self.prefix + url[1:] if len(url) > 1 else url
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/"):
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.module.src_uri), parts.path))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if page and target.endswith(".md"):
            try:
                return self.link(target, self.print_url) + fragment
            except KeyError:
                return url  # not a page of the site; MkDocs' own link check reports it on the module page
        return get_relative_url(target, self.print_url) + fragment
