"""Run inside Ralph's tool environment: tests/ralph_server.py's server, with one more fix to
Ralph's file-system LRS backend (ralph-malph 5.1.0), needed by `curriculum report --lrs`.

The statements router turns the `verb` and `activity` query parameters into Ralph's IRI
model (a pydantic RootModel, not a str) before handing them to the backend; FSLRSBackend's
filters compare them with the statement's plain-string ids (`statement["verb"]["id"] ==
verb_id`), which is never true, so every statement query with a verb or activity filter
answered an empty list (seen here: 6 statements stored, `?verb=...scored` -> 0). The fix
gives the backend the IRI's string. Ralph's other backends (ClickHouse, Elasticsearch,
MongoDB) build their own queries and are not touched; nothing else changes."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def patch() -> None:
    from ralph.backends.lrs.fs import FSLRSBackend

    query = FSLRSBackend.query_statements

    def query_statements(self, params, target=None):
        update = {}
        for name in ("verb", "activity"):
            value = getattr(params, name, None)
            if value is not None and not isinstance(value, str):
                update[name] = str(getattr(value, "root", value))
        return query(self, params.model_copy(update=update) if update else params, target)

    FSLRSBackend.query_statements = query_statements


if __name__ == "__main__":
    import ralph_server

    if sys.argv[1] == "serve":
        patch()
        ralph_server.serve(int(sys.argv[2]))
    elif sys.argv[1] == "validate":
        ralph_server.validate()
    else:
        raise SystemExit(f"unknown command {sys.argv[1]!r}")
