"""The Import dialog driven offscreen: detection, mapping with preview, import off the GUI thread, cancel, rejects."""

from __future__ import annotations

import csv
import multiprocessing
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from canvass_app import import_reading
from canvass_app.importer import ImportCancelled
from canvass_app.models import Voter
from canvass_app.ui.context import AppContext
from canvass_app.ui.import_dialog import ImportDialog

FIX = Path(__file__).parent.parent / "fixtures" / "voterfiles"


def _open(qtbot: QtBot, ctx: AppContext, path: Path) -> ImportDialog:
    copy = ctx.store.data_dir.parent / "incoming" / path.name  # the rejects CSV is written beside the file
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(path, copy)
    path = copy
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.looked, timeout=20000):
        dialog.set_file(path)
    return dialog


def _count(ctx: AppContext) -> int:
    with ctx.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Voter)) or 0)


def test_ncvoter_detected_imported_with_rejects_link(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, FIX / "ncvoter92.txt")
    assert "ncvoter" in dialog.detected.text()
    assert dialog.table.rowCount() == 67
    assert dialog.mapping()["ncid"] == "state_voter_id"
    assert dialog.table.item(3, 2).text() == "BN100001"  # the ncid column, first preview row
    assert dialog.county_edit.text() == "Riverside"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.import_button.click()
    result = blocker.args[0]
    assert (result.added, result.rejected) == (3, 2)
    assert "3 added" in dialog.summary.text()
    assert "Open the rejects file" in dialog.summary.text()
    assert result.rejects_path.exists()
    assert "3 rows" in dialog.rate.text() or "5 rows" in dialog.rate.text()
    dialog.grab().save(str(tmp_path / "import_dialog.png"))
    assert _count(ctx) == 3


def test_unmapped_id_is_chosen_in_the_table(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _open(qtbot, ctx, FIX / "generic_custom_headers.csv")
    assert "Generic" in dialog.detected.text()
    assert not dialog.import_button.isEnabled()
    assert "voter id" in dialog.hint.text()
    dialog.set_mapping_field("Elector Key", "state_voter_id")
    dialog.set_mapping_field("Given", "first_name")
    dialog.set_mapping_field("Family", "last_name")
    dialog.set_mapping_field("Domicile", "res_address")
    dialog.set_mapping_field("Post", "res_zip")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].added == 2
    # The mapping was saved: the same headers open already mapped.
    again = _open(qtbot, ctx, FIX / "generic_custom_headers.csv")
    assert again.mapping()["Elector Key"] == "state_voter_id"
    assert again.import_button.isEnabled()


def test_not_a_voter_file_is_said_plainly(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _open(qtbot, ctx, FIX / "binary.xlsx")
    assert "binary" in dialog.detected.text()
    assert not dialog.import_button.isEnabled()


def test_cancel_leaves_the_store_unchanged(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Address", "Zip"])
        w.writerows([f"X{i}", "Al", f"Long{i}", f"{i} Far Rd", "27601"] for i in range(30000))
    dialog = _open(qtbot, ctx, big)
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        dialog.import_button.click()
        assert dialog.cancel_button.isEnabled()
        assert not dialog.close_button.isEnabled()
        dialog.cancel_button.click()
    assert isinstance(blocker.args[0], ImportCancelled)
    assert "cancelled" in dialog.summary.text()
    assert _count(ctx) == 0
    assert dialog.import_button.isEnabled()


def test_big_file_is_read_in_a_second_process_from_the_gui(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading process is spawned from the task runner's worker thread; progress and the result arrive."""
    monkeypatch.setattr(import_reading, "PROCESS_MIN_BYTES", 0)  # as for a file of 16 MB and more
    sent: list[int] = []
    real = import_reading.read_in_process

    def counted(spec: import_reading.ReadSpec) -> Iterator[import_reading.Chunk]:
        for chunk in real(spec):
            sent.append(chunk.rows)
            yield chunk

    monkeypatch.setattr(import_reading, "read_in_process", counted)
    path = tmp_path / "county.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Residential Address", "Zip"])
        w.writerows([f"BIG{i}", "Bea", f"Big{i}", f"{i // 2 + 1} Long Rd", "27601"] for i in range(20_000))
    dialog = _open(qtbot, ctx, path)
    dialog.county_edit.setText("Big")
    dialog.state_edit.setText("NC")
    children_before = set(multiprocessing.active_children())
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        dialog.import_button.click()
    result = blocker.args[0]
    assert (result.added, result.households, result.rejected) == (20_000, 10_000, 0)
    assert sum(sent) == 20_000  # every row came from the reading process
    assert "20,000 rows" in dialog.rate.text()
    assert set(multiprocessing.active_children()) <= children_before  # the reader has ended and been joined
    assert _count(ctx) == 20_000
