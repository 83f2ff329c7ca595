"""The briefs in the local store: upsert (newer version wins), sync-pull apply, bundled content, reading.

Every function takes the caller's session (one unit of work per user action) and returns plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_app.paths import resource_path
from canvass_app.store.models import BriefBookmark, PolicyBrief, SecuredRight, utcnow
from canvass_formats.briefs_content import (
    STATUSES,
    BriefDoc,
    ContentError,
    RightDoc,
    brief_from_mapping,
    load_content_dir,
)
from canvass_formats.charter import check_charter

BUNDLED_CONTENT_DIR = resource_path("content")

Outcome = Literal["inserted", "updated", "unchanged"]


@dataclass(frozen=True)
class Tally:
    """Votes on one policy as last received from the server."""

    support: int = 0
    oppose: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.support + self.oppose + self.abstain


@dataclass(frozen=True)
class BriefSummary:
    """One row of the brief list."""

    id: int
    slug: str
    language: str
    title: str
    category: str
    summary: str
    status: str
    version: int
    has_conflict: bool
    bookmarked: bool


@dataclass(frozen=True)
class BriefView:
    """Everything the reader shows for one brief in one language."""

    id: int
    doc: BriefDoc
    tally: Tally
    languages: tuple[str, ...]  # every language this slug is available in
    bookmarked: bool


@dataclass(frozen=True)
class ApplyResult:
    """What an upsert of many briefs or rights changed."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rights: int = 0

    @property
    def changed(self) -> int:
        return self.inserted + self.updated


def upsert_right(session: Session, right: RightDoc) -> Outcome:
    """Insert or replace one Secured Right by slug."""
    row = session.scalar(select(SecuredRight).where(SecuredRight.slug == right.slug))
    if row is None:
        session.add(
            SecuredRight(slug=right.slug, title=right.title, text=right.text, sort_order=right.sort_order)
        )
        return "inserted"
    if (row.title, row.text, row.sort_order) == (right.title, right.text, right.sort_order):
        return "unchanged"
    row.title, row.text, row.sort_order, row.updated_at = right.title, right.text, right.sort_order, utcnow()
    return "updated"


def upsert_brief(session: Session, doc: BriefDoc) -> Outcome:
    """Store a brief unless the store holds the same or a newer version of that slug+language.

    Raises CharterViolation (nothing written) when the brief is adopted yet declares a conflict.
    """
    check_charter(doc.title, doc.status, doc.conflicts)
    row = session.scalar(
        select(PolicyBrief).where(PolicyBrief.slug == doc.slug, PolicyBrief.language == doc.language)
    )
    if row is not None and row.version >= doc.version:
        return "unchanged"
    outcome: Outcome = "updated" if row is not None else "inserted"
    if row is None:
        row = PolicyBrief(slug=doc.slug, language=doc.language)
        session.add(row)
    row.title, row.category, row.summary, row.body_md = doc.title, doc.category, doc.summary, doc.body_md
    row.talking_points, row.questions, row.rebuttals = doc.talking_points, doc.questions, doc.rebuttals
    row.protects, row.conflicts = doc.protects, doc.conflicts
    row.status, row.version = doc.status, doc.version
    row.updated_at = doc.updated_at or utcnow()
    session.flush()
    return outcome


def set_status(session: Session, slug: str, status: str) -> int:
    """Move every language of a brief to status; refuses adoption of a conflicting brief (CharterViolation).

    Returns the number of rows changed; raises LookupError for an unknown slug, ValueError for a bad status.
    """
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    rows = session.scalars(select(PolicyBrief).where(PolicyBrief.slug == slug)).all()
    if not rows:
        raise LookupError(f"no policy brief {slug!r}")
    for row in rows:
        check_charter(row.title, status, row.conflicts or [])
    for row in rows:
        row.status = status
    session.flush()
    return len(rows)


def apply_content(session: Session, rights: Iterable[RightDoc], briefs: Iterable[BriefDoc]) -> ApplyResult:
    """Upsert rights then briefs; a charter violation aborts the caller's whole transaction."""
    n_rights = sum(upsert_right(session, r) != "unchanged" for r in rights)
    session.flush()
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for doc in briefs:
        counts[upsert_brief(session, doc)] += 1
    return ApplyResult(rights=n_rights, **counts)


def apply_pulled_rights(session: Session, items: Iterable[dict[str, Any]]) -> int:
    """Apply Secured Rights received by sync pull ({slug, title, text, sort_order}); returns rows changed."""
    changed = 0
    for n, item in enumerate(items, start=1):
        try:
            right = RightDoc(slug=str(item["slug"]), title=str(item["title"]), text=str(item["text"]),
                             sort_order=int(item.get("sort_order") or 0))
        except (KeyError, TypeError, ValueError) as exc:
            raise ContentError(f"pulled right #{n}", None, f"malformed item ({exc})") from exc
        changed += upsert_right(session, right) != "unchanged"
    return changed


