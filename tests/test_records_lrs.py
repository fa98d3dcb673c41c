"""Supervisor records in a real Learning Record Store (issue 16, item 3): `curriculum records
push` sends records as xAPI statements to Ralph (tests/lrs.py, one process per module on
127.0.0.1, emptied before each test), `curriculum report --lrs` reads them back, and the report is the one the same
records give as files, byte for byte. Ralph's own xAPI model validates every statement;
credentials never appear in output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import lrs as test_lrs
from helpers import FIXTURES, make_tree, run_cli
from lrs import validate_statements

RECORDS = FIXTURES / "records"
PROGRAMME = "https://training.example.org/"


@pytest.fixture(scope="module")
def ralphs(tmp_path_factory):
    """Two Ralph processes for the module (per xdist worker): with the fix to its file-system
    backend's verb filter (tests/ralph_server_filters.py says what and why), and as released."""
    with (
        test_lrs.running_ralph(
            tmp_path_factory.mktemp("ralph-fixed"), test_lrs.TESTS / "ralph_server_filters.py"
        ) as fixed,
        test_lrs.running_ralph(tmp_path_factory.mktemp("ralph-released")) as released,
    ):
        fixed.filters_fixed, released.filters_fixed = True, False
        yield {"filters-fixed": fixed, "as-released": released}


@pytest.fixture
def ralph(ralphs):
    """Ralph with the verb filter fixed, running, its store empty."""
    return ralphs["filters-fixed"].ensure_running().empty()


@pytest.fixture(params=["filters-fixed", "as-released"])
def any_ralph(request, ralphs):
    """Ralph twice: with the verb filter fixed, where `report --lrs` gets its records by that
    filter, and as released, where it matches nothing and the report reads every statement."""
    return ralphs[request.param].ensure_running().empty()


@pytest.fixture
def any_auth(tmp_path, any_ralph) -> Path:
    path = tmp_path / "lrs-auth"
    path.write_text(f"{any_ralph.username}:{any_ralph.password}\n")
    return path


@pytest.fixture
def root(tmp_path) -> Path:
    tree = make_tree(tmp_path)
    shutil.copytree(RECORDS / "content", tree, dirs_exist_ok=True)
    return tree


@pytest.fixture
def auth(tmp_path, ralph) -> Path:
    path = tmp_path / "lrs-auth"
    path.write_text(f"{ralph.username}:{ralph.password}\n")
    return path


def cli(root: Path, *args: str, env=None):
    result = run_cli(*args, "--root", str(root), cwd=RECORDS, env=env)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def push(root, ralph, auth, *paths):
    return cli(
        root,
        "records",
        "push",
        *paths,
        "--lrs",
        ralph.endpoint,
        "--auth-file",
        str(auth),
        "--programme",
        PROGRAMME,
        "--today",
        "2026-12-01",
    )


def two_versions(tmp_path) -> Path:
    """The valid records, plus a later edit of one of them (same id, new `updated`)."""
    folder = tmp_path / "records"
    shutil.copytree(RECORDS / "valid", folder)
    edited = json.loads((folder / "ada-2026-11-03.json").read_text())
    edited["updated"] = "2026-11-04T09:00:00Z"
    edited["ratings"][1]["rating"] = "indirect"
    edited["ratings"][1]["comment"] = "Re-rated after the debrief; =SUM(A1) stays text."
    (folder / "ada-2026-11-03-edited.json").write_text(json.dumps(edited))
    shutil.copy(RECORDS / "hostile" / "xss.json", folder / "xss.json")
    return folder


def test_push_twice_then_report_from_the_lrs_gives_the_same_report_as_the_files(
    root, any_ralph, any_auth, tmp_path, monkeypatch
):
    ralph, auth = any_ralph, any_auth
    folder = two_versions(tmp_path)
    # the first version of a record, pushed before it was edited: the LRS keeps both
    assert push(root, ralph, auth, str(RECORDS / "valid" / "ada-2026-11-03.json")).returncode == 0
    before = len(ralph.statements())
    first = push(root, ralph, auth, str(folder))
    assert first.returncode == 0, first.stdout + first.stderr
    stored = ralph.statements()
    sent = len(stored) - before
    assert f"{sent} statements sent" in first.stdout and f"{sent} stored, 0 already there" in first.stdout
    again = push(root, ralph, auth, str(folder))
    assert again.returncode == 0, again.stdout + again.stderr
    assert f": 0 stored, {sent} already there" in again.stdout
    after = ralph.statements()
    assert len(after) == len(stored) and len({s["id"] for s in after}) == len(after)  # nothing stored twice
    assert validate_statements(after) == []  # Ralph's own xAPI model accepts each one

    # a small page size, so the report must follow Ralph's `more` links
    from curriculum_tools.signoff import lrs

    monkeypatch.setattr(lrs, "PAGE_SIZE", 4)
    seen = []
    request = lrs.Client.request
    monkeypatch.setattr(
        lrs.Client,
        "request",
        lambda self, method, url, *a, **k: seen.append(url) or request(self, method, url, *a, **k),
    )
    files = cli(root, "report", str(folder), "--out", str(tmp_path / "from-files"), "--today", "2026-12-01")
    from_lrs = cli(
        root,
        "report",
        "--lrs",
        ralph.endpoint,
        "--auth-file",
        str(auth),
        "--programme",
        PROGRAMME,
        "--out",
        str(tmp_path / "from-lrs"),
        "--today",
        "2026-12-01",
    )
    assert files.returncode == 0 and from_lrs.returncode == 0, from_lrs.stdout + from_lrs.stderr
    assert len(seen) > len(after) // 4, seen  # every page fetched
    for name in ("report.csv", "progress.json"):
        assert (tmp_path / "from-lrs" / name).read_bytes() == (tmp_path / "from-files" / name).read_bytes(), name
    assert "Ada Lovelace: signed off on" in from_lrs.stdout
    assert ("every statement was read" in from_lrs.stdout) is not ralph.filters_fixed
    assert "also appears at" in from_lrs.stdout  # the older copy of the edited record, as with files
    csv = (tmp_path / "from-lrs" / "report.csv").read_text()
    assert "Re-rated" not in csv and "Indirect" in csv


