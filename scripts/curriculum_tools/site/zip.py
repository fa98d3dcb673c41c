"""Pack a built site into a zip that works opened from disk: one top folder, files in a
fixed order with fixed dates (the same site gives the same zip), written beside the target
and renamed into place only when complete. Source maps stay out: readers do not need them."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

FOLDER = "curriculum-offline"
STAMP = (2026, 1, 1, 0, 0, 0)


def zip_site(site_dir: Path, zip_path: Path, folder: str = FOLDER) -> Path:
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir}: no built site (index.html) to pack")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{zip_path.name}-", dir=zip_path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and p.suffix != ".map"):
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        os.chmod(tmp, 0o644)
        os.replace(tmp, zip_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return zip_path