def apply_pulled_briefs(session: Session, items: Iterable[dict[str, Any]]) -> ApplyResult:
    """Apply one sync-pull page of briefs (BriefDoc.to_wire() dicts, optionally with a "tally" mapping).

    Upserts by slug+language+version (a newer version replaces the older; the old copy stays readable until
    then); a tally, when present, is stored whatever the version. Raises ContentError or CharterViolation for
    a bad item, and the caller's transaction then rolls the whole page back.
    """
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    for n, item in enumerate(items, start=1):
        doc = brief_from_mapping(dict(item), f"pulled brief #{n}")
        counts[upsert_brief(session, doc)] += 1
        tally = item.get("tally")
        if isinstance(tally, dict):
            store_tally(session, doc.slug, Tally(int(tally.get("support", 0)), int(tally.get("oppose", 0)),
                                                 int(tally.get("abstain", 0))))
    return ApplyResult(**counts)


def store_tally(session: Session, slug: str, tally: Tally) -> None:
    """Record the vote tally the server sent for a policy (all its languages)."""
    for row in session.scalars(select(PolicyBrief).where(PolicyBrief.slug == slug)):
        row.tally_support, row.tally_oppose, row.tally_abstain = tally.support, tally.oppose, tally.abstain


def load_bundled_content(session: Session, path: Path | None = None) -> ApplyResult:
    """Load the content shipped in resources/content when the store holds no briefs yet (demo, first run).

    Returns what was loaded (all zero when the store already had briefs).
    """
    if session.scalar(select(func.count()).select_from(PolicyBrief)):
        return ApplyResult()
    rights, briefs = load_content_dir(path or BUNDLED_CONTENT_DIR)
    return apply_content(session, rights, briefs)


def list_briefs(
    session: Session, *, language: str | None = None, category: str | None = None, bookmarked: bool = False
) -> list[BriefSummary]:
    """Briefs ordered by category then title; with a language, one row per slug in that language when it
    exists, else in English (so an untranslated brief stays reachable)."""
    marks = set(session.scalars(select(BriefBookmark.slug)))
    query = select(PolicyBrief).order_by(PolicyBrief.category, PolicyBrief.title)
    if category:
        query = query.where(PolicyBrief.category == category)
    rows = session.scalars(query).all()
    if language:
        by_slug: dict[str, PolicyBrief] = {}
        for row in rows:
            best = by_slug.get(row.slug)
            if best is None or _lang_rank(row.language, language) < _lang_rank(best.language, language):
                by_slug[row.slug] = row
        rows = [r for r in rows if by_slug[r.slug] is r]
    return [
        BriefSummary(r.id, r.slug, r.language, r.title, r.category, r.summary, r.status, r.version,
                     bool(r.conflicts), r.slug in marks)
        for r in rows
        if not bookmarked or r.slug in marks
    ]


def get_brief(session: Session, slug: str, language: str = "en") -> BriefView:
    """One brief in the asked language (falling back to English, then any); LookupError when unknown."""
    rows = session.scalars(select(PolicyBrief).where(PolicyBrief.slug == slug)).all()
    if not rows:
        raise LookupError(f"no policy brief {slug!r}")
    row = min(rows, key=lambda r: _lang_rank(r.language, language))
    marked = session.get(BriefBookmark, slug) is not None
    return BriefView(
        id=row.id,
        doc=_doc(row),
        tally=Tally(row.tally_support or 0, row.tally_oppose or 0, row.tally_abstain or 0),
        languages=tuple(sorted(r.language for r in rows)),
        bookmarked=marked,
    )


def list_rights(session: Session) -> list[RightDoc]:
    rows = session.scalars(select(SecuredRight).order_by(SecuredRight.sort_order, SecuredRight.title))
    return [RightDoc(r.slug, r.title, r.text, r.sort_order) for r in rows]


@dataclass(frozen=True)
class RightWithBriefs:
    """A Secured Right and the briefs (slug, title) that protect it or declare a conflict with it."""

    right: RightDoc
    protected_by: list[tuple[str, str]]
    conflicted_by: list[tuple[str, str]]


def rights_with_briefs(session: Session, language: str = "en") -> list[RightWithBriefs]:
    """Every Secured Right with the briefs that protect it and any that would conflict with it."""
    ids = [b.id for b in list_briefs(session, language=language)]
    rows = session.scalars(
        select(PolicyBrief).where(PolicyBrief.id.in_(ids)).order_by(PolicyBrief.title)
    ).all()
    return [
        RightWithBriefs(
            right,
            [(r.slug, r.title) for r in rows if right.slug in (r.protects or [])],
            [(r.slug, r.title) for r in rows if right.slug in (r.conflicts or [])],
        )
        for right in list_rights(session)
    ]


def _lang_rank(have: str, want: str) -> int:
    return 0 if have == want else 1 if have == "en" else 2


def _doc(row: PolicyBrief) -> BriefDoc:
    updated = row.updated_at
    if updated is not None and updated.tzinfo is None:  # SQLite hands back naive UTC
        updated = updated.replace(tzinfo=dt.UTC)
    return BriefDoc(
        slug=row.slug, language=row.language, title=row.title, category=row.category, summary=row.summary,
        body_md=row.body_md, talking_points=list(row.talking_points or []),
        questions=list(row.questions or []), rebuttals=list(row.rebuttals or []),
        protects=list(row.protects or []), conflicts=list(row.conflicts or []),
        status=row.status, version=row.version, updated_at=updated,
    )

