"""Walk-list PDFs: a cover page and street-grouped voter rows per turf, with list number, page and QR on each page.

Drawn on ReportLab's low-level canvas, page by page: a first pass counts each turf's pages ("Page X of Y"), the
second draws them. What repeats on every row or page (tick boxes, column heads, the legend) is a PDF form drawn
once and placed by reference, so the cost per row is little more than its strings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import segno
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.i18n import translate
from canvass_app.pdf_fonts import BOLD, FONT, PAGE_SIZES, register_fonts
from canvass_app.store.models import County, ResultCode, SurveyQuestion, Turf, TurfAssignment
from canvass_app.turfs.cutting import get_turf
from canvass_app.turfs.walk_order import WalkLine, walk_lines

MARGIN = 36.0
QR_SIZE = 50.0
HEAD_H = 92.0  # header band and column heads
FOOT_H = 24.0
STREET_H, HOUSE_H, ROW_H = 17.0, 12.0, 26.0
CODE_RE = re.compile(r"^(T-\d+) (\d+)/(\d+)$")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class WalkBook:
    """Everything one turf's walk list prints."""

    list_number: str
    turf_name: str
    county: str
    state: str
    canvasser: str
    doors: int
    talking_points: str
    lines: Sequence[WalkLine]
    heading: str = ""  # the cover's title instead of "Walk list T-0042" (an election-day chase list says so)


@dataclass(frozen=True)
class Legend:
    """Result codes (abbreviation, name) and survey questions (text, option labels) printed on every list."""

    codes: Sequence[tuple[str, str]]
    questions: Sequence[tuple[str, Sequence[str]]]


@dataclass(frozen=True)
class RenderStats:
    books: int
    pages: int
    voters: int


def page_code(list_number: str, page: int, total: int) -> str:
    """The text of a page's QR code; `parse_page_code` reads it back."""
    return f"{list_number} {page}/{total}"


def parse_page_code(text: str) -> tuple[str, int, int]:
    """(list number, page, total pages) from a scanned page code; ValueError when it is not one."""
    m = CODE_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a Canvass page code: {text!r}")
    return m.group(1), int(m.group(2)), int(m.group(3))


def load_legend(session: Session) -> Legend:
    codes = session.execute(select(ResultCode.code, ResultCode.name).order_by(ResultCode.sort_order)).all()
    questions = session.scalars(
        select(SurveyQuestion).where(SurveyQuestion.active.is_(True)).order_by(SurveyQuestion.sort_order)).all()
    return Legend(codes=[(c, translate("ResultCode", n)) for c, n in codes],  # in the language in force
                  questions=[(translate("Survey", q.text), [translate("Survey", o.label) for o in q.options])
                             for q in questions])


def load_book(session: Session, list_number: str) -> WalkBook:
    """One turf's walk-list content, line numbers assigned where missing (in the caller's session)."""
    turf: Turf = get_turf(session, list_number)
    county = session.get(County, turf.county_id)
    assert county is not None
    holder = session.scalar(select(TurfAssignment.canvasser).where(
        TurfAssignment.turf_id == turf.id, TurfAssignment.returned_at.is_(None)))
    lines = walk_lines(session, turf.id)
    return WalkBook(list_number=turf.list_number, turf_name=turf.name, county=county.name, state=county.state,
                    canvasser=holder or "", doors=len({ln.household_id for ln in lines}),
                    talking_points=turf.talking_points or "", lines=lines)


def all_list_numbers(session: Session) -> list[str]:
    return list(session.scalars(select(Turf.list_number).order_by(Turf.list_number)))


@dataclass(frozen=True)
class _Geometry:
    width: float
    height: float
    codes: int

    @property
    def top(self) -> float:
        return self.height - MARGIN - HEAD_H

    @property
    def bottom(self) -> float:
        return MARGIN + FOOT_H

    @property
    def support_x(self) -> float:  # five support boxes, 12pt apart, ending at the right margin
        return self.width - MARGIN - 5 * 12.0

    code_pitch = 18.0

    @property
    def codes_x(self) -> float:  # one tick box per result code, left of the support boxes
        return self.support_x - 8 - self.codes * self.code_pitch

    @property
    def age_x(self) -> float:
        return self.codes_x - 98

    @property
    def name_w(self) -> float:
        return self.age_x - 62 - 6

    def cols(self) -> tuple[float, float, float, float]:
        """x of age, sex, party, language."""
        a = self.age_x
        return a, a + 22, a + 42, a + 72


