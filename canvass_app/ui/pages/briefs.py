"""The Policy Briefs page: categories, search as you type, a reader with a doorstep mode, bookmarks, rights, votes."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvass_app.briefs.bookmarks import toggle_bookmark
from canvass_app.briefs.handout_pdf import write_handout
from canvass_app.briefs.library import BriefSummary, RightWithBriefs, list_briefs, load_bundled_content
from canvass_app.briefs.library import rights_with_briefs as load_rights
from canvass_app.briefs.reader import ReaderPage, open_brief, right_page_html
from canvass_app.briefs.render import CATEGORY_LABELS, Mode
from canvass_app.briefs.search import SearchHit, query_terms, search_briefs
from canvass_app.i18n import QT_TRANSLATE_NOOP, current_language
from canvass_app.ui import settings
from canvass_app.ui.context import AppContext
from canvass_app.ui.dialogs.print_dialog import ask_and_print
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.settings import Setting
from canvass_app.ui.widgets.ballots_panel import BallotsPanel
from canvass_app.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate

FONT_PT = Setting("briefs/font_pt", int, 11, minimum=8, maximum=28)
DOORSTEP = Setting("briefs/doorstep", bool, False)
KEY_ROLE = Qt.ItemDataRole.UserRole
BOOKMARKS = "__bookmarks__"
CONTENT_LANGUAGES = {"en": "English", "es": "Español"}  # the languages briefs are written in, named in their own


def _label(key: str) -> str:
    """Statuses as shown (string literals, so that lupdate finds them)."""
    labels = {
        "proposed": translate("BriefsPage", "Proposed"),
        "adopted": translate("BriefsPage", "Adopted"),
        "retired": translate("BriefsPage", "Retired"),
    }
    return labels.get(key, key)


@dataclass(frozen=True)
class _Listing:
    briefs: list[BriefSummary]
    rights: list[RightWithBriefs]
    loaded: int  # briefs loaded from the bundled content by this refresh (first run)


class BriefsPage(QWidget):
    """Everything a volunteer needs from the briefs, offline: find, read, bookmark, vote."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = LiveTexts("BriefsPage")
        self.texts.bind(self.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Policy Briefs"))
        self.font_pt = FONT_PT.get()
        # briefs are read in the language in force where one is written in it (the box still offers the others)
        self.language = current_language() if current_language() in CONTENT_LANGUAGES else "en"
        self.current: ReaderPage | None = None
        self.current_slug: str | None = None
        self.current_right: str | None = None  # the Secured Right in the reader, when one is
        self._rights: dict[str, RightWithBriefs] = {}
        self._search_gen = 0
        self._listing_gen = 0
        self._build()
        self._shortcuts()
        self.ctx.events.data_changed.connect(self._data_changed)
        self.refresh()

    # building -----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        bind = self.texts.bind
        self.search = QLineEdit()
        bind(self.search.setPlaceholderText,
             QT_TRANSLATE_NOOP("BriefsPage", "Search titles, text and talking points (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        bind(self.search.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Search briefs"))
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.language_box = QComboBox()
        bind(self.language_box.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Language"))
        for code, name in CONTENT_LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language))
        self.language_box.currentIndexChanged.connect(self._language_changed)

        self.categories = QListWidget()
        bind(self.categories.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Categories"))
        for key in ["", BOOKMARKS, *CATEGORY_LABELS]:
            item = QListWidgetItem()
            item.setData(KEY_ROLE, key)
            self.categories.addItem(item)
        self._retranslate_categories()
        self.categories.setCurrentRow(0)
        self.categories.setMaximumHeight(self.categories.sizeHintForRow(0) * 9 + 8)
        self.categories.currentRowChanged.connect(lambda _r: self._category_changed())

        self.results = QListWidget()
        bind(self.results.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Briefs"))
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.currentItemChanged.connect(self._result_chosen)
        self.results.itemSelectionChanged.connect(self._selection_changed)
        self.result_count = QLabel()

        briefs_tab = QWidget()
        left = QVBoxLayout(briefs_tab)
        left.setContentsMargins(0, 4, 0, 0)
        left.addWidget(self.categories)
        left.addWidget(self.result_count)
        left.addWidget(self.results, 1)

        self.rights_tree = QTreeWidget()
        self.rights_tree.setHeaderHidden(True)
        bind(self.rights_tree.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Secured Rights"))
        self.rights_tree.setWordWrap(True)
        self.rights_tree.currentItemChanged.connect(self._right_chosen)
        self.tabs = QTabWidget()
        self.tabs.addTab(briefs_tab, "")
        self.tabs.addTab(self.rights_tree, "")
        bind(lambda text: self.tabs.setTabText(0, text), QT_TRANSLATE_NOOP("BriefsPage", "Briefs"))
        bind(lambda text: self.tabs.setTabText(1, text), QT_TRANSLATE_NOOP("BriefsPage", "Secured Rights"))

        self.print_button = QPushButton()
        bind(self.print_button.setText, QT_TRANSLATE_NOOP("BriefsPage", "Print handout…"))
        bind(self.print_button.setToolTip, QT_TRANSLATE_NOOP(
            "BriefsPage", "Print a handout of the selected briefs (select several with Ctrl+click) (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_handout)
        self.save_handout_button = QPushButton()
        bind(self.save_handout_button.setText, QT_TRANSLATE_NOOP("BriefsPage", "Save handout as PDF…"))
        bind(self.save_handout_button.setToolTip, QT_TRANSLATE_NOOP(
            "BriefsPage", "Save a handout of the selected briefs as a PDF file (Ctrl+S)"))
        self.save_handout_button.clicked.connect(self.save_handout)
        self._update_handout_buttons()

        left_panel = QWidget()
        left_layout = QVBoxLayout(left_panel)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.language_box)
        left_layout.addLayout(top)
        left_layout.addWidget(self.tabs, 1)
        handout_row = QHBoxLayout()  # under the list, next to the selection they print
        handout_row.addWidget(self.print_button)
        handout_row.addWidget(self.save_handout_button)
        left_layout.addLayout(handout_row)

        self.doorstep = QPushButton()
        bind(self.doorstep.setText, QT_TRANSLATE_NOOP("BriefsPage", "Doorstep: talking points only"))
        self.doorstep.setCheckable(True)
        self.doorstep.setChecked(DOORSTEP.get())
        bind(self.doorstep.setToolTip, QT_TRANSLATE_NOOP("BriefsPage", "A compact view for the doorstep (Ctrl+D)"))
        self.doorstep.toggled.connect(self._doorstep_toggled)
        self.smaller = QPushButton("A−")
        bind(self.smaller.setToolTip, QT_TRANSLATE_NOOP("BriefsPage", "Smaller text (Ctrl+-)"))
        bind(self.smaller.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Smaller text"))
        self.smaller.clicked.connect(lambda: self.change_font(-1))
        self.larger = QPushButton("A+")
        bind(self.larger.setToolTip, QT_TRANSLATE_NOOP("BriefsPage", "Larger text (Ctrl++)"))
        bind(self.larger.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Larger text"))
        self.larger.clicked.connect(lambda: self.change_font(+1))
        self.bookmark = QPushButton()
        bind(self.bookmark.setToolTip, QT_TRANSLATE_NOOP("BriefsPage", "Bookmark this brief (Ctrl+B)"))
        self._show_bookmark()
        self.bookmark.clicked.connect(self.toggle_bookmark)
        toolbar = QHBoxLayout()
        for widget in (self.doorstep, self.smaller, self.larger, self.bookmark):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)

        self.reader = QTextBrowser()
        bind(self.reader.setAccessibleName, QT_TRANSLATE_NOOP("BriefsPage", "Brief"))
        self.reader.setOpenExternalLinks(False)
        self.reader.setOpenLinks(False)
        self._show_hint()

        self.ballots = BallotsPanel(self.ctx)  # the ballots on the brief in the reader: vote, result, receipt
        self.ballots.hide()

        right_panel = QWidget()
        right_layout = QVBoxLayout(right_panel)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(toolbar)
        right_layout.addWidget(self.reader, 1)
        right_layout.addWidget(self.ballots)

        splitter = QSplitter()
        splitter.addWidget(left_panel)
        splitter.addWidget(right_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _retranslate_categories(self) -> None:
        fixed = {"": translate("BriefsPage", "All briefs"), BOOKMARKS: "★ " + translate("BriefsPage", "Bookmarked")}
        for row in range(self.categories.count()):
            item = self.categories.item(row)
            key = str(item.data(KEY_ROLE))  # the categories are the survey's top-issue words
            item.setText(fixed[key] if key in fixed else translate("Survey", CATEGORY_LABELS[key]))

    def _show_hint(self) -> None:
        hint = translate("BriefsPage", "Choose a brief on the left, or search.")
        self.reader.setHtml(f"<p style='color:#666'>{hint}</p>")

    def _show_bookmark(self) -> None:
        on = self.current is not None and self.current.bookmarked
        self.bookmark.setText(("★ " + translate("BriefsPage", "Bookmarked")) if on
                              else ("☆ " + translate("BriefsPage", "Bookmark")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._retranslate_categories()
            self._show_bookmark()
            self._follow_language()
        super().changeEvent(event)

    def _follow_language(self) -> None:
        """After Settings changed the language: briefs in it where they are written in it, and everything built
        from data (the list's statuses and count, the reader's labels, a Secured Right's headings) again."""
        index = self.language_box.findData(current_language())
        if index >= 0 and index != self.language_box.currentIndex():
            self.language_box.setCurrentIndex(index)  # reloads the list and the reader
            return
        self.refresh()
        if self.current_slug:
            self.open(self.current_slug, self.current.language if self.current else None)
        elif self.current_right is not None and self.current_right in self._rights:
            self._show_right(self._rights[self.current_right])
        else:
            self._show_hint()

    def _shortcuts(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings: list[tuple[QKeySequence, Callable[[], Any]]] = [
            (QKeySequence(QKeySequence.StandardKey.ZoomIn), lambda: self.change_font(+1)),
            (QKeySequence("Ctrl+="), lambda: self.change_font(+1)),
            (QKeySequence(QKeySequence.StandardKey.ZoomOut), lambda: self.change_font(-1)),
            (QKeySequence(QKeySequence.StandardKey.Find), self._focus_search),
            (QKeySequence("Ctrl+D"), self.doorstep.toggle),
            (QKeySequence("Ctrl+B"), self.toggle_bookmark),
            (QKeySequence(QKeySequence.StandardKey.Print), self.print_handout),
            (QKeySequence(QKeySequence.StandardKey.Save), self.save_handout),
        ]
        self._shortcut_objects = []
        for keys, action in bindings:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(scope)
            shortcut.activated.connect(action)
            self._shortcut_objects.append(shortcut)

    # the list -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list and the rights from the store (loading the bundled content on first run)."""
        self._listing_gen += 1
        gen, language, category = self._listing_gen, self.language, self._category()
        store = self.ctx.store

        def task(_control: object) -> _Listing:
            with store.session() as s:
                loaded = load_bundled_content(s).inserted
                bookmarked = category == BOOKMARKS
                briefs = list_briefs(s, language=language, category=None if bookmarked or not category
                                     else category, bookmarked=bookmarked)
                return _Listing(briefs, load_rights(s, language), loaded)

        self.ctx.runner.run(task, on_done=lambda r: self._show_listing(gen, r), on_error=self._failed)

    def _show_listing(self, gen: int, listing: _Listing) -> None:
        if gen != self._listing_gen:
            return
        if listing.loaded:
            message = translate("BriefsPage", "Loaded {0} bundled briefs")
            self.ctx.events.status_message.emit(message.format(number(listing.loaded)))
        self._fill_rights(listing.rights)
        if self.search.text().strip():
            self._run_search()
            return
        self.results.blockSignals(True)  # refilling must not open whichever row Qt makes current
        self.results.clear()
        for brief in listing.briefs:
            self._add_result(brief.slug, brief.language, brief.title, self._summary_html(brief))
        self._after_fill(len(listing.briefs), translate("BriefsPage", "{0} briefs"))

    def _summary_html(self, b: BriefSummary) -> str:
        flags = []
        if b.bookmarked:
            flags.append("★")
        if b.status != "adopted":
            flags.append(f"<span style='color:#8a5a00'>{_label(b.status)}</span>")
        if b.has_conflict:
            conflict = translate("BriefsPage", "charter conflict")
            flags.append(f"<span style='color:#a01616'>⚠ {conflict}</span>")
        if b.language != self.language:
            flags.append(f"<span style='color:#666'>[{b.language.upper()}]</span>")
        extra = (" · " + " · ".join(flags)) if flags else ""
        return f"<b>{_esc(b.title)}</b>{extra}<br/><span style='color:#555'>{_esc(b.summary)}</span>"

    def _add_result(self, slug: str, language: str, title: str, html: str) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, (slug, language))
        item.setData(HTML_ROLE, html)
        item.setToolTip(title)
        self.results.addItem(item)

    def _after_fill(self, count: int, template: str) -> None:
        self.result_count.setText(template.format(number(count)))
        slugs = [self.results.item(i).data(KEY_ROLE)[0] for i in range(self.results.count())]
        if self.current_slug in slugs:
            self.results.setCurrentRow(slugs.index(self.current_slug))
        else:
            self.results.setCurrentRow(-1)
        self.results.blockSignals(False)
        self._selection_changed()

    def _category(self) -> str:
        item = self.categories.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def _category_changed(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.search.text().strip():
            self._run_search()
        else:
            self.refresh()

    def _language_changed(self) -> None:
        self.language = str(self.language_box.currentData())
        self.refresh()
        if self.current_slug:
            self.open(self.current_slug)

    # search -------------------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.refresh()
            return
        self._search_gen += 1
        gen, category, store = self._search_gen, self._category(), self.ctx.store
        category_filter = None if category in ("", BOOKMARKS) else category

        def task(_control: object) -> list[SearchHit]:
            with store.session() as s:
                return search_briefs(s, text, category=category_filter)

        self.ctx.runner.run(task, on_done=lambda hits: self._show_hits(gen, hits), on_error=self._failed)

    def _show_hits(self, gen: int, hits: list[SearchHit]) -> None:
        if gen != self._search_gen:
            return
        self.tabs.setCurrentIndex(0)
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            tag = f" <span style='color:#666'>[{hit.language.upper()}]</span>" if hit.language != "en" else ""
            html = f"<b>{hit.title_html}</b>{tag}<br/><span style='color:#444'>{hit.snippet_html}</span>"
            self._add_result(hit.slug, hit.language, _plain(hit.title_html), html)
        self._after_fill(len(hits), translate("BriefsPage", "{0} matches") if hits
                         else translate("BriefsPage", "No brief matches — try fewer words"))
        if self.current is not None:
            self._highlight_terms()

    # the reader ---------------------------------------------------------------------------------------------
    def _result_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        slug, language = item.data(KEY_ROLE)
        self.open(slug, language)

    def open(self, slug: str, language: str | None = None) -> None:
        """Show one brief in the reader (in the page's language when it exists)."""
        self.current_slug, self.current_right = slug, None
        lang = language if language and language != "en" else self.language
        mode: Mode = "doorstep" if self.doorstep.isChecked() else "full"
        pt, store = self.font_pt, self.ctx.store

        def task(_control: object) -> ReaderPage:
            with store.session() as s:
                return open_brief(s, slug, language=lang, mode=mode, base_pt=pt)

        self.ctx.runner.run(task, on_done=self._show_brief, on_error=self._failed)

    def _show_brief(self, page: ReaderPage) -> None:
        if page.slug != self.current_slug:
            return
        self.current = page
        scroll = self.reader.verticalScrollBar().value()
        self.reader.setHtml(page.html)
        self.reader.verticalScrollBar().setValue(scroll)
        self._highlight_terms()
        self._show_bookmark()
        self.ballots.show_brief(page.slug)

    def _highlight_terms(self) -> None:
        """Mark the words being searched for in the reader, as in the result list."""
        selections: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        fmt.setForeground(QColor("#000000"))
        for term in query_terms(self.search.text()):
            pattern = QRegularExpression(rf"\b{QRegularExpression.escape(term)}",
                                         QRegularExpression.PatternOption.CaseInsensitiveOption)
            cursor = self.reader.document().find(pattern)
            while not cursor.isNull() and len(selections) < 500:
                cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                cursor = self.reader.document().find(pattern, cursor)
        self.reader.setExtraSelections(selections)

    def highlighted_count(self) -> int:
        return len(self.reader.extraSelections())

    def _doorstep_toggled(self, on: bool) -> None:
        DOORSTEP.set(on)
        if self.current_slug:
            self.open(self.current_slug, self.current.language if self.current else None)

    def change_font(self, step: int) -> None:
        """Ctrl++ / Ctrl+-: the reader's text size, remembered between sessions."""
        pt = max(FONT_PT.minimum or 8, min(FONT_PT.maximum or 28, self.font_pt + step))
        if pt == self.font_pt:
            return
        self.font_pt = pt
        FONT_PT.set(pt)
        self.ctx.events.status_message.emit(translate("BriefsPage", "Text size {0} pt").format(number(pt)))
        if self.current_slug:
            self.open(self.current_slug, self.current.language if self.current else None)
        elif isinstance(self.rights_tree.currentItem(), QTreeWidgetItem):
            self._right_chosen(self.rights_tree.currentItem())

    # bookmarks ----------------------------------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        slug, store = self.current_slug, self.ctx.store
        if not slug:
            return

        def task(_control: object) -> bool:
            with store.session() as s:
                return toggle_bookmark(s, slug)

        def done(on: bool) -> None:
            self.ctx.events.status_message.emit(translate("BriefsPage", "Bookmarked") if on
                                                else translate("BriefsPage", "Bookmark removed"))
            self.refresh()
            self.open(slug, self.current.language if self.current else None)

        self.ctx.runner.run(task, on_done=done, on_error=self._failed)

    # secured rights -----------------------------------------------------------------------------------------
    def _fill_rights(self, rights: list[RightWithBriefs]) -> None:
        self._rights = {r.right.slug: r for r in rights}
        current = self.rights_tree.currentItem()
        keep = current.data(0, KEY_ROLE) if current is not None else None
        self.rights_tree.blockSignals(True)
        self.rights_tree.clear()
        for r in rights:
            top = QTreeWidgetItem([r.right.title])
            top.setData(0, KEY_ROLE, ("right", r.right.slug))
            top.setToolTip(0, r.right.text)
            for slug, title in r.protected_by:
                child = QTreeWidgetItem([title])
                child.setData(0, KEY_ROLE, ("brief", slug))
                child.setToolTip(0, title)
                top.addChild(child)
            for slug, title in r.conflicted_by:
                child = QTreeWidgetItem(["⚠ " + translate("BriefsPage", "conflicts:") + " " + title])
                child.setForeground(0, QColor("#a01616"))
                child.setData(0, KEY_ROLE, ("brief", slug))
                child.setToolTip(0, translate("BriefsPage", "This proposal declares a conflict with this right, so it "
                                                            "can never be adopted as it stands: {0}").format(title))
                top.addChild(child)
            self.rights_tree.addTopLevelItem(top)
            if keep == ("right", r.right.slug):
                self.rights_tree.setCurrentItem(top)
        self.rights_tree.blockSignals(False)

    def _right_chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        kind, slug = item.data(0, KEY_ROLE)
        if kind == "brief":
            self.open(slug)
            return
        right = self._rights.get(slug)
        if right is not None:
            self._show_right(right)

    def _show_right(self, right: RightWithBriefs) -> None:
        self.current, self.current_slug, self.current_right = None, None, right.right.slug
        self.ballots.hide()
        self._show_bookmark()
        self.reader.setHtml(right_page_html(right, base_pt=self.font_pt))

    # handout ------------------------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self._update_handout_buttons()

    def selected_slugs(self) -> list[str]:
        items = self.results.selectedItems()
        slugs = [str(i.data(KEY_ROLE)[0]) for i in items]
        return slugs or ([self.current_slug] if self.current_slug else [])

    def _update_handout_buttons(self) -> None:
        enabled = bool(self.selected_slugs())
        self.print_button.setEnabled(enabled)
        self.save_handout_button.setEnabled(enabled)

    def _write_handout(self, out: Path, then: Callable[[Path, int], Any]) -> None:
        """Write the handout of the selected briefs (or the one in the reader) to `out`, off the GUI thread."""
        slugs = self.selected_slugs()
        if not slugs:
            return
        language, store, paper = self.language, self.ctx.store, settings.WALKLIST_PAGE_SIZE.get()

        def task(_control: object) -> int:
            with store.session() as s:
                return write_handout(s, slugs, out, language=language, pagesize=paper)

        self.ctx.runner.run(task, on_done=lambda pages: then(out, pages), on_error=self._failed)

    def print_handout(self) -> None:
        """Ctrl+P: the print dialog for a handout of the selected briefs (or the one in the reader)."""
        if not self.selected_slugs():
            return
        folder = tempfile.mkdtemp(prefix="canvass-handout-")
        self._write_handout(Path(folder) / "handout.pdf", self._print)

    def _print(self, path: Path, _pages: int) -> None:
        try:
            printed = ask_and_print(self, path, translate("BriefsPage", "Policy brief handout"))
        except OSError as exc:
            self._failed(exc)
            return
        finally:
            path.unlink(missing_ok=True)
            path.parent.rmdir()
        if printed:
            self.ctx.events.status_message.emit(
                translate("BriefsPage", "Sent the handout ({0} pages) to the printer").format(number(printed)))

    def save_handout(self) -> None:
        """Ctrl+S: write a handout PDF of the selected briefs (or the one in the reader) where the person chooses."""
        if not self.selected_slugs():
            return
        path, _filter = QFileDialog.getSaveFileName(self, translate("BriefsPage", "Save handout"), "handout.pdf",
                                                    translate("BriefsPage", "PDF files (*.pdf)"))
        if not path:
            return
        self._write_handout(Path(path), lambda out, pages: self.ctx.events.status_message.emit(
            translate("BriefsPage", "Handout saved to {0} ({1} pages)").format(out, number(pages))))

    # plumbing -----------------------------------------------------------------------------------------------
    def _data_changed(self, what: str) -> None:
        if what in ("briefs", "sync"):
            self.refresh()
            if self.current_slug:
                self.open(self.current_slug, self.current.language if self.current else None)

    def _failed(self, exc: BaseException) -> None:
        self.ctx.events.status_message.emit(translate("BriefsPage", "Policy briefs: {0}").format(exc))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(html_text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html_text)
    return doc.toPlainText()
