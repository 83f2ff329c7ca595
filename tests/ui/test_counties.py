"""Several counties in one data directory: the window's county box, pages that follow it, and no restart after a
first-run import or after data arrives."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.store.database import Store
from canvass_app.store.models import County, Turf
from canvass_app.ui import settings
from canvass_app.ui.app import current_county
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.cut_dialog import CutDialog
from canvass_app.ui.dialogs.import_dialog import ImportDialog
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.pages.contacts import ContactsPage
from canvass_app.ui.pages.turfs import TurfsPage
from canvass_app.ui.pages.walk import WalkPage
from canvass_app.ui.tasks import TaskRunner

HEADER = ["Voter ID", "First Name", "Last Name", "Street #", "Street", "Type", "City", "ST", "Zip", "Precinct Code"]


def voter_file(path: Path, prefix: str, voters: int, street: str) -> Path:
    """A county lead's CSV: two voters a door, two precincts."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(voters):
            w.writerow([f"{prefix}{i:05d}", "Ann", f"Lee{i}", str(100 + i // 2), street, "St", "Town", "NC", "27601",
                        f"P{i // 2 % 2}"])
    return path


def idle(ctx: AppContext, qtbot: QtBot) -> None:
    """Until queued work has finished and what it brought back has reached the widgets (results may queue more)."""
    for _ in range(3):
        qtbot.waitUntil(lambda: ctx.runner.wait(50), timeout=30000)
        QCoreApplication.processEvents()


def import_through_the_dialog(qtbot: QtBot, ctx: AppContext, window: MainWindow, path: Path, county: str) -> None:
    """What a county lead does: File > Import, the file, the county, Import…, read the summary, Confirm."""
    dialog = ImportDialog(ctx, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.looked, timeout=20000):
        dialog.set_file(path)
    dialog.county_edit.setText(county)
    dialog.state_edit.setText("NC")
    with qtbot.waitSignal(dialog.reviewed, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.finished_import, timeout=60000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    dialog.close()
    idle(ctx, qtbot)


def cut_by_precinct(qtbot: QtBot, page: TurfsPage, monkeypatch: pytest.MonkeyPatch) -> CutDialog:
    """Cut turfs…, one turf per precinct, OK; the dialog shown is returned."""
    shown: list[CutDialog] = []

    def choose(dialog: CutDialog) -> int:
        shown.append(dialog)
        dialog.by_precinct.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(CutDialog, "exec", choose)
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        qtbot.mouseClick(page.cut_button, Qt.MouseButton.LeftButton)
    return shown[0]


@pytest.fixture
def fresh(qapp: object, store: Store) -> Iterator[AppContext]:
    """A new data directory after the first-run wizard's "Work offline": a store with no county yet."""
    context = AppContext(store=store, runner=TaskRunner())
    context.set_county(current_county(store))
    yield context
    context.runner.wait(30000)


@pytest.fixture
def window(qtbot: QtBot, fresh: AppContext) -> MainWindow:
    w = MainWindow(fresh)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    idle(fresh, qtbot)
    return w


def voters_shown(window: MainWindow) -> str:
    page = window.pages["contacts"]
    assert isinstance(page, ContactsPage)
    return page.count_label.text()


def test_first_run_import_then_cut_without_a_restart(qtbot: QtBot, fresh: AppContext, window: MainWindow,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fresh.county == "" and window.county_box.count() == 0
    assert window.county_label.text() == "County: none loaded"
    import_through_the_dialog(qtbot, fresh, window, voter_file(tmp_path / "durham.csv", "D", 40, "Oak"), "Durham")
    assert (fresh.county, window.county_box.currentText()) == ("Durham, NC", "Durham NC")
    assert window.county_label.text() == "County: Durham NC"
    assert window.windowTitle() == "Canvass — Durham NC"
    assert voters_shown(window) == "40 voters"
    turfs = window.show_page("turfs")
    assert isinstance(turfs, TurfsPage)
    dialog = cut_by_precinct(qtbot, turfs, monkeypatch)
    assert "Durham NC" in dialog.findChildren(type(window.county_label))[0].text()
    assert turfs.model.rowCount() == 2
    assert {turfs.model.turf(r).county for r in range(2)} == {"Durham"}
    assert settings.COUNTY.get() == "Durham, NC"  # the next start opens on it


def test_a_second_county_is_imported_chosen_and_cut(qtbot: QtBot, fresh: AppContext, window: MainWindow,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_through_the_dialog(qtbot, fresh, window, voter_file(tmp_path / "durham.csv", "D", 40, "Oak"), "Durham")
    turfs = window.pages["turfs"]
    assert isinstance(turfs, TurfsPage)
    cut_by_precinct(qtbot, turfs, monkeypatch)
    import_through_the_dialog(qtbot, fresh, window, voter_file(tmp_path / "wake.csv", "W", 12, "Elm"), "Wake")
    assert [window.county_box.itemText(i) for i in range(window.county_box.count())] == ["Durham NC", "Wake NC"]
    assert window.county_box.currentText() == "Wake NC"  # the county just imported, ready to cut
    assert voters_shown(window) == "12 voters"
    assert turfs.model.rowCount() == 0  # Durham's turfs are not Wake's
    cut_by_precinct(qtbot, turfs, monkeypatch)
    assert turfs.model.rowCount() == 2
    with fresh.store.session() as s:
        counts = {name: len(s.scalars(select(Turf).join(County).where(County.name == name)).all())
                  for name in ("Durham", "Wake")}
    assert counts == {"Durham": 2, "Wake": 2}

    # Back to Durham in the box: every page shows Durham again.
    window.county_box.setFocus()
    qtbot.keyClick(window.county_box, Qt.Key.Key_Up)  # a person stepping through the box's choices
    idle(fresh, qtbot)
    assert fresh.county == "Durham, NC"
    assert voters_shown(window) == "40 voters"
    assert {turfs.model.turf(r).county for r in range(turfs.model.rowCount())} == {"Durham"}
    walk = window.pages["walk"]
    assert isinstance(walk, WalkPage)
    walk.all_turfs.setChecked(True)
    idle(fresh, qtbot)
    listed = [walk.turf_box.itemText(i) for i in range(1, walk.turf_box.count())]
    assert len(listed) == 2 and all(turfs.model.turf(0).list_number[:2] in t for t in listed)
    assert sorted(t.split(" — ")[0] for t in listed) == sorted(turfs.model.turf(r).list_number for r in range(2))


def test_data_that_arrives_later_is_shown_without_a_restart(qtbot: QtBot, fresh: AppContext, window: MainWindow,
                                                            tmp_path: Path) -> None:
    """As after enrolling: the first pull brings the county while the window is open (data_changed "sync")."""
    from canvass_app.voters.importer import import_voter_file

    assert voters_shown(window) == "0 voters"
    with fresh.store.session() as s:  # what the pull writes, on the database thread in the app
        import_voter_file(s, voter_file(tmp_path / "orange.csv", "O", 8, "Pine"), county="Orange", state="NC",
                          layout="generic")
    fresh.events.data_changed.emit("sync")
    idle(fresh, qtbot)
    assert window.county_box.currentText() == "Orange NC"
    assert voters_shown(window) == "8 voters"


def test_the_window_opens_on_the_county_chosen_last_time(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from canvass_app.voters.importer import import_voter_file

    with store.session() as s:
        for name, prefix in (("Alamance", "A"), ("Bertie", "B")):
            import_voter_file(s, voter_file(tmp_path / f"{name}.csv", prefix, 4, "Oak"), county=name, state="NC",
                              layout="generic")
    settings.COUNTY.set("bertie, nc")
    assert current_county(store) is not None and current_county(store).label == "Bertie NC"  # type: ignore[union-attr]
    settings.COUNTY.set("Gone, NC")
    assert current_county(store).label == "Alamance NC"  # type: ignore[union-attr]
    settings.COUNTY.reset()
