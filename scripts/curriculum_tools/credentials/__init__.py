"""Open Badges 3.0 credentials for certified trainees: Ed25519 keys kept outside the
repository (keys.py), Data Integrity proofs eddsa-rdfc-2022 under JSON-LD contexts pinned from
npm packages (contexts.py, proof.py), the credential itself (issue.py), the Bitstring status
list the site publishes for revocation (status.py), offline verification (verify.py) and a
printable certificate (certificate.py)."""
