"""The Contacts page's table model: a row count and a few cached pages of voters, fetched off the GUI thread."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate
from canvass_app.voter_query import VoterFilter, VoterRow, count_for_table, voter_page

Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("VoterTableModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Address"), "address"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Precinct"), "precinct"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Party"), "party"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Age"), "age"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Language"), "language"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Turf"), "list_number"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Last result"), "last_result"),
    (QT_TRANSLATE_NOOP("VoterTableModel", "Support"), "support"),
]
PAGE_SIZE = 100
MAX_PAGES = 24  # at most PAGE_SIZE * MAX_PAGES voters in memory, whatever the county's size


class VoterTableModel(QAbstractTableModel):
    """Rows are fetched a page at a time; a row not yet fetched shows blank until its page arrives."""

    loaded = Signal(int)  # the new row count, after a filter change has been applied
    failed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.filter = VoterFilter()
        self._total = 0
        self._pages: OrderedDict[int, list[VoterRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._paged = self.filter  # the filter pages are read with (a big search: in the index's order)
        self.capped = False  # the search matched more voters than the table shows

    # loading ----------------------------------------------------------------------------------------------
    def set_filter(self, f: VoterFilter) -> None:
        """Count and fetch the first page for `f` off the GUI thread; the model resets when both are in."""
        self._generation += 1
        generation = self._generation
        store = self.ctx.store

        def work(_: object) -> tuple[int, VoterFilter, bool, list[VoterRow]]:
            with store.session() as session:
                total, paged, capped = count_for_table(session, f)
                return total, paged, capped, voter_page(session, paged, 0, PAGE_SIZE)

        def done(result: tuple[int, VoterFilter, bool, list[VoterRow]]) -> None:
            if generation != self._generation:
                return  # a newer filter is on its way
            self.beginResetModel()
            self.filter = f
            self._total, self._paged, self.capped, first = result
            self._pages.clear()
            self._pending.clear()
            self._pages[0] = first
            self.endResetModel()
            self.loaded.emit(self._total)

        self.ctx.runner.run(work, on_done=done, on_error=lambda exc: self.failed.emit(str(exc)))

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, f, store = self._generation, self._paged, self.ctx.store

        def work(_: object) -> list[VoterRow]:
            with store.session() as session:
                return voter_page(session, f, page * PAGE_SIZE, PAGE_SIZE)

        def done(rows: list[VoterRow]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(page)
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            first = page * PAGE_SIZE
            last = min(first + len(rows), self._total) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

        self.ctx.runner.run(work, on_done=done, on_error=lambda exc: self.failed.emit(str(exc)))

    def voter_at(self, row: int) -> VoterRow | None:
        """The voter on this row if its page is in memory (asking for it otherwise)."""
        if not 0 <= row < self._total:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    @property
    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    # Qt model API -----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        voter = self.voter_at(index.row())
        if voter is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(voter, COLUMNS[index.column()][1])
            if index.column() == 0 and voter.mark:
                return f"{value} — {voter.mark}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return voter.id
        if role == Qt.ItemDataRole.ForegroundRole and voter.mark:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{voter.name} ({voter.state_voter_id})" + (f" — {voter.mark}" if voter.mark else "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translate("VoterTableModel", COLUMNS[section][0]) if 0 <= section < len(COLUMNS) else None
        return str(section + 1)
