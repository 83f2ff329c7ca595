"""`canvass-app briefs list | search | handout`: summaries, JSON, the handout PDF, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from canvass_app import i18n
from canvass_app.briefs.library import BUNDLED_CONTENT_DIR
from canvass_app.cli.main import main
from canvass_formats.briefs_content import load_content_dir

CONFLICTING = "public-space-face-recognition"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands default to the app's language: make it English whatever the machine's locale."""
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    monkeypatch.setattr(i18n, "_current", None)


def _bundled() -> dict[str, str]:
    """{slug: English title} of the shipped briefs."""
    _rights, briefs = load_content_dir(BUNDLED_CONTENT_DIR)
    return {b.slug: b.title for b in briefs if b.language == "en"}


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(["--data-dir", str(data_dir), "briefs", *argv])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (the data dir lives beside it)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_list_loads_the_bundled_briefs_and_shows_one_line_each(data_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    bundled = _bundled()
    rc, out, _err = _run(data_dir, capsys, "list")
    assert rc == 0
    lines = out.strip().splitlines()
    rows, summary = lines[:-1], lines[-1]
    assert sorted(line.split()[0] for line in rows) == sorted(bundled)
    row = next(line for line in rows if line.startswith("universal-pre-k "))
    assert "Education" in row and "Adopted" in row and "v3" in row and bundled["universal-pre-k"] in row
    assert [line.split()[0] for line in rows if "charter conflict" in line] == [CONFLICTING]
    assert summary.startswith(f"{len(bundled)} briefs: ")
    assert "bundled briefs" in summary
    rc, out, _err = _run(data_dir, capsys, "list")  # second run: already loaded, nothing said about it
    assert rc == 0 and "bundled" not in out


def test_list_json_has_everything_and_the_secured_rights(data_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = _run(data_dir, capsys, "list", "--json")
    data = json.loads(out)
    assert rc == 0
    assert data["language"] == "en"
    by_slug = {b["slug"]: b for b in data["briefs"]}
    assert set(by_slug) == set(_bundled())
    face = by_slug[CONFLICTING]
    assert face["has_conflict"] is True and face["touches_secured_right"] is True
    assert face["conflicts"] == ["privacy", "equal-dignity"]
    assert face["status"] == "proposed"
    pre_k = by_slug["universal-pre-k"]
    assert pre_k["languages"] == ["en", "es"]
    assert pre_k["version"] == 3 and pre_k["talking_points"] and pre_k["body_md"]
    assert pre_k["touches_secured_right"] is bool(pre_k["protects"]) is True
    assert pre_k["tally"] == {"support": 0, "oppose": 0, "abstain": 0}


def test_list_in_spanish_prefers_the_spanish_copy(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = _run(data_dir, capsys, "list", "--lang", "es", "--json")
    by_slug = {b["slug"]: b for b in json.loads(out)["briefs"]}
    assert rc == 0
    assert by_slug["universal-pre-k"]["language"] == "es"
    assert by_slug["clean-slate"]["language"] == "en"  # no Spanish copy: still listed, in English


def test_search_ranks_hits_with_a_marked_snippet(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = _run(data_dir, capsys, "search", "insulin", "--lang", "en")
    lines = out.rstrip().splitlines()
    assert rc == 0
    assert lines[0].startswith(" 1. medicine-cost-cap (en)")
    assert "[insulin]" in lines[1].lower()  # not a terminal: matches between brackets
    assert lines[-1].startswith("1 brief matches 'insulin', best first")

    rc, out, _err = _run(data_dir, capsys, "search", "rent", "hikes", "--json")
    data = json.loads(out)
    assert rc == 0
    assert data["query"] == "rent hikes"
    assert [h["rank"] for h in data["hits"]] == list(range(1, len(data["hits"]) + 1))
    first = data["hits"][0]
    assert [h["slug"] for h in data["hits"]] == ["home-weatherization"]
    assert "\x02" not in first["snippet"] and "[" not in first["snippet"]
    assert "[rent]" in first["snippet_marked"].lower()


def test_search_without_hits_and_without_words(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = _run(data_dir, capsys, "search", "zzyzx")
    assert rc == 0
    assert out.startswith("No brief matches 'zzyzx'")
    rc, _out, err = _run(data_dir, capsys, "search", '"*(')
    assert rc != 0
    assert "Nothing to search for" in err


def test_handout_of_two_briefs(data_dir: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundled = _bundled()
    out = out_dir / "handout.pdf"
    rc, stdout, _err = _run(data_dir, capsys, "handout", "clean-slate", CONFLICTING, "--out", str(out))
    assert rc == 0
    assert stdout.startswith("Wrote a handout of 2 briefs (")
    assert str(out) in stdout
    text = _pdf_text(out)
    assert text.index(bundled["clean-slate"][:30]) < text.index(bundled[CONFLICTING][:30])
    assert "Charter conflict" in text and "Talking points" in text
    assert PdfReader(out).pages[0].mediabox.width == pytest.approx(612)  # letter by default
    assert [p.name for p in out_dir.iterdir()] == ["handout.pdf"]  # no temp file left behind


def test_handout_json_and_a4(data_dir: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = out_dir / "a4.pdf"
    rc, stdout, _err = _run(data_dir, capsys, "handout", "medicine-cost-cap", "--out", str(out),
                            "--page-size", "a4", "--json")
    data = json.loads(stdout)
    assert rc == 0
    assert data["pages"] == len(PdfReader(out).pages) >= 1
    assert data["briefs"][0]["slug"] == "medicine-cost-cap"
    assert PdfReader(out).pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)


def test_spanish_handout_has_spanish_labels(data_dir: Path, out_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    es, en = out_dir / "es.pdf", out_dir / "en.pdf"
    rc, stdout, _err = _run(data_dir, capsys, "handout", "medicine-cost-cap", "clean-slate", "--lang", "es",
                            "--out", str(es))
    assert rc == 0
    assert "in English, having no Spanish version: clean-slate" in stdout
    assert _run(data_dir, capsys, "handout", "medicine-cost-cap", "--lang", "en", "--out", str(en))[0] == 0
    spanish, english = PdfReader(es).pages[0].extract_text(), _pdf_text(en)
    for label in ("Puntos clave", "Preguntas frecuentes", "Salud · Adoptada", "Página 1"):
        assert label in spanish
    assert "Talking points" not in spanish.split("Clean Slate")[0]  # the Spanish brief's own block
    assert "Talking points" in _pdf_text(es).split("Clean Slate")[1]  # the English fallback keeps its labels
    for label in ("Talking points", "Common questions", "Healthcare · Adopted", "Page 1"):
        assert label in english


def test_unknown_slug_names_it_and_writes_nothing(data_dir: Path, out_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = out_dir / "handout.pdf"
    rc, stdout, err = _run(data_dir, capsys, "handout", "clean-slate", "no-such-brief", "--out", str(out))
    assert rc != 0
    assert "no-such-brief" in err and "clean-slate" not in err
    assert "Nothing was written" in err
    assert stdout == ""
    assert list(out_dir.iterdir()) == []  # neither the PDF nor a temp file


def test_unwritable_out_is_refused(data_dir: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _out, err = _run(data_dir, capsys, "handout", "clean-slate", "--out", str(out_dir / "missing" / "h.pdf"))
    assert rc != 0
    assert "Cannot write" in err and "does not exist" in err
    rc, _out, err = _run(data_dir, capsys, "handout", "clean-slate", "--out", str(out_dir))
    assert rc != 0
    assert "is a folder" in err
    blocker = out_dir / "a-file"
    blocker.write_text("x")
    rc, _out, err = _run(data_dir, capsys, "handout", "clean-slate", "--out", str(blocker / "h.pdf"))
    assert rc != 0
    assert "Cannot write" in err
