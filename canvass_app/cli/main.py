"""The `canvass-app` command line: the GUI launcher and headless commands over the same services.

Feature modules add their subcommands with `add_commands(subparsers, common)`, passing `parents=[common]` to
each `add_parser` (that gives it `--data-dir`); each subcommand sets `func(args, store) -> int` (the store is
opened here, once) or `raw_func(args) -> int` (no store needed). Raise `CommandError` for a clear failure.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence

from canvass_app import __version__, paths
from canvass_app.cli import ballots, briefs, candidates, contacts, gotv, sync, turfs, voters
from canvass_app.cli.common import CommandError, emit
from canvass_app.store.database import Store, StoreError, open_store
from canvass_app.store.outbox import OpPayloadError

log = logging.getLogger(__name__)


def _tty_prompt(new: bool) -> str | None:
    if not sys.stdin.isatty():
        return None
    if not new:
        return getpass.getpass("Canvass passphrase: ")
    first = getpass.getpass("Choose a passphrase for the encrypted store (8+ characters): ")
    if getpass.getpass("Repeat it: ") != first:
        raise CommandError("The two passphrases differ; nothing was created.")
    return first


def open_for_cli(args: argparse.Namespace) -> Store:
    return open_store(paths.data_dir(args.data_dir), prompt=_tty_prompt)


def _demo_data(args: argparse.Namespace, store: Store) -> int:
    from canvass_app import demo

    summary = demo.build_demo(store, voters=args.voters, seed=args.seed)
    emit(args, summary.line(), summary.as_dict())
    return 0


def _add_core_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                       ) -> None:
    p = sub.add_parser("demo-data", parents=[common], help="write the deterministic demo county")
    p.add_argument("--voters", type=int, default=5000, help="about how many voters (default 5000)")
    p.add_argument("--seed", type=int, default=7, help="random seed: same seed, same county (default 7)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_demo_data)


FEATURES = [voters, turfs, contacts, briefs, ballots, candidates, gotv, sync]
"""Each feature module's `add_commands(subparsers, common)` adds its subcommands."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="data directory (or $CANVASS_DATA_DIR)")
    parser = argparse.ArgumentParser(
        prog="canvass-app", parents=[common], description="Canvass: offline field canvassing."
    )
    parser.add_argument("--demo", action="store_true", help="open the GUI on the demo county (created if absent)")
    parser.add_argument("--self-test", action="store_true", help="check store, import, PDF and translations")
    parser.add_argument("--version", action="version", version=f"canvass-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_core_commands(sub, common)
    for feature in FEATURES:
        feature.add_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    paths.setup_logging()
    try:
        if args.command is None:
            if args.self_test:
                from canvass_app.ui.self_test import run_self_test

                return run_self_test()
            from canvass_app.ui.app import run_gui

            return run_gui(paths.data_dir(args.data_dir), demo=args.demo)
        if hasattr(args, "raw_func"):
            return int(args.raw_func(args))
        store = open_for_cli(args)
        try:
            return int(args.func(args, store))
        finally:
            store.close()
    except (CommandError, StoreError, OpPayloadError) as exc:  # a change the server could not take: not made
        print(f"canvass-app: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("canvass-app: interrupted; nothing was half-applied.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
