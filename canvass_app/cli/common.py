"""What every `canvass-app` command shares: the clear-failure exception, the summary-or-JSON printer, and
writing an output file whole or not at all."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class CommandError(Exception):
    """A command failed for a reason the person can act on; the message is printed, no traceback."""


def emit(args: argparse.Namespace, summary: str, data: dict[str, Any]) -> None:
    """Print the one-line human summary, or the JSON document with --json."""
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, default=str))
    else:
        print(summary)


@contextmanager
def written_whole(out: Path) -> Iterator[Path]:
    """A temporary file beside `out` for the block to write; renamed onto `out` when the block succeeds (the file
    appears whole or not at all) and removed otherwise. A missing or unwritable folder is a CommandError."""
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give the name of a file to write.")
    if not out.parent.is_dir():
        raise CommandError(f"Cannot write {out}: the folder {out.parent} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc} (in {out.parent}).") from exc
    os.close(fd)
    try:
        yield Path(tmp_name)
        os.replace(tmp_name, out)
    except OSError as exc:
        raise CommandError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
