"""The Walk page: a turf door by door in walk order; a result in a keystroke, answers after it, notes, undo.

Keys (each on its button and in the legend): a result letter logs that result for the person in focus (C N R B L I
M W H X D; Hostile, Do Not Contact and Deceased ask first); on someone already logged on this visit it logs the
next person here. A = nobody home for everyone at the door not yet logged. 1-5 = support, V = volunteer,
G = needs a ride, T = top issue, E = note, Esc = back from a text box, Up/Down = person, PgDn/PgUp (or Right/Left)
= next/previous door, Ctrl+Z = undo. Letters typed into a text box stay there.

A *visit* is the time spent at one door. A result is written at once and the page stays with that person:
answers given afterwards (support, survey, note) are written as an amendment of that contact (the old row is
retracted and a new one with the same result supersedes it, see contacts.attempts). Answers typed before a result
are kept per person and written with it; leaving a door with answers that have no result asks first. The page
leaves a door only by PgDn/PgUp, a click, or after Nobody home. Every write runs on the task runner; actions
queue behind it and the page moves on only once a write committed.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvass_app.contacts import attempts
from canvass_app.contacts.listing import TurfFigures, TurfProgress, turf_progress, turfs_figures
from canvass_app.contacts.walk_doors import TurfChoice, WalkDoor, WalkVoter, survey_choices, turf_choices, walk_doors
from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.store.models import utcnow
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.models.walk_model import DoorListModel
from canvass_app.ui.roles import may_assign
from canvass_app.ui.widgets.walk_gotv import WalkGotvPanel
from canvass_app.ui.widgets.walk_keys import TextFirst, key_text, legend_html, tip
from canvass_app.ui.widgets.walk_survey import Answers, SurveyPanel

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
LABELS = {code: label for code, _key, label in RESULT_KEYS}
CONFIRM = {"DNC", "D", "H"}  # never by a slip of the finger: these end the knocking (and DNC/D change the voter)
RATE_AFTER = dt.timedelta(minutes=5)  # no per-hour figure before this long on the turf: it would only be noise


@dataclass(frozen=True)
class Entry:
    """A person logged on this visit: the contact now in force, its result and the answers written with it."""

    contact_id: str
    code: str
    answers: Answers


@dataclass
class Loaded:
    doors: list[WalkDoor]
    progress: TurfProgress
    logged: list[str]
    undone: list[attempts.Undone] = field(default_factory=list)
    amended: attempts.Amended | None = None


_Turfs = tuple[list[TurfChoice], list[TurfChoice], dict[int, TurfFigures], dict[str, list[tuple[str, str]]]]


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
        self.confirm_marks = True  # tests switch the Hostile/DNC/Deceased confirmation off
        self.visit: dict[int, Entry] = {}  # voter id -> logged on this visit (this door, until it is left)
        self.typed: dict[int, Answers] = {}  # voter id -> answers typed at this door (the panel's per person)
        self.actions_by_name: dict[str, QAction] = {}
        self._action_texts: list[tuple[QAction, str, str, int | None, str]] = []
        self._choices: dict[int, TurfChoice] = {}
        self.texts = LiveTexts("WalkPage")
        self._build()
        self._elapsed = QTimer(self)
        self._elapsed.setInterval(30_000)
        self._elapsed.timeout.connect(self._show_progress)
        self._elapsed.start()
        ctx.events.data_changed.connect(self._data_changed)
        ctx.events.county_changed.connect(self._county_changed)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)  # a method: Qt drops the connection with the page
        self.load_turfs()

    # layout -------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        bind = self.texts.bind
        self.turf_box = QComboBox()
        bind(self.turf_box.setAccessibleName, QT_TRANSLATE_NOOP("WalkPage", "Turf"))
        self.turf_box.setMinimumWidth(260)
        # progress figures make long labels: the box stays a sensible width, the popup and tooltips show them whole
        self.turf_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.turf_box.setMinimumContentsLength(34)
        self.turf_box.setToolTip(translate("WalkPage", "The turf to walk"))
        self.turf_box.currentIndexChanged.connect(
            lambda i: self.turf_box.setToolTip(self.turf_box.itemData(i, Qt.ItemDataRole.ToolTipRole)
                                               or translate("WalkPage", "The turf to walk")))
        self.all_turfs = QCheckBox()
        bind(self.all_turfs.setText, QT_TRANSLATE_NOOP("WalkPage", "All turfs (county lead)"))
        bind(self.all_turfs.setToolTip,
             QT_TRANSLATE_NOOP("WalkPage", "List every turf, not only those assigned to you"))
        self.progress_label = QLabel(translate("WalkPage", "Choose a turf"))
        bind(self.progress_label.setAccessibleName, QT_TRANSLATE_NOOP("WalkPage", "Progress"))
        self.progress_label.setStyleSheet("font-size: 15px;")
        top = QHBoxLayout()
        turf_label = QLabel()
        bind(turf_label.setText, QT_TRANSLATE_NOOP("WalkPage", "Turf:"))
        turf_label.setBuddy(self.turf_box)
        top.addWidget(turf_label)
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
        self.door_list.clicked.connect(lambda idx: self._leave_to(idx.row()))

        self.address = QLabel("")
        self.address.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.address.setWordWrap(True)
        self.door_info = QLabel("")
        self.door_info.setStyleSheet("color: #555; font-size: 14px;")
        self.people = QListWidget()
        self.people.setAccessibleName(translate("WalkPage", "People at this door"))
        self.people.setToolTip(translate("WalkPage", "People at this door (Down / Up)"))
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.setStyleSheet("QListWidget { font-size: 17px; } QListWidget::item { padding: 6px; }"
                                  "QListWidget::item:selected { background: #1565c0; color: white; }")
        self.people.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.people.itemClicked.connect(self._person_clicked)

        results = QGridLayout()
        results.setSpacing(6)
        self.result_buttons: dict[str, QToolButton] = {}
        for i, (code, key, source) in enumerate(RESULT_KEYS):
            action = self._action(f"result_{code}", source, key, partial(self.log_result, code), button="result")
            button = QToolButton()
            button.setDefaultAction(action)
            button.setMinimumSize(104, 52)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            danger = code in CONFIRM
            button.setStyleSheet(f"QToolButton {{ font-size: 14px; {'color: #b00020;' if danger else ''} }}")
            self.result_buttons[code] = button
            results.addWidget(button, i // 4, i % 4)  # four across: fits a 1024-px laptop

        self.panel = SurveyPanel()
        self.panel.edited.connect(self._capture)
        for n in range(1, 6):
            self._action(f"support_{n}", QT_TRANSLATE_NOOP("WalkPage", "Support {0}"), str(n),
                         partial(self._by_key, partial(self.panel.toggle_support, n)), arg=n)
        self._action("volunteer", QT_TRANSLATE_NOOP("WalkPage", "Volunteer"), "V",
                     partial(self._by_key, self.panel.toggle_volunteer))
        self._action("ride", QT_TRANSLATE_NOOP("WalkPage", "Needs a ride"), "G",
                     partial(self._by_key, self.panel.toggle_ride))
        self._action("top_issue", QT_TRANSLATE_NOOP("WalkPage", "Top issue"), "T",
                     lambda: self._submit(self.panel.open_issue))
        self._action("note", QT_TRANSLATE_NOOP("WalkPage", "Note"), "E",
                     lambda: self._submit(self.panel.note.setFocus))
        self.panel.note.returnPressed.connect(self.setFocus)
        self.panel.top_issue.activated.connect(lambda _i: self.setFocus())
        issue_line = self.panel.top_issue.lineEdit()
        assert issue_line is not None
        issue_line.returnPressed.connect(self.setFocus)
        self.panel.language.activated.connect(lambda _i: self.setFocus())
        self.keys_first = TextFirst(self)
        self.keys_first.watch(self.panel.top_issue, self.panel.language, self.panel.note, self.turf_box)
        self.gotv = WalkGotvPanel(self.ctx, self)  # where the person votes, and a ride to the polls
        self.gotv.ride_saved.connect(self._say)

        nav = QGridLayout()  # two by two, so the card stays narrow enough for a small laptop
        for slot, (name, label, key, fn) in enumerate((
            ("household_nh", QT_TRANSLATE_NOOP("WalkPage", "Nobody home"), "A", lambda: self.household_not_home()),
            ("previous", QT_TRANSLATE_NOOP("WalkPage", "◀ Previous door"), "PgUp", lambda: self.step_door(-1)),
            ("next", QT_TRANSLATE_NOOP("WalkPage", "Next door ▶"), "PgDown", lambda: self.step_door(1)),
            ("undo", QT_TRANSLATE_NOOP("WalkPage", "Undo"), "Ctrl+Z", lambda: self.undo()),
        )):
            action = self._action(name, label, key, fn, button="nav")
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setMinimumHeight(42)
            tool.setStyleSheet("QToolButton { font-size: 15px; padding: 4px 14px; }")
            tool.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            nav.addWidget(tool, *((1, 0), (0, 0), (0, 1), (1, 1))[slot])  # doors on top, then A and undo
        self._action("next_alt", QT_TRANSLATE_NOOP("WalkPage", "Next door"), "Right", lambda: self.step_door(1))
        self._action("previous_alt", QT_TRANSLATE_NOOP("WalkPage", "Previous door"), "Left",
                     lambda: self.step_door(-1))
        self._action("person_down", QT_TRANSLATE_NOOP("WalkPage", "Next person"), "Down", lambda: self.move_person(1))
        self._action("person_up", QT_TRANSLATE_NOOP("WalkPage", "Previous person"), "Up", lambda: self.move_person(-1))
        self.status = QLabel("")
        self.status.setAccessibleName(translate("WalkPage", "Last action"))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1b5e20; font-size: 14px;")
        self.keys_state = QLabel("")
        self.keys_state.setAccessibleName(translate("WalkPage", "Where keys go"))
        self.keys_state.setStyleSheet("font-size: 13px;")
        self.legend = QLabel(legend_html())
        self.legend.setAccessibleName(translate("WalkPage", "Keys"))
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #444; font-size: 12px;")

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        inner.addWidget(self.address)
        inner.addWidget(self.door_info)
        inner.addWidget(self.people)
        inner.addLayout(results)
        inner.addWidget(self.panel)
        inner.addWidget(self.gotv)
        inner.addLayout(nav)
        inner.addWidget(self.status)
        inner.addStretch(1)
        inner.addWidget(self.keys_state)
        inner.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.door_list)
        split.addWidget(card)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.turf_box.currentIndexChanged.connect(lambda _i: self._turf_chosen())
        self.all_turfs.toggled.connect(self._all_turfs_toggled)
        self._auto_all = False  # "All turfs" was ticked by the page (nothing was the user's), not by the person
        self.ctx.events.signed_in.connect(self._signed_in)
        self._signed_in()
        self._enable(False)
        self._show_keys()

    def _action(self, name: str, source: str, key: str, fn: Callable[[], Any], *, arg: int | None = None,
                button: str = "") -> QAction:
        """An action with its key; `source` is its text before translation (filled with `arg`); `button` says how
        a button shows it ("result": the label over its key, "nav": the label then its key)."""
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: fn())
        self.addAction(action)
        self.actions_by_name[name] = action
        self._action_texts.append((action, source, key, arg, button))
        self._translate_action(action, source, key, arg, button)
        return action

    @staticmethod
    def _translate_action(action: QAction, source: str, key: str, arg: int | None, button: str) -> None:
        text = translate("WalkPage", source)
        text = text.format(number(arg)) if arg is not None else text
        action.setText(text)
        action.setToolTip(tip(text, key))
        if button == "result":
            action.setIconText(f"{text}\n[{key}]")  # the key on the button itself, readable in the rain
        elif button == "nav":
            action.setIconText(f"{text}  [{key_text(key)}]")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            for action, source, key, arg, button in self._action_texts:
                self._translate_action(action, source, key, arg, button)
            self.legend.setText(legend_html())
            if self.turf_box.count():
                self.turf_box.setItemText(0, translate("WalkPage", "Choose a turf…"))
            self._show_keys()
            self._show_progress()
        super().changeEvent(event)

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._show_keys()

    def _show_keys(self) -> None:
        """Say where typing goes: to the result keys, or into the text box in focus."""
        focus = QApplication.focusWidget()
        boxes = {self.panel.note: translate("WalkPage", "Note"),
                 self.panel.top_issue: translate("WalkPage", "Top issue"),
                 self.panel.language: translate("WalkPage", "Preferred language"),
                 self.turf_box: translate("WalkPage", "Turf"),
                 self.gotv.form: translate("WalkPage", "Ride request")}
        box = next((name for w, name in boxes.items() if focus is not None and (focus is w or w.isAncestorOf(focus))),
                   None)
        if box is None:
            self.keys_state.setText(translate("WalkPage", "⌨ Keys log results"))
            self.keys_state.setStyleSheet("font-size: 13px; color: #1b5e20;")
        else:
            self.keys_state.setText(translate("WalkPage", "⌨ Typing into {0} — Esc to get the result keys back")
                                    .format(box))
            self.keys_state.setStyleSheet("font-size: 13px; color: #0d47a1; font-weight: 600;")

    # loading --------------------------------------------------------------------------------------------------
    def _signed_in(self) -> None:
        """A canvasser's device holds only their own turfs: no "All turfs" box to offer."""
        self.all_turfs.setVisible(may_assign(self.ctx.role))
        self.load_turfs()

    def _all_turfs_toggled(self, _on: bool) -> None:
        self._auto_all = False  # the person's choice from now on
        self.load_turfs()

    def load_turfs(self) -> None:
        """The current county's turfs (the user's, or all), each with its progress so far, in the picker."""
        store, user, county_id = self.ctx.store, self.ctx.user, self.ctx.county_id

        def work(_: object) -> _Turfs:
            with store.session() as session:
                figures = turfs_figures(session, county_id=county_id)  # every turf of the county: all turfs there
                every = [c for c in turf_choices(session) if c.turf_id in figures]
                mine = [c for c in turf_choices(session, canvasser=user) if c.turf_id in figures]
                return mine, every, figures, survey_choices(session)

        self.ctx.runner.run(work, on_done=self._fill_turfs)

    @staticmethod
    def turf_label(choice: TurfChoice, figures: TurfFigures) -> str:
        """A turf as the picker lists it: its list number and name, who has it, and how far it is walked."""
        return translate("WalkPage", "{turf} · {knocked} knocked · {contacted} contacted · {support} support").format(
            turf=choice.label, knocked=number(figures.knocked), contacted=number(figures.contacted),
            support=number(figures.supporters))

    def _fill_turfs(self, result: _Turfs) -> None:
        mine, every, figures, survey = result
        show_all = self.all_turfs.isChecked() or not self.all_turfs.isVisibleTo(self)
        if not mine and not show_all:  # nothing assigned to this user: offer every turf
            self._tick_all(True)
            show_all = True
        elif mine and self._auto_all:  # their turf has arrived: back to "My turfs"
            self._tick_all(False)
            show_all = False
        choices = every if show_all else mine
        self.panel.fill_choices(survey)
        keep = self.turf_id
        self.turf_box.blockSignals(True)
        self.turf_box.clear()
        self.turf_box.addItem(translate("WalkPage", "Choose a turf…"), None)
        self._choices = {c.turf_id: c for c in choices}
        for c in choices:
            self.turf_box.addItem("", c.turf_id)
        self._show_figures(figures)
        self.turf_box.setCurrentIndex(max(0, self.turf_box.findData(keep)) if keep is not None else 0)
        self.turf_box.blockSignals(False)
        if keep is None and len(choices) == 1 and (not show_all or choices == mine):
            self.choose_turf(choices[0].turf_id)  # a canvasser's one assigned turf opens by itself

    def _tick_all(self, on: bool) -> None:
        self.all_turfs.blockSignals(True)
        self.all_turfs.setChecked(on)
        self.all_turfs.blockSignals(False)
        self._auto_all = on

    def _show_figures(self, figures: dict[int, TurfFigures]) -> None:
        for i in range(1, self.turf_box.count()):
            choice = self._choices.get(self.turf_box.itemData(i))
            if choice is not None and choice.turf_id in figures:
                label = self.turf_label(choice, figures[choice.turf_id])
                self.turf_box.setItemText(i, label)
                self.turf_box.setItemData(i, label, Qt.ItemDataRole.ToolTipRole)  # the whole label on hover
        self.turf_box.setToolTip(self.turf_box.currentData(Qt.ItemDataRole.ToolTipRole)
                                 or translate("WalkPage", "The turf to walk"))

    def refresh_figures(self) -> None:
        """The picker's progress figures again (after results were logged), the list itself unchanged."""
        store, county_id = self.ctx.store, self.ctx.county_id

        def work(_: object) -> dict[int, TurfFigures]:
            with store.session() as session:
                return turfs_figures(session, county_id=county_id)

        self.ctx.runner.run(work, on_done=self._show_figures)

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
        if not self._may_leave():
            self.turf_box.blockSignals(True)
            self.turf_box.setCurrentIndex(max(0, self.turf_box.findData(self.turf_id)))
            self.turf_box.blockSignals(False)
            return
        self.turf_id = int(turf_id)
        self.started_at = utcnow()
        self.history.clear()
        self.index, self.person = 0, 0
        self._new_visit()
        self.setFocus()
        self._run(lambda session: [], lambda loaded: self.go_to(self._next_open(0, 1, include=True)))

    def _run(self, write: Callable[[Any], Any], after: Callable[[Loaded], None]) -> None:
        """Run `write` in one committed unit of work, then reload the doors; `after` runs once it is confirmed.

        `write` returns contact ids logged, a list of Undone, or an Amended.
        """
        turf_id, store, since = self.turf_id, self.ctx.store, self.started_at
        if turf_id is None:
            self._next()
            return
        self.busy = True  # keys typed from now on queue up (see _submit) until the write is confirmed

        def work(_: object) -> Loaded:
            with store.session() as session:  # commits here, before the GUI hears of it
                out = write(session)
            with store.session() as session:
                loaded = Loaded(doors=walk_doors(session, turf_id), logged=[],
                                progress=turf_progress(session, turf_id, since=since))
            if isinstance(out, attempts.Amended):
                loaded.amended = out
            elif out and isinstance(out[0], attempts.Undone):
                loaded.undone = list(out)
            else:
                loaded.logged = list(out)
            return loaded

        def done(loaded: Loaded) -> None:
            self.doors = loaded.doors
            self.progress = loaded.progress
            self.door_model.set_doors(self.doors)
            self.busy = False
            self._enable(bool(self.doors))
            after(loaded)
            if loaded.logged or loaded.undone or loaded.amended:
                self.ctx.events.data_changed.emit("contacts")
            self._next()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.queue.clear()  # what was typed after a refused write is not applied blindly
            self._enable(bool(self.doors))
            self._say(translate("WalkPage", "Not saved: {0} (keys typed after it were not applied)").format(exc),
                      error=True)
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

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {'#b00020' if error else '#1b5e20'}; font-size: 14px;")

    # the current door ---------------------------------------------------------------------------------------
    @property
    def door(self) -> WalkDoor | None:
        return self.doors[self.index] if 0 <= self.index < len(self.doors) else None

    def current_voter(self) -> WalkVoter | None:
        door = self.door
        if door is None or not 0 <= self.person < len(door.voters):
            return None
        v = door.voters[self.person]
        return v if v.skip is None or v.voter_id in self.visit else None  # just marked DNC: a note may follow

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

    def _new_visit(self) -> None:
        self.visit.clear()
        self.typed.clear()

    def step_door(self, step: int) -> None:
        self._leave_to(None, step)

    def _leave_to(self, index: int | None, step: int = 0) -> None:
        """Go to door `index` (or the one `step` away) once what was typed here is saved or knowingly dropped."""
        self._capture()

        def go() -> None:
            target = self.index + step if index is None else index
            if self.door is not None and target == self.index:
                return
            if self._may_leave():
                self.go_to(target)

        self._submit(go)

    def _may_leave(self) -> bool:
        """True when nothing typed at this door would be lost by leaving it, or the person says to drop it."""
        door = self.door
        names = {v.voter_id: v.name for v in door.voters} if door else {}
        unsaved = [(names.get(vid, "?"), a) for vid, a in self.typed.items() if vid not in self.visit and not a.empty]
        if not unsaved:
            return True
        what = "\n".join(f"• {name}: {a.describe()}" for name, a in unsaved)
        if self._ask(translate("WalkPage", "These answers have no result yet, so they are not saved:\n{0}\n\n"
                                           "Log a result for the person first, or leave the door and drop them?")
                     .format(what), translate("WalkPage", "Drop them and leave"), translate("WalkPage", "Stay")):
            self._say(translate("WalkPage", "Dropped answers without a result: {0}").format(
                "; ".join(f"{n} ({a.describe()})" for n, a in unsaved)), error=True)
            self.typed.clear()
            return True
        return False

    def _ask(self, text: str, yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, translate("WalkPage", "Canvass"), text, parent=self)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
        box.exec()
        self.activateWindow()  # the keys go on working at once, without a click back into the window
        self.setFocus()
        return box.clickedButton() is ok

    def go_to(self, index: int) -> None:
        """Arrive at door `index`: a new visit, the first person without a result in focus."""
        if not self.doors:
            self._render()
            return
        index = max(0, min(index, len(self.doors) - 1))
        if index != self.index or self.door is None:
            self._new_visit()
        self.index = index
        door = self.doors[self.index]
        open_ = [i for i, v in enumerate(door.voters) if v.skip is None and v.result is None]
        any_ = [i for i, v in enumerate(door.voters) if v.skip is None]
        self.person = (open_ or any_ or [0])[0]
        focus = QApplication.focusWidget()
        if focus is not None and self.panel.isAncestorOf(focus):
            self.setFocus()  # a new door: the keys log results again
        self._load_panel()
        self._render()

    def move_person(self, step: int) -> None:
        self._capture()
        self._submit(lambda: self._move_person(step))

    def _move_person(self, step: int) -> None:
        door = self.door
        if door is None:
            return
        knockable = [i for i, v in enumerate(door.voters) if v.skip is None or v.voter_id in self.visit]
        if self.person in knockable:
            pos = knockable.index(self.person) + step
            if 0 <= pos < len(knockable):
                self._select_person(knockable[pos])

    def _person_clicked(self, item: QListWidgetItem) -> None:
        row = self.people.row(item)
        door = self.door
        if door is not None and (door.voters[row].skip is None or door.voters[row].voter_id in self.visit):
            self._capture()
            self._submit(lambda: self._select_person(row))

    def _select_person(self, row: int) -> None:
        self.person = row
        self._load_panel()
        self._render()

    def _load_panel(self) -> None:
        voter = self.current_voter()
        self.panel.show_answers(self.typed.get(voter.voter_id, Answers()) if voter else Answers())
        self._show_target()

    def _show_target(self) -> None:
        voter = self.current_voter()
        entry = self.visit.get(voter.voter_id) if voter else None
        if voter is None:
            text = ""
        elif entry is None:
            text = translate("WalkPage", "Answers for <b>{0}</b> — saved with the result you log").format(voter.name)
        else:
            text = translate("WalkPage", "Answers for <b>{0}</b> — logged {1}; a change here is saved as a correction"
                             ).format(voter.name, translate("WalkPage", LABELS.get(entry.code, entry.code)))
        self.panel.target.setText(text)

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
            self._show_target()
            self._show_progress()
            self.gotv.show_voter(None, "")
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
                if v.voter_id not in self.visit:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(item)
            if i == self.person and (not v.skip or v.voter_id in self.visit):
                self.people.setCurrentRow(i)
        rows = sum(max(self.people.sizeHintForRow(i), 0) for i in range(self.people.count()))
        self.people.setFixedHeight(max(60, min(rows + 2 * self.people.frameWidth() + 6, 200)))  # no empty well
        self._show_target()
        self._show_progress()
        voter = self.current_voter()
        self.gotv.show_voter(voter.voter_id if voter else None, door.address)

    def _show_progress(self) -> None:
        p = self.progress
        if p is None or self.turf_id is None:
            return
        on_turf = utcnow() - self.started_at
        minutes = int(on_turf.total_seconds() // 60)
        if on_turf < RATE_AFTER:
            rate = translate("WalkPage", "— contacts/h (after {0} min)").format(int(RATE_AFTER.total_seconds() // 60))
        else:
            rate = translate("WalkPage", "{0} contacts/h").format(
                number(p.contacts / (on_turf.total_seconds() / 3600), 1))
        self.progress_label.setText(
            translate("WalkPage", "<b>{0} of {1} doors</b> · {2} · {3} results · {4}:{5:02d} on turf").format(
                number(p.doors_done), number(p.doors_total), rate, number(p.attempts), minutes // 60, minutes % 60)
        )

    def _enable(self, on: bool) -> None:
        """Door actions are live only while a turf with doors is open; undo stays live for the last one."""
        for name, action in self.actions_by_name.items():
            if name != "undo":
                action.setEnabled(on)

    # answers --------------------------------------------------------------------------------------------------
    def _by_key(self, edit: Callable[[], None]) -> None:
        """A key that edits the answers applies in turn, after the writes queued before it (C then 4: 4 is C's)."""
        self._submit(edit)

    def _capture(self) -> None:
        """Take what the panel shows for the person in focus; written as a correction if they are logged."""
        voter = self.current_voter()
        if voter is None:
            return
        answers = self.panel.answers()
        if answers == self.typed.get(voter.voter_id, Answers()):
            return
        self.typed[voter.voter_id] = answers
        vid = voter.voter_id
        self._submit(lambda: self._save_answers(vid, answers))

    def _save_answers(self, vid: int, answers: Answers) -> None:
        entry = self.visit.get(vid)
        if entry is None:
            if not answers.empty:
                self._say(translate("WalkPage", "Answers noted ({0}): they are saved with the result you log")
                          .format(answers.describe()))
            return
        if answers == entry.answers:
            return
        cid, user = entry.contact_id, self.ctx.user
        name = next((v.name for d in self.doors for v in d.voters if v.voter_id == vid), "?")

        def write(session: Any) -> attempts.Amended:
            return attempts.amend_contact(session, cid, answers.survey(), note=answers.note or None, canvasser=user)

        def after(loaded: Loaded) -> None:
            a = loaded.amended
            assert a is not None
            self.visit[vid] = Entry(a.contact_id, entry.code, answers)
            self.history = [(t, [a.contact_id if i == a.replaced_id else i for i in ids]) for t, ids in self.history]
            self._say(translate("WalkPage", "Saved — {0}: {1}, corrected ({2})").format(
                name, translate("WalkPage", LABELS.get(entry.code, entry.code)),
                answers.describe() or translate("WalkPage", "answers cleared")))
            self._render()

        self._run(write, after)

    # writing ------------------------------------------------------------------------------------------------
    def log_result(self, code: str) -> None:
        self._capture()
        self._submit(lambda: self._log_result(code))

    def _log_result(self, code: str) -> None:
        voter = self.current_voter()
        door = self.door
        if voter is None or door is None or self.turf_id is None:
            self._say(translate("WalkPage", "Nobody to log here."), error=True)
            return
        if voter.voter_id in self.visit:  # logged on this visit: the key is for the next person at the door
            rest = [i for i, v in enumerate(door.voters) if v.skip is None and v.voter_id not in self.visit]
            after_me = [i for i in rest if i > self.person] or rest
            if not after_me:
                self._everyone_logged()
                return
            self._select_person(after_me[0])
            voter = self.current_voter()
            assert voter is not None
        name = translate("WalkPage", LABELS[code])
        if code in CONFIRM and self.confirm_marks and not self._ask(
                translate("WalkPage", "Log {0} as {1}? They will not be knocked again.").format(voter.name, name),
                translate("WalkPage", "Log {0}").format(name), translate("WalkPage", "Cancel")):
            self._say(translate("WalkPage", "Not logged: {0} for {1}").format(name, voter.name))
            return
        answers = self.panel.answers()
        self.typed[voter.voter_id] = answers
        turf_id, user, vid = self.turf_id, self.ctx.user, voter.voter_id

        def write(session: Any) -> list[str]:
            return [attempts.log_contact(session, vid, code, answers.survey(), note=answers.note or None,
                                         canvasser=user, turf_id=turf_id, source="walk")]

        def after(loaded: Loaded) -> None:
            assert self.turf_id is not None
            self.history.append((self.turf_id, loaded.logged))
            self.visit[vid] = Entry(loaded.logged[0], code, answers)
            given = f" ({answers.describe()})" if not answers.empty else ""
            self._say(translate("WalkPage", "Saved — {0}: {1}{2}. Answers given now are added to it.")
                      .format(voter.name, name, given))
            self._render()  # stay with this person: what they say next belongs to this contact

        self._run(write, after)

    def _everyone_logged(self) -> None:
        QApplication.beep()
        self._say(translate("WalkPage", "Everyone at this door is logged on this visit: {0} for the next door, {1} "
                                        "to undo.").format(key_text("PgDown"), key_text("Ctrl+Z")), error=True)

    def household_not_home(self) -> None:
        self._capture()
        self._submit(self._household_not_home)

    def _household_not_home(self) -> None:
        door = self.door
        if door is None or self.turf_id is None or not door.knockable:
            return
        if all(v.voter_id in self.visit for v in door.knockable):
            self._everyone_logged()
            return
        turf_id, user, hid, since = self.turf_id, self.ctx.user, door.household_id, self.started_at
        details = {vid: (a.survey(), a.note or None) for vid, a in self.typed.items()
                   if vid not in self.visit and not a.empty}

        def write(session: Any) -> list[str]:
            return attempts.log_household(session, hid, "NH", canvasser=user, turf_id=turf_id, since=since,
                                          details=details)

        def after(loaded: Loaded) -> None:
            assert self.turf_id is not None
            self.history.append((self.turf_id, loaded.logged))
            self._say(translate("WalkPage", "Saved — {0}: nobody home ({1} logged Not home)").format(
                door.address, len(loaded.logged)))
            cur = self.door
            self.typed = {vid: a for vid, a in self.typed.items() if vid in self.visit}  # written with their NH
            if cur is not None and cur.done and self._may_leave():
                self.go_to(self._next_open(self.index, 1))
            else:
                self._render()

        self._run(write, after)

    def undo(self) -> None:
        self._capture()
        self._submit(self._undo)

    def _undo(self) -> None:
        if self.turf_id is None:
            return
        turf_id, user = self.turf_id, self.ctx.user
        ids = self.history.pop()[1] if self.history and self.history[-1][0] == turf_id else None

        def write(session: Any) -> list[attempts.Undone]:
            if ids:
                return attempts.undo_contacts(session, ids, canvasser=user)
            last = attempts.undo_last(session, canvasser=user, turf_id=turf_id)
            return [last] if last else []

        def after(loaded: Loaded) -> None:
            if not loaded.undone:
                self._say(translate("WalkPage", "Nothing to undo."))
                return
            u = loaded.undone[0]
            self._say(translate("WalkPage", "Undone: {0}").format(
                ", ".join(f"{self._name_of(x.voter_id)} {x.result}" for x in loaded.undone)))
            back = next((i for i, d in enumerate(self.doors) if d.household_id == u.household_id), self.index)
            if back != self.index:
                self.go_to(back)
            for x in loaded.undone:
                self.visit.pop(x.voter_id, None)  # their answers stay typed: a result key logs them again
            door = self.door
            if door is not None:
                self.person = next((i for i, v in enumerate(door.voters) if v.voter_id == u.voter_id), self.person)
                self._load_panel()
                self._render()

        self._run(write, after)

    def _name_of(self, voter_id: int) -> str:
        return next((v.name for d in self.doors for v in d.voters if v.voter_id == voter_id), "?")

    def _data_changed(self, what: str) -> None:
        if what in ("turfs", "voters", "sync"):
            self.load_turfs()
        elif what == "contacts":
            self.refresh_figures()

    def _county_changed(self, _county: str) -> None:
        """Another county: its turfs in the picker; a turf of the last county stays open until another is chosen."""
        self.load_turfs()

    # for tests and the status bar --------------------------------------------------------------------------
    def idle(self) -> bool:
        return not self.busy and not self.queue

    def started(self) -> dt.datetime:
        return self.started_at