# Items of a page: (kind, y, payload): "street" label, "house" text, "rule", "voter" WalkLine.
_Item = tuple[str, float, object]


def _layout(book: WalkBook, g: _Geometry) -> Iterator[list[_Item]]:
    """The voter pages of one turf (the cover page comes before them); households never split if they fit."""
    page: list[_Item] = []
    y = g.top
    street = None
    i, lines = 0, book.lines
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].household_id == lines[i].household_id:
            j += 1
        household = lines[i:j]
        new_street = lines[i].street_key != street
        need = (STREET_H if new_street else 0) + HOUSE_H + ROW_H * min(len(household), 3)
        if y - need < g.bottom and page:
            yield page
            page, y = [], g.top
            if not new_street:
                page.append(("street", y, f"{lines[i].street_label} (cont.)"))
                y -= STREET_H
        if new_street:
            page.append(("street", y, lines[i].street_label))
            y -= STREET_H
            street = lines[i].street_key
        elif page and page[-1][0] != "street":
            page.append(("rule", y + 1, None))
        page.append(("house", y, household[0].house))
        y -= HOUSE_H
        for ln in household:
            if y - ROW_H < g.bottom:  # a household longer than a page continues on the next
                yield page
                page, y = [("street", g.top, f"{ln.street_label} (cont.)")], g.top - STREET_H
            page.append(("voter", y, ln))
            y -= ROW_H
        i = j
    if page:
        yield page


