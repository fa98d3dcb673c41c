"""SCORM 1.2 and SCORM 2004 (4th edition) manifests for export/package.py: imsmanifest.xml
at the zip's root, one organization of one item per track holding one SCO per module (its
page; the quiz's pass mark as mastery score), every other file of the site in one shared
asset resource that each SCO depends on. The SCO runtime is components/scorm/scorm.js.

cmi.launch_data carries the module id (adlcp:datafromlms / adlcp:dataFromLMS), so the
runtime records a module only on its own SCO's pages, not on a page the trainee reached
through the site's navigation. A module's scenario pages are files of its SCO's resource:
the trainee reaches them by link inside the SCO's window, the runtime keeps the SCO's
session across that link (scorm.js sameSco), and an ending completes the module. Read against ADL's schemas in tests/test_scorm.py."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from curriculum_tools.core.model import Curriculum, Module
from curriculum_tools.export.package import Built
from curriculum_tools.site.components.scorm.render import ALPHABET, sco_pages, suspend_size, too_many_choices

FORMATS = {"scorm12": "SCORM 1.2", "scorm2004": "SCORM 2004 4th edition"}
# The characters cmi.suspend_data holds (SCORM 1.2 RTE 3.4.2; SCORM 2004 RTE 4.2.23: SPM).
SUSPEND_LIMIT = {"scorm12": 4096, "scorm2004": 64000}

NS12 = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
LOCATIONS12 = (
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
)
NS2004 = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
LOCATIONS2004 = (
    "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
    "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
    "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"
)
SHARED = "RES-site"


def preflight(lms: str):
    """Refuse a quiz whose state could not fit the version's suspend_data."""
    limit = SUSPEND_LIMIT[lms]

    def check(curriculum: Curriculum) -> list[str]:
        problems = []
        for quiz in curriculum.quizzes:
            where = f"{quiz.source.path}:1:1"
            if crowded := too_many_choices(quiz):
                problems.append(
                    f"{where}: question(s) {', '.join(crowded)} have more than {len(ALPHABET)} options, items or matches; the {FORMATS[lms]} runtime cannot store their answers"
                )
            elif (size := suspend_size(quiz)) > limit:
                problems.append(
                    f"{where}: this quiz's saved state can need {size} characters of suspend_data; {FORMATS[lms]} holds {limit}. "
                    "Split the quiz or shorten its questions' option lists"
                )
        return problems

    return check


def _q(ns: dict, name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{ns[prefix]}}}{local}"


def _el(parent, ns, name, text=None, **attrs):
    el = ET.SubElement(
        parent, _q(ns, name), {(_q(ns, k.replace("__", ":")) if "__" in k else k): v for k, v in attrs.items()}
    )
    if text is not None:
        el.text = text
    return el


def _mastery(curriculum: Curriculum, module: Module) -> int | None:
    quiz = curriculum.quiz(module.quiz_id) if module.quiz_id else None
    return quiz.pass_mark if quiz else None


def manifest(built: Built) -> bytes:
    lms = built.lms
    ns = NS12 if lms == "scorm12" else NS2004
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    c = built.curriculum
    ident = "curriculum-" + lms + ("" if len(c.tracks) != 1 else "-" + c.tracks[0].id)
    root = ET.Element(
        _q(ns, "manifest"),
        {
            "identifier": ident,
            "version": "1",
            _q(ns, "xsi:schemaLocation"): LOCATIONS12 if lms == "scorm12" else LOCATIONS2004,
        },
    )
    meta = _el(root, ns, "metadata")
    _el(meta, ns, "schema", "ADL SCORM")
    _el(meta, ns, "schemaversion", "1.2" if lms == "scorm12" else "2004 4th Edition")
    orgs = _el(root, ns, "organizations", default="ORG")
    org = _el(orgs, ns, "organization", identifier="ORG")
    _el(org, ns, "title", built.title)
    resources_el = _el(root, ns, "resources")
    launch_files = set()
    for track in c.tracks:
        modules = c.modules_in(track.id)
        if not modules:
            continue
        group = _el(org, ns, "item", identifier=f"TRACK-{track.id}")
        _el(group, ns, "title", track.title)
        for module in modules:
            page = built.page(module)
            launch_files.add(page)
            item = _el(group, ns, "item", identifier=f"ITEM-{module.id}", identifierref=f"RES-{module.id}")
            _el(item, ns, "title", module.title)
            mastery = _mastery(c, module)
            if lms == "scorm12":
                _el(item, ns, "adlcp:datafromlms", module.id)
                if mastery is not None:
                    _el(item, ns, "adlcp:masteryscore", str(mastery))
            else:
                _el(item, ns, "adlcp:dataFromLMS", module.id)
                if mastery is not None:
                    seq = _el(item, ns, "imsss:sequencing")
                    objectives = _el(seq, ns, "imsss:objectives")
                    primary = _el(
                        objectives,
                        ns,
                        "imsss:primaryObjective",
                        objectiveID=f"{module.id}-passed",
                        satisfiedByMeasure="true",
                    )
                    _el(primary, ns, "imsss:minNormalizedMeasure", f"{mastery / 100:.2f}")
            kind = {"adlcp__scormtype" if lms == "scorm12" else "adlcp__scormType": "sco"}
            res = _el(resources_el, ns, "resource", identifier=f"RES-{module.id}", type="webcontent", href=page, **kind)
            _el(res, ns, "file", href=page)
            for other in sco_pages(module, c.scenarios_of(module.id))[1:]:
                if other in built.files:  # a scenario page: a page of this SCO
                    launch_files.add(other)
                    _el(res, ns, "file", href=other)
            _el(res, ns, "dependency", identifierref=SHARED)
    if lms == "scorm2004":
        seq = _el(org, ns, "imsss:sequencing")
        _el(seq, ns, "imsss:controlMode", choice="true", flow="true")
    kind = {"adlcp__scormtype" if lms == "scorm12" else "adlcp__scormType": "asset"}
    shared = _el(resources_el, ns, "resource", identifier=SHARED, type="webcontent", **kind)
    for name in sorted(built.files):
        if name not in launch_files:
            _el(shared, ns, "file", href=name)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write(built: Built) -> dict[str, bytes]:
    """The ManifestWriter of both versions."""
    return {"imsmanifest.xml": manifest(built)}
