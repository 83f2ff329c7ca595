"""The app's settings, declared once (key, type, default, allowed values) and stored through QSettings.

Read with `SERVER_URL.get()`, write with `SERVER_URL.set(value)`. A stored value of the wrong type or outside
the allowed choices reads as the default, so a hand-edited or old settings file never breaks the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSettings

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def _valid(self, value: object) -> bool:
        if not isinstance(value, self.type):
            return False
        if self.choices and value not in self.choices:
            return False
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        return True

    def get(self, settings: QSettings | None = None) -> T:
        store = settings if settings is not None else QSettings()
        raw = store.value(self.key, None)
        if raw is None:
            return self.default
        try:
            value: object = _convert(raw, self.type)
        except (TypeError, ValueError):
            return self.default
        return cast(T, value) if self._valid(value) else self.default

    def set(self, value: T, settings: QSettings | None = None) -> None:
        if not self._valid(value):
            raise ValueError(f"{self.key}: {value!r} is not allowed")
        store = settings if settings is not None else QSettings()
        store.setValue(self.key, value)

    def reset(self, settings: QSettings | None = None) -> None:
        (settings if settings is not None else QSettings()).remove(self.key)


def _convert(raw: object, kind: type) -> object:
    """QSettings hands back strings from INI files and native types elsewhere."""
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in ("true", "1"):
            return True
        if str(raw).lower() in ("false", "0"):
            return False
        raise ValueError(raw)
    if kind is int:
        if isinstance(raw, bool):
            raise TypeError(raw)
        return int(str(raw))
    return str(raw)


SERVER_URL = Setting("sync/server_url", str, "")
SYNC_INTERVAL_MINUTES = Setting("sync/interval_minutes", int, 15, minimum=0, maximum=24 * 60)  # 0: only by hand
WALKLIST_PAGE_SIZE = Setting("walklist/page_size", str, "letter", choices=("letter", "a4"))
LANGUAGE = Setting("ui/language", str, "system", choices=("system", "en", "es"))
THEME = Setting("ui/theme", str, "system", choices=("system", "light", "dark"))
COUNTY = Setting("ui/county", str, "")  # "Name, ST": chosen in the main window, not in the Settings dialog

# The settings of the Settings dialog
ALL: tuple[Setting[str] | Setting[int] | Setting[bool], ...] = (
    SERVER_URL, SYNC_INTERVAL_MINUTES, WALKLIST_PAGE_SIZE, LANGUAGE, THEME)
