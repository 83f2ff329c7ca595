"""The Turfs page's table model: the turfs as the service lists them, one row per turf, with its walk so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from canvass_app.contacts.listing import TurfFigures
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.turfs.cutting import TurfSummary
from canvass_app.ui.i18n import number, translate

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = [
    ("list_number", QT_TRANSLATE_NOOP("TurfTableModel", "List")),
    ("name", QT_TRANSLATE_NOOP("TurfTableModel", "Turf")),
    ("precinct", QT_TRANSLATE_NOOP("TurfTableModel", "Precinct")),
    ("doors", QT_TRANSLATE_NOOP("TurfTableModel", "Doors")),
    ("knocked", QT_TRANSLATE_NOOP("TurfTableModel", "Knocked")),
    ("contacted", QT_TRANSLATE_NOOP("TurfTableModel", "Contacted")),
    ("supporters", QT_TRANSLATE_NOOP("TurfTableModel", "Support")),
    ("people", QT_TRANSLATE_NOOP("TurfTableModel", "People")),
    ("assignee", QT_TRANSLATE_NOOP("TurfTableModel", "Assignee")),
    ("status", QT_TRANSLATE_NOOP("TurfTableModel", "Status")),
]
FIGURES = {"knocked", "contacted", "supporters"}
HEADER_TIPS = {
    "knocked": QT_TRANSLATE_NOOP("TurfTableModel", "Doors with a result logged on this turf"),
    "contacted": QT_TRANSLATE_NOOP("TurfTableModel", "People spoken with on this turf"),
    "supporters": QT_TRANSLATE_NOOP("TurfTableModel", "People whose latest support is 1 or 2"),
}
STATUSES = (QT_TRANSLATE_NOOP("TurfTableModel", "available"), QT_TRANSLATE_NOOP("TurfTableModel", "assigned"),
            QT_TRANSLATE_NOOP("TurfTableModel", "checked out"), QT_TRANSLATE_NOOP("TurfTableModel", "returned"))


class TurfTableModel(QAbstractTableModel):
    """The turfs as the service lists them; the list is small (one row per turf), so it is held whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TurfSummary] = []
        self._figures: dict[int, TurfFigures] = {}

    def set_rows(self, rows: list[TurfSummary], figures: dict[int, TurfFigures] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._figures = dict(figures or {})
        self.endResetModel()

    def turf(self, row: int) -> TurfSummary:
        return self._rows[row]

    def figures(self, row: int) -> TurfFigures:
        return self._figures.get(self._rows[row].id, TurfFigures())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        key = COLUMNS[index.column()][0]
        turf = self._rows[index.row()]
        value = getattr(self.figures(index.row()) if key in FIGURES else turf, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return translate("TurfTableModel", str(value))  # one of STATUSES
            if isinstance(value, int):
                return number(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole name, however narrow the column
            return f"{turf.list_number} — {turf.name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            key, title = COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("TurfTableModel", title)
            if role == Qt.ItemDataRole.ToolTipRole and key in HEADER_TIPS:
                return translate("TurfTableModel", HEADER_TIPS[key])
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None
