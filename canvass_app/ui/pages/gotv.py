"""The Election Day page: supporters identified, voted and left to chase, per turf and for the county (figures and
a bar chart), and the rides to the polls asked for at the door, which a county lead marks arranged and done."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvass_app.gotv import progress, rides
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.tasks import TaskControl
from canvass_app.ui.widgets.gotv_chart import Bar, ProgressChart
from canvass_protocol import roles

TURF_COLUMNS = (QT_TRANSLATE_NOOP("GotvPage", "Turf"), QT_TRANSLATE_NOOP("GotvPage", "Name"),
                QT_TRANSLATE_NOOP("GotvPage", "Supporters"), QT_TRANSLATE_NOOP("GotvPage", "Voted"),
                QT_TRANSLATE_NOOP("GotvPage", "Left to chase"))
RIDE_COLUMNS = (QT_TRANSLATE_NOOP("GotvPage", "Pick up"), QT_TRANSLATE_NOOP("GotvPage", "Voter"),
                QT_TRANSLATE_NOOP("GotvPage", "From"), QT_TRANSLATE_NOOP("GotvPage", "People"),
                QT_TRANSLATE_NOOP("GotvPage", "Phone"), QT_TRANSLATE_NOOP("GotvPage", "Status"),
                QT_TRANSLATE_NOOP("GotvPage", "Asked by"))
STATUS_NAMES = {"requested": QT_TRANSLATE_NOOP("GotvPage", "requested"),
                "arranged": QT_TRANSLATE_NOOP("GotvPage", "arranged"),
                "done": QT_TRANSLATE_NOOP("GotvPage", "done"),
                "cancelled": QT_TRANSLATE_NOOP("GotvPage", "cancelled")}
_Loaded = tuple[progress.Progress | None, list[rides.Ride]]


def _table(columns: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # names, addresses
    return table


class GotvPage(QWidget):
    loaded = Signal()  # tests: the figures and rides now shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = LiveTexts("GotvPage")
        self.rides: list[rides.Ride] = []
        self.current: progress.Progress | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 16px;")
        self.texts.bind(self.summary.setAccessibleName, QT_TRANSLATE_NOOP("GotvPage", "Election-day summary"))
        self.chart = ProgressChart()
        self.turfs = _table(TURF_COLUMNS, 1)
        self.texts.bind(self.turfs.setAccessibleName, QT_TRANSLATE_NOOP("GotvPage", "Progress per turf"))
        self.rides_heading = QLabel()
        self.rides_heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.ride_table = _table(RIDE_COLUMNS, 2)
        self.texts.bind(self.ride_table.setAccessibleName, QT_TRANSLATE_NOOP("GotvPage", "Rides to the polls"))
        self.ride_table.itemSelectionChanged.connect(self._enable_buttons)
        self.ride_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for status, label in (("arranged", QT_TRANSLATE_NOOP("GotvPage", "Mark arranged")),
                              ("done", QT_TRANSLATE_NOOP("GotvPage", "Mark done")),
                              ("cancelled", QT_TRANSLATE_NOOP("GotvPage", "Cancel ride"))):
            button = QPushButton()
            self.texts.bind(button.setText, label)
            button.clicked.connect(lambda _=False, s=status: self.mark(s))
            self.ride_buttons[status] = button
            buttons.addWidget(button)
        self.ride_note = QLabel()
        self.ride_note.setWordWrap(True)
        buttons.addWidget(self.ride_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.turfs, 1)
        layout.addWidget(self.rides_heading)
        layout.addWidget(self.ride_table, 1)
        layout.addLayout(buttons)
        self._retranslate()
        ctx.events.county_changed.connect(lambda _key: self.refresh())
        ctx.events.data_changed.connect(self._data_changed)
        ctx.events.signed_in.connect(self._enable_buttons)
        self.refresh()

    def _retranslate(self) -> None:
        self.turfs.setHorizontalHeaderLabels([translate("GotvPage", c) for c in TURF_COLUMNS])
        self.ride_table.setHorizontalHeaderLabels([translate("GotvPage", c) for c in RIDE_COLUMNS])
        self.rides_heading.setText(translate("GotvPage", "Rides to the polls"))
        self._enable_buttons()

    def _data_changed(self, what: str) -> None:
        if what in ("contacts", "voters", "voted", "sync", "turfs", "rides"):
            self.refresh()

    def refresh(self) -> None:
        """Read the current county's figures and rides off the GUI thread."""
        store, county_id = self.ctx.store, self.ctx.county_id

        def work(_: TaskControl) -> _Loaded:
            with store.session() as session:
                if county_id is None:
                    return None, []
                return progress.progress(session, county_id), rides.list_rides(session, county_id)

        self.ctx.runner.run(work, on_done=self._show)

    def _show(self, loaded: _Loaded) -> None:
        self.current, self.rides = loaded
        p = self.current
        if p is None:
            self.summary.setText(translate("GotvPage", "No county yet: import a voter file."))
            self.chart.set_bars([])
        else:
            f = p.county_figures
            self.summary.setText(translate(
                "GotvPage", "<b>{0}</b> — election {1}: <b>{2}</b> of {3} supporters have voted; <b>{4}</b> left "
                            "to chase.").format(f"{p.county}, {p.state}", p.election or translate(
                                "GotvPage", "not known yet (import a voted file)"), number(f.voted),
                                number(f.supporters), number(f.left_to_chase)))
            self.chart.set_bars([Bar(translate("GotvPage", "County"), f.supporters, f.voted)]
                                + [Bar(t.list_number, t.figures.supporters, t.figures.voted) for t in p.turfs])
        self._fill_turfs()
        self._fill_rides()
        self.loaded.emit()

    def _fill_turfs(self) -> None:
        turfs = self.current.turfs if self.current else []
        self.turfs.setRowCount(len(turfs))
        for row, t in enumerate(turfs):
            for col, value in enumerate((t.list_number, t.name, number(t.figures.supporters),
                                         number(t.figures.voted), number(t.figures.left_to_chase))):
                item = QTableWidgetItem(value)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.turfs.setItem(row, col, item)

    def _fill_rides(self) -> None:
        keep = self.selected_ride()
        self.ride_table.setRowCount(len(self.rides))
        for row, r in enumerate(self.rides):
            values = (r.pickup_at.replace("T", " ")[:16], r.voter_name, r.pickup_address, str(r.passengers), r.phone,
                      translate("GotvPage", STATUS_NAMES.get(r.status, r.status)), r.requested_by or "")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.ride_table.setItem(row, col, item)
            if keep is not None and r.id == keep.id:
                self.ride_table.selectRow(row)
        counts = {s: sum(1 for r in self.rides if r.status == s) for s in STATUS_NAMES}
        self.rides_heading.setText(translate("GotvPage", "Rides to the polls: {0} requested, {1} arranged, {2} done")
                                   .format(counts["requested"], counts["arranged"], counts["done"]))
        self._enable_buttons()

    def selected_ride(self) -> rides.Ride | None:
        rows = self.ride_table.selectionModel().selectedRows()
        return self.rides[rows[0].row()] if rows and rows[0].row() < len(self.rides) else None

    def _enable_buttons(self) -> None:
        """Only a county lead (or an admin) arranges rides: the role table says so, and so does the server."""
        lead = roles.may_send(self.ctx.role, "ride_update") is not None
        ride = self.selected_ride()
        for status, button in self.ride_buttons.items():
            button.setVisible(lead)
            button.setEnabled(lead and ride is not None and status in rides.NEXT_STATUSES.get(ride.status, ()))
        self.ride_note.setText("" if lead else translate(
            "GotvPage", "Ride requests you record at the door go to your county lead at the next sync; the lead "
                        "arranges them."))

    def mark(self, status: str) -> None:
        """Mark the selected ride (county leads); sent to the server at the next sync."""
        ride = self.selected_ride()
        if ride is None:
            return
        store, user, ride_id = self.ctx.store, self.ctx.user, ride.id

        def work(_: TaskControl) -> rides.Ride:
            with store.session() as session:
                return rides.set_ride_status(session, ride_id, status, by=user)

        def done(changed: rides.Ride) -> None:
            self.ctx.events.status_message.emit(translate("GotvPage", "Ride for {0} marked {1}").format(
                changed.voter_name, translate("GotvPage", STATUS_NAMES[changed.status])))
            self.refresh()

        self.ctx.runner.run(work, on_done=done, on_error=lambda exc: self.ride_note.setText(str(exc)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._retranslate()
            self.refresh()
        super().changeEvent(event)
