"""The Briefs page's ballots panel: the ballots on the brief shown (or all), the member's own vote, time left,
the published result and the check of the member's receipt. Service calls go through the task runner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QLocale, QTimeZone
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from canvass_app.ballots.listing import BallotView, list_ballots
from canvass_app.ballots.receipts import MISMATCH, VERIFIED
from canvass_app.ballots.votes import CHOICES, CastVote, cast_vote
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.store.models import utcnow
from canvass_app.sync.receipts import check_receipts
from canvass_app.sync.rejections import Rejection, refusals
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.pages.sync import plain_reason
from canvass_protocol.wire import NOTE_MAX


def choice_label(choice: str) -> str:
    labels = {"support": translate("Ballots", "Support"), "oppose": translate("Ballots", "Oppose"),
              "abstain": translate("Ballots", "Abstain")}
    return labels.get(choice, choice)


def time_left(closes_at: dt.datetime, now: dt.datetime | None = None) -> str:
    """ "3 days 4 h left", "5 h 20 min left", "12 min left"."""
    seconds = max(0, int((closes_at - (now or utcnow())).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, minutes = rest // 3600, rest % 3600 // 60
    if days:
        return translate("Ballots", "{0} days {1} h left").format(days, hours)
    if hours:
        return translate("Ballots", "{0} h {1} min left").format(hours, minutes)
    return translate("Ballots", "{0} min left").format(max(1, minutes))


def utc_time(moment: dt.datetime) -> str:
    """A UTC moment in the language's short date and time format (the store keeps naive UTC)."""
    seconds = int(moment.replace(tzinfo=moment.tzinfo or dt.UTC).timestamp())
    shown = QDateTime.fromSecsSinceEpoch(seconds, QTimeZone.utc())
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


@dataclass(frozen=True)
class _Loaded:
    views: list[BallotView]
    refused: dict[str, Rejection]


class BallotCard(QFrame):
    """One ballot: its state, the member's vote (with the buttons while it is open) and the receipt check."""

    def __init__(self, panel: BallotsPanel, view: BallotView, refused: Rejection | None) -> None:
        super().__init__()
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self._heading())
        self.heading.setWordWrap(True)
        self.mine = QLabel(self._mine(refused))
        self.mine.setWordWrap(True)
        if refused is not None:
            self.mine.setStyleSheet("color: #b00020; font-weight: bold")
        layout.addWidget(self.heading)
        layout.addWidget(self.mine)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(translate("Ballots", "Optional comment for the policy council"))
        self.comment.setAccessibleName(translate("Ballots", "Vote comment"))
        self.comment.setMaxLength(NOTE_MAX)
        self.buttons: dict[str, QPushButton] = {}
        if view.open:
            row = QHBoxLayout()
            for choice in CHOICES:
                button = QPushButton(choice_label(choice))
                button.setDefault(view.my_choice == choice)
                button.clicked.connect(lambda _=False, c=choice: panel.vote(view.id, c, self.comment.text()))
                self.buttons[choice] = button
                row.addWidget(button)
            layout.addWidget(self.comment)
            layout.addLayout(row)
        self.receipt = QLabel(self._receipt())
        self.receipt.setWordWrap(True)
        self.check_button = QPushButton(translate("Ballots", "Check my receipt"))
        self.check_button.setToolTip(translate("Ballots", "Fetch the published receipts and look for yours"))
        self.check_button.clicked.connect(panel.check)
        if view.closed and view.my_choice:
            row = QHBoxLayout()
            row.addWidget(self.receipt, 1)
            row.addWidget(self.check_button)
            layout.addLayout(row)

    def _heading(self) -> str:
        v = self.view
        scope = {"county": translate("Ballots", "county"), "state": translate("Ballots", "state"),
                 "national": translate("Ballots", "national")}.get(v.scope, v.scope)
        head = f"<b>{_esc(v.title)}</b> · " + translate("Ballots", "ballot {0}, {1}").format(v.id, scope)
        if v.open:
            return head + "<br/>" + translate("Ballots", "Open until {0} UTC — {1}").format(
                utc_time(v.closes_at), time_left(v.closes_at))
        if v.result is None:
            return head + "<br/>" + translate("Ballots", "Closed {0} UTC — the result arrives with "
                                                         "the next sync").format(utc_time(v.closes_at))
        r = v.result
        verdict = translate("Ballots", "Passed") if r["passed"] else translate("Ballots", "Not passed")
        quorum = translate("Ballots", "quorum met") if r["quorum_met"] else translate("Ballots", "no quorum")
        counts = translate("Ballots", "{0} support · {1} oppose · {2} abstain; {3} of {4} voted, {5}").format(
            *(number(r[key]) for key in ("support", "oppose", "abstain", "votes", "electorate")), quorum)
        return head + f"<br/><b>{verdict}</b> — {counts}"

    def _mine(self, refused: Rejection | None) -> str:
        v = self.view
        if v.my_choice is None:
            return translate("Ballots", "You have not voted.") if v.open or v.closed else ""
        choice = choice_label(v.my_choice)
        if refused is not None:
            return translate("Ballots", "Your vote: {0} — not accepted by the server: {1}. It is not counted."
                             ).format(choice, plain_reason(refused.code, refused.reason))
        comment = f" (“{_esc(v.my_comment)}”)" if v.my_comment else ""
        cast = utc_time(v.my_vote_at) if v.my_vote_at else "–"
        text = translate("Ballots", "Your vote: {0}{1}, cast {2} UTC.").format(choice, comment, cast)
        if v.open:
            text += " " + translate("Ballots", "A new vote replaces it until the ballot closes.")
        return text

    def _receipt(self) -> str:
        status = self.view.receipt_check
        if status == VERIFIED:
            return "✔ " + translate("Ballots", "Receipt checked: your vote is counted under your choice.")
        if status == MISMATCH:
            return "✖ " + translate("Ballots", "Receipt published under another choice: tell your county lead.")
        if status is not None:
            return "✖ " + translate("Ballots", "Your receipt is not among the published ones: your vote was not "
                                               "counted.")
        return translate("Ballots", "Receipt not checked yet.")


