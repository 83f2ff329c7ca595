"""The Contacts page's table model: a row count and a few cached pages of voters, fetched off the GUI thread."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from canvass_app.contacts.voter_query import TableCount, VoterFilter, VoterRow, count_voters, first_answer, voter_page
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate

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
    """Rows are fetched a page at a time; a row not yet fetched shows blank until its page arrives.

    A filter change shows its first page with a quick count (see `first_answer`); when more match,
    the exact count runs beside the database queue (so paging and the next keystroke never wait for it), is
    interrupted when the filter changes again, and appends the remaining rows when it is in.
    """

    loaded = Signal(int)  # the row count, after a filter change has been applied and again once counted exactly
    failed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.filter = VoterFilter()
        self._wanted = self.filter  # the filter last asked for: `filter` changes only once its answer is in
        self._total = 0
        self._pages: OrderedDict[int, list[VoterRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._paged = self.filter  # the filter pages are read with (a big search: in the index's order)
        self.capped = False  # the search matched more voters than the table shows
        self.counting = False  # the row count is a lower bound until the exact count arrives
        self._count_lock = threading.Lock()
        self._count_conn: Any = None  # the DB-API connection of the running exact count, to interrupt it

    # loading ----------------------------------------------------------------------------------------------
    def set_filter(self, f: VoterFilter) -> None:
        """Count and fetch the first page for `f` off the GUI thread; the model resets when both are in."""
        self._generation += 1
        generation = self._generation
        self._wanted = f
        self._interrupt_count()
        store = self.ctx.store

        def work(_: object) -> tuple[TableCount, list[VoterRow]]:
            with store.session() as session:
                return first_answer(session, f, PAGE_SIZE)

        def done(result: tuple[TableCount, list[VoterRow]]) -> None:
            if generation != self._generation:
                return  # a newer filter is on its way
            counted, first = result
            self.beginResetModel()
            self.filter = f
            self._total, self._paged, self.capped = counted.rows, counted.paged, counted.capped
            self.counting = not counted.exact
            self._pages.clear()
            self._pending.clear()
            self._pages[0] = first
            self.endResetModel()
            self.loaded.emit(self._total)
            if self.counting:
                self._count_exactly(generation, counted.paged, counted.count_cap)

        self.ctx.runner.run(work, on_done=done, on_error=lambda exc: self.failed.emit(str(exc)))

    def _interrupt_count(self) -> None:
        with self._count_lock:
            if self._count_conn is not None:
                self._count_conn.interrupt()

    def _count_exactly(self, generation: int, f: VoterFilter, cap: int | None) -> None:
        store, lock = self.ctx.store, self._count_lock

        def work(_: object) -> int:
            with store.session() as session:
                conn = session.connection().connection.dbapi_connection
                with lock:
                    if generation != self._generation:
                        return -1  # superseded before it began
                    self._count_conn = conn
                try:
                    return count_voters(session, f, cap=cap)
                finally:
                    with lock:  # never interrupt this connection once it serves someone else
                        self._count_conn = None

        def done(n: int) -> None:
            if generation != self._generation or n < 0:
                return
            self.counting = False
            if cap is not None and n > cap:  # a slow search that matches a lot: shown capped, as a quick one is
                n, self.capped = cap, True
            if n > self._total:
                self.beginInsertRows(QModelIndex(), self._total, n - 1)
                self._total = n
                self.endInsertRows()
            elif n < self._total:  # voters went away since the quick count
                self.beginRemoveRows(QModelIndex(), n, self._total - 1)
                self._total = n
                self.endRemoveRows()
            self.loaded.emit(self._total)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:  # an interrupted count of an old filter is no failure
                self.failed.emit(str(exc))

        # beside the database queue: reads run concurrently in WAL mode; interrupted when the filter changes
        self.ctx.runner.run(work, on_done=done, on_error=failed, db=False)

    def refresh(self) -> None:
        self.set_filter(self._wanted)

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
