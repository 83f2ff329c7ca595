"""Briefs as HTML for the reader (QTextBrowser's rich-text subset): full and doorstep modes."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Literal

import markdown

from canvass_app.briefs.content import BriefDoc
from canvass_app.briefs.library import Tally

Mode = Literal["full", "doorstep"]

CATEGORY_LABELS = {
    "education": "Education", "healthcare": "Healthcare", "careers": "Careers", "peace": "Peace",
    "prison_reform": "Prison reform", "climate": "Climate", "other": "Other",
}
_CATEGORY_ES = {
    "education": "Educación", "healthcare": "Salud", "careers": "Empleo y formación", "peace": "Paz",
    "prison_reform": "Reforma penitenciaria", "climate": "Clima", "other": "Otros",
}
_STATUS = {
    "en": {"proposed": "Proposed", "adopted": "Adopted", "retired": "Retired"},
    "es": {"proposed": "Propuesta", "adopted": "Adoptada", "retired": "Retirada"},
}
_LABELS = {
    "en": {
        "talking_points": "Talking points", "questions": "Common questions", "rebuttals": "If you hear…",
        "protects": "Secured Rights it protects", "conflict": "Charter conflict",
        "conflict_text": "This proposal declares a conflict with the Secured Right(s) below. Under the "
                         "charter it can be discussed and voted on, but never adopted as it stands.",
        "tally": "Votes received", "version": "version",
    },
    "es": {
        "talking_points": "Puntos clave", "questions": "Preguntas frecuentes", "rebuttals": "Si le dicen…",
        "protects": "Derechos Garantizados que protege", "conflict": "Conflicto con la carta",
        "conflict_text": "Esta propuesta declara un conflicto con los Derechos Garantizados indicados. "
                         "Según la carta puede debatirse y votarse, pero nunca adoptarse tal como está.",
        "tally": "Votos recibidos", "version": "versión",
    },
}
_CSS = (
    "body {{ font-size:{pt}pt; }} h1 {{ font-size:{h1}pt; margin-bottom:2px; }}"
    " h2 {{ font-size:{h2}pt; margin-top:14px; }} h3 {{ font-size:{h3}pt; }}"
    " .meta {{ color:#555; }} .conflict {{ background-color:#fde2e1; color:#7a1212; }}"
    " .tp li {{ margin-bottom:6px; }} .q {{ font-weight:600; }}"
)


def markdown_to_html(source: str) -> str:
    """Render Markdown to HTML; raw HTML in the source is shown as text, never interpreted."""
    md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(source)


def render_brief_html(
    doc: BriefDoc,
    *,
    right_titles: Mapping[str, str] | None = None,
    mode: Mode = "full",
    base_pt: int = 11,
    tally: Tally | None = None,
) -> str:
    """A complete HTML page for one brief. Doorstep mode shows only the title, summary and talking points,
    larger; the charter conflict is shown in both modes."""
    labels = _LABELS.get(doc.language, _LABELS["en"])
    titles = right_titles or {}
    pt = base_pt + 3 if mode == "doorstep" else base_pt
    e = _esc
    status = _STATUS.get(doc.language, _STATUS["en"]).get(doc.status, doc.status)
    category = (_CATEGORY_ES if doc.language == "es" else CATEGORY_LABELS).get(doc.category, doc.category)
    updated = f" · {doc.updated_at:%Y-%m-%d}" if doc.updated_at else ""
    css = _CSS.format(pt=pt, h1=round(pt * 1.6), h2=round(pt * 1.25), h3=round(pt * 1.1))
    parts = [
        f"<html><head><style>{css}</style></head><body>",
        f"<h1>{e(doc.title)}</h1>",
        f'<p class="meta">{e(category)} · {e(status)} · {e(labels["version"])} {doc.version}{updated}</p>',
        f"<p><i>{e(doc.summary)}</i></p>",
    ]
    if doc.conflicts:
        names = "".join(f"<li>{e(titles.get(s, s))}</li>" for s in doc.conflicts)
        parts.append(
            '<table class="conflict" width="100%" cellpadding="8"><tr><td>'
            f"<b>⚠ {e(labels['conflict'])}</b><br/>{e(labels['conflict_text'])}"
            f"<ul>{names}</ul></td></tr></table>"
        )
    points = "".join(f"<li>{e(p)}</li>" for p in doc.talking_points)
    parts.append(f'<h2>{e(labels["talking_points"])}</h2><ol class="tp">{points}</ol>')
    if mode == "full":
        parts.append(markdown_to_html(doc.body_md))
        if doc.questions:
            parts.append(f"<h2>{e(labels['questions'])}</h2>")
            parts.extend(f'<p class="q">{e(qa["q"])}</p><p>{e(qa["a"])}</p>' for qa in doc.questions)
        if doc.rebuttals:
            parts.append(f"<h2>{e(labels['rebuttals'])}</h2>")
            parts.extend(
                f'<p class="q">“{e(r["claim"])}”</p><p>{e(r["response"])}</p>' for r in doc.rebuttals
            )
        if doc.protects:
            items = "".join(f"<li>{e(titles.get(s, s))}</li>" for s in doc.protects)
            parts.append(f"<h2>{e(labels['protects'])}</h2><ul>{items}</ul>")
        if tally is not None and tally.total:
            parts.append(
                f'<p class="meta">{e(labels["tally"])}: {tally.support} support · {tally.oppose} oppose · '
                f"{tally.abstain} abstain</p>"
            )
    parts.append("</body></html>")
    return "".join(parts)


def render_right_html(
    title: str, text: str, protected_by: list[str], conflicted_by: list[str], *, base_pt: int = 11
) -> str:
    """A Secured Right with the briefs that protect it and any that would conflict with it."""
    e = _esc
    parts = [f"<html><body style='font-size:{base_pt}pt'><h1>{e(title)}</h1>", markdown_to_html(text)]
    if protected_by:
        items = "".join(f"<li>{e(t)}</li>" for t in protected_by)
        parts.append(f"<h2>Protected by</h2><ul>{items}</ul>")
    if conflicted_by:
        items = "".join(f"<li>{e(t)}</li>" for t in conflicted_by)
        parts.append(f'<h2 style="color:#7a1212">Proposals that would conflict with it</h2><ul>{items}</ul>')
    parts.append("</body></html>")
    return "".join(parts)


def _esc(value: str) -> str:
    return html.escape(value, quote=False)
