"""`canvass-app import FILE --county NAME --state XX`: load a county's voter file, headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from canvass_app.cli.common import CommandError, emit
from canvass_app.store.database import Store


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="import a county's voter file (a re-import updates it)")
    p.add_argument("file", type=Path, help="the voter file (ncvoter, Florida extract, or any CSV/TSV with a header)")
    p.add_argument("--county", required=True, help="county name, e.g. Wake")
    p.add_argument("--state", required=True, help="two-letter state, e.g. NC")
    p.add_argument("--layout", default="auto", choices=("auto", "ncvoter", "florida", "generic"))
    p.add_argument("--mapping", type=Path, help='JSON file of {"File header": "field"} for a generic file')
    p.add_argument("--rejects", type=Path, help="where to write the rejects CSV (default: the data directory's private "
                   "folder, readable by this account only and removed by a remote wipe)")
    p.add_argument("--yes", action="store_true",
                   help="import even when it marks more than 5%% of the county's active voters inactive")
    p.add_argument("--dry-run", action="store_true", help="print what the import would change, and change nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_import)


def _data(args: argparse.Namespace, result: Any) -> dict[str, Any]:
    return {
        "file": str(args.file), "county": args.county, "state": args.state.upper(), "added": result.added,
        "updated": result.updated, "unchanged": result.unchanged, "inactivated": result.inactivated,
        "active_before": result.active_before, "rejected": result.rejected, "households": result.households,
        "turfs_affected": result.turfs_affected, "doors_leaving_turfs": result.doors_leaving_turfs,
        "turfs_emptied": result.turfs_emptied, "layout": result.layout, "dry_run": result.dry_run,
        "rejects_file": str(result.rejects_path) if result.rejects_path else None,
        "seconds": round(result.seconds, 2),
    }


def run_import(args: argparse.Namespace, store: Store) -> int:
    from canvass_app.voters.importer import (
        INACTIVATE_LIMIT,
        ImportDeclined,
        ImportResult,
        import_voter_file,
        private_rejects_path,
    )
    from canvass_app.voters.mappings import load_mapping_file
    from canvass_formats.voterfile import VoterFileError

    # Rejected rows hold voter data in plaintext: by default into this account's private directory (0700), which
    # a remote wipe removes; --rejects puts them where the person says.
    rejects = args.rejects or private_rejects_path(store.data_dir, Path(args.file))

    def confirm(plan: ImportResult) -> bool:
        return args.yes or not plan.needs_yes

    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        with store.session() as session:
            result = import_voter_file(session, args.file, county=args.county, state=args.state,
                                       layout=args.layout, mapping=mapping, rejects_path=rejects, confirm=confirm,
                                       dry_run=args.dry_run)
    except ImportDeclined as declined:
        plan = declined.result
        if plan.dry_run:
            emit(args, f"Dry run, nothing changed. {args.file} would import into {plan.changes()}", _data(args, plan))
            return 0
        emit(args, f"Not imported: {args.file} would import into {plan.changes()}", _data(args, plan))
        raise CommandError(
            f"{args.file}: refusing to mark {plan.inactivated:,} of the {plan.active_before:,} active voters of "
            f"{plan.county}, {plan.state} inactive ({plan.inactivated_share:.0%}, more than "
            f"{INACTIVATE_LIMIT:.0%}); nothing was changed. Check the county and the file, and run again with "
            "--yes if this file is the whole county") from None
    except VoterFileError as exc:
        raise CommandError(f"{exc}") from exc
    emit(args, f"Imported {args.file} into {result.county}, {result.state}: {result.summary()}; "
               f"{result.turfs_text()}", _data(args, result))
    return 0
