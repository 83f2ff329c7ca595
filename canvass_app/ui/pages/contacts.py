"""The Contacts page: the current county's voters, searchable as you type, filtered and sorted in SQL, with a
household panel."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QItemSelection, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from canvass_app.contacts.voter_query import FilterOptions, VoterDetail, VoterFilter, filter_options, voter_detail
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.sync.rejections import Rejection, refusals
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.models.voter_table_model import COLUMNS, VoterTableModel
from canvass_app.ui.pages.sync import plain_reason

SEARCH_DELAY_MS = 180
FILTERS = [
    ("precinct_id", QT_TRANSLATE_NOOP("ContactsPage", "Precinct")),
    ("party", QT_TRANSLATE_NOOP("ContactsPage", "Party")),
    ("turf_id", QT_TRANSLATE_NOOP("ContactsPage", "Turf")),
    ("support", QT_TRANSLATE_NOOP("ContactsPage", "Support")),
    ("contacted", QT_TRANSLATE_NOOP("ContactsPage", "Contacted")),
    ("last_result", QT_TRANSLATE_NOOP("ContactsPage", "Last result")),
    ("language", QT_TRANSLATE_NOOP("ContactsPage", "Language")),
]
# Name, Address, Precinct, Party, Age, Language, Turf, Last result, Support (which stretches into any room left):
# a 1366-px screen shows every column beside the household panel, a 1024-px one the first ones.
COLUMN_WIDTHS = (160, 200, 62, 48, 40, 70, 62, 90, 60)


class ContactsPage(QWidget):
    """Find any voter by name, address, phone or id; filter and sort in SQL; see the household and its history."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("ContactsPage")
        self.texts.bind(self.setAccessibleName, QT_TRANSLATE_NOOP("ContactsPage", "Contacts"))
        self.model = VoterTableModel(ctx)
        self.search = QLineEdit()
        self.texts.bind(self.search.setAccessibleName, QT_TRANSLATE_NOOP("ContactsPage", "Search voters"))
        self.texts.bind(self.search.setPlaceholderText,
                        QT_TRANSLATE_NOOP("ContactsPage", "Search name, address, phone or voter id…"))
        self.texts.bind(self.search.setToolTip, QT_TRANSLATE_NOOP("ContactsPage", "Search as you type (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.addItem("", "name")
        self.sort.addItem("", "address")
        self.texts.bind(lambda text: self.sort.setItemText(0, text), QT_TRANSLATE_NOOP("ContactsPage", "Sort by name"))
        self.texts.bind(lambda text: self.sort.setItemText(1, text),
                        QT_TRANSLATE_NOOP("ContactsPage", "Sort by address (walk order)"))
        self.texts.bind(self.sort.setToolTip, QT_TRANSLATE_NOOP(
            "ContactsPage", "Sort by name, or by address in walk order (within a turf: the walk-list lines)"))
        self.count_label = QLabel(translate("ContactsPage", "Loading…"))
        self.filters: dict[str, QComboBox] = {}
        for key, _label in FILTERS:
            box = QComboBox()
            box.addItem("", None)
            # long turf names must not widen the page: the popup still shows them whole
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            self.filters[key] = box
        for n in range(1, 6):
            self.filters["support"].addItem("", n)
        self.filters["contacted"].addItem("", True)
        self.filters["contacted"].addItem("", False)
        clear = QPushButton()
        self.texts.bind(clear.setText, QT_TRANSLATE_NOOP("ContactsPage", "Clear filters"))
        self.texts.bind(clear.setToolTip, QT_TRANSLATE_NOOP("ContactsPage", "Show everyone again (Ctrl+Shift+X)"))
        clear.clicked.connect(self.clear_filters)
        self._retranslate_filters()

        self.table = QTableView()
        self.texts.bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("ContactsPage", "Voters"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        self.detail = QTextBrowser()
        self.detail.setMinimumWidth(220)
        self.texts.bind(self.detail.setAccessibleName,
                        QT_TRANSLATE_NOOP("ContactsPage", "Household and contact history"))
        self._show_no_detail()

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.sort, 1)
        top.addWidget(self.count_label)
        row = QGridLayout()  # two rows of four, so the page fits a small laptop
        for i, widget in enumerate([*self.filters.values(), clear]):
            row.addWidget(widget, i // 4, i % 4)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)  # a wider window widens the table; the household panel keeps its width
        split.setStretchFactor(1, 0)
        split.setSizes([sum(COLUMN_WIDTHS) + 80, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        self.sort.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for box in self.filters.values():
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(
            lambda msg: self.count_label.setText(translate("ContactsPage", "Could not load voters: {0}").format(msg))
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+Shift+X"), self, self.clear_filters)
        ctx.events.data_changed.connect(self._data_changed)
        ctx.events.county_changed.connect(self._county_changed)
        self._loading_options = False
        self.apply_filter()  # the first page first: the filter boxes' choices can follow
        self.load_options()

    # language -----------------------------------------------------------------------------------------------
    def _retranslate_filters(self) -> None:
        for key, source in FILTERS:
            label = translate("ContactsPage", source)
            box = self.filters[key]
            box.setAccessibleName(label)
            box.setToolTip(translate("ContactsPage", "Filter by {0}").format(label.lower()))
            box.setItemText(0, translate("ContactsPage", "{0}: any").format(label))
        for n in range(1, 6):
            self.filters["support"].setItemText(n, translate("ContactsPage", "Support {0}").format(number(n)))
        self.filters["contacted"].setItemText(1, translate("ContactsPage", "Contacted"))
        self.filters["contacted"].setItemText(2, translate("ContactsPage", "Not contacted"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._retranslate_filters()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
            if not self.model.capped and not self.model.counting:
                self._loaded(self.model.rowCount())
            if self.selected_voter_id() is None:
                self._show_no_detail()
            self.show_detail(self.selected_voter_id())
        super().changeEvent(event)

    # filters ------------------------------------------------------------------------------------------------
    def current_filter(self) -> VoterFilter:
        values: dict[str, Any] = {key: box.currentData() for key, box in self.filters.items()}
        return VoterFilter(search=self.search.text().strip(), sort=self.sort.currentData() or "name",
                           county_id=self.ctx.county_id, **values)

    def apply_filter(self) -> None:
        if self._loading_options:
            return
        self._debounce.stop()
        self.count_label.setText(translate("ContactsPage", "Searching…"))
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        self._loading_options = True
        for box in self.filters.values():
            box.setCurrentIndex(0)
        self.search.clear()
        self._loading_options = False
        self.apply_filter()

    def load_options(self) -> None:
        store, county_id = self.ctx.store, self.ctx.county_id

        def work(_: object) -> FilterOptions:
            with store.session() as session:
                return filter_options(session, county_id)

        self.ctx.runner.run(work, on_done=self._fill_options)

    def _fill_options(self, options: FilterOptions) -> None:
        choices: dict[str, list[tuple[str, Any]]] = {
            "precinct_id": [(code, pid) for pid, code in options.precincts],
            "party": [(p, p) for p in options.parties],
            "turf_id": [(label, tid) for tid, label in options.turfs],
            "language": [(lang, lang) for lang in options.languages],
            "last_result": [(f"{code} {translate('ResultCode', name)}", code) for code, name in options.results],
        }
        self._loading_options = True
        for key, items in choices.items():
            box = self.filters[key]
            keep = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(keep)) if keep is not None else 0)
        self._loading_options = False

    def _loaded(self, total: int) -> None:
        f = self.model.filter
        narrowed = f.search or any(box.currentIndex() > 0 for box in self.filters.values())
        noun = translate("ContactsPage", "voter") if total == 1 else translate("ContactsPage", "voters")
        if self.model.capped:
            self.count_label.setText(
                translate("ContactsPage", "{0}+ voters match: type more to narrow").format(number(total))
            )
            return
        if self.model.counting:
            self.count_label.setText(translate("ContactsPage", "{0}+ voters, counting…").format(number(total)))
            return
        self.count_label.setText(
            f"{number(total)} {noun}"
            + (
                (translate("ContactsPage", " matches") if total == 1 else translate("ContactsPage", " match"))
                if narrowed
                else ""
            )
        )

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _data_changed(self, what: str) -> None:
        if what in ("voters", "turfs", "sync"):
            self.load_options()
        if what in ("voters", "contacts", "turfs", "sync"):
            self.model.refresh()
            self.show_detail(self.selected_voter_id())

    def _county_changed(self, _county: str) -> None:
        """Another county: its voters, from the top, with no filter of the last county's precincts or turfs."""
        self._show_no_detail()
        self.clear_filters()
        self.load_options()

    # detail -------------------------------------------------------------------------------------------------
    def _show_no_detail(self) -> None:
        self.detail.setHtml(
            translate("ContactsPage", "<p style='color:#666'>Choose a voter to see the household and its contacts.</p>")
        )

    def selected_voter_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.data(rows[0], Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_detail(self.selected_voter_id())

    def show_detail(self, voter_id: int | None) -> None:
        if voter_id is None:
            return
        store = self.ctx.store

        def work(_: object) -> tuple[VoterDetail | None, dict[str, Rejection]]:
            with store.session() as session:
                detail = voter_detail(session, voter_id)
                ids = [c.id for m in detail.members for c in m.history] if detail else []
                return detail, refusals(session, ids)  # contacts the server refused, marked in the history

        self.ctx.runner.run(work, on_done=self._render_detail)

    def _render_detail(self, loaded: tuple[VoterDetail | None, dict[str, Rejection]]) -> None:
        detail, refused = loaded
        self.detail.setHtml(
            detail_html(detail, refused) if detail
            else translate("ContactsPage", "<p>This voter is no longer in the store.</p>")
        )


def detail_html(d: VoterDetail, refused: dict[str, Rejection] | None = None) -> str:
    """The household panel: address, then each member with marks and their contact history, newest first."""
    e = html.escape
    where = " · ".join(
        p
        for p in (translate("ContactsPage", "Precinct {0}").format(d.precinct) if d.precinct else "", d.list_number)
        if p
    )
    parts = [
        f"<h3 style='margin-bottom:2px'>{e(d.address or translate('ContactsPage', 'No address'))}</h3>",
        translate("ContactsPage", "<p style='color:#555;margin-top:0'>{0} · {1} in household</p>").format(
            e(where), len(d.members)
        ),
    ]
    for m in d.members:
        facts = " · ".join(str(x) for x in (m.age, m.party, m.language, m.phone, m.state_voter_id) if x)
        mark = f" <b style='color:#b00020'>{e(m.mark)}</b>" if m.mark else ""
        parts.append(f"<h4 style='margin-bottom:0'>{e(m.name)}{mark}</h4><p style='color:#555;margin:0'>"
                     f"{e(facts)}</p>")
        if not m.history:
            parts.append(translate("ContactsPage", "<p style='color:#777;margin-top:2px'>No contacts yet.</p>"))
            continue
        items = []
        for c in m.history:
            extra = " · ".join(x for x in (
                translate("ContactsPage", "support {0}").format(c.support) if c.support else "",
                translate("Survey", c.top_issue) if c.top_issue else "",
                translate("ContactsPage", "volunteer") if c.volunteer_interest else "",
                translate("ContactsPage", "needs a ride") if c.needs_ride else "",
                c.canvasser or "", c.source) if x)
            what = (
                f"{e(c.result_name)}"
                if not c.corrects_id
                else translate("ContactsPage", "undo of {0}").format(e(c.result_name))
            )
            style = " style='text-decoration:line-through;color:#888'" if c.undone else ""
            note = f"<br><i>{e(c.note)}</i>" if c.note else ""
            refusal = (refused or {}).get(c.id)
            if refusal is not None:
                words = translate("ContactsPage", "not accepted by the server: {0}").format(
                    plain_reason(refusal.code, refusal.reason))
                note += f"<br><b style='color:#b00020'>{e(words)}</b>"
            at = QDateTime.fromSecsSinceEpoch(int(dt.datetime.fromisoformat(c.created_at).timestamp()))
            when = QLocale().toString(at, QLocale.FormatType.ShortFormat)  # local time, the language's format
            items.append(f"<li{style}>{e(when)} — <b>{what}</b>"
                         f"{' · ' + e(extra) if extra else ''}{note}</li>")
        parts.append("<ul style='margin-top:2px'>" + "".join(items) + "</ul>")
    return "".join(parts)
