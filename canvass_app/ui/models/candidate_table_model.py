"""The Candidates page's table of the alliance's own candidates: one row each (a handful per district, held whole),
in the service's order (the member's district first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from canvass_app.candidates.candidates import CandidateView
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.i18n import number, translate
from canvass_app.ui.models.rows_model import Index, RowsModel

COLUMNS = [
    QT_TRANSLATE_NOOP("CandidateTableModel", "Candidate"),
    QT_TRANSLATE_NOOP("CandidateTableModel", "Office"),
    QT_TRANSLATE_NOOP("CandidateTableModel", "District"),
    QT_TRANSLATE_NOOP("CandidateTableModel", "Status"),
    QT_TRANSLATE_NOOP("CandidateTableModel", "Promises broken"),
    QT_TRANSLATE_NOOP("CandidateTableModel", "Recall petition"),
]
STATUSES = {"vetting": QT_TRANSLATE_NOOP("CandidateTableModel", "in vetting"),
            "endorsed": QT_TRANSLATE_NOOP("CandidateTableModel", "endorsed"),
            "withdrawn": QT_TRANSLATE_NOOP("CandidateTableModel", "withdrawn"),
            "recalled": QT_TRANSLATE_NOOP("CandidateTableModel", "recalled")}


def status_text(status: str) -> str:
    return translate("CandidateTableModel", STATUSES.get(status, status))


def petition_text(c: CandidateView) -> str:
    p = c.petition
    if not p.get("open"):
        return "" if c.status != "endorsed" else translate("CandidateTableModel", "recall ballot open")
    text = translate("CandidateTableModel", "{0} of {1} signatures").format(number(int(p.get("signatures") or 0)),
                                                                            number(int(p.get("needed") or 0)))
    if c.my_signature is not None:
        text += " · " + translate("CandidateTableModel", "signed")
    return text


class CandidateTableModel(RowsModel[CandidateView]):
    CONTEXT = "CandidateTableModel"
    HEADERS = COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = [c.name, c.office, c.district, status_text(c.status),
                      number(c.broken) if c.scored else "–", petition_text(c)]
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return f"{c.state} {c.chamber} {c.district}"
        return None