class BallotsPanel(QGroupBox):
    """The ballots of one brief (`show_brief(slug)`) or of all briefs (`show_brief(None)`)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.texts = LiveTexts("Ballots")
        self.texts.bind(self.setTitle, QT_TRANSLATE_NOOP("Ballots", "Ballots"))
        self.ctx = ctx
        self.slug: str | None = None
        self.cards: dict[int, BallotCard] = {}
        self._gen = 0
        self.loads = 0  # how many loads were shown (tests wait on it)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._cards = QVBoxLayout()
        layout.addWidget(self.status)
        layout.addLayout(self._cards)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            if self._gen:  # the cards are built from data: build them again in the new language
                self.show_brief(self.slug)
        super().changeEvent(event)

    def show_brief(self, slug: str | None) -> None:
        """Load and show the ballots of this brief (all ballots for None), off the GUI thread."""
        self.slug = slug
        self._gen += 1
        gen, store = self._gen, self.ctx.store

        def task(_control: object) -> _Loaded:
            with store.session() as s:
                views = list_ballots(s, brief_slug=slug)
                return _Loaded(views, refusals(s, [v.my_vote_id for v in views if v.my_vote_id]))

        self.ctx.runner.run(task, on_done=lambda loaded: self._show(gen, loaded), on_error=self._failed)

    def _show(self, gen: int, loaded: _Loaded) -> None:
        if gen != self._gen or not shiboken6.isValid(self):  # a late answer for a panel already closed
            return
        self.loads += 1
        for card in self.cards.values():
            if shiboken6.isValid(card):  # Qt may have deleted it with its parent already
                card.hide()
                card.deleteLater()
        self.cards = {}
        for view in loaded.views:
            card = BallotCard(self, view, loaded.refused.get(view.my_vote_id or ""))
            self.cards[view.id] = card
            self._cards.addWidget(card)
        self.status.hide()
        self.setVisible(bool(loaded.views))

    def vote(self, ballot_id: int, choice: str, comment: str) -> None:
        """Cast (or change) the member's vote: stored and queued now, sent at the next sync."""
        store = self.ctx.store

        def task(_control: object) -> CastVote:
            with store.session() as s:
                return cast_vote(s, ballot_id, choice, comment)

        def done(cast: CastVote) -> None:
            message = (translate("Ballots", "Vote changed to {0}") if cast.replaced
                       else translate("Ballots", "Vote recorded: {0}"))
            self.ctx.events.status_message.emit(message.format(choice_label(cast.choice)) + " — " + translate(
                "Ballots", "sent at the next sync"))
            self.show_brief(self.slug)

        self.ctx.runner.run(task, on_done=done, on_error=self._vote_failed)

    def check(self) -> None:
        """Fetch the receipts of closed ballots voted on from this device and check them (network)."""
        store = self.ctx.store
        self.status.setText(translate("Ballots", "Checking receipts…"))
        self.status.show()
        self.ctx.runner.run(lambda _c: check_receipts(store, again=True), on_done=lambda _r: self.show_brief(
            self.slug), on_error=self._failed)

    def _vote_failed(self, exc: BaseException) -> None:
        self.status.setText(translate("Ballots", "Vote not recorded: {0}").format(exc))
        self.status.show()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(translate("Ballots", "Ballots: {0}").format(exc))
        self.status.show()
        self.show()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
