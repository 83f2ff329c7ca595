"""A county's day through the real windows against the real server on loopback, as a new county lead and a new
canvasser would do it: import a generic CSV (summary confirmed), cut turfs, enroll, sync, assign a turf to a member
from the list, enroll the canvasser's device, walk ten doors with the keyboard, sync, and the lead sees the results.
A screenshot of the window after each step goes to $CANVASS_WALKTHROUGH_SHOTS (default: tmp_path/walkthrough)."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sync_harness import COUNTY, Server, local_count, pending  # noqa: E402

from canvass_app.store.database import Store  # noqa: E402
from canvass_app.ui.context import AppContext  # noqa: E402
from canvass_app.ui.dialogs.cut_dialog import CutDialog  # noqa: E402
from canvass_app.ui.dialogs.import_dialog import ImportDialog  # noqa: E402
from canvass_app.ui.main_window import MainWindow  # noqa: E402
from canvass_app.ui.models.turf_table_model import COLUMNS  # noqa: E402
from canvass_app.ui.pages.sync import SyncPage  # noqa: E402
from canvass_app.ui.pages.turfs import TurfsPage  # noqa: E402
from canvass_app.ui.pages.walk import WalkPage  # noqa: E402
from canvass_app.ui.tasks import TaskRunner  # noqa: E402
from canvass_server.enrollment import make_enrollment_code  # noqa: E402
from canvass_server.members import add_member  # noqa: E402
from canvass_server.voter_import import import_voters  # noqa: E402

HEADER = ["Voter ID", "First Name", "Last Name", "Street #", "Street", "Type", "City", "Zip", "Precinct Code"]
DOORS = 30  # two voters a door, on three streets, in two precincts


def voter_file(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for door in range(DOORS):
            street = ("Oak", "Elm", "Pine")[door % 3]
            for person, first in enumerate(("Ann", "Bob")):
                w.writerow([f"WK{door * 2 + person:05d}", first, f"Lee{door}", str(100 + door), street, "St",
                            "Raleigh", "27601", f"P{door % 2}"])
    return path


class Shots:
    """Numbered pictures for a person to look at: the main window after each step (01-import.png, ...), and the
    dialogs seen during a step beside it (01a-import-summary.png, ...)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.step = 0
        self.extra = 0
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, window: QWidget, name: str) -> None:
        self.step += 1
        self.extra = 0
        self._save(window, f"{self.step:02d}-{name}.png")

    def dialog(self, dialog: QWidget, name: str) -> None:
        self.extra += 1
        self._save(dialog, f"{self.step + 1:02d}{'abcdefgh'[self.extra - 1]}-{name}.png")

    def _save(self, widget: QWidget, file_name: str) -> None:
        QCoreApplication.processEvents()
        assert widget.grab().save(str(self.folder / file_name))


def when_modal(kind: type, act: Callable[[Any], None]) -> list[Any]:
    """Answer the next modal dialog of `kind` (opened with exec(), which blocks the click that opened it)."""
    seen: list[Any] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def idle(ctx: AppContext, qtbot: QtBot) -> None:
    for _ in range(3):
        qtbot.waitUntil(lambda: ctx.runner.wait(50), timeout=30000)
        QCoreApplication.processEvents()


@pytest.fixture
def open_window(qtbot: QtBot, make_store: Callable[[str], Store], tmp_path: Path) -> Iterator[Callable[[str],
                                                                                                      MainWindow]]:
    QCoreApplication.setOrganizationName("CanvassTests")
    QCoreApplication.setApplicationName("CanvassTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    windows: list[MainWindow] = []

    def open_one(name: str) -> MainWindow:
        win = MainWindow(AppContext(store=make_store(name), runner=TaskRunner()))
        qtbot.addWidget(win)
        win.resize(1366, 860)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield open_one
    for win in windows:
        win.pages["sync"].controller.stop()  # type: ignore[attr-defined]
        win.ctx.runner.wait(30000)


def enroll(qtbot: QtBot, window: MainWindow, url: str, code: str) -> SyncPage:
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.keyClicks(page.url_edit, url)
    qtbot.keyClicks(page.code_edit, code)
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Connected as" in page.enroll_result.text(), timeout=30000)
    synced(qtbot, window, page)
    return page


def synced(qtbot: QtBot, window: MainWindow, page: SyncPage) -> None:
    """Wait for the sync under way (or started by Sync now) to finish with nothing left to send."""
    qtbot.waitUntil(lambda: page.controller.status is not None and page.controller.status.enrolled
                    and page.controller.status.last_success_at is not None
                    and not page.controller.scheduler.running and pending(window.ctx.store) == 0, timeout=60000)
    idle(window.ctx, qtbot)


def sync_now(qtbot: QtBot, window: MainWindow) -> SyncPage:
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    before = page.controller.status.last_success_at if page.controller.status else None
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=60000)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.controller.status is not None and page.controller.status.last_success_at != before
                    and not page.controller.scheduler.running, timeout=60000)
    synced(qtbot, window, page)
    return page


