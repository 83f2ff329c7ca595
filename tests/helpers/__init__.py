"""Helpers shared by tests in several folders (imported as `helpers.…`; tests/ is on pytest's pythonpath)."""
from pathlib import Path

VOTERFILES = Path(__file__).resolve().parents[1] / "fixtures" / "voterfiles"
