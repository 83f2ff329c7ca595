"""The policy-brief content format: Markdown with YAML front matter, and the Secured Rights YAML file.

One parser, used by the app (bundled content, sync pull) and by `canvass-server publish-briefs DIR`.
Every error is a `ContentError` naming the file and the field at fault.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from canvass_formats.charter import charter_violation

CATEGORIES = ("education", "healthcare", "careers", "peace", "prison_reform", "climate", "other")
STATUSES = ("proposed", "adopted", "retired")
LANGUAGES = ("en", "es")
RIGHTS_FILE = "secured_rights.yaml"
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.S)


class ContentError(ValueError):
    """Bad content: the message names the file, the field and the reason."""

    def __init__(self, source: str, field_name: str | None, reason: str) -> None:
        self.source, self.field, self.reason = source, field_name, reason
        where = f"{source}: {field_name}" if field_name else source
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class RightDoc:
    """One Secured Right as written in the content: slug, title, text, display order."""

    slug: str
    title: str
    text: str
    sort_order: int = 0

    def to_wire(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BriefDoc:
    """One policy brief in one language, as parsed from a file or received by sync pull."""

    slug: str
    language: str
    title: str
    category: str
    summary: str
    body_md: str
    talking_points: list[str]
    questions: list[dict[str, str]] = field(default_factory=list)  # [{"q", "a"}]
    rebuttals: list[dict[str, str]] = field(default_factory=list)  # [{"claim", "response"}]
    protects: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    status: str = "proposed"
    version: int = 1
    updated_at: dt.datetime | None = None

    def to_wire(self) -> dict[str, Any]:
        """The JSON-ready dict sync pull and publish-briefs carry (updated_at as ISO-8601)."""
        data = asdict(self)
        data["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        return data


def parse_brief(text: str, source: str = "<brief>") -> BriefDoc:
    """Parse one Markdown-with-front-matter brief; raises ContentError naming source and field."""
    match = FRONT_MATTER_RE.match(text.lstrip("\ufeff"))
    if not match:
        raise ContentError(source, None, "no YAML front matter: the file must start with a '---' line "
                           "and the metadata must end with another '---' line")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ContentError(source, "front matter", f"not valid YAML ({_yaml_where(exc)})") from exc
    if not isinstance(meta, dict):
        raise ContentError(source, "front matter", "must be a mapping of field: value")
    body = match.group(2).strip()
    if not body:
        raise ContentError(source, "body", "the Markdown body after the front matter is empty")
    meta = dict(meta)
    meta.setdefault("body_md", body)
    return brief_from_mapping(meta, source)


def brief_from_mapping(meta: dict[str, Any], source: str = "<brief>") -> BriefDoc:
    """Validate a brief given as a mapping (front matter plus body_md, or a sync-pull item)."""
    known = set(BriefDoc.__dataclass_fields__) | {"updated"}
    unknown = sorted(str(k) for k in meta if k not in known and k != "tally")
    if unknown:
        raise ContentError(source, unknown[0], "unknown field (check the spelling)")
    slug = _text(meta, "slug", source)
    if not SLUG_RE.match(slug):
        raise ContentError(source, "slug", f"{slug!r} must be lower-case letters, digits and hyphens")
    category = _text(meta, "category", source).replace(" ", "_").lower()
    _choice(category, CATEGORIES, "category", source)
    status = _text(meta, "status", source).lower()
    _choice(status, STATUSES, "status", source)
    language = str(meta.get("language") or "en").lower()
    _choice(language, LANGUAGES, "language", source)
    version = meta.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ContentError(source, "version", f"{version!r} must be a whole number, 1 or more")
    doc = BriefDoc(
        slug=slug,
        language=language,
        title=_text(meta, "title", source),
        category=category,
        summary=_text(meta, "summary", source),
        body_md=_text(meta, "body_md", source, name="body"),
        talking_points=_str_list(meta, "talking_points", source, required=True),
        questions=_pairs(meta, "questions", ("q", "a"), source),
        rebuttals=_pairs(meta, "rebuttals", ("claim", "response"), source),
        protects=_slug_list(meta, "protects", source),
        conflicts=_slug_list(meta, "conflicts", source),
        status=status,
        version=version,
        updated_at=_when(meta.get("updated_at", meta.get("updated")), source),
    )
    reason = charter_violation(doc.status, doc.conflicts)
    if reason:
        raise ContentError(source, "status", reason)
    return doc


def parse_rights(text: str, source: str = RIGHTS_FILE) -> list[RightDoc]:
    """Parse the Secured Rights YAML: a list (or {rights: [...]}) of {slug, title, text}."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(source, None, f"not valid YAML ({_yaml_where(exc)})") from exc
    if isinstance(data, dict):
        data = data.get("rights")
    if not isinstance(data, list) or not data:
        raise ContentError(source, "rights", "must be a non-empty list of {slug, title, text}")
    rights: list[RightDoc] = []
    seen: set[str] = set()
    for n, item in enumerate(data, start=1):
        where = f"{source}: right #{n}"
        if not isinstance(item, dict):
            raise ContentError(where, None, "must be a mapping with slug, title and text")
        slug = _text(item, "slug", where)
        if not SLUG_RE.match(slug):
            raise ContentError(where, "slug", f"{slug!r} must be lower-case letters, digits and hyphens")
        if slug in seen:
            raise ContentError(where, "slug", f"{slug!r} appears twice")
        seen.add(slug)
        rights.append(RightDoc(slug, _text(item, "title", where), _text(item, "text", where), n))
    return rights


