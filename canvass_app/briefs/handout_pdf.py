"""The policy-brief handout: one or more briefs with their summary and talking points, to leave at the door.

Labels (category, status, "Talking points", the charter-conflict notice) come from the translation catalog through
`canvass_app.i18n.translate`, in each brief's own language; the page footer is in the handout's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.briefs.render import category_label, conflict_notice, label, status_label
from canvass_app.pdf_fonts import BOLD, FONT, PAGE_SIZES, register_fonts
from canvass_app.store.models import PolicyBrief, SecuredRight

_HEADING_ROOM = 1.1 * inch  # a section heading starts a new page unless a few lines fit under it


class UnknownBriefs(ValueError):
    """Some slugs name no brief in the store; `slugs` lists them in the order asked."""

    def __init__(self, slugs: Sequence[str]) -> None:
        self.slugs = list(slugs)
        noun = "slug" if len(self.slugs) == 1 else "slugs"
        super().__init__(f"No policy brief with {noun} {', '.join(self.slugs)}.")


@dataclass(frozen=True)
class HandoutBrief:
    """What a handout prints of one brief."""

    title: str
    category: str
    summary: str
    talking_points: Sequence[str]
    questions: Sequence[tuple[str, str]] = ()
    slug: str = ""
    language: str = "en"
    status: str = ""
    conflicts: Sequence[str] = ()  # titles of the Secured Rights the proposal declares a conflict with


def brief_of(row: PolicyBrief, right_titles: Mapping[str, str] | None = None) -> HandoutBrief:
    """The handout's view of a stored brief (right slugs turned into titles where known)."""
    titles = right_titles or {}
    questions = [(str(q.get("q", "")), str(q.get("a", ""))) for q in row.questions or [] if isinstance(q, dict)]
    return HandoutBrief(title=row.title, category=row.category, summary=row.summary or "",
                        talking_points=[str(p) for p in row.talking_points or []], questions=questions,
                        slug=row.slug, language=row.language or "en", status=row.status or "",
                        conflicts=[titles.get(str(s), str(s)) for s in row.conflicts or []])


def load_briefs(session: Session, slugs: Sequence[str], language: str = "en") -> list[HandoutBrief]:
    """The briefs named by slug, in that order (each once), in `language`, falling back to English.

    Raises UnknownBriefs (a ValueError) naming every slug the store does not hold."""
    wanted = list(dict.fromkeys(slugs))
    rows = session.scalars(select(PolicyBrief).where(PolicyBrief.slug.in_(wanted),
                                                     PolicyBrief.language.in_({language, "en"}))).all()
    by_slug: dict[str, PolicyBrief] = {}
    for row in rows:
        if row.slug not in by_slug or row.language == language:
            by_slug[row.slug] = row
    missing = [s for s in wanted if s not in by_slug]
    if missing:
        raise UnknownBriefs(missing)
    titles: dict[str, str] = dict(session.execute(select(SecuredRight.slug, SecuredRight.title)).all())
    return [brief_of(by_slug[s], titles) for s in wanted]


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=4),
        "category": ParagraphStyle("category", fontName=FONT, fontSize=8.5, leading=11, textColor="#555555",
                                   spaceAfter=6),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=6),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3),
        "point": ParagraphStyle("point", fontName=FONT, fontSize=10.5, leading=14),
        "q": ParagraphStyle("q", fontName=BOLD, fontSize=10, leading=13, spaceBefore=3),
        "conflict": ParagraphStyle("conflict", fontName=FONT, fontSize=9.5, leading=12.5, textColor="#7a1212"),
    }


def _brief_story(brief: HandoutBrief, st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    lang = brief.language
    meta = category_label(brief.category, lang)
    if brief.status:
        meta += " · " + status_label(brief.status, lang)
    block: list[Any] = [Paragraph(escape(brief.title), st["title"]), Paragraph(escape(meta), st["category"])]
    if brief.summary:
        block.append(Paragraph(escape(brief.summary), st["body"]))
    story: list[Any] = [KeepTogether(block)]
    if brief.conflicts:
        heading, explanation = conflict_notice(lang)
        text = (f"<b>⚠ {escape(heading)}</b><br/>{escape(explanation)}<br/>"
                + "<br/>".join("• " + escape(t) for t in brief.conflicts))
        box = Table([[Paragraph(text, st["conflict"])]], colWidths=[width])
        box.setStyle([("BACKGROUND", (0, 0), (-1, -1), "#fde2e1"), ("BOX", (0, 0), (-1, -1), 0.6, "#7a1212"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                      ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        story += [box, Spacer(1, 4)]
    if brief.talking_points:
        story += [CondPageBreak(_HEADING_ROOM), Paragraph(escape(label("talking_points", lang)), st["head"])]
        story.append(ListFlowable(
            [ListItem(Paragraph(escape(p), st["point"]), leftIndent=12) for p in brief.talking_points],
            bulletType="bullet", bulletFontName=FONT, start="•", leftIndent=12))
    if brief.questions:
        story += [CondPageBreak(_HEADING_ROOM), Paragraph(escape(label("questions", lang)), st["head"])]
    for q, a in brief.questions:
        story.append(KeepTogether([Paragraph(escape(q), st["q"]), Paragraph(escape(a), st["body"])]))
    return story


def render_handout(briefs: Sequence[HandoutBrief], out: Path | BinaryIO, *, pagesize: str = "letter",
                   heading: str = "", language: str = "en") -> int:
    """Write the handout PDF (DejaVu embedded), footer in `language`; returns the number of pages."""
    if not briefs:
        raise ValueError("no briefs to print")
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {pagesize!r}")
    register_fonts()
    st = _styles()
    margin = 0.75 * inch
    width = PAGE_SIZES[pagesize][0] - 2 * margin
    story: list[Any] = []
    if heading:
        story += [Paragraph(escape(heading), st["category"])]
    for n, brief in enumerate(briefs):
        if n:  # a rule between briefs, so each reads as its own sheet when the paper is cut or folded
            story += [Spacer(1, 10), HRFlowable(width="100%", thickness=0.5, color="#999999"), Spacer(1, 10)]
        story += _brief_story(brief, st, width)
    pages = []
    page_label = label("page", language)

    def footer(canvas: Any, doc: Any) -> None:
        pages.append(doc.page)
        canvas.setFont(FONT, 7.5)
        canvas.setFillGray(0.4)
        canvas.drawRightString(doc.pagesize[0] - margin, 0.5 * inch, page_label.format(doc.page))

    target = str(out) if isinstance(out, Path) else out
    title = label("handout_title", language).format(", ".join(b.title for b in briefs[:3]))
    doc = SimpleDocTemplate(target, pagesize=PAGE_SIZES[pagesize], leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin, title=title, author="Canvass", lang=language)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return len(pages)


def write_handout(session: Session, slugs: Sequence[str], out: Path | BinaryIO, *, language: str = "en",
                  pagesize: str = "letter") -> int:
    """Load the briefs by slug and write their handout; returns the number of pages (UnknownBriefs if any
    slug is unknown, before anything is written)."""
    return render_handout(load_briefs(session, slugs, language), out, pagesize=pagesize, language=language)
