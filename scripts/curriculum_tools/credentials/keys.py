"""The issuer's Ed25519 key pair and identity.

`keygen` writes the private key OUTSIDE the repository (it refuses a folder inside it), in a
file only its owner can read (0600), and writes the public side into the site:
curriculum/credentials/did.json (the DID document, for did:web), issuer.json (the issuer
profile) and the empty revocation list. The key file is a Multikey JSON object (the form the
Digital Credentials Consortium tools read): id, controller, publicKeyMultibase and
secretKeyMultibase."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from curriculum_tools.credentials import multibase
from curriculum_tools.credentials.contexts import DID, MULTIKEY

KEY_FILE = "issuer-key.json"
PUBLIC_DIR = Path("credentials")  # under docs_dir: published at <site_url>credentials/


class KeyError_(Exception):
    """A key that is missing, unreadable, malformed or not the issuer's: the message says which."""


@dataclass
class Site:
    root: Path  # the repository (content root)
    url: str  # site_url, ending in "/"
    name: str  # site_name
    docs: Path  # docs_dir, absolute

    @property
    def public(self) -> Path:
        return self.docs / PUBLIC_DIR

    @property
    def public_url(self) -> str:
        return self.url + PUBLIC_DIR.as_posix() + "/"

    def did_web(self) -> str:
        """did:web for <site_url>credentials/did.json (W3C did:web: host, then path segments)."""
        parts = urlsplit(self.public_url)
        segments = [s for s in parts.path.split("/") if s]
        return "did:web:" + ":".join([quote(parts.netloc, safe="")] + [quote(s, safe="") for s in segments])

    def url_to_file(self, url: str) -> Path | None:
        """The file in the repository that the site publishes at url (None when not ours)."""
        if not url.startswith(self.url):
            return None
        rel = url[len(self.url) :].split("#")[0]
        target = (self.docs / rel).resolve()
        return target if target.is_relative_to(self.docs.resolve()) else None


class _MkdocsLoader(yaml.SafeLoader):
    pass


def _env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1]:
        if isinstance(name, str) and os.environ.get(name):
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_MkdocsLoader.add_constructor("!ENV", _env)
_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site(root: Path) -> Site:
    config_file = root / "mkdocs.yml"
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_MkdocsLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KeyError_(f"{config_file}: cannot read the site's settings ({exc})") from None
    url = config.get("site_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise KeyError_(
            f"{config_file}: site_url must be the site's address (https://...); the issuer's identity and the revocation list live under it"
        )
    url = url if url.endswith("/") else url + "/"
    return Site(
        root.resolve(),
        url,
        str(config.get("site_name") or "Curriculum"),
        (root / config.get("docs_dir", "docs")).resolve(),
    )


@dataclass
class Key:
    did: str
    id: str  # verification method id
    public: Ed25519PublicKey
    private: Ed25519PrivateKey | None
    path: Path  # the private key file (its folder also holds the ledger of issued credentials)

    @property
    def public_multibase(self) -> str:
        return multibase.public_multikey(self.public.public_bytes(Encoding.Raw, PublicFormat.Raw))

    def sign(self, data: bytes) -> bytes:
        if self.private is None:
            raise KeyError_("no private key to sign with")
        return self.private.sign(data)


def did_key(public_multibase: str) -> tuple[str, str]:
    """(did, verification method id) of a did:key for an Ed25519 public key."""
    did = "did:key:" + public_multibase
    return did, f"{did}#{public_multibase}"


def did_document(key: Key) -> dict:
    method = {"id": key.id, "type": "Multikey", "controller": key.did, "publicKeyMultibase": key.public_multibase}
    return {
        "@context": [DID, MULTIKEY],
        "id": key.did,
        "verificationMethod": [method],
        "assertionMethod": [key.id],
        "authentication": [key.id],
    }


def inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def refuse_inside_repository(folder: Path, root: Path) -> None:
    """Keys never enter the repository: refuse the content root, its git work tree and the site."""
    roots = {root.resolve()}
    probe = root.resolve()
    for candidate in [probe, *probe.parents]:
        if (candidate / ".git").exists():
            roots.add(candidate)
            break
    for repo in roots:
        if inside(folder, repo):
            raise KeyError_(
                f"{folder}: inside the repository ({repo}); a private key must be kept outside it "
                "(e.g. --out ~/.config/curriculum-issuer)"
            )


