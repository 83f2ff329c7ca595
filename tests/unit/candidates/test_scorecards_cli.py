"""Scorecards on the device: pulled cards listed, searched and sorted; `canvass-app scorecards print DISTRICT`
writes a district's one-page PDF (its text checked), and refuses a district it has no card for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.scorecard_items import CARDS, pull_cards
from pypdf import PdfReader

from canvass_app import i18n
from canvass_app.candidates.scorecards import list_scorecards
from canvass_app.cli.main import main
from canvass_app.store.database import Store


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    monkeypatch.setattr(i18n, "_current", None)


def test_pulled_cards_are_searched_and_sorted(store: Store):
    pull_cards(store)
    pull_cards(store, [CARDS[0] | {"district": "14"}])  # a district changed: the card follows
    with store.session() as s:
        assert [c.name for c in list_scorecards(s, sort="score", descending=True)] == [
            "Alice Alvarez", "Bob Brown", "Carmen Cruz"]  # no score sorts last either way
        assert [c.name for c in list_scorecards(s, sort="score")] == ["Bob Brown", "Alice Alvarez", "Carmen Cruz"]
        assert [c.name for c in list_scorecards(s, search="12")] == ["Bob Brown"]
        assert [c.name for c in list_scorecards(s, search="alv")] == ["Alice Alvarez"]
        assert [c.district for c in list_scorecards(s, sort="district")] == ["3", "12", "14"]
        votes = list_scorecards(s, search="alice")[0].votes
    assert [v["bill"] for v in votes] == ["HB 1", "HB 7", "SB 3", "HB 9"]


def test_scorecards_commands(store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pull_cards(store)
    store.close()
    assert main(["--data-dir", str(data_dir), "scorecards", "--json", "--sort", "score"]) == 0
    data = json.loads(capsys.readouterr().out)["scorecards"]
    assert [(c["id"], c["score"], c["absent"]) for c in data] == [
        ("ocd-person/bbbb", 0.0, 0), ("ocd-person/aaaa", 0.75, 1), ("ocd-person/cccc", None, 0)]
    out = tmp_path / "d12.pdf"
    assert main(["--data-dir", str(data_dir), "scorecards", "print", "12", "--out", str(out)]) == 0
    assert "Wrote the scorecard of district 12 (1 page" in capsys.readouterr().out
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for words in ("District 12", "Alice Alvarez — 75%", "Bob Brown — 0%", "2 aligned · 1 against · 1 absent · 0 other",
                  "HB 7", "Clean Water (counts double", "paired"):
        assert words in text, words
    assert "Carmen" not in text
    assert main(["--data-dir", str(data_dir), "scorecards", "print", "99", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "No official of district '99'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