def load_content_dir(path: Path | str) -> tuple[list[RightDoc], list[BriefDoc]]:
    """Read `secured_rights.yaml` and every `*.md` brief below path; all or nothing.

    Checks that every right a brief names exists and that no slug+language appears twice.
    Raises ContentError naming the file and field at fault.
    """
    root = Path(path)
    if not root.is_dir():
        raise ContentError(str(root), None, "is not a directory")
    rights_path = root / RIGHTS_FILE
    if not rights_path.is_file():
        raise ContentError(str(root), None, f"has no {RIGHTS_FILE} (the Secured Rights the briefs refer to)")
    rights = parse_rights(_read(rights_path), str(rights_path))
    known = {r.slug for r in rights}
    briefs: list[BriefDoc] = []
    seen: dict[tuple[str, str], Path] = {}
    for file in sorted(root.rglob("*.md")):
        if file.name.lower() == "readme.md":
            continue
        doc = parse_brief(_read(file), str(file))
        key = (doc.slug, doc.language)
        if key in seen:
            raise ContentError(str(file), "slug", f"{doc.slug!r} in {doc.language!r} is also in {seen[key]}")
        seen[key] = file
        for fname in ("protects", "conflicts"):
            missing = [s for s in getattr(doc, fname) if s not in known]
            if missing:
                raise ContentError(str(file), fname, f"no Secured Right {missing[0]!r} in {RIGHTS_FILE}")
        briefs.append(doc)
    return rights, briefs


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(str(file), None, f"is not UTF-8 text (byte {exc.start})") from exc


def _yaml_where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 1}" if mark is not None else str(problem)


def _text(meta: dict[str, Any], key: str, source: str, *, name: str | None = None) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(source, name or key, "is required and must be non-empty text")
    return value.strip()


def _choice(value: str, allowed: tuple[str, ...], key: str, source: str) -> None:
    if value not in allowed:
        raise ContentError(source, key, f"{value!r} is not one of {', '.join(allowed)}")


def _str_list(meta: dict[str, Any], key: str, source: str, *, required: bool = False) -> list[str]:
    value = meta.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        raise ContentError(source, key, "must be a non-empty list" if required else "must be a list")
    for n, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise ContentError(source, f"{key}[{n}]", "must be non-empty text")
    return [item.strip() for item in value]


def _slug_list(meta: dict[str, Any], key: str, source: str) -> list[str]:
    items = _str_list(meta, key, source)
    for n, item in enumerate(items, start=1):
        if not SLUG_RE.match(item):
            raise ContentError(source, f"{key}[{n}]", f"{item!r} is not a Secured Right slug")
    return items


def _pairs(meta: dict[str, Any], key: str, names: tuple[str, str], source: str) -> list[dict[str, str]]:
    value = meta.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ContentError(source, key, f"must be a list of {{{names[0]}, {names[1]}}}")
    out = []
    for n, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise ContentError(source, f"{key}[{n}]", f"must be a mapping with {names[0]} and {names[1]}")
        out.append({name: _text(item, name, source, name=f"{key}[{n}].{name}") for name in names})
    return out


def _when(value: Any, source: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ContentError(source, "updated", f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc
    else:
        raise ContentError(source, "updated", f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