def test_the_mapping_carries_trainee_observer_checklist_item_and_rating(root, ralph, auth):
    assert push(root, ralph, auth, str(RECORDS / "valid" / "ada-2026-11-03.json")).returncode == 0
    every = ralph.statements()
    stored = {s["verb"]["id"].rsplit("/", 1)[1]: s for s in every if s["verb"]["id"].endswith("/attempted")}
    session = stored["attempted"]
    assert session["actor"]["account"] == {"homePage": PROGRAMME, "name": "Ada Lovelace"}
    assert session["object"]["id"] == PROGRAMME + "supervisors/demo-checklist/"
    assert session["context"]["instructor"]["account"]["name"] == "Dr A"
    ext = PROGRAMME + "xapi/extensions/"
    assert session["context"]["extensions"][ext + "observer-role"] == "Clinical psychologist"
    assert session["context"]["extensions"][ext + "session-context"] == "Tuesday group, online."
    assert session["timestamp"].startswith("2026-11-03T00:00:00")
    items = [s for s in every if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/scored"]
    by_item = {s["object"]["id"].rsplit("#", 1)[1]: s for s in items}
    assert set(by_item) == {"listens", "links"}
    listens = by_item["listens"]["result"]
    assert listens["extensions"][ext + "rating"] == "indirect"
    assert listens["score"]["raw"] > by_item["links"]["result"]["score"]["raw"]  # indirect above direct
    assert by_item["listens"]["context"]["registration"] == session["context"]["registration"]
    assert by_item["listens"]["context"]["contextActivities"]["parent"][0]["id"] == session["object"]["id"]


def test_wrong_credentials_fail_in_one_line_without_the_secret(root, ralph, tmp_path):
    secret = "s3cret-never-shown-Zq9"
    bad = tmp_path / "bad-auth"
    bad.write_text(f"{ralph.username}:{secret}\n")
    for args in (["records", "push", str(RECORDS / "valid" / "ada-2026-11-03.json")], ["report"]):
        result = cli(root, *args, "--lrs", ralph.endpoint, "--auth-file", str(bad), "--programme", PROGRAMME)
        assert result.returncode == 1
        assert "HTTP 401" in result.stderr and "check the credentials" in result.stderr
        assert secret not in result.stdout + result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert ralph.statements() == []


def test_credentials_only_from_a_file_or_the_environment(root, ralph, auth):
    result = cli(root, "records", "push", str(RECORDS / "valid"), "--lrs", ralph.endpoint, "--programme", PROGRAMME)
    assert result.returncode == 1 and "CURRICULUM_LRS_AUTH" in result.stderr
    in_url = ralph.endpoint.replace("http://", f"http://{ralph.username}:{ralph.password}@")
    result = cli(
        root,
        "records",
        "push",
        str(RECORDS / "valid"),
        "--lrs",
        in_url,
        "--auth-file",
        str(auth),
        "--programme",
        PROGRAMME,
    )
    assert result.returncode == 1 and "carries credentials" in result.stderr and ralph.password not in result.stderr
    env = {"CURRICULUM_LRS_AUTH": f"{ralph.username}:{ralph.password}"}
    result = cli(
        root,
        "records",
        "push",
        str(RECORDS / "valid"),
        "--lrs",
        ralph.endpoint,
        "--programme",
        PROGRAMME,
        "--today",
        "2026-12-01",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert ralph.password not in result.stdout + result.stderr


def test_an_unreachable_lrs_and_bad_input_fail_in_one_line(root, ralph, auth, tmp_path):
    ralph.stop()
    result = push(root, ralph, auth, str(RECORDS / "valid" / "ada-2026-11-03.json"))
    assert (
        result.returncode == 1
        and "cannot reach the LRS" in result.stderr
        and len(result.stderr.strip().splitlines()) == 1
    )
    assert ralph.password not in result.stderr
    empty = tmp_path / "empty-auth"
    empty.write_text("just-a-token\n")
    result = push(root, ralph, empty, str(RECORDS / "valid"))
    assert (
        result.returncode == 1
        and "expected one line key:secret" in result.stderr
        and "just-a-token" not in result.stderr
    )
    result = cli(
        root,
        "records",
        "push",
        str(RECORDS / "valid"),
        "--lrs",
        "ftp://x/",
        "--auth-file",
        str(auth),
        "--programme",
        PROGRAMME,
    )
    assert result.returncode == 1 and "xAPI endpoint" in result.stderr


def test_a_record_changed_without_a_new_updated_time_is_refused_not_overwritten(root, ralph, auth, tmp_path):
    """Statements are immutable: the same ids with different content get 409 from the LRS;
    each is then PUT alone, and the one that differs is named."""
    original = RECORDS / "valid" / "ada-2026-11-03.json"
    assert push(root, ralph, auth, str(original)).returncode == 0
    stored = ralph.statements()
    changed = json.loads(original.read_text())
    changed["ratings"][0]["comment"] = "Edited, but `updated` was not changed."
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed))
    result = push(root, ralph, auth, str(path))
    assert result.returncode == 1
    assert "holds a different statement with the id" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(s["id"] for s in ralph.statements()) == sorted(s["id"] for s in stored)
    assert all("Edited" not in json.dumps(s) for s in ralph.statements())
