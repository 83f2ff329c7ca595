"""The alliance's candidates on the device: `canvass-app candidates --json` sets each promise beside the official's
scored votes, vote by vote (checked against a truth computed from the pulled cards by plain comparison of the vote
with the aligned option); `canvass-app petition sign` queues one signature whose receipt the device finds
published at the next pull, and refuses what the server would refuse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.candidate_items import CANDIDATES, candidate, pull_candidates
from helpers.scorecard_items import CARDS, pull_cards
from sqlalchemy import select

from canvass_app import i18n
from canvass_app.cli.main import main
from canvass_app.store.database import Store
from canvass_app.store.models import OutboxOp
from canvass_protocol import wire


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    monkeypatch.setattr(i18n, "_current", None)


def truth(card: dict[str, Any], promised: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(date, bill, option, verdict) from the card's raw votes: a yes/no vote equal to the aligned option agrees
    with the policy; agreeing keeps a promise to support it and breaks a promise to oppose it."""
    rows = []
    for v in card["votes"]:
        if v["brief_slug"] not in promised:
            continue
        if v["option"] not in ("yes", "no"):
            verdict = "no_vote"
        else:
            agrees = v["option"] == v["aligned_option"]
            verdict = "kept" if agrees == (promised[v["brief_slug"]] == "support") else "broken"
        rows.append((v["date"], v["bill"], v["option"], verdict))
    return sorted(rows)


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_promises_are_set_beside_the_votes(store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]):
    pull_cards(store)
    pull_candidates(store)
    store.close()
    code, out, err = run(data_dir, capsys, "candidates", "--json")
    assert code == 0, err
    shown = {c["id"]: c for c in json.loads(out)["candidates"]}
    assert [c["name"] for c in json.loads(out)["candidates"]][:2] == ["Alice Alvarez", "Nia Newcomer"]  # mine first
    for cid, card in ((1, CARDS[0]), (3, CARDS[1])):
        promised = {q["brief_slug"]: q["answer"] for q in CANDIDATES[cid - 1]["questionnaire"]}
        got = sorted((r["date"], r["bill"], r["option"], r["verdict"]) for r in shown[cid]["record"])
        assert got == truth(card, promised), cid
    alice = shown[1]["record"]
    assert [r["verdict"] for r in alice] == ["kept", "broken", "broken", "no_vote"]
    assert alice[1]["plain"] == ("Broke the promise: promised to support Fair Wages but voted no on HB 7 "
                                 "(Third Reading, 2025-03-05).")
    assert shown[1]["record_summary"] == {"kept": 1, "broken": 2, "no_vote": 1}
    assert shown[2]["record"] == [] and shown[2]["scored"] is False  # a newcomer has no votes
    code, out, _ = run(data_dir, capsys, "candidates")
    assert "Broke the promise: promised to oppose Clean Water but voted yes on SB 3" in out


def test_signing_the_petition_once_and_seeing_the_receipt(store: Store, data_dir: Path,
                                                          capsys: pytest.CaptureFixture[str]):
    pull_candidates(store)
    store.close()
    code, out, err = run(data_dir, capsys, "petition", "sign", "1", "--json")
    assert code == 0, err
    signed = json.loads(out)
    assert signed["queued"] and signed["round"] == 1
    assert run(data_dir, capsys, "petition", "sign", "1")[2].strip() == (
        "canvass-app: petition not signed: you have already signed this petition")
    assert "only members of the candidate's district" in run(data_dir, capsys, "petition", "sign", "3")[2]
    assert "takes no signatures now" in run(data_dir, capsys, "petition", "sign", "2")[2]
    assert "sync first" in run(data_dir, capsys, "petition", "sign", "99")[2]
    with store.session() as s:
        [op] = s.scalars(select(OutboxOp).where(OutboxOp.op_type == "petition_sign")).all()
        payload = wire.PetitionSignPayload.model_validate(op.payload)  # names no one: the server says who
    assert (payload.candidate_id, payload.receipt) == (1, signed["receipt"])
    mine = json.loads(run(data_dir, capsys, "candidates", "--json")[1])["candidates"][0]
    assert mine["my_signature"]["status"] == "pending" and not mine["may_sign"]
    published = sorted(["0" * 64, signed["receipt"]])
    pull_candidates(store, [candidate(1, "Alice Alvarez", petition={"signatures": 4, "receipts": published})])
    store.close()
    mine = json.loads(run(data_dir, capsys, "candidates", "--json")[1])["candidates"][0]
    assert mine["my_signature"]["status"] == "verified" and mine["petition"]["signatures"] == 4
