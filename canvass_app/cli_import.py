"""`canvass-app import FILE --county NAME --state XX`: load a county's voter file, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from canvass_app.cli_common import CommandError, emit
from canvass_app.store import Store


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="import a county's voter file (a re-import updates it)")
    p.add_argument("file", type=Path, help="the voter file (ncvoter, Florida extract, or any CSV/TSV with a header)")
    p.add_argument("--county", required=True, help="county name, e.g. Wake")
    p.add_argument("--state", required=True, help="two-letter state, e.g. NC")
    p.add_argument("--layout", default="auto", choices=("auto", "ncvoter", "florida", "generic"))
    p.add_argument("--mapping", type=Path, help='JSON file of {"File header": "field"} for a generic file')
    p.add_argument("--rejects", type=Path, help="where to write the rejects CSV (default: beside the voter file, "
                   "never in the encrypted data directory)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_import)


def run_import(args: argparse.Namespace, store: Store) -> int:
    from canvass_app.import_mappings import load_mapping_file
    from canvass_app.importer import import_voter_file
    from canvass_app.voterfile import VoterFileError

    # Rejected rows hold voter data in plaintext, so they never go into the encrypted data dir: by default they
    # go beside the voter file they came from.
    rejects = args.rejects
    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        with store.session() as session:
            result = import_voter_file(session, args.file, county=args.county, state=args.state,
                                       layout=args.layout, mapping=mapping, rejects_path=rejects)
    except VoterFileError as exc:
        raise CommandError(f"{exc}") from exc
    emit(args, f"Imported {args.file}: {result.summary()}", {
        "file": str(args.file), "county": args.county, "state": args.state.upper(), "added": result.added,
        "updated": result.updated, "inactivated": result.inactivated, "rejected": result.rejected,
        "households": result.households, "layout": result.layout,
        "rejects_file": str(result.rejects_path) if result.rejects_path else None,
        "seconds": round(result.seconds, 2),
    })
    return 0
