"""A small xAPI client for a Learning Record Store's statements resource (standard library
only): POST statements, GET them back with filters, following `more` links.

Credentials come from a file (--auth-file) or the environment variable CURRICULUM_LRS_AUTH,
never from the command line: either holds `key:secret` (HTTP Basic, as LRSs issue key and
secret pairs) on its first line. No message ever contains the secret, and credentials are
only ever sent to the LRS's own origin (a `more` link elsewhere is refused)."""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

AUTH_ENV = "CURRICULUM_LRS_AUTH"
XAPI_VERSION = "1.0.3"
BATCH = 100  # statements per POST
PAGE_SIZE = 500  # statements asked for per GET
TIMEOUT = 30


class LrsError(Exception):
    """Something the user must fix or know; the message is one line without the secret."""


def credentials(auth_file: Path | None) -> str:
    """The Authorization header value, from the file or the environment."""
    if auth_file is not None:
        try:
            text = auth_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LrsError(
                f"{auth_file}: cannot read the auth file ({getattr(exc, 'strerror', None) or type(exc).__name__})"
            ) from None
        where = str(auth_file)
    elif os.environ.get(AUTH_ENV):
        text, where = os.environ[AUTH_ENV], f"the environment variable {AUTH_ENV}"
    else:
        raise LrsError(f"no LRS credentials: give --auth-file FILE (one line key:secret) or set {AUTH_ENV}")
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    key, sep, secret = line.partition(":")
    if not sep or not key or not secret:
        raise LrsError(f"{where}: expected one line key:secret (HTTP Basic credentials)")
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


def endpoint(url: str) -> str:
    """The xAPI endpoint, ending in "/"; refused when it is not http(s) or carries credentials."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError("--lrs: expected the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")
    if parts.username or parts.password:
        raise LrsError("--lrs: the address carries credentials; put them in the auth file or " + AUTH_ENV + " instead")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class Client:
    def __init__(self, url: str, authorization: str):
        self.endpoint = endpoint(url)
        self._authorization = authorization
        self._secret = base64.b64decode(authorization.split(" ", 1)[1]).decode().partition(":")[2]
        origin = urllib.parse.urlsplit(self.endpoint)
        self._origin = (origin.scheme, origin.netloc)

    def _clean(self, text: object) -> str:
        text = " ".join(str(text).split())[:300]
        for secret in (self._secret, self._authorization.split(" ", 1)[1]):
            text = text.replace(secret, "***")
        return text

    def request(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None):
        """(status, body bytes); HTTP error statuses are returned, network failures raised."""
        parts = urllib.parse.urlsplit(url)
        if (parts.scheme, parts.netloc) != self._origin:
            raise LrsError(
                f"the LRS pointed to another site ({parts.scheme}://{parts.hostname}); not following it with the credentials"
            )
        headers = {
            "Authorization": self._authorization,
            "X-Experience-API-Version": XAPI_VERSION,
            "Accept": "application/json",
        }
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except urllib.error.URLError as error:
            raise LrsError(f"cannot reach the LRS at {self.endpoint}: {self._clean(error.reason)}") from None
        except (OSError, ValueError) as error:
            raise LrsError(f"cannot reach the LRS at {self.endpoint}: {self._clean(error)}") from None

    def _fail(self, what: str, status: int, body: bytes) -> LrsError:
        detail = ""
        try:
            parsed = json.loads(body)
            if isinstance(parsed, dict):
                detail = str(parsed.get("detail") or parsed.get("message") or "")
        except ValueError:
            pass
        hint = " (check the credentials)" if status in (401, 403) else ""
        return LrsError(
            f"the LRS at {self.endpoint} refused {what}: HTTP {status}{hint}"
            + (f": {self._clean(detail)}" if detail else "")
        )

    def store(self, statements: list[dict]) -> tuple[int, int]:
        """Store the statements: (new, already there). An LRS keeps a statement id once: a
        repeat is ignored or answered 409 Conflict. On a 409 for a batch each statement is
        PUT alone (204 stored or already there and the same; 409: a different statement has
        that id, which is an error)."""
        new = again = 0
        url = self.endpoint + "statements"
        for start in range(0, len(statements), BATCH):
            batch = statements[start : start + BATCH]
            status, body = self.request("POST", url, json.dumps(batch).encode(), "application/json")
            if status == 204:  # nothing new (an LRS may answer a batch of repeats so)
                again += len(batch)
                continue
            if status == 200:
                stored = json.loads(body or b"[]")
                n = len(stored) if isinstance(stored, list) else 0
                new, again = new + n, again + len(batch) - n
                continue
            if status != 409:
                raise self._fail("the statements", status, body)
            for statement in batch:
                one = url + "?" + urllib.parse.urlencode({"statementId": statement["id"]})
                status, body = self.request("PUT", one, json.dumps(statement).encode(), "application/json")
                if status == 409:
                    raise LrsError(
                        f"the LRS at {self.endpoint} holds a different statement with the id {statement['id']}; "
                        "statements cannot be changed (was the programme IRI or the rating scale changed?)"
                    )
                if status not in (200, 204):
                    raise self._fail(f"statement {statement['id']}", status, body)
                again += 1  # cannot tell new from repeat here; counted as already there
        return new, again

    def statements(self, **query) -> list[dict]:
        """Every statement matching the query, following `more` links."""
        query = {"limit": PAGE_SIZE, **query}
        url = self.endpoint + "statements?" + urllib.parse.urlencode(query)
        found: list[dict] = []
        while url:
            status, body = self.request("GET", url)
            if status != 200:
                raise self._fail("the statements query", status, body)
            try:
                page = json.loads(body)
                found.extend(page["statements"])
                more = page.get("more") or ""
            except (ValueError, KeyError, TypeError):
                raise LrsError(
                    f"the LRS at {self.endpoint} answered the statements query with something that is not an xAPI StatementResult"
                ) from None
            url = urllib.parse.urljoin(self.endpoint, more) if more else ""
        return found
