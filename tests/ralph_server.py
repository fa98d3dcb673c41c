"""Run inside Ralph's own tool environment (.tools/ralph, `make lrs-env`), never ours.

    python ralph_server.py serve PORT    Ralph's LRS app (ralph.api:app) under uvicorn on
                                         127.0.0.1:PORT, file-system backend, basic auth
    python ralph_server.py validate-lines  a JSON list of statements per line on stdin -> a
                                         JSON list of [index, error or null] per line on
                                         stdout, by Ralph's own pydantic xAPI statement model,
                                         until stdin closes (one process for a test session)

Settings come from the environment tests/lrs.py sets: RALPH_APP_DIR, RALPH_AUTH_FILE,
RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH, and the test
credentials RALPH_TEST_USERNAME / RALPH_TEST_PASSWORD (made per run, never stored in the
repository), which `serve` writes into Ralph's auth file in Ralph's own format (bcrypt hash).

The one fix, and why (ralph-malph 5.1.0): the statements router calls
`BACKEND_CLIENT.write(data, target=...)` without an operation type, so the file-system LRS
backend uses FSDataBackend.default_operation_type, CREATE. FSLRSBackend writes every statement
into one file (DEFAULT_LRS_FILE, fs_lrs.jsonl), and CREATE refuses an existing file: the first
POST creates it (200), every later POST fails with "fs_lrs.jsonl already exists and overwrite
is not allowed with operation_type create or index" (HTTP 500 "Statements bulk indexation
failed"). Seen with `ralph runserver -b fs` (which is uvicorn with reload, watching the working
directory) as well. Setting the LRS backend's default operation type to APPEND makes each POST
append its statements to that file, which is what its reader (query_statements) expects.
Everything else (validation, duplicate-id handling, auth, the xAPI resource) is Ralph's own.

Also seen, and left as it is (callers work around it): on GET statements the router turns
`verb` and `activity` into ralph.models.xapi.base.common.IRI (a pydantic RootModel, not a
str), and the file-system backend compares them with `==` to the stored strings, so a query
with either filter returns no statement; `agent`, `registration`, `since`, `until` and
`limit` work. Ralph has no State, Activity Profile or Agent Profile resource (statements and
health only) and, in 5.1.0, no cmi5 statement models (only the session id constant): the
validator below is Ralph's generic xAPI statement model (extra fields forbidden).
"""

from __future__ import annotations

import json
import os
import sys


def serve(port: int) -> None:
    import bcrypt

    auth_file = os.environ["RALPH_AUTH_FILE"]
    user = os.environ["RALPH_TEST_USERNAME"]
    password = os.environ["RALPH_TEST_PASSWORD"].encode()
    account = {
        "username": user,
        # few rounds: a test password, checked on every request until Ralph caches it
        "hash": bcrypt.hashpw(password, bcrypt.gensalt(rounds=4)).decode(),
        "scopes": ["all"],
        "agent": {"objectType": "Agent", "name": "Test LMS", "mbox": "mailto:lms@example.org"},
    }
    with open(auth_file, "w", encoding="utf-8") as handle:
        json.dump([account], handle)

    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND  # the fix (see above)

    import uvicorn
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def errors(statements: list) -> list:
    from pydantic import ValidationError
    from ralph.models.xapi.base.statements import BaseXapiStatement

    out = []
    for index, statement in enumerate(statements):
        try:
            BaseXapiStatement(**statement)
            out.append([index, None])
        except ValidationError as error:
            out.append([index, str(error)])
    return out


def validate_lines() -> None:
    for line in sys.stdin:
        sys.stdout.write(json.dumps(errors(json.loads(line))) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    elif sys.argv[1] == "validate-lines":
        validate_lines()
    else:
        raise SystemExit(f"unknown command {sys.argv[1]!r}")
