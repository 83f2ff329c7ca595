"""The Walk page: a turf door by door in walk order; a result in a keystroke, survey answers, notes, undo.

Keys (each shown in its button's tooltip): a result letter logs that result for the person in focus (C N R M D I
L W B X H), A = nobody home at this door, 1-5 = support, V = volunteer, G = needs a ride, T = top issue,
E = note, Up/Down = person, PgDn/PgUp (or Right/Left) = next/previous door, Ctrl+Z = undo.
Every write runs on the task runner; actions queue behind it and the page moves on only once a write committed.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvass_app import contacts
from canvass_app.contact_list import TurfProgress, turf_progress
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.models import utcnow
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import translate
from canvass_app.ui.walk_model import DoorListModel
from canvass_app.walk_doors import TurfChoice, WalkDoor, WalkVoter, survey_choices, turf_choices, walk_doors

# (result code, key, button label)
RESULT_KEYS = [
    ("C", "C", QT_TRANSLATE_NOOP("WalkPage", "Canvassed")),
    ("NH", "N", QT_TRANSLATE_NOOP("WalkPage", "Not home")),
    ("R", "R", QT_TRANSLATE_NOOP("WalkPage", "Refused")),
    ("CB", "B", QT_TRANSLATE_NOOP("WalkPage", "Come back")),
    ("LB", "L", QT_TRANSLATE_NOOP("WalkPage", "Language")),
    ("I", "I", QT_TRANSLATE_NOOP("WalkPage", "Inaccessible")),
    ("M", "M", QT_TRANSLATE_NOOP("WalkPage", "Moved")),
    ("WA", "W", QT_TRANSLATE_NOOP("WalkPage", "Wrong address")),
    ("H", "H", QT_TRANSLATE_NOOP("WalkPage", "Hostile")),
    ("DNC", "X", QT_TRANSLATE_NOOP("WalkPage", "Do Not Contact")),
    ("D", "D", QT_TRANSLATE_NOOP("WalkPage", "Deceased")),
]
CONFIRM = {"DNC", "D"}  # never by a slip of the finger: these change the voter record


@dataclass(frozen=True)
class Loaded:
    doors: list[WalkDoor]
    progress: TurfProgress
    logged: list[str]
    undone: contacts.Undone | None = None


def _tip(text: str, key: str) -> str:
    return f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"


class WalkPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setAccessibleName(translate("WalkPage", "Walk"))
        self.turf_id: int | None = None
        self.doors: list[WalkDoor] = []
        self.index = 0
        self.person = 0
        self.started_at = utcnow()
        self.busy = False
        self.queue: deque[Callable[[], None]] = deque()
        self.history: list[tuple[int, list[str]]] = []  # (turf, contact ids) per action, for undo
        self.progress: TurfProgress | None = None
        self.confirm_marks = True  # tests switch the DNC/Deceased confirmation off
        self._support: int | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self._build()
        self._elapsed = QTimer(self)
        self._elapsed.setInterval(30_000)
        self._elapsed.timeout.connect(self._show_progress)
        self._elapsed.start()
        ctx.events.data_changed.connect(self._data_changed)
        self.load_turfs()

    # layout -------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.turf_box = QComboBox()
        self.turf_box.setAccessibleName(translate("WalkPage", "Turf"))
        self.turf_box.setMinimumWidth(260)
        self.turf_box.setToolTip(translate("WalkPage", "The turf to walk"))
        self.all_turfs = QCheckBox(translate("WalkPage", "All turfs (county lead)"))
        self.all_turfs.setToolTip(translate("WalkPage", "List every turf, not only those assigned to you"))
        self.progress_label = QLabel(translate("WalkPage", "Choose a turf"))
        self.progress_label.setAccessibleName(translate("WalkPage", "Progress"))
        self.progress_label.setStyleSheet("font-size: 15px;")
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("WalkPage", "Turf:")))
        top.addWidget(self.turf_box)
        top.addWidget(self.all_turfs)
        top.addStretch(1)
        top.addWidget(self.progress_label)

        self.door_model = DoorListModel()
        self.door_list = QListView()
        self.door_list.setModel(self.door_model)
        self.door_list.setAccessibleName(translate("WalkPage", "Doors in walk order"))
        self.door_list.setToolTip(translate("WalkPage", "Doors in walk order (Right / Left, PgDown / PgUp)"))
        self.door_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.door_list.setMinimumWidth(200)
        self.door_list.setStyleSheet("QListView { font-size: 14px; } QListView::item { padding: 4px; }")
        self.door_list.clicked.connect(lambda idx: self._submit(lambda: self.go_to(idx.row())))

        self.address = QLabel("")
        self.address.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.address.setWordWrap(True)
        self.door_info = QLabel("")
        self.door_info.setStyleSheet("color: #555; font-size: 14px;")
        self.people = QListWidget()
        self.people.setAccessibleName(translate("WalkPage", "People at this door"))
        self.people.setToolTip(translate("WalkPage", "People at this door (Down / Up)"))
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.setStyleSheet("QListWidget { font-size: 17px; } QListWidget::item { padding: 8px; }"
                                  "QListWidget::item:selected { background: #1565c0; color: white; }")
        self.people.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.people.setMaximumHeight(200)
        self.people.itemClicked.connect(self._person_clicked)

        results = QGridLayout()
        results.setSpacing(6)
        self.result_buttons: dict[str, QToolButton] = {}
        for i, (code, key, source) in enumerate(RESULT_KEYS):
            label = translate("WalkPage", source)
            action = self._action(f"result_{code}", f"{label}", key, partial(self.log_result, code))
            button = QToolButton()
            action.setIconText(f"{label}\n[{key}]")  # the key on the button itself, readable in the rain
            button.setDefaultAction(action)
            button.setMinimumSize(104, 56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            danger = code in ("DNC", "D", "H")
            button.setStyleSheet(f"QToolButton {{ font-size: 14px; {'color: #b00020;' if danger else ''} }}")
            self.result_buttons[code] = button
            results.addWidget(button, i // 4, i % 4)  # four across: fits a 1024-px laptop

        self.support_group = QButtonGroup(self)
        self.support_group.setExclusive(False)
        support_row = QHBoxLayout()
        support_row.addWidget(QLabel(translate("WalkPage", "Support:")))
        self.support_buttons: list[QPushButton] = []
        for n in range(1, 6):
            b = QPushButton(str(n))
            b.setCheckable(True)
            b.setFixedSize(44, 40)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(
                _tip(
                    [
                        translate("WalkPage", "Strong oppose"),
                        translate("WalkPage", "Lean oppose"),
                        translate("WalkPage", "Undecided"),
                        translate("WalkPage", "Lean support"),
                        translate("WalkPage", "Strong support"),
                    ][n - 1],
                    str(n),
                )
            )
            self.support_group.addButton(b, n)
            self.support_buttons.append(b)
            support_row.addWidget(b)
            self._action(
                f"support_{n}", translate("WalkPage", "Support {0}").format(n), str(n), partial(self.set_support, n)
            )
        self.support_group.idClicked.connect(self.set_support)
        support_row.addStretch(1)
        survey_row = QHBoxLayout()
        self.top_issue = QComboBox()
        self.top_issue.setAccessibleName(translate("WalkPage", "Top issue"))
        self.top_issue.setToolTip(_tip(translate("WalkPage", "Top issue"), "T"))
        self.language = QComboBox()
        self.language.setAccessibleName(translate("WalkPage", "Preferred language"))
        self.language.setToolTip(translate("WalkPage", "Preferred language"))
        self.volunteer = QCheckBox(translate("WalkPage", "Volunteer"))
        self.volunteer.setToolTip(_tip(translate("WalkPage", "Interested in volunteering"), "V"))
        self.ride = QCheckBox(translate("WalkPage", "Needs a ride"))
        self.ride.setToolTip(_tip(translate("WalkPage", "Needs a ride to vote"), "G"))
        for w in (self.volunteer, self.ride):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        survey_row.addWidget(QLabel(translate("WalkPage", "Top issue:")))
        survey_row.addWidget(self.top_issue)
        survey_row.addWidget(QLabel(translate("WalkPage", "Language:")))
        survey_row.addWidget(self.language)
        survey_row.addWidget(self.volunteer)
        survey_row.addWidget(self.ride)
        survey_row.addStretch(1)
        self._action("volunteer", translate("WalkPage", "Volunteer"), "V", lambda: self._submit(self.volunteer.toggle))
        self._action("ride", translate("WalkPage", "Needs a ride"), "G", lambda: self._submit(self.ride.toggle))
        self._action("top_issue", translate("WalkPage", "Top issue"), "T", lambda: self._open_issue())
        self.note = QLineEdit()
        self.note.setAccessibleName(translate("WalkPage", "Note"))
        self.note.setPlaceholderText(translate("WalkPage", "Note for this person (E to type, Enter to finish)"))
        self.note.setToolTip(_tip(translate("WalkPage", "Note"), "E"))
        self.note.returnPressed.connect(self.setFocus)
        self._action("note", translate("WalkPage", "Note"), "E", lambda: self.note.setFocus())

        nav = QGridLayout()  # two by two, so the card stays narrow enough for a small laptop
        for slot, (name, label, key, fn) in enumerate((
            ("household_nh", translate("WalkPage", "Nobody home"), "A", lambda: self.household_not_home()),
            (
                "previous",
                translate("WalkPage", "◀ Previous door"),
                "PgUp",
                lambda: self._submit(lambda: self.go_to(self.index - 1)),
            ),
            (
                "next",
                translate("WalkPage", "Next door ▶"),
                "PgDown",
                lambda: self._submit(lambda: self.go_to(self.index + 1)),
            ),
            ("undo", translate("WalkPage", "Undo"), "Ctrl+Z", lambda: self.undo()),
        )):
            action = self._action(name, label, key, fn)
            action.setIconText(f"{label}  [{QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)}]")
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setMinimumHeight(44)
            tool.setStyleSheet("QToolButton { font-size: 15px; padding: 4px 14px; }")
            tool.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            nav.addWidget(tool, *((1, 0), (0, 0), (0, 1), (1, 1))[slot])  # doors on top, then A and undo
        self._action(
            "next_alt",
            translate("WalkPage", "Next door"),
            "Right",
            lambda: self._submit(lambda: self.go_to(self.index + 1)),
        )
        self._action("previous_alt", translate("WalkPage", "Previous door"), "Left",
                     lambda: self._submit(lambda: self.go_to(self.index - 1)))
        self._action(
            "person_down",
            translate("WalkPage", "Next person"),
            "Down",
            lambda: self.move_person(1),
        )
        self._action(
            "person_up",
            translate("WalkPage", "Previous person"),
            "Up",
            lambda: self.move_person(-1),
        )
        self.status = QLabel("")
        self.status.setStyleSheet("color: #555;")

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        inner.addWidget(self.address)
        inner.addWidget(self.door_info)
        inner.addWidget(self.people)
        inner.addLayout(results)
        inner.addLayout(support_row)
        inner.addLayout(survey_row)
        inner.addWidget(self.note)
        inner.addLayout(nav)
        inner.addWidget(self.status)
        inner.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.door_list)
        split.addWidget(card)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.turf_box.currentIndexChanged.connect(lambda _i: self._turf_chosen())
        self.all_turfs.toggled.connect(lambda _on: self.load_turfs())
        self._enable(False)

    def _action(self, name: str, text: str, key: str, fn: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(_tip(text, key))
        action.triggered.connect(lambda _checked=False: fn())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    # loading --------------------------------------------------------------------------------------------------
    def load_turfs(self) -> None:
        store, user, every = self.ctx.store, self.ctx.user, self.all_turfs.isChecked()

        def work(_: object) -> tuple[list[TurfChoice], dict[str, list[tuple[str, str]]]]:
            with store.session() as session:
                return turf_choices(session, canvasser=None if every else user), survey_choices(session)

        self.ctx.runner.run(work, on_done=self._fill_turfs)

    def _fill_turfs(self, result: tuple[list[TurfChoice], dict[str, list[tuple[str, str]]]]) -> None:
        choices, survey = result
        if not choices and not self.all_turfs.isChecked():
            self.all_turfs.setChecked(True)  # nothing assigned to this user: offer every turf
            return
        for box, key in ((self.top_issue, "top_issue"), (self.language, "language")):
            if box.count() == 0:
                box.addItem("—", None)
                for value, label in survey.get(key, []):
                    box.addItem(translate("Survey", label), value)
        keep = self.turf_id
        self.turf_box.blockSignals(True)
        self.turf_box.clear()
        self.turf_box.addItem(translate("WalkPage", "Choose a turf…"), None)
        for c in choices:
            self.turf_box.addItem(c.label, c.turf_id)
        self.turf_box.setCurrentIndex(max(0, self.turf_box.findData(keep)) if keep is not None else 0)
        self.turf_box.blockSignals(False)
        if keep is None and len(choices) == 1 and not self.all_turfs.isChecked():
            self.choose_turf(choices[0].turf_id)  # a canvasser's one assigned turf opens by itself

    def choose_turf(self, turf_id: int) -> None:
        """Open this turf (the tests' and the Turfs page's way in)."""
        i = self.turf_box.findData(turf_id)
        if i < 0:
            self.turf_box.addItem(translate("WalkPage", "Turf #{0}").format(turf_id), turf_id)
            i = self.turf_box.count() - 1
        self.turf_box.setCurrentIndex(i)

    def _turf_chosen(self) -> None:
        turf_id = self.turf_box.currentData()
        if turf_id is None or turf_id == self.turf_id:
            return
        self.turf_id = int(turf_id)
        self.started_at = utcnow()
        self.history.clear()
        self.index, self.person = 0, 0
        self._run(lambda session: [], lambda loaded: self.go_to(self._next_open(0, 1, include=True)))

    def _run(self, write: Callable[[Any], list[Any]], after: Callable[[Loaded], None],
             undo: bool = False) -> None:
        """Run `write` in one committed unit of work, then reload the doors; `after` runs once it is confirmed."""
        turf_id, store, since = self.turf_id, self.ctx.store, self.started_at
        if turf_id is None:
            self._next()
            return
        self.busy = True  # keys typed from now on queue up (see _submit) until the write is confirmed

        def work(_: object) -> Loaded:
            undone: contacts.Undone | None = None
            with store.session() as session:  # commits here, before the GUI hears of it
                out = write(session)
            if undo:
                undone, out = out[0], []
            with store.session() as session:
                return Loaded(doors=walk_doors(session, turf_id), progress=turf_progress(session, turf_id,
                              since=since), logged=out, undone=undone)

        def done(loaded: Loaded) -> None:
            self.doors = loaded.doors
            self.progress = loaded.progress
            self.door_model.set_doors(self.doors)
            self.busy = False
            self._enable(bool(self.doors))
            after(loaded)
            if loaded.logged or loaded.undone:
                self.ctx.events.data_changed.emit("contacts")
            self._next()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.queue.clear()  # what was typed after a refused write is not applied blindly
            self._enable(bool(self.doors))
            self.status.setText(translate("WalkPage", "Not saved: {0}").format(exc))
            self.ctx.events.status_message.emit(f"Not saved: {exc}")

        self.ctx.runner.run(work, on_done=done, on_error=failed)

    def _submit(self, step: Callable[[], None]) -> None:
        """Queue an action behind any write still committing, so keys typed quickly are applied in order."""
        self.queue.append(step)
        if not self.busy:
            self._next()

    def _next(self) -> None:
        while self.queue and not self.busy:
            self.queue.popleft()()

    # the current door ---------------------------------------------------------------------------------------
    @property
    def door(self) -> WalkDoor | None:
        return self.doors[self.index] if 0 <= self.index < len(self.doors) else None

    def current_voter(self) -> WalkVoter | None:
        door = self.door
        if door is None or not 0 <= self.person < len(door.voters):
            return None
        v = door.voters[self.person]
        return v if v.skip is None else None

    def _next_open(self, start: int, step: int, include: bool = False) -> int:
        """The next door (from start) with someone to knock and, preferably, not yet done."""
        i = start if include else start + step
        candidates = range(i, len(self.doors)) if step > 0 else range(i, -1, -1)
        for j in candidates:
            if self.doors[j].knockable and not self.doors[j].done:
                return j
        for j in candidates:
            if self.doors[j].knockable:
                return j
        return max(0, min(start, len(self.doors) - 1))

    def go_to(self, index: int) -> None:
        if not self.doors:
            self._render()
            return
        self.index = max(0, min(index, len(self.doors) - 1))
        door = self.doors[self.index]
        open_ = [i for i, v in enumerate(door.voters) if v.skip is None and v.result is None]
        any_ = [i for i, v in enumerate(door.voters) if v.skip is None]
        self.person = (open_ or any_ or [0])[0]
        self._clear_survey()
        self._render()

    def move_person(self, step: int) -> None:
        door = self.door
        if door is None:
            return
        knockable = [i for i, v in enumerate(door.voters) if v.skip is None]
        if self.person in knockable:
            pos = knockable.index(self.person) + step
            if 0 <= pos < len(knockable):
                self.person = knockable[pos]
                self._clear_survey()
                self._render()

    def _person_clicked(self, item: QListWidgetItem) -> None:
        row = self.people.row(item)
        door = self.door
        if door is not None and door.voters[row].skip is None:
            self.person = row
            self._clear_survey()
            self._render()

    def _render(self) -> None:
        door = self.door
        self.door_model.set_current(self.index if door else -1)
        if door is None:
            self.address.setText(
                translate("WalkPage", "No doors to knock on this turf")
                if self.turf_id
                else translate("WalkPage", "Choose a turf to walk")
            )
            self.door_info.setText("")
            self.people.clear()
            self._show_progress()
            return
        self.door_list.scrollTo(self.door_model.index(self.index))
        self.address.setText(door.address)
        self.door_info.setText(
            translate("WalkPage", "Door {0} of {1} · {2} to knock").format(
                self.index + 1, len(self.doors), len(door.knockable)
            )
            + (
                translate("WalkPage", " · {0} skipped").format(len(door.voters) - len(door.knockable))
                if len(door.knockable) < len(door.voters)
                else ""
            )
        )
        self.people.clear()
        for i, v in enumerate(door.voters):
            facts = " ".join(str(x) for x in (v.age, v.sex, v.party, v.language) if x)
            line = f"{v.line}. " if v.line else ""
            if v.skip:
                text = translate("WalkPage", "{0}{1} — {2}, skip").format(line, v.name, v.skip.upper())
            else:
                done = (
                    f"   ✓ {v.result_name}"
                    + (translate("WalkPage", " · support {0}").format(v.support) if v.support else "")
                    if v.result
                    else ""
                )
                text = f"{line}{v.name}   {facts}{done}"
            item = QListWidgetItem(text)
            if v.skip:
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(item)
            if i == self.person and not v.skip:
                self.people.setCurrentRow(i)
        self._show_progress()

    def _show_progress(self) -> None:
        p = self.progress
        if p is None or self.turf_id is None:
            return
        minutes = int((utcnow() - self.started_at).total_seconds() // 60)
        self.progress_label.setText(
            translate(
                "WalkPage", "<b>{0} of {1} doors</b> · {2:g} contacts/h · {3} results · {4}:{5:02d} on turf"
            ).format(p.doors_done, p.doors_total, p.contacts_per_hour, p.attempts, minutes // 60, minutes % 60)
        )

    def _enable(self, on: bool) -> None:
        """Door actions are live only while a turf with doors is open; undo stays live for the last one."""
        for name, action in self.actions_by_name.items():
            if name != "undo":
                action.setEnabled(on)

    # survey ---------------------------------------------------------------------------------------------------
    def set_support(self, n: int) -> None:
        """Choose support n for the person in focus (the same again clears it); queued behind writes."""
        self._submit(lambda: self._set_support(n))

    def _set_support(self, n: int) -> None:
        self._support = None if self._support == n else n
        for b in self.support_buttons:
            b.setChecked(self.support_group.id(b) == self._support)

    def _clear_survey(self) -> None:
        self._support = None
        for b in self.support_buttons:
            b.setChecked(False)
        self.top_issue.setCurrentIndex(0)
        self.language.setCurrentIndex(0)
        self.volunteer.setChecked(False)
        self.ride.setChecked(False)
        self.note.clear()

    def _open_issue(self) -> None:
        self.top_issue.setFocus()
        self.top_issue.showPopup()

    def survey(self) -> contacts.Survey:
        return contacts.Survey(
            support=self._support, top_issue=self.top_issue.currentData(),
            volunteer_interest=True if self.volunteer.isChecked() else None,
            preferred_language=self.language.currentData(), needs_ride=True if self.ride.isChecked() else None,
        )

    # writing ------------------------------------------------------------------------------------------------
    def log_result(self, code: str) -> None:
        self._submit(lambda: self._log_result(code))

    def _log_result(self, code: str) -> None:
        voter = self.current_voter()
        if voter is None or self.turf_id is None:
            self.status.setText(translate("WalkPage", "Nobody to log here."))
            return
        if code in CONFIRM and self.confirm_marks:
            name = translate("WalkPage", {c: label for c, _k, label in RESULT_KEYS}[code])
            answer = QMessageBox.question(
                self,
                translate("WalkPage", "Canvass"),
                translate("WalkPage", "Mark {0} as {1}? They will not be knocked again.").format(voter.name, name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        survey, note = self.survey(), self.note.text().strip() or None
        turf_id, user, vid = self.turf_id, self.ctx.user, voter.voter_id

        def write(session: Any) -> list[str]:
            return [contacts.log_contact(session, vid, code, survey, note=note, canvasser=user, turf_id=turf_id,
                                         source="walk")]

        self._run(write, lambda loaded: self._after_log(loaded, f"{voter.name}: {code}"))

    def household_not_home(self) -> None:
        self._submit(self._household_not_home)

    def _household_not_home(self) -> None:
        door = self.door
        if door is None or self.turf_id is None or not door.knockable:
            return
        turf_id, user, hid = self.turf_id, self.ctx.user, door.household_id

        def write(session: Any) -> list[str]:
            return contacts.log_household(session, hid, "NH", canvasser=user, turf_id=turf_id)

        self._run(
            write,
            lambda loaded: self._after_log(loaded, translate("WalkPage", "{0}: nobody home").format(door.address)),
        )

    def _after_log(self, loaded: Loaded, what: str) -> None:
        assert self.turf_id is not None
        self.history.append((self.turf_id, loaded.logged))
        self.status.setText(translate("WalkPage", "Saved — {0}").format(what))
        door = self.door
        if door is not None and door.done:
            self.go_to(self._next_open(self.index, 1))
        else:
            self.go_to(self.index)

    def undo(self) -> None:
        self._submit(self._undo)

    def _undo(self) -> None:
        if self.turf_id is None:
            return
        turf_id, user = self.turf_id, self.ctx.user
        ids = self.history.pop()[1] if self.history and self.history[-1][0] == turf_id else None

        def write(session: Any) -> list[Any]:
            if ids:
                return [contacts.undo_contacts(session, ids, canvasser=user)[0]]
            return [contacts.undo_last(session, canvasser=user, turf_id=turf_id)]

        def after(loaded: Loaded) -> None:
            u = loaded.undone
            if u is None:
                self.status.setText(translate("WalkPage", "Nothing to undo."))
                return
            self.status.setText(translate("WalkPage", "Undone: {0}").format(u.result))
            back = next((i for i, d in enumerate(self.doors) if d.household_id == u.household_id), self.index)
            self.go_to(back)
            door = self.door
            if door is not None:
                self.person = next((i for i, v in enumerate(door.voters) if v.voter_id == u.voter_id), self.person)
                self._render()

        self._run(write, after, undo=True)

    def _data_changed(self, what: str) -> None:
        if what == "turfs":
            self.load_turfs()

    # for tests and the status bar --------------------------------------------------------------------------
    def idle(self) -> bool:
        return not self.busy and not self.queue

    def started(self) -> dt.datetime:
        return self.started_at
