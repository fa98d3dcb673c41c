"""Two Python verifiers that are not our code, for the credential tests, both offline.

openbadgeslib (PyPI): its Data Integrity verifier (OB3LdpVerifier) checks the proof, that the
JSON is exactly what the proof signs, the validity window and the revocation bit; its
verify_data_integrity_proof checks the revocation list's own signature.

spec_verify: the eddsa-rdfc-2022 verification algorithm of W3C vc-di-eddsa (section 3.3)
written out here with pyld (RDFC-1.0 / URDNA2015) and cryptography (Ed25519), over the
contexts openbadgeslib ships (not the ones our issuer pins), and nothing of ours."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from openbadgeslib.ob3 import contexts as obl_contexts
from openbadgeslib.ob3.did import resolve_verification_method
from openbadgeslib.ob3.ldp import OB3LdpVerifier, verify_data_integrity_proof
from pyld import jsonld

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def openbadgeslib_verify(credential: dict, served: dict[str, Path]) -> str:
    """'ok', or the verifier's message. served: URL -> file (the published revocation list)."""
    requested = []

    def download(url, *args, **kwargs):
        requested.append(url)
        if url in served:
            return served[url].read_bytes()
        raise OSError(f"offline: {url}")

    try:
        OB3LdpVerifier().verify(credential, check_status=True, download=download, verify_status_list=False)
        listing = json.loads(served[credential["credentialStatus"]["statusListCredential"]].read_text())
        pem = resolve_verification_method(listing["proof"]["verificationMethod"])
        verify_data_integrity_proof(listing, pem)  # the list itself is the issuer's
    except Exception as exc:  # the verifier's verdict, whatever it raised
        return f"{type(exc).__name__}: {exc}"
    assert set(requested) <= set(served), requested
    return "ok"


def _b58decode(text: str) -> bytes:
    n = 0
    for c in text:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def _loader(url, options=None):
    document = obl_contexts.load_context(url)  # refuses anything it does not bundle
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": document}


def _canon(doc: dict) -> bytes:
    return jsonld.normalize(
        doc, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _loader}
    ).encode()


def spec_verify(document: dict) -> bool:
    """vc-di-eddsa 3.3.2-3.3.6 for a did:key verification method; True when the proof holds."""
    proof = dict(document["proof"])
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-rdfc-2022":
        return False
    signature = _b58decode(proof.pop("proofValue")[1:])
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof["@context"] = document["@context"]
    hash_data = hashlib.sha256(_canon(proof)).digest() + hashlib.sha256(_canon(unsecured)).digest()
    did, _, fragment = proof["verificationMethod"].partition("#")
    assert did.startswith("did:key:z") and fragment == did[len("did:key:") :]
    multikey = _b58decode(fragment[1:])
    assert multikey[:2] == b"\xed\x01"
    try:
        Ed25519PublicKey.from_public_bytes(multikey[2:]).verify(signature, hash_data)
    except Exception:
        return False
    return True


def revoked_bit(listing: dict, index: int) -> bool:
    """Bitstring Status List v1.0: base64url ('u' multibase), GZIP, bit 0 left-most."""
    text = listing["credentialSubject"]["encodedList"][1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


if __name__ == "__main__":  # python tests/credentials/independent.py CREDENTIAL.json STATUS-LIST.json
    import sys

    credential = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    served = {credential["credentialStatus"]["statusListCredential"]: Path(sys.argv[2])}
    verdict = openbadgeslib_verify(credential, served)
    spec = spec_verify(credential)
    print(f"openbadgeslib: {verdict}")
    print(f"vc-di-eddsa by hand (pyld + cryptography): {'ok' if spec else 'signature FAILED'}")
    sys.exit(0 if verdict == "ok" and spec else 1)
