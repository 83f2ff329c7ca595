"""What every `canvass-app` command shares: the clear-failure exception and the summary-or-JSON printer."""

from __future__ import annotations

import argparse
import json
from typing import Any


class CommandError(Exception):
    """A command failed for a reason the person can act on; the message is printed, no traceback."""


def emit(args: argparse.Namespace, summary: str, data: dict[str, Any]) -> None:
    """Print the one-line human summary, or the JSON document with --json."""
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, default=str))
    else:
        print(summary)
