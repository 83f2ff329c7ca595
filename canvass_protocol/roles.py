"""Who may pull what and send which op: the one table of role rules, read by the server (which enforces it)
and by the app (which offers only what the member's role allows). docs/sync-protocol.md prints the same table.

Each entry says how far a role reaches: "all" (every row the scope holds for the device's county or the
alliance), "own" (only what is the member's own: their turfs and the voters, households and voted status on them,
their own turf to return, their vote on a ballot whose electorate they are in, their signature on the recall
petition of a candidate of their district), or no entry at all (refused: `forbidden` on pull, `forbidden_role` for
an op).
"""

from __future__ import annotations

from typing import Literal

from canvass_protocol.wire import OP_TYPES, ROLES, SCOPES

Reach = Literal["all", "own"]

PULL: dict[str, dict[str, Reach]] = {
    "volunteer": {"rights": "all", "briefs": "all", "surveys": "all", "ballots": "own", "scorecards": "all",
                  "candidates": "all", "device": "own"},
    "canvasser": {"households": "own", "voters": "own", "voted": "own", "turfs": "own", "contacts": "own",
                  "rights": "all", "briefs": "all", "surveys": "all", "ballots": "own", "scorecards": "all",
                  "candidates": "all", "device": "own"},
    "county_lead": {"households": "all", "voters": "all", "voted": "all", "turfs": "all", "contacts": "all",
                    "members": "all", "rights": "all", "briefs": "all", "surveys": "all", "ballots": "own",
                    "scorecards": "all", "candidates": "all", "rides": "all", "device": "own"},
    "admin": {"households": "all", "voters": "all", "voted": "all", "turfs": "all", "contacts": "all",
              "members": "all", "rights": "all", "briefs": "all", "surveys": "all", "ballots": "own",
              "scorecards": "all", "candidates": "all", "rides": "all", "device": "own"},
}

OPS: dict[str, dict[str, Reach]] = {
    "volunteer": {"ballot_vote": "own", "petition_sign": "own"},
    # A canvasser's contacts, corrections and ride requests: voters on a turf they hold or have held (a late sync
    # still lands).
    "canvasser": {"contact_attempt": "own", "voter_correction": "own", "turf_assign": "own", "ballot_vote": "own",
                  "petition_sign": "own", "ride_request": "own"},
    "county_lead": {"contact_attempt": "all", "voter_correction": "all", "turf_cut": "all", "turf_assign": "all",
                    "turf_delete": "all", "ballot_vote": "own", "petition_sign": "own", "ride_request": "all",
                    "ride_update": "all"},
    "admin": {"contact_attempt": "all", "voter_correction": "all", "turf_cut": "all", "turf_assign": "all",
              "turf_delete": "all", "ballot_vote": "own", "petition_sign": "own", "ride_request": "all",
              "ride_update": "all"},
}

# Members a role may add, suspend or remove (in its own county; admins in any): the roles below its own.
MANAGES: dict[str, frozenset[str]] = {
    "volunteer": frozenset(),
    "canvasser": frozenset(),
    "county_lead": frozenset({"volunteer", "canvasser"}),
    "admin": frozenset(ROLES),
}

assert set(PULL) == set(OPS) == set(MANAGES) == set(ROLES)
assert all(set(scopes) <= set(SCOPES) for scopes in PULL.values())
assert all(set(ops) <= set(OP_TYPES) for ops in OPS.values())


def may_pull(role: str, scope: str) -> Reach | None:
    return PULL.get(role, {}).get(scope)


def may_send(role: str, op_type: str) -> Reach | None:
    return OPS.get(role, {}).get(op_type)
