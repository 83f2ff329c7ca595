"""Walk-book speed and memory: the real walk-list PDF for ~25,000 voters against a bare ReportLab canvas.

The anchor is measured in the same run: a bare canvas that draws exactly the strings the walk book draws (recorded
from a real render: names, line numbers, headers, cover pages, legends) in the same fonts at the same places with
the same page breaks, and nothing else: no boxes, rules, forms or QR codes. Target: walk book <= 1.5x the anchor.

Memory: tracemalloc peak while rendering books of growing size, per page; flat means the peak grows with the
compressed PDF that ReportLab holds until save, not with Python objects per row.

    .venv/bin/python benchmarks/walklist_bench.py [--voters 25000]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from canvass_app import (
    demo,  # noqa: E402
    pdf_fonts,
)
from canvass_app.store.database import open_store  # noqa: E402
from canvass_app.turfs import walklist_pdf  # noqa: E402
from canvass_app.turfs.walklist_pdf import Legend, WalkBook  # noqa: E402


class RecordingCanvas(Canvas):
    """A canvas that notes every string it draws (font, size, position, text) and every page end."""

    calls: list[tuple[str, float, float, float, str] | None] = []

    def drawString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:  # noqa: N802
        self.calls.append((self._fontname, self._fontsize, x, y, text))
        super().drawString(x, y, text, *args, **kw)  # type: ignore[arg-type]

    def drawRightString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:  # noqa: N802
        self.calls.append((self._fontname, self._fontsize, x, y, text))
        super().drawRightString(x, y, text, *args, **kw)  # type: ignore[arg-type]

    def drawCentredString(self, x: float, y: float, text: str, *args: object, **kw: object) -> None:  # noqa: N802
        self.calls.append((self._fontname, self._fontsize, x, y, text))
        super().drawCentredString(x, y, text, *args, **kw)  # type: ignore[arg-type]

    def showPage(self) -> None:  # noqa: N802
        self.calls.append(None)
        super().showPage()


def record_strings(books: list[WalkBook], legend: Legend) -> list[tuple[str, float, float, float, str] | None]:
    """Every string the walk book draws, in order, with the page ends: what the anchor will draw."""
    RecordingCanvas.calls = []
    real = walklist_pdf.Canvas
    walklist_pdf.Canvas = RecordingCanvas  # type: ignore[misc]
    try:
        walklist_pdf.render(books, legend, io.BytesIO())
    finally:
        walklist_pdf.Canvas = real  # type: ignore[misc]
    return RecordingCanvas.calls


def bare_canvas(calls: list[tuple[str, float, float, float, str] | None], pagesize: tuple[float, float]) -> int:
    """The anchor: the same strings, same fonts, same places, same page breaks, on a bare canvas."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=pagesize, pageCompression=1)
    for call in calls:
        if call is None:
            c.showPage()
            continue
        font, size, x, y, text = call
        c.setFont(font, size)
        c.drawString(x, y, text)
    c.save()
    return len(out.getvalue())


def timed(fn: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=25000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="walklist-bench-") as tmp:
        store = open_store(Path(tmp) / "data")
        t0 = time.perf_counter()
        demo.build_demo(store, voters=args.voters)
        print(f"demo county with {args.voters} voters built in {time.perf_counter() - t0:.1f} s")
        with store.session() as s:
            numbers = walklist_pdf.all_list_numbers(s)
            t0 = time.perf_counter()
            books = [walklist_pdf.load_book(s, n) for n in numbers]
            legend: Legend = walklist_pdf.load_legend(s)
            load_s = time.perf_counter() - t0
        store.close()
    voters = sum(len(b.lines) for b in books)
    print(f"{len(books)} turfs, {voters} voters; loading the books from the store took {load_s:.2f} s")

    pdf_fonts.register_fonts()
    stats = walklist_pdf.render(books, legend, io.BytesIO())
    calls = record_strings(books, legend)
    strings = sum(1 for call in calls if call is not None)
    book_t, bare_t = [], []
    for _ in range(args.repeat):  # interleaved, so that load from other work on the machine hits both alike
        book_t += timed(lambda: walklist_pdf.render(books, legend, io.BytesIO()), 1)
        bare_t += timed(lambda: bare_canvas(calls, pdf_fonts.PAGE_SIZES["letter"]), 1)
    book_s, bare_s = statistics.median(book_t), statistics.median(bare_t)
    print(f"walk book: {stats.pages} pages in {book_s:.2f} s (median of {args.repeat}); "
          f"{stats.pages / book_s:.0f} pages/s")
    print(f"bare canvas, the same {strings} strings on the same {stats.pages} pages: {bare_s:.2f} s")
    print(f"ratio walk book / bare canvas: {book_s / bare_s:.2f}x (target <= 1.5x)")

    print("memory (tracemalloc peak while rendering):")
    for share in (0.2, 0.5, 1.0):
        subset = books[: max(1, round(len(books) * share))]
        tracemalloc.start()
        sink = io.BytesIO()
        sub_stats = walklist_pdf.render(subset, legend, sink)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = len(sink.getvalue())
        per_page = peak / sub_stats.pages / 1024
        print(f"  {sub_stats.pages:5d} pages: peak {peak / 2**20:6.1f} MiB, {per_page:5.1f} KiB/page;"
              f" PDF {size / 2**20:5.1f} MiB ({size / sub_stats.pages / 1024:4.1f} KiB/page)")
    return 0 if book_s / bare_s <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
