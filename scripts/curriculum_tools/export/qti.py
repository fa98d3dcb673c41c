"""Quizzes as a QTI 3.0 content package (zip): imsmanifest.xml, one qti-assessment-item per
question, one qti-assessment-stimulus per scenario vignette, one qti-assessment-test per quiz
with its pass mark. Scores as the site does (quiz.js): see common.site_score."""

from __future__ import annotations

import re
from fractions import Fraction
from xml.etree import ElementTree as ET

from curriculum_tools.core.model import Question, Quiz
from curriculum_tools.export.common import (
    Selection,
    Summary,
    append_html,
    choice_weights,
    deterministic_zip,
    plain,
    rich,
    rich_paragraphs,
    xml_bytes,
)
from curriculum_tools.site.components.quiz.render import display_order, match_choices

NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ASI_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd"
Q = f"{{{NS}}}"

ITEM_TYPE = "imsqti_item_xmlv3p0"
TEST_TYPE = "imsqti_test_xmlv3p0"
STIMULUS_TYPE = "imsqti_stimulus_xmlv3p0"


def ident(*parts: str) -> str:
    """A QTI identifier (an NCName) from our ids: stable, and readable."""
    text = ".".join(parts)
    text = re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    return text if re.match(r"[A-Za-z_]", text) else f"_{text}"


def num(value: Fraction | int | float) -> str:
    """A float as QTI writes it: exact for the weights we use, shortest form."""
    f = float(value)
    return str(int(f)) if f == int(f) else repr(f)


