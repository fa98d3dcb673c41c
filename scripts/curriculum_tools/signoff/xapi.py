"""Supervisor records as xAPI statements, and back: the mapping `curriculum records push`
writes and `curriculum report --lrs` reads (README "Records at scale" documents it).

One record (one observed session) becomes one statement for the session and one per rated
item, all sharing a registration (UUID v5 of the record id):

    record  actor = the trainee (Agent, account {homePage: PROGRAMME, name: trainee})
            verb = http://adlnet.gov/expapi/verbs/attempted
            object = the checklist, PROGRAMME supervisors/<checklist>/ (type assessment)
            context.instructor = the observer (Agent, account {homePage: PROGRAMME, name})
            context.extensions = the record's other fields (EXT + name, FIELDS below)
            timestamp = the session date, 00:00 UTC
    item    the same actor, instructor and registration; verb http://adlnet.gov/expapi/verbs/scored
            object = the item, PROGRAMME supervisors/<checklist>/#<item> (type performance),
            parent = the checklist; result.extensions EXT rating = the level id on the
            entrustment scale, result.score = its level (min 1, max the top level) when
            the level has one ("not observed" has none), result.response = the comment

Every statement is in the grouping PROGRAMME (the programme's site address): a report asks
the LRS for the statements with the two verbs (following `more` links) and keeps those in
that grouping; other content's statements in the same LRS are left alone. Statement ids are UUID v5 of (record id, updated, item): pushing
the same records twice sends the same statements, which an LRS stores once; a record edited
later (a new `updated`) gives new statements, and the report keeps the latest copy of each
record exactly as it does with two versions of a file. A statement is a function of its record
only (and of the rating scale's levels), so it is the same however often it is made."""

from __future__ import annotations

import uuid

from curriculum_tools.core.model import Curriculum
from curriculum_tools.signoff.records import Record

NAMESPACE = uuid.UUID("6c0e6f1a-8d0b-5f43-9a39-2f7c8b1d4e55")  # this mapping's namespace, fixed for good
VERB_RECORD = "http://adlnet.gov/expapi/verbs/attempted"
VERB_ITEM = "http://adlnet.gov/expapi/verbs/scored"
VERBS = (VERB_RECORD, VERB_ITEM)  # a report asks the LRS for these (the verb filter every LRS has)
TYPE_CHECKLIST = "http://adlnet.gov/expapi/activities/assessment"
TYPE_ITEM = "http://adlnet.gov/expapi/activities/performance"
# record field (or observer.role) -> extension name under EXT; every field but trainee,
# observer name and ratings, which have their own places.
FIELDS = {
    "id": "record-id",
    "checklist.id": "checklist",
    "checklist.version": "checklist-version",
    "date": "session-date",
    "context": "session-context",
    "observer.role": "observer-role",
    "strengths": "strengths",
    "next_steps": "next-steps",
    "evidence_url": "evidence-url",
    "signed_off": "signed-off",
    "created": "created",
    "updated": "updated",
}
RECORD_FORMAT = "supervisor-record/1"


def ext(programme: str, name: str) -> str:
    return f"{programme}xapi/extensions/{name}"


def checklist_iri(programme: str, checklist_id: str) -> str:
    return f"{programme}supervisors/{checklist_id}/"


def statement_id(record_id: str, updated: str, item: str | None = None) -> str:
    name = f"{record_id}\n{updated}\n" + ("record" if item is None else f"item {item}")
    return str(uuid.uuid5(NAMESPACE, name))


def _agent(programme: str, name: str) -> dict:
    return {"objectType": "Agent", "name": name, "account": {"homePage": programme, "name": name}}


def _get(data: dict, dotted: str):
    head, _, tail = dotted.partition(".")
    value = data.get(head) if isinstance(data, dict) else None
    return _get(value, tail) if tail and isinstance(value, dict) else (value if not tail else None)


def _present(data: dict, dotted: str) -> bool:
    head, _, tail = dotted.partition(".")
    return head in data and (not tail or (isinstance(data[head], dict) and tail in data[head]))


def scale(curriculum: Curriculum) -> dict[str, int | None]:
    """Rating level id -> its level on the entrustment scale (None: not a level, e.g. not observed)."""
    return {level.id: level.level for level in curriculum.needs_framework().levels}


