"""The app shell: the window opens, every page is reachable by mouse and keyboard, geometry is remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvass_app import __version__
from canvass_app.ui.context import AppContext
from canvass_app.ui.main_window import PAGES, MainWindow


def make_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts go to the active window, as they do for a person
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_every_page_reachable_from_the_navigation(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Contacts", "Walk", "Turfs & Walk Lists", "Election Day", "Policy Briefs", "Candidates", "Sync"]
    for row, spec in enumerate(PAGES):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key() == spec.key
        assert window.stack.currentWidget().isAncestorOf(window.pages[spec.key])


def test_every_page_reachable_by_keyboard(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    for index, spec in reversed(list(enumerate(PAGES))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == spec.key


def test_status_bar_shows_county_data_dir_and_sync(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert window.county_label.text().startswith("County:")  # the county itself: tests/ui/test_counties.py
    assert ctx.store.data_dir.name in window.data_dir_label.text()
    assert window.data_dir_label.toolTip() == str(ctx.store.data_dir)
    assert window.sync_label.text().startswith("Sync:")
    assert window.windowTitle().startswith("Canvass")


def test_about_names_the_version(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert __version__ in window.about_text()


def test_geometry_is_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    window.resize(window.width(), 720)  # the offscreen screen is 800x800
    window.close()
    assert QSettings().value("main_window/geometry") is not None
    again = make_window(qtbot, ctx)
    assert again.height() == 720  # not the first-run default of 780


def test_the_window_fits_a_small_laptop_screen(qtbot: QtBot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024, hint
    assert hint.height() <= 740, hint


def test_file_menu_opens_the_import_dialog(qtbot: QtBot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from canvass_app.ui.dialogs.import_dialog import ImportDialog

    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "turfs"
    assert len(opened) == 1


def test_status_bar_shows_work_in_progress(qtbot: QtBot, ctx: AppContext) -> None:
    import threading

    window = make_window(qtbot, ctx)
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10000)  # the pages' first loads are done
    release = threading.Event()
    ctx.runner.run(lambda _control: release.wait(10))
    assert window.busy.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10000)
