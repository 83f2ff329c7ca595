"""The `canvass-server` admin command line: init, serve, members, enrollment codes, devices, imports, stats (and,
from their own modules, ballots, officials and scorecards, candidates, the console)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from canvass_server import db as dbmod
from canvass_server import devices, enrollment, keys, members
from canvass_server.config import DATABASE_ENV, KEY_ENV, Settings, describe


class CommandError(Exception):
    """A command failed for a reason the person can act on."""


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else a clear refusal."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


POSITIVE_ID = bounded_int(1, 2**31 - 1)


def private_files(settings: Settings) -> None:
    """The server's own files (SQLite database, key file) readable by this account only; new ones likewise."""
    os.umask(0o077)
    sqlite_path = make_url(settings.database_url).database if settings.database_url.startswith("sqlite") else None
    candidates = [settings.key_file] + ([Path(sqlite_path + suffix) for suffix in ("", "-wal", "-shm")]
                                        if sqlite_path and sqlite_path != ":memory:" else [])
    for path in candidates:
        if path.exists():
            path.chmod(0o600)


def emit(args: argparse.Namespace, summary: str, data: Any) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, default=str))
    else:
        print(summary)


Adder = Callable[[str, Any, str], argparse.ArgumentParser]


def command_adder(sub: Any, common: argparse.ArgumentParser) -> Adder:
    """`add(name, func, help)`: a subcommand with the common options that runs `func(args)`."""

    def add(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(func=func)
        return p

    return add


def command_group(sub: Any, common: argparse.ArgumentParser, name: str, help_text: str) -> Adder:
    """A command with subcommands (`canvass-server ballots open ...`); returns their `add`."""
    top = sub.add_parser(name, help=help_text)
    return command_adder(top.add_subparsers(dest=f"{name}_command", required=True, metavar="COMMAND"), common)


def emit_rows(args: argparse.Namespace, data: list[Any], lines: Iterable[str], footer: str) -> None:
    """A list command's output: the rows as JSON with --json, else a line each and a closing count."""
    if getattr(args, "json", False):
        emit(args, "", data)
        return
    for line in lines:
        print(line)
    print(footer)


def _settings(args: argparse.Namespace) -> Settings:
    try:
        return Settings.from_env(args.database)
    except ValueError as exc:  # pydantic's ValidationError names the setting and the reason
        raise CommandError(f"bad settings: {exc}") from exc


def _open(args: argparse.Namespace) -> tuple[Settings, dbmod.Database]:
    settings = _settings(args)
    database = dbmod.Database.connect(settings.database_url, prepared=settings.db_prepared_statements)
    try:
        current = dbmod.is_current(database.engine)
    except Exception as exc:
        raise CommandError(f"cannot reach the database: {type(exc).__name__}: {exc}") from exc
    if not current and args.command != "init":
        raise CommandError("the database schema is missing or out of date: run `canvass-server init` first")
    return settings, database


def cmd_init(args: argparse.Namespace) -> int:
    settings = _settings(args)
    private_files(settings)
    database = dbmod.Database.connect(settings.database_url, prepared=settings.db_prepared_statements)
    try:
        dbmod.upgrade(database.engine)
    except Exception as exc:
        raise CommandError(f"cannot create the schema: {type(exc).__name__}: {exc}") from exc
    finally:
        database.dispose()
    if settings.server_private_key is not None:
        pair, made = keys.load(settings), False
    else:
        pair, made = keys.create_key_file(settings.key_file)
    where = KEY_ENV if settings.server_private_key is not None else str(settings.key_file)
    emit(args, f"schema ready on {database.engine.dialect.name}; server key {pair.key_id} "
               f"({'new' if made else 'existing'}, {where})",
         {"database": database.engine.dialect.name, "key_id": pair.key_id, "key_created": made,
          "public_key": pair.public_b64, "key_location": where})
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from canvass_server.limits import GuardedHttpToolsProtocol

    settings, database = _open(args)
    database.dispose()
    private_files(settings)
    keys.load(settings)  # fail now, clearly, rather than in every worker
    host, port = args.host or settings.host, args.port or settings.port
    workers, level = args.workers or settings.workers, args.log_level or settings.log_level
    certfile, keyfile = args.certfile or settings.tls_certfile, args.keyfile or settings.tls_keyfile
    if bool(certfile) != bool(keyfile):
        raise CommandError("give both --certfile and --keyfile, or neither")
    # The workers read their settings from the environment: hand the command line's choices down.
    os.environ[DATABASE_ENV] = settings.database_url
    os.environ["CANVASS_LOG_LEVEL"] = level
    scheme = "https" if certfile else "http"
    print(f"serving on {scheme}://{host}:{port} with {workers} worker(s); docs at /docs", file=sys.stderr)
    uvicorn.run("canvass_server.app:factory", factory=True, host=host, port=port, workers=workers,
                log_level=level, access_log=False, ssl_certfile=certfile, ssl_keyfile=keyfile,
                http=GuardedHttpToolsProtocol, loop="auto", timeout_keep_alive=settings.keep_alive_seconds,
                limit_concurrency=settings.max_connections)  # loop "auto": uvloop where it is installed
    return 0


def cmd_drain(args: argparse.Namespace) -> int:
    """Count the contacts pushes queued for the console's rollups (canvass_server.rollup_queue): what is queued now
    (--once), or every --every seconds at most until SIGTERM or Ctrl-C, in a process of its own, so that the API
    nodes can run with CANVASS_ROLLUP_DRAIN_SECONDS=0 (docs/deploy.md)."""
    import asyncio
    import logging
    import signal

    from canvass_server.rollup_queue import drain_all, keep_draining

    if args.every is not None and not args.every > 0:
        raise CommandError("--every: give a number of seconds greater than 0")
    settings, database = _open(args)
    if args.once:
        counted = drain_all(database)
        emit(args, f"{counted} queued contact row(s) counted into the rollups", {"counted": counted})
        return 0
    if not database.is_postgres:
        raise CommandError("on SQLite each push counts its own contacts: there is nothing to drain")
    every = args.every or settings.rollup_drain_seconds or Settings.model_fields["rollup_drain_seconds"].default
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    async def run() -> None:
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            asyncio.get_running_loop().add_signal_handler(sig, stop.set)
        await keep_draining(database, every, stop)

    print(f"counting queued contacts into the rollups every {every:g} s at most; SIGTERM or Ctrl-C stops",
          file=sys.stderr)
    asyncio.run(run())
    database.dispose()
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """Every setting with its environment variable and the value in effect (secrets masked)."""
    settings = _settings(args)
    values = settings.model_dump()
    rows = []
    for env, default, description in describe():
        value = values[env.removeprefix("CANVASS_").lower()]
        shown = "(set, hidden)" if env == KEY_ENV and value is not None else ("" if value is None else str(value))
        rows.append({"env": env, "value": shown, "default": default, "description": description})
    if args.json:
        emit(args, "", rows)
        return 0
    for row in rows:
        print(f"{row['env']}={row['value']}")
    print(f"{len(rows)} settings (see docs/deploy.md for what each one does)")
    return 0


def _run(args: argparse.Namespace, work: Any) -> Any:
    """`work(session)` in one unit of work; a ValueError (a MemberError, "no member 42") is the person's to fix."""
    _, database = _open(args)
    try:
        with database.session() as session:
            return work(session)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        database.dispose()


def _member_line(m: members.MemberInfo) -> str:
    contact = " ".join(x for x in (m.email, m.phone) if x)
    return f"{m.id:>5}  {m.status:9} {m.role:11} {m.county} {m.state}  {m.name}" + (f"  ({contact})" if contact else "")


def cmd_members_add(args: argparse.Namespace) -> int:
    m = _run(args, lambda s: members.add_member(s, county=args.county, state=args.state, name=args.name,
                                                role=args.role, email=args.email, phone=args.phone))
    emit(args, f"member {m.id} added: {m.name} ({m.role}, {m.county} {m.state})", m.__dict__)
    return 0


def cmd_members_list(args: argparse.Namespace) -> int:
    if args.state and not args.county:
        raise CommandError("give --county with --state")
    rows = _run(args, lambda s: members.list_members(s, county=args.county, state=args.state or "NC"))
    emit_rows(args, [m.__dict__ for m in rows], map(_member_line, rows),
              f"{len(rows)} member(s), {sum(m.status == 'active' for m in rows)} active")
    return 0


def cmd_members_status(args: argparse.Namespace) -> int:
    change: members.StatusChange = _run(args, lambda s: args.change(s, args.id))
    m = change.member
    emit(args, f"member {m.id} ({m.name}) {m.status}; {change.devices_revoked} device(s) and "
               f"{change.codes_revoked} unused code(s) revoked",
         {**m.__dict__, "devices_revoked": change.devices_revoked, "codes_revoked": change.codes_revoked})
    return 0


def cmd_enrollment_code(args: argparse.Namespace) -> int:
    if args.member is not None and (args.county or args.role):
        raise CommandError("give --member, or --county and --role, not both")
    if args.member is None and not (args.county and args.role):
        raise CommandError("give --member ID (see `canvass-server members list`), or --county and --role")
    new = _run(args, lambda s: enrollment.make_enrollment_code(
        s, member_id=args.member, county=args.county, state=args.state if args.county else None, role=args.role,
        hours=args.expires_hours))
    who = f"member {new.member.id} {new.member.name}, " if new.member else "new member named by the device, "
    emit(args, f"{new.code}  ({who}{new.role}, {new.county} {new.state}, expires {new.expires_at:%Y-%m-%d %H:%M} UTC)",
         {"id": new.id, "code": new.code, "member_id": new.member.id if new.member else None,
          "member": new.member.name if new.member else None, "county": new.county, "state": new.state,
          "role": new.role, "expires_at": new.expires_at.isoformat()})
    return 0


def cmd_codes_list(args: argparse.Namespace) -> int:
    rows = _run(args, enrollment.list_codes)
    if args.json:
        emit(args, "", [c.__dict__ for c in rows])
        return 0
    for c in rows:
        member = f"member {c.member_id} {c.member}" if c.member_id is not None else "new member"
        maker = f"member {c.created_by}" if c.created_by is not None else "the host"
        print(f"{c.id:>5}  {c.status:8} {c.role:11} {c.county} {c.state}  for {member}; made by {maker} "
              f"{c.created_at[:16]}, expires {c.expires_at[:16]}")
    print(f"{len(rows)} code(s), {sum(c.status == 'unused' for c in rows)} unused")
    return 0


def cmd_codes_revoke(args: argparse.Namespace) -> int:
    before = _run(args, lambda s: enrollment.revoke_code(s, args.code_id))
    summary = (f"enrollment code {args.code_id} was already revoked" if before == "revoked"
               else f"enrollment code {args.code_id} revoked")
    emit(args, summary, {"id": args.code_id, "status": "revoked", "was": before})
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    _, database = _open(args)
    with database.session() as session:
        rows = devices.list_devices(session)
    if args.json:
        emit(args, "", [r.__dict__ for r in rows])
        return 0
    for r in rows:
        member = f"member {r.member_id} {r.member}" if r.member_id is not None else "no member"
        print(f"{r.device_id}  {r.status:8} {r.role:12} {r.county} {r.state}  seq {r.last_seq}  {r.label}  ({member})")
    active = sum(r.status == "active" for r in rows)
    print(f"{len(rows)} device(s), {active} active")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    _, database = _open(args)
    with database.session() as session:  # the whole id, exactly: never a pattern or a prefix
        found = devices.revoke(session, args.device)
    if not found:
        raise CommandError(f"no device {args.device!r}; see `canvass-server devices`")
    emit(args, f"device {args.device} revoked; it will be told to wipe its voter data",
         {"device": args.device, "revoked": True})
    return 0


def cmd_reinstate(args: argparse.Namespace) -> int:
    _, database = _open(args)
    with database.session() as session:
        found = devices.reinstate(session, args.device)
    if not found:
        raise CommandError(f"no device {args.device!r}; see `canvass-server devices`")
    emit(args, f"device {args.device} may sync again; it first delivers the changes it kept sealed",
         {"device": args.device, "revoked": False})
    return 0


def cmd_import_voters(args: argparse.Namespace) -> int:
    try:
        from canvass_formats.voterfile import VoterFileError
        from canvass_server.voter_import import import_voters
    except ImportError as exc:
        raise CommandError(f"the voter-file reader is not available in this build ({exc})") from exc
    _, database = _open(args)
    mapping = None
    if args.mapping:
        try:
            mapping = json.loads(Path(args.mapping).read_text())
        except (OSError, ValueError) as exc:
            raise CommandError(f"{args.mapping}: not a readable JSON mapping ({exc})") from exc
    try:
        with database.session() as session:
            res = import_voters(session, Path(args.file), county=args.county, state=args.state,
                                layout=args.layout, mapping=mapping)
    except VoterFileError as exc:
        raise CommandError(str(exc)) from exc
    summary = (f"{args.file}: {res.inserted} new and {res.updated} updated voters, {res.households} new "
               f"households, {res.deactivated} no longer in the file, {len(res.rejected)} rows rejected "
               f"({res.layout} layout, {res.county} {res.state})")
    for row, reason in res.rejected[:10]:
        summary += f"\n  row {row}: {reason}"
    emit(args, summary, res.__dict__)
    return 0


def cmd_import_voted(args: argparse.Namespace) -> int:
    try:
        from canvass_formats.voted import VotedFileError
        from canvass_server.voted_import import UnknownCounty, import_voted
    except ImportError as exc:
        raise CommandError(f"the voted-file reader is not available in this build ({exc})") from exc
    try:
        election = dt.date.fromisoformat(args.election) if args.election else None
    except ValueError:
        raise CommandError(f"--election: not a date (YYYY-MM-DD): {args.election!r}") from None
    _, database = _open(args)
    try:
        with database.session() as session:
            res = import_voted(session, Path(args.file), county=args.county, state=args.state, layout=args.layout,
                               election=election)
    except (VotedFileError, UnknownCounty) as exc:
        raise CommandError(str(exc)) from exc
    emit(args, f"Imported {args.file} into {res.county}, {res.state} ({res.layout}): {res.report()}", res.as_dict())
    return 0


def cmd_publish_briefs(args: argparse.Namespace) -> int:
    from canvass_formats.briefs_content import ContentError
    from canvass_server.publish import publish_briefs

    _, database = _open(args)
    try:
        with database.session() as session:
            res = publish_briefs(session, Path(args.dir))
    except ContentError as exc:
        raise CommandError(f"nothing published: {exc}") from exc
    emit(args, f"published from {args.dir}: {res.briefs_inserted} new, {res.briefs_updated} updated, "
               f"{res.briefs_unchanged} unchanged briefs; {res.rights_changed} Secured Rights changed",
         res.__dict__)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from canvass_server.rollup_queue import drain_all
    from canvass_server.stats import county_stats

    _, database = _open(args)
    drain_all(database)  # what pushes queued for the rollups, counted first: the figures are exact
    with database.session() as session:
        rows = county_stats(session)
    if args.json:
        emit(args, "", rows)
        return 0
    for r in rows:
        results = " ".join(f"{k}={v}" for k, v in r["results"].items()) or "-"
        votes = " ".join(f"{s}:{v['support']}/{v['oppose']}/{v['abstain']}" for s, v in r["votes"].items()) or "-"
        print(f"{r['county']} {r['state']}: {r['devices']} devices, {r['contact_attempts']} contact attempts, "
              f"{r['doors']} doors; results {results}; votes (support/oppose/abstain) {votes}; election day "
              f"{r['gotv']['election'] or '-'}: {r['gotv']['voted']} of {r['gotv']['supporters']} supporters voted, "
              f"{r['gotv']['left_to_chase']} left to chase; rides "
              + " ".join(f"{k}={v}" for k, v in r["rides"].items()))
    print(f"{len(rows)} county(ies), {sum(r['contact_attempts'] for r in rows)} contact attempts in all")
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="URL", help=f"database URL (default: ${DATABASE_ENV}, else SQLite)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a summary line")
    parser = argparse.ArgumentParser(prog="canvass-server", description="The Canvass central sync server.")
    sub = parser.add_subparsers(dest="command", required=True)

    add = command_adder(sub, common)
    add("init", cmd_init, "create or upgrade the schema and make the server's HPKE key pair")
    p = add("serve", cmd_serve, "run the HTTP server")
    p.add_argument("--host", help="listen address (default: $CANVASS_HOST, else 127.0.0.1)")
    p.add_argument("--port", type=bounded_int(1, 65535), help="listen port (default: $CANVASS_PORT, else 8400)")
    p.add_argument("--workers", type=bounded_int(1, 64), help="worker processes (default: $CANVASS_WORKERS, else 1)")
    p.add_argument("--log-level", choices=["critical", "error", "warning", "info", "debug"],
                   help="(default: $CANVASS_LOG_LEVEL, else info)")
    p.add_argument("--certfile", type=Path, help="PEM certificate to serve HTTPS (default: $CANVASS_TLS_CERTFILE)")
    p.add_argument("--keyfile", type=Path, help="PEM key of --certfile (default: $CANVASS_TLS_KEYFILE)")
    member = command_group(sub, common, "members", "add, list, suspend and remove the alliance's members")
    p = member("add", cmd_members_add, "add a member to a county (prints the member's id)")
    p.add_argument("--county", required=True, help="the county's name (any case: DURHAM is Durham)")
    p.add_argument("--state", default="NC", help="two-letter state of the county (default NC)")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, help="volunteer, canvasser, county_lead or admin")
    p.add_argument("--email")
    p.add_argument("--phone")
    p = member("list", cmd_members_list, "list the members of one county, or of all")
    p.add_argument("--county")
    p.add_argument("--state", help="two-letter state of --county (default NC)")
    for action, change, text in (("suspend", members.suspend, "suspend a member: revokes their devices and codes"),
                                 ("remove", members.remove, "remove a member: revokes their devices and codes")):
        p = member(action, cmd_members_status, text)
        p.set_defaults(change=change)
        p.add_argument("id", metavar="ID", type=POSITIVE_ID, help="the member's id (see `members list`)")
    from canvass_server import cli_candidates  # it imports this module's helpers

    cli_candidates.register_member_district(member)
    p = add("enrollment-code", cmd_enrollment_code, "make a one-time enrollment code for a member")
    p.add_argument("--member", type=POSITIVE_ID, metavar="ID", help="the member whose new device it enrolls")
    p.add_argument("--county", help="shortcut without a member: the county of a member made at enrollment")
    p.add_argument("--state", default="NC", help="two-letter state of --county (default NC)")
    p.add_argument("--role", help="shortcut without a member: the new member's role")
    p.add_argument("--expires-hours", type=bounded_int(1, 24 * 30), default=72,
                   help="hours the code stays valid, 1 to 720 (default 72)")
    code = command_group(sub, common, "enrollment-codes", "list or revoke enrollment codes")
    code("list", cmd_codes_list, "every code with its member, maker and status")
    p = code("revoke", cmd_codes_revoke, "revoke an unused code")
    p.add_argument("code_id", metavar="CODE_ID", type=POSITIVE_ID, help="the code's id (see `enrollment-codes list`)")
    add("devices", cmd_devices, "list enrolled devices")
    p = add("revoke", cmd_revoke, "revoke a device (it is told to wipe its voter data)")
    p.add_argument("device", metavar="DEVICE")
    p = add("reinstate", cmd_reinstate, "let a revoked device sync again (its member must be active)")
    p.add_argument("device", metavar="DEVICE")
    p = add("import-voters", cmd_import_voters, "import a voter file into one county")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--county", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--layout", default="auto")
    p.add_argument("--mapping", metavar="FILE", help="JSON {header: field} for generic files")
    p = add("import-voted", cmd_import_voted, "import who has voted (NC absentee, ncvhis or CSV) into one county")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--county", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--layout", default="auto", choices=("auto", "nc-absentee", "ncvhis", "generic"))
    p.add_argument("--election", metavar="YYYY-MM-DD", help="default: the file's election")
    p = add("publish-briefs", cmd_publish_briefs, "publish policy briefs and Secured Rights from a directory")
    p.add_argument("dir", metavar="DIR")
    add("stats", cmd_stats, "per-county devices, contacts, doors, results and votes")
    p = add("drain", cmd_drain, "count the contacts pushes queued into the console's rollups (a process of its own)")
    p.add_argument("--every", type=float, metavar="SECONDS",
                   help="at most this often (default: $CANVASS_ROLLUP_DRAIN_SECONDS if not 0, else 0.25)")
    p.add_argument("--once", action="store_true", help="count what is queued now, then exit")
    add("settings", cmd_settings, "show every setting (CANVASS_* environment variables) and its value")
    from canvass_server import cli_ballots  # it imports this module's helpers

    cli_ballots.register(sub, common)
    from canvass_server import cli_officials

    cli_officials.register(sub, common)
    cli_candidates.register(sub, common)
    from canvass_server.console import cli as console_cli  # it imports this module's helpers

    console_cli.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (CommandError, keys.ServerKeyError) as exc:
        print(f"canvass-server: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("canvass-server: interrupted; nothing was half-applied.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
