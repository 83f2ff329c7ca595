"""Briefs as HTML for the reader (QTextBrowser's rich-text subset): full and doorstep modes."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Literal

import markdown

from canvass_app.briefs.library import Tally
from canvass_app.i18n import QT_TRANSLATE_NOOP, translate
from canvass_formats.briefs_content import BriefDoc

Mode = Literal["full", "doorstep"]

# Category names are the survey's top-issue words, so a brief and the survey read the same in every language.
CATEGORY_LABELS = {
    "education": QT_TRANSLATE_NOOP("Survey", "Education"),
    "healthcare": QT_TRANSLATE_NOOP("Survey", "Healthcare"),
    "careers": QT_TRANSLATE_NOOP("Survey", "Careers"),
    "peace": QT_TRANSLATE_NOOP("Survey", "Peace"),
    "prison_reform": QT_TRANSLATE_NOOP("Survey", "Prison reform"),
    "climate": QT_TRANSLATE_NOOP("Survey", "Climate"),
    "other": QT_TRANSLATE_NOOP("Survey", "Other"),
}
STATUS_LABELS = {
    "proposed": QT_TRANSLATE_NOOP("PolicyBrief", "Proposed"),
    "adopted": QT_TRANSLATE_NOOP("PolicyBrief", "Adopted"),
    "retired": QT_TRANSLATE_NOOP("PolicyBrief", "Retired"),
}
# What the reader and the handout print around a brief's own text. A brief (and its handout block) is labelled
# in the brief's language, which need not be the language in force, hence a marked table translated where shown.
LABELS = {
    "talking_points": QT_TRANSLATE_NOOP("PolicyBrief", "Talking points"),
    "questions": QT_TRANSLATE_NOOP("PolicyBrief", "Common questions"),
    "rebuttals": QT_TRANSLATE_NOOP("PolicyBrief", "If you hear…"),
    "protects": QT_TRANSLATE_NOOP("PolicyBrief", "Secured Rights it protects"),
    "conflict": QT_TRANSLATE_NOOP("PolicyBrief", "Charter conflict"),
    "conflict_text": QT_TRANSLATE_NOOP(
        "PolicyBrief", "This proposal declares a conflict with the Secured Right(s) below. Under the charter it "
                       "can be discussed and voted on, but never adopted as it stands."),
    "version": QT_TRANSLATE_NOOP("PolicyBrief", "version {0}"),
    "tally": QT_TRANSLATE_NOOP("PolicyBrief", "Votes received: {0} support · {1} oppose · {2} abstain"),
    "protected_by": QT_TRANSLATE_NOOP("PolicyBrief", "Protected by"),
    "conflicted_by": QT_TRANSLATE_NOOP("PolicyBrief", "Proposals that would conflict with it"),
    "page": QT_TRANSLATE_NOOP("PolicyBrief", "Page {0}"),
    "handout_title": QT_TRANSLATE_NOOP("PolicyBrief", "Policy briefs: {0}"),
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


def label(key: str, language: str | None = None) -> str:
    """One of LABELS in `language` (None: the language in force)."""
    return translate("PolicyBrief", LABELS[key], language)


def category_label(category: str, language: str | None = None) -> str:
    """A brief's category as shown, in `language` (None: the language in force)."""
    source = CATEGORY_LABELS.get(category)
    return translate("Survey", source, language) if source else category.replace("_", " ").capitalize()


def status_label(status: str, language: str | None = None) -> str:
    """A brief's status (proposed, adopted, retired) as shown, in `language` (None: the language in force)."""
    source = STATUS_LABELS.get(status)
    return translate("PolicyBrief", source, language) if source else status


def conflict_notice(language: str | None = None) -> tuple[str, str]:
    """The charter-conflict heading and explanation, shown wherever a conflicting proposal is shown or printed."""
    return label("conflict", language), label("conflict_text", language)


