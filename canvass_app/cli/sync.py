"""`canvass-app enroll`, `canvass-app sync` and `canvass-app status`: the sync client from the command line."""

from __future__ import annotations

import argparse
import sys
import time

from canvass_app.cli.common import CommandError, emit
from canvass_app.gotv.progress import all_progress
from canvass_app.store.database import Store
from canvass_app.sync import batches
from canvass_app.sync.enroll import EnrollError, enroll
from canvass_app.sync.status import sync_status
from canvass_app.sync.syncer import SyncOptions, sync
from canvass_app.sync.whoami import signed_in


def _enroll(args: argparse.Namespace, store: Store) -> int:
    try:
        done = enroll(store, args.server, args.code, label=args.label or "", ca_file=args.ca)
    except EnrollError as exc:
        raise CommandError(str(exc)) from exc
    emit(args, f"enrolled as device {done.device_id} for member {done.member_id} {done.member_name} ({done.role}, "
               f"{done.county} {done.state}) on {done.server_url}; turf lists {done.list_prefix}0001 on; "
               f"server key {done.server_key_id} pinned", done.__dict__)
    return 0


def _watch(store: Store) -> int:
    """Keep syncing automatically (probe, timer, watchdog) until interrupted; one line per sync."""
    from canvass_app.sync.autosync import AutoSync
    from canvass_app.sync.scheduler import Scheduler

    loop = AutoSync(store, scheduler=Scheduler(interval=300), tick=15.0, on_report=lambda r: print(r.line()))
    loop.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        loop.stop()
    return 0


def _sync(args: argparse.Namespace, store: Store) -> int:
    if args.watch:
        return _watch(store)
    options = SyncOptions(attempts=args.attempts, limits=batches.Limits(max_ops=args.batch_ops))
    report = sync(store, options=options)
    emit(args, report.line(), report.as_dict())
    if not report.ok:
        if not args.json:
            print(f"canvass-app: {report.error}", file=sys.stderr)
        return 3 if report.wiped else 1
    return 0


def _status(args: argparse.Namespace, store: Store) -> int:
    state, person = sync_status(store), signed_in(store)
    member = {"id": person.member_id, "name": person.name, "role": person.role, "list_prefix": person.list_prefix}
    with store.session() as session:
        gotv = [p.as_dict() for p in all_progress(session)]  # election-day progress, county by county
    emit(args, f"{state.line()}; signed in as {person.name} ({person.role})",
         {**state.as_dict(), "member": member, "gotv": gotv})
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
                 ) -> None:
    """Add `enroll`, `sync` and `status` to the canvass-app parser."""
    p = sub.add_parser("enroll", parents=[common], help="connect this device to a sync server with a one-time code")
    p.add_argument("--server", required=True, metavar="URL", help="the server's address, e.g. https://sync.example")
    p.add_argument("--code", required=True, help="the enrollment code your county lead made")
    p.add_argument("--label", help="a name for this device on the server (default: the computer's name)")
    p.add_argument("--ca", metavar="FILE",
                   help="PEM CA certificate(s) your county lead gave you, trusted instead of the system's for this "
                        "server (kept for every later sync)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_enroll)

    p = sub.add_parser("sync", parents=[common], help="send pending changes, then fetch the server's changes")
    p.add_argument("--attempts", type=int, default=3, help="tries per batch before giving up (default 3)")
    p.add_argument("--batch-ops", type=int, default=batches.MAX_OPS, help=argparse.SUPPRESS)
    p.add_argument("--watch", action="store_true",
                   help="keep running: sync whenever the server is reachable and something waits (Ctrl-C stops)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_sync)

    p = sub.add_parser("status", parents=[common], help="pending changes, last sync, device and server")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_status)
