"""The Candidates page's table model: the scorecards as the service lists them (one row per official, held whole:
a legislature is a few hundred people), sorted and searched in SQL by the page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from canvass_app.candidates.scorecards import ScorecardView
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.i18n import number, translate
from canvass_app.ui.models.rows_model import Index, RowsModel

COLUMNS = [  # the keys are the service's sorts
    ("name", QT_TRANSLATE_NOOP("ScorecardTableModel", "Name")),
    ("party", QT_TRANSLATE_NOOP("ScorecardTableModel", "Party")),
    ("chamber", QT_TRANSLATE_NOOP("ScorecardTableModel", "Chamber")),
    ("district", QT_TRANSLATE_NOOP("ScorecardTableModel", "District")),
    ("score", QT_TRANSLATE_NOOP("ScorecardTableModel", "Score")),
    ("aligned", QT_TRANSLATE_NOOP("ScorecardTableModel", "Aligned")),
    ("against", QT_TRANSLATE_NOOP("ScorecardTableModel", "Against")),
    ("absent", QT_TRANSLATE_NOOP("ScorecardTableModel", "Absent")),
    ("other", QT_TRANSLATE_NOOP("ScorecardTableModel", "Other")),
]
CHAMBERS = {"upper": QT_TRANSLATE_NOOP("ScorecardTableModel", "Senate"),
            "lower": QT_TRANSLATE_NOOP("ScorecardTableModel", "House")}


def score_text(score: float | None) -> str:
    return translate("ScorecardTableModel", "no scored vote") if score is None else f"{number(score * 100)}%"


class ScorecardTableModel(RowsModel[ScorecardView]):
    CONTEXT = "ScorecardTableModel"
    HEADERS = [header for _, header in COLUMNS]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        key = COLUMNS[index.column()][0]
        card = self._rows[index.row()]
        value = getattr(card, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "score":
                return score_text(value)
            if key == "chamber" and value in CHAMBERS:
                return translate("ScorecardTableModel", CHAMBERS[value])
            if isinstance(value, int):
                return number(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and (key == "score" or isinstance(value, int)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
