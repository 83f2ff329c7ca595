"""The printable scorecard of one district: each of its officials' score, counts and votes, to leave at the door."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table
from sqlalchemy.orm import Session

from canvass_app.candidates.scorecards import ScorecardView, list_scorecards
from canvass_app.i18n import translate
from canvass_app.pdf_fonts import BOLD, FONT, PAGE_SIZES, register_fonts
from canvass_formats import QT_TRANSLATE_NOOP

LABELS = {
    "title": QT_TRANSLATE_NOOP("Scorecard", "District {0}: the record on our adopted policies"),
    "no_score": QT_TRANSLATE_NOOP("Scorecard", "no scored vote"),
    "counts": QT_TRANSLATE_NOOP("Scorecard", "{0} aligned · {1} against · {2} absent · {3} other"),
    "date": QT_TRANSLATE_NOOP("Scorecard", "Date"),
    "bill": QT_TRANSLATE_NOOP("Scorecard", "Bill"),
    "policy": QT_TRANSLATE_NOOP("Scorecard", "Policy"),
    "vote": QT_TRANSLATE_NOOP("Scorecard", "Voted"),
    "counts_as": QT_TRANSLATE_NOOP("Scorecard", "Counts as"),
    "aligned": QT_TRANSLATE_NOOP("Scorecard", "aligned"),
    "against": QT_TRANSLATE_NOOP("Scorecard", "against"),
    "absent": QT_TRANSLATE_NOOP("Scorecard", "absent"),
    "other": QT_TRANSLATE_NOOP("Scorecard", "other"),
    "double": QT_TRANSLATE_NOOP("Scorecard", "(counts double: a Secured Right)"),
    "how": QT_TRANSLATE_NOOP("Scorecard", "Score = aligned votes ÷ (aligned + against) on the roll calls linked to "
                                          "policies the members adopted. A vote on a policy that protects a Secured "
                                          "Right counts double. Absences and other votes (abstain, present, paired) "
                                          "are shown, not scored."),
    "page_title": QT_TRANSLATE_NOOP("Scorecard", "Scorecard, district {0}"),
}


class NoSuchDistrict(ValueError):
    """No official of that district is on this device (scorecards arrive with a sync)."""


def label(key: str, language: str | None = None) -> str:
    return translate("Scorecard", LABELS[key], language)


def score_text(score: float | None, language: str | None = None) -> str:
    return label("no_score", language) if score is None else f"{score:.0%}"


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=8),
        "name": ParagraphStyle("name", fontName=BOLD, fontSize=12, leading=15, spaceBefore=8),
        "meta": ParagraphStyle("meta", fontName=FONT, fontSize=9, leading=12, textColor="#444444", spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8, leading=10),
        "note": ParagraphStyle("note", fontName=FONT, fontSize=8, leading=10.5, textColor="#444444"),
    }


def _card(card: ScorecardView, st: dict[str, ParagraphStyle], width: float, lang: str | None) -> Any:
    where = " · ".join(x for x in (card.party, card.chamber) if x)
    block: list[Any] = [
        Paragraph(f"{escape(card.name)} — {escape(score_text(card.score, lang))}", st["name"]),
        Paragraph(escape(" · ".join(x for x in (where, label("counts", lang).format(
            card.aligned, card.against, card.absent, card.other)) if x)), st["meta"]),
    ]
    if card.votes:
        rows: list[list[Any]] = [[Paragraph(escape(label(k, lang)), st["head"])
                                  for k in ("date", "bill", "policy", "vote", "counts_as")]]
        for v in card.votes:
            policy = v["brief_title"] + (" " + label("double", lang) if v.get("weight", 1) > 1 else "")
            rows.append([Paragraph(escape(str(v["date"])[:10]), st["cell"]),
                         Paragraph(escape(f"{v['bill']} · {v['motion']}"), st["cell"]),
                         Paragraph(escape(policy), st["cell"]), Paragraph(escape(v["option"]), st["cell"]),
                         Paragraph(escape(label(v["counts_as"], lang)), st["cell"])])
        table = Table(rows, colWidths=[width * f for f in (0.13, 0.3, 0.3, 0.12, 0.15)], repeatRows=1)
        table.setStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, "#333333"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.25, "#cccccc"),
                        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
        block.append(table)
    return KeepTogether(block)


def render_scorecard(district: str, cards: Sequence[ScorecardView], out: Path | BinaryIO, *,
                     pagesize: str = "letter", language: str | None = None) -> int:
    """Write the district's scorecard PDF (DejaVu embedded); returns the number of pages."""
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {pagesize!r}")
    register_fonts()
    st = _styles()
    margin = 0.6 * inch
    width = PAGE_SIZES[pagesize][0] - 2 * margin
    story: list[Any] = [Paragraph(escape(label("title", language).format(district)), st["title"])]
    for card in cards:
        story.append(_card(card, st, width, language))
    story += [Spacer(1, 10), Paragraph(escape(label("how", language)), st["note"])]
    pages: list[int] = []
    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(target, pagesize=PAGE_SIZES[pagesize], leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin, author="Canvass",
                            title=label("page_title", language).format(district))
    doc.build(story, onFirstPage=lambda _c, d: pages.append(d.page), onLaterPages=lambda _c, d: pages.append(d.page))
    return len(pages)


def write_scorecard(session: Session, district: str, out: Path | BinaryIO, *, pagesize: str = "letter",
                    language: str | None = None) -> int:
    """The scorecard of the officials of `district` on this device; NoSuchDistrict when there are none."""
    cards = list_scorecards(session, district=district, sort="name")
    if not cards:
        raise NoSuchDistrict(f"No official of district {district!r} on this device (scorecards arrive with a sync).")
    return render_scorecard(district, cards, out, pagesize=pagesize, language=language)
