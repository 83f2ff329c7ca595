"""The Walk page's election-day box: where the person in focus votes (polling place, early-voting sites, drop
boxes, hours, all from the store: offline), and the ride-to-the-polls form (when, from where, how many, phone).

Both read and write through the task runner (canvass_app.gotv.polling, canvass_app.gotv.rides); the form's text
boxes take plain keys before the page's one-letter result keys (TextFirst)."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvass_app.gotv import polling, rides
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.store.models import Voter
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, translate
from canvass_app.ui.widgets.walk_keys import TextFirst
from canvass_protocol import wire

_Loaded = tuple[int, polling.VoterPlaces, str]


class WalkGotvPanel(QFrame):
    """Shows one voter's places and takes their ride request; `ride_saved(text)` after a request is stored."""

    ride_saved = Signal(str)

    def __init__(self, ctx: AppContext, keys_home: QWidget) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("WalkGotvPanel")
        self.voter_id: int | None = None
        self.voter_name = ""
        self.address = ""
        self._cache: dict[int, _Loaded] = {}
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("WalkGotvPanel { background: #f3f7fb; }")
        self.places = QLabel()
        self.places.setTextFormat(Qt.TextFormat.RichText)
        self.places.setWordWrap(True)
        self.places.setStyleSheet("font-size: 13px;")
        self.texts.bind(self.places.setAccessibleName, QT_TRANSLATE_NOOP("WalkGotvPanel", "Where they vote"))
        self.ride_button = QPushButton()
        self.ride_button.setCheckable(True)
        self.texts.bind(self.ride_button.setText, QT_TRANSLATE_NOOP("WalkGotvPanel", "Ride to the polls…"))
        self.texts.bind(self.ride_button.setToolTip,
                        QT_TRANSLATE_NOOP("WalkGotvPanel", "Record that this person needs a ride to vote"))
        self.ride_button.toggled.connect(self._show_form)
        top = QHBoxLayout()
        top.addWidget(self.places, 1)
        top.addWidget(self.ride_button, 0, Qt.AlignmentFlag.AlignTop)

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 4, 0, 0)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.from_address = QLineEdit()
        self.passengers = QSpinBox()
        self.passengers.setRange(1, wire.MAX_PASSENGERS)
        self.phone = QLineEdit()
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.save = QPushButton()
        self.texts.bind(self.save.setText, QT_TRANSLATE_NOOP("WalkGotvPanel", "Save ride request"))
        self.save.clicked.connect(self.save_ride)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.texts.bind(self.message.setAccessibleName, QT_TRANSLATE_NOOP("WalkGotvPanel", "Ride request"))
        for widget, label in ((self.when, QT_TRANSLATE_NOOP("WalkGotvPanel", "Pick up at")),
                              (self.from_address, QT_TRANSLATE_NOOP("WalkGotvPanel", "From")),
                              (self.passengers, QT_TRANSLATE_NOOP("WalkGotvPanel", "People")),
                              (self.phone, QT_TRANSLATE_NOOP("WalkGotvPanel", "Phone")),
                              (self.note, QT_TRANSLATE_NOOP("WalkGotvPanel", "Note"))):
            caption = QLabel()
            caption.setBuddy(widget)
            self.texts.bind(caption.setText, label, lambda t: t + ":")
            self.texts.bind(widget.setAccessibleName, label)
            form.addRow(caption, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.message, 1)
        form.addRow(buttons)
        self.form.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.form)
        TextFirst(keys_home).watch(self.when, self.from_address, self.passengers, self.phone, self.note)
        ctx.events.data_changed.connect(self._data_changed)
        self.show_voter(None, "")

    def _data_changed(self, what: str) -> None:
        if what in ("polling", "voters", "sync"):  # new places or phones: read them again
            self._cache.clear()
            voter, self.voter_id = self.voter_id, None
            self.show_voter(voter, self.address)

    # the voter in focus ---------------------------------------------------------------------------------------
    def show_voter(self, voter_id: int | None, address: str) -> None:
        """Follow the Walk page's person in focus (None: nobody); their places come from the store."""
        if voter_id == self.voter_id and address == self.address:
            return
        self.voter_id, self.address = voter_id, address
        self.ride_button.setEnabled(voter_id is not None)
        self.ride_button.setChecked(False)
        self.message.clear()
        if voter_id is None:
            self.places.setText(translate("WalkGotvPanel", "Where they vote shows here."))
            return
        if voter_id in self._cache:
            self._show(self._cache[voter_id])
            return
        store = self.ctx.store

        def work(_: object) -> _Loaded:
            with store.session() as session:
                voter = session.get(Voter, voter_id)
                return voter_id, polling.voter_places(session, voter_id), (voter.phone or "") if voter else ""

        self.ctx.runner.run(work, on_done=self._loaded)

    def _loaded(self, loaded: _Loaded) -> None:
        self._cache[loaded[0]] = loaded
        if loaded[0] == self.voter_id:
            self._show(loaded)

    def _show(self, loaded: _Loaded) -> None:
        _vid, places, phone = loaded
        self.voter_name = places.name
        self.phone.setText(phone)
        self.places.setText(self.places_html(places))

    @staticmethod
    def places_html(places: polling.VoterPlaces) -> str:
        """The places as the box shows them: election day first, then early voting and drop boxes."""
        if not places.known:
            return translate("WalkGotvPanel", "Polling place not known (precinct {0}): import the county's polling "
                                              "places.").format(escape(places.precinct or "?"))
        not_given = translate("WalkGotvPanel", "hours not given")

        def line(p: polling.Place) -> str:
            return f"<b>{escape(p.name)}</b>, {escape(p.address)} — {escape(p.hours or not_given)}"

        parts = []
        for heading, items in ((translate("WalkGotvPanel", "Votes at"), places.election_day),
                               (translate("WalkGotvPanel", "Early voting"), places.early_vote),
                               (translate("WalkGotvPanel", "Drop box"), places.drop_box)):
            parts += [f"{escape(heading)}: {line(p)}" for p in items]
        return "<br>".join(parts)

    # the ride form --------------------------------------------------------------------------------------------
    def _show_form(self, on: bool) -> None:
        self.form.setVisible(on)
        if on:
            start = QDateTime.currentDateTime().addSecs(3600)
            self.when.setDateTime(QDateTime(start.date(), QTime(start.time().hour(), 0)))
            self.from_address.setText(self.address)
            self.passengers.setValue(1)
            self.note.clear()
            self.message.clear()
            self.phone.setFocus()

    def save_ride(self) -> None:
        """Store the request and queue its op; the message under the form says what happened."""
        if self.voter_id is None:
            return
        local = self.when.dateTime().toPython()
        assert isinstance(local, dt.datetime)
        when = local.astimezone()  # the computer's zone: the offset travels with the time
        voter_id, user, store = self.voter_id, self.ctx.user, self.ctx.store
        address, people, phone, note = (self.from_address.text(), self.passengers.value(), self.phone.text(),
                                        self.note.text())

        def work(_: object) -> rides.Ride:
            with store.session() as session:
                return rides.request_ride(session, voter_id, pickup_at=when, pickup_address=address,
                                          passengers=people, phone=phone, note=note, requested_by=user)

        self.save.setEnabled(False)
        self.ctx.runner.run(work, on_done=self._saved, on_error=self._refused)

    def _saved(self, ride: rides.Ride) -> None:
        self.save.setEnabled(True)
        text = translate("WalkGotvPanel", "Ride requested for {0}: {1}, {2} people, from {3}; call {4}").format(
            ride.voter_name, ride.pickup_at.replace("T", " ")[:16], ride.passengers, ride.pickup_address, ride.phone)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.ride_saved.emit(text)
        self.ctx.events.data_changed.emit("rides")

    def _refused(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(translate("WalkGotvPanel", "Not saved: {0}").format(exc))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._data_changed("polling")
        super().changeEvent(event)
