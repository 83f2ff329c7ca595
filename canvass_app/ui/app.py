"""Starting the GUI: the QApplication, the passphrase prompt, the store, the demo county and the main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from canvass_app import __version__, demo
from canvass_app.paths import resource_path
from canvass_app.store.database import Store, StoreError, open_store
from canvass_app.sync import whoami
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.i18n import apply_theme, install_translations, translate
from canvass_app.ui.main_window import MainWindow
from canvass_app.ui.tasks import TaskRunner
from canvass_app.voters.counties import CountyChoice, list_counties, pick_county


def has_display() -> bool:
    """False on Linux without X11/Wayland, or when Qt was told to render offscreen."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux") and not platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def platform_problem() -> str | None:
    """Why Qt's window-system plugin cannot load, or None. Qt aborts the process when it cannot, so a short-lived
    child process tries first (e.g. the xcb plugin without libxcb-cursor0 on a fresh Linux)."""
    if getattr(sys, "frozen", False) or os.environ.get("QT_QPA_PLATFORM"):
        return None
    probe = "from PySide6.QtWidgets import QApplication; QApplication([])"
    try:
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if result.returncode == 0:
        return None
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return " ".join(lines[:2]) or f"exit code {result.returncode}"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("Canvass")
    QCoreApplication.setApplicationName("Canvass")
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "canvass-256.png"))))
    app.setDesktopFileName("canvass-app")
    install_translations()
    apply_theme()
    return app


def ask_passphrase(new: bool) -> str | None:
    """The GUI's passphrase prompt for stores protected by a passphrase (no system keychain)."""
    label = (
        translate("App", "No system keychain is available. Choose a passphrase (8+ characters) to protect "
                  "this device's data:")
        if new
        else translate("App", "Enter the passphrase that protects this device's Canvass data:")
    )
    title = translate("App", "Canvass passphrase")
    text, ok = QInputDialog.getText(None, title, label, QLineEdit.EchoMode.Password)
    if not ok:
        return None
    if new:
        again, ok = QInputDialog.getText(None, title, translate("App", "Repeat the passphrase:"),
                                         QLineEdit.EchoMode.Password)
        if not ok or again != text:
            QMessageBox.warning(None, "Canvass", translate("App", "The two passphrases differ; nothing was created."))
            return None
    return text


def current_county(store: Store) -> CountyChoice | None:
    """The county the window opens on: the one chosen last time (settings), else the store's first."""
    with store.session() as session:
        return pick_county(list_counties(session), settings.COUNTY.get())


def county_name(store: Store) -> str:
    """The key ("Name, ST") of the county the window opens on, or "" for an empty store."""
    county = current_county(store)
    return county.key if county else ""


def open_context(data_dir: Path, *, demo_mode: bool, interactive: bool, store: Store | None = None) -> AppContext:
    if store is None:
        store = open_store(data_dir, prompt=ask_passphrase if interactive else None)
    if demo_mode and not demo.has_demo(store):
        demo.build_demo(store)
    ctx = AppContext(store=store, runner=TaskRunner())
    ctx.sign_in(whoami.signed_in(store))
    ctx.set_county(current_county(store))
    return ctx


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    """Open the main window; without a display, run the headless tour instead of dying on a Qt error."""
    problem = None if not has_display() else platform_problem()
    if not has_display() or problem:
        from canvass_app.ui.tour import run_tour

        return run_tour(data_dir, reason=f"Qt cannot open a window here ({problem})" if problem else None)
    app = make_application()
    from canvass_app.ui.dialogs import first_run

    first = None
    if not demo and first_run.needs_first_run(data_dir):  # a new data dir: the first-run wizard makes the store
        first = first_run.run_first_run(data_dir)
        if first is None:
            return 1
    try:
        ctx = open_context(data_dir, demo_mode=demo or (first is not None and first.choice == first_run.DEMO),
                           interactive=True, store=first.store if first else None)
    except StoreError as exc:
        QMessageBox.critical(None, "Canvass", str(exc))
        return 2
    window = MainWindow(ctx)
    window.show()
    if first is not None:
        first_run.after_first_run(window, ctx, first)
    code = app.exec()
    ctx.store.close()
    return int(code)
