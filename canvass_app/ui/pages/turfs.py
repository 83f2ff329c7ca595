"""The Turfs & Walk Lists page: turf table, cut dialog, assign / check out / return, PDF preview, print, save."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from canvass_app import turfs, walklist_pdf
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.turfs import TurfSummary
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate
from canvass_app.ui.import_dialog import ImportDialog
from canvass_app.ui.tasks import TaskControl

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = [
    ("list_number", QT_TRANSLATE_NOOP("TurfTableModel", "List")),
    ("name", QT_TRANSLATE_NOOP("TurfTableModel", "Turf")),
    ("precinct", QT_TRANSLATE_NOOP("TurfTableModel", "Precinct")),
    ("doors", QT_TRANSLATE_NOOP("TurfTableModel", "Doors")),
    ("people", QT_TRANSLATE_NOOP("TurfTableModel", "People")),
    ("assignee", QT_TRANSLATE_NOOP("TurfTableModel", "Assignee")),
    ("status", QT_TRANSLATE_NOOP("TurfTableModel", "Status")),
]
STATUSES = (QT_TRANSLATE_NOOP("TurfTableModel", "available"), QT_TRANSLATE_NOOP("TurfTableModel", "assigned"),
            QT_TRANSLATE_NOOP("TurfTableModel", "checked out"), QT_TRANSLATE_NOOP("TurfTableModel", "returned"))
PREVIEW_SCALE = 1.25


class TurfTableModel(QAbstractTableModel):
    """The turfs as the service lists them; the list is small (one row per turf), so it is held whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TurfSummary] = []

    def set_rows(self, rows: list[TurfSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def turf(self, row: int) -> TurfSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        value = getattr(self._rows[index.row()], COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.DisplayRole:
            if COLUMNS[index.column()][0] == "status":
                return translate("TurfTableModel", str(value))  # one of STATUSES
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return translate("TurfTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class CutDialog(QDialog):
    """Ask how to cut: one turf per precinct, turfs of about N doors, or one turf from streets chosen by hand."""

    def __init__(self, county: str, streets: list[tuple[str, int]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cut turfs"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Cut the households of {county} that are not in a turf yet.").format(
            county=county or self.tr("the county"))))
        self.by_precinct = QRadioButton(self.tr("One turf per &precinct"))
        self.by_doors = QRadioButton(self.tr("Turfs of about this many &doors:"))
        self.by_doors.setChecked(True)
        self.by_hand = QRadioButton(self.tr("One turf from the &streets chosen below"))
        group = QButtonGroup(self)
        group.addButton(self.by_precinct)
        group.addButton(self.by_doors)
        group.addButton(self.by_hand)
        self.doors = QSpinBox()
        self.doors.setRange(5, 2000)
        self.doors.setValue(60)
        self.doors.setAccessibleName(self.tr("Doors per turf"))
        self.streets = QListWidget()
        self.streets.setAccessibleName(self.tr("Streets for a turf cut by hand"))
        self.streets.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for key, doors in streets or []:
            item = QListWidgetItem(self.tr("{street} ({n} doors)").format(street=key, n=doors))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.streets.addItem(item)
        self.streets.itemSelectionChanged.connect(lambda: self.by_hand.setChecked(True))
        form.addRow(self.by_precinct)
        form.addRow(self.by_doors, self.doors)
        form.addRow(self.by_hand)
        form.addRow(self.streets)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, int, list[str]]:
        if self.by_hand.isChecked():
            return "hand", 0, [item.data(Qt.ItemDataRole.UserRole) for item in self.streets.selectedItems()]
        return ("precinct", 0, []) if self.by_precinct.isChecked() else ("doors", self.doors.value(), [])


def render_preview(pdf_path: Path, scale: float = PREVIEW_SCALE, control: TaskControl | None = None
                   ) -> list[QImage]:
    """Every page of a PDF as an image (safe off the GUI thread: QImage, not QPixmap)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = []
    try:
        for i in range(len(pdf)):
            if control is not None:
                control.check()
                control.progress(i + 1, len(pdf), "preview")
            pil = pdf[i].render(scale=scale).to_pil().convert("RGB")
            image = QImage(pil.tobytes(), pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: the bytes object goes away
    finally:
        pdf.close()
    return images


def print_pdf(printer: QPrinter, pdf_path: Path) -> int:
    """Send every page of the PDF to `printer`, rendered at the printer's resolution; returns pages printed."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise OSError(translate("TurfsPage", "The printer could not be started."))
    try:
        scale = printer.resolution() / 72.0
        for i in range(len(pdf)):
            if i:
                printer.newPage()
            pil = pdf[i].render(scale=scale).to_pil().convert("RGB")
            image = QImage(pil.tobytes(), pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
        return len(pdf)
    finally:
        painter.end()
        pdf.close()


class TurfsPage(QWidget):
    """Cut, hand out and print turfs. Every store action runs through the task runner, off the GUI thread."""

    pdf_ready = Signal(str)  # path of the freshly written PDF
    turfs_loaded = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setAccessibleName(self.tr("Turfs & Walk Lists"))
        self._tmp = tempfile.TemporaryDirectory(prefix="canvass-walklists-")
        self._images: list[QImage] = []
        self._shown = 0
        self.pdf_path: Path | None = None
        self.model = TurfTableModel(self)
        self._build()
        ctx.events.data_changed.connect(self._on_data_changed)
        self.refresh()

    # layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.import_button = QPushButton(self.tr("Import voter file…"))
        self.import_button.clicked.connect(self.open_import_dialog)
        self.cut_button = QPushButton(self.tr("&Cut turfs…"))
        self.cut_button.clicked.connect(self.ask_cut)
        self.assign_button = QPushButton(self.tr("&Assign…"))
        self.assign_button.clicked.connect(self.ask_assign)
        self.checkout_button = QPushButton(self.tr("Check &out"))
        self.checkout_button.clicked.connect(lambda: self.hand_out("checkout"))
        self.return_button = QPushButton(self.tr("&Return"))
        self.return_button.clicked.connect(lambda: self.hand_out("return"))
        top = QHBoxLayout()
        for b in (self.import_button, self.cut_button, self.assign_button, self.checkout_button,
                  self.return_button):
            top.addWidget(b)
        top.addStretch(1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Turfs"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.preview_selected())

        self.page_size = QComboBox()
        self.page_size.addItem(self.tr("US Letter"), "letter")
        self.page_size.addItem(self.tr("A4"), "a4")
        self.page_size.setAccessibleName(self.tr("Paper size"))
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(settings.WALKLIST_PAGE_SIZE.get())))
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.ask_save)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Walk list progress"))
        actions = QHBoxLayout()
        for w in (self.page_size, self.preview_button, self.print_button, self.save_button, self.progress):
            actions.addWidget(w)

        self.preview = QLabel(self.tr("Select turfs and press Preview to see their walk lists."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Walk list preview"))
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self.prev_button = QPushButton(self.tr("◀"))
        self.prev_button.setAccessibleName(self.tr("Previous page"))
        self.prev_button.clicked.connect(lambda: self.show_preview_page(self._shown - 1))
        self.next_button = QPushButton(self.tr("▶"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.next_button.clicked.connect(lambda: self.show_preview_page(self._shown + 1))
        self.page_label = QLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(nav)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._update_nav()

    # helpers -------------------------------------------------------------------------------------------------
    def _county(self) -> tuple[str, str | None]:
        name, _, state = self.ctx.county.partition(",")
        return name.strip(), state.strip() or None

    def selected_list_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.turf(r).list_number for r in rows]

    def _fail(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        if isinstance(exc, turfs.TurfError | ValueError | OSError):
            QMessageBox.warning(self, self.tr("Turfs"), str(exc))
        self.ctx.events.status_message.emit(str(exc))

    def _on_data_changed(self, what: str) -> None:
        if what in ("voters", "turfs"):
            self.refresh()

    # actions -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(_control: TaskControl) -> list[TurfSummary]:
            with self.ctx.store.session() as session:
                return turfs.list_turfs(session)

        def done(rows: list[TurfSummary]) -> None:
            self.model.set_rows(rows)
            self.turfs_loaded.emit(len(rows))

        self.ctx.runner.run(load, on_done=done, on_error=self._fail)

    def open_import_dialog(self) -> None:
        dialog = ImportDialog(self.ctx, self)
        dialog.exec()
        self.refresh()

    def ask_cut(self) -> None:
        county, state = self._county()

        def streets(_control: TaskControl) -> list[tuple[str, int]]:
            with self.ctx.store.session() as session:
                return turfs.free_streets(session, turfs.find_county(session, county, state).id)

        def ask(choices: list[tuple[str, int]]) -> None:
            dialog = CutDialog(self.ctx.county, choices, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.cut(*dialog.choice())

        self.ctx.runner.run(streets, on_done=ask, on_error=self._fail)

    def cut(self, by: str, doors: int = 0, streets: list[str] | None = None) -> None:
        county, state = self._county()

        def work(_control: TaskControl) -> list[TurfSummary]:
            with self.ctx.store.session() as session:
                cid = turfs.find_county(session, county, state).id
                if by == "hand":
                    return [turfs.cut_by_hand(session, cid, streets=streets or [])]
                return turfs.cut_by_precinct(session, cid) if by == "precinct" else turfs.cut_by_doors(
                    session, cid, doors)

        def done(made: list[TurfSummary]) -> None:
            self.ctx.events.status_message.emit(self.tr("Cut {n} turfs.").format(n=len(made)))
            self.ctx.events.data_changed.emit("turfs")

        self.ctx.runner.run(work, on_done=done, on_error=self._fail)

    def ask_assign(self) -> None:
        numbers = self.selected_list_numbers()
        if not numbers:
            return
        name, ok = QInputDialog.getText(self, self.tr("Assign"), self.tr("Canvasser for {lists}:").format(
            lists=", ".join(numbers)))
        if ok and name.strip():
            self.hand_out("assign", name.strip())

    def hand_out(self, action: str, canvasser: str | None = None) -> None:
        numbers = self.selected_list_numbers()

        def work(_control: TaskControl) -> int:
            with self.ctx.store.session() as session:  # all selected turfs, or none
                for number in numbers:
                    if action == "assign":
                        turfs.assign(session, number, canvasser or "")
                    elif action == "checkout":
                        turfs.check_out(session, number, canvasser)
                    else:
                        turfs.return_turf(session, number)
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

        def done(images: list[QImage]) -> None:
            self._images = images
            self.show_preview_page(0)

        self.ctx.runner.run(lambda control: render_preview(path, control=control), on_done=done,
                            on_error=self._fail, db=False)

    def show_preview_page(self, index: int) -> None:
        if not self._images:
            return
        self._shown = max(0, min(index, len(self._images) - 1))
        self.preview.setPixmap(QPixmap.fromImage(self._images[self._shown]))
        self._update_nav()

    def preview_page_count(self) -> int:
        return len(self._images)

    def _update_nav(self) -> None:
        n = len(self._images)
        self.page_label.setText(self.tr("Page {x} of {y}").format(x=self._shown + 1, y=n) if n else "")
        self.prev_button.setEnabled(n > 0 and self._shown > 0)
        self.next_button.setEnabled(n > 0 and self._shown < n - 1)

    def ask_save(self) -> None:
        numbers = self.selected_list_numbers()
        if not numbers:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save walk lists"), f"walklists-{numbers[0]}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if name:
            self.write_pdf(numbers, Path(name), then=lambda p: self.ctx.events.status_message.emit(
                self.tr("Saved {path}").format(path=p)))

    def ask_print(self) -> None:
        numbers = self.selected_list_numbers()
        if not numbers:
            return

        def chosen(path: Path) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
                print_pdf(printer, path)

        self.write_pdf(numbers, Path(self._tmp.name) / "print.pdf", then=chosen)
