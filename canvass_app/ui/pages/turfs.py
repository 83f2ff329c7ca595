"""The Turfs & Walk Lists page: the current county's turfs with their progress, cut dialog, assign / check out /
return, PDF preview, print, save."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from canvass_app.contacts.listing import TurfFigures, turfs_figures
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.paths import private_dir
from canvass_app.turfs import cutting, walklist_pdf
from canvass_app.turfs.cutting import TurfSummary
from canvass_app.turfs.members import MemberChoice, assignable_members
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.cut_dialog import CutDialog
from canvass_app.ui.dialogs.import_dialog import ImportDialog
from canvass_app.ui.dialogs.print_dialog import ask_and_print
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.models.turf_table_model import COLUMNS, TurfTableModel
from canvass_app.ui.roles import ROLE_NAMES, may_assign, may_cut, may_import
from canvass_app.ui.tasks import TaskControl
from canvass_app.ui.widgets.pdf_preview import PdfPreview, render_pages


class TurfsPage(QWidget):
    """Cut, hand out and print turfs. Every store action runs through the task runner, off the GUI thread."""

    pdf_ready = Signal(str)  # path of the freshly written PDF
    turfs_loaded = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("TurfsPage")
        self.texts.bind(self.setAccessibleName, QT_TRANSLATE_NOOP("TurfsPage", "Turfs & Walk Lists"))
        self._tmp = tempfile.TemporaryDirectory(prefix="walklists-", dir=private_dir(ctx.store.data_dir))
        self.pdf_path: Path | None = None
        self.model = TurfTableModel(self)
        self._build()
        ctx.events.data_changed.connect(self._on_data_changed)
        ctx.events.county_changed.connect(lambda _county: self.refresh())
        ctx.events.signed_in.connect(self._show_actions)
        self._show_actions()
        self.refresh()

    # layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        bind = self.texts.bind
        self.import_button = QPushButton()
        bind(self.import_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "Import voter file…"))
        self.import_button.clicked.connect(self.open_import_dialog)
        self.cut_button = QPushButton()
        bind(self.cut_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Cut turfs…"))
        self.cut_button.clicked.connect(self.ask_cut)
        self.assign_button = QPushButton()
        bind(self.assign_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Assign…"))
        self.assign_button.clicked.connect(self.ask_assign)
        self.checkout_button = QPushButton()
        bind(self.checkout_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "Check &out"))
        self.checkout_button.clicked.connect(lambda: self.hand_out("checkout"))
        self.return_button = QPushButton()
        bind(self.return_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Return"))
        self.return_button.clicked.connect(lambda: self.hand_out("return"))
        top = QHBoxLayout()
        self.delete_button = QPushButton()
        bind(self.delete_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Delete turfs…"))
        bind(self.delete_button.setToolTip,
             QT_TRANSLATE_NOOP("TurfsPage", "Delete the selected turfs: their doors can be cut again"))
        self.delete_button.clicked.connect(self.ask_delete)
        for b in (self.import_button, self.cut_button, self.assign_button, self.checkout_button,
                  self.return_button, self.delete_button):
            top.addWidget(b)
        top.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("TurfsPage", "Turfs"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        name_column = [key for key, _title in COLUMNS].index("name")
        header.setSectionResizeMode(name_column, QHeaderView.ResizeMode.Stretch)  # the rest of the width; hover: all
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.preview_selected())

        self.page_size = QComboBox()
        self.page_size.addItem("", "letter")
        self.page_size.addItem("", "a4")
        bind(lambda text: self.page_size.setItemText(0, text), QT_TRANSLATE_NOOP("TurfsPage", "US Letter"))
        bind(lambda text: self.page_size.setItemText(1, text), QT_TRANSLATE_NOOP("TurfsPage", "A4"))
        bind(self.page_size.setAccessibleName, QT_TRANSLATE_NOOP("TurfsPage", "Paper size"))
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(settings.WALKLIST_PAGE_SIZE.get())))
        self.preview_button = QPushButton()
        bind(self.preview_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Preview"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button = QPushButton()
        bind(self.print_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "Print…"))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton()
        bind(self.save_button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Save as PDF…"))
        self.save_button.clicked.connect(self.ask_save)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        bind(self.progress.setAccessibleName, QT_TRANSLATE_NOOP("TurfsPage", "Walk list progress"))
        actions = QHBoxLayout()
        for w in (self.page_size, self.preview_button, self.print_button, self.save_button, self.progress):
            actions.addWidget(w)

        self.preview = PdfPreview(
            "TurfsPage", QT_TRANSLATE_NOOP("TurfsPage", "Select turfs and press Preview to see their walk lists."),
            QT_TRANSLATE_NOOP("TurfsPage", "Walk list preview"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        super().changeEvent(event)

    # helpers -------------------------------------------------------------------------------------------------
    def _county_finder(self) -> Callable[[Session], int]:
        """For a task: the current county's row (found by its name while the window has not resolved it yet)."""
        county_id, key = self.ctx.county_id, self.ctx.county

        def find(session: Session) -> int:
            if county_id is not None:
                return county_id
            name, _, state = key.partition(",")
            return cutting.find_county(session, name.strip(), state.strip() or None).id

        return find

    def selected_list_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.turf(r).list_number for r in rows]

    def _fail(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        if isinstance(exc, cutting.TurfError | ValueError | OSError):
            QMessageBox.warning(self, translate("TurfsPage", "Turfs"), str(exc))
        self.ctx.events.status_message.emit(str(exc))

    def _on_data_changed(self, what: str) -> None:
        if what in ("voters", "turfs", "contacts", "sync"):
            self.refresh()

    def _show_actions(self) -> None:
        """Only what the signed-in role may do: a canvasser's window offers no import, cut or assign."""
        role = self.ctx.role
        self.import_button.setVisible(may_import(role))
        for button in (self.cut_button, self.delete_button):
            button.setVisible(may_cut(role))
        self.assign_button.setVisible(may_assign(role))

    # actions -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The current county's turfs (every turf before the window has chosen a county), with their progress."""
        county_id = self.ctx.county_id

        def load(_control: TaskControl) -> tuple[list[TurfSummary], dict[int, TurfFigures]]:
            with self.ctx.store.session() as session:
                return (cutting.list_turfs(session, county_id=county_id),
                        turfs_figures(session, county_id=county_id))

        def done(result: tuple[list[TurfSummary], dict[int, TurfFigures]]) -> None:
            rows, figures = result
            self.model.set_rows(rows, figures)
            self.turfs_loaded.emit(len(rows))

        self.ctx.runner.run(load, on_done=done, on_error=self._fail)

    def open_import_dialog(self) -> None:
        dialog = ImportDialog(self.ctx, self)
        dialog.exec()
        self.refresh()

    def ask_cut(self) -> None:
        if not self.ctx.county:
            QMessageBox.information(self, translate("TurfsPage", "Cut turfs"), translate(
                "TurfsPage", "There is no county to cut yet: import a voter file first."))
            return

        county_of = self._county_finder()

        def streets(_control: TaskControl) -> list[tuple[str, int]]:
            with self.ctx.store.session() as session:
                return cutting.free_streets(session, county_of(session))

        def ask(choices: list[tuple[str, int]]) -> None:
            dialog = CutDialog(self.ctx.county_label, choices, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.cut(*dialog.choice())

        self.ctx.runner.run(streets, on_done=ask, on_error=self._fail)

    def cut(self, by: str, doors: int = 0, streets: list[str] | None = None) -> None:
        county_of = self._county_finder()

        me = self.ctx.me
        def work(_control: TaskControl) -> str:
            with self.ctx.store.session() as session:
                cid = county_of(session)
                if by == "hand":
                    made = cutting.cut_by_hand(session, cid, streets=streets or [], me=me)
                    return translate("TurfsPage", "Cut {number} by hand.").format(number=made.list_number)
                report = cutting.cut_county(session, cid, doors=doors if by == "doors" else None, me=me)
                return "\n".join([report.headline, *report.warnings])

        def done(message: str) -> None:
            headline, *warnings = message.split("\n")
            self.ctx.events.status_message.emit(headline)
            self.ctx.events.data_changed.emit("turfs")
            if warnings:
                QMessageBox.warning(self, translate("TurfsPage", "Check this cut"), "\n\n".join([headline, *warnings]))

        self.ctx.runner.run(work, on_done=done, on_error=self._fail)

    def ask_delete(self) -> None:
        """Delete the selected turfs after a confirmation; turfs with results or checked out need a second yes."""
        numbers = self.selected_list_numbers()
        if not numbers:
            return
        sure = QMessageBox.question(
            self, translate("TurfsPage", "Delete turfs"),
            translate("TurfsPage", "Delete {lists}? Their doors become free to cut again.").format(
                lists=", ".join(numbers)))
        if sure == QMessageBox.StandardButton.Yes:
            self.delete(numbers, force=False)

    def delete(self, numbers: list[str], *, force: bool) -> None:
        me = self.ctx.me
        def work(_control: TaskControl) -> str:
            with self.ctx.store.session() as session:
                return cutting.delete_turfs(session, numbers, force=force, me=me).headline

        def done(headline: str) -> None:
            self.ctx.events.status_message.emit(headline)
            self.ctx.events.data_changed.emit("turfs")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, cutting.TurfInUseError) and not force:
                again = QMessageBox.warning(
                    self, translate("TurfsPage", "Delete turfs in use?"),
                    str(exc) + "\n\n" + translate("TurfsPage", "Contact results are kept. Delete anyway?"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if again == QMessageBox.StandardButton.Yes:
                    self.delete(numbers, force=True)
                return
            self._fail(exc)

        self.ctx.runner.run(work, on_done=done, on_error=failed)

    def ask_assign(self) -> None:
        numbers = self.selected_list_numbers()
        if not numbers:
            return
        if self.ctx.me is None:  # an offline install: a name typed here stays on this computer
            name, ok = QInputDialog.getText(
                self, translate("TurfsPage", "Assign"),
                translate("TurfsPage", "Canvasser for {lists}:").format(lists=", ".join(numbers)))
            if ok and name.strip():
                self.hand_out("assign", name.strip())
            return

        def load(_control: TaskControl) -> list[MemberChoice]:
            with self.ctx.store.session() as session:
                return assignable_members(session)

        self.ctx.runner.run(load, on_done=lambda members: self._pick_member(numbers, members), on_error=self._fail)

    def _pick_member(self, numbers: list[str], members: list[MemberChoice]) -> None:
        """An enrolled lead gives turfs to a member of the county, chosen from the list the server sent."""
        if not members:
            QMessageBox.information(self, translate("TurfsPage", "Assign"), translate(
                "TurfsPage", "No canvassers in the member list yet: add them on the server, then sync."))
            return
        labels = [f"{m.name} — {translate('Roles', ROLE_NAMES.get(m.role, m.role))} (#{m.id})" for m in members]
        label, ok = QInputDialog.getItem(
            self, translate("TurfsPage", "Assign"),
            translate("TurfsPage", "Member for {lists}:").format(lists=", ".join(numbers)), labels, 0, False)
        if ok:
            self.hand_out("assign", str(members[labels.index(label)].id))

    def hand_out(self, action: str, canvasser: str | None = None) -> None:
        numbers = self.selected_list_numbers()

        me = self.ctx.me
        def work(_control: TaskControl) -> int:
            with self.ctx.store.session() as session:  # all selected turfs, or none
                for number in numbers:
                    if action == "assign":
                        cutting.assign(session, number, canvasser or "", me=me)
                    elif action == "checkout":
                        cutting.check_out(session, number, canvasser, me=me)
                    else:
                        cutting.return_turf(session, number, me=me)
            return len(numbers)

        def done(_n: int) -> None:
            self.ctx.events.data_changed.emit("turfs")

        if numbers:
            self.ctx.runner.run(work, on_done=done, on_error=self._fail)

    def write_pdf(self, numbers: list[str], out: Path, then: Any = None) -> None:
        """Write the walk lists of `numbers` to `out` off the GUI thread, with the progress bar showing."""
        size = str(self.page_size.currentData())

        def work(control: TaskControl) -> str:
            def progress(done: int, total: int, number: str) -> None:
                control.check()
                control.progress(done, total, number)

            with self.ctx.store.session() as session:
                walklist_pdf.write_walklists(session, numbers, out, pagesize=size, progress=progress)
            return str(out)

        def on_progress(done: int, total: int, _msg: str) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

        def done(path: str) -> None:
            self.progress.setVisible(False)
            self.pdf_ready.emit(path)
            if then is not None:
                then(Path(path))

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.ctx.runner.run(work, on_done=done, on_error=self._fail, on_progress=on_progress)

    def preview_selected(self) -> None:
        numbers = self.selected_list_numbers()
        if numbers:
            self.write_pdf(numbers, Path(self._tmp.name) / "preview.pdf", then=self._load_preview)

    def _load_preview(self, path: Path) -> None:
        self.pdf_path = path
        self.ctx.runner.run(lambda control: render_pages(path, control=control), on_done=self._show_preview,
                            on_error=self._fail, db=False)

    def _show_preview(self, images: list[QImage]) -> None:
        self.preview.set_images(images)

    def ask_save(self) -> None:
        numbers = self.selected_list_numbers()
        if not numbers:
            return
        name, _ = QFileDialog.getSaveFileName(self, translate("TurfsPage", "Save walk lists"),
                                              f"walklists-{numbers[0]}.pdf",
                                              translate("TurfsPage", "PDF files (*.pdf)"))
        if name:
            self.write_pdf(numbers, Path(name), then=lambda p: self.ctx.events.status_message.emit(
                translate("TurfsPage", "Saved {path}").format(path=p)))

    def ask_print(self) -> None:
        numbers = self.selected_list_numbers()
        if numbers:
            self.write_pdf(numbers, Path(self._tmp.name) / "print.pdf", then=lambda path: self._print(path, numbers))

    def _print(self, path: Path, numbers: list[str]) -> None:
        try:
            pages = ask_and_print(self, path, ", ".join(numbers))
        except OSError as exc:
            self._fail(exc)
            return
        if pages:
            message = translate("TurfsPage", "Sent {n} pages to the printer.")
            self.ctx.events.status_message.emit(message.format(n=number(pages)))
