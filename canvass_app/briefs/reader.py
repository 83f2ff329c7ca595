"""What the Policy Briefs page shows, gathered in one call per user action (no Qt): the reader and the rights."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from canvass_app.briefs.library import RightWithBriefs, Tally, get_brief, rights_with_briefs
from canvass_app.briefs.render import Mode, render_brief_html, render_right_html


@dataclass(frozen=True)
class ReaderPage:
    """One brief ready for the reader: its HTML and what the controls around it need."""

    slug: str
    language: str
    title: str
    status: str
    html: str
    languages: tuple[str, ...]
    bookmarked: bool
    conflicts: tuple[str, ...]  # titles of the Secured Rights it declares a conflict with
    tally: Tally
    talking_points: tuple[str, ...]


def open_brief(
    session: Session, slug: str, *, language: str = "en", mode: Mode = "full", base_pt: int = 11,
) -> ReaderPage:
    """Render one brief (in language, else English) with its conflict notice and tally."""
    view = get_brief(session, slug, language)
    titles = {r.right.slug: r.right.title for r in rights_with_briefs(session, language)}
    doc = view.doc
    html = render_brief_html(doc, right_titles=titles, mode=mode, base_pt=base_pt, tally=view.tally)
    return ReaderPage(
        slug=doc.slug, language=doc.language, title=doc.title, status=doc.status, html=html,
        languages=view.languages, bookmarked=view.bookmarked,
        conflicts=tuple(titles.get(s, s) for s in doc.conflicts), tally=view.tally,
        talking_points=tuple(doc.talking_points),
    )


def right_page_html(right: RightWithBriefs, *, base_pt: int = 11) -> str:
    """The reader's HTML for one Secured Right and the briefs that protect (or would conflict with) it."""
    return render_right_html(
        right.right.title, right.right.text, [t for _, t in right.protected_by],
        [t for _, t in right.conflicted_by], base_pt=base_pt,
    )
