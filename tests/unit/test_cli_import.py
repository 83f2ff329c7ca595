"""`canvass-app import`: the one-line summary, --json, --mapping, and a clear non-zero exit on bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from canvass_app.cli import main

FIX = Path(__file__).parent.parent / "fixtures" / "voterfiles"


def test_import_prints_summary(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ncvoter92.txt"
    shutil.copy(FIX / source.name, source)
    rc = main(["--data-dir", str(data_dir), "import", str(source), "--county", "Wake", "--state", "NC"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "added 3, updated 0, inactivated 0, rejected 2, households 2, layout ncvoter, rejects file" in out
    rejects = Path(out.strip().rsplit("rejects file ", 1)[1])
    assert rejects.parent == source.parent  # beside the voter file, never in the encrypted data dir
    assert not any(data_dir.rglob("*.csv"))
    assert "birth year" in rejects.read_text()


def test_import_json_with_mapping(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--data-dir", str(data_dir), "import", str(FIX / "generic_custom_headers.csv"), "--county", "Wake",
               "--state", "nc", "--mapping", str(FIX / "custom_mapping.json"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert data["added"] == 2
    assert data["layout"] == "generic"
    assert data["rejects_file"] is None
    assert data["state"] == "NC"


@pytest.mark.parametrize(("name", "words"), [("binary.xlsx", "binary"), ("empty.csv", "empty"),
                                             ("not_voter_no_id.csv", "no voter id column")])
def test_not_a_voter_file_exits_non_zero(data_dir: Path, capsys: pytest.CaptureFixture[str], name: str,
                                         words: str) -> None:
    rc = main(["--data-dir", str(data_dir), "import", str(FIX / name), "--county", "Wake", "--state", "NC"])
    err = capsys.readouterr().err
    assert rc != 0
    assert words in err
    assert name in err


def test_bad_layout_choice_and_state(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--data-dir", str(data_dir), "import", str(FIX / "generic_onestring.csv"), "--county", "Wake",
               "--state", "North Carolina"])
    assert rc != 0
    assert "two-letter state" in capsys.readouterr().err
