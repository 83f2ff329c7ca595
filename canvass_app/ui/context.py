"""What every page is given: the open store, the task runner, the current county, and the app-wide signals."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from canvass_app.store.database import Store
from canvass_app.sync.whoami import OFFLINE_ROLE, Person
from canvass_app.turfs.cutting import Me
from canvass_app.ui.tasks import TaskRunner
from canvass_app.voters.counties import CountyChoice


class AppEvents(QObject):
    """App-wide notifications, so that pages stay in step without knowing each other."""

    data_changed = Signal(str)  # what changed: "voters", "contacts", "turfs", "briefs", "sync"
    status_message = Signal(str)  # a short message for the status bar
    county_changed = Signal(str)  # the current county's key ("Durham, NC"): pages query it again
    signed_in = Signal()  # who is signed in changed (enrollment): pages show what the new role allows


@dataclass
class AppContext:
    """`county` is the current county's key ("Name, ST") and `county_id` its row once the store has it; pages
    show that county only (or every county while `county_id` is None, before the window has chosen)."""

    store: Store
    runner: TaskRunner
    events: AppEvents = field(default_factory=AppEvents)
    county: str = ""
    user: str = "canvasser"  # the signed-in person's name: contacts logged here carry it
    role: str = OFFLINE_ROLE  # their role (roles.may_send decides what the window offers)
    me: Me | None = None  # the enrolled member, as turfs need them (None offline: cuts and hand-outs stay local)
    county_id: int | None = None

    def sign_in(self, person: Person) -> None:
        """Who acts from this window: the enrolled member, or the local name of an offline install."""
        self.user, self.role, self.me = person.name or self.user, person.role, person.turf_member()
        self.events.signed_in.emit()

    def set_county(self, choice: CountyChoice | None) -> None:
        """Make `choice` the current county; pages hear of it (county_changed) only when it is a change."""
        key, county_id = (choice.key, choice.id) if choice else ("", None)
        if (key, county_id) == (self.county, self.county_id):
            return
        self.county, self.county_id = key, county_id
        self.events.county_changed.emit(key)

    @property
    def county_label(self) -> str:
        """The current county as people read it ("Durham NC"), or "" when there is none."""
        name, _, state = self.county.partition(",")
        return f"{name.strip()} {state.strip()}".strip()
