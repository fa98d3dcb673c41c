"""cmi5 course structure (cmi5.xml) for `curriculum package --format cmi5`.

The package is the offline edition built by export/package.py with the cmi5 AU runtime
(components/cmi5) on every module page; this module writes the course structure beside it
(cmi5 spec, Quartz, sections 13 and 14.1: cmi5.xml at the root of the zip):

- one <course> (the site's name and description),
- one <block> per track, in the order of tracks.yml, holding
- one <au> per module of the track, in module order: launchMethod "AnyWindow" (the AU works
  framed, in its own window or redirected), its <url> the module page relative to the
  package root, and
  - a module with a quiz: moveOn "CompletedAndPassed" and masteryScore = pass mark / 100
    (the quiz passes at percent >= pass mark; the AU sends passed at scaled >= masteryScore,
    and scaled = percent / 100, so the two agree);
  - a module without a quiz: moveOn "Completed" and no masteryScore.

Ids are IRIs under one base (--course-iri, default DEFAULT_BASE): BASE, BASE/track/<id>,
BASE/module/<id>; stable across builds, so an LMS re-importing the package keeps its records.
"""

from __future__ import annotations

import re
from decimal import Decimal
from xml.etree import ElementTree as ET

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.export.common import ExportError

NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
DEFAULT_BASE = "urn:x-sgc-curriculum:cmi5"
LANG = "en"
MOVE_ON_QUIZ, MOVE_ON_READ = "CompletedAndPassed", "Completed"
LAUNCH_METHOD = "AnyWindow"
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def check_base(base: str) -> str:
    """The IRI base without a trailing slash; ExportError when it is not an absolute IRI."""
    if not IRI.match(base or ""):
        raise ExportError(f"--course-iri {base!r}: not an absolute IRI (for example https://training.example.org/cmi5)")
    return base.rstrip("/")


def mastery_score(pass_mark: int) -> str:
    """The quiz pass mark (a percentage) as cmi5's masteryScore: a decimal 0..1, at most 4 places."""
    return str((Decimal(pass_mark) / 100).quantize(Decimal("0.01")).normalize())


def au_id(base: str, module: Module) -> str:
    return f"{base}/module/{module.id}"


def _langstring(parent: ET.Element, tag: str, text: str) -> None:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    ET.SubElement(element, f"{{{NAMESPACE}}}langstring", {"lang": LANG}).text = " ".join(text.split()) or "-"


def course_structure(curriculum: Curriculum, title: str, description: str, page_of, base: str = DEFAULT_BASE) -> bytes:
    """cmi5.xml for these tracks. page_of(module) -> the module page's path in the zip."""
    base = check_base(base)
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}courseStructure")
    course = ET.SubElement(root, f"{{{NAMESPACE}}}course", {"id": base})
    _langstring(course, "title", title)
    _langstring(course, "description", description or title)
    for track in curriculum.tracks:
        modules = curriculum.modules_in(track.id)
        if not modules:
            continue
        block = ET.SubElement(root, f"{{{NAMESPACE}}}block", {"id": f"{base}/track/{track.id}"})
        _langstring(block, "title", track.title)
        _langstring(block, "description", track.summary or track.title)
        for module in modules:
            quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else None
            attrs = {"id": au_id(base, module), "launchMethod": LAUNCH_METHOD}
            if quiz is not None:
                attrs.update(moveOn=MOVE_ON_QUIZ, masteryScore=mastery_score(quiz.pass_mark))
            else:
                attrs["moveOn"] = MOVE_ON_READ
            au = ET.SubElement(block, f"{{{NAMESPACE}}}au", attrs)
            _langstring(au, "title", module.title)
            _langstring(au, "description", module.summary or module.title)
            ET.SubElement(au, f"{{{NAMESPACE}}}url").text = page_of(module)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def manifest_writer(base: str = DEFAULT_BASE, description: str = ""):
    """export/package.py's ManifestWriter for cmi5: {"cmi5.xml": bytes}."""
    base = check_base(base)

    def write(built) -> dict[str, bytes]:
        return {"cmi5.xml": course_structure(built.curriculum, built.title, description, built.page, base)}

    return write
