"""The window follows who is signed in: a canvasser's offers no import, cut or assign; an enrolled county lead's
cuts number turfs in the device's own series and queue them, and hands turfs to members chosen from the list."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_turfs_page import demo_county, select_rows, wait_idle

from canvass_app.store.models import Member, OutboxOp
from canvass_app.sync.whoami import Person
from canvass_app.ui.context import AppContext
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.pages.turfs import TurfsPage


def test_a_canvassers_window_offers_no_import_cut_or_assign(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    turfs = window.pages["turfs"]
    assert isinstance(turfs, TurfsPage)
    assert turfs.cut_button.isVisibleTo(turfs) and window.import_action.isVisible()
    ctx.sign_in(Person("Pat Doe", "canvasser", 7, "T3-"))
    assert window.user_label.text() == "Signed in: Pat Doe (canvasser)"
    assert not window.import_action.isVisible() and not window.import_action.isEnabled()
    for button in (turfs.import_button, turfs.cut_button, turfs.assign_button, turfs.delete_button):
        assert not button.isVisibleTo(turfs), button.text()
    assert turfs.return_button.isVisibleTo(turfs)  # a canvasser gives back their own turf
    ctx.sign_in(Person("Vic", "volunteer", 8, "T4-"))
    assert window.user_label.text() == "Signed in: Vic (volunteer)"
    ctx.runner.wait()


def test_an_enrolled_lead_cuts_in_the_devices_series_and_assigns_a_member_from_the_list(
        ctx: AppContext, qtbot: QtBot) -> None:
    demo_county(ctx)
    with ctx.store.session() as s:
        s.add_all([Member(id=7, name="Pat Doe", role="canvasser", status="active"),
                   Member(id=9, name="Vic", role="volunteer", status="active")])
    ctx.sign_in(Person("Lee", "county_lead", 1, "T2-"))
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    wait_idle(ctx, qtbot)
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.cut("doors", 50)
    numbers = [page.model.turf(r).list_number for r in range(page.model.rowCount())]
    assert numbers[:2] == ["T2-0001", "T2-0002"]
    with ctx.store.session() as s:
        cuts = [op.payload for op in s.scalars(select(OutboxOp).where(OutboxOp.op_type == "turf_cut"))]
    assert [c["list_number"] for c in cuts] == numbers and all(c["lines"] for c in cuts)

    select_rows(page, [0])
    offered: list[str] = []

    def choose() -> None:  # the person picks Pat from the list the server sent (volunteers hold no turfs)
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        offered.extend(dialog.comboBoxItems())
        dialog.setTextValue(offered[0])
        dialog.accept()

    QTimer.singleShot(300, choose)
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.ask_assign()
    assert offered == ["Pat Doe — canvasser (#7)"]
    assert page.model.turf(0).assignee == "Pat Doe"
    with ctx.store.session() as s:
        sent = [op.payload for op in s.scalars(select(OutboxOp).where(OutboxOp.op_type == "turf_assign"))]
    assert [(a["list_number"], a["action"], a["member_id"]) for a in sent] == [("T2-0001", "assign", 7)]
