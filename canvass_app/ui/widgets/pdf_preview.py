"""A PDF preview: the pages rasterised by pypdfium2 (off the GUI thread) and shown one at a time with ◀ ▶."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from canvass_app.ui.i18n import translate
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
    """Shows rendered pages one at a time, with previous / next buttons and "Page x of y"."""

    def __init__(self, placeholder: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._shown = 0
        self.image = QLabel(placeholder)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(name)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.prev_button = QPushButton("◀")
        self.prev_button.setAccessibleName(translate("PdfPreview", "Previous page"))
        self.prev_button.clicked.connect(lambda: self.show_page(self._shown - 1))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(translate("PdfPreview", "Next page"))
        self.next_button.clicked.connect(lambda: self.show_page(self._shown + 1))
        self.page_label = QLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
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
        self.image.setPixmap(QPixmap.fromImage(self._images[self._shown]))
        self._update_nav()

    def page_count(self) -> int:
        return len(self._images)

    def current_page(self) -> int:
        return self._shown

    def _update_nav(self) -> None:
        n = len(self._images)
        self.page_label.setText(translate("PdfPreview", "Page {x} of {y}").format(x=self._shown + 1, y=n) if n else "")
        self.prev_button.setEnabled(n > 0 and self._shown > 0)
        self.next_button.setEnabled(n > 0 and self._shown < n - 1)