def render_brief_html(
    doc: BriefDoc,
    *,
    right_titles: Mapping[str, str] | None = None,
    mode: Mode = "full",
    base_pt: int = 11,
    tally: Tally | None = None,
) -> str:
    """A complete HTML page for one brief, labelled in the brief's own language. Doorstep mode shows only the
    title, summary and talking points, larger; the charter conflict is shown in both modes."""
    lang = doc.language
    titles = right_titles or {}
    pt = base_pt + 3 if mode == "doorstep" else base_pt
    e = _esc
    updated = f" · {doc.updated_at:%Y-%m-%d}" if doc.updated_at else ""
    version = label("version", lang).format(doc.version)
    css = _CSS.format(pt=pt, h1=round(pt * 1.6), h2=round(pt * 1.25), h3=round(pt * 1.1))
    parts = [
        f"<html><head><style>{css}</style></head><body>",
        f"<h1>{e(doc.title)}</h1>",
        f'<p class="meta">{e(category_label(doc.category, lang))} · {e(status_label(doc.status, lang))} · '
        f"{e(version)}{updated}</p>",
        f"<p><i>{e(doc.summary)}</i></p>",
    ]
    if doc.conflicts:
        heading, explanation = conflict_notice(lang)
        names = "".join(f"<li>{e(titles.get(s, s))}</li>" for s in doc.conflicts)
        parts.append(
            '<table class="conflict" width="100%" cellpadding="8"><tr><td>'
            f"<b>⚠ {e(heading)}</b><br/>{e(explanation)}"
            f"<ul>{names}</ul></td></tr></table>"
        )
    points = "".join(f"<li>{e(p)}</li>" for p in doc.talking_points)
    heading = label("talking_points", lang)
    parts.append(f'<h2>{e(heading)}</h2><ol class="tp">{points}</ol>')
    if mode == "full":
        parts.append(markdown_to_html(doc.body_md))
        if doc.questions:
            heading = label("questions", lang)
            parts.append(f"<h2>{e(heading)}</h2>")
            parts.extend(f'<p class="q">{e(qa["q"])}</p><p>{e(qa["a"])}</p>' for qa in doc.questions)
        if doc.rebuttals:
            heading = label("rebuttals", lang)
            parts.append(f"<h2>{e(heading)}</h2>")
            parts.extend(
                f'<p class="q">“{e(r["claim"])}”</p><p>{e(r["response"])}</p>' for r in doc.rebuttals
            )
        if doc.protects:
            items = "".join(f"<li>{e(titles.get(s, s))}</li>" for s in doc.protects)
            heading = label("protects", lang)
            parts.append(f"<h2>{e(heading)}</h2><ul>{items}</ul>")
        if tally is not None and tally.total:
            votes = label("tally", lang)
            parts.append(f'<p class="meta">{e(votes.format(tally.support, tally.oppose, tally.abstain))}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def render_right_html(
    title: str, text: str, protected_by: list[str], conflicted_by: list[str], *, base_pt: int = 11,
    language: str | None = None,
) -> str:
    """A Secured Right with the briefs that protect it and any that would conflict with it; headings in
    `language` (None: the language in force)."""
    e = _esc
    parts = [f"<html><body style='font-size:{base_pt}pt'><h1>{e(title)}</h1>", markdown_to_html(text)]
    if protected_by:
        items = "".join(f"<li>{e(t)}</li>" for t in protected_by)
        heading = label("protected_by", language)
        parts.append(f"<h2>{e(heading)}</h2><ul>{items}</ul>")
    if conflicted_by:
        items = "".join(f"<li>{e(t)}</li>" for t in conflicted_by)
        heading = label("conflicted_by", language)
        parts.append(f'<h2 style="color:#7a1212">{e(heading)}</h2><ul>{items}</ul>')
    parts.append("</body></html>")
    return "".join(parts)


def _esc(value: str) -> str:
    return html.escape(value, quote=False)
