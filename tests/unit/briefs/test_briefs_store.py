"""Briefs in the encrypted store: bundled load, newer-version upserts, the charter rule, search, rendering."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from canvass_app.briefs.bookmarks import bookmarked_slugs, toggle_bookmark
from canvass_app.briefs.library import (
    BUNDLED_CONTENT_DIR,
    get_brief,
    list_briefs,
    load_bundled_content,
    rights_with_briefs,
    set_status,
    upsert_brief,
)
from canvass_app.briefs.library import apply_pulled_briefs as apply_pulled
from canvass_app.briefs.render import markdown_to_html, render_brief_html
from canvass_app.briefs.search import MARK_OPEN, fts_query, search_briefs
from canvass_app.store.database import Store, open_store
from canvass_app.store.models import PolicyBrief
from canvass_formats.briefs_content import ContentError, load_content_dir
from canvass_formats.charter import DB_GUARD_MESSAGE, CharterViolation

CONFLICTING = "public-space-face-recognition"


@pytest.fixture
def loaded(store: Store) -> Store:
    with store.session() as s:
        result = load_bundled_content(s)
    assert result.inserted >= 13
    return store


def test_bundled_content_loads_once(store: Store) -> None:
    with store.session() as s:
        first = load_bundled_content(s)
    with store.session() as s:
        second = load_bundled_content(s)
        count = s.scalar(select(func.count()).select_from(PolicyBrief))
    assert first.inserted == count
    assert first.rights >= 5
    assert second.changed == 0


def test_newer_version_replaces_older_and_older_is_ignored(loaded: Store) -> None:
    with loaded.session() as s:
        doc = get_brief(s, "universal-pre-k").doc
    newer = doc.to_wire() | {"version": doc.version + 1, "title": "Pre-K, revised"}
    older = doc.to_wire() | {"version": doc.version - 1, "title": "Pre-K, stale"}
    with loaded.session() as s:
        assert apply_pulled(s, [newer]).updated == 1
    with loaded.session() as s:
        assert apply_pulled(s, [older]).unchanged == 1
        view = get_brief(s, "universal-pre-k")
    assert view.doc.title == "Pre-K, revised"
    assert view.doc.version == doc.version + 1


def test_pulled_tally_is_stored_even_for_same_version(loaded: Store) -> None:
    with loaded.session() as s:
        doc = get_brief(s, "community-solar").doc
        apply_pulled(s, [doc.to_wire() | {"tally": {"support": 12, "oppose": 3, "abstain": 1}}])
    with loaded.session() as s:
        tally = get_brief(s, "community-solar").tally
    assert (tally.support, tally.oppose, tally.abstain, tally.total) == (12, 3, 1, 16)


def test_a_bad_pulled_page_is_not_half_applied(loaded: Store) -> None:
    with loaded.session() as s:
        good = get_brief(s, "teacher-retention").doc.to_wire() | {"version": 9}
    bad = dict(good, slug="another", category="astrology")
    with pytest.raises(ContentError, match=r"pulled brief #2: category"), loaded.session() as s:
        apply_pulled(s, [good, bad])
    with loaded.session() as s:
        assert get_brief(s, "teacher-retention").doc.version == 1


def test_charter_refuses_adoption_with_reason(loaded: Store) -> None:
    with pytest.raises(CharterViolation) as err, loaded.session() as s:
        set_status(s, CONFLICTING, "adopted")
    message = str(err.value)
    assert "Face-Recognition" in message
    assert "privacy" in message
    assert "equal-dignity" in message
    assert "no adopted policy may violate a Secured Right" in message
    with loaded.session() as s:
        assert get_brief(s, CONFLICTING).doc.status == "proposed"


def test_charter_refuses_a_pulled_adopted_conflicting_brief(loaded: Store) -> None:
    with loaded.session() as s:
        wire = get_brief(s, CONFLICTING).doc.to_wire() | {"status": "adopted", "version": 5}
    with pytest.raises(ContentError, match="cannot be adopted"), loaded.session() as s:
        apply_pulled(s, [wire])
    with loaded.session() as s:
        doc = get_brief(s, CONFLICTING).doc
        with pytest.raises(CharterViolation):
            upsert_brief(s, type(doc)(**{**doc.__dict__, "status": "adopted", "version": 6}))


def test_charter_is_guarded_in_the_database_too(loaded: Store) -> None:
    with pytest.raises(IntegrityError, match=DB_GUARD_MESSAGE), loaded.session() as s:
        s.execute(text("UPDATE policy_brief SET status = 'adopted' WHERE slug = :s"), {"s": CONFLICTING})
    with pytest.raises(IntegrityError, match=DB_GUARD_MESSAGE), loaded.session() as s:
        s.execute(text(
            "INSERT INTO policy_brief (slug, language, title, category, summary, body_md, talking_points,"
            " questions, rebuttals, protects, conflicts, status, version, updated_at, tally_support,"
            " tally_oppose, tally_abstain) VALUES ('x', 'en', 'X', 'other', '', '', '[]', '[]', '[]', '[]',"
            " '[\"privacy\"]', 'adopted', 1, '2026-01-01', 0, 0, 0)"
        ))
    with loaded.session() as s:  # an adopted brief without conflicts is fine
        s.execute(text("UPDATE policy_brief SET status = 'adopted' WHERE slug = 'community-solar'"))


def test_search_highlights_matches_across_fields(loaded: Store) -> None:
    with loaded.session() as s:
        hits = search_briefs(s, "insul")
        assert hits[0].slug == "medicine-cost-cap"
        assert MARK_OPEN in hits[0].title_html
        assert f"{MARK_OPEN}Insulin" in hits[0].title_html
        # a word found only in talking points
        tp = search_briefs(s, "rent hikes")
        assert [h.slug for h in tp] == ["home-weatherization"]
        assert f"{MARK_OPEN}rent" in tp[0].snippet_html
        # filters
        assert {h.language for h in search_briefs(s, "prekinder", language="es")} == {"es"}
        assert search_briefs(s, "insulin", category="education") == []
        assert search_briefs(s, "  \"*( ") == []


def test_search_index_follows_updates(loaded: Store) -> None:
    with loaded.session() as s:
        wire = get_brief(s, "community-solar").doc.to_wire()
        wire["version"] += 1
        wire["talking_points"] = wire["talking_points"] + ["Sunflower fields are out of scope."]
        apply_pulled(s, [wire])
    with loaded.session() as s:
        assert [h.slug for h in search_briefs(s, "sunflower")] == ["community-solar"]


def test_search_escapes_html_in_content(store: Store) -> None:
    doc = load_content_dir(BUNDLED_CONTENT_DIR)[1][0]
    evil = type(doc)(**{**doc.__dict__, "slug": "evil", "title": "Fish <script>alert(1)</script> & chips"})
    with store.session() as s:
        upsert_brief(s, evil)
        hit = search_briefs(s, "fish")[0]
    assert "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.title_html
    assert "&amp; chips" in hit.title_html


def test_fts_query_neutralises_operators() -> None:
    assert fts_query('teach* OR "x') == '"teach"* "OR"* "x"*'
    assert fts_query("") is None


def test_markdown_rendering() -> None:
    html = markdown_to_html("## Heading\n\n1. one\n2. **two**\n\n<script>alert(1)</script>\n\nA <b>tag</b>.")
    assert "<h2>Heading</h2>" in html
    assert "<ol>" in html
    assert "<strong>two</strong>" in html
    assert "<script>" not in html
    assert "<b>" not in html


def test_render_full_and_doorstep(loaded: Store) -> None:
    with loaded.session() as s:
        view = get_brief(s, CONFLICTING)
        titles = {r.right.slug: r.right.title for r in rights_with_briefs(s)}
    full = render_brief_html(view.doc, right_titles=titles)
    door = render_brief_html(view.doc, right_titles=titles, mode="doorstep", base_pt=14)
    for html in (full, door):
        assert "Charter conflict" in html
        assert "Privacy" in html
        assert view.doc.talking_points[0] in html
    assert "Common questions" in full
    assert "Common questions" not in door
    assert "<h2>What the proposal says</h2>" in full
    assert "What the proposal says" not in door
    assert "font-size:17pt" in door


def test_spanish_brief_and_fallback(loaded: Store) -> None:
    with loaded.session() as s:
        es = get_brief(s, "universal-pre-k", "es")
        fallback = get_brief(s, "clean-slate", "es")
        rows = list_briefs(s, language="es")
    assert es.doc.language == "es"
    assert es.languages == ("en", "es")
    assert fallback.doc.language == "en"
    assert "Puntos clave" in render_brief_html(es.doc)
    assert len({r.slug for r in rows}) == len(rows)
    assert {r.language for r in rows if r.slug == "universal-pre-k"} == {"es"}


def test_rights_list_names_protecting_and_conflicting_briefs(loaded: Store) -> None:
    with loaded.session() as s:
        rights = {r.right.slug: r for r in rights_with_briefs(s)}
    assert ("universal-pre-k", "Free Pre-K for Every Four-Year-Old") in rights["learning"].protected_by
    assert [slug for slug, _ in rights["privacy"].conflicted_by] == [CONFLICTING]


def test_bookmarks(loaded: Store) -> None:
    with loaded.session() as s:
        assert toggle_bookmark(s, "clean-slate") is True
        assert toggle_bookmark(s, "community-solar") is True
    with loaded.session() as s:
        assert bookmarked_slugs(s) == ["clean-slate", "community-solar"]
        assert {b.slug for b in list_briefs(s, bookmarked=True)} == {"clean-slate", "community-solar"}
        assert toggle_bookmark(s, "clean-slate") is False
        assert get_brief(s, "community-solar").bookmarked
        with pytest.raises(LookupError):
            toggle_bookmark(s, "no-such-brief")


def test_reading_works_with_no_network(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("network is unreachable (test)")

    store = open_store(data_dir)
    with store.session() as s:
        load_bundled_content(s)
    store.close()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    store = open_store(data_dir)  # a later session, offline: everything comes from the encrypted store
    try:
        with store.session() as s:
            briefs = list_briefs(s)
            html = render_brief_html(get_brief(s, briefs[0].slug).doc)
            hits = search_briefs(s, "apprentice")
    finally:
        store.close()
    assert len(briefs) >= 11
    assert "<h1>" in html
    assert hits
