"""Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C vc-di-eddsa, section 3.3):
canonicalise the proof options (with the document's @context) and the document without its
proof by RDF Dataset Canonicalization (RDFC-1.0, the URDNA2015 algorithm), hash each with
SHA-256, and sign proofHash || documentHash with Ed25519; proofValue is base58btc multibase."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from curriculum_tools.credentials import multibase
from curriculum_tools.credentials.contexts import ContextError, document_loader

SUITE = "eddsa-rdfc-2022"


class ProofError(Exception):
    pass


def _jsonld():
    """pyld's jsonld, imported when a proof is made or checked: it brings requests with it
    (0.2 s), which every other `curriculum` command would otherwise pay at start-up."""
    from pyld import jsonld

    return jsonld


def canonical(document: dict) -> str:
    jsonld = _jsonld()
    try:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
                "safe": True,
            },
        )
    except jsonld.JsonLdError as exc:
        cause = exc
        while cause is not None:
            if isinstance(cause, ContextError):
                raise ProofError(str(cause)) from None
            cause = cause.__cause__ or getattr(cause, "cause", None)
            if not isinstance(cause, BaseException):
                cause = None
        raise ProofError(f"not valid JSON-LD under the pinned contexts: {exc}") from None


def hash_data(document: dict, options: dict) -> bytes:
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    config = {k: v for k, v in options.items() if k != "proofValue"}
    config["@context"] = document["@context"]
    return (
        hashlib.sha256(canonical(config).encode("utf-8")).digest()
        + hashlib.sha256(canonical(unsecured).encode("utf-8")).digest()
    )


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(document: dict, key, created: str | None = None) -> dict:
    """A copy of document with an eddsa-rdfc-2022 proof by key (a keys.Key)."""
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": SUITE,
        "created": created or now(),
        "verificationMethod": key.id,
        "proofPurpose": "assertionMethod",
    }
    signed = copy.deepcopy({k: v for k, v in document.items() if k != "proof"})
    signature = key.sign(hash_data(signed, options))
    signed["proof"] = {**options, "proofValue": multibase.encode_z(signature)}
    return signed


def check(document: dict, public_key_for) -> str:
    """Verify the document's proof; return the verification method. public_key_for(vm) gives
    the Ed25519 public key of a verification method (or raises)."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ProofError(
            "no proof: the credential is not signed"
            if proof is None
            else "more than one proof or a proof that is not an object"
        )
    for name, want in (("type", "DataIntegrityProof"), ("cryptosuite", SUITE), ("proofPurpose", "assertionMethod")):
        if proof.get(name) != want:
            raise ProofError(f"proof {name} is {proof.get(name)!r}, expected {want!r}")
    vm = proof.get("verificationMethod")
    if not isinstance(vm, str):
        raise ProofError("proof has no verificationMethod")
    value = proof.get("proofValue")
    if not isinstance(value, str):
        raise ProofError("proof has no proofValue")
    try:
        signature = multibase.decode_z(value)
    except ValueError as exc:
        raise ProofError(f"proofValue: {exc}") from None
    public: Ed25519PublicKey = public_key_for(vm)
    try:
        public.verify(signature, hash_data(document, proof))
    except InvalidSignature:
        raise ProofError(
            "the signature does not match: the credential was changed after it was signed, "
            "or it was signed with another key"
        ) from None
    return vm


def _flat(value):
    if isinstance(value, list):
        return _flat(value[0]) if len(value) == 1 else [_flat(v) for v in value]
    if isinstance(value, dict):
        return {k: _flat(v) for k, v in value.items()}
    return value


def unsigned_members(document: dict) -> list[str]:
    """JSON pointers of the members the signature would not cover: a JSON-LD round trip
    (expand, then compact under the document's own @context) that does not give the document
    back means a term no pinned context defines, a relative IRI, or an aliased member."""
    body = {k: v for k, v in document.items() if k != "proof"}
    options = {"documentLoader": document_loader}
    jsonld = _jsonld()
    try:
        back = jsonld.compact(jsonld.expand(body, options), {"@context": body.get("@context")}, options)
    except jsonld.JsonLdError as exc:
        return [f"(the whole document: {exc})"]
    back.pop("@context", None)
    found: list[str] = []

    def walk(a, b, path):
        if isinstance(a, dict) and isinstance(b, dict):
            for k in a:
                if k == "@context":
                    continue
                if k not in b:
                    found.append(f"{path}/{k}")
                else:
                    walk(a[k], b[k], f"{path}/{k}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{path}/{i}")
        elif a != b:
            found.append(path or "/")

    walk(_flat({k: v for k, v in body.items() if k != "@context"}), _flat(back), "")
    return found