class _Writer:
    """Draws books onto one canvas; the shared forms are defined once per document."""

    def __init__(self, canvas: Canvas, g: _Geometry, legend: Legend, printed: dt.date) -> None:
        self.c, self.g, self.legend, self.printed = canvas, g, legend, printed
        self._define_forms()

    def _define_forms(self) -> None:
        c, g = self.c, self.g
        # Tick boxes for one voter and the notes line under them; the box reaches below the row's origin.
        c.beginForm("row", lowerx=0, lowery=-12, upperx=g.width, uppery=14)
        c.setLineWidth(0.6)
        for k in range(g.codes):
            c.rect(g.codes_x + k * g.code_pitch + 2, 1, 9, 9)
        for k in range(5):
            c.rect(g.support_x + k * 12.0 + 2, 1.5, 8, 8)
        c.setLineWidth(0.3)
        c.setStrokeGray(0.6)
        c.setDash(1, 1.5)
        c.line(88, -7, g.width - MARGIN, -7)
        c.setFillGray(0.45)
        c.setFont(FONT, 6)
        c.drawString(62, -7, translate("WalkList", "Notes"))
        c.endForm()

        c.beginForm("heads")  # column heads under the page header
        y = g.height - MARGIN - HEAD_H + 12
        c.setFont(BOLD, 7.5)
        c.drawRightString(58, y, "#")
        c.drawString(62, y, translate("WalkList", "Name"))
        age, sex, party, lang = g.cols()
        for x, label in ((age, translate("WalkList", "Age")), (sex, translate("WalkList", "Sex")),
                         (party, translate("WalkList", "Party")), (lang, translate("WalkList", "Lang"))):
            c.drawString(x, y, label)
        c.setFont(BOLD, 6.5)
        for k, (code, _name) in enumerate(self.legend.codes):
            c.drawCentredString(g.codes_x + k * g.code_pitch + 6.5, y, code)
        c.setFont(BOLD, 6.5)
        c.drawCentredString(g.support_x + 31, y + 8, translate("WalkList", "Support"))
        for k in range(5):
            c.drawCentredString(g.support_x + k * 12.0 + 6, y, str(k + 1))
        c.setLineWidth(0.8)
        c.line(MARGIN, y - 4, g.width - MARGIN, y - 4)
        c.endForm()

        c.beginForm("foot")  # the result-code legend at the bottom of every page
        c.setFillGray(0.25)
        legend = " · ".join(f"{code} {name}" for code, name in self.legend.codes)
        size = 6.5
        while size > 4.5 and pdfmetrics.stringWidth(legend, FONT, size) > g.width - 2 * MARGIN:
            size -= 0.25
        c.setFont(FONT, size)
        c.drawString(MARGIN, MARGIN + 9, legend)
        c.drawString(MARGIN, MARGIN, translate("WalkList", "Tick one result per voter. Support: 1 strong support … "
                                                           "5 strong oppose. Survey answers and corrections go on "
                                                           "the notes line."))
        c.endForm()

    def _header(self, book: WalkBook, page: int, total: int) -> None:
        c, g = self.c, self.g
        top = g.height - MARGIN
        c.setFont(BOLD, 14)
        c.drawString(MARGIN, top - 14, book.list_number)
        c.setFont(BOLD, 10)
        c.drawString(MARGIN + 72, top - 13, _fit(book.turf_name, BOLD, 10, g.width - 2 * MARGIN - 72 - QR_SIZE - 96))
        c.setFont(FONT, 9)
        county = book.county if "county" in book.county.lower() else translate("WalkList", "{0} County").format(
            book.county)
        c.drawString(MARGIN, top - 30, f"{county}, {book.state}")
        who = book.canvasser or "________________"
        c.drawString(MARGIN, top - 44, translate("WalkList", "Canvasser: {0}    Printed: {1}").format(
            who, self.printed.isoformat()))
        c.setFont(BOLD, 10)
        c.drawRightString(g.width - MARGIN - QR_SIZE - 14, top - 13,
                          translate("WalkList", "Page {0} of {1}").format(page, total))
        self._qr(page_code(book.list_number, page, total), g.width - MARGIN - QR_SIZE, top - QR_SIZE)

    def _qr(self, text: str, x: float, y: float) -> None:
        """The page's QR code as one filled path of horizontal runs, in module units (integers: cheap to write).

        The mask is fixed: choosing the best of eight costs more than the rest of the page, and any mask scans.
        """
        matrix = segno.make(text, error="m", micro=False, mask=1, boost_error=False).matrix
        n = len(matrix)
        module = QR_SIZE / n
        runs = []
        for r, row in enumerate(matrix):
            ry = n - 1 - r
            start = -1
            for col, dark in enumerate((*row, 0)):
                if dark and start < 0:
                    start = col
                elif not dark and start >= 0:
                    runs.append(f"{start} {ry} {col - start} 1 re")
                    start = -1
        self.c.addLiteral(f"q 0 g {module:.4f} 0 0 {module:.4f} {x:.2f} {y:.2f} cm " + " ".join(runs) + " f Q")

    def cover(self, book: WalkBook, total: int) -> None:
        c, g = self.c, self.g
        self._header(book, 1, total)
        y = g.height - MARGIN - 84
        c.setFont(BOLD, 18)
        c.drawString(MARGIN, y, book.heading or translate("WalkList", "Walk list {0}").format(book.list_number))
        c.setFont(FONT, 11)
        y -= 20
        for text in (book.turf_name, translate("WalkList", "Doors: {0}    People: {1}    Pages: {2} after this one")
                     .format(book.doors, len(book.lines), total - 1)):
            c.drawString(MARGIN, y, _fit(text, FONT, 11, g.width - 2 * MARGIN))
            y -= 16
        y -= 8
        c.setFont(BOLD, 10)
        boxes = (translate("WalkList", "Start time"), translate("WalkList", "End time"),
                 translate("WalkList", "Doors knocked"), translate("WalkList", "Contacts"),
                 translate("WalkList", "Supporters (1–2)"), translate("WalkList", "Not home"))
        bw = (g.width - 2 * MARGIN) / 3
        for k, label in enumerate(boxes):
            bx, by = MARGIN + (k % 3) * bw, y - (k // 3) * 40
            c.drawString(bx, by, label)
            c.rect(bx, by - 28, bw - 12, 22)
        y -= 96
        y = self._section(translate("WalkList", "Talking points"), book.talking_points
                          or translate("WalkList", "(No talking points were set for this turf.)"), y)
        c.setFont(BOLD, 11)
        c.drawString(MARGIN, y, translate("WalkList", "Result codes — tick one per voter"))
        y -= 14
        c.setFont(FONT, 9)
        half = (len(self.legend.codes) + 1) // 2
        for k, (code, name) in enumerate(self.legend.codes):
            cx, cy = MARGIN + (k // half) * 220, y - (k % half) * 12
            c.setFont(BOLD, 9)
            c.drawString(cx, cy, code)
            c.setFont(FONT, 9)
            c.drawString(cx + 30, cy, name)
        y -= half * 12 + 12
        questions = "\n".join(
            f"{n}. {text}" + (f": {' / '.join(opts)}" if opts and len(opts) != 5 else "")
            for n, (text, opts) in enumerate(self.legend.questions, start=1))
        self._section(translate("WalkList", "Survey questions — ask, and write answers in the notes line"),
                      questions, y)
        c.doForm("foot")
        c.showPage()

    def _section(self, title: str, text: str, y: float) -> float:
        c, g = self.c, self.g
        c.setFont(BOLD, 11)
        c.drawString(MARGIN, y, title)
        y -= 14
        c.setFont(FONT, 9)
        for para in text.splitlines() or [""]:
            for line in simpleSplit(para, FONT, 9, g.width - 2 * MARGIN):
                if y < g.bottom + 12:
                    return y
                c.drawString(MARGIN, y, line)
                y -= 11.5
        return y - 12

    def page(self, book: WalkBook, items: list[_Item], page: int, total: int) -> None:
        c, g = self.c, self.g
        self._header(book, page, total)
        c.doForm("heads")
        c.doForm("foot")
        age_x, sex_x, party_x, lang_x = g.cols()
        right = g.width - MARGIN
        for kind, y, payload in items:
            if kind == "voter":
                assert isinstance(payload, WalkLine)
                c.setFont(BOLD, 9)
                c.drawRightString(58, y - 10, str(payload.line))
                c.setFont(FONT, 9)
                c.drawString(62, y - 10, _fit(payload.name, FONT, 9, g.name_w))
                c.setFont(FONT, 8)
                if payload.age is not None:
                    c.drawString(age_x, y - 10, str(payload.age))
                c.drawString(sex_x, y - 10, payload.sex)
                c.drawString(party_x, y - 10, payload.party[:4])
                c.drawString(lang_x, y - 10, payload.language[:3])
                c.addLiteral(f"q 1 0 0 1 0 {y - 13:.1f} cm")  # Do keeps the state the form changes
                c.doForm("row")
                c.addLiteral("Q")
            elif kind == "house":
                c.setFont(BOLD, 8.5)
                c.drawString(48, y - 9, str(payload))
            elif kind == "street":
                c.setFillGray(0.88)
                c.rect(MARGIN, y - STREET_H + 3, right - MARGIN, STREET_H - 2, stroke=0, fill=1)
                c.setFillGray(0)
                c.setFont(BOLD, 10)
                c.drawString(MARGIN + 4, y - 10, str(payload))
            else:
                c.setLineWidth(0.9)
                c.line(MARGIN, y, right, y)
        c.showPage()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Text cut with an ellipsis to fit `width`; measures only strings that might not fit."""
    if len(text) * size * 0.62 <= width or pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def render(books: Sequence[WalkBook], legend: Legend, out: Path | BinaryIO, *, pagesize: str = "letter",
           printed: dt.date | None = None, progress: Progress | None = None) -> RenderStats:
    """Draw the walk lists of `books` into one PDF at `out`; returns what was drawn.

    `progress(done_voters, total_voters, list_number)` is called after every page; it may raise to stop.
    """
    if pagesize not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {pagesize!r}")
    register_fonts()
    width, height = PAGE_SIZES[pagesize]
    g = _Geometry(width=width, height=height, codes=len(legend.codes))
    target = str(out) if isinstance(out, Path) else out
    canvas = Canvas(target, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(translate("WalkList", "Walk lists") + " " + ", ".join(b.list_number for b in books[:5])
                    + ("…" if len(books) > 5 else ""))
    canvas.setAuthor("Canvass")
    writer = _Writer(canvas, g, legend, printed or dt.date.today())
    total_voters = sum(len(b.lines) for b in books)
    done = pages = 0
    for book in books:
        total = 1 + sum(1 for _ in _layout(book, g))  # first pass: count pages, keep nothing
        writer.cover(book, total)
        for n, items in enumerate(_layout(book, g), start=2):
            writer.page(book, items, n, total)
            done += sum(1 for kind, _, _ in items if kind == "voter")
            if progress is not None:
                progress(done, total_voters, book.list_number)
        pages += total
    canvas.save()
    return RenderStats(books=len(books), pages=pages, voters=total_voters)


def write_walklists(session: Session, list_numbers: Sequence[str], out: Path | BinaryIO, *,
                    pagesize: str = "letter", progress: Progress | None = None) -> RenderStats:
    """Load the turfs' lists (assigning missing line numbers in this session) and write them as one PDF."""
    if not list_numbers:
        raise ValueError("no turfs to print")
    books = [load_book(session, n) for n in list_numbers]
    return render(books, load_legend(session), out, pagesize=pagesize, progress=progress)
