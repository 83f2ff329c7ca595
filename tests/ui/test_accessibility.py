"""Accessibility: every control has an accessible name, Tab alone reaches every control, and 200% text fits."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from canvass_app.ui.context import AppContext
from canvass_app.ui.main_window import PAGES, MainWindow

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit, QTextEdit,
            QPlainTextEdit, QTabBar)


def _window(qtbot: QtBot, ctx: AppContext, key: str) -> tuple[MainWindow, QWidget]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page(key)
    ctx.runner.wait(30000)
    QCoreApplication.processEvents()
    return window, page


def _controls(page: QWidget) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisibleTo(page)
            and w.isEnabled() and not isinstance(w.parentWidget(), QComboBox)
            and not (isinstance(w, QAbstractButton) and isinstance(w.parentWidget(), QAbstractSpinBox))
            and not isinstance(w, QHeaderView) and w.objectName() != "qt_tableview_cornerbutton"
            and type(w).__name__ not in ("QScrollBar",)]


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_every_control_has_an_accessible_name(qtbot: QtBot, ctx: AppContext, key: str) -> None:
    _window_, page = _window(qtbot, ctx, key)
    nameless = [f"{type(w).__name__} {w.objectName()!r} tooltip={w.toolTip()!r}" for w in _controls(page)
                if not _name(w)]
    assert not nameless, "controls without an accessible name:\n" + "\n".join(nameless)


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_tab_alone_reaches_every_control(qtbot: QtBot, ctx: AppContext, key: str) -> None:
    window, page = _window(qtbot, ctx, key)
    controls = _controls(page)
    tabbable = [w for w in controls if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    window.nav.setFocus()
    reached: set[int] = set()
    for _ in range(4 * len(controls) + 20):
        focus = QApplication.focusWidget()
        assert focus is not None, "focus was lost"
        reached.add(id(focus))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    missed = [f"{type(w).__name__} {_name(w)!r}" for w in tabbable if id(w) not in reached]
    assert not missed, "Tab never reaches:\n" + "\n".join(missed)
    # controls kept out of the Tab chain on purpose (the Walk page's one-key buttons) must say their key
    keyless = [f"{type(w).__name__} {_name(w)!r}" for w in controls if not w.focusPolicy() & Qt.FocusPolicy.TabFocus
               and not re.search(r"\([^()]+\)\s*$", w.toolTip()) and not isinstance(w, QTabBar)]
    assert not keyless, "controls outside the Tab chain without a shortcut in their tooltip:\n" + "\n".join(keyless)


@pytest.fixture
def big_text(qapp: QApplication) -> Iterator[None]:
    font = QApplication.font()
    doubled = QFont(font)
    doubled.setPointSizeF(font.pointSizeF() * 2)
    QApplication.setFont(doubled)
    yield
    QApplication.setFont(font)


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_layouts_hold_at_200_percent_text(qtbot: QtBot, ctx: AppContext, big_text: None, key: str) -> None:
    window, page = _window(qtbot, ctx, key)
    window.resize(window.sizeHint().expandedTo(window.size()))
    QCoreApplication.processEvents()
    clipped = []
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(page) or not isinstance(w, (QAbstractButton, QLabel, QComboBox, QLineEdit)):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text() or w.textFormat() == Qt.TextFormat.RichText):
            continue
        text_height = w.fontMetrics().height()
        if w.height() < text_height:
            clipped.append(f"{type(w).__name__} {_name(w) or w.objectName()!r}: {w.height()}px high for "
                           f"{text_height}px text")
        if isinstance(w, (QAbstractButton, QLabel)) and w.text():
            lines = w.text().replace("&&", "&").replace("&", "").splitlines() or [""]
            need = max(w.fontMetrics().horizontalAdvance(line) for line in lines)
            if w.width() < need:
                clipped.append(f"{type(w).__name__} {w.text()!r}: {w.width()}px wide for {need}px of text")
    assert not clipped, "clipped at 200% text:\n" + "\n".join(clipped)


def test_high_dpi_screens_draw_the_whole_app_at_twice_the_pixels(tmp_path: Path) -> None:
    """The self-test's window check at a 2x device pixel ratio: every page builds and draws, at double density."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CANVASS_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", HOME=str(tmp_path))
    run = subprocess.run([sys.executable, "-m", "canvass_app", "--self-test"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    window = next(line for line in run.stdout.splitlines() if line.startswith("window: "))
    match = re.search(r"\((\d+)x(\d+)\)", window)
    assert match, window
    width, height = int(match.group(1)), int(match.group(2))
    assert height == 1400, window  # the 700-pixel-high window, drawn at two device pixels per pixel
    assert width >= 2048, window
