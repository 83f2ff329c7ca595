"""The Import dialog driven offscreen: detection, mapping with preview, import off the GUI thread, cancel, rejects."""

from __future__ import annotations

import csv
import multiprocessing
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from canvass_app.paths import private_dir
from canvass_app.store.models import Voter
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.import_dialog import ImportDialog
from canvass_app.voters import reading
from canvass_app.voters.importer import ImportCancelled

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


def _where(dialog: ImportDialog, county: str = "Wake", state: str = "NC") -> None:
    dialog.county_edit.setText(county)
    dialog.state_edit.setText(state)


def _review(qtbot: QtBot, dialog: ImportDialog) -> Any:
    with qtbot.waitSignal(dialog.reviewed, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def _import(qtbot: QtBot, dialog: ImportDialog) -> Any:
    """What a person does: Import…, read the summary, Confirm import."""
    plan = _review(qtbot, dialog)
    assert not dialog.review_box.isHidden(), plan
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_ncvoter_detected_imported_with_rejects_link(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, FIX / "ncvoter92.txt")
    assert "ncvoter" in dialog.detected.text()
    assert dialog.table.rowCount() == 67
    assert dialog.mapping()["ncid"] == "state_voter_id"
    assert dialog.table.item(3, 2).text() == "BN100001"  # the ncid column, first preview row
    assert dialog.county_edit.text() == ""  # never the open county ("Riverside, NC" here)
    assert not dialog.import_button.isEnabled()
    _where(dialog)
    assert dialog.import_button.isEnabled()
    result = _import(qtbot, dialog)
    assert (result.added, result.rejected) == (3, 2)
    assert "3 added" in dialog.summary.text()
    assert "Open the rejects file" in dialog.summary.text()
    assert result.rejects_path.exists()
    # rejected rows are plaintext voter data: in this account's private folder (0700), which a wipe removes
    assert result.rejects_path.is_relative_to(private_dir(ctx.store.data_dir))
    assert result.rejects_path.stat().st_mode & 0o077 == 0 and result.rejects_path.parent.stat().st_mode & 0o077 == 0
    assert "3 rows" in dialog.rate.text() or "5 rows" in dialog.rate.text()
    dialog.grab().save(str(tmp_path / "import_dialog.png"))
    assert _count(ctx) == 3


def test_unmapped_id_is_chosen_in_the_table(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _open(qtbot, ctx, FIX / "generic_custom_headers.csv")
    assert "Generic" in dialog.detected.text()
    _where(dialog)
    assert not dialog.import_button.isEnabled()
    assert "voter id" in dialog.hint.text()
    dialog.set_mapping_field("Elector Key", "state_voter_id")
    dialog.set_mapping_field("Given", "first_name")
    dialog.set_mapping_field("Family", "last_name")
    dialog.set_mapping_field("Domicile", "res_address")
    dialog.set_mapping_field("Post", "res_zip")
    assert dialog.import_button.isEnabled()
    assert _import(qtbot, dialog).added == 2
    # The mapping was saved: the same headers open already mapped.
    again = _open(qtbot, ctx, FIX / "generic_custom_headers.csv")
    assert again.mapping()["Elector Key"] == "state_voter_id"
    _where(again)
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
    _where(dialog)
    _review(qtbot, dialog)
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        dialog.confirm_button.click()
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
    monkeypatch.setattr(reading, "PROCESS_MIN_BYTES", 0)  # as for a file of 16 MB and more
    sent: list[int] = []
    real = reading.read_in_process

    def counted(spec: reading.ReadSpec, **options: Any) -> Iterator[reading.Chunk]:
        for chunk in real(spec, **options):
            sent.append(chunk.rows)
            yield chunk

    monkeypatch.setattr(reading, "read_in_process", counted)
    path = tmp_path / "county.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Residential Address", "Zip"])
        w.writerows([f"BIG{i}", "Bea", f"Big{i}", f"{i // 2 + 1} Long Rd", "27601"] for i in range(20_000))
    dialog = _open(qtbot, ctx, path)
    dialog.county_edit.setText("Big")
    dialog.state_edit.setText("NC")
    children_before = set(multiprocessing.active_children())
    result = _import(qtbot, dialog)
    assert (result.added, result.households, result.rejected) == (20_000, 10_000, 0)
    assert sum(sent) == 40_000  # every row came from the reading process, once for the summary and once to import
    assert "20,000 rows" in dialog.rate.text()
    assert set(multiprocessing.active_children()) <= children_before  # the reader has ended and been joined
    assert _count(ctx) == 20_000


GENERIC_HEADER = ["Voter ID", "First Name", "Last Name", "Street #", "Street", "Type", "Apt", "City", "ST", "Zip",
                  "Lang", "Precinct Name", "Precinct Code"]


