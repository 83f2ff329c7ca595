"""What every PDF we draw shares: the embedded DejaVu fonts (every script our voters' names use) and page sizes."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from canvass_app.paths import resource_path

PAGE_SIZES = {"letter": LETTER, "a4": A4}
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_DIRS = (resource_path("fonts"), Path("/usr/share/fonts/truetype/dejavu"))


def register_fonts() -> None:
    """Register the embedded DejaVu fonts once per process."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont(FONT, str(regular)))
            pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
            return
    raise FileNotFoundError(f"DejaVuSans.ttf is missing from {FONT_DIRS[0]}; reinstall Canvass.")
