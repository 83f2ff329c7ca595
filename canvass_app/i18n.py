"""Translations for the core (no Qt): the same `.ts` files Qt compiles, read here for PDFs and seeded data.

The one source of truth is `resources/translations/canvass_<lang>.ts`, kept up to date by `pyside6-lupdate`
(`make translations`). The Qt UI loads the compiled `.qm` with a QTranslator; the core reads the `.ts` XML itself,
so result codes, survey questions and walk-list PDF labels are translated without Qt. Core code marks its strings
with `translate("Context", "Text")` (or `QT_TRANSLATE_NOOP` for tables of data), which lupdate finds by name.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from canvass_app.paths import resource_path
from canvass_formats import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]  # marked tables everywhere in the app import it from here

LANGUAGES = {"en": "English", "es": "Español"}
SOURCE_LANGUAGE = "en"
LANGUAGE_ENV = "CANVASS_LANGUAGE"

_current: str | None = None


def translations_dir() -> Path:
    return resource_path("translations")


# Seeded data shown to people (migration 0002): marked here so lupdate puts them into the .ts files.
SEEDED = (
    QT_TRANSLATE_NOOP("ResultCode", "Canvassed"),
    QT_TRANSLATE_NOOP("ResultCode", "Not Home"),
    QT_TRANSLATE_NOOP("ResultCode", "Refused"),
    QT_TRANSLATE_NOOP("ResultCode", "Moved"),
    QT_TRANSLATE_NOOP("ResultCode", "Deceased"),
    QT_TRANSLATE_NOOP("ResultCode", "Inaccessible"),
    QT_TRANSLATE_NOOP("ResultCode", "Language Barrier"),
    QT_TRANSLATE_NOOP("ResultCode", "Wrong Address"),
    QT_TRANSLATE_NOOP("ResultCode", "Come Back Later"),
    QT_TRANSLATE_NOOP("ResultCode", "Do Not Contact"),
    QT_TRANSLATE_NOOP("ResultCode", "Hostile"),
    QT_TRANSLATE_NOOP(
        "Survey", "Support for the alliance's candidates and policies (1 strong support - 5 strong oppose)"),
    QT_TRANSLATE_NOOP("Survey", "Top issue"),
    QT_TRANSLATE_NOOP("Survey", "Education"),
    QT_TRANSLATE_NOOP("Survey", "Healthcare"),
    QT_TRANSLATE_NOOP("Survey", "Careers"),
    QT_TRANSLATE_NOOP("Survey", "Peace"),
    QT_TRANSLATE_NOOP("Survey", "Prison reform"),
    QT_TRANSLATE_NOOP("Survey", "Climate"),
    QT_TRANSLATE_NOOP("Survey", "Other"),
    QT_TRANSLATE_NOOP("Survey", "Interested in volunteering"),
    QT_TRANSLATE_NOOP("Survey", "Yes"),
    QT_TRANSLATE_NOOP("Survey", "No"),
    QT_TRANSLATE_NOOP("Survey", "Preferred language"),
    QT_TRANSLATE_NOOP("Survey", "English"),
    QT_TRANSLATE_NOOP("Survey", "Spanish"),
    QT_TRANSLATE_NOOP("Survey", "Needs a ride to vote"),
)


def system_language() -> str:
    """The person's language from the environment or the OS locale, if Canvass has it; else English."""
    candidates = [os.environ.get(name, "") for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    try:
        candidates.append(locale.getlocale()[0] or "")
    except ValueError:
        pass
    for value in candidates:
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def current_language() -> str:
    if _current is not None:
        return _current
    chosen = os.environ.get(LANGUAGE_ENV, "")
    return chosen if chosen in LANGUAGES else system_language()


def set_language(code: str | None) -> str:
    """Use `code` ("en", "es"; None or "system" follows the system) for core strings; returns the one in force."""
    global _current
    _current = code if code in LANGUAGES else None
    return current_language()


@cache
def catalog(language: str) -> dict[tuple[str, str], str]:
    """{(context, source): translation} from canvass_<language>.ts; unfinished and obsolete entries left out."""
    path = translations_dir() / f"canvass_{language}.ts"
    if language == SOURCE_LANGUAGE or not path.exists():
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if node.text:
                found[(name, source)] = node.text
    return found


def translate(context: str, text: str, language: str | None = None) -> str:
    """`text` in the current (or given) language; the English source when no translation exists."""
    return catalog(language or current_language()).get((context, text), text)
