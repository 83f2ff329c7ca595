"""`canvass-app import`: the one-line summary, --json, --mapping, and a clear non-zero exit on bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import VOTERFILES

from canvass_app.cli.main import main
from canvass_app.paths import private_dir, remove_private

FIX = VOTERFILES


def test_import_prints_summary(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ncvoter92.txt"
    shutil.copy(FIX / source.name, source)
    rc = main(["--data-dir", str(data_dir), "import", str(source), "--county", "Wake", "--state", "NC"])
    out = capsys.readouterr().out
    assert rc == 0
    assert ("into Wake, NC: added 3, updated 0, unchanged 0, inactivated 0, rejected 2, households 2, "
            "layout ncvoter, rejects file") in out
    assert out.strip().endswith("; no turf loses doors")
    rejects = Path(out.strip().rsplit("rejects file ", 1)[1].rsplit("; ", 1)[0])
    # plaintext voter data: in the private folder (0700, this account only), which a remote wipe removes
    assert rejects.is_relative_to(private_dir(data_dir)) and rejects.stat().st_mode & 0o077 == 0
    assert "birth year" in rejects.read_text()
    remove_private(data_dir)
    assert not rejects.exists()


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


def _voters_csv(path: Path, ids: range) -> Path:
    lines = ["Voter ID,First Name,Last Name,Address,Zip"] + [f"W{i},Al,Lee{i},{i} Elm St,27601" for i in ids]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import_args(data_dir: Path, path: Path, *more: str) -> list[str]:
    return ["--data-dir", str(data_dir), "import", str(path), "--county", "Wake", "--state", "NC", *more]


def test_marking_many_inactive_needs_yes(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_import_args(data_dir, _voters_csv(tmp_path / "all.csv", range(100)))) == 0
    capsys.readouterr()
    # 6 of 100 missing: more than 5%. Refused, with the summary, and nothing changed.
    short = _voters_csv(tmp_path / "short.csv", range(6, 100))
    rc = main(_import_args(data_dir, short, "--json"))
    captured = capsys.readouterr()
    assert rc != 0
    assert json.loads(captured.out)["inactivated"] == 6
    assert "refusing to mark 6 of the 100 active voters of Wake, NC inactive (6%, more than 5%)" in captured.err
    assert "--yes" in captured.err
    rc = main(_import_args(data_dir, short, "--dry-run"))
    out = capsys.readouterr().out
    assert rc == 0
    assert "Dry run, nothing changed" in out
    assert "0 added, 0 updated, 94 unchanged, 6 to be marked inactive (6% of 100 active)" in out  # still all 100
    # 5 of 100 is within the limit; and --yes allows more.
    assert main(_import_args(data_dir, _voters_csv(tmp_path / "five.csv", range(5, 100)))) == 0
    assert "inactivated 5" in capsys.readouterr().out
    assert main(_import_args(data_dir, _voters_csv(tmp_path / "few.csv", range(50, 60)), "--yes", "--json")) == 0
    assert json.loads(capsys.readouterr().out)["inactivated"] == 85
