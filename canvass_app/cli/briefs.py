"""`canvass-app briefs list | search TEXT | handout SLUG... --out FILE.pdf`: the Policy Briefs page's services.

Like the page, each command first loads the bundled briefs when the store holds none yet (first run).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from canvass_app import i18n, pdf_fonts
from canvass_app.briefs.handout_pdf import UnknownBriefs, load_briefs, render_handout
from canvass_app.briefs.library import get_brief, list_briefs, load_bundled_content
from canvass_app.briefs.render import category_label, status_label
from canvass_app.briefs.search import fts_query, marked_to_text, search_briefs
from canvass_app.cli.common import CommandError, emit, written_whole
from canvass_app.store.database import Store

_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}  # the command line speaks English


def _language(args: argparse.Namespace) -> str:
    return str(args.lang or i18n.current_language())


def _bundled(session: Session) -> int:
    """Load the shipped briefs into an empty store, as the page does on first run; returns how many."""
    return load_bundled_content(session).inserted


def _loaded_note(loaded: int) -> str:
    return f" (first loaded {loaded} bundled briefs)" if loaded else ""


def _list(args: argparse.Namespace, store: Store) -> int:
    language = _language(args)
    with store.session() as session:
        loaded = _bundled(session)
        rows = list_briefs(session, language=language, category=args.category)
        views = [get_brief(session, r.slug, r.language) for r in rows] if args.json else []
    if args.json:
        briefs = []
        for row, view in zip(rows, views, strict=True):
            doc = view.doc
            briefs.append(doc.to_wire() | {
                "languages": list(view.languages), "bookmarked": row.bookmarked, "has_conflict": bool(doc.conflicts),
                "touches_secured_right": bool(doc.protects or doc.conflicts),
                "tally": {"support": view.tally.support, "oppose": view.tally.oppose, "abstain": view.tally.abstain},
            })
        emit(args, "", {"language": language, "bundled_loaded": loaded, "briefs": briefs})
        return 0
    width = max((len(r.slug) for r in rows), default=0)
    for r in rows:
        other = f" [{r.language}]" if r.language != language else ""
        mark = "  ⚠ charter conflict" if r.has_conflict else ""
        print(f"{r.slug:<{width}}  {category_label(r.category, language):<22} {status_label(r.status, language):<10} "
              f"v{r.version:<3} {r.title}{other}{mark}")
    by_status = ", ".join(f"{sum(r.status == s for r in rows)} {status_label(s, 'en').lower()}"
                          for s in ("adopted", "proposed", "retired") if any(r.status == s for r in rows))
    conflicts = sum(r.has_conflict for r in rows)
    summary = f"{len(rows)} briefs" + (f": {by_status}" if by_status else "")
    if conflicts:
        summary += f"; {conflicts} declaring a charter conflict"
    print(summary + _loaded_note(loaded) + ".")
    return 0


def _marks() -> tuple[str, str]:
    """How a match is shown: bold on a terminal (unless NO_COLOR), else between brackets."""
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return "\x1b[1m", "\x1b[0m"
    return "[", "]"


def _search(args: argparse.Namespace, store: Store) -> int:
    query = " ".join(args.text)
    if args.limit < 1:
        raise CommandError(f"--limit must be 1 or more, not {args.limit}.")
    if fts_query(query) is None:
        raise CommandError(f"Nothing to search for in {query!r}: type some words.")
    with store.session() as session:
        loaded = _bundled(session)
        hits = search_briefs(session, query, language=args.lang, category=args.category, limit=args.limit)
    if args.json:
        emit(args, "", {"query": query, "bundled_loaded": loaded, "hits": [
            {"rank": n, "slug": h.slug, "language": h.language, "title": marked_to_text(h.title_marked),
             "category": h.category, "status": h.status, "snippet": marked_to_text(h.snippet_marked),
             "snippet_marked": marked_to_text(h.snippet_marked, "[", "]")}
            for n, h in enumerate(hits, start=1)]})
        return 0
    on, off = _marks()
    for n, h in enumerate(hits, start=1):
        print(f"{n:>2}. {h.slug} ({h.language})  {marked_to_text(h.title_marked, on, off)}  "
              f"· {category_label(h.category, h.language)}, {status_label(h.status, h.language)}")
        print(f"    {marked_to_text(h.snippet_marked, on, off)}")
    if not hits:
        summary = f"No brief matches {query!r}"
    else:
        summary = f"{len(hits)} {'brief matches' if len(hits) == 1 else 'briefs match'} {query!r}, best first"
    print(summary + _loaded_note(loaded) + ".")
    return 0


def _handout(args: argparse.Namespace, store: Store) -> int:
    language = _language(args)
    out = Path(args.out)
    with written_whole(out) as tmp:
        with store.session() as session:
            loaded = _bundled(session)
            try:
                briefs = load_briefs(session, args.slugs, language)
            except UnknownBriefs as exc:
                raise CommandError(f"{exc} Nothing was written; `canvass-app briefs list` shows the slugs.") from exc
        pages = render_handout(briefs, tmp, pagesize=args.page_size, language=language)
    fallback = [b.slug for b in briefs if b.language != language]
    lang_name = _LANGUAGE_NAMES.get(language, language)
    summary = (f"Wrote a handout of {len(briefs)} brief{'s' if len(briefs) != 1 else ''} ({pages} page"
               f"{'s' if pages != 1 else ''}, {args.page_size}, {lang_name}) to {out}")
    if fallback:
        summary += f"; in English, having no {lang_name} version: {', '.join(fallback)}"
    emit(args, summary + _loaded_note(loaded) + ".", {
        "out": str(out), "pages": pages, "page_size": args.page_size, "language": language,
        "briefs": [{"slug": b.slug, "title": b.title, "language": b.language} for b in briefs],
        "in_english_instead": fallback, "bundled_loaded": loaded,
    })
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `briefs` (list, search, handout) to the canvass-app parser."""
    p = sub.add_parser("briefs", parents=[common], help="list, search and print the policy briefs")
    bsub = p.add_subparsers(dest="briefs_command", metavar="ACTION", required=True)
    langs = sorted(i18n.LANGUAGES)
    lang_help = "language of the briefs (falling back to English); default: the app's language"

    ls = bsub.add_parser("list", parents=[common], help="every brief: slug, topic, status, version, title")
    ls.add_argument("--lang", choices=langs, help=lang_help)
    ls.add_argument("--category", help="only this topic (education, healthcare, careers, ...)")
    ls.add_argument("--json", action="store_true", help="everything about each brief, as JSON")
    ls.set_defaults(func=_list)

    se = bsub.add_parser("search", parents=[common], help="full-text search, best first, with a snippet")
    se.add_argument("text", nargs="+", metavar="TEXT", help="words to find (each as a word prefix)")
    se.add_argument("--lang", choices=langs, help="only briefs in this language (default: all)")
    se.add_argument("--category", help="only this topic")
    se.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=_search)

    ho = bsub.add_parser("handout", parents=[common], help="print briefs to a handout PDF")
    ho.add_argument("slugs", nargs="+", metavar="SLUG", help="the briefs, in the order to print them")
    ho.add_argument("--out", required=True, metavar="FILE.pdf")
    ho.add_argument("--lang", choices=langs, help=lang_help)
    ho.add_argument("--page-size", choices=sorted(pdf_fonts.PAGE_SIZES), default="letter")
    ho.add_argument("--json", action="store_true")
    ho.set_defaults(func=_handout)
