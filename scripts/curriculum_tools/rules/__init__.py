"""The registry of checks. Each rule is a module with ID, SEVERITY, EXPLANATION (one line),
a docstring that documents it, and check(context) yielding problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import import_module

from curriculum_tools.core.model import Curriculum

RULE_MODULES = [
    "duplicate_ids",
    "module_file",
    "quiz_link",
    "objective_ref",
    "section_ref",
    "competency_ref",
    "checklist_coverage",
    "competency_observed",
    "signoff_ref",
    "rating_scale",
    "single_choice",
    "multiple_choice",
    "ordering_items",
    "matching_pairs",
    "objective_assessed",
    "reference_link",
    "doi_format",
    "citation_ref",
    "module_sections",
    "review_overdue",
    "future_date",
    "schema_line",
    "placeholder",
    "unsafe_html",
    "scenario_file",
    "scenario_module",
    "scenario_next",
    "scenario_reachable",
    "scenario_loop",
    "scenario_ending",
    "scenario_safe_ending",
    "checklist_scenario",
    "translation_stale",
    "translation_mismatch",
]


@dataclass
class Context:
    curriculum: Curriculum
    today: dt.date


def all_rules():
    return [import_module(f"{__name__}.{name}") for name in RULE_MODULES]


def run_rules(context: Context):
    for rule in all_rules():
        yield from rule.check(context)
