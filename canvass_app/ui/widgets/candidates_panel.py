"""The alliance's own candidates on the Candidates page: status, the questionnaire with the record against it
(where they promised one thing and voted another, said plainly, vote by vote), and the recall petition with its
Sign action (queued offline, sent at the next sync) and what the published receipts say of this device's signature."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from canvass_app.candidates.candidates import CandidateView, Signed, SignRefused, list_candidates, sign_petition
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.models.candidate_table_model import CandidateTableModel, status_text
from canvass_app.ui.tasks import TaskControl

VERDICTS = {"kept": QT_TRANSLATE_NOOP("CandidatesPanel", "Kept the promise"),
            "broken": QT_TRANSLATE_NOOP("CandidatesPanel", "Broke the promise"),
            "no_vote": QT_TRANSLATE_NOOP("CandidatesPanel", "Did not vote yes or no")}
PROMISES = {"support": QT_TRANSLATE_NOOP("CandidatesPanel", "support"),
            "oppose": QT_TRANSLATE_NOOP("CandidatesPanel", "oppose")}
SIGNATURES = {
    "verified": QT_TRANSLATE_NOOP("CandidatesPanel", "You signed; your receipt is published: your signature is "
                                                     "counted."),
    "pending": QT_TRANSLATE_NOOP("CandidatesPanel", "You signed; the signature is sent at the next sync."),
    "missing": QT_TRANSLATE_NOOP("CandidatesPanel", "You signed and the server took it, but your receipt is not "
                                                    "among the published ones: report this to your county lead."),
    "refused": QT_TRANSLATE_NOOP("CandidatesPanel", "You signed, but the server refused the signature: {0}"),
}
HEADS = [QT_TRANSLATE_NOOP("CandidatesPanel", "Date"), QT_TRANSLATE_NOOP("CandidatesPanel", "Bill"),
         QT_TRANSLATE_NOOP("CandidatesPanel", "Policy"), QT_TRANSLATE_NOOP("CandidatesPanel", "Promised"),
         QT_TRANSLATE_NOOP("CandidatesPanel", "Voted"), QT_TRANSLATE_NOOP("CandidatesPanel", "What it means")]


def _t(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("CandidatesPanel", ...), translated and escaped for HTML."""
    return escape(translate("CandidatesPanel", text))


def _promise(answer: str) -> str:
    return translate("CandidatesPanel", PROMISES.get(answer, answer))


def _record(c: CandidateView) -> str:
    if not c.scored:
        return "<p>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "No voting record on this device: a newcomer, or the "
                                                               "scorecards arrive with a sync.")) + "</p>"
    if not c.record:
        return "<p>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "No scored vote on a policy of the questionnaire "
                                                               "yet.")) + "</p>"
    head = "".join(f"<th align='left'>{_t(h)}</th>" for h in HEADS)
    rows = []
    for r in c.record:
        says = escape(translate("CandidatesPanel", VERDICTS[r.verdict]))
        if r.verdict == "broken":
            plain = translate("CandidatesPanel", "{0}: promised to {1} {2}, voted {3}.")
            says = "<b style='color:#b00020'>" + escape(plain.format(
                translate("CandidatesPanel", VERDICTS[r.verdict]), _promise(r.promised), r.brief_title,
                r.option)) + "</b>"
        rows.append(f"<tr><td>{escape(r.date[:10])}</td><td><b>{escape(r.bill)}</b> {escape(r.motion)}</td>"
                    f"<td>{escape(r.brief_title)}</td><td>{escape(_promise(r.promised))}</td>"
                    f"<td>{escape(r.option)}</td><td>{says}</td></tr>")
    return f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{''.join(rows)}</table>"


def _petition(c: CandidateView) -> str:
    p = c.petition
    if p.get("open"):
        text = _t(QT_TRANSLATE_NOOP("CandidatesPanel", "{0} of {1} signatures: at {1}, a recall ballot of the "
                                                       "district opens (two thirds to recall)."))
        parts = ["<p>" + text.format(number(int(p.get("signatures") or 0)), number(int(p.get("needed") or 0)))
                 + "</p>"]
    elif c.recall_ballot_id is not None and c.status == "endorsed":
        text = _t(QT_TRANSLATE_NOOP("CandidatesPanel", "The recall ballot is open (ballot {0})."))
        parts = ["<p>" + text.format(c.recall_ballot_id) + "</p>"]
    else:
        parts = ["<p>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Only an endorsed candidate can be recalled."))
                 + "</p>"]
    if c.my_signature is not None:
        parts.append("<p>" + _t(SIGNATURES[c.my_signature]).format(escape(c.my_signature_reason or "")) + "</p>")
    elif p.get("open") and not c.in_my_district:
        parts.append("<p>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Members of the candidate's district sign "
                                                                     "this petition.")) + "</p>")
    return "".join(parts)


