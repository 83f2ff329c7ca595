"""Full-text search over briefs (SQLite FTS5, migration 0004) with highlighted matches as safe HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

# Markers FTS5 wraps matches in; control characters never appear in content, so escaping stays simple.
MATCH_OPEN, MATCH_CLOSE = "\x02", "\x03"
_OPEN, _CLOSE = MATCH_OPEN, MATCH_CLOSE
MARK_OPEN = '<span style="background-color:#ffe58a; font-weight:600;">'
MARK_CLOSE = "</span>"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# Column weights for bm25(): title, summary, body, talking points, questions and rebuttals.
_WEIGHTS = "10.0, 5.0, 1.0, 4.0, 2.0"


@dataclass(frozen=True)
class SearchHit:
    """One brief matching a query: title and best snippet with matches highlighted (HTML-escaped)."""

    id: int
    slug: str
    language: str
    category: str
    status: str
    title_html: str
    snippet_html: str
    title_marked: str = ""  # plain text with the matches between MATCH_OPEN and MATCH_CLOSE (see marked_to_text)
    snippet_marked: str = ""


def fts_query(user_text: str) -> str | None:
    """Turn what a volunteer typed into an FTS5 query: every word must match as a prefix (search as you type).

    Returns None when there is nothing to search for. Quotes and operators typed by the user are neutralised.
    """
    words = _TOKEN_RE.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search_briefs(
    session: Session, query: str, *, language: str | None = None, category: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """Briefs matching query across titles, summaries, bodies, talking points and Q&A, best first."""
    match = fts_query(query)
    if match is None:
        return []
    sql = f"""
        SELECT b.id, b.slug, b.language, b.category, b.status,
               highlight(brief_fts, 0, :o, :c) AS title,
               snippet(brief_fts, -1, :o, :c, '…', 16) AS snip
        FROM brief_fts JOIN policy_brief AS b ON b.id = brief_fts.rowid
        WHERE brief_fts MATCH :match
          AND (:language IS NULL OR b.language = :language)
          AND (:category IS NULL OR b.category = :category)
        ORDER BY bm25(brief_fts, {_WEIGHTS}), b.title
        LIMIT :limit
    """
    params = {"o": _OPEN, "c": _CLOSE, "match": match, "language": language, "category": category,
              "limit": limit}
    rows = session.execute(text(sql), params).all()
    return [
        SearchHit(
            r.id, r.slug, r.language, r.category, r.status, marked_to_html(r.title), marked_to_html(r.snip),
            _one_line(r.title), _one_line(r.snip),
        )
        for r in rows
    ]


def marked_to_html(value: str | None) -> str:
    """Escape text for rich-text display and turn the FTS match markers into highlight spans."""
    escaped = html.escape(value or "", quote=False).replace("\n", " ")
    return escaped.replace(_OPEN, MARK_OPEN).replace(_CLOSE, MARK_CLOSE)


def marked_to_text(value: str, open_mark: str = "", close_mark: str = "") -> str:
    """A marked title or snippet as plain text, each match between open_mark and close_mark (none by default)."""
    return value.replace(_OPEN, open_mark).replace(_CLOSE, close_mark)


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def query_terms(user_text: str) -> list[str]:
    """The words of a query, for highlighting them again in the reader."""
    return _TOKEN_RE.findall(user_text)
