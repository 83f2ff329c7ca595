"""Election-day progress as bars, drawn with QPainter (QtCharts is not part of PySide6-Essentials): one bar per
turf and one for the county, the voted part green and the part left to chase orange, figures beside each."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from canvass_app.ui.i18n import number, translate

VOTED, LEFT, TRACK = QColor("#2e7d32"), QColor("#ef6c00"), QColor("#e0e0e0")
ROW_H, LABEL_W, FIGURES_W = 26, 150, 190


@dataclass(frozen=True)
class Bar:
    label: str
    supporters: int
    voted: int


class ProgressChart(QWidget):
    """Bars scaled to the largest number of supporters; the county's bar first, in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("ProgressChart", "Election-day progress chart"))

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.setFixedHeight(self.sizeHint().height())
        self.setAccessibleDescription("; ".join(
            translate("ProgressChart", "{0}: {1} of {2} voted").format(b.label, b.voted, b.supporters)
            for b in bars))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(520, max(1, len(self.bars)) * ROW_H + 28)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       translate("ProgressChart", "No supporters identified yet"))
            return
        top = max(1, max(b.supporters for b in self.bars))
        track_w = max(40.0, self.width() - LABEL_W - FIGURES_W - 16.0)
        for i, bar in enumerate(self.bars):
            y = i * ROW_H + 4
            font = p.font()
            font.setBold(i == 0)
            p.setFont(font)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, LABEL_W - 8, ROW_H - 6),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.label)
            p.setPen(Qt.PenStyle.NoPen)
            full = track_w * bar.supporters / top
            p.fillRect(QRectF(LABEL_W, y + 3, track_w, ROW_H - 12), TRACK)
            p.fillRect(QRectF(LABEL_W, y + 3, full, ROW_H - 12), LEFT)
            p.fillRect(QRectF(LABEL_W, y + 3, full * bar.voted / max(1, bar.supporters), ROW_H - 12), VOTED)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(LABEL_W + track_w + 8, y, FIGURES_W, ROW_H - 6), Qt.AlignmentFlag.AlignVCenter,
                       translate("ProgressChart", "{0} of {1} voted, {2} left").format(
                           number(bar.voted), number(bar.supporters), number(bar.supporters - bar.voted)))
        y = len(self.bars) * ROW_H + 8
        for k, (color, text) in enumerate(((VOTED, translate("ProgressChart", "voted")),
                                           (LEFT, translate("ProgressChart", "left to chase")))):
            x = LABEL_W + k * 140
            p.fillRect(QRectF(x, y + 4, 12, 12), color)
            p.drawText(QRectF(x + 18, y, 120, 20), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()
