"""The Cut turfs dialog: one turf per precinct, turfs of about N doors, or one turf from streets chosen by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from canvass_app.ui.i18n import translate


class CutDialog(QDialog):
    """Ask how to cut: one turf per precinct, turfs of about N doors, or one turf from streets chosen by hand."""

    def __init__(self, county: str, streets: list[tuple[str, int]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CutDialog", "Cut turfs"))
        form = QFormLayout(self)
        form.addRow(QLabel(translate("CutDialog", "Cut the households of {county} that are not in a turf yet.").format(
            county=county or translate("CutDialog", "the county"))))
        self.by_precinct = QRadioButton(translate("CutDialog", "One turf per &precinct"))
        self.by_doors = QRadioButton(translate("CutDialog", "Turfs of about this many &doors:"))
        self.by_doors.setChecked(True)
        self.by_hand = QRadioButton(translate("CutDialog", "One turf from the &streets chosen below"))
        group = QButtonGroup(self)
        group.addButton(self.by_precinct)
        group.addButton(self.by_doors)
        group.addButton(self.by_hand)
        self.doors = QSpinBox()
        self.doors.setRange(5, 2000)
        self.doors.setValue(60)
        self.doors.setAccessibleName(translate("CutDialog", "Doors per turf"))
        self.streets = QListWidget()
        self.streets.setAccessibleName(translate("CutDialog", "Streets for a turf cut by hand"))
        self.streets.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for key, doors in streets or []:
            item = QListWidgetItem(translate("CutDialog", "{street} ({n} doors)").format(street=key, n=doors))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.streets.addItem(item)
        self.streets.itemSelectionChanged.connect(lambda: self.by_hand.setChecked(True))
        form.addRow(self.by_precinct)
        form.addRow(self.by_doors, self.doors)
        form.addRow(self.by_hand)
        form.addRow(self.streets)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, int, list[str]]:
        """("hand", 0, streets), ("precinct", 0, []) or ("doors", N, [])."""
        if self.by_hand.isChecked():
            return "hand", 0, [item.data(Qt.ItemDataRole.UserRole) for item in self.streets.selectedItems()]
        return ("precinct", 0, []) if self.by_precinct.isChecked() else ("doors", self.doors.value(), [])
