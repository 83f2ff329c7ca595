"""The Import dialog: pick a voter file, check its detected layout and column mapping, import it off the GUI thread."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvass_app.store import Store
from canvass_app.ui.context import AppContext
from canvass_app.ui.tasks import TaskControl
from canvass_app.voterfile.fields import FIELDS as FIELD_LABELS

PREVIEW_ROWS = 3
LAYOUT_NAMES = {"auto": "Detect automatically", "ncvoter": "North Carolina (ncvoter)",
                "florida": "Florida voter extract", "generic": "Generic CSV / TSV with a header row"}


FIELD_ROLE = Qt.ItemDataRole.UserRole
NOT_IMPORTED = "(not imported)"


def _cell(text: str, *, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class FieldDelegate(QStyledItemDelegate):
    """Edits the "Imports as" column with a list of the canonical fields, one editor at a time.

    (One editor on demand rather than a combo box per row: a file can have a hundred columns.)
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(self.tr(NOT_IMPORTED), "")
        for key, label in FIELD_LABELS.items():
            combo.addItem(self.tr(label), key)
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(FIELD_ROLE) or "")))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), FIELD_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


@dataclass(frozen=True)
class FileLook:
    """What the dialog shows about a file before importing it (gathered off the GUI thread)."""

    layout: str
    encoding: str
    delimiter: str
    headers: list[str]
    mapping: dict[str, str]
    preview: list[list[str]]
    editable: bool  # only a generic file's mapping can be changed


def look_at(store: Store, path: Path, layout: str) -> FileLook:
    from canvass_app import import_mappings
    from canvass_app.voterfile import iter_voter_rows

    reader = iter_voter_rows(path, layout=layout)
    if reader.layout == "generic":
        with store.session() as session:
            saved = import_mappings.saved_mapping(session, reader.header_signature)
        if saved:
            reader.set_mapping(saved)
    return FileLook(reader.layout, reader.encoding, reader.delimiter, list(reader.headers), dict(reader.mapping),
                    reader.preview(PREVIEW_ROWS), reader.layout == "generic")


