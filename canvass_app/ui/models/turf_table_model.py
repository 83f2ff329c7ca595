"""The Turfs page's table model: the turfs as the service lists them, one row per turf."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.turfs.cutting import TurfSummary
from canvass_app.ui.i18n import translate

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

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return translate("TurfTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