def _generic(path: Path, n: int, *, start: int = 0) -> Path:
    """A county lead's own CSV: generic headers, two voters a door, two precincts."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(GENERIC_HEADER)
        for i in range(start, start + n):
            w.writerow([f"G{i:05d}", "Ann", f"Lee{i}", str(100 + i // 2), "Oak", "St", "", "Raleigh", "NC", "27601",
                        "es" if i % 3 else "en", f"Oak Hills {i // 2 % 2}", f"P{i // 2 % 2}"])
    return path


def _active(ctx: AppContext) -> int:
    with ctx.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(Voter).where(Voter.active.is_(True))) or 0)


def test_generic_headers_are_mapped_and_the_dialog_shows_them(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 6))
    mapping = dialog.mapping()
    assert (mapping["Street #"], mapping["Street"], mapping["Type"], mapping["ST"], mapping["Lang"]) == (
        "res_house_number", "res_street_name", "res_street_type", "res_state", "language")
    assert (mapping["Precinct Name"], mapping["Precinct Code"]) == ("precinct_name", "precinct")
    _where(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    shot = tmp_path / "import_dialog_generic.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


def test_enter_in_the_mapping_table_never_imports(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 6))
    _where(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.import_button.isEnabled()
    assert not any(b.isDefault() or b.autoDefault() for b in (dialog.import_button, dialog.confirm_button))
    # Edit a cell of "Imports as" and confirm it with Enter, as the person did.
    dialog.table.setCurrentCell(6, 1)  # Apt
    dialog.table.setFocus()
    dialog.table.editItem(dialog.table.item(6, 1))
    editor = dialog.table.focusWidget()
    assert editor is not None and editor is not dialog.table
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Enter)
    qtbot.keyClick(dialog.county_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert dialog.review_box.isHidden()  # not even the summary: nothing runs
    assert dialog.isVisible()
    assert _count(ctx) == 0
    # At the summary, Enter does not confirm either.
    _review(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Enter)
    qtbot.wait(300)
    assert _count(ctx) == 0
    assert not dialog.review_box.isHidden()


def test_import_is_disabled_until_required_fields_with_the_reason(qtbot: QtBot, ctx: AppContext,
                                                                  tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 4))
    assert not dialog.import_button.isEnabled()  # no county yet
    assert "county" in dialog.import_button.toolTip()
    _where(dialog)
    assert dialog.import_button.isEnabled()
    dialog.set_mapping_field("Street", "")
    assert not dialog.import_button.isEnabled()
    assert "no street name" in dialog.hint.text()
    assert "no street name" in dialog.import_button.toolTip()
    dialog.set_mapping_field("Street", "res_street_name")
    dialog.set_mapping_field("Voter ID", "")
    assert not dialog.import_button.isEnabled()
    assert "voter id" in dialog.hint.text()
    dialog.set_mapping_field("Voter ID", "state_voter_id")
    assert dialog.import_button.isEnabled()


def test_two_columns_on_one_field_are_warned_and_block(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 4))
    _where(dialog)
    dialog.set_mapping_field("Apt", "res_house_number")
    assert not dialog.import_button.isEnabled()
    assert "“Street #”, “Apt” all import as House number" in dialog.hint.text()
    dialog.set_mapping_field("Apt", "res_unit")
    assert dialog.import_button.isEnabled()


def test_a_precinct_name_without_a_code_is_warned(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 4))
    _where(dialog)
    dialog.set_mapping_field("Precinct Code", "")
    assert "a cut by precinct will make one turf" in dialog.hint.text()
    assert "Precinct Name" in dialog.hint.text()
    assert dialog.import_button.isEnabled()  # a warning, not a block


def test_summary_first_cancel_changes_nothing_confirm_imports_undo_restores(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    from canvass_app.turfs import cutting

    dialog = _open(qtbot, ctx, _generic(tmp_path / "county.csv", 40))
    _where(dialog)
    assert _import(qtbot, dialog).added == 40
    with ctx.store.session() as s:
        assert len(cutting.cut_by_precinct(s, cutting.find_county(s, "Wake", "NC").id)) == 2
    # The wrong file for this county: 10 of its 40 voters.
    dialog = _open(qtbot, ctx, _generic(tmp_path / "wrong.csv", 10, start=100))
    _where(dialog)
    plan = _review(qtbot, dialog)
    assert (plan.added, plan.updated, plan.unchanged, plan.inactivated) == (10, 0, 0, 40)
    assert (plan.turfs_affected, plan.doors_leaving_turfs, plan.turfs_emptied) == (2, 20, 2)
    text = dialog.review_label.text()
    assert "Nothing has changed yet" in text
    assert "To be marked inactive" in text and "40" in text and "100% of the 40 active voters" in text
    assert "2 turfs lose 20 doors (2 left empty)" in text
    dialog.resize(1000, 760)
    assert dialog.grab().save(str(tmp_path / "import_review.png"))
    assert _count(ctx) == 40 and _active(ctx) == 40  # the summary changed nothing
    # So many inactive needs a tick as well as Confirm.
    assert not dialog.risk_check.isHidden()
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)  # Cancel
    assert dialog.review_box.isHidden()
    assert _count(ctx) == 40 and _active(ctx) == 40
    # Changing the mapping after a summary makes it stale: it must be seen again.
    _review(qtbot, dialog)
    dialog.set_mapping_field("Lang", "")
    assert dialog.review_box.isHidden()
    dialog.set_mapping_field("Lang", "language")
    _review(qtbot, dialog)
    dialog.risk_check.setChecked(True)
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert (blocker.args[0].added, blocker.args[0].inactivated) == (10, 40)
    assert "40 marked inactive" in dialog.summary.text()
    assert _active(ctx) == 10
    # Undo the last import: all 40 active again, the 10 gone.
    qtbot.waitUntil(dialog.undo_button.isEnabled)
    assert "wrong.csv" in dialog.undo_button.toolTip()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "wrong.csv" in dialog.review_label.text()
    with qtbot.waitSignal(dialog.undone, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].removed == 10
    assert _count(ctx) == 40 and _active(ctx) == 40
    with ctx.store.session() as s:
        assert [t.doors for t in cutting.list_turfs(s)] == [10, 10]
