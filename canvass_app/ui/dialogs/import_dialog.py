"""The Import dialog: pick a voter file, check its layout and column mapping, review what the import would change,
confirm it, and import off the GUI thread; or undo the last import.

Enter never imports: it confirms a cell of the mapping table and nothing else. Importing takes two clicks (or
Alt+I then Alt+C): Import… computes the summary without changing anything, Confirm import applies it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
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
from shiboken6 import isValid

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.store.database import Store
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate
from canvass_app.ui.tasks import TaskControl
from canvass_app.voters.counties import CountyChoice
from canvass_formats.voterfile.fields import FIELDS as FIELD_LABELS
from canvass_formats.voterfile.layouts import check_mapping

PREVIEW_ROWS = 3
LAYOUT_NAMES = {
    "auto": "Detect automatically",
    "ncvoter": "North Carolina (ncvoter)",
    "florida": "Florida voter extract",
    "generic": "Generic CSV / TSV with a header row",
}


FIELD_ROLE = Qt.ItemDataRole.UserRole
NOT_IMPORTED = QT_TRANSLATE_NOOP("ImportDialog", "(not imported)")


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
        combo.addItem(translate("ImportDialog", NOT_IMPORTED), "")
        for key, label in FIELD_LABELS.items():
            combo.addItem(translate("VoterField", label), key)
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
    counties: list[str]  # "Name, ST" of the counties already in the store, offered as the county is typed


def look_at(store: Store, path: Path, layout: str) -> FileLook:
    from sqlalchemy import select

    from canvass_app.store.models import County
    from canvass_app.voters import mappings
    from canvass_formats.voterfile import iter_voter_rows

    reader = iter_voter_rows(path, layout=layout)
    with store.session() as session:
        saved = mappings.saved_mapping(session, reader.header_signature) if reader.layout == "generic" else None
        counties = [name for (name,) in session.execute(select(County.name).order_by(County.name))]
    if saved:
        reader.set_mapping(saved)
    return FileLook(
        reader.layout,
        reader.encoding,
        reader.delimiter,
        list(reader.headers),
        dict(reader.mapping),
        reader.preview(PREVIEW_ROWS),
        reader.layout == "generic",
        counties,
    )


def last_import_text(store: Store) -> str:
    """What Undo last import would reverse, or "" when there is nothing to undo."""
    from canvass_app.voters import import_journal

    with store.session() as session:
        last = import_journal.last_import(session)
    return last.describe() if last is not None else ""


class ImportDialog(QDialog):
    """File picker, detected layout, checked mapping table with preview, a summary to confirm, progress with rows/s
    and Cancel, the result; and Undo last import."""

    # The ImportResult, or the exception the import ended with (never None: PySide6 6.12 miscounts the
    # references of a None sent through a Signal(object) and crashes at exit).
    finished_import = Signal(object)
    looked = Signal()  # the chosen file has been examined (or failed to be)
    reviewed = Signal(object)  # the summary of what the import would do (ImportResult), or the exception
    undone = Signal(object)  # the UndoResult, or the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.look: FileLook | None = None
        self.result: Any = None
        self.plan: Any = None  # the reviewed summary (ImportResult), while it still holds for what the dialog shows
        self._plan_for: tuple[Any, ...] | None = None
        self._review_kind = ""  # "import" or "undo": what Confirm does
        self._control: TaskControl | None = None
        self._latest: list[Any] = [None]
        self._timer = QTimer(self, interval=200)
        self._timer.timeout.connect(self._show_progress)
        self.setWindowTitle(translate("ImportDialog", "Import voter file"))
        self.resize(900, 640)
        self._build()
        self._update_buttons()
        self._refresh_undo()

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_edit = QLineEdit(readOnly=True, placeholderText=translate("ImportDialog", "No file chosen"))
        browse = QPushButton(translate("ImportDialog", "Choose &file…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        # Never pre-filled: a new file is not the open county's until the person says so.
        self.county_edit = QLineEdit(placeholderText=translate("ImportDialog", "County of this file, e.g. Wake"))
        self.state_edit = QLineEdit(placeholderText="NC", maxLength=2)
        self.layout_combo = QComboBox()
        for key, name in LAYOUT_NAMES.items():
            self.layout_combo.addItem(translate("ImportDialog", name), key)
        self.layout_combo.currentIndexChanged.connect(self._relook)
        self.detected = QLabel()
        form = QFormLayout()
        form.addRow(translate("ImportDialog", "File"), row)
        form.addRow(translate("ImportDialog", "County"), self.county_edit)
        form.addRow(translate("ImportDialog", "State"), self.state_edit)
        form.addRow(translate("ImportDialog", "Layout"), self.layout_combo)
        form.addRow("", self.detected)
        self.table = QTableWidget(0, 2 + PREVIEW_ROWS)
        self.table.setHorizontalHeaderLabels(
            [translate("ImportDialog", "Column in file"), translate("ImportDialog", "Imports as")]
            + [translate("ImportDialog", "Row %1").replace("%1", str(i + 1)) for i in range(PREVIEW_ROWS)]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(1, FieldDelegate(self.table))
        self.table.itemChanged.connect(self._mapping_changed)
        self.hint = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.progress = QProgressBar(minimum=0, maximum=1000, value=0)
        self.progress.setVisible(False)
        self.rate = QLabel()
        # The summary to confirm (or the undo to confirm): shown in place, never applied by a key alone.
        self.review_box = QFrame(frameShape=QFrame.Shape.StyledPanel)
        self.review_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.risk_check = QCheckBox()
        self.risk_check.toggled.connect(self._update_buttons)
        self.risk_check.setVisible(False)
        self.confirm_button = QPushButton(translate("ImportDialog", "&Confirm import"))
        self.back_button = QPushButton(translate("ImportDialog", "Cancel"))
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button.clicked.connect(self.discard_review)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.risk_check, 1)
        review_buttons.addWidget(self.back_button)
        review_buttons.addWidget(self.confirm_button)
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(self.review_label)
        review_layout.addLayout(review_buttons)
        self.review_box.setVisible(False)
        self.summary = QLabel(wordWrap=True, openExternalLinks=True, textFormat=Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.buttons = QDialogButtonBox()
        # ActionRole, not AcceptRole: the button box makes its first accept button the dialog's default.
        self.undo_button = self.buttons.addButton(
            translate("ImportDialog", "&Undo last import…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            translate("ImportDialog", "&Import…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = self.buttons.addButton(
            translate("ImportDialog", "Cancel import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setToolTip(
            translate("ImportDialog", "Shows what the import would change; nothing changes until you confirm (Alt+I)")
        )
        self.undo_button.clicked.connect(self.review_undo)
        self.import_button.clicked.connect(self.review)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.undo_button,
            self.import_button,
            self.cancel_button,
            self.close_button,
            self.confirm_button,
            self.back_button,
            browse,
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("ImportDialog", "Columns and the first rows of the file:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.rate)
        layout.addWidget(self.review_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for edit in (self.county_edit, self.state_edit):
            edit.textChanged.connect(self._mapping_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Enter reaches the dialog when a child did not want it (a confirmed table cell, a line edit): QDialog
        # would press a default button. An import is never started by Enter.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- choosing and examining the file ----------------------------------------------------------------
    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "Choose a voter file"),
            "",
            translate("ImportDialog", "Voter files (*.csv *.tsv *.txt);;All files (*)"),
        )
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
        self.detected.setText(translate("ImportDialog", "Reading the file…"))
        self._mapping_changed()
        store = self.ctx.store  # read here: the worker must not touch the dialog
        self.ctx.runner.run(
            lambda _c: look_at(store, path, layout), on_done=self._show_look, on_error=self._look_failed
        )

    def _show_look(self, look: FileLook) -> None:
        self.look = look
        delim = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(look.delimiter, look.delimiter)
        self.detected.setText(
            translate("ImportDialog", "Detected: %1 — %2, %3-separated")
            .replace("%1", LAYOUT_NAMES[look.layout])
            .replace("%2", look.encoding)
            .replace("%3", delim)
        )
        completer = QCompleter(look.counties, self.county_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.county_edit.setCompleter(completer)
        self._fill_table(look)
        self._mapping_changed()
        self.looked.emit()

    def _look_failed(self, exc: BaseException) -> None:
        self.look = None
        self.table.setRowCount(0)
        self.detected.setText(str(exc))
        self._mapping_changed()
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
        item.setText(
            translate("VoterField", FIELD_LABELS[field]) if field else translate("ImportDialog", NOT_IMPORTED)
        )

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

    # -- checks -------------------------------------------------------------------------------------------------
    def problems(self) -> tuple[list[str], list[str]]:
        """(errors that keep Import disabled, warnings shown beside it) for what the dialog now shows."""
        if self.look is None:
            return [translate("ImportDialog", "Choose a voter file.")], []
        check = check_mapping(self.mapping())
        errors = [translate("ImportDialog", e) for e in check.errors]
        if not self.county_edit.text().strip():
            errors.append(translate("ImportDialog", "Type the county this file is for."))
        if len(self.state_edit.text().strip()) != 2:
            errors.append(translate("ImportDialog", "Type the two-letter state."))
        return errors, [translate("ImportDialog", w) for w in check.warnings]

    def _key(self) -> tuple[Any, ...]:
        """What a summary was computed for: a change to any of it makes the summary stale."""
        return (
            self.path,
            self.look.layout if self.look else None,
            tuple(sorted(self.mapping().items())),
            self.county_edit.text().strip().lower(),
            self.state_edit.text().strip().upper(),
        )

    def _mapping_changed(self) -> None:
        if self._review_kind == "import" and self._plan_for != self._key():
            self.discard_review()
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._control is not None
        errors, warnings = self.problems()
        lines = [f'<span style="color:#b00020">\u2716 {html.escape(e)}</span>' for e in errors if self.look]
        lines += [f'<span style="color:#8a5a00">\u26a0 {html.escape(w)}</span>' for w in warnings]
        self.hint.setText("<br>".join(lines))
        reviewing = not self.review_box.isHidden()
        self.import_button.setEnabled(not errors and not running and not reviewing)
        self.import_button.setToolTip(
            errors[0]
            if errors
            else translate(
                "ImportDialog", "Shows what the import would change; nothing changes until you confirm (Alt+I)"
            )
        )
        needs_tick = reviewing and not self.risk_check.isHidden()
        self.confirm_button.setEnabled(reviewing and not running and (not needs_tick or self.risk_check.isChecked()))
        self.back_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        self.undo_button.setEnabled(not running and not reviewing and bool(self.undo_button.property("what")))

    # -- the summary before anything is changed ---------------------------------------------------------------
    def _import_args(self) -> dict[str, Any]:
        """What the dialog now says to import: the importer's path, county, state, layout and mapping."""
        assert self.path is not None and self.look is not None
        return {
            "path": self.path,
            "county": self.county_edit.text().strip(),
            "state": self.state_edit.text().strip().upper(),
            "layout": self.look.layout,
            "mapping": self.mapping() if self.look.editable else None,
        }

    def review(self) -> None:
        """Compute what the import would change (a dry run that is rolled back) and show it to be confirmed."""
        if self.path is None or self.look is None or self.problems()[0] or self._control is not None:
            return
        from canvass_app.voters.importer import ImportDeclined, import_voter_file

        args = self._import_args()
        store, latest = (
            self.ctx.store,
            self._start_progress(translate("ImportDialog", "Checking what the import would change…")),
        )
        key = self._key()

        def work(control: TaskControl) -> Any:
            try:
                with store.session() as session:
                    import_voter_file(
                        session,
                        **args,
                        progress=lambda p: latest.__setitem__(0, p),
                        cancel=lambda: control.cancelled,
                        dry_run=True,
                    )
            except ImportDeclined as declined:  # a dry run always ends so, its transaction rolled back
                return declined.result
            raise RuntimeError("a dry run of the import did not stop")

        def done(plan: Any) -> None:
            self._stop_progress()
            self._show_plan(plan, key)
            self.reviewed.emit(plan)

        self._control = self.ctx.runner.run(work, on_done=done, on_error=self._review_failed)
        self._update_buttons()

    def _show_plan(self, plan: Any, key: tuple[Any, ...]) -> None:
        from canvass_app.voters.importer import INACTIVATE_LIMIT

        self.plan, self._plan_for, self._review_kind = plan, key, "import"
        where = f"{plan.county}, {plan.state}" + (
            translate("ImportDialog", " (a new county)") if plan.new_county else ""
        )
        rows = [
            (translate("ImportDialog", "Added"), f"{plan.added:,}"),
            (translate("ImportDialog", "Updated"), f"{plan.updated:,}"),
            (translate("ImportDialog", "Unchanged"), f"{plan.unchanged:,}"),
            (
                translate("ImportDialog", "To be marked inactive"),
                f"{plan.inactivated:,}"
                + (
                    translate("ImportDialog", " (%1 of the %2 active voters)")
                    .replace("%1", f"{plan.inactivated_share:.0%}")
                    .replace("%2", f"{plan.active_before:,}")
                    if plan.active_before
                    else ""
                ),
            ),
            (translate("ImportDialog", "Rejected rows"), f"{plan.rejected:,}"),
            (
                translate("ImportDialog", "Turfs affected"),
                translate("ImportDialog", "none")
                if not plan.turfs_affected
                else translate("ImportDialog", "%1 turfs lose %2 doors (%3 left empty)")
                .replace("%1", f"{plan.turfs_affected:,}")
                .replace("%2", f"{plan.doors_leaving_turfs:,}")
                .replace("%3", f"{plan.turfs_emptied:,}"),
            ),
        ]
        table = "".join(
            f"<tr><td>{html.escape(k)}</td><td align='right'><b>{html.escape(v)}</b></td></tr>" for k, v in rows
        )
        title = translate("ImportDialog", "Nothing has changed yet. Importing into %1 would change:").replace(
            "%1", where
        )
        text = f"<b>{html.escape(title)}</b><table cellspacing='4'>{table}</table>"
        risky = plan.inactivated_share > INACTIVATE_LIMIT
        if risky or plan.turfs_emptied:
            text += (
                '<p style="color:#b00020"><b>'
                + html.escape(
                    translate(
                        "ImportDialog",
                        "Check the county and the file: this marks %1 of the county's voters inactive and leaves "
                        "%2 turfs with no door.",
                    )
                    .replace("%1", f"{plan.inactivated:,}")
                    .replace("%2", f"{plan.turfs_emptied:,}")
                )
                + "</b></p>"
            )
        self.review_label.setText(text)
        self.risk_check.setText(
            translate("ImportDialog", "Yes, mark %1 voters inactive").replace("%1", f"{plan.inactivated:,}")
        )
        self.risk_check.setChecked(False)
        self.risk_check.setVisible(risky or bool(plan.turfs_emptied))
        self.confirm_button.setText(translate("ImportDialog", "&Confirm import"))
        self.review_box.setVisible(True)
        self._update_buttons()

    def _review_failed(self, exc: BaseException) -> None:
        self._stop_progress()
        self._report_failure(exc, translate("ImportDialog", "Could not check the import; nothing was changed: %1"))
        self.reviewed.emit(exc)

    def discard_review(self) -> None:
        """Cancel at the summary: forget it; nothing was changed."""
        self.plan, self._plan_for, self._review_kind = None, None, ""
        self.review_box.setVisible(False)
        self.risk_check.setVisible(False)
        self._update_buttons()

    def confirm(self) -> None:
        if self._review_kind == "import":
            self.start_import()
        elif self._review_kind == "undo":
            self.start_undo()

    # -- importing ------------------------------------------------------------------------------------------
    def start_import(self) -> None:
        """Apply the reviewed import (only after a summary was shown for exactly what the dialog now shows)."""
        if self.plan is None or self._plan_for != self._key() or self._control is not None:
            return
        from canvass_app.voters.importer import import_voter_file, private_rejects_path

        args = self._import_args()
        reviewed = self.plan

        def still_as_reviewed(plan: Any) -> bool:  # the store may have changed since (a sync): never do more
            return plan.inactivated <= reviewed.inactivated and plan.doors_leaving_turfs <= reviewed.doors_leaving_turfs

        # Progress is left in a plain list for a GUI-thread timer to read. The worker never touches the
        # dialog: with PySide6 6.12, setting attributes of Qt objects or emitting signals from a worker
        # thread corrupts reference counts (the process aborts at exit).
        store, latest = self.ctx.store, self._start_progress(translate("ImportDialog", "Starting…"))

        def work(control: TaskControl) -> Any:
            with store.session() as session:
                return import_voter_file(
                    session,
                    **args,
                    rejects_path=private_rejects_path(store.data_dir, Path(args["path"])),
                    progress=lambda p: latest.__setitem__(0, p),
                    cancel=lambda: control.cancelled,
                    confirm=still_as_reviewed,
                )

        self.discard_review()
        self._control = self.ctx.runner.run(work, on_done=self._done, on_error=self._failed)
        self._update_buttons()

    def _start_progress(self, text: str) -> list[Any]:
        latest: list[Any] = [None]
        self._latest = latest
        self.summary.clear()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.rate.setText(text)
        self._timer.start()
        return latest

    def _stop_progress(self) -> None:
        self._control = None
        self._timer.stop()
        self.progress.setVisible(False)
        self.rate.clear()

    def _show_progress(self) -> None:
        p = self._latest[0]
        if p is None:
            return
        self.progress.setValue(int(p.fraction * 1000))
        self.rate.setText(
            translate("ImportDialog", "%1 rows · %2 rows/s")
            .replace("%1", f"{p.rows:,}")
            .replace("%2", f"{p.rows_per_second:,.0f}")
        )

    def cancel_import(self) -> None:
        if self._control is not None:
            self._control.cancel()
            self.rate.setText(translate("ImportDialog", "Cancelling…"))

    def _done(self, result: Any) -> None:
        self._control = None
        self._timer.stop()
        self.result = result
        self.progress.setValue(1000)
        self.rate.setText(
            translate("ImportDialog", "%1 rows in %2 s")
            .replace("%1", f"{result.rows:,}")
            .replace("%2", f"{result.seconds:.1f}")
        )
        text = translate(
            "ImportDialog",
            "Imported into %1: %2 added, %3 updated, %4 unchanged, %5 marked inactive, %6 rejected; "
            "%7 households (layout %8).",
        )
        for key, value in (
            ("%1", f"{result.county}, {result.state}"),
            ("%2", result.added),
            ("%3", result.updated),
            ("%4", result.unchanged),
            ("%5", result.inactivated),
            ("%6", result.rejected),
            ("%7", result.households),
            ("%8", result.layout),
        ):
            text = text.replace(key, str(value))
        text = html.escape(text)
        if result.rejects_path:
            url = QUrl.fromLocalFile(str(result.rejects_path)).toString()
            text += f' <a href="{url}">{translate("ImportDialog", "Open the rejects file")}</a>'
        self.summary.setText(text)
        self._update_buttons()
        self._refresh_undo()
        # The county just imported becomes the window's: the next step is to cut it.
        self.ctx.set_county(CountyChoice(result.county_id, result.county, result.state))
        self.ctx.events.data_changed.emit("voters")
        self.ctx.events.status_message.emit(translate("ImportDialog", "Voter file imported"))
        self.finished_import.emit(result)

    def _failed(self, exc: BaseException) -> None:
        from canvass_app.voters.importer import ImportDeclined

        self._stop_progress()
        if isinstance(exc, ImportDeclined):
            self.summary.setText(
                html.escape(
                    translate(
                        "ImportDialog",
                        "Not imported: the voters changed since the summary was shown; nothing was changed. Press "
                        "Import… to see the summary again.",
                    )
                )
            )
            self._update_buttons()
        else:
            self._report_failure(exc, translate("ImportDialog", "Import failed; nothing was changed: %1"))
        self.finished_import.emit(exc)

    def _report_failure(self, exc: BaseException, text: str) -> None:
        from canvass_app.voters.importer import ImportCancelled

        if isinstance(exc, ImportCancelled):
            self.summary.setText(html.escape(translate("ImportDialog", "Import cancelled; nothing was changed.")))
        else:
            self.summary.setText(html.escape(text.replace("%1", str(exc))))
        self._update_buttons()

    # -- undo ---------------------------------------------------------------------------------------------------
    def _refresh_undo(self) -> None:
        store = self.ctx.store
        self.undo_button.setProperty("what", "")  # until the store says what the last import is now
        self._update_buttons()

        def show(what: str) -> None:
            if not isValid(self.undo_button):  # the dialog was closed (and deleted) before the answer came
                return
            self.undo_button.setProperty("what", what)
            self.undo_button.setToolTip(
                translate("ImportDialog", "Undo %1").replace("%1", what)
                if what
                else translate("ImportDialog", "There is no import to undo")
            )
            self._update_buttons()

        self.ctx.runner.run(lambda _c: last_import_text(store), on_done=show, on_error=lambda _e: show(""))

    def review_undo(self) -> None:
        what = str(self.undo_button.property("what") or "")
        if not what or self._control is not None:
            return
        self.plan, self._plan_for, self._review_kind = None, None, "undo"
        self.review_label.setText(
            "<b>" + html.escape(translate("ImportDialog", "Undo %1?").replace("%1", what)) + "</b>"
        )
        self.risk_check.setVisible(False)
        self.confirm_button.setText(translate("ImportDialog", "&Confirm undo"))
        self.review_box.setVisible(True)
        self._update_buttons()

    def start_undo(self) -> None:
        if self._control is not None:
            return
        from canvass_app.voters.import_journal import undo_last_import

        store = self.ctx.store

        def work(_control: TaskControl) -> Any:
            with store.session() as session:
                return undo_last_import(session)

        def done(result: Any) -> None:
            self._control = None
            self.summary.setText(
                html.escape(
                    translate(
                        "ImportDialog", "Undone: removed %1 added voters, restored %2 updated, reactivated %3 in %4."
                    )
                    .replace("%1", f"{result.removed:,}")
                    .replace("%2", f"{result.restored:,}")
                    .replace("%3", f"{result.reactivated:,}")
                    .replace("%4", f"{result.county}, {result.state}")
                )
            )
            self._refresh_undo()
            self.ctx.events.data_changed.emit("voters")
            self.ctx.events.status_message.emit(translate("ImportDialog", "Last import undone"))
            self.undone.emit(result)

        def failed(exc: BaseException) -> None:
            self._control = None
            self.summary.setText(html.escape(str(exc)))
            self._update_buttons()
            self.undone.emit(exc)

        self.discard_review()
        self._control = self.ctx.runner.run(work, on_done=done, on_error=failed)
        self._update_buttons()

    def reject(self) -> None:
        if self._control is None:  # never close while an import runs: Cancel first
            super().reject()
