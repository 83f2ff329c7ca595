"""`canvass-server console-user MEMBER_ID`: give a county lead or admin a console login (password + TOTP)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from canvass_server.cli import CommandError, _run, emit

from . import auth


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


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("console-user", parents=[common],
                       help="set a county lead's or admin's HQ console password and make their TOTP secret")
    p.set_defaults(func=cmd_console_user)
    p.add_argument("member_id", metavar="MEMBER_ID", type=int, help="the member's id (see `members list`)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input instead of prompting")
