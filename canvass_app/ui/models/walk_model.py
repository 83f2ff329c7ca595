"""The Walk page's door list: one row per door in walk order, the current door marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from canvass_app.contacts.walk_doors import WalkDoor

Index = QModelIndex | QPersistentModelIndex


class DoorListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.doors: list[WalkDoor] = []
        self.current = -1

    def set_doors(self, doors: list[WalkDoor]) -> None:
        if len(doors) == len(self.doors) and [d.household_id for d in doors] == [d.household_id
                                                                                 for d in self.doors]:
            self.doors = doors  # same doors, new results: repaint in place, keep the view's scroll and selection
            if doors:
                self.dataChanged.emit(self.index(0), self.index(len(doors) - 1))
            return
        self.beginResetModel()
        self.doors = doors
        self.current = min(self.current, len(doors) - 1)
        self.endResetModel()

    def set_current(self, row: int) -> None:
        old, self.current = self.current, row
        for r in {old, row}:
            if 0 <= r < len(self.doors):
                self.dataChanged.emit(self.index(r), self.index(r))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.doors)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.doors):
            return None
        door = self.doors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if door.done else "…" if door.started else "  "
            pointer = "▶ " if index.row() == self.current else ""
            return f"{mark} {pointer}{door.address}  ({len(door.knockable)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{v.line or '-'}  {v.name}" + (f" — {v.skip}" if v.skip else
                                                              f" — {v.result_name}" if v.result_name else "")
                             for v in door.voters)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.current:
            return QColor("#ffe9a8")
        if role == Qt.ItemDataRole.ForegroundRole and door.done:
            return QColor("#2e7d32")
        if role == Qt.ItemDataRole.UserRole:
            return door.household_id
        return None