def explain(c: CandidateView) -> str:
    """The candidate as safe HTML: status, questionnaire, the record against it, the petition."""
    district = _t(QT_TRANSLATE_NOOP("CandidatesPanel", "district {0}")).format(escape(c.district))
    parts = [f"<h3>{escape(c.name)} — {escape(c.office)}, {district} ({escape(status_text(c.status))})</h3>"]
    if c.nominations_open:
        parts.append("<p><b>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "The members recalled this candidate: "
                                                                        "nominations for the seat are open."))
                     + "</b></p>")
    if c.broken:
        text = _t(QT_TRANSLATE_NOOP("CandidatesPanel", "{0} vote(s) went against what this candidate promised."))
        parts.append("<p><b style='color:#b00020'>" + text.format(number(c.broken)) + "</b></p>")
    parts.append("<h4>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Questionnaire")) + "</h4>")
    promised = _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Promised to {0} {1}"))
    items = ["<li>" + promised.format(escape(_promise(q["answer"])), escape(q["brief_title"]))
             + (f" — <i>{escape(q['comment'])}</i>" if q.get("comment") else "") + "</li>" for q in c.questionnaire]
    parts.append("<ul>" + "".join(items) + "</ul>" if items
                 else "<p>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "No answers yet.")) + "</p>")
    parts.append("<h4>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Promises against votes")) + "</h4>" + _record(c))
    parts.append("<h4>" + _t(QT_TRANSLATE_NOOP("CandidatesPanel", "Recall petition")) + "</h4>" + _petition(c))
    return "".join(parts)


class CandidatesPanel(QWidget):
    loaded = Signal(int)  # tests: the candidates now shown
    signed = Signal(int)  # a candidate's petition signed on this device

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = LiveTexts("CandidatesPanel")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.texts.bind(self.heading.setText, QT_TRANSLATE_NOOP(
            "CandidatesPanel", "The alliance's own candidates: what they promised, how they voted, and the recall "
                               "petition of your district's."))
        self.model = CandidateTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.texts.bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("CandidatesPanel", "Candidates"))
        self.detail = QTextBrowser()
        self.texts.bind(self.detail.setAccessibleName, QT_TRANSLATE_NOOP("CandidatesPanel", "The candidate's record"))
        self.sign_button = QPushButton()
        self.texts.bind(self.sign_button.setText, QT_TRANSLATE_NOOP("CandidatesPanel", "Sign recall petition"))
        self.texts.bind(self.sign_button.setToolTip, QT_TRANSLATE_NOOP(
            "CandidatesPanel", "Sign this candidate's recall petition as yourself (sent at the next sync; one "
                               "signature each)"))
        self.sign_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addWidget(self.message, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current.row()))
        self.sign_button.clicked.connect(self.sign)
        self.ctx.events.data_changed.connect(lambda what: self.refresh() if what == "sync" else None)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._show(self.table.currentIndex().row())
        super().changeEvent(event)

    def refresh(self) -> None:
        chosen = self.chosen()
        chosen_id = chosen.id if chosen else None

        def load(_control: TaskControl) -> list[CandidateView]:
            with self.ctx.store.session() as session:
                return list_candidates(session)

        def done(rows: list[CandidateView]) -> None:
            self.model.set_rows(rows)
            ids = [r.id for r in rows]
            row = ids.index(chosen_id) if chosen_id in ids else (0 if rows else -1)
            if row >= 0:
                self.table.selectRow(row)
            self._show(row)
            self.loaded.emit(len(rows))

        self.ctx.runner.run(load, on_done=done, on_error=self._fail)

    def chosen(self) -> CandidateView | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _show(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            c = self.model.row(row)
            self.detail.setHtml(explain(c))
            self.sign_button.setEnabled(c.may_sign)
        else:
            self.detail.setPlainText(translate("CandidatesPanel", "No candidates on this device yet: they arrive with "
                                                                  "a sync."))
            self.sign_button.setEnabled(False)

    def sign(self) -> None:
        c = self.chosen()
        if c is None or not c.may_sign:
            return
        self.sign_button.setEnabled(False)

        def work(_control: TaskControl) -> Signed:
            with self.ctx.store.session() as session:
                return sign_petition(session, c.id)

        def done(result: Signed) -> None:
            self.message.setText(translate("CandidatesPanel", "You signed the recall petition of {0}; it is sent "
                                                              "at the next sync.").format(c.name))
            self.signed.emit(result.candidate_id)
            self.refresh()

        self.ctx.runner.run(work, on_done=done, on_error=self._fail)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, SignRefused):
            self.message.setText(translate("CandidatesPanel", "Not signed: {0}").format(exc))
        else:
            self.message.setText(translate("CandidatesPanel", "The candidates could not be read: {0}").format(exc))
