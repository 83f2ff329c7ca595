"""Fits and finishes: the window on a small laptop, per-turf progress, turf names on hover, the whole walk-list page
in the preview, and a language switch that needs no restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.store.models import Household, Turf, Voter
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.settings_dialog import SettingsDialog
from canvass_app.ui.i18n import install_translations
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.models.turf_table_model import COLUMNS
from canvass_app.ui.pages.contacts import ContactsPage
from canvass_app.ui.pages.turfs import TurfsPage
from canvass_app.ui.pages.walk import WalkPage

SHOTS = Path("/tmp/shots")


def idle(ctx: AppContext, qtbot: QtBot) -> None:
    for _ in range(3):
        qtbot.waitUntil(lambda: ctx.runner.wait(50), timeout=30000)
        QCoreApplication.processEvents()


@pytest.fixture
def county(ctx: AppContext) -> AppContext:
    """The demo county (its 60-door turfs cut), as the window's county."""
    from canvass_app import demo

    demo.build_demo(ctx.store, voters=1200)
    return ctx


@pytest.fixture
def window(qtbot: QtBot, county: AppContext) -> Iterator[MainWindow]:
    w = MainWindow(county)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    idle(county, qtbot)
    yield w
    install_translations("en")


def column(key: str) -> int:
    return [k for k, _title in COLUMNS].index(key)


def shoot(window: MainWindow, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize(("width", "height", "seen"), [
    (1366, 768, ["Name", "Address", "Precinct", "Party", "Age", "Language", "Turf", "Last result", "Support"]),
    (1024, 768, ["Name", "Address"]),
])
def test_the_contacts_table_shows_its_key_columns(qtbot: QtBot, window: MainWindow, county: AppContext,
                                                   width: int, height: int, seen: list[str]) -> None:
    window.resize(width, height - 40)  # a task bar takes the rest
    idle(county, qtbot)
    page = window.pages["contacts"]
    assert isinstance(page, ContactsPage)
    assert window.width() <= width
    table = page.table
    visible = table.viewport().rect()
    header = table.horizontalHeader()
    shown = [str(page.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(page.model.columnCount())
             if visible.contains(QRect(header.sectionViewportPosition(c), 0, header.sectionSize(c), 1))]
    assert shown[:len(seen)] == seen
    scroll = window.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    assert scroll.horizontalScrollBar().maximum() == 0  # the page itself never scrolls sideways: the table does
    assert table.model().rowCount() > 0
    shoot(window, f"contacts-{width}x{height}")


def test_the_turfs_page_shows_progress_per_turf_after_contacts(qtbot: QtBot, window: MainWindow,
                                                               county: AppContext) -> None:
    window.resize(1366, 728)
    page = window.show_page("turfs")
    assert isinstance(page, TurfsPage)
    idle(county, qtbot)
    row = next(r for r in range(page.model.rowCount()) if page.model.turf(r).list_number == "T-0001")
    assert page.model.index(row, column("knocked")).data() == "0"
    with county.store.session() as s:
        turf = s.scalars(select(Turf).where(Turf.list_number == "T-0001")).one()
        voters = s.scalars(select(Voter).join(Household).where(Household.turf_id == turf.id, Voter.active.is_(True),
                                                               Voter.do_not_contact.is_(False),
                                                               Voter.deceased.is_(False))
                           .order_by(Voter.household_id, Voter.id)).all()
        first_door = [v for v in voters if v.household_id == voters[0].household_id]
        other = next(v for v in voters if v.household_id != voters[0].household_id)
        log_contact(s, first_door[0].id, "C", Survey(support=1), turf_id=turf.id)
        if len(first_door) > 1:
            log_contact(s, first_door[1].id, "NH", turf_id=turf.id)
        log_contact(s, other.id, "C", Survey(support=4), turf_id=turf.id)
        log_contact(s, other.id, "C", Survey(support=2), turf_id=turf.id)  # their latest support counts
    county.events.data_changed.emit("contacts")
    idle(county, qtbot)
    figures = [page.model.index(row, column(key)).data() for key in ("knocked", "contacted", "supporters")]
    assert figures == ["2", "2", "2"]
    name = page.model.index(row, column("name"))
    assert name.data(Qt.ItemDataRole.ToolTipRole) == f"T-0001 — {name.data()}"  # the whole name on hover

    walk = window.show_page("walk")
    assert isinstance(walk, WalkPage)
    walk.all_turfs.setChecked(True)
    idle(county, qtbot)
    index = walk.turf_box.findData(page.model.turf(row).id)
    label = walk.turf_box.itemText(index)
    assert label.startswith("T-0001 — ") and "2 knocked · 2 contacted · 2 support" in label
    assert walk.turf_box.itemData(index, Qt.ItemDataRole.ToolTipRole) == label
    walk.choose_turf(page.model.turf(row).id)
    qtbot.waitUntil(lambda: bool(walk.doors) and walk.idle(), timeout=10000)
    assert walk.turf_box.toolTip() == label  # the whole label on hover, however narrow the box
    shoot(window, "walk-progress-1366x768")


def test_the_preview_shows_the_whole_walk_list_page(qtbot: QtBot, window: MainWindow, county: AppContext) -> None:
    window.resize(1366, 728)
    page = window.show_page("turfs")
    assert isinstance(page, TurfsPage)
    idle(county, qtbot)
    page.table.selectRow(0)
    page.preview_selected()
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=30000)
    idle(county, qtbot)
    space = page.preview.area.viewport().size()
    width, height = page.preview.shown_size()
    assert 0 < width <= space.width() and 0 < height <= space.height()
    assert width == space.width() - 4 or height == space.height() - 4  # fitted: as large as the space allows
    assert page.preview.area.verticalScrollBar().maximum() == 0
    shoot(window, "turfs-preview-1366x768")
    page.preview.fit.setChecked(False)  # full size, to read the small print
    assert page.preview.shown_size()[1] > space.height()


def test_the_language_switch_applies_without_a_restart(qtbot: QtBot, window: MainWindow, county: AppContext,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1366, 728)
    window.show_page("turfs")
    dialog = SettingsDialog(county, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    QCoreApplication.processEvents()  # Qt posts the language change to every window
    try:
        assert [window.nav.item(i).text() for i in range(window.nav.count())][0] == "Contactos"
        assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Ir", "A&yuda"]
        assert window.county_label.text().startswith("Condado:")
        assert window.current_page_key() == "turfs"  # the same page, the same county
        assert county.county == "Riverside, NC"
        turfs = window.pages["turfs"]
        assert isinstance(turfs, TurfsPage)
        assert turfs.cut_button.text() != "&Cut turfs…"
        assert turfs.model.headerData(column("doors"), Qt.Orientation.Horizontal) == "Puertas"
        walk = window.pages["walk"]
        assert isinstance(walk, WalkPage)
        assert walk.actions_by_name["result_NH"].text() != "Not home"
        contacts = window.pages["contacts"]
        assert isinstance(contacts, ContactsPage)
        assert contacts.search.placeholderText() != "Search name, address, phone or voter id…"
        idle(county, qtbot)
        shoot(window, "turfs-spanish-1366x768")
    finally:
        settings.LANGUAGE.reset()
        install_translations("en")
        QCoreApplication.processEvents()
    assert window.nav.item(0).text() == "Contacts"
