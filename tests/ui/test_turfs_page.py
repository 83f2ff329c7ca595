"""The Turfs & Walk Lists page over a real store: table model, cutting, hand-out, preview, save and print."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from helpers.printing import print_to_file
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canvass_app.store.models import County, OutboxOp
from canvass_app.turfs import cutting
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.cut_dialog import CutDialog
from canvass_app.ui.dialogs.print_dialog import print_pdf
from canvass_app.ui.models.turf_table_model import TurfTableModel
from canvass_app.ui.pages.turfs import TurfsPage


def demo_county(ctx: AppContext, voters: int = 400) -> None:
    """The demo county through the real importer, without its turfs, so the page cuts them."""
    from canvass_app import demo
    from canvass_app.voters.importer import import_voter_file

    with tempfile.TemporaryDirectory() as tmp:
        path = demo.write_demo_file(Path(tmp) / "voters.csv", voters=voters, seed=3)
        with ctx.store.session() as s:
            import_voter_file(s, path, county=demo.DEMO_COUNTY, state=demo.DEMO_STATE, layout="generic")


def wait_idle(ctx: AppContext, qtbot: QtBot) -> None:
    """Until queued work has finished and its results have been delivered to the GUI thread."""
    qtbot.waitUntil(lambda: ctx.runner.wait(50), timeout=30000)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()


def select_rows(page: TurfsPage, rows: list[int]) -> None:
    sel = page.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0),
                   QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_model_passes_qtmodeltester(ctx: AppContext, qtmodeltester: object) -> None:
    demo_county(ctx)
    with ctx.store.session() as s:
        county = s.scalar(select(County))
        assert county is not None
        rows = cutting.cut_by_doors(s, county.id, 40)
    model = TurfTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == len(rows) > 3
    assert model.index(0, 0).data() == "T-0001"


def test_cut_assign_check_out_preview_save_and_print(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    demo_county(ctx)
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    wait_idle(ctx, qtbot)
    assert page.model.rowCount() == 0

    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.cut("doors", 50)
    assert page.model.rowCount() >= 4
    doors = [page.model.turf(r).doors for r in range(page.model.rowCount())]
    assert sum(doors) > 0

    select_rows(page, [0, 1])
    assert page.selected_list_numbers() == ["T-0001", "T-0002"]
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.hand_out("assign", "Ana Ruiz")
    select_rows(page, [0])
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.hand_out("checkout")
    assert [(page.model.turf(r).assignee, page.model.turf(r).status) for r in (0, 1, 2)] == [
        ("Ana Ruiz", "checked out"), ("Ana Ruiz", "assigned"), (None, "available")]
    with ctx.store.session() as s:  # an install that never enrolled: cuts and hand-outs stay on this computer
        assert s.scalars(select(OutboxOp)).all() == []

    select_rows(page, [0])
    page.preview_selected()
    qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=30000)
    wait_idle(ctx, qtbot)
    assert page.pdf_path is not None
    pages = len(PdfReader(page.pdf_path).pages)
    assert page.preview.page_count() == pages >= 2
    assert page.preview.page_label.text() == f"Page 1 of {pages}"
    assert not page.preview.prev_button.isEnabled()
    first_image = page.preview.image.pixmap().toImage()
    page.preview.next_button.click()
    assert page.preview.page_label.text() == f"Page 2 of {pages}"
    assert not page.preview.image.pixmap().isNull()
    assert page.preview.image.pixmap().toImage() != first_image  # the second page is shown, not the first again

    out = tmp_path / "saved.pdf"
    page.page_size.setCurrentIndex(page.page_size.findData("a4"))
    with qtbot.waitSignal(page.pdf_ready, timeout=30000):
        page.write_pdf(["T-0002"], out)
    assert not page.progress.isVisible()
    first = PdfReader(out).pages[0]
    assert round(float(first.mediabox.width)) == 595
    assert "T-0002" in first.extract_text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_pdf(printer, out) == len(PdfReader(out).pages)
    assert len(PdfReader(printed).pages) == len(PdfReader(out).pages)


def test_refused_hand_out_changes_nothing(ctx: AppContext, qtbot: QtBot) -> None:
    demo_county(ctx, voters=200)
    with ctx.store.session() as s:
        county = s.scalar(select(County))
        assert county is not None
        cutting.cut_by_precinct(s, county.id)
        cutting.check_out(s, "T-0001", "Ben")
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    wait_idle(ctx, qtbot)
    failures: list[BaseException] = []
    page._fail = failures.append  # type: ignore[method-assign]  # no modal box in tests
    select_rows(page, [0, 1])
    page.hand_out("assign", "Ana")
    wait_idle(ctx, qtbot)
    qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    assert "checked out to Ben" in str(failures[0])
    with ctx.store.session() as s:
        listed = cutting.list_turfs(s)
    assert [(t.assignee, t.status) for t in listed[:2]] == [("Ben", "checked out"), (None, "available")]


def test_cut_by_hand_from_streets_chosen_in_the_dialog(ctx: AppContext, qtbot: QtBot,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from canvass_app.store.models import Household

    demo_county(ctx)
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    wait_idle(ctx, qtbot)
    shown: list[CutDialog] = []

    def choose_two_streets(dialog: CutDialog) -> int:  # what a county lead does in the dialog
        shown.append(dialog)
        dialog.streets.item(0).setSelected(True)
        dialog.streets.item(2).setSelected(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(CutDialog, "exec", choose_two_streets)
    with qtbot.waitSignal(page.turfs_loaded, timeout=30000):
        page.ask_cut()
    dialog = shown[0]
    assert dialog.by_hand.isChecked()
    chosen = [dialog.streets.item(i).data(Qt.ItemDataRole.UserRole) for i in (0, 2)]
    assert page.model.rowCount() == 1
    with ctx.store.session() as s:
        streets = set(s.scalars(select(Household.street_key).where(Household.turf_id.is_not(None))))
        free = cutting.free_streets(s, s.scalars(select(County.id)).one())
    assert streets == set(chosen)
    assert not {key for key, _ in free} & set(chosen)


def test_print_button_prints_the_selected_walk_lists_through_the_print_dialog(
        ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    demo_county(ctx, voters=200)
    with ctx.store.session() as s:
        county = s.scalar(select(County))
        assert county is not None
        cutting.cut_by_precinct(s, county.id)
    page = TurfsPage(ctx)
    qtbot.addWidget(page)
    wait_idle(ctx, qtbot)
    printed = tmp_path / "printed.pdf"
    print_to_file(monkeypatch, printed)
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    select_rows(page, [0])
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    pages = len(PdfReader(printed).pages) if printed.exists() else 0
    assert messages == [f"Sent {pages} pages to the printer."]
    assert pages >= 1