class ImportDialog(QDialog):
    """File picker, detected layout, mapping table with preview, progress with rows/s and Cancel, summary."""

    # The ImportResult, or the exception the import ended with (never None: PySide6 6.12 miscounts the
    # references of a None sent through a Signal(object) and crashes at exit).
    finished_import = Signal(object)
    looked = Signal()  # the chosen file has been examined (or failed to be)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.look: FileLook | None = None
        self.result: Any = None
        self._control: TaskControl | None = None
        self._latest: list[Any] = [None]
        self._timer = QTimer(self, interval=200)
        self._timer.timeout.connect(self._show_progress)
        self.setWindowTitle(self.tr("Import voter file"))
        self.resize(820, 560)
        self._build()
        self._update_buttons()

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_edit = QLineEdit(readOnly=True, placeholderText=self.tr("No file chosen"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        county, _, state = self.ctx.county.partition(",")
        self.county_edit = QLineEdit(county.strip(), placeholderText=self.tr("e.g. Wake"))
        self.state_edit = QLineEdit(state.strip(), placeholderText="NC", maxLength=2)
        self.layout_combo = QComboBox()
        for key, name in LAYOUT_NAMES.items():
            self.layout_combo.addItem(self.tr(name), key)
        self.layout_combo.currentIndexChanged.connect(self._relook)
        self.detected = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("County"), self.county_edit)
        form.addRow(self.tr("State"), self.state_edit)
        form.addRow(self.tr("Layout"), self.layout_combo)
        form.addRow("", self.detected)
        self.table = QTableWidget(0, 2 + PREVIEW_ROWS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in file"), self.tr("Imports as")] + [self.tr("Row %1").replace("%1", str(i + 1))
                                                                  for i in range(PREVIEW_ROWS)])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(1, FieldDelegate(self.table))
        self.table.itemChanged.connect(self._update_buttons)
        self.hint = QLabel(wordWrap=True)
        self.progress = QProgressBar(minimum=0, maximum=1000, value=0)
        self.progress.setVisible(False)
        self.rate = QLabel()
        self.summary = QLabel(wordWrap=True, openExternalLinks=True, textFormat=Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Columns and the first rows of the file:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.rate)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for edit in (self.county_edit, self.state_edit):
            edit.textChanged.connect(self._update_buttons)

    # -- choosing and examining the file ----------------------------------------------------------------
    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a voter file"), "",
                                              self.tr("Voter files (*.csv *.tsv *.txt);;All files (*)"))
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_edit.setText(str(path))
        self.summary.clear()
        self._relook()

    def _relook(self) -> None:
        if self.path is None:
            return
        path, layout = self.path, str(self.layout_combo.currentData())
        self.look = None
        self.detected.setText(self.tr("Reading the file…"))
        self._update_buttons()
        store = self.ctx.store  # read here: the worker must not touch the dialog
        self.ctx.runner.run(lambda _c: look_at(store, path, layout), on_done=self._show_look,
                            on_error=self._look_failed)

    def _show_look(self, look: FileLook) -> None:
        self.look = look
        delim = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(look.delimiter, look.delimiter)
        self.detected.setText(self.tr("Detected: %1 — %2, %3-separated")
                              .replace("%1", LAYOUT_NAMES[look.layout]).replace("%2", look.encoding)
                              .replace("%3", delim))
        self._fill_table(look)
        self._update_buttons()
        self.looked.emit()

    def _look_failed(self, exc: BaseException) -> None:
        self.look = None
        self.table.setRowCount(0)
        self.detected.setText(str(exc))
        self._update_buttons()
        self.looked.emit()

    def _fill_table(self, look: FileLook) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(look.headers))
        for r, header in enumerate(look.headers):
            self.table.setItem(r, 0, _cell(header))
            target = _cell("", editable=look.editable)
            self.table.setItem(r, 1, target)
            self._set_target(target, look.mapping.get(header, ""))
            for c in range(PREVIEW_ROWS):
                value = look.preview[c][r] if c < len(look.preview) and r < len(look.preview[c]) else ""
                self.table.setItem(r, 2 + c, _cell(value))
        self.table.blockSignals(False)

    def _set_target(self, item: QTableWidgetItem, field: str) -> None:
        item.setData(FIELD_ROLE, field)
        item.setText(self.tr(FIELD_LABELS[field]) if field else self.tr(NOT_IMPORTED))

    def mapping(self) -> dict[str, str]:
        """The mapping as the table now shows it (header -> field, "" for a column left out)."""
        result: dict[str, str] = {}
        for r in range(self.table.rowCount()):
            header, target = self.table.item(r, 0), self.table.item(r, 1)
            if header is not None and target is not None:
                result[header.text()] = str(target.data(FIELD_ROLE) or "")
        return result

    def set_mapping_field(self, header: str, field: str) -> None:
        """Choose what a file column imports as (what a person does with the "Imports as" list)."""
        for r in range(self.table.rowCount()):
            item, target = self.table.item(r, 0), self.table.item(r, 1)
            if item is not None and target is not None and item.text() == header:
                self._set_target(target, field)

    def _update_buttons(self) -> None:
        running = self._control is not None
        has_id = "state_voter_id" in self.mapping().values()
        ready = (self.look is not None and has_id and bool(self.county_edit.text().strip())
                 and len(self.state_edit.text().strip()) == 2)
        if self.look is not None and not has_id:
            self.hint.setText(self.tr("Choose which column holds the voter id (\u201cImports as\u201d)."))
        else:
            self.hint.clear()
        self.import_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    # -- importing ------------------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.look is None:
            return
        from canvass_app.importer import import_voter_file

        path, layout = self.path, self.look.layout
        mapping = self.mapping() if self.look.editable else None
        county, state = self.county_edit.text().strip(), self.state_edit.text().strip().upper()
        rejects = (self.ctx.store.data_dir / "imports" /
                   f"{path.stem}-rejects-{time.strftime('%Y%m%d-%H%M%S')}.csv")

        # Progress is left in a plain list for a GUI-thread timer to read. The worker never touches the
        # dialog: with PySide6 6.12, setting attributes of Qt objects or emitting signals from a worker
        # thread corrupts reference counts (the process aborts at exit).
        latest: list[Any] = [None]
        self._latest = latest

        store = self.ctx.store

        def work(control: TaskControl) -> Any:
            def progress(p: Any) -> None:
                latest[0] = p

            with store.session() as session:
                return import_voter_file(session, path, county=county, state=state, layout=layout,
                                         mapping=mapping, rejects_path=rejects, progress=progress,
                                         cancel=lambda: control.cancelled)

        self.summary.clear()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.rate.setText(self.tr("Starting…"))
        self._control = self.ctx.runner.run(work, on_done=self._done, on_error=self._failed)
        self._timer.start()
        self._update_buttons()

    def _show_progress(self) -> None:
        p = self._latest[0]
        if p is None:
            return
        self.progress.setValue(int(p.fraction * 1000))
        self.rate.setText(self.tr("%1 rows · %2 rows/s").replace("%1", f"{p.rows:,}")
                          .replace("%2", f"{p.rows_per_second:,.0f}"))

    def cancel_import(self) -> None:
        if self._control is not None:
            self._control.cancel()
            self.rate.setText(self.tr("Cancelling…"))

    def _done(self, result: Any) -> None:
        self._control = None
        self._timer.stop()
        self.result = result
        self.progress.setValue(1000)
        self.rate.setText(self.tr("%1 rows in %2 s").replace("%1", f"{result.rows:,}")
                          .replace("%2", f"{result.seconds:.1f}"))
        text = self.tr("Imported: %1 added, %2 updated, %3 marked inactive, %4 rejected; %5 households (layout %6).")
        for key, value in (("%1", result.added), ("%2", result.updated), ("%3", result.inactivated),
                           ("%4", result.rejected), ("%5", result.households), ("%6", result.layout)):
            text = text.replace(key, str(value))
        if result.rejects_path:
            url = QUrl.fromLocalFile(str(result.rejects_path)).toString()
            text += f' <a href="{url}">{self.tr("Open the rejects file")}</a>'
        self.summary.setText(text)
        self._update_buttons()
        self.ctx.events.data_changed.emit("voters")
        self.ctx.events.status_message.emit(self.tr("Voter file imported"))
        self.finished_import.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from canvass_app.importer import ImportCancelled

        self._control = None
        self._timer.stop()
        self.progress.setVisible(False)
        self.rate.clear()
        if isinstance(exc, ImportCancelled):
            self.summary.setText(self.tr("Import cancelled; nothing was changed."))
        else:
            self.summary.setText(self.tr("Import failed; nothing was changed: %1").replace("%1", str(exc)))
        self._update_buttons()
        self.finished_import.emit(exc)

    def reject(self) -> None:
        if self._control is None:  # never close while an import runs: Cancel first
            super().reject()
