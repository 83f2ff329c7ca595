"""What every page is given: the open store, the task runner, and the app-wide signals pages share."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from canvass_app.store.database import Store
from canvass_app.ui.tasks import TaskRunner


class AppEvents(QObject):
    """App-wide notifications, so that pages stay in step without knowing each other."""

    data_changed = Signal(str)  # what changed: "voters", "contacts", "turfs", "briefs", "sync"
    status_message = Signal(str)  # a short message for the status bar
    county_changed = Signal(str)


@dataclass
class AppContext:
    store: Store
    runner: TaskRunner
    events: AppEvents = field(default_factory=AppEvents)
    county: str = ""
    user: str = "canvasser"