def generate(folder: Path, did_method: str, site_: Site) -> Key:
    """A new key pair in folder/issuer-key.json (0600; the folder 0700). Refuses to overwrite."""
    refuse_inside_repository(folder, site_.root)
    target = folder / KEY_FILE
    if target.exists():
        raise KeyError_(
            f"{target}: a key already exists; move it away first (a new key cannot verify what the old one signed)"
        )
    private = Ed25519PrivateKey.generate()
    public = private.public_key()
    pub_mb = multibase.public_multikey(public.public_bytes(Encoding.Raw, PublicFormat.Raw))
    if did_method == "key":
        did, vm = did_key(pub_mb)
    else:
        did = site_.did_web()
        vm = f"{did}#key-1"
    secret = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    data = {
        "type": "Multikey",
        "id": vm,
        "controller": did,
        "publicKeyMultibase": pub_mb,
        "secretKeyMultibase": multibase.encode_z(multibase.ED25519_PRIV + secret),
    }
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        json.dump(data, stream, indent=2)
        stream.write("\n")
    os.chmod(target, 0o600)
    return Key(did, vm, public, private, target)


def load(path: Path) -> Key:
    """The private key at path, or a clear KeyError_ saying what is wrong with it."""
    if path.is_dir():
        path = path / KEY_FILE
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError_(
            f"{path}: no such key file (create one with `curriculum credential keygen --out DIR`)"
        ) from None
    except OSError as exc:
        raise KeyError_(f"{path}: cannot read the key: {exc.strerror or exc}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyError_(
            f"{path}: the key file can be read by others (mode {stat.S_IMODE(mode):o}); run chmod 600 on it"
        )
    try:
        data = json.loads(text)
        if data.get("type") != "Multikey":
            raise ValueError("type is not Multikey")
        secret = multibase.decode_z(data["secretKeyMultibase"])
        if not secret.startswith(multibase.ED25519_PRIV) or len(secret) != 34:
            raise ValueError("secretKeyMultibase is not an Ed25519 secret key")
        private = Ed25519PrivateKey.from_private_bytes(secret[2:])
        public = private.public_key()
        claimed = multibase.public_from_multikey(data["publicKeyMultibase"])
        did, vm = str(data["controller"]), str(data["id"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyError_(f"{path}: not an issuer key made by `curriculum credential keygen` ({exc})") from None
    if claimed != public.public_bytes(Encoding.Raw, PublicFormat.Raw):
        raise KeyError_(f"{path}: the public and secret halves of the key do not match")
    if not vm.startswith(did + "#"):
        raise KeyError_(f"{path}: the key id {vm} does not belong to its controller {did}")
    return Key(did, vm, public, private, path)


def public_key_of(vm: str, documents: dict[str, dict]) -> Ed25519PublicKey:
    """The public key of a verification method: from a did:key itself, or from a DID document
    we hold (documents: did -> DID document); never resolved over the network."""
    did = vm.split("#")[0]
    if did.startswith("did:key:"):
        mb = did[len("did:key:") :]
        if vm != f"{did}#{mb}":
            raise KeyError_(f"verification method {vm} is not the key of {did}")
        return Ed25519PublicKey.from_public_bytes(multibase.public_from_multikey(mb))
    document = documents.get(did)
    if document is None:
        raise KeyError_(f"the issuer's DID document for {did} is not available offline (pass --did-document FILE)")
    if vm not in [m if isinstance(m, str) else m.get("id") for m in document.get("assertionMethod", [])]:
        raise KeyError_(f"{vm} is not an assertion method of {did}")
    for method in document.get("verificationMethod", []):
        if method.get("id") == vm and method.get("controller") == did:
            return Ed25519PublicKey.from_public_bytes(multibase.public_from_multikey(method["publicKeyMultibase"]))
    raise KeyError_(f"{vm} is not in the DID document of {did}")
