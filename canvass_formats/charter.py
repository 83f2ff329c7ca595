"""The alliance's charter rule: a brief that conflicts with a Secured Right can never be adopted."""

from __future__ import annotations

from collections.abc import Sequence

# What the DB-level guard (migration 0004's triggers) raises; the service checks first, with a fuller reason.
# (Kept short: the guard's SQL repeats it.)
DB_GUARD_MESSAGE = "charter: a brief that conflicts with a Secured Right cannot be adopted"


class CharterViolation(Exception):
    """The store refused a change because it would break the charter; the message is for people."""


def charter_violation(status: str, conflicts: Sequence[str]) -> str | None:
    """The reason a brief with this status and these declared conflicts breaks the charter, or None."""
    if status == "adopted" and conflicts:
        names = ", ".join(conflicts)
        return (
            f"cannot be adopted: it declares a conflict with the Secured Right(s) {names}, "
            "and the charter says no adopted policy may violate a Secured Right"
        )
    return None


def check_charter(title: str, status: str, conflicts: Sequence[str]) -> None:
    """Raise CharterViolation naming the brief when status and conflicts break the charter."""
    reason = charter_violation(status, conflicts)
    if reason:
        raise CharterViolation(f"{title!r} {reason}.")
