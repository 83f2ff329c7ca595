"""`publish-briefs DIR`: load Secured Rights and briefs with the app's own content parser, upsert, re-version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_formats.briefs_content import load_content_dir
from canvass_server import versions
from canvass_server.models import PolicyBrief, SecuredRight, utcnow


@dataclass(frozen=True)
class Published:
    rights_changed: int
    briefs_inserted: int
    briefs_updated: int
    briefs_unchanged: int


def publish_briefs(session: Session, path: Path) -> Published:
    """All or nothing: raises canvass_app.briefs.ContentError (naming file and field) on bad content."""
    rights, briefs = load_content_dir(path)
    rights_changed = 0
    for right in rights:
        row = session.execute(select(SecuredRight).where(SecuredRight.slug == right.slug)).scalar_one_or_none()
        values = {"title": right.title, "text": right.text, "sort_order": right.sort_order}
        if row is None:
            session.add(SecuredRight(slug=right.slug, version=versions.bump(session, "rights"), **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.version = versions.bump(session, "rights")
        else:
            continue
        rights_changed += 1
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for doc in briefs:
        values = {
            "title": doc.title, "category": doc.category, "summary": doc.summary, "body_md": doc.body_md,
            "talking_points": list(doc.talking_points), "questions": list(doc.questions),
            "rebuttals": list(doc.rebuttals), "protects": list(doc.protects), "conflicts": list(doc.conflicts),
            "status": doc.status, "revision": doc.version,
        }
        brief = session.execute(
            select(PolicyBrief).where(PolicyBrief.slug == doc.slug, PolicyBrief.language == doc.language)
        ).scalar_one_or_none()
        if brief is None:
            session.add(PolicyBrief(slug=doc.slug, language=doc.language, updated_at=doc.updated_at or utcnow(),
                                    version=versions.bump(session, "briefs"), **values))
            counts["inserted"] += 1
        elif any(getattr(brief, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(brief, k, v)
            brief.updated_at = doc.updated_at or utcnow()
            brief.version = versions.bump(session, "briefs")
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    session.flush()
    return Published(rights_changed, counts["inserted"], counts["updated"], counts["unchanged"])
