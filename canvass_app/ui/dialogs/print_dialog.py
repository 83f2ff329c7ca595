"""Printing a finished PDF: the system's print dialog, then every page rendered at the printer's resolution."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from canvass_app.ui.i18n import translate
from canvass_app.ui.widgets.pdf_preview import page_image


def print_pdf(printer: QPrinter, pdf_path: Path) -> int:
    """Send every page of the PDF to `printer`, rendered at the printer's resolution; returns pages printed."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise OSError(translate("PrintDialog", "The printer could not be started."))
    try:
        scale = printer.resolution() / 72.0
        for i in range(len(pdf)):
            if i:
                printer.newPage()
            image = page_image(pdf[i], scale)
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
        return len(pdf)
    finally:
        painter.end()
        pdf.close()


def ask_and_print(parent: QWidget, pdf_path: Path, title: str = "") -> int:
    """Show the print dialog for `pdf_path` and print it where the person chose; pages printed, 0 if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if title:
        printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return 0
    return print_pdf(printer, pdf_path)
