"""GUI fixtures: one offscreen QApplication, settings in a temp dir, and an AppContext over a fresh store."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from canvass_app.store.database import Store  # noqa: E402
from canvass_app.ui.context import AppContext  # noqa: E402
from canvass_app.ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _settings_in_temp(tmp_path_factory: pytest.TempPathFactory) -> None:
    QCoreApplication.setOrganizationName("CanvassTests")
    QCoreApplication.setApplicationName("CanvassTests")
    path = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, path)


@pytest.fixture
def ctx(qapp: object, store: Store) -> Iterator[AppContext]:
    context = AppContext(store=store, runner=TaskRunner(), county="Riverside, NC")
    yield context
    context.runner.wait(30000)
