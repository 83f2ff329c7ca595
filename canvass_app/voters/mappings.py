"""Column mappings for generic voter files: read from JSON, and saved in the store by header signature."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.store.models import Setting
from canvass_formats.voterfile import FIELDS, VoterFileError

PREFIX = "import_mapping:"


def load_mapping_file(path: Path | str) -> dict[str, str]:
    """A mapping file is JSON: {"File header": "canonical_field", ...}, or the same under "columns".

    A header mapped to "" or null is ignored on import. Raises VoterFileError naming the file and problem.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VoterFileError(f"{path}: cannot read the mapping file ({exc})") from exc
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict):
        raise VoterFileError(f"{path}: a mapping file is a JSON object of header -> field")
    mapping: dict[str, str] = {}
    for header, field in data.items():
        if field not in (None, "") and field not in FIELDS:
            raise VoterFileError(
                f"{path}: {header!r} maps to unknown field {field!r}; known fields: {', '.join(FIELDS)}")
        mapping[str(header)] = field or ""
    return mapping


def saved_mapping(session: Session, signature: str) -> dict[str, str] | None:
    value = session.scalar(select(Setting.value).where(Setting.key == PREFIX + signature))
    return dict(value) if isinstance(value, dict) else None


def save_mapping(session: Session, signature: str, mapping: dict[str, str]) -> None:
    """Remember the mapping for files with this header row (in the caller's transaction)."""
    session.merge(Setting(key=PREFIX + signature, value=dict(mapping)))
    session.flush()
