"""Charts drawn on the server as SVG (no JavaScript, nothing to download): bars per day, and a QR code."""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape

import segno
from markupsafe import Markup

WIDTH, HEIGHT, PAD = 640, 180, 28


def bars(points: Sequence[tuple[str, int]], *, title: str) -> Markup:
    """A bar per (label, value), labelled first and last, with the largest value on the axis; accessible by its
    title and by a text table the page shows beside it."""
    if not points:
        return Markup(f'<p class="empty">{escape(title)}: nothing yet.</p>')
    top = max(v for _, v in points) or 1
    step = (WIDTH - 2 * PAD) / len(points)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title">',
             f'<title id="chart-title">{escape(title)}</title>',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="axis"/>',
             f'<text x="{PAD - 4}" y="{PAD}" text-anchor="end" class="tick">{top}</text>']
    for i, (label, value) in enumerate(points):
        h, width = (HEIGHT - 2 * PAD) * value / top, min(step * 0.8, 36)
        x, y = PAD + i * step + (step - width) / 2, HEIGHT - PAD - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" class="bar">'
                     f'<title>{escape(label)}: {value}</title></rect>')
    first, last = points[0][0], points[-1][0]
    parts.append(f'<text x="{PAD}" y="{HEIGHT - 8}" class="tick">{escape(first)}</text>')
    if len(points) > 1:
        parts.append(f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" text-anchor="end" class="tick">{escape(last)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def qr_svg(text: str) -> Markup:
    """`text` as a QR code in SVG, for a phone's or laptop's camera (never a Micro QR, which phones do not read)."""
    out = io.BytesIO()
    segno.make_qr(text, error="m").save(out, kind="svg", scale=6, border=2, xmldecl=False, svgns=True,
                                        title="Enrollment code as a QR code")
    return Markup(out.getvalue().decode())
