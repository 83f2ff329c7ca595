"""A PDF preview: the pages rasterised by pypdfium2 (off the GUI thread) and shown one at a time with ◀ ▶, the
whole page fitted to the space by default, or at full size to read the small print."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QEvent, QMargins, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_app.ui.i18n import LiveTexts, number, translate
from canvass_app.ui.tasks import TaskControl

PREVIEW_SCALE = 1.25


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """One PDF page as an RGB image at `scale` (1.0 = 72 dpi); the image owns its pixels."""
    pil = page.render(scale=scale).to_pil().convert("RGB")
    image = QImage(pil.tobytes(), pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the bytes object goes away


def render_pages(pdf_path: Path, scale: float = PREVIEW_SCALE, control: TaskControl | None = None) -> list[QImage]:
    """Every page of a PDF as an image (safe off the GUI thread: QImage, not QPixmap)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = []
    try:
        for i in range(len(pdf)):
            if control is not None:
                control.check()
                control.progress(i + 1, len(pdf), "preview")
            images.append(page_image(pdf[i], scale))
    finally:
        pdf.close()
    return images


class PdfPreview(QWidget):
    """Shows rendered pages one at a time, with previous / next buttons, "Page x of y" and a fit-to-page switch.

    `placeholder` and `name` are marked with QT_TRANSLATE_NOOP under `context`: they follow the language."""

    def __init__(self, context: str, placeholder: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._shown = 0
        self.texts = LiveTexts("PdfPreview")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(1, 1)  # a fitted page may shrink with the space
        self.image.setWordWrap(True)  # and the placeholder wraps
        owner = LiveTexts(context)
        owner.bind(self.image.setAccessibleName, name)
        owner.bind(lambda text: None if self._images else self.image.setText(text), placeholder)
        self._owner_texts = owner
        self.area = QScrollArea()
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(True)
        self.area.viewport().installEventFilter(self)  # refit when the space changes
        self.prev_button = QPushButton("◀")
        self.texts.bind(self.prev_button.setAccessibleName, QT_TRANSLATE_NOOP("PdfPreview", "Previous page"))
        self.prev_button.clicked.connect(lambda: self.show_page(self._shown - 1))
        self.next_button = QPushButton("▶")
        self.texts.bind(self.next_button.setAccessibleName, QT_TRANSLATE_NOOP("PdfPreview", "Next page"))
        self.next_button.clicked.connect(lambda: self.show_page(self._shown + 1))
        self.fit = QCheckBox()
        self.texts.bind(self.fit.setText, QT_TRANSLATE_NOOP("PdfPreview", "&Fit page"))
        self.texts.bind(self.fit.setToolTip,
                        QT_TRANSLATE_NOOP("PdfPreview", "The whole page in the space, or the page at full size"))
        self.fit.setChecked(True)
        self.fit.toggled.connect(lambda _on: self._draw())
        self.page_label = QLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.fit)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addLayout(nav)
        self._update_nav()

    def set_images(self, images: list[QImage]) -> None:
        """Show these pages, from the first."""
        self._images = list(images)
        self._shown = 0
        self.show_page(0)

    def show_page(self, index: int) -> None:
        if not self._images:
            return
        self._shown = max(0, min(index, len(self._images) - 1))
        self._draw()
        self._update_nav()

    def _draw(self) -> None:
        if not self._images:
            return
        pixmap = QPixmap.fromImage(self._images[self._shown])
        if self.fit.isChecked():
            space = self.area.viewport().size().shrunkBy(QMargins(2, 2, 2, 2))  # no scroll bar for a pixel
            pixmap = pixmap.scaled(space, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(pixmap)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.fit.isChecked():
            self._draw()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.retranslate()
            self._owner_texts.retranslate()
            self._update_nav()
        super().changeEvent(event)

    def page_count(self) -> int:
        return len(self._images)

    def current_page(self) -> int:
        return self._shown

    def shown_size(self) -> tuple[int, int]:
        """The size the current page is drawn at (0, 0 when none is shown)."""
        pixmap = self.image.pixmap()
        return (pixmap.width(), pixmap.height()) if not pixmap.isNull() else (0, 0)

    def _update_nav(self) -> None:
        n = len(self._images)
        self.page_label.setText(translate("PdfPreview", "Page {x} of {y}").format(x=number(self._shown + 1),
                                                                                  y=number(n)) if n else "")
        self.prev_button.setEnabled(n > 0 and self._shown > 0)
        self.next_button.setEnabled(n > 0 and self._shown < n - 1)
