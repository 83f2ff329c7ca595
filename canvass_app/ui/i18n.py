"""Language and theme for the Qt app: installs the QTranslators and the light or dark palette at startup.

The one translation idiom in `canvass_app/ui/` (the same shape as the core's `canvass_app.i18n.translate`):

- Every visible string is written `translate("Context", "Text")` with this module's `translate`, both arguments
  string literals, so that `make lupdate` finds it. Not `self.tr(...)` (it cannot be used in module functions,
  models' tables or non-QObject helpers, and its context depends on the class it runs in), not a module-level
  `tr()` (lupdate files those under the empty context, where strings of unrelated pages mix).
- The context is the name of the class that shows the string (`"BriefsPage"`, `"CutDialog"`, `"TurfTableModel"`);
  a module's free functions use the context of the module's main class.
- Tables of data (column titles, statuses, codes) are marked with `canvass_app.i18n.QT_TRANSLATE_NOOP(context,
  text)` where they are declared and translated with `translate(context, value)` where they are shown.
- A text that must follow a language change made in Settings (no restart) is bound with `LiveTexts.bind(setter,
  QT_TRANSLATE_NOOP(context, text))`; the widget calls `retranslate()` on QEvent.LanguageChange. Numbers shown to
  people go through `number()` (the language's format).
- Placeholders are `{0}`/`{name}` filled by `.format()` after translating, never before; the Spanish is edited in
  `resources/translations/canvass_es.ts` (`make lupdate` after changing strings, then translate what is unfinished).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from canvass_app import i18n
from canvass_app.ui import settings

_installed: list[QTranslator] = []


def resolve_language(choice: str | None = None) -> str:
    """The language in force: the setting ("en", "es"), or the system's when the setting says "system"."""
    choice = choice if choice is not None else settings.LANGUAGE.get()
    if choice in i18n.LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def install_translations(language: str | None = None) -> str:
    """Load Canvass's and Qt's own translations for `language` (default: the setting); returns the code used."""
    app = QCoreApplication.instance()
    code = resolve_language(language)
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    i18n.set_language(code)
    system = QLocale.system()  # numbers and dates: the system's own formats when they are in this language
    QLocale.setDefault(system if system.name().split("_")[0] == code else QLocale(code))
    if code == i18n.SOURCE_LANGUAGE or app is None:
        return code
    ours = QTranslator(app)
    if ours.load(str(i18n.translations_dir() / f"canvass_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)  # the standard buttons of Qt's dialogs (OK, Cancel, Next, ...)
    if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return code


def _dark_palette() -> QPalette:
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a", QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.ToolTipBase: "#303134", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2d2f33",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Highlight: "#4f7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#3c4043", QPalette.ColorRole.Dark: "#121314", QPalette.ColorRole.Light: "#5f6368",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return p


def apply_theme(theme: str | None = None) -> str:
    """"light", "dark", or "system" (follow the OS, the default); returns the theme applied."""
    app = QApplication.instance()
    theme = theme if theme is not None else settings.THEME.get()
    if not isinstance(app, QApplication):
        return theme
    hints = QGuiApplication.styleHints()
    if theme == "system":
        hints.unsetColorScheme()
        if app.property("canvass_themed"):  # undo a palette we set; otherwise leave the platform's own
            app.setPalette(app.style().standardPalette())
        return theme
    app.setProperty("canvass_themed", True)
    hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
    app.setStyle("Fusion")  # the one style that draws a palette faithfully on every platform
    app.setPalette(_dark_palette() if theme == "dark" else app.style().standardPalette())
    return theme


def translate(context: str, text: str) -> str:
    """`QCoreApplication.translate` under the name lupdate looks for; use string literals so it finds them."""
    return QCoreApplication.translate(context, text)


class LiveTexts:
    """Texts that follow a language change without a restart: each is set at once, and set again by
    `retranslate()` (which a widget calls on QEvent.LanguageChange). Mark the text where it is bound:
    `texts.bind(button.setText, QT_TRANSLATE_NOOP("TurfsPage", "&Cut turfs…"))`; `shape` finishes the translation
    (a placeholder filled, a key appended)."""

    def __init__(self, context: str) -> None:
        self.context = context
        self._bound: list[tuple[Callable[[str], object], str, Callable[[str], str] | None]] = []

    def bind(self, setter: Callable[[str], object], text: str, shape: Callable[[str], str] | None = None) -> None:
        self._bound.append((setter, text, shape))
        self._set(setter, text, shape)

    def _set(self, setter: Callable[[str], object], text: str, shape: Callable[[str], str] | None) -> None:
        translated = translate(self.context, text)
        setter(shape(translated) if shape else translated)

    def retranslate(self) -> None:
        for setter, text, shape in self._bound:
            self._set(setter, text, shape)


def number(value: int | float, decimals: int = 0) -> str:
    """A number in the language's own format (6,200 in English, 6200 or 16.200 in Spanish)."""
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(value, "f", decimals)
