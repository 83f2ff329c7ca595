"""The Sync page: online or not, what is waiting and since when, the last sync and error, rejections, enrollment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.sync.enroll import Enrolled
from canvass_app.sync.rejections import Rejection
from canvass_app.sync.status import SyncStatus, describe_age
from canvass_app.sync.syncer import SyncReport
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.roles import ROLE_NAMES
from canvass_app.ui.sync_controller import SyncController
from canvass_protocol import wire

REJECTION = wire.OpRejection
REASONS: dict[str, str] = {  # the server's rejection codes (the protocol's), in plain words
    REJECTION.UNKNOWN_VOTER: QT_TRANSLATE_NOOP("SyncPage", "the voter is not in the server's list for this county"),
    REJECTION.COUNTY_FORBIDDEN: QT_TRANSLATE_NOOP("SyncPage", "this device may not write to that county"),
    REJECTION.UNKNOWN_BRIEF: QT_TRANSLATE_NOOP("SyncPage", "the policy is not open for votes any more"),
    REJECTION.INVALID_PAYLOAD: QT_TRANSLATE_NOOP("SyncPage", "the change was incomplete or malformed"),
    REJECTION.ID_CONFLICT: QT_TRANSLATE_NOOP("SyncPage", "another change already used the same id"),
    REJECTION.UNKNOWN_OP_TYPE: QT_TRANSLATE_NOOP("SyncPage", "the server does not know this kind of change"),
    REJECTION.UNSUPPORTED_SCHEMA: QT_TRANSLATE_NOOP("SyncPage", "the server needs a newer version of Canvass"),
    REJECTION.SEQ_REUSED: QT_TRANSLATE_NOOP("SyncPage", "the change was sent twice under different contents"),
    REJECTION.FORBIDDEN_ROLE: QT_TRANSLATE_NOOP("SyncPage", "your role may not make this change"),
    REJECTION.UNKNOWN_TURF: QT_TRANSLATE_NOOP("SyncPage", "the turf is not on the server (it may have been deleted)"),
    REJECTION.UNKNOWN_MEMBER: QT_TRANSLATE_NOOP("SyncPage", "that member is not in this county's list"),
    REJECTION.LIST_NUMBER_TAKEN: QT_TRANSLATE_NOOP("SyncPage", "another turf already has that list number"),
    REJECTION.UNKNOWN_BALLOT: QT_TRANSLATE_NOOP("SyncPage", "the ballot is not open in this county"),
    REJECTION.BALLOT_CLOSED: QT_TRANSLATE_NOOP("SyncPage", "the ballot had closed"),
    REJECTION.NOT_IN_ELECTORATE: QT_TRANSLATE_NOOP("SyncPage", "you are not among this ballot's voters"),
}
CHANGES: dict[str, str] = {  # op types, as people call them
    "contact_attempt": QT_TRANSLATE_NOOP("SyncPage", "contact"),
    "voter_correction": QT_TRANSLATE_NOOP("SyncPage", "voter mark"),
    "policy_vote": QT_TRANSLATE_NOOP("SyncPage", "vote"),
    "ballot_vote": QT_TRANSLATE_NOOP("SyncPage", "vote"),
}


def _when(iso: str | None) -> str:
    if not iso:
        return translate("SyncPage", "never")
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is None:  # SQLite hands back naive datetimes; the store only ever writes UTC
        moment = moment.replace(tzinfo=dt.UTC)
    age = (dt.datetime.now(dt.UTC) - moment).total_seconds()
    local = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime(),
                               QLocale.FormatType.ShortFormat)  # the language's own date and time format
    return translate("SyncPage", "{0} ({1} ago)").format(local, describe_age(max(0.0, age)))


def plain_reason(code: str, reason: str) -> str:
    """The server's reason in plain words of the person's language where the code is known, else as it said."""
    return translate("SyncPage", REASONS[code]) if code in REASONS else (reason or code)


def change_name(op_type: str) -> str:
    return translate("SyncPage", CHANGES[op_type]) if op_type in CHANGES else op_type.replace("_", " ")


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, *, controller: SyncController | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("SyncPage")
        bind = self.texts.bind
        bind(self.setAccessibleName, QT_TRANSLATE_NOOP("SyncPage", "Sync"))
        self.controller = controller or SyncController(ctx, parent=self)
        layout = QVBoxLayout(self)
        heading = QLabel()
        bind(heading.setText, QT_TRANSLATE_NOOP("SyncPage", "Sync"), lambda text: f"<h2>{text}</h2>")
        layout.addWidget(heading)

        state = QGroupBox()
        bind(state.setTitle, QT_TRANSLATE_NOOP("SyncPage", "This device"))
        form = QFormLayout(state)
        self.online_label = QLabel(translate("SyncPage", "checking…"))  # until the store's status is read
        self.pending_label = QLabel("–")
        self.oldest_label = QLabel("–")
        self.last_sync_label = QLabel("–")
        self.error_label = QLabel("–")
        self.error_label.setWordWrap(True)
        self.device_label = QLabel("–")
        self.device_label.setWordWrap(True)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = (
            (QT_TRANSLATE_NOOP("SyncPage", "Connection"), self.online_label),
            (QT_TRANSLATE_NOOP("SyncPage", "Waiting to be sent"), self.pending_label),
            (QT_TRANSLATE_NOOP("SyncPage", "Oldest waiting change"), self.oldest_label),
            (QT_TRANSLATE_NOOP("SyncPage", "Last successful sync"), self.last_sync_label),
            (QT_TRANSLATE_NOOP("SyncPage", "Last problem"), self.error_label),
            (QT_TRANSLATE_NOOP("SyncPage", "Server"), self.device_label),
        )
        for text, widget in rows:
            label = QLabel()
            bind(label.setText, text, lambda translated: translated + ":")
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton()
        bind(self.sync_button.setText, QT_TRANSLATE_NOOP("SyncPage", "Sync now"))
        bind(self.sync_button.setToolTip,
             QT_TRANSLATE_NOOP("SyncPage", "Send waiting changes and fetch the latest lists now"))
        self.sync_button.clicked.connect(self._sync_now)
        buttons.addWidget(self.sync_button)
        self.activity_label = QLabel("")
        buttons.addWidget(self.activity_label, 1)
        form.addRow(buttons)
        layout.addWidget(state)

        self.wiped_label = QLabel("")
        self.wiped_label.setWordWrap(True)
        self.wiped_label.setStyleSheet("color: #a40000; font-weight: bold")
        self.wiped_label.hide()
        layout.addWidget(self.wiped_label)

        self.enroll_box = QGroupBox(translate("SyncPage", "Connect this device to a server"))
        enroll_form = QFormLayout(self.enroll_box)
        self.url_edit = QLineEdit()
        bind(self.url_edit.setPlaceholderText, QT_TRANSLATE_NOOP("SyncPage", "for example https://sync.example.org"))
        bind(self.url_edit.setAccessibleName, QT_TRANSLATE_NOOP("SyncPage", "Server address"))
        self.code_edit = QLineEdit()
        bind(self.code_edit.setPlaceholderText,
             QT_TRANSLATE_NOOP("SyncPage", "from your county lead, like ABCD-EFGH-JKLM"))
        bind(self.code_edit.setAccessibleName, QT_TRANSLATE_NOOP("SyncPage", "Enrollment code"))
        self.enroll_button = QPushButton()
        bind(self.enroll_button.setText, QT_TRANSLATE_NOOP("SyncPage", "Connect"))
        self.enroll_button.clicked.connect(self._enroll)
        self.code_edit.returnPressed.connect(self._enroll)
        self.enroll_result = QLabel("")
        self.enroll_result.setWordWrap(True)
        url_label, code_label = QLabel(), QLabel()
        bind(url_label.setText, QT_TRANSLATE_NOOP("SyncPage", "Server address:"))
        bind(code_label.setText, QT_TRANSLATE_NOOP("SyncPage", "Enrollment code:"))
        enroll_form.addRow(url_label, self.url_edit)
        enroll_form.addRow(code_label, self.code_edit)
        enroll_form.addRow(self.enroll_button, self.enroll_result)
        layout.addWidget(self.enroll_box)

        rejected_box = QGroupBox()
        bind(rejected_box.setTitle, QT_TRANSLATE_NOOP("SyncPage", "Changes the server did not accept"))
        rejected_layout = QVBoxLayout(rejected_box)
        self.rejected_table = QTableWidget(0, 5)
        headers = (QT_TRANSLATE_NOOP("SyncPage", "When"), QT_TRANSLATE_NOOP("SyncPage", "Change"),
                   QT_TRANSLATE_NOOP("SyncPage", "About"), QT_TRANSLATE_NOOP("SyncPage", "Code"),
                   QT_TRANSLATE_NOOP("SyncPage", "Reason"))
        for col, title in enumerate(headers):
            header_item = QTableWidgetItem()
            self.rejected_table.setHorizontalHeaderItem(col, header_item)
            bind(header_item.setText, title)
        self.rejected_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.rejected_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejected_table.verticalHeader().hide()
        bind(self.rejected_table.setAccessibleName, QT_TRANSLATE_NOOP("SyncPage", "Rejected changes"))
        seen_row = QHBoxLayout()
        self.unseen_label = QLabel(translate(
            "SyncPage", "These are kept for your records; they never hold up other changes."))
        self.unseen_label.setWordWrap(True)
        self.seen_button = QPushButton()
        bind(self.seen_button.setText, QT_TRANSLATE_NOOP("SyncPage", "Mark as seen"))
        bind(self.seen_button.setToolTip, QT_TRANSLATE_NOOP("SyncPage", "Stop counting these in the status bar"))
        self.seen_button.setEnabled(False)
        self.seen_button.clicked.connect(self._mark_seen)
        seen_row.addWidget(self.unseen_label, 1)
        seen_row.addWidget(self.seen_button)
        rejected_layout.addLayout(seen_row)
        rejected_layout.addWidget(self.rejected_table)
        self._unseen: list[int] = []  # the seqs of the unseen refusals on show: "Mark as seen" marks exactly these
        self._report: SyncReport | None = None  # the last sync's and enrollment's outcome, told again in a new language
        self._enrollment: Enrolled | None = None
        layout.addWidget(rejected_box, 1)

        c = self.controller
        c.status_changed.connect(self.show_status)
        c.online_changed.connect(lambda _online: self._show_connection())
        c.busy_changed.connect(self._busy)
        c.report_ready.connect(self._show_report)
        QTimer.singleShot(0, self._attach)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            if self._report is not None:
                self._show_report(self._report)
            if self._enrollment is not None:
                self._enrolled(self._enrollment)
            if self.controller.status is not None:
                self.show_status(self.controller.status)  # at once, then again with the server's reasons
                self.controller.refresh()  # reread: what each refused change was about, in the new language
        super().changeEvent(event)

    def _attach(self) -> None:
        """Feed the main window's status-bar label, then start watching."""
        window = self.window()
        setter = getattr(window, "set_sync_state", None)
        if setter is not None:
            self.controller.bar_text.connect(setter)
            label = getattr(window, "sync_label", None)
            if label is not None:
                self.controller.bar_text.connect(lambda _t: label.setToolTip(self.controller.bar_tooltip()))
        self.controller.start()

    # actions --------------------------------------------------------------------------------------------------
    def _sync_now(self) -> None:
        if not self.controller.sync_now():
            self.activity_label.setText(translate("SyncPage", "A sync is already running."))

    def _mark_seen(self) -> None:
        self.seen_button.setEnabled(False)
        self.controller.mark_seen(self._unseen)

    def _enroll(self) -> None:
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        if not url or not code:
            self.enroll_result.setText(translate("SyncPage", "Give both the server address and the code."))
            return
        self.enroll_button.setEnabled(False)
        self.enroll_result.setText(translate("SyncPage", "Connecting…"))
        self.controller.enroll(url, code, on_done=self._enrolled, on_error=self._enroll_failed)

    def _enrolled(self, done: Enrolled) -> None:
        self._enrollment = done
        self.enroll_button.setEnabled(True)
        self.code_edit.clear()
        self.enroll_result.setText(translate("SyncPage", "Connected as a {0} for {1} {2}.").format(
            translate("Roles", ROLE_NAMES.get(done.role, done.role)), done.county, done.state))

    def _enroll_failed(self, exc: BaseException) -> None:
        self._enrollment = None
        self.enroll_button.setEnabled(True)
        self.enroll_result.setText(str(exc))

    # display --------------------------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.activity_label.setText(translate("SyncPage", "Syncing…") if busy else "")

    def _show_connection(self) -> None:
        status = self.controller.status
        if status is None:
            return
        if not status.enrolled:
            self.online_label.setText(translate("SyncPage", "not connected"))
            return
        texts = {True: translate("SyncPage", "online"),
                 False: translate("SyncPage", "offline — changes wait safely on this device"),
                 None: translate("SyncPage", "checking…")}
        self.online_label.setText(texts[self.controller.scheduler.online])

    def _show_report(self, report: SyncReport) -> None:
        self._report = report
        if report.ok:
            self.activity_label.setText(translate("SyncPage", "Done: {0} sent, {1} not accepted.").format(
                number(report.applied + report.duplicates), number(report.rejected)))

    def show_status(self, status: SyncStatus) -> None:
        self._show_connection()
        self.pending_label.setText(translate("SyncPage", "{0} change(s)").format(number(status.pending))
                                   if status.pending
                                   else translate("SyncPage", "nothing"))
        self.oldest_label.setText(describe_age(status.oldest_pending_age_s) if status.pending else "–")
        self.last_sync_label.setText(_when(status.last_success_at))
        self.error_label.setText(status.last_error or translate("SyncPage", "none"))
        if status.enrolled:
            self.device_label.setText(translate("SyncPage", "{0} ({1}), device {2}").format(
                status.server_url, status.county, status.device_id))
            self.enroll_box.setTitle(translate("SyncPage", "Connect this device to another server"))
        else:
            self.device_label.setText(translate(
                "SyncPage", "not connected: enter the server address and your code below"))
            if status.wiped:
                self.enroll_result.clear()
            self.enroll_box.setTitle(translate("SyncPage", "Connect this device to a server"))
        self.sync_button.setEnabled(status.enrolled and not self.controller.scheduler.running)
        if status.wiped and not status.enrolled:
            self.wiped_label.setText(translate(
                "SyncPage", "The server revoked this device on {0}: its voter data was wiped from this computer. "
                            "Ask your county lead for a new code.").format(_when(str(status.wiped.get("at")))))
            self.wiped_label.show()
        else:
            self.wiped_label.hide()
        self._show_rejections(status.rejected_ops, status.unseen)

    def _show_rejections(self, rejections: list[Rejection], unseen: int) -> None:
        """Newest first; the ones not yet seen in bold, each with what it was about and the server's reason."""
        self._unseen = [r.seq for r in rejections if not r.seen]
        self.seen_button.setEnabled(bool(self._unseen))
        self.unseen_label.setText(
            translate("SyncPage", "{0} not seen yet. They never hold up other changes; fix and log them again "
                                  "where needed.").format(number(unseen)) if unseen
            else translate("SyncPage", "These are kept for your records; they never hold up other changes."))
        table = self.rejected_table
        table.setRowCount(len(rejections))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, r in enumerate(rejections):
            values = (_when(r.created_at.isoformat()).split(" (")[0], change_name(r.op_type), r.what or "–", r.code,
                      plain_reason(r.code, r.reason))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{r.code}: {r.reason}")
                if not r.seen:
                    item.setFont(bold)
                table.setItem(row, col, item)
        for col in range(4):
            table.resizeColumnToContents(col)