def el(parent: ET.Element | None, tag: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    attrs = {k: v for k, v in (attrs or {}).items() if v is not None}
    node = ET.Element(Q + tag, attrs) if parent is None else ET.SubElement(parent, Q + tag, attrs)
    if text is not None:
        node.text = text
    return node


def html_into(parent: ET.Element, html_text: str) -> ET.Element:
    return append_html(parent, html_text, Q)


def _root(tag: str, identifier: str, title: str) -> ET.Element:
    root = ET.Element(
        Q + tag,
        {
            f"{{{XSI}}}schemaLocation": f"{NS} {ASI_XSD}",
            "identifier": identifier,
            "title": title,
            XML_LANG: "en",
        },
    )
    return root


def _value(parent: ET.Element, value: str) -> None:
    el(parent, "qti-value", text=value)


def _outcome(
    item: ET.Element, identifier: str, cardinality: str, base_type: str, default: str | None = None, **extra
) -> None:
    decl = el(
        item,
        "qti-outcome-declaration",
        {"identifier": identifier, "cardinality": cardinality, "base-type": base_type, **extra},
    )
    if default is not None:
        _value(el(decl, "qti-default-value"), default)


def _set(parent: ET.Element, identifier: str) -> ET.Element:
    return el(parent, "qti-set-outcome-value", {"identifier": identifier})


def _base(parent: ET.Element, base_type: str, value: str) -> ET.Element:
    return el(parent, "qti-base-value", {"base-type": base_type}, value)


def _var(parent: ET.Element, identifier: str) -> ET.Element:
    return el(parent, "qti-variable", {"identifier": identifier})


def _full_or(rp: ET.Element, otherwise) -> None:
    """SCORE = 1 when the response matches the key exactly, else otherwise(set-element)."""
    cond = el(rp, "qti-response-condition")
    r_if = el(cond, "qti-response-if")
    match = el(r_if, "qti-match")
    _var(match, "RESPONSE")
    el(match, "qti-correct", {"identifier": "RESPONSE"})
    _base(_set(r_if, "SCORE"), "float", "1")
    r_else = el(cond, "qti-response-else")
    otherwise(_set(r_else, "SCORE"))


def _feedback_rules(rp: ET.Element, per_option: bool) -> None:
    """FEEDBACK = the chosen options (their feedback shows); EXPLAIN shows the explanation
    once the question is answered."""
    if per_option:
        _var(_set(rp, "FEEDBACK"), "RESPONSE")
    cond = el(rp, "qti-response-condition")
    r_if = el(cond, "qti-response-if")
    _var(el(el(r_if, "qti-not"), "qti-is-null"), "RESPONSE")
    _base(_set(r_if, "EXPLAIN"), "identifier", "EXPLANATION")


def _modal(item: ET.Element, outcome: str, identifier: str, html_text: str, title: str | None = None) -> None:
    if not html_text:
        return
    fb = el(
        item,
        "qti-modal-feedback",
        {"outcome-identifier": outcome, "identifier": identifier, "show-hide": "show", "title": title},
    )
    html_into(el(fb, "qti-content-body"), html_text if html_text.startswith("<p>") else f"<p>{html_text}</p>")


class _Item:
    def __init__(self, quiz: Quiz, question: Question, stimulus: tuple[str, str, str] | None):
        self.quiz, self.q = quiz, question
        self.identifier = ident(quiz.id, question.id)
        self.href = f"items/{quiz.id}/{question.id}.xml"
        self.stimulus = stimulus  # (identifier, href relative to package, title)
        self.root = _root("qti-assessment-item", self.identifier, plain(question.prompt)[:120] or question.id)
        self.root.set("adaptive", "false")
        self.root.set("time-dependent", "false")

    def build(self) -> ET.Element:
        q = self.q
        getattr(self, f"_{q.type}")()
        return self.root

    # declarations and body helpers
    def _response(
        self,
        cardinality: str,
        base_type: str,
        correct: list[str] | None,
        mapping: dict[str, Fraction] | None = None,
        lower="0",
        upper="1",
        default="0",
    ):
        decl = el(
            self.root,
            "qti-response-declaration",
            {"identifier": "RESPONSE", "cardinality": cardinality, "base-type": base_type},
        )
        if correct is not None:
            cr = el(decl, "qti-correct-response")
            for identifier in correct:
                _value(cr, identifier)
        if mapping is not None:
            m = el(decl, "qti-mapping", {"default-value": default, "lower-bound": lower, "upper-bound": upper})
            for key, weight in mapping.items():
                el(m, "qti-map-entry", {"map-key": key, "mapped-value": num(weight)})

    def _scored_outcomes(self, feedback_cardinality: str | None):
        _outcome(self.root, "SCORE", "single", "float", "0")
        _outcome(self.root, "MAXSCORE", "single", "float", "1")
        if feedback_cardinality:
            _outcome(self.root, "FEEDBACK", feedback_cardinality, "identifier")
        _outcome(self.root, "EXPLAIN", "single", "identifier")

    def _body(self) -> ET.Element:
        body = el(self.root, "qti-item-body")
        if self.stimulus:
            sid, href, title = self.stimulus
            rel = "../../" + href  # items/<quiz>/<q>.xml -> package root
            ref = ET.Element(Q + "qti-assessment-stimulus-ref", {"identifier": sid, "href": rel, "title": title})
            self.root.insert(list(self.root).index(body), ref)
            # where a delivery shows the shared vignette (QTI 3: data-stimulus-idref)
            el(body, "div", {"class": "qti-shared-stimulus", "data-stimulus-idref": sid}, "")
        return body

    def _prompt(self, interaction: ET.Element) -> None:
        html_into(el(interaction, "qti-prompt"), rich(self.q.prompt))

    def _hint(self, body: ET.Element) -> None:
        if self.q.hint:
            note = el(body, "div", {"class": "hint"})
            html_into(el(note, "p"), "<strong>Hint:</strong> " + rich(self.q.hint))

    def _explanation(self) -> None:
        _modal(self.root, "EXPLAIN", "EXPLANATION", rich(self.q.explanation), "Explanation")

    def _rp(self) -> ET.Element:
        return el(self.root, "qti-response-processing")

    # the types
    def _choice(self, options: list[tuple[str, str, bool, str]], max_choices: int, cardinality: str, weights):
        correct = [oid for oid, _, ok, _ in options if ok]
        self._response(
            cardinality, "identifier", correct, {ident(k): v for k, v in weights.items()} if weights else None
        )
        self._scored_outcomes(cardinality)
        body = self._body()
        interaction = el(
            body,
            "qti-choice-interaction",
            {
                "response-identifier": "RESPONSE",
                "max-choices": str(max_choices),
                "min-choices": "0",
                "shuffle": "false",
            },
        )
        self._prompt(interaction)
        for oid, text_html, _, _ in options:
            html_into(el(interaction, "qti-simple-choice", {"identifier": oid}), text_html)
        self._hint(body)
        rp = self._rp()
        if weights:
            _full_or(rp, lambda s: el(s, "qti-map-response", {"identifier": "RESPONSE"}))
        else:
            _full_or(rp, lambda s: _base(s, "float", "0"))
        _feedback_rules(rp, per_option=True)
        for oid, _, _, feedback in options:
            _modal(self.root, "FEEDBACK", oid, rich(feedback))
        self._explanation()

    def _single_choice(self):
        opts = [(ident(o.id), rich(o.text), o.correct, o.feedback) for o in self.q.options]
        self._choice(opts, 1, "single", None)

    def _multiple_choice(self):
        opts = [(ident(o.id), rich(o.text), o.correct, o.feedback) for o in self.q.options]
        weights = choice_weights(self.q, self.quiz.partial_credit)
        self._choice(opts, 0, "multiple", weights)

    def _true_false(self):
        q = self.q
        opts = [
            ("true", "True", q.answer is True, q.feedback_true),
            ("false", "False", q.answer is False, q.feedback_false),
        ]
        self._choice(opts, 1, "single", None)

    def _ordering(self):
        q = self.q
        key = [ident(i) for i, _ in q.items]
        self._response("ordered", "identifier", key)
        self._scored_outcomes(None)
        if self.quiz.partial_credit:
            _outcome(self.root, "IN_PLACE", "single", "integer", "0")
        body = self._body()
        interaction = el(body, "qti-order-interaction", {"response-identifier": "RESPONSE", "shuffle": "false"})
        self._prompt(interaction)
        for item_id, text in display_order(self.quiz, q):  # the site's fixed start order, never the answer
            html_into(el(interaction, "qti-simple-choice", {"identifier": ident(item_id)}), rich(text))
        self._hint(body)
        rp = self._rp()
        if self.quiz.partial_credit:
            # share of items in their place: count the positions that match, then divide
            # (counting in integers: a player that rounds each float step cannot drift)
            _base(_set(rp, "IN_PLACE"), "integer", "0")
            for position, item in enumerate(key, 1):
                cond = el(rp, "qti-response-condition")
                r_if = el(cond, "qti-response-if")
                match = el(r_if, "qti-match")
                _var(el(match, "qti-index", {"n": str(position)}), "RESPONSE")
                _base(match, "identifier", item)
                total = el(_set(r_if, "IN_PLACE"), "qti-sum")
                _var(total, "IN_PLACE")
                _base(total, "integer", "1")
            divide = el(_set(rp, "SCORE"), "qti-divide")
            _var(divide, "IN_PLACE")
            _base(divide, "float", str(len(key)))
            _full_or(rp, lambda s: _var(s, "SCORE"))
        else:
            _full_or(rp, lambda s: _base(s, "float", "0"))
        _feedback_rules(rp, per_option=False)
        self._explanation()

    def _matching(self):
        q = self.q
        n = len(q.pairs)
        correct = [f"{ident('P', p)} {ident('M', p)}" for p, _, _ in q.pairs]
        mapping = {pair: Fraction(1, n) for pair in correct} if self.quiz.partial_credit else None
        decl = el(
            self.root,
            "qti-response-declaration",
            {"identifier": "RESPONSE", "cardinality": "multiple", "base-type": "directedPair"},
        )
        cr = el(decl, "qti-correct-response")
        for pair in correct:
            _value(cr, pair)
        if mapping:
            m = el(decl, "qti-mapping", {"default-value": "0", "lower-bound": "0", "upper-bound": "1"})
            for key, value in mapping.items():
                el(m, "qti-map-entry", {"map-key": key, "mapped-value": num(value)})
        self._scored_outcomes(None)
        body = self._body()
        interaction = el(
            body,
            "qti-match-interaction",
            {
                "response-identifier": "RESPONSE",
                "max-associations": str(n),
                "min-associations": "0",
                "shuffle": "false",
            },
        )
        self._prompt(interaction)
        sources = el(interaction, "qti-simple-match-set")
        for pair_id, prompt, _ in q.pairs:
            html_into(
                el(sources, "qti-simple-associable-choice", {"identifier": ident("P", pair_id), "match-max": "1"}),
                rich(prompt),
            )
        targets = el(interaction, "qti-simple-match-set")
        for value, text in match_choices(self.quiz, q):
            target = (
                ident("D", value.split("-", 1)[1])
                if value.startswith("distractor-") and value not in {p for p, _, _ in q.pairs}
                else ident("M", value)
            )
            el(targets, "qti-simple-associable-choice", {"identifier": target, "match-max": str(n)}, text)
        self._hint(body)
        rp = self._rp()
        if mapping:
            _full_or(rp, lambda s: el(s, "qti-map-response", {"identifier": "RESPONSE"}))
        else:
            _full_or(rp, lambda s: _base(s, "float", "0"))
        _feedback_rules(rp, per_option=False)
        self._explanation()

    def _reflection(self):
        el(
            self.root,
            "qti-response-declaration",
            {"identifier": "RESPONSE", "cardinality": "single", "base-type": "string"},
        )
        _outcome(self.root, "EXPLAIN", "single", "identifier")
        body = self._body()
        interaction = el(
            body, "qti-extended-text-interaction", {"response-identifier": "RESPONSE", "expected-lines": "6"}
        )
        self._prompt(interaction)
        self._hint(body)
        rp = self._rp()
        _feedback_rules(rp, per_option=False)
        _modal(self.root, "EXPLAIN", "EXPLANATION", rich_paragraphs(self.q.guidance), "Points to consider")


def _stimulus(quiz: Quiz, scenario: Question) -> tuple[str, str, bytes]:
    identifier = ident(quiz.id, scenario.id, "vignette")
    href = f"stimuli/{quiz.id}/{scenario.id}.xml"
    title = f"Case: {plain(scenario.title)}"
    root = ET.Element(
        Q + "qti-assessment-stimulus",
        {
            f"{{{XSI}}}schemaLocation": f"{NS} {ASI_XSD}",
            "identifier": identifier,
            "title": title,
            XML_LANG: "en",
        },
    )
    body = el(root, "qti-stimulus-body")
    html_into(el(body, "h2"), rich(f"Case: {scenario.title or ''}"))
    html_into(body, rich_paragraphs(scenario.vignette))
    return identifier, href, xml_bytes(root)


def _test(quiz: Quiz, refs: list[tuple[str, str, bool]], n_scored: int) -> tuple[str, str, bytes]:
    identifier = ident(quiz.id)
    href = f"tests/{quiz.id}.xml"
    root = ET.Element(
        Q + "qti-assessment-test",
        {
            f"{{{XSI}}}schemaLocation": f"{NS} {ASI_XSD}",
            "identifier": identifier,
            "title": quiz.title,
        },
    )
    _outcome(root, "SCORE", "single", "float", "0")
    _outcome(root, "MAXSCORE", "single", "float", str(n_scored))
    _outcome(root, "PASS_MARK", "single", "float", str(quiz.pass_mark))
    _outcome(root, "PERCENT", "single", "integer", "0")
    _outcome(root, "PASS", "single", "boolean", "false")
    part = el(
        root,
        "qti-test-part",
        {"identifier": ident(quiz.id, "part"), "navigation-mode": "nonlinear", "submission-mode": "simultaneous"},
    )
    section = el(
        part,
        "qti-assessment-section",
        {"identifier": ident(quiz.id, "section"), "title": quiz.title, "visible": "true"},
    )
    for item_id, item_href, _ in refs:
        el(section, "qti-assessment-item-ref", {"identifier": item_id, "href": "../" + item_href})
    op = el(root, "qti-outcome-processing")
    total = el(_set(op, "SCORE"), "qti-sum")
    el(total, "qti-test-variables", {"variable-identifier": "SCORE"})
    # The site: percent = round(score / scored * 100); passed when percent >= pass mark.
    rnd = el(_set(op, "PERCENT"), "qti-round")
    product = el(rnd, "qti-product")
    divide = el(product, "qti-divide")
    _var(divide, "SCORE")
    _var(divide, "MAXSCORE")
    _base(product, "float", "100")
    gte = el(_set(op, "PASS"), "qti-gte")
    _var(gte, "PERCENT")
    _var(gte, "PASS_MARK")
    return identifier, href, xml_bytes(root)


def export(selection: Selection, summary: Summary) -> bytes:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    files: dict[str, bytes] = {}
    resources: list[tuple[str, str, str, list[str]]] = []  # (identifier, type, href, dependencies)
    for _track, quiz in selection.items:
        summary.quizzes += 1
        refs: list[tuple[str, str, bool]] = []
        for question in quiz.questions:
            stimulus = None
            if question.type == "scenario":
                sid, shref, data = _stimulus(quiz, question)
                files[shref] = data
                resources.append((sid, STIMULUS_TYPE, shref, []))
                stimulus = (sid, shref, f"Case: {plain(question.title)}")
                summary.add(question)
            for q in question.questions if question.type == "scenario" else [question]:
                item = _Item(quiz, q, stimulus)
                files[item.href] = xml_bytes(item.build())
                resources.append((item.identifier, ITEM_TYPE, item.href, [stimulus[0]] if stimulus else []))
                refs.append((item.identifier, item.href, q.scored))
                summary.add(q)
        tid, thref, data = _test(quiz, refs, sum(1 for _, _, s in refs if s))
        files[thref] = data
        resources.append((tid, TEST_TYPE, thref, [r[0] for r in refs]))
    files["imsmanifest.xml"] = _manifest(resources)
    return deterministic_zip(files)


def _manifest(resources) -> bytes:
    ET.register_namespace("", CP_NS)
    c = f"{{{CP_NS}}}"
    root = ET.Element(
        c + "manifest",
        {"identifier": "support-group-curriculum-question-bank", f"{{{XSI}}}schemaLocation": f"{CP_NS} {CP_XSD}"},
    )
    meta = ET.SubElement(root, c + "metadata")
    ET.SubElement(meta, c + "schema").text = "QTI Package"
    ET.SubElement(meta, c + "schemaversion").text = "3.0.0"
    ET.SubElement(root, c + "organizations")
    res = ET.SubElement(root, c + "resources")
    for identifier, kind, href, deps in resources:
        r = ET.SubElement(res, c + "resource", {"identifier": identifier, "type": kind, "href": href})
        ET.SubElement(r, c + "file", {"href": href})
        for dep in deps:
            ET.SubElement(r, c + "dependency", {"identifierref": dep})
    data = xml_bytes(root)
    ET.register_namespace("", NS)
    return data
