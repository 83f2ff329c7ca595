"""The Walk page's keys: text boxes keep the keys typed into them, and a legend that shows every shortcut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QWidget

from canvass_app.ui.i18n import translate

# Keys that still reach the page from inside a text box: moving between doors (after the box's text is taken).
PASS_THROUGH = {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
COMMANDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def tip(text: str, key: str) -> str:
    """A tooltip that ends with its key in brackets, as every one-key control's does."""
    return f"{text} ({key_text(key)})"


class TextFirst(QObject):
    """Installed on a text box or list box: plain keys go to it, never to the page's one-letter shortcuts.

    Qt offers a key to the focused widget as a ShortcutOverride before any shortcut; accepting it gives the key
    to the widget. Ctrl/Alt combinations and PgUp/PgDn still reach the page. Esc (and Enter, once a choice is
    made) hands the keys back to the page by focusing `home`.
    """

    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self.home = home

    def watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            w.installEventFilter(self)
            line = w.lineEdit() if isinstance(w, QComboBox) else None
            if line is not None:
                line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if not event.modifiers() & COMMANDS and event.key() not in PASS_THROUGH:
                event.accept()
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            self.home.setFocus()
            return True
        return False


def legend_html() -> str:
    """Every key of the page, for the legend under the buttons."""
    keys = [
        (translate("WalkPage", "C N R B L I M W H X D"),
         translate("WalkPage", "result for the person in focus (pressed again: the next person here)")),
        ("A", translate("WalkPage", "nobody home: everyone here not yet logged")),
        ("1–5", translate("WalkPage", "support")),
        ("T", translate("WalkPage", "top issue")),
        ("V", translate("WalkPage", "volunteer")),
        ("G", translate("WalkPage", "needs a ride")),
        ("E", translate("WalkPage", "note")),
        (translate("WalkPage", "Esc"), translate("WalkPage", "leave a text box")),
        ("↑ ↓", translate("WalkPage", "person")),
        (f"{key_text('PgUp')} {key_text('PgDown')}  ← →", translate("WalkPage", "door")),
        (key_text("Ctrl+Z"), translate("WalkPage", "undo")),
    ]
    return " · ".join(f"<b>{k}</b> {what}" for k, what in keys)
