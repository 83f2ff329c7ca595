"""Look at the start of a file: is it text at all, which encoding, which delimiter, and which layout."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from canvass_formats.voterfile.layouts import FLORIDA_COLUMNS, NCVOTER_SIGNATURE

SAMPLE_BYTES = 256 * 1024
DELIMITERS = ("\t", ",", ";", "|")


class VoterFileError(Exception):
    """The file cannot be imported at all; the message names the file and the reason, for people."""


@dataclass(frozen=True)
class Sniffed:
    encoding: str  # "utf-8", "utf-8-sig" or "latin-1"
    delimiter: str
    layout: str  # "ncvoter", "florida" or "generic"
    first_row: list[str]


def detect_encoding(sample: bytes) -> str:
    """UTF-8 with BOM; UTF-8 when the sample is UTF-8 (a few bad bytes among valid multi-byte characters
    stay UTF-8, and their rows are rejected); else Latin-1, which decodes any byte."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if len(sample) >= SAMPLE_BYTES:  # do not count a character cut at the sample's end as bad
        sample = sample[: len(sample) - 4]
    text = sample.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    if not invalid:
        return "utf-8"
    valid_multibyte = sum(1 for c in text if c > "\x7f") - invalid
    return "utf-8" if valid_multibyte >= invalid else "latin-1"


def looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample[:8192] if b < 9 or 13 < b < 32)
    return controls > len(sample[:8192]) // 100 + 1


def detect_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def sniff(path: Path, layout: str = "auto") -> Sniffed:
    """Read the file's start and decide; raises VoterFileError when it is empty or not text."""
    try:
        with open(path, "rb") as f:
            sample = f.read(SAMPLE_BYTES)
    except OSError as exc:
        raise VoterFileError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if not sample.strip():
        raise VoterFileError(f"{path}: the file is empty, not a voter file")
    if looks_binary(sample):
        raise VoterFileError(f"{path}: the file is binary, not a voter file (expected CSV or tab-delimited text)")
    encoding = detect_encoding(sample)
    text = sample.decode(encoding, errors="replace")
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = detect_delimiter(first_line)
    if delimiter == "\t" and '"' not in first_line:
        rows = csv.reader(io.StringIO(first_line), delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        rows = csv.reader(io.StringIO(first_line), delimiter=delimiter)
    first_row = next(rows, [])
    if layout == "auto":
        layout = _guess_layout(first_row, delimiter)
    return Sniffed(encoding=encoding, delimiter=delimiter, layout=layout, first_row=first_row)


def _guess_layout(first_row: list[str], delimiter: str) -> str:
    lowered = {c.strip().lower() for c in first_row}
    if lowered >= NCVOTER_SIGNATURE:
        return "ncvoter"
    if (
        delimiter == "\t"
        and len(first_row) == len(FLORIDA_COLUMNS)
        and first_row[1].strip().isdigit()
        and first_row[0].strip().isalpha()
        and len(first_row[0].strip()) == 3
    ):
        return "florida"
    return "generic"
