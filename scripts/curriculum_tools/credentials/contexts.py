"""The JSON-LD contexts credentials are signed and verified under, pinned offline.

They come from the npm packages that publish them (package.json "dependencies"), copied into
node_modules/.curriculum/jsonld-contexts.json by pin_contexts.mjs when `make install` runs.
The document loader answers only from that file: any other URL is refused, never fetched."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PINNED = REPO / "node_modules" / ".curriculum" / "jsonld-contexts.json"

VC2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY = "https://w3id.org/security/multikey/v1"
DID = "https://www.w3.org/ns/did/v1"


class ContextError(Exception):
    """A context is not pinned, or the pinned file is missing."""


@lru_cache(maxsize=1)
def pinned() -> dict[str, dict]:
    try:
        data = json.loads(PINNED.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContextError(
            f"{PINNED}: the pinned JSON-LD contexts are missing; run `make install` "
            "(npm ci, then pin_contexts.mjs writes them)"
        ) from None
    except (OSError, ValueError) as exc:
        raise ContextError(
            f"{PINNED}: cannot read the pinned JSON-LD contexts ({exc}); run `make install` again"
        ) from None
    data.pop("//", None)
    return data


def source(url: str) -> str:
    """Which npm package (and version) a pinned context came from."""
    return json.loads(PINNED.read_text(encoding="utf-8")).get("//", {}).get(url, "?")


def document_loader(url: str, options=None) -> dict:
    """A pyld document loader that never goes to the network."""
    contexts = pinned()
    if url not in contexts:
        raise ContextError(
            f"JSON-LD context {url} is not pinned (only {', '.join(sorted(contexts))}); it is never fetched"
        )
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": contexts[url]}
