"""Brief labels come from the translation catalog (the .ts), in the brief's language, in the reader and the handout."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from canvass_app.briefs.handout_pdf import UnknownBriefs, load_briefs, render_handout
from canvass_app.briefs.library import get_brief, load_bundled_content
from canvass_app.briefs.render import (
    CATEGORY_LABELS,
    LABELS,
    STATUS_LABELS,
    category_label,
    render_brief_html,
    render_right_html,
    status_label,
)
from canvass_app.i18n import catalog
from canvass_app.store.database import Store
from canvass_app.store.models import SecuredRight

CONFLICTING = "public-space-face-recognition"


@pytest.fixture
def loaded(store: Store) -> Store:
    with store.session() as s:
        load_bundled_content(s)
    return store


@pytest.mark.parametrize(("context", "table"), [("PolicyBrief", LABELS), ("PolicyBrief", STATUS_LABELS),
                                                ("Survey", CATEGORY_LABELS)])
def test_every_label_has_a_finished_spanish_translation(context: str, table: dict[str, str]) -> None:
    spanish = catalog("es")
    missing = [source for source in table.values() if not spanish.get((context, source))]
    assert missing == []
    for source in table.values():  # placeholders survive translation
        assert spanish[(context, source)].count("{") == source.count("{")


def test_labels_follow_the_asked_language() -> None:
    assert (category_label("healthcare", "es"), status_label("proposed", "es")) == ("Salud", "Propuesta")
    assert (category_label("healthcare", "en"), status_label("proposed", "en")) == ("Healthcare", "Proposed")
    assert category_label("new_topic", "es") == "New topic"  # a category this build does not know yet


def test_spanish_brief_is_labelled_in_spanish(loaded: Store) -> None:
    with loaded.session() as s:
        doc = get_brief(s, CONFLICTING).doc
    es = dataclasses.replace(doc, language="es", version=4)
    html = render_brief_html(es)
    for label in ("Puntos clave", "Conflicto con la carta", "versión 4", "Paz · Propuesta",
                  "Derechos Garantizados que protege", "Preguntas frecuentes", "Si le dicen"):
        assert label in html
    assert "Talking points" not in html and "Charter conflict" not in html
    english = render_brief_html(doc)
    assert "Talking points" in english and "Charter conflict" in english and "Puntos clave" not in english


def test_right_page_headings_in_the_asked_language() -> None:
    html = render_right_html("Privacy", "Text.", ["A"], ["B"], language="es")
    assert "Protegido por" in html and "Propuestas que entrarían en conflicto con él" in html
    assert "Protected by" in render_right_html("Privacy", "Text.", ["A"], [], language="en")


def test_a_spanish_handout_shows_the_conflict_with_the_right_by_title(loaded: Store, tmp_path: Path) -> None:
    with loaded.session() as s:
        briefs = load_briefs(s, ["universal-pre-k", CONFLICTING], "es")
        right = s.scalars(select(SecuredRight).where(SecuredRight.slug.in_(get_brief(s, CONFLICTING, "en").doc
                                                                           .conflicts))).first()
    assert right is not None
    out = tmp_path / "h.pdf"
    pages = render_handout(briefs, out, language="es")
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert pages == len(PdfReader(out).pages)
    assert "Puntos clave" in text and "Educación · Adoptada" in text  # the Spanish brief
    assert "Charter conflict" in text and right.title in text  # the English-only conflicting proposal
    assert "Página 1" in text


def test_unknown_slugs_are_all_named(loaded: Store) -> None:
    with loaded.session() as s, pytest.raises(UnknownBriefs) as caught:
        load_briefs(s, ["nope", "clean-slate", "gone", "nope"])
    assert caught.value.slugs == ["nope", "gone"]
    assert "nope, gone" in str(caught.value)
    assert isinstance(caught.value, ValueError)
