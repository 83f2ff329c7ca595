"""The Walk page's answers panel: support, top issue, language, volunteer, ride and note for the person in focus."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from canvass_app.contacts import attempts
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.i18n import translate
from canvass_app.ui.widgets.walk_keys import tip
from canvass_protocol.wire import NOTE_MAX

SUPPORT_NAMES = (
    QT_TRANSLATE_NOOP("WalkPage", "Strong support"),
    QT_TRANSLATE_NOOP("WalkPage", "Lean support"),
    QT_TRANSLATE_NOOP("WalkPage", "Undecided"),
    QT_TRANSLATE_NOOP("WalkPage", "Lean oppose"),
    QT_TRANSLATE_NOOP("WalkPage", "Strong oppose"),
)


@dataclass(frozen=True)
class Answers:
    """What was typed for one person at the door; `empty` when nothing was."""

    support: int | None = None
    top_issue: str | None = None
    language: str | None = None
    volunteer: bool = False
    ride: bool = False
    note: str = ""

    @property
    def empty(self) -> bool:
        return self == Answers()

    def survey(self) -> attempts.Survey:
        return attempts.Survey(support=self.support, top_issue=self.top_issue, preferred_language=self.language,
                               volunteer_interest=True if self.volunteer else None,
                               needs_ride=True if self.ride else None)

    def describe(self) -> str:
        """A short list of what was given, for the status line and questions ("support 4, note")."""
        parts = []
        if self.support is not None:
            parts.append(translate("WalkPage", "support {0}").format(self.support))
        if self.top_issue:
            parts.append(translate("WalkPage", "top issue"))
        if self.language:
            parts.append(translate("WalkPage", "language"))
        if self.volunteer:
            parts.append(translate("WalkPage", "volunteer"))
        if self.ride:
            parts.append(translate("WalkPage", "ride"))
        if self.note:
            parts.append(translate("WalkPage", "note"))
        return ", ".join(parts)


class SurveyPanel(QWidget):
    """Edits `Answers`; `edited` fires only on a person's edit (a click, a pick, Enter or leaving a text box)."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._loading = False
        self._support: int | None = None
        self.target = QLabel("")
        self.target.setAccessibleName(translate("WalkPage", "Whose answers"))
        self.target.setWordWrap(True)
        self.target.setStyleSheet("color: #37474f; font-size: 13px;")

        self.support_group = QButtonGroup(self)
        self.support_group.setExclusive(False)
        support_row = QHBoxLayout()
        support_row.addWidget(QLabel(translate("WalkPage", "Support [1–5]:")))
        self.support_buttons: list[QPushButton] = []
        for n in range(1, 6):
            b = QPushButton(str(n))
            b.setCheckable(True)
            b.setFixedSize(44, 40)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(tip(translate("WalkPage", SUPPORT_NAMES[n - 1]), str(n)))
            self.support_group.addButton(b, n)
            self.support_buttons.append(b)
            support_row.addWidget(b)
        self.support_group.idClicked.connect(self._support_clicked)
        self.support_hint = QLabel(translate("WalkPage", "1 strong support … 5 strong oppose"))
        self.support_hint.setStyleSheet("color: #666;")
        support_row.addWidget(self.support_hint)
        support_row.addStretch(1)

        self.top_issue = QComboBox()
        self.top_issue.setEditable(True)  # a pick from the list, or the person's own words ("Cats")
        self.top_issue.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.top_issue.model(), self.top_issue)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.top_issue.setCompleter(completer)
        self.top_issue.setMinimumWidth(170)
        self.top_issue.setAccessibleName(translate("WalkPage", "Top issue"))
        self.top_issue.setToolTip(tip(translate("WalkPage", "Top issue: pick one or type the person's words"), "T"))
        line = self.top_issue.lineEdit()
        assert line is not None
        line.setMaxLength(40)
        line.setPlaceholderText(translate("WalkPage", "pick or type"))
        line.editingFinished.connect(self._changed)
        self.top_issue.activated.connect(lambda _i: self._changed())
        self.language = QComboBox()
        self.language.setAccessibleName(translate("WalkPage", "Preferred language"))
        self.language.setToolTip(translate("WalkPage", "Preferred language"))
        self.language.activated.connect(lambda _i: self._changed())
        self.volunteer = QCheckBox(translate("WalkPage", "Volunteer [V]"))
        self.volunteer.setToolTip(tip(translate("WalkPage", "Interested in volunteering"), "V"))
        self.ride = QCheckBox(translate("WalkPage", "Needs a ride [G]"))
        self.ride.setToolTip(tip(translate("WalkPage", "Needs a ride to vote"), "G"))
        for box in (self.volunteer, self.ride):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.clicked.connect(lambda _on: self._changed())
        survey = QGridLayout()
        survey.addWidget(QLabel(translate("WalkPage", "Top issue [T]:")), 0, 0)
        survey.addWidget(self.top_issue, 0, 1)
        survey.addWidget(QLabel(translate("WalkPage", "Language:")), 0, 2)
        survey.addWidget(self.language, 0, 3)
        survey.addWidget(self.volunteer, 0, 4)
        survey.addWidget(self.ride, 0, 5)
        survey.setColumnStretch(6, 1)

        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setAccessibleName(translate("WalkPage", "Note"))
        self.note.setPlaceholderText(translate("WalkPage", "for this person — Enter saves, Esc goes back"))
        self.note.setToolTip(tip(translate("WalkPage", "Note"), "E"))
        self.note.editingFinished.connect(self._changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target)
        layout.addLayout(support_row)
        layout.addLayout(survey)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(translate("WalkPage", "Note [E]:")))
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)

    def fill_choices(self, survey: dict[str, list[tuple[str, str]]]) -> None:
        for box, key in ((self.top_issue, "top_issue"), (self.language, "language")):
            if box.count() == 0:
                box.addItem("—" if box is self.language else "", None)
                for value, label in survey.get(key, []):
                    box.addItem(translate("Survey", label), value)

    # reading and showing -------------------------------------------------------------------------------------
    def answers(self) -> Answers:
        return Answers(support=self._support, top_issue=self._issue(), language=self.language.currentData(),
                       volunteer=self.volunteer.isChecked(), ride=self.ride.isChecked(),
                       note=self.note.text().strip())

    def _issue(self) -> str | None:
        text = " ".join(self.top_issue.currentText().split())
        if not text:
            return None
        i = self.top_issue.findText(text, Qt.MatchFlag.MatchFixedString)  # a listed one, in any case
        value = self.top_issue.itemData(i) if i >= 0 else None
        return str(value) if value is not None else text[:40]

    def show_answers(self, a: Answers) -> None:
        """Put `a` on screen without it counting as an edit."""
        self._loading = True
        try:
            self._support = a.support
            for b in self.support_buttons:
                b.setChecked(self.support_group.id(b) == a.support)
            i = self.top_issue.findData(a.top_issue) if a.top_issue else 0
            if i >= 0:
                self.top_issue.setCurrentIndex(i)
            else:
                self.top_issue.setCurrentIndex(0)
                self.top_issue.setEditText(a.top_issue or "")
            self.language.setCurrentIndex(max(0, self.language.findData(a.language)) if a.language else 0)
            self.volunteer.setChecked(a.volunteer)
            self.ride.setChecked(a.ride)
            self.note.setText(a.note)
        finally:
            self._loading = False

    # edits by key (the page queues these behind its writes) --------------------------------------------------
    def toggle_support(self, n: int) -> None:
        """Support n (the same again clears it)."""
        self.show_answers(replace(self.answers(), support=None if self._support == n else n))
        self.edited.emit()

    def toggle_volunteer(self) -> None:
        self.volunteer.toggle()
        self.edited.emit()

    def toggle_ride(self) -> None:
        self.ride.toggle()
        self.edited.emit()

    def open_issue(self) -> None:
        self.top_issue.setFocus()
        self.top_issue.showPopup()

    def _support_clicked(self, n: int) -> None:
        self._support = n if self.support_group.button(n).isChecked() else None
        for b in self.support_buttons:
            b.setChecked(self.support_group.id(b) == self._support)
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
