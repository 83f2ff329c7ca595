"""A candidate's promises against their votes: each questionnaire answer on an adopted policy set beside every
roll call of theirs scored against that policy, vote by vote (docs/candidates.md). Shared by the server's
`candidates show` and the app, so both say the same.

A vote *kept* the promise when it went the way the candidate promised (promised support and voted the aligned
option, or promised to oppose and voted the other of yes/no); it *broke* it when it went the other way; an absence
or another option ("other", "paired", ...) is *no_vote*: neither, and said so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

KEPT, BROKEN, NO_VOTE = "kept", "broken", "no_vote"


@dataclass(frozen=True)
class PromiseCheck:
    brief_slug: str
    brief_title: str
    promised: str  # support or oppose
    bill: str
    session: str
    date: str
    motion: str
    option: str  # the vote as recorded: yes, no, absent, other, ...
    counts_as: str  # aligned, against, absent, other (on the scorecard)
    verdict: str  # kept, broken, no_vote

    def plain(self) -> str:
        """The verdict in one English sentence (the app says it in the person's language from the fields)."""
        when = f"on {self.bill} ({self.motion or 'roll call'}, {self.date[:10]})"
        promise = f"promised to {self.promised} {self.brief_title}"
        if self.verdict == KEPT:
            return f"Kept the promise: {promise} and voted {self.option} {when}."
        if self.verdict == BROKEN:
            return f"Broke the promise: {promise} but voted {self.option} {when}."
        return f"Did not vote: {promise}; recorded as {self.option} {when}."

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"plain": self.plain()}


def verdict(promised: str, counts_as: str) -> str:
    """kept, broken or no_vote for a promise (support/oppose) and what the vote counts as on the scorecard."""
    if counts_as not in ("aligned", "against"):
        return NO_VOTE
    return KEPT if (promised == "support") == (counts_as == "aligned") else BROKEN


def compare(answers: Iterable[Mapping[str, Any]], votes: Iterable[Mapping[str, Any]]) -> list[PromiseCheck]:
    """Every scored vote on a policy the candidate answered, oldest first. `answers`: {brief_slug, answer}
    (support or oppose); `votes`: scorecard votes (wire.ScorecardVote fields). Votes on policies the
    questionnaire did not ask about are left out."""
    promised = {str(a["brief_slug"]): str(a["answer"]) for a in answers}
    checks = [
        PromiseCheck(str(v["brief_slug"]), str(v.get("brief_title") or v["brief_slug"]), promised[v["brief_slug"]],
                     str(v["bill"]), str(v.get("session") or ""), str(v.get("date") or ""),
                     str(v.get("motion") or ""), str(v["option"]), str(v["counts_as"]),
                     verdict(promised[v["brief_slug"]], str(v["counts_as"])))
        for v in votes if v["brief_slug"] in promised
    ]
    return sorted(checks, key=lambda c: (c.date, c.bill, c.brief_slug))


def summary(checks: Iterable[PromiseCheck]) -> dict[str, int]:
    """How many votes kept, broke, or did not answer the promises."""
    counts = {KEPT: 0, BROKEN: 0, NO_VOTE: 0}
    for check in checks:
        counts[check.verdict] += 1
    return counts