def cell(page: TurfsPage, row: int, key: str) -> str:
    column = [k for k, _title in COLUMNS].index(key)
    return str(page.model.data(page.model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_a_county_day_from_import_to_results(qtbot: QtBot, server: Server, open_window: Callable[[str], MainWindow],
                                             tmp_path: Path) -> None:
    shots = Shots(Path(os.environ.get("CANVASS_WALKTHROUGH_SHOTS") or tmp_path / "walkthrough"))
    county, state = COUNTY["name"], COUNTY["state"]
    (tmp_path / "incoming").mkdir()  # the rejects file, if any, is written beside the voter file
    csv_file = voter_file(tmp_path / "incoming" / "wake-voters.csv")
    with server.database.session() as s:  # the host loads the same file and adds the canvasser to the county
        import_voters(s, csv_file, county=county, state=state)
        pat = add_member(s, county=county, state=state, name="Pat Diaz", role="canvasser")

    # 1. The new county lead imports the county's file through the Import dialog and confirms the summary.
    lead = open_window("lead")
    turfs = lead.show_page("turfs")
    assert isinstance(turfs, TurfsPage)

    def do_import(dialog: ImportDialog) -> None:
        with qtbot.waitSignal(dialog.looked, timeout=20000):
            dialog.set_file(csv_file)
        assert dialog.county_edit.text() == ""  # never guessed for a new file
        qtbot.keyClicks(dialog.county_edit, county)
        qtbot.keyClicks(dialog.state_edit, state)
        mapping = dialog.mapping()
        assert (mapping["Street #"], mapping["Street"], mapping["Precinct Code"]) == (
            "res_house_number", "res_street_name", "precinct")
        with qtbot.waitSignal(dialog.reviewed, timeout=30000) as review:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert review.args[0].added == DOORS * 2
        assert not dialog.review_box.isHidden()
        shots.dialog(dialog, "import-summary")
        with qtbot.waitSignal(dialog.finished_import, timeout=60000):
            qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        shots.dialog(dialog, "import-done")
        dialog.accept()

    imported = when_modal(ImportDialog, do_import)
    qtbot.mouseClick(turfs.import_button, Qt.MouseButton.LeftButton)
    assert imported
    idle(lead.ctx, qtbot)
    assert lead.ctx.county == f"{county}, {state}"
    assert local_count(lead.ctx.store, "SELECT count(*) FROM voter") == DOORS * 2
    shots(lead, "import")

    # 2. The lead enrolls this device (a code from the host) and syncs: the member list arrives. (Enrolled before the
    # cut: turfs cut before enrolling stay on this computer, see the report of issue 21's walkthrough.)
    enroll(qtbot, lead, server.url, server.code("county_lead"))
    assert local_count(lead.ctx.store, "SELECT count(*) FROM voter") == DOORS * 2  # the pull matched, no doubles
    shots(lead, "enroll-lead")

    # 3. Cut turfs of about fifteen doors: they reach the server at the next sync.
    def do_cut(dialog: CutDialog) -> None:
        dialog.by_doors.setChecked(True)
        dialog.doors.setValue(15)
        shots.dialog(dialog, "cut-dialog")
        dialog.accept()

    cut = when_modal(CutDialog, do_cut)
    qtbot.mouseClick(turfs.cut_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cut) and turfs.model.rowCount() > 0, timeout=30000)
    idle(lead.ctx, qtbot)
    n_turfs = turfs.model.rowCount()
    doors = sorted(int(cell(turfs, r, "doors")) for r in range(n_turfs))
    assert sum(doors) == DOORS and doors[-1] >= 10
    sync_now(qtbot, lead)
    assert server.count("SELECT count(*) FROM turf") == n_turfs
    lead.show_page("turfs")
    shots(lead, "cut")

    # 4. The lead gives the biggest turf to Pat, chosen from the member list, and syncs.
    lead.show_page("turfs")
    idle(lead.ctx, qtbot)
    row = max(range(n_turfs), key=lambda r: int(cell(turfs, r, "doors")))
    number = cell(turfs, row, "list_number")
    turfs.table.selectRow(row)
    assert turfs.assign_button.isVisible()

    def pick(dialog: QInputDialog) -> None:
        choices = dialog.comboBoxItems()
        assert any("Pat Diaz" in c for c in choices), choices
        dialog.setTextValue(next(c for c in choices if "Pat Diaz" in c))
        shots.dialog(dialog, "assign-member")
        dialog.accept()

    picked = when_modal(QInputDialog, pick)
    qtbot.mouseClick(turfs.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(picked), timeout=30000)
    qtbot.waitUntil(lambda: "Pat" in cell(turfs, row, "assignee"), timeout=30000)
    sync_now(qtbot, lead)
    assert server.count(f"SELECT count(*) FROM turf_assignment a JOIN turf t ON t.id = a.turf_id "
                        f"WHERE t.list_number = '{number}' AND a.member_id = {pat.id}") >= 1
    lead.show_page("turfs")
    shots(lead, "assign")

    # 5. Pat enrolls their own device (a second store) with the code made for them, and syncs: their turf arrives.
    with server.database.session() as s:
        pat_code = make_enrollment_code(s, member_id=pat.id).code
    canvasser = open_window("pat")
    enroll(qtbot, canvasser, server.url, pat_code)
    assert canvasser.ctx.role == "canvasser"
    assert local_count(canvasser.ctx.store, "SELECT count(*) FROM turf") == 1
    walk = canvasser.show_page("walk")
    assert isinstance(walk, WalkPage)
    qtbot.waitUntil(lambda: any(walk.turf_box.itemText(i).startswith(number) for i in range(walk.turf_box.count())),
                    timeout=30000)
    if walk.turf_id is None:  # the picker opened on "every turf" while none was Pat's: Pat picks theirs
        walk.turf_box.setCurrentIndex(next(i for i in range(walk.turf_box.count())
                                           if walk.turf_box.itemText(i).startswith(number)))
    qtbot.waitUntil(lambda: bool(walk.doors) and walk.idle(), timeout=30000)
    assert walk.turf_box.currentText().startswith(number)
    shots(canvasser, "enroll-canvasser")

    # 6. Ten doors with the keyboard: support 2 (lean support) and a conversation, the other one out; nobody home (A).
    canvasser.activateWindow()
    walk.setFocus()
    qtbot.waitUntil(canvasser.isActiveWindow)
    first_door = walk.door.address if walk.door else ""
    for door in ["2CN>", "A"] * 5:
        for ch in door:
            if not canvasser.isActiveWindow():
                canvasser.activateWindow()
                qtbot.waitUntil(canvasser.isActiveWindow)
            qtbot.keyClick(walk, Qt.Key.Key_PageDown if ch == ">" else ch)
        qtbot.waitUntil(walk.idle, timeout=30000)
    idle(canvasser.ctx, qtbot)
    assert walk.progress is not None and walk.progress.doors_done == 10
    assert walk.door is not None and walk.door.address != first_door
    assert local_count(canvasser.ctx.store, "SELECT count(*) FROM contact_attempt") == 20
    shots(canvasser, "walk")

    # 7. Pat syncs: every result reaches the server, signed as Pat.
    sync_now(qtbot, canvasser)
    assert server.contacts() == 20
    assert server.count(f"SELECT count(*) FROM contact_attempt WHERE member_id = {pat.id}") == 20
    shots(canvasser, "canvasser-sync")

    # 8. The lead syncs and sees the results on the Turfs page and in Contacts.
    sync_now(qtbot, lead)
    assert local_count(lead.ctx.store, "SELECT count(*) FROM contact_attempt") == 20
    with lead.ctx.store.session() as s:
        canvassers = set(s.execute(text("SELECT canvasser FROM contact_attempt")).scalars())
    assert canvassers == {"Pat Diaz"}
    lead.show_page("turfs")
    idle(lead.ctx, qtbot)
    qtbot.waitUntil(lambda: cell(turfs, row, "knocked") == "10", timeout=30000)
    assert cell(turfs, row, "contacted") == "5"
    assert cell(turfs, row, "supporters") == "5"
    shots(lead, "lead-sees-results")
    lead.show_page("contacts")
    idle(lead.ctx, qtbot)
    shots(lead, "lead-contacts")
