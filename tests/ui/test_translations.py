"""Spanish UI: every visible string of the main pages is translated (no English left), and the core's strings too.

Each page is built twice over the same store, in English and then in Spanish; a text that stays the same in both
at the same place in the widget tree, and has words in it, was missed by the translation (data such as names and
numbers are the same in both, but the pages are built over an empty store, where they show none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from canvass_app import i18n
from canvass_app.store.database import Store
from canvass_app.turfs import cutting, walklist_pdf
from canvass_app.ui import self_test
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.import_dialog import ImportDialog
from canvass_app.ui.i18n import install_translations
from canvass_app.ui.main_window import PAGES, MainWindow
from canvass_app.voters import importer

# Words that are the same in both languages or are names, not English
NEUTRAL = {"english", "español",  # language names are shown in their own language
           "canvass", "pdf", "ctrl", "shift", "pgup", "pgdown", "esc", "utc", "qr", "min", "csv", "tsv", "txt"}


def _words(text: str) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", text).replace("&", "")
    return [w for w in re.findall(r"[^\W\d_]{3,}", text) if w.lower() not in NEUTRAL]


def _texts(root: QWidget) -> dict[str, str]:
    """Every visible string under root, keyed by its place in the widget tree and what kind of text it is."""
    found: dict[str, str] = {}

    def add(path: str, kind: str, value: str) -> None:
        if value:
            found[f"{path}:{kind}"] = value

    def walk(widget: QWidget, path: str) -> None:
        add(path, "tooltip", widget.toolTip())
        add(path, "accessible", widget.accessibleName())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(path, "text", widget.text())
        if isinstance(widget, QLineEdit):
            add(path, "placeholder", widget.placeholderText())
        if isinstance(widget, QTextEdit):
            add(path, "placeholder", widget.placeholderText())
            add(path, "text", widget.toPlainText())
        if isinstance(widget, QGroupBox):
            add(path, "title", widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(path, f"item{i}", widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(path, f"tab{i}", widget.tabText(i))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            for c in range(columns):
                add(path, f"header{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
        for i, action in enumerate(widget.actions()):
            add(path, f"action{i}", action.text())
            add(path, f"action{i}-tip", action.toolTip())
        children = [c for c in widget.children() if isinstance(c, QWidget)]
        for i, child in enumerate(children):
            walk(child, f"{path}/{type(child).__name__}[{i}]")

    walk(root, type(root).__name__)
    return found


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    yield
    install_translations("en")


def _build(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    for spec in PAGES:
        window.show_page(spec.key)
        QCoreApplication.processEvents()
    ctx.runner.wait(30000)
    QCoreApplication.processEvents()
    return window


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_every_visible_string_of_the_page_is_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None,
                                                        key: str) -> None:
    install_translations("en")
    english = _texts(_build(qtbot, ctx).pages[key])
    assert install_translations("es") == "es"
    window = _build(qtbot, ctx)
    spanish_texts = _texts(window.pages[key])
    assert english.keys() == spanish_texts.keys(), "the page must build the same widgets in both languages"
    confirmed = {source for (_ctx, source), es in i18n.catalog("es").items() if es == source}
    left = {place: text for place, text in spanish_texts.items()
            if text == english[place] and text not in confirmed and _words(text)}
    assert not left, "English left on the page:\n" + "\n".join(f"  {p}: {t!r}" for p, t in sorted(left.items()))
    assert any(spanish_texts[p] != english[p] for p in english), "nothing on the page was translated"


def test_the_import_dialog_names_the_columns_fields_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None,
                                                              tmp_path: Path) -> None:
    """The voter-file fields' names come from the shared formats package and still reach the catalog."""
    voters = tmp_path / "county.csv"
    voters.write_text("Voter ID,First Name,Last Name,Street #,Street,Notes\nA1,Ann,Lee,12,Main,x\n", encoding="utf-8")
    assert install_translations("es") == "es"
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.looked, timeout=20000):
        dialog.set_file(voters)
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert shown["Street #"] == "Número de casa"
    assert shown["Last Name"] == "Apellido"
    assert shown["Notes"] == "(no se importa)"


def test_the_shell_is_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None) -> None:
    install_translations("es")
    window = _build(qtbot, ctx)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Archivo", "&Ir", "A&yuda"]
    assert [window.nav.item(i).text() for i in range(window.nav.count())][0] == "Contactos"
    assert window.county_label.text().startswith("Condado:")


def test_the_core_translates_result_codes_survey_questions_and_falls_back_to_english() -> None:
    assert i18n.translate("ResultCode", "Not Home", "es") == "No está en casa"
    assert i18n.translate("Survey", "Needs a ride to vote", "es") == "Necesita transporte para votar"
    assert i18n.translate("ResultCode", "A code someone added", "es") == "A code someone added"
    assert i18n.translate("ResultCode", "Not Home", "en") == "Not Home"
    every_seed = {("ResultCode", s) for s in i18n.SEEDED[:11]} | {("Survey", s) for s in i18n.SEEDED[11:]}
    assert every_seed <= i18n.catalog("es").keys()


def test_the_language_follows_the_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", i18n.LANGUAGE_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert i18n.system_language() == "es"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "en"
    monkeypatch.setenv("LANGUAGE", "es:en")
    assert i18n.system_language() == "es"


def test_the_walk_list_pdf_prints_in_the_language_in_force(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        county = importer.import_voter_file(session, self_test.FIXTURE, county="Riverside", state="NC").county_id
        list_number = cutting.cut_by_precinct(session, county)[0].list_number
    texts = {}
    try:
        for language in ("en", "es"):
            i18n.set_language(language)
            out = tmp_path / f"{language}.pdf"
            with store.session() as session:
                walklist_pdf.write_walklists(session, [list_number], out)
            pdf = pypdfium2.PdfDocument(out)
            texts[language] = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
            pdf.close()
    finally:
        i18n.set_language(None)
    assert "Page 1 of 2" in texts["en"]
    assert "Not Home" in texts["en"]
    for spanish in ("Página 1 de 2", "Lista de recorrido", "No está en casa", "Necesita transporte para votar",
                    "Condado de Riverside", "Marque un resultado por votante"):
        assert spanish in texts["es"], spanish
    for english in ("Page 1 of", "Not Home", "Talking points", "Tick one result"):
        assert english not in texts["es"], english