def statements_of(record: Record, programme: str, levels: dict[str, int | None]) -> list[dict]:
    """The statements of one usable record (as read_records keeps it), from its data as written."""
    data = record.source.data
    for step in record.path:
        data = data[step]
    common = {
        "actor": _agent(programme, data["trainee"]),
        "timestamp": f"{data['date']}T00:00:00Z",
    }
    registration = str(uuid.uuid5(NAMESPACE, f"record {data['id']}"))
    instructor = _agent(programme, data["observer"]["name"])
    grouping = [{"objectType": "Activity", "id": programme}]
    checklist = checklist_iri(programme, data["checklist"]["id"])
    extensions = {ext(programme, name): _get(data, field) for field, name in FIELDS.items() if _present(data, field)}
    out = [
        {
            "id": statement_id(data["id"], data["updated"]),
            **common,
            "verb": {"id": VERB_RECORD, "display": {"en-US": "attempted"}},
            "object": {"objectType": "Activity", "id": checklist, "definition": {"type": TYPE_CHECKLIST}},
            "context": {
                "registration": registration,
                "instructor": instructor,
                "contextActivities": {"grouping": grouping},
                "extensions": extensions,
            },
        }
    ]
    top = max((v for v in levels.values() if v is not None), default=1)
    for position, rating in enumerate(data["ratings"]):
        result: dict = {"extensions": {ext(programme, "rating"): rating["rating"]}}
        level = levels.get(rating["rating"])
        if level is not None:
            result["score"] = {"raw": level, "min": 1, "max": top}
            if top > 1:
                result["score"]["scaled"] = round((level - 1) / (top - 1), 4)
        if "comment" in rating:
            result["response"] = rating["comment"]
        out.append(
            {
                "id": statement_id(data["id"], data["updated"], rating["item"]),
                **common,
                "verb": {"id": VERB_ITEM, "display": {"en-US": "scored"}},
                "object": {
                    "objectType": "Activity",
                    "id": f"{checklist}#{rating['item']}",
                    "definition": {"type": TYPE_ITEM},
                },
                "result": result,
                "context": {
                    "registration": registration,
                    "instructor": instructor,
                    "contextActivities": {
                        "parent": [{"objectType": "Activity", "id": checklist}],
                        "grouping": grouping,
                    },
                    "extensions": {
                        ext(programme, "record-id"): data["id"],
                        ext(programme, "updated"): data["updated"],
                        ext(programme, "position"): position,
                    },
                },
            }
        )
    return out


class Unreadable(ValueError):
    """A statement in the grouping that is not one this mapping writes."""


def records_of(statements: list[dict], programme: str) -> tuple[list[dict], list[str]]:
    """The record documents (as record files hold them) the statements of this mapping
    describe, and one message per statement or record that could not be read back."""
    sessions: dict[tuple, dict] = {}
    items: dict[tuple, list] = {}
    problems: list[str] = []
    for s in statements:
        if not _grouped(s, programme):
            continue
        try:
            verb = s["verb"]["id"]
            extensions = s["context"]["extensions"]
            key = (extensions[ext(programme, "record-id")], extensions[ext(programme, "updated")])
            if verb == VERB_RECORD:
                sessions.setdefault(key, s)
            elif verb == VERB_ITEM:
                items.setdefault(key, []).append(s)
            else:
                raise Unreadable
        except (KeyError, TypeError, Unreadable):
            problems.append(
                f"statement {s.get('id') if isinstance(s, dict) else '?'}: not a supervisor-record statement; ignored"
            )
    documents = []
    for key in sorted(set(sessions) | set(items)):
        if key not in sessions:
            problems.append(
                f"record {key[0]} (updated {key[1]}): its item statements have no record statement; ignored"
            )
            continue
        try:
            documents.append(_document(sessions[key], items.get(key, []), programme))
        except (KeyError, TypeError, ValueError):
            problems.append(f"record {key[0]} (updated {key[1]}): its statements are incomplete; ignored")
    return documents, problems


def _grouped(statement, programme: str) -> bool:
    try:
        grouping = statement["context"]["contextActivities"]["grouping"]
        return any(
            isinstance(a, dict) and a.get("id") == programme
            for a in (grouping if isinstance(grouping, list) else [grouping])
        )
    except (KeyError, TypeError):
        return False


def _document(session: dict, items: list[dict], programme: str) -> dict:
    extensions = session["context"]["extensions"]
    doc: dict = {"format": RECORD_FORMAT}
    for field, name in FIELDS.items():
        if ext(programme, name) not in extensions:
            continue
        head, _, tail = field.partition(".")
        if tail:
            doc.setdefault(head, {})[tail] = extensions[ext(programme, name)]
        else:
            doc[head] = extensions[ext(programme, name)]
    doc["trainee"] = session["actor"]["account"]["name"]
    doc.setdefault("observer", {})["name"] = session["context"]["instructor"]["account"]["name"]
    seen: dict[str, dict] = {}
    for s in sorted(items, key=lambda s: s["context"]["extensions"][ext(programme, "position")]):
        item = s["object"]["id"].rpartition("#")[2]
        rating = {"item": item, "rating": s["result"]["extensions"][ext(programme, "rating")]}
        if "response" in s["result"]:
            rating["comment"] = s["result"]["response"]
        seen.setdefault(s["id"], rating)
    doc["ratings"] = list(seen.values())
    return doc
