"""The counties in the store, as the window's county chooser lists them, and the one to show when none is chosen."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.store.models import County


@dataclass(frozen=True)
class CountyChoice:
    """A county of the store: its identity is (name, state); `id` is this store's row."""

    id: int
    name: str
    state: str

    @property
    def label(self) -> str:
        """How people read it: "Durham NC"."""
        return f"{self.name} {self.state}"

    @property
    def key(self) -> str:
        """How it is remembered in settings: "Durham, NC"."""
        return f"{self.name}, {self.state}"


def list_counties(session: Session) -> list[CountyChoice]:
    """Every county in the store, by name then state."""
    query = select(County.id, County.name, County.state).order_by(County.name, County.state)
    return [CountyChoice(cid, name, state) for cid, name, state in session.execute(query)]


def pick_county(counties: list[CountyChoice], key: str) -> CountyChoice | None:
    """The county `key` ("Name, ST") names (case-insensitive), else the first one, else None (an empty store)."""
    wanted = key.strip().lower()
    return next((c for c in counties if c.key.lower() == wanted), counties[0] if counties else None)
