"""A real Learning Record Store for the tests: Ralph (ralph-malph, from PyPI), started on
127.0.0.1 on a free port with its file-system backend and per-run test credentials, in its
own tool environment .tools/ralph (`make lrs-env`, pinned in tests/lrs-requirements.txt; its
dependencies never mix with ours).

    from lrs import ralph            # the pytest fixture: an empty LRS for each test, or
    with running_ralph(tmp_path) as lrs: ...

    lrs.endpoint        "http://127.0.0.1:PORT/xAPI/" (the xAPI endpoint, trailing slash)
    lrs.auth_header     "Basic ..." for the test account (scopes: all)
    lrs.statements(**query)   every stored statement matching the query (follows `more`)
    lrs.post(statements)      POST through Ralph's statements resource -> (status, body)
    lrs.stop() / lrs.start()  stop it and start it again on the same port and store
    lrs.empty()               delete every stored statement (Ralph keeps running)
    validate_statements(list) errors by Ralph's own pydantic xAPI model, run in Ralph's env

Ralph serves the statements resource only (no State, Activity Profile or Agent Profile
API). How it is served, and the one fix to its file-system backend, is explained in
tests/ralph_server.py.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import json
import os
import secrets
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
RALPH_PYTHON = REPO / ".tools" / "ralph" / "bin" / "python"
SERVER = TESTS / "ralph_server.py"
XAPI_VERSION = "1.0.3"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ralph_python() -> Path:
    if not RALPH_PYTHON.exists():
        pytest.fail("Ralph's tool environment is missing: run `make lrs-env` (part of `make install-dev`)")
    return RALPH_PYTHON


class Ralph:
    """One Ralph LRS process over one store directory."""

    def __init__(self, directory: Path, port: int | None = None, server: Path | None = None):
        self.directory = Path(directory)
        self.server = server or SERVER
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = port or _free_port()
        self.username = "lms-" + secrets.token_hex(4)
        self.password = secrets.token_urlsafe(18)
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        self.auth_header = "Basic " + token
        self.process: subprocess.Popen | None = None
        self.log = self.directory / "ralph.log"

    # -- process -------------------------------------------------------------------------
    def _env(self) -> dict:
        app = self.directory / "app"
        store = self.directory / "store"
        app.mkdir(parents=True, exist_ok=True)
        store.mkdir(parents=True, exist_ok=True)
        keep = {
            k: v for k, v in os.environ.items() if not k.startswith("RALPH_") and k not in ("VIRTUAL_ENV", "PYTHONPATH")
        }
        return {
            **keep,
            "RALPH_APP_DIR": str(app),
            "RALPH_AUTH_FILE": str(app / "auth.json"),
            "RALPH_HISTORY_FILE": str(app / "history.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(store),
            "RALPH_RUNSERVER_AUTH_BACKENDS": "basic",
            "RALPH_TEST_USERNAME": self.username,
            "RALPH_TEST_PASSWORD": self.password,
        }

    def start(self, timeout: float = 60.0) -> Ralph:
        assert self.process is None, "Ralph is already running"
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [str(ralph_python()), str(self.server), "serve", str(self.port)],
            env=self._env(),
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                raise RuntimeError(f"Ralph exited while starting:\n{self.log.read_text(errors='replace')[-3000:]}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2) as response,
            ):
                if response.status == 200:
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"Ralph did not answer within {timeout}s:\n{self.log.read_text(errors='replace')[-3000:]}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ensure_running(self) -> Ralph:
        """Start it again if it is not running (a test that stopped it and failed before
        starting it again leaves it stopped)."""
        if not self.running:
            self.process = None
            self.start()
        return self

    def empty(self) -> Ralph:
        """Delete every stored statement; Ralph keeps running. Its file-system backend reads
        its store on every request (queries and the duplicate-id check alike), so an emptied
        store is an empty LRS: tests/test_lrs.py checks that it is."""
        for path in (self.directory / "store").iterdir():
            path.unlink()
        return self

    # -- xAPI ----------------------------------------------------------------------------
    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """(status, headers, body bytes) of one request to Ralph with the test credentials."""
        url = urllib.parse.urljoin(self.endpoint, path)
        request = urllib.request.Request(
            url,
            data=body,
            method=method,
            headers={"Authorization": self.auth_header, "X-Experience-API-Version": XAPI_VERSION, **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def post(self, statements: list[dict] | dict):
        status, _, body = self.request(
            "POST", "statements", json.dumps(statements).encode(), {"Content-Type": "application/json"}
        )
        return status, body

    def statements(self, **query) -> list[dict]:
        """Every statement matching the xAPI query (e.g. registration=..., verb=...), in the
        order Ralph returns them, following `more` links."""
        path = "statements" + ("?" + urllib.parse.urlencode(query) if query else "")
        found: list[dict] = []
        while path:
            status, _, body = self.request("GET", path)
            if status != 200:
                raise RuntimeError(f"GET {path}: {status} {body[:500]!r}")
            page = json.loads(body)
            found.extend(page["statements"])
            more = page.get("more")
            path = urllib.parse.urljoin(f"http://127.0.0.1:{self.port}/", more) if more else ""
        return found


# One `ralph_server.py validate-lines` per test process, and the file its stderr goes to (a
# file, not a pipe: warnings nobody reads would fill a pipe and stall the validator).
_VALIDATOR: list[tuple[subprocess.Popen, IO[str]]] = []


def _validator() -> tuple[subprocess.Popen, IO[str]]:
    if not _VALIDATOR or _VALIDATOR[0][0].poll() is not None:
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
        process = subprocess.Popen(
            [str(ralph_python()), str(SERVER), "validate-lines"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        atexit.register(process.kill)
        _VALIDATOR[:] = [(process, log)]
    return _VALIDATOR[0]


def validate_statements(statements: list[dict]) -> list[str]:
    """Errors (empty when all are valid) of each statement by Ralph's own xAPI statement
    model (ralph.models.xapi.base.statements.BaseXapiStatement), in Ralph's environment: one
    validator process for the test session, since importing Ralph's models is most of a
    run (1.5 s)."""
    process, log = _validator()
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps(statements) + "\n")
    process.stdin.flush()
    answer = process.stdout.readline()
    if not answer:
        process.kill()
        log.seek(0)
        raise RuntimeError(f"Ralph's validator failed: {log.read()[-3000:]}")
    return [f"statement {index}: {error}" for index, error in json.loads(answer) if error]


@contextlib.contextmanager
def running_ralph(directory: Path, server: Path | None = None):
    lrs = Ralph(directory, server=server).start()
    try:
        yield lrs
    finally:
        lrs.stop()


@pytest.fixture(scope="module")
def module_ralph(tmp_path_factory):
    """One Ralph process for a test module (per xdist worker): starting one takes 1.5-2 s,
    nearly all of it Ralph's imports."""
    with running_ralph(tmp_path_factory.mktemp("ralph")) as lrs:
        yield lrs


@pytest.fixture
def ralph(module_ralph):
    """An empty Ralph LRS for one test: the module's process, running, its store emptied."""
    return module_ralph.ensure_running().empty()
