"""The walk-list PDF: every voter once with the right line, "Page X of Y", QR codes that scan, names intact."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from helpers.turf_fixtures import H, P, make_county
from pypdf import PdfReader
from sqlalchemy import select

from canvass_app.briefs.handout_pdf import write_handout
from canvass_app.cli import main
from canvass_app.store.database import Store, open_store
from canvass_app.store.models import ContactAttempt, PolicyBrief, ResultCode, Voter
from canvass_app.turfs.cutting import cut_by_hand, cut_by_precinct
from canvass_app.turfs.walk_order import voter_for_line, walk_lines
from canvass_app.turfs.walklist_pdf import parse_page_code, write_walklists

NAMES = ["Zoë Ñúñez-Ðorđević", "Łukasz Żółć", "Nguyễn Thị Hạnh", "Søren Ærø", "Ana María Güell", "Dmitrij Šťastný"]


def county_fixture(store: Store) -> None:
    households = []
    n = 0
    for street, precinct in (("Main St", "01"), ("Oak Ave", "01"), ("Río Grande Blvd", "02")):
        for number in range(1, 25):
            people = []
            for _ in range(1 + number % 3):
                first, last = NAMES[n % len(NAMES)].split(" ", 1)
                people.append(P(f"{first}{n}", last, birth_year=1950 + n % 50, language="es" if n % 4 else "en"))
                n += 1
            households.append(H(number, street, people, precinct=precinct))
    households.append(H(99, "Main St", [P("Never", "Printed", dnc=True), P("Also", "Gone", deceased=True)]))
    with store.session() as s:
        make_county(s, households, name="Condado de Ñuble")
        cut_by_precinct(s, 1)


def page_texts(path: Path) -> list[str]:
    """Each page's text as laid out, one printed row to a line (pypdf's layout mode)."""
    return [page.extract_text(extraction_mode="layout") for page in PdfReader(path).pages]


def test_every_voter_appears_exactly_once_with_its_line_number(store: Store, tmp_path: Path) -> None:
    county_fixture(store)
    out = tmp_path / "t1.pdf"
    with store.session() as s:
        stats = write_walklists(s, ["T-0001"], out)
        lines = walk_lines(s, 1)
    text = "\n".join(page_texts(out))
    assert stats.voters == len(lines) == 2 * sum(1 + k % 3 for k in range(1, 25))
    for ln in lines:
        assert text.count(ln.name) == 1, ln.name
        assert len(re.findall(rf"(?m)^ *{ln.line} +{re.escape(ln.name)} ", text)) == 1, (ln.line, ln.name)
    assert "Never" not in text
    assert "Gone" not in text
    assert "Río Grande" not in text  # the other precinct's turf
    # The field's support scale (VAN's voter ID): the cover's tally box, the survey question and every page's foot.
    assert "Supporters (1–2)" in text
    assert "(1 strong support - 5 strong oppose)" in text
    pdf = pdfium.PdfDocument(out)
    feet = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]  # pypdf skips the foot's form
    assert all("Support: 1 strong support … 5 strong oppose." in foot for foot in feet)
    pdf.close()


def test_non_ascii_names_come_out_intact(store: Store, tmp_path: Path) -> None:
    county_fixture(store)
    out = tmp_path / "t2.pdf"
    with store.session() as s:
        write_walklists(s, ["T-0002"], out)
    text = "\n".join(page_texts(out))
    for name in NAMES:
        assert name.split(" ", 1)[1] in text
    assert "RÍO GRANDE BLVD" in text
    assert "Condado de Ñuble" in text
    fonts = {str(f.get("/BaseFont")) for p in PdfReader(out).pages
             for f in (p["/Resources"].get("/Font") or {}).values()}
    assert any("DejaVuSans" in f for f in fonts)  # the embedded font, not a base-14 stand-in


def test_page_x_of_y_and_qr_codes_per_turf(store: Store, tmp_path: Path) -> None:
    county_fixture(store)
    out = tmp_path / "book.pdf"
    with store.session() as s:
        stats = write_walklists(s, ["T-0001", "T-0002"], out)
    texts = page_texts(out)
    assert stats.pages == len(texts)
    expected: list[tuple[str, int, int]] = []
    for number in ("T-0001", "T-0002"):
        pages = [t for t in texts if t.lstrip().startswith(number)]
        assert len(pages) >= 3
        expected += [(number, k, len(pages)) for k in range(1, len(pages) + 1)]
    for text, (number, page, total) in zip(texts, expected, strict=True):
        assert text.lstrip().startswith(number)
        assert f"Page {page} of {total}" in text
    pdf = pdfium.PdfDocument(out)
    for i, want in enumerate(expected):
        image = pdf[i].render(scale=2).to_pil()
        found = [parse_page_code(b.text) for b in zxingcpp.read_barcodes(image)]
        assert found == [want], (i, found)


def test_a4_and_letter_sizes(store: Store, tmp_path: Path) -> None:
    county_fixture(store)
    with store.session() as s:
        write_walklists(s, ["T-0002"], tmp_path / "a4.pdf", pagesize="a4")
        write_walklists(s, ["T-0002"], tmp_path / "letter.pdf")
        with pytest.raises(ValueError, match="page size"):
            write_walklists(s, ["T-0002"], tmp_path / "x.pdf", pagesize="legal")
    a4 = PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    letter = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_printed_line_numbers_are_the_ones_data_entry_resolves(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        make_county(s, [H(3, "Elm St", [P("Cara", "Diaz"), P("Ben", "Diaz")]), H(1, "Elm St", [P("Al", "Zed")])])
        cut_by_hand(s, 1, streets=["ELM ST"], name="Elm")
    out = tmp_path / "elm.pdf"
    with store.session() as s:
        write_walklists(s, ["T-0001"], out)
    text = "\n".join(page_texts(out))
    printed = dict(re.findall(r"(?m)^ *(\d+) +((?:Al|Ben|Cara) \w+)", text))
    with store.session() as s:
        resolved = {}
        for line in printed:
            ref = voter_for_line(s, "T-0001", int(line))
            assert ref is not None
            resolved[line] = ref.name
    assert printed == resolved == {"1": "Al Zed", "2": "Ben Diaz", "3": "Cara Diaz"}


def test_policy_brief_handout(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        s.add_all([
            PolicyBrief(slug="clinics", title="Reopen the Río Clinic", category="healthcare",
                        summary="Care within 20 minutes of every home.",
                        talking_points=["Nurses on call — día y noche", "No bill above $20 a visit"],
                        questions=[{"q": "Who pays?", "a": "The county levy, 0.2%."}]),
            PolicyBrief(slug="clinics", language="es", title="Reabrir la Clínica del Río", category="healthcare",
                        talking_points=["Enfermeras de guardia"]),
            PolicyBrief(slug="schools", title="Smaller classes", category="education",
                        talking_points=["Twenty pupils a class"]),
        ])
    out = tmp_path / "handout.pdf"
    with store.session() as s:
        pages = write_handout(s, ["schools", "clinics"], out)
        with pytest.raises(ValueError, match="nope"):
            write_handout(s, ["nope"], tmp_path / "x.pdf")
        write_handout(s, ["clinics"], tmp_path / "es.pdf", language="es")
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert pages == len(PdfReader(out).pages) >= 1
    assert text.index("Smaller classes") < text.index("Reopen the Río Clinic")
    for needle in ("Nurses on call — día y noche", "No bill above $20 a visit", "Who pays?", "Twenty pupils"):
        assert needle in text
    assert "Reabrir la Clínica del Río" in PdfReader(tmp_path / "es.pdf").pages[0].extract_text()


def test_paper_round_trip_by_line_number(store: Store, tmp_path: Path) -> None:
    """Print a list, fill results by the printed line numbers into a CSV, enter them: right voters get them."""
    with store.session() as s:
        make_county(s, [H(5, "Elm St", [P("Cara", "Diaz"), P("Ben", "Diaz")]), H(2, "Elm St", [P("Al", "Zed")]),
                        H(7, "Elm St", [P("Dee", "Øster")])])
        cut_by_hand(s, 1, streets=["ELM ST"])
    out = tmp_path / "elm.pdf"
    with store.session() as s:
        write_walklists(s, ["T-0001"], out)
    text = "\n".join(page_texts(out))
    printed = {name: int(line) for line, name in re.findall(r"(?m)^ *(\d+) +(\w+ \w+)  ", text)}
    assert set(printed) == {"Al Zed", "Ben Diaz", "Cara Diaz", "Dee Øster"}
    results = {"Ben Diaz": ("C", "5"), "Al Zed": ("NH", ""), "Dee Øster": ("R", "1")}
    csv_path = tmp_path / "results.csv"
    csv_path.write_text("list,line,result,support\n" + "".join(
        f"T-0001,{printed[name]},{code},{support}\n" for name, (code, support) in results.items()),
        encoding="utf-8")
    store.close()  # `canvass-app enter-results` opens the same store itself, from $CANVASS_DATA_DIR
    assert main.main(["enter-results", str(csv_path)]) == 0
    store = open_store(store.data_dir)
    with store.session() as s:
        stored = {(v.first_name + " " + v.last_name, code, c.support, c.source)
                  for c, v, code in s.execute(
                      select(ContactAttempt, Voter, ResultCode.code)
                      .join(Voter, Voter.id == ContactAttempt.voter_id)
                      .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id))}
    store.close()
    assert stored == {("Ben Diaz", "C", 5, "paper"), ("Al Zed", "NH", None, "paper"),
                      ("Dee Øster", "R", 1, "paper")}
