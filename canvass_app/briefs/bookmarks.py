"""Bookmarked briefs on this device, to find a brief again in one tap."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.store.models import BriefBookmark, PolicyBrief


def set_bookmark(session: Session, slug: str, on: bool) -> bool:
    """Bookmark (on=True) or unbookmark a brief by slug; returns the new state.

    Raises LookupError when bookmarking an unknown slug."""
    if on and session.scalar(select(PolicyBrief.id).where(PolicyBrief.slug == slug).limit(1)) is None:
        raise LookupError(f"no policy brief {slug!r}")
    row = session.get(BriefBookmark, slug)
    if on and row is None:
        session.add(BriefBookmark(slug=slug))
    elif not on and row is not None:
        session.delete(row)
    session.flush()
    return on


def toggle_bookmark(session: Session, slug: str) -> bool:
    """Flip a brief's bookmark; returns whether it is now bookmarked."""
    return set_bookmark(session, slug, session.get(BriefBookmark, slug) is None)


def bookmarked_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(BriefBookmark.slug).order_by(BriefBookmark.created_at)))
