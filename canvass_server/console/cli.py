"""`canvass-server console-user MEMBER_ID`: give a county lead or admin a console login (password + TOTP);
`canvass-server export`: the console's contact exports (CSV or OSDI record_canvass JSON) from the host."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from canvass_server.cli import CommandError, _open, _run, emit
from canvass_server.devices import find_county

from . import auth, exports


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    try:
        first = getpass.getpass("Console password: ")
        again = getpass.getpass("The same again: ")
    except EOFError:
        raise CommandError("no password given: type it at the prompt, or pipe it with --password-stdin") from None
    if first != again:
        raise CommandError("the two passwords differ; nothing was changed")
    return first


def cmd_console_user(args: argparse.Namespace) -> int:
    password = _password(args)
    new: auth.NewLogin = _run(args, lambda s: auth.set_login(s, args.member_id, password))
    emit(args, f"console login set for member {new.member_id} ({new.name}, {new.role}); their earlier sessions ended.\n"
               f"TOTP secret: {new.totp_secret}\n"
               f"Add it to an authenticator app (or scan this URI as a QR code):\n{new.otpauth_uri}",
         {"member_id": new.member_id, "name": new.name, "role": new.role, "totp_secret": new.totp_secret,
          "otpauth_uri": new.otpauth_uri})
    return 0


def _day(text: str) -> str:
    try:
        return exports.day(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def cmd_export(args: argparse.Namespace) -> int:
    """Streams to the file (or standard output) a batch of rows at a time, as the console's download does."""
    _, database = _open(args)
    try:
        with database.session() as session:
            county = find_county(session, args.county, args.state)
            if county is None:
                raise CommandError(f"there is no county {args.county}, {args.state.upper()} on this server")
            q = exports.ExportQuery(county.id, args.date_from, args.date_to)
        stream = exports.csv_stream if args.format == "csv" else exports.osdi_stream
        sys.stdout.flush()  # the bytes go below the text layer
        out = sys.stdout.buffer if args.out is None else open(args.out, "wb")  # noqa: SIM115
        try:
            for chunk in stream(database, q):
                out.write(chunk)
        finally:
            if args.out is not None:
                out.close()
            else:
                out.flush()
    finally:
        database.dispose()
    if args.out is not None:
        sys.stderr.write(f"exported the contacts of {county.name}, {county.state} to {args.out} ({args.format})\n")
    return 0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("console-user", parents=[common],
                       help="set a county lead's or admin's HQ console password and make their TOTP secret")
    p.set_defaults(func=cmd_console_user)
    p.add_argument("member_id", metavar="MEMBER_ID", type=int, help="the member's id (see `members list`)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input instead of prompting")

    p = sub.add_parser("export", parents=[common],
                       help="export a county's contacts as CSV or OSDI record_canvass JSON (effective results only)")
    p.set_defaults(func=cmd_export)
    p.add_argument("--format", required=True, choices=("csv", "osdi"))
    p.add_argument("--county", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="first day (as logged)")
    p.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="last day (as logged)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
