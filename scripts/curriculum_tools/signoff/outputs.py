"""The report as CSV (one row per trainee and competency) and as one self-contained HTML page
(inline CSS, no scripts, escaped text), both written atomically: each file goes to a temporary
name in the output folder and is renamed only when every file is complete."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from curriculum_tools.signoff.evaluate import SIGNED_OFF, Row

COLUMNS = [
    "trainee",
    "domain",
    "competency_id",
    "competency",
    "status",
    "sessions_meeting",
    "sessions_needed",
    "observers",
    "observer_names",
    "latest_rating",
    "reason",
]


def _cell(value) -> str:
    """Text a spreadsheet will not run as a formula (a name like '=cmd|...' stays text)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    r.trainee,
                    r.domain,
                    r.competency.id,
                    r.competency.statement,
                    r.status,
                    r.sessions,
                    r.requirement.min_sessions,
                    len(r.observers),
                    "; ".join(r.observers),
                    r.latest,
                    r.reason,
                )
            ]
        )
    return out.getvalue()


def write_atomically(folder: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write every file or none: temporary files first, then one rename each. Text is written
    as UTF-8 with the newlines given; bytes as they are."""
    folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, str] = {}
    try:
        for name, text in files.items():
            handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            temps[name] = temp
            os.chmod(temp, 0o666 & ~_umask())  # as a plain open() would, not mkstemp's 0600
            if not isinstance(text, (str, bytes)):
                raise TypeError(f"{name}: write_atomically takes text or bytes, not {type(text).__name__}")
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        written = []
        for name, temp in temps.items():
            os.replace(temp, folder / name)
            written.append(folder / name)
        return written
    finally:
        for temp in temps.values():
            if os.path.exists(temp):
                os.unlink(temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def summary(rows: list[Row]) -> list[tuple[str, int, int]]:
    """(trainee, competencies signed off, competencies) in report order."""
    out: dict[str, list[int]] = {}
    for r in rows:
        counts = out.setdefault(r.trainee, [0, 0])
        counts[0] += r.status == SIGNED_OFF
        counts[1] += 1
    return [(name, done, total) for name, (done, total) in out.items()]
