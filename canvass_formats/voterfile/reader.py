"""Stream a voter file row by row as VoterRecords or Rejections, in whichever layout it was detected to be."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from canvass_formats.voterfile.detect import VoterFileError, sniff
from canvass_formats.voterfile.fields import normalize_header
from canvass_formats.voterfile.hashnumbers import HashSeen
from canvass_formats.voterfile.layouts import (
    FLORIDA_COLUMNS,
    FLORIDA_MAP,
    LAYOUTS,
    NCVOTER_MAP,
    NCVOTER_SIGNATURE,
    generic_mapping,
)
from canvass_formats.voterfile.records import Rejection, RowError, VoterRecord, build_record

csv.field_size_limit(1 << 20)


class VoterFileReader:
    """A voter file opened for reading: knows its layout, encoding, delimiter, headers and column mapping.

    Iterating it streams the file (never holding it whole) and yields one VoterRecord or Rejection per
    non-blank data row. A voter id seen twice yields a Rejection for the later row.
    """

    def __init__(self, path: Path | str, *, layout: str = "auto", mapping: dict[str, str] | None = None):
        if layout not in (*LAYOUTS, "auto"):
            raise VoterFileError(f"unknown layout {layout!r}: use auto, {', '.join(LAYOUTS)}")
        self.path = Path(path)
        sniffed = sniff(self.path, layout)
        self.requested_layout = layout
        self.layout = sniffed.layout
        self.encoding = sniffed.encoding
        self.delimiter = "\t" if self.layout in ("ncvoter", "florida") else sniffed.delimiter
        self.has_header = self.layout != "florida"
        self.total_bytes = self.path.stat().st_size
        self._fb: BinaryIO | None = None
        self._done_bytes = 0
        if self.layout == "florida":
            self.headers = list(FLORIDA_COLUMNS)
            if len(sniffed.first_row) != len(FLORIDA_COLUMNS):
                raise VoterFileError(
                    f"{self.path}: not a Florida voter extract: its first row has {len(sniffed.first_row)} "
                    f"tab-separated fields, the layout has {len(FLORIDA_COLUMNS)}")
        else:
            self.headers = [h.strip() for h in sniffed.first_row]
        if self.layout == "ncvoter":
            lowered = {h.lower() for h in self.headers}
            if not lowered >= NCVOTER_SIGNATURE:
                missing = ", ".join(sorted(NCVOTER_SIGNATURE - lowered))
                raise VoterFileError(f"{self.path}: not an ncvoter file: the header lacks {missing}")
        self.mapping: dict[str, str] = {}
        self.set_mapping(mapping)

    # -- mapping ---------------------------------------------------------------------------------------
    def set_mapping(self, mapping: dict[str, str] | None) -> None:
        """Header -> canonical field. For ncvoter and florida the layout decides; given entries override."""
        if self.layout == "ncvoter":
            base = {h: NCVOTER_MAP[h.lower()] for h in self.headers if h.lower() in NCVOTER_MAP}
            self.mapping = {**base, **{k: v for k, v in (mapping or {}).items() if k in self.headers and v}}
        elif self.layout == "florida":
            self.mapping = dict(FLORIDA_MAP)
        else:
            self.mapping = generic_mapping(self.headers, mapping)

    @property
    def header_signature(self) -> str:
        """A short stable id of the header row; saved mappings are keyed by it."""
        joined = "\x1f".join(normalize_header(h) for h in self.headers)
        return hashlib.sha256(f"{self.layout}\x1e{joined}".encode()).hexdigest()[:20]

    @property
    def unmapped_headers(self) -> list[str]:
        return [h for h in self.headers if h not in self.mapping]

    @property
    def missing_required(self) -> list[str]:
        return [] if "state_voter_id" in self.mapping.values() else ["state_voter_id"]

    def check(self) -> None:
        """Raise VoterFileError unless rows can become voters (a voter-id column is mapped)."""
        if self.missing_required:
            raise VoterFileError(
                f"{self.path}: not a voter file: no voter id column among its headers "
                f"({', '.join(self.headers[:12])}{', ...' if len(self.headers) > 12 else ''}); "
                "map one with a mapping file or the mapping dialog")

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def bytes_read(self) -> int:
        """How far into the file reading has got, for progress."""
        if self._fb is not None and not self._fb.closed:
            return self._fb.tell()
        return self._done_bytes

    def _rows(self, fb: BinaryIO) -> tuple[io.TextIOWrapper, Any]:
        """A text view of fb and a csv reader over it (Florida's extract has no quoting at all)."""
        errors = "strict" if self.encoding == "latin-1" else "surrogateescape"
        text = io.TextIOWrapper(fb, encoding=self.encoding, errors=errors, newline="")
        if self.layout == "florida":
            return text, csv.reader(text, delimiter=self.delimiter, quoting=csv.QUOTE_NONE)
        return text, csv.reader(text, delimiter=self.delimiter)

    def preview(self, n: int = 10) -> list[list[str]]:
        """The first n data rows, raw, for the mapping dialog."""
        rows: list[list[str]] = []
        with open(self.path, "rb") as fb:
            text, reader = self._rows(fb)
            if self.has_header:
                next(reader, None)
            for row in reader:
                if row:
                    rows.append([c.encode("utf-8", "replace").decode("utf-8") for c in row])
                if len(rows) >= n:
                    break
            text.detach()
        return rows

    def __iter__(self) -> Iterator[VoterRecord | Rejection]:
        self.check()
        ncols = len(self.headers)
        index = {h: i for i, h in enumerate(self.headers)}
        pairs = [(field, index[h]) for h, field in self.mapping.items() if h in index]
        id_col = next((i for f, i in pairs if f == "state_voter_id"), 0)
        check_bytes = self.encoding != "latin-1"
        redacted = self.layout == "florida"
        # Ids seen so far, as 64-bit hashes (a million in 16 MB). Two different ids share a hash with odds of
        # about 1 in 10^7 per million-row file; that row would be rejected.
        seen = HashSeen()
        with open(self.path, "rb") as fb:
            self._fb = fb
            text, reader = self._rows(fb)
            if self.has_header:
                next(reader, None)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield Rejection(reader.line_num, f"malformed row: {exc}")
                    continue
                line = reader.line_num
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) != ncols:
                    yield Rejection(line, f"wrong column count: expected {ncols} fields, found {len(row)}",
                                    row[id_col].strip()[:40] if id_col < len(row) else "")
                    continue
                if check_bytes and not (joined := self.delimiter.join(row)).isascii():
                    try:  # undecodable bytes were kept as lone surrogates (surrogateescape), which cannot encode
                        joined.encode("utf-8")
                    except UnicodeEncodeError:
                        yield Rejection(line, f"undecodable bytes (not valid {self.encoding})",
                                        row[id_col].encode("ascii", "replace").decode().strip()[:40])
                        continue
                fields = {field: row[i] for field, i in pairs}
                if redacted:  # Florida's extract shows fields of exempt (protected) voters as "*"
                    fields = {k: "" if v == "*" else v for k, v in fields.items()}
                try:
                    record = build_record(fields, line)
                except RowError as exc:
                    yield Rejection(line, str(exc), fields.get("state_voter_id", "").strip()[:40])
                    continue
                if not seen.add(hash(record.state_voter_id)):
                    yield Rejection(line, f"duplicate voter id {record.state_voter_id} (already earlier in the file)",
                                    record.state_voter_id)
                    continue
                yield record
            self._done_bytes = fb.tell()
            text.detach()
        self._fb = None


def iter_voter_rows(
    path: Path | str, *, layout: str = "auto", mapping: dict[str, str] | None = None
) -> VoterFileReader:
    """Open a voter file: the reader knows its detected layout and yields VoterRecords or Rejections.

    Raises VoterFileError (with a message naming the file and the reason) when the file is missing, empty,
    binary, or not in the requested layout. A generic file without a voter-id column raises when iterated,
    so that a caller can first show `reader.headers` and set a mapping.
    """
    return VoterFileReader(path, layout=layout, mapping=mapping)
