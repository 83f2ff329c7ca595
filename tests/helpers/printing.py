"""The print dialog answered as a person would: a printer chosen (here a PDF file), then OK."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog


def print_to_file(monkeypatch: pytest.MonkeyPatch, printed: Path) -> None:
    """Every print dialog opened from now on picks a PDF "printer" writing to `printed`, and is accepted."""

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(72)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
