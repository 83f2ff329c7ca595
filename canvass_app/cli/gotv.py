"""`canvass-app voted import FILE`, `canvass-app gotv chase | cure | progress | rides`, `canvass-app polling-places
import FILE_OR_DIR` and `canvass-app polling-place VOTER_ID`: who has voted, whom to chase, which mail ballots to
help cure, election-day progress, rides to the polls, and where each voter votes."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.cli.common import CommandError, emit, written_whole
from canvass_app.contacts.attempts import ContactError, find_voter
from canvass_app.gotv import chase, cure, polling, progress, rides, voted_import
from canvass_app.store.database import Store
from canvass_app.store.models import County
from canvass_app.turfs import cutting
from canvass_formats.polling_places import PollingFileError
from canvass_formats.voted import VOTED_LAYOUTS, VotedFileError
from canvass_protocol.wire import SUPPORTERS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _support(text: str) -> tuple[int, int]:
    lo, _, hi = text.partition("-")
    try:
        low, high = int(lo), int(hi or lo)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a support range like 1-2: {text!r}") from None
    if not 1 <= low <= high <= 5:
        raise argparse.ArgumentTypeError(f"support runs from 1 (strong support) to 5 (strong oppose), not {text!r}")
    return low, high


def _county(session: Session, args: argparse.Namespace) -> County:
    """The county named by --county (and --state), or the store's only county."""
    if args.county:
        try:
            return cutting.find_county(session, args.county, args.state)
        except cutting.TurfError as exc:
            raise CommandError(str(exc)) from exc
    counties = session.scalars(select(County).order_by(County.name)).all()
    if not counties:
        raise CommandError("The store has no county yet; import the county's voter file first.")
    if len(counties) > 1:
        names = ", ".join(f"{c.name} ({c.state})" for c in counties)
        raise CommandError(f"The store holds several counties ({names}); say which with --county NAME.")
    return counties[0]


