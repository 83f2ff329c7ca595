"""`make run` without a display: the headless tour builds the demo county and renders every page to PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from canvass_app.ui.main_window import PAGES


def test_demo_without_display_runs_the_tour(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(CANVASS_PASSPHRASE="demo passphrase", CANVASS_DATA_DIR=str(tmp_path / "demo"))
    result = subprocess.run([sys.executable, "-m", "canvass_app", "--demo"], env=env, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "headless tour" in result.stdout
    assert "xvfb-run make run" in result.stdout
    assert "Riverside, NC" in result.stdout
    for spec in PAGES:
        image = QImage(str(tmp_path / "demo" / "tour" / f"{spec.key}.png"))
        assert image.width() >= 1000 and image.height() >= 700, spec.key
        colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
        assert len(colours) > 8, f"{spec.key}.png is (nearly) one flat colour: nothing was drawn"


def test_a_display_qt_cannot_use_falls_back_to_the_tour(tmp_path: Path) -> None:
    """Qt aborts when its window-system plugin cannot load; the app must say why and run the tour instead."""
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=":97", CANVASS_PASSPHRASE="demo passphrase", CANVASS_DATA_DIR=str(tmp_path / "demo"))
    result = subprocess.run([sys.executable, "-m", "canvass_app", "--demo"], env=env, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Qt cannot open a window here" in result.stdout
    assert (tmp_path / "demo" / "tour" / "contacts.png").exists()
