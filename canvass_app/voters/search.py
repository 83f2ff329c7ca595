"""Voter search as you type: FTS5 prefix matching over name, address, phone and voter id, a page at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

# Letters and digits: what the unicode61 tokenizer keeps together (it splits at "_", which \w would not), so
# that every quoted word is one token. The index has detail=none (migration 0008): a quoted word that became
# two tokens would be a phrase query, which such an index cannot answer.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# What the index holds for voter row {v}; the same expressions as the triggers of migrations 0003 and 0008.
FTS_VALUES = ", ".join((
    "trim({v}.first_name || ' ' || coalesce({v}.middle_name, '') || ' ' || {v}.last_name || ' ' "
    "|| coalesce({v}.suffix, ''))",
    "coalesce({v}.res_address, '') || ' ' || coalesce({v}.res_city, '') || ' ' || coalesce({v}.res_zip, '')",
    "coalesce({v}.phone || ' ' || substr({v}.phone, 1, 3) || ' ' || substr({v}.phone, 4, 3) || ' ' "
    "|| substr({v}.phone, 7, 4), '')",
    "{v}.state_voter_id || ' ' || coalesce({v}.registration_number, '')",
))


def reindex_sql(where: str) -> str:
    """SQL that adds index rows for the voters v matching where (they must not be indexed already)."""
    return (f"INSERT INTO voter_fts(rowid, name, address, phone, voter_id) "
            f"SELECT v.id, {FTS_VALUES.format(v='v')} FROM voter v WHERE {where}")
MAX_TERMS = 8


@dataclass(frozen=True)
class VoterHit:
    id: int
    state_voter_id: str
    name: str
    address: str
    city: str
    zip: str
    phone: str
    household_id: int | None
    active: bool


@dataclass(frozen=True)
class SearchPage:
    voters: list[VoterHit]
    offset: int
    has_more: bool


def match_expression(query: str) -> str | None:
    """Turn what a person typed into an FTS5 query: every word must match as a prefix ("smi jo" -> both).

    Words are quoted, so FTS5 operators and punctuation typed by a person are plain text; None when the
    query has no words at all.
    """
    words = _TOKEN.findall(query.lower())[:MAX_TERMS]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


_COLUMNS = """v.id, v.state_voter_id,
    trim(v.first_name || ' ' || coalesce(v.middle_name || ' ', '') || v.last_name || coalesce(' ' || v.suffix, '')),
    coalesce(v.res_address, ''), coalesce(v.res_city, ''), coalesce(v.res_zip, ''), coalesce(v.phone, ''),
    v.household_id, v.active"""


def search_voters(
    session: Session,
    query: str,
    *,
    limit: int = 25,
    offset: int = 0,
    county_id: int | None = None,
    include_inactive: bool = False,
) -> SearchPage:
    """One page of voters matching query (in import order, which keeps the first page fast on any county).

    An empty query pages through all voters. county_id narrows to one county; inactive voters (no longer
    in the county's file) are left out unless include_inactive.
    """
    expression = match_expression(query)
    where = ["(:county IS NULL OR v.county_id = :county)"]
    if not include_inactive:
        where.append("v.active = 1")
    params: dict[str, object] = {"county": county_id, "limit": limit + 1, "offset": offset}
    if expression is None:
        sql = f"SELECT {_COLUMNS} FROM voter v WHERE {' AND '.join(where)} ORDER BY v.id LIMIT :limit OFFSET :offset"
    else:
        params["match"] = expression
        sql = (f"SELECT {_COLUMNS} FROM voter_fts f JOIN voter v ON v.id = f.rowid "
               f"WHERE voter_fts MATCH :match AND {' AND '.join(where)} "
               "ORDER BY f.rowid LIMIT :limit OFFSET :offset")
    rows = session.execute(text(sql), params).all()
    hits = [VoterHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows[:limit]]
    return SearchPage(voters=hits, offset=offset, has_more=len(rows) > limit)