def _import(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            county = _county(session, args)
            result = voted_import.import_voted_file(session, args.file, county_id=county.id, layout=args.layout,
                                                    election=args.election)
    except VotedFileError as exc:
        raise CommandError(str(exc)) from exc
    emit(args, f"Imported {args.file} into {result.county}, {result.state} ({result.layout}): {result.report()}",
         result.as_dict())
    return 0


def _chase(args: argparse.Namespace, store: Store) -> int:
    from canvass_app.gotv.chase_pdf import write_chase_pdf

    try:
        with store.session() as session:
            county = _county(session, args)
            result = chase.chase_list(session, county.id, turf=args.turf, support=args.support,
                                      election=args.election.isoformat() if args.election else None)
            if args.out:
                with written_whole(Path(args.out)) as tmp:
                    write_chase_pdf(session, result, tmp)
    except (cutting.TurfError, ValueError) as exc:
        raise CommandError(str(exc)) from exc
    data: dict[str, Any] = result.as_dict() | {"out": str(args.out) if args.out else None}
    text = result.summary() + "".join(
        f"\n  {ln.list_number or '—'} {ln.line or '':>4}  {ln.name}, {ln.address} (support {ln.support})"
        for ln in result.lines[:20])
    if len(result.lines) > 20:
        text += f"\n  … and {len(result.lines) - 20:,} more (--json lists them all)"
    if args.out:
        text += f"\nWrote the election-day walk list to {args.out}."
    emit(args, text, data)
    return 0


def _cure(args: argparse.Namespace, store: Store) -> int:
    with store.session() as session:
        county = _county(session, args)
        result = cure.cure_list(session, county.id, election=args.election.isoformat() if args.election else None)
    text = result.summary() + "".join(f"\n  {c.name} ({c.state_voter_id}), {c.phone or 'no phone'}: {c.problem}"
                                      for c in result.voters[:20])
    emit(args, text, result.as_dict())
    return 0


def _polling_import(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            county = _county(session, args)
            result = polling.import_polling_places(session, args.path, county_id=county.id)
    except PollingFileError as exc:
        raise CommandError(str(exc)) from exc
    summary = f"Imported {args.path} into {result.county}, {result.state}: {result.summary()}"
    for p in result.problems[:10]:
        summary += f"\n  {p['file']}, row {p['row']}: {p['reason']}"
    if result.without_location:
        summary += "\n  without a polling location: " + ", ".join(result.without_location[:10])
    emit(args, summary, result.as_dict())
    return 0


def _polling_place(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            places = polling.voter_places(session, find_voter(session, args.voter_id).id)
    except ContactError as exc:
        raise CommandError(str(exc)) from exc
    emit(args, places.summary(), places.as_dict())
    return 0


def _progress(args: argparse.Namespace, store: Store) -> int:
    with store.session() as session:
        result = progress.progress(session, _county(session, args).id)
    text = result.summary() + "".join(
        f"\n  {t.list_number} {t.name}: {t.figures.voted:,} of {t.figures.supporters:,} voted, "
        f"{t.figures.left_to_chase:,} left" for t in result.turfs)
    emit(args, text, result.as_dict())
    return 0


def _rides(args: argparse.Namespace, store: Store) -> int:
    try:
        with store.session() as session:
            county = _county(session, args)
            if args.mark:
                ride_id, status = args.mark
                rides.set_ride_status(session, ride_id, status, by=None)
            listed = rides.list_rides(session, county.id)
    except rides.RideError as exc:
        raise CommandError(str(exc)) from exc
    text = f"{len(listed):,} ride requests in {county.name}, {county.state}" + "".join(
        f"\n  {r.pickup_at}  {r.status:<9} {r.voter_name}, {r.pickup_address} ({r.passengers}), {r.phone}"
        for r in listed)
    emit(args, text, {"county": county.name, "state": county.state, "rides": [r.as_dict() for r in listed]})
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add `voted import` and `gotv chase | cure` to the canvass-app parser."""
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--county", help="county name (default: the store's only county)")
    where.add_argument("--state", help="two-letter state, when two counties share a name")
    where.add_argument("--election", type=_date, metavar="YYYY-MM-DD",
                       help="the election (default: the latest one imported)")
    where.add_argument("--json", action="store_true")
    county_only = argparse.ArgumentParser(add_help=False)
    county_only.add_argument("--county", help="county name (default: the store's only county)")
    county_only.add_argument("--state", help="two-letter state, when two counties share a name")
    county_only.add_argument("--json", action="store_true")

    voted = sub.add_parser("voted", parents=[common], help="import who has voted (re-run it every day)")
    actions = voted.add_subparsers(dest="voted_command", metavar="ACTION", required=True)
    p = actions.add_parser("import", parents=[common, where], help="import an absentee, voter history or CSV file",
                           description="Import who has voted: NC absentee_*.csv, NC ncvhis, or a CSV with a voter "
                                       "id column (and date, method). Importing the same file again changes "
                                       "nothing; without --election, the file's own election (or, when it names "
                                       "none, that year's general election day).")
    p.add_argument("file", type=Path, help="the voted file")
    p.add_argument("--layout", default="auto", choices=("auto", *VOTED_LAYOUTS))
    p.set_defaults(func=_import)

    gotv = sub.add_parser("gotv", parents=[common], help="get out the vote: chase and cure lists")
    actions = gotv.add_subparsers(dest="gotv_command", metavar="ACTION", required=True)
    p = actions.add_parser("chase", parents=[common, where], help="supporters who have not voted, in walk order",
                           description="Supporters (support 1-2 on the field's scale, 1 = strong support ... 5 = "
                                       "strong oppose) who have not voted, in walk order, leaving out those contacted "
                                       "today with a final result.")
    p.add_argument("--turf", metavar="LIST_NUMBER", help="one turf (default: the whole county)")
    p.add_argument("--support", type=_support, default=SUPPORTERS, metavar="LOW-HIGH",
                   help="who counts as a supporter (default 1-2)")
    p.add_argument("--out", metavar="FILE.pdf", help="also print it as an election-day walk list")
    p.set_defaults(func=_chase)
    p = actions.add_parser("cure", parents=[common, where],
                           help="mail ballots not returned or returned with a problem, in plain words")
    p.set_defaults(func=_cure)
    p = actions.add_parser("progress", parents=[common, county_only],
                           help="supporters identified, voted and left to chase, per turf and county")
    p.set_defaults(func=_progress)
    p = actions.add_parser("rides", parents=[common, county_only], help="rides to the polls asked for at the door")
    p.add_argument("--mark", nargs=2, metavar=("RIDE_ID", "STATUS"),
                   help="mark a ride arranged, done or cancelled (county leads; sent at the next sync)")
    p.set_defaults(func=_rides)

    places = sub.add_parser("polling-places", parents=[common], help="import where each precinct votes")
    actions = places.add_subparsers(dest="polling_command", metavar="ACTION", required=True)
    p = actions.add_parser("import", parents=[common, county_only],
                           help="import a Voting Information Project feed (VIP 5 CSV) or a simple CSV",
                           description="Import polling places, early-voting sites and drop boxes: a VIP 5 CSV "
                                       "feed (a folder or .zip with polling_location.txt and precinct.txt; "
                                       "locality.txt and schedule.txt are read when present) or a CSV with "
                                       "precinct,name,address,hours (and optionally kind). The import replaces "
                                       "the county's polling places; importing the same feed again changes "
                                       "nothing.")
    p.add_argument("path", type=Path, metavar="FILE_OR_DIR", help="the feed's folder or .zip, or the CSV")
    p.set_defaults(func=_polling_import)

    p = sub.add_parser("polling-place", parents=[common], help="where a voter votes: polling place, early voting")
    p.add_argument("voter_id", metavar="VOTER_ID", help="the voter's state voter id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_polling_place)
