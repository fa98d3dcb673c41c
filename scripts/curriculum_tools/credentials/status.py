"""The revocation list: a W3C Bitstring Status List v1.0 credential the site publishes at
<site_url>credentials/status/1.json. Bit i (counting from the left-most bit of the first byte)
is 1 when the credential with statusListIndex i is revoked. The list is GZIP-compressed and
base64url multibase-encoded, at least 16 KB (131,072 entries) so that an index says nothing
about who holds it, and signed with the issuer's key like any credential."""

from __future__ import annotations

import gzip
import json
import secrets
from pathlib import Path

from curriculum_tools.credentials import multibase
from curriculum_tools.credentials.contexts import VC2
from curriculum_tools.credentials.proof import sign

SIZE = 131072  # bits: the specification's minimum, for group privacy
LIST_FILE = Path("status") / "1.json"


class StatusError(Exception):
    pass


def encode(bits: bytearray) -> str:
    return multibase.encode_u(gzip.compress(bytes(bits), mtime=0))


def decode(text: str) -> bytearray:
    try:
        return bytearray(gzip.decompress(multibase.decode_u(text)))
    except (ValueError, OSError, EOFError) as exc:
        raise StatusError(f"encodedList is not a GZIP-compressed base64url bitstring ({exc})") from None


def is_set(bits: bytearray, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise StatusError(f"statusListIndex {index} is outside the list (size {len(bits) * 8})")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int) -> None:
    is_set(bits, index)
    bits[index // 8] |= 0x80 >> (index % 8)


def credential(url: str, key, bits: bytearray, valid_from: str) -> dict:
    """The signed BitstringStatusListCredential published at url."""
    unsigned = {
        "@context": [VC2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": key.did,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": url + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(bits),
        },
    }
    return sign(unsigned, key)


def entry(url: str, index: int) -> dict:
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def free_index(used: set[int]) -> int:
    """A random unused index (sequential ones would tell a holder's place in the cohort)."""
    if len(used) >= SIZE:
        raise StatusError("the revocation list is full")
    while True:
        index = secrets.randbelow(SIZE)
        if index not in used:
            return index


def read_list(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StatusError(f"{path}: no revocation list (run `curriculum credential keygen` first)") from None
    except (OSError, ValueError) as exc:
        raise StatusError(f"{path}: cannot read the revocation list ({exc})") from None
    if not isinstance(data, dict) or "BitstringStatusListCredential" not in data.get("type", []):
        raise StatusError(f"{path}: not a BitstringStatusListCredential")
    return data
