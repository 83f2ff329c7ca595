"""The Candidates page: every official's score on the adopted briefs, searchable and sortable, each score explained
vote by vote (bill, date, motion, policy, the vote and what it counts as); and, on its second tab, the alliance's
own candidates with their promises against their votes and the recall petition (widgets/candidates_panel.py).
Read offline, as the last sync brought it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from canvass_app.candidates.scorecards import ScorecardView, list_scorecards
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.models.scorecard_table_model import COLUMNS, ScorecardTableModel, score_text
from canvass_app.ui.tasks import TaskControl
from canvass_app.ui.widgets.candidates_panel import CandidatesPanel

COUNTS_AS = {"aligned": QT_TRANSLATE_NOOP("CandidatesPage", "aligned"),
             "against": QT_TRANSLATE_NOOP("CandidatesPage", "against"),
             "absent": QT_TRANSLATE_NOOP("CandidatesPage", "absent"),
             "other": QT_TRANSLATE_NOOP("CandidatesPage", "other")}


def explain(card: ScorecardView) -> str:
    """The card as safe HTML: the score, how it is counted, and every linked vote."""
    t = lambda text: escape(translate("CandidatesPage", text))  # noqa: E731
    parts = [f"<h3>{escape(card.name)} — {escape(score_text(card.score))}</h3>",
             "<p>" + t("{0} aligned, {1} against, {2} absent, {3} other.").format(
                 number(card.aligned), number(card.against), number(card.absent), number(card.other)) + " "
             + t("Score = aligned ÷ (aligned + against); a vote on a policy that protects a Secured Right counts "
                 "double; absences and other votes are shown, not scored.") + "</p>"]
    if not card.votes:
        parts.append("<p>" + t("No vote of this official is linked to an adopted policy yet.") + "</p>")
        return "".join(parts)
    head = "".join(f"<th align='left'>{t(h)}</th>" for h in ("Date", "Bill", "Motion", "Policy", "Voted",
                                                               "Counts as"))
    rows = []
    for v in card.votes:
        counts = escape(translate("CandidatesPage", COUNTS_AS.get(v["counts_as"], v["counts_as"])))
        if v.get("weight", 1) > 1 and v["counts_as"] in ("aligned", "against"):
            counts += " ×" + escape(str(v["weight"]))
        bill = f"<b>{escape(v['bill'])}</b> ({escape(v['session'])})<br/>{escape(v.get('bill_title') or '')}"
        rows.append(f"<tr><td>{escape(str(v['date'])[:10])}</td><td>{bill}</td><td>{escape(v.get('motion') or '')}"
                    f"</td><td>{escape(v['brief_title'])}</td><td>{escape(v['option'])}</td><td>{counts}</td></tr>")
    parts.append(f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{''.join(rows)}</table>")
    return "".join(parts)


class CandidatesPage(QWidget):
    cards_loaded = Signal(int)  # tests and the status bar: the rows now shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = LiveTexts("CandidatesPage")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.texts.bind(self.heading.setText, QT_TRANSLATE_NOOP(
            "CandidatesPage", "Officials' votes scored against the policies the members adopted. Pick one to see "
                              "every vote behind the score."))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.texts.bind(self.search.setPlaceholderText,
                        QT_TRANSLATE_NOOP("CandidatesPage", "Search by name, party or district"))
        self.texts.bind(self.search.setAccessibleName, QT_TRANSLATE_NOOP("CandidatesPage", "Search officials"))
        self.model = ScorecardTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.texts.bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("CandidatesPage", "Officials"))
        self.detail = QTextBrowser()
        self.texts.bind(self.detail.setAccessibleName, QT_TRANSLATE_NOOP("CandidatesPage", "Votes behind the score"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        officials = QWidget()
        layout = QVBoxLayout(officials)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        self.candidates = CandidatesPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(officials, "")
        self.tabs.addTab(self.candidates, "")
        self.texts.bind(lambda text: self.tabs.setTabText(0, text),
                        QT_TRANSLATE_NOOP("CandidatesPage", "Officials' scorecards"))
        self.texts.bind(lambda text: self.tabs.setTabText(1, text),
                        QT_TRANSLATE_NOOP("CandidatesPage", "Our candidates"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.search.textChanged.connect(lambda _text: self.refresh())
        header.sortIndicatorChanged.connect(lambda _section, _order: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current.row()))
        self.ctx.events.data_changed.connect(lambda what: self.refresh() if what == "sync" else None)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """The cards matching the search, in the header's order (sorted in SQL), the selection kept."""
        header = self.table.horizontalHeader()
        sort = COLUMNS[header.sortIndicatorSection()][0] if 0 <= header.sortIndicatorSection() < len(COLUMNS) \
            else "name"
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        search = self.search.text()
        chosen = self._chosen_id()

        def load(_control: TaskControl) -> list[ScorecardView]:
            with self.ctx.store.session() as session:
                return list_scorecards(session, search=search, sort=sort, descending=descending)

        def done(rows: list[ScorecardView]) -> None:
            self.model.set_rows(rows)
            ids = [r.id for r in rows]
            row = ids.index(chosen) if chosen in ids else (0 if rows else -1)
            if row >= 0:
                self.table.selectRow(row)
            self._show(row)
            self.cards_loaded.emit(len(rows))

        self.ctx.runner.run(load, on_done=done, on_error=self._fail)

    def _chosen_id(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.row(row).id if 0 <= row < self.model.rowCount() else None

    def _show(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.detail.setHtml(explain(self.model.row(row)))
        elif self.search.text().strip():
            self.detail.setPlainText(translate("CandidatesPage", "No official matches the search."))
        else:
            self.detail.setPlainText(translate("CandidatesPage", "No scorecards on this device yet: they arrive "
                                                                 "with a sync."))

    def _fail(self, exc: BaseException) -> None:
        self.detail.setPlainText(translate("CandidatesPage", "The scorecards could not be read: {0}").format(exc))
