"""`canvass-server candidates add | answer | list | show | withdraw` and `canvass-server members district`: the
alliance's own candidates from the host's command line (docs/candidates.md). Endorsement ballots open with
`canvass-server ballots open --kind endorsement --candidate ID`; recall ballots open from the petition."""

from __future__ import annotations

import argparse

from canvass_server import candidates
from canvass_server.cli import POSITIVE_ID, Adder, CommandError, _open, command_group, emit, emit_rows
from canvass_server.cli_ballots import _fraction


def _line(info: candidates.CandidateInfo) -> str:
    c, p = info.item, info.item.petition
    petition = f"petition {p.signatures}/{p.needed}" + (" open" if p.open else "")
    extra = "  nominations open" if c.nominations_open else ""
    return (f"{c.id:>5}  {c.status:9} {c.state} {c.chamber:5} {c.district:>6}  {c.office:20} {c.name}  "
            f"({petition}){extra}")


def cmd_add(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            c = candidates.add_candidate(session, office=args.office, state=args.state, official=args.official,
                                         name=args.name, chamber=args.chamber, district=args.district,
                                         petition_share=args.petition_share)
            data = {"id": c.id, "name": c.name, "office": c.office, "state": c.state, "chamber": c.chamber,
                    "district": c.district, "status": c.status, "petition_share": c.petition_share}
    except candidates.CandidateError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    if args.json:
        emit(args, "", data)
    else:
        print(data["id"])
        print(f"candidate {data['id']}: {data['name']} for {data['office']} ({data['state']} {data['chamber']} "
              f"district {data['district']}), in vetting")
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            candidates.answer(session, candidate_id=args.id, brief_slug=args.brief, promise=args.answer,
                              comment=args.comment or "")
    except candidates.CandidateError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    emit(args, f"candidate {args.id} answers {args.answer} on {args.brief}",
         {"id": args.id, "brief_slug": args.brief, "answer": args.answer, "comment": args.comment or ""})
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            infos = candidates.list_candidates(session)
    finally:
        database.dispose()
    emit_rows(args, [i.as_dict() for i in infos], map(_line, infos), f"{len(infos)} candidate(s)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            info = candidates.describe(session, [candidates.get_candidate(session, args.id)])[0]
    except candidates.CandidateError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    if args.json:
        emit(args, "", info.as_dict())
        return 0
    print(_line(info))
    for q in info.item.questionnaire:
        print(f"  promised to {q.answer} {q.brief_title}" + (f": {q.comment}" if q.comment else ""))
    for check in info.record:
        print(f"  {check.plain()}")
    if not info.record:
        print("  no scored vote on a policy of the questionnaire")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    _, database = _open(args)
    try:
        with database.session() as session:
            c = candidates.withdraw(session, args.id)
            data = {"id": c.id, "status": c.status}
    except candidates.CandidateError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    emit(args, f"candidate {args.id} withdrawn", data)
    return 0


def cmd_district(args: argparse.Namespace) -> int:
    if (args.district is None) == (not args.clear):
        raise CommandError("give --district D, or --clear")
    _, database = _open(args)
    try:
        with database.session() as session:
            member = candidates.set_district(session, member_id=args.id, chamber=args.chamber,
                                             district=None if args.clear else args.district)
            data = {"member_id": member.id, "chamber": candidates.chamber_of(args.chamber),
                    "district": None if args.clear else args.district}
    except candidates.CandidateError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()
    where = f"district {data['district']}" if data["district"] else "no district"
    emit(args, f"member {args.id}: {data['chamber']} chamber, {where}", data)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add `candidates add | answer | list | show | withdraw` to the canvass-server parser."""
    add = command_group(sub, common, "candidates",
                        "the alliance's own candidates: add, questionnaire, list, show, withdraw")

    p = add("add", cmd_add, "add a candidate in vetting: an official (--official) or a newcomer (--name)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--official", metavar="OCD_ID", help="the official's Open Civic Data person id")
    who.add_argument("--name", metavar="NAME", help="a newcomer's name")
    p.add_argument("--office", required=True, metavar="TEXT", help="the office sought, e.g. 'NC House'")
    p.add_argument("--state", required=True, metavar="XX")
    p.add_argument("--chamber", metavar="C", help="upper or lower (senate or house); an official's by default")
    p.add_argument("--district", metavar="D", help="the district; an official's by default")
    p.add_argument("--petition-share", type=_fraction, default=candidates.DEFAULT_PETITION_SHARE, metavar="F",
                   help="the share of the district's members whose signatures open a recall ballot (default 0.1)")
    p = add("answer", cmd_answer, "record the candidate's questionnaire answer on an adopted brief")
    p.add_argument("id", metavar="CANDIDATE_ID", type=POSITIVE_ID)
    p.add_argument("brief", metavar="BRIEF_SLUG")
    p.add_argument("--answer", required=True, choices=("support", "oppose"))
    p.add_argument("--comment", metavar="TEXT")
    add("list", cmd_list, "every candidate with status and petition; --json adds the record against the promises")
    p = add("show", cmd_show, "one candidate: questionnaire, petition, and every vote against their promises")
    p.add_argument("id", metavar="CANDIDATE_ID", type=POSITIVE_ID)
    p = add("withdraw", cmd_withdraw, "the candidate withdraws")
    p.add_argument("id", metavar="CANDIDATE_ID", type=POSITIVE_ID)


def register_member_district(member: Adder) -> None:
    """Add `members district ID --chamber C (--district D | --clear)` to the `members` commands."""
    p = member("district", cmd_district, "the legislative district a member lives in, per chamber: it makes them "
                                         "an elector of its ballots")
    p.add_argument("id", metavar="ID", type=POSITIVE_ID, help="the member's id (see `members list`)")
    p.add_argument("--chamber", required=True, metavar="C", help="upper or lower (senate or house)")
    p.add_argument("--district", metavar="D")
    p.add_argument("--clear", action="store_true", help="the member has no district in this chamber")
