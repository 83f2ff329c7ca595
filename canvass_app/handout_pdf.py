"""The policy-brief handout: one or more briefs with their summary and talking points, to leave at the door."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.models import PolicyBrief
from canvass_app.walklist_pdf import BOLD, FONT, PAGE_SIZES, register_fonts


@dataclass(frozen=True)
class HandoutBrief:
    """What a handout prints of one brief."""

    title: str
    category: str
    summary: str
    talking_points: Sequence[str]
    questions: Sequence[tuple[str, str]] = ()


def brief_of(row: PolicyBrief) -> HandoutBrief:
    questions = [(str(q.get("q", "")), str(q.get("a", ""))) for q in row.questions or [] if isinstance(q, dict)]
    return HandoutBrief(title=row.title, category=row.category, summary=row.summary or "",
                        talking_points=[str(p) for p in row.talking_points or []], questions=questions)


def load_briefs(session: Session, slugs: Sequence[str], language: str = "en") -> list[HandoutBrief]:
    """The briefs named by slug, in that order, in `language` (falling back to English); ValueError if unknown."""
    rows = session.scalars(select(PolicyBrief).where(PolicyBrief.slug.in_(list(slugs)),
                                                     PolicyBrief.language.in_({language, "en"}))).all()
    by_slug: dict[str, PolicyBrief] = {}
    for row in rows:
        if row.slug not in by_slug or row.language == language:
            by_slug[row.slug] = row
    missing = [s for s in slugs if s not in by_slug]
    if missing:
        raise ValueError(f"No policy brief with slug {', '.join(missing)}.")
    return [brief_of(by_slug[s]) for s in slugs]


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=4),
        "category": ParagraphStyle("category", fontName=FONT, fontSize=8.5, leading=11, textColor="#555555",
                                   spaceAfter=6),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, spaceAfter=6),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3),
        "point": ParagraphStyle("point", fontName=FONT, fontSize=10.5, leading=14),
        "q": ParagraphStyle("q", fontName=BOLD, fontSize=10, leading=13, spaceBefore=3),
    }


def render_handout(briefs: Sequence[HandoutBrief], out: Path | BinaryIO, *, pagesize: str = "letter",
                   heading: str = "") -> int:
    """Write the handout PDF (DejaVu embedded); returns the number of pages."""
    if not briefs:
        raise ValueError("no briefs to print")
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {pagesize!r}")
    register_fonts()
    st = _styles()
    story: list[Any] = []
    if heading:
        story += [Paragraph(escape(heading), st["category"])]
    for n, brief in enumerate(briefs):
        if n:
            story.append(Spacer(1, 14))
        block: list[Any] = [Paragraph(escape(brief.title), st["title"]),
                            Paragraph(escape(brief.category.replace("_", " ").title()), st["category"])]
        if brief.summary:
            block.append(Paragraph(escape(brief.summary), st["body"]))
        story.append(KeepTogether(block))
        if brief.talking_points:
            story.append(Paragraph("Talking points", st["head"]))
            story.append(ListFlowable(
                [ListItem(Paragraph(escape(p), st["point"]), leftIndent=12) for p in brief.talking_points],
                bulletType="bullet", bulletFontName=FONT, start="•", leftIndent=12))
        for q, a in brief.questions:
            story.append(KeepTogether([Paragraph(escape(q), st["q"]), Paragraph(escape(a), st["body"])]))
    pages = []

    def footer(canvas: Any, doc: Any) -> None:
        pages.append(doc.page)
        canvas.setFont(FONT, 7.5)
        canvas.setFillGray(0.4)
        canvas.drawRightString(doc.pagesize[0] - 0.75 * inch, 0.5 * inch, f"Page {doc.page}")

    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(target, pagesize=PAGE_SIZES[pagesize], leftMargin=0.75 * inch,
                            rightMargin=0.75 * inch, topMargin=0.75 * inch, bottomMargin=0.75 * inch,
                            title="Policy briefs: " + ", ".join(b.title for b in briefs[:3]), author="Canvass")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return len(pages)


def write_handout(session: Session, slugs: Sequence[str], out: Path | BinaryIO, *, language: str = "en",
                  pagesize: str = "letter") -> int:
    """Load the briefs by slug and write their handout; returns the number of pages."""
    return render_handout(load_briefs(session, slugs, language), out, pagesize=pagesize)
