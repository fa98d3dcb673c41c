"""The test LRS itself (tests/lrs.py): Ralph stores every statement posted, keeps them over a
restart, refuses a second statement with the same id, forgets everything when its store is
emptied (how tests share one process), and its own model refuses invalid xAPI.
If these fail, the cmi5 and records tests that rely on Ralph cannot be trusted."""

from __future__ import annotations

import json
import uuid

from lrs import validate_statements


def statement(verb: str = "initialized", **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "trainee-1"}},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": "https://example.org/au/1"},
        "timestamp": "2026-12-02T03:00:00.000Z",
        **extra,
    }


def test_ralph_stores_every_statement_over_a_restart(ralph):
    first, second, third = statement(), statement("passed"), statement("terminated")
    for one in (first, second):
        status, body = ralph.post(one)
        assert status == 200, body  # the second POST is the one the unpatched fs backend refused
    status, body = ralph.post([third])
    assert status == 200, body
    ralph.stop()
    ralph.start()
    stored = {s["id"]: s for s in ralph.statements()}
    assert set(stored) == {first["id"], second["id"], third["id"]}
    assert stored[second["id"]]["verb"]["id"].endswith("/passed")
    assert "stored" in stored[first["id"]] and "authority" in stored[first["id"]]


def test_ralph_refuses_a_conflicting_statement_and_stores_a_repeat_once(ralph):
    one = statement()
    assert ralph.post(one)[0] == 200
    again, _ = ralph.post(one)  # the same statement again: xAPI lets the LRS ignore it
    assert again in (200, 204, 409)
    changed = {**one, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}}
    assert ralph.post(changed)[0] == 409
    assert [s["id"] for s in ralph.statements()] == [one["id"]]


def test_ralph_refuses_invalid_xapi(ralph):
    bad = statement()
    del bad["verb"]
    status, body = ralph.post(bad)
    assert status in (400, 422), body
    assert ralph.statements() == []


def test_an_emptied_store_is_an_empty_lrs(ralph):
    """The `ralph` fixture shares one process between a module's tests and empties its store
    before each: what one test posted must be gone for the next, duplicate-id check included."""
    one = statement()
    assert ralph.post(one)[0] == 200
    ralph.empty()
    assert ralph.statements() == []
    changed = {**one, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}}
    assert ralph.post(changed)[0] == 200  # no longer a conflict: the first is gone
    assert [s["verb"]["id"] for s in ralph.statements()] == [changed["verb"]["id"]]


def test_ralph_model_validates_in_its_own_environment():
    good = statement(result={"score": {"scaled": 0.5, "raw": 1, "min": 0, "max": 2}, "success": False})
    bad = statement(result={"score": {"scaled": 2}})  # scaled is at most 1
    errors = validate_statements([good, bad, json.loads(json.dumps(good)) | {"version": "2.0"}])
    assert [e.split(":")[0] for e in errors] == ["statement 1", "statement 2"]
