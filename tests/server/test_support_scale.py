"""Migration 0011: the seeded support question reads the field's way (1 strong support - 5 strong oppose), and a
device that pulled the old wording receives the new one at its next pull."""

from __future__ import annotations

from typing import Any

from helpers.server import Device, migrate

from canvass_server import db as dbmod

OLD = "Support for the alliance's candidates and policies (1 strong oppose - 5 strong support)"
NEW = "Support for the alliance's candidates and policies (1 strong support - 5 strong oppose)"


def test_the_support_question_is_reworded_and_devices_pull_it(make_device: Any, database: dbmod.Database) -> None:
    dev: Device = make_device()
    assert [q["text"] for q in dev.pull_all("surveys")[0] if q["key"] == "support"] == [NEW]
    try:
        migrate(database, "0010")  # a server before the change: the seeded wording, pulled by the device
        items, cursor = dev.pull_all("surveys")
        assert [q["text"] for q in items if q["key"] == "support"] == [OLD]
        assert dev.pull_all("surveys", cursor)[0] == []
    finally:
        migrate(database, "head")
    changed, cursor = dev.pull_all("surveys", cursor)
    assert [(q["key"], q["text"]) for q in changed] == [("support", NEW)]
    assert dev.pull_all("surveys", cursor)[0] == []
