"""Realistic generated voted files (NC absentee, ncvhis, generic CSV) and the truth each one means, per voter.

The absentee file has what the daily NCSBE file has: every field quoted, names with commas and quotes, blank
dates, repeated requests by one voter, cancelled and re-issued ballots, spoiled ones voted again, one-stop votes
after a mail request, ballots back with a problem, rows of voters from another county, and a few broken rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

ELECTION = dt.date(2026, 11, 3)
ABSENTEE_HEADER = (
    "county_desc", "voter_reg_num", "ncid", "voter_last_name", "voter_first_name", "voter_middle_name", "race",
    "ethnicity", "gender", "age", "voter_street_address", "voter_city", "voter_state", "voter_zip",
    "ballot_mail_street_address", "ballot_mail_city", "ballot_mail_state", "ballot_mail_zip", "election_dt",
    "voter_party_code", "precinct_desc", "ballot_req_delivery_type", "ballot_req_type", "ballot_request_party",
    "ballot_req_dt", "ballot_send_dt", "ballot_rtn_dt", "ballot_rtn_status", "site_name", "sdr",
)
NCVHIS_HEADER = ("county_id", "county_desc", "voter_reg_num", "election_lbl", "election_desc", "voting_method",
                 "voted_party_cd", "pct_label", "pct_description", "ncid", "voted_county_id", "voted_county_desc",
                 "vtd_label", "vtd_description")
PROBLEMS = ("WITNESS INFO INCOMPLETE", "NOT PROPERLY NOTARIZED", "PENDING CURE", "RETURNED UNDELIVERABLE",
            "VOTER SIGNATURE MISSING")
# What a voter's status is after the import: "voted", "requested" (mail, not back) or the problem word.
Truth = dict[str, str]


@dataclass
class Generated:
    truth: Truth = field(default_factory=dict)
    rows: int = 0
    unmatched: int = 0
    rejected: int = 0


def _d(day: dt.date | None) -> str:
    return day.strftime("%m/%d/%Y") if day else ""


def _absentee_row(rng: random.Random, sid: str, req_type: str, req: dt.date | None, rtn: dt.date | None,
                  status: str) -> list[str]:
    last = rng.choice(("SMITH", "O'NEIL", "GARCÍA", 'JONES "JJ"', "SMITH, JR", "NGUYEN"))
    sent = None if req is None or rng.random() < 0.2 else req + dt.timedelta(days=2)  # blank send dates happen
    return ["DURHAM", str(rng.randint(1, 999999)), sid, last, "PAT", "", "WHITE", "UNDESIGNATED", "F", "44",
            "12 MAIN ST, APT 4", "DURHAM", "NC", "27701", "PO BOX 9, DURHAM", "DURHAM", "NC", "27702",
            _d(ELECTION), "DEM", "PRECINCT 01", "MAIL", req_type, "DEM", _d(req), _d(sent), _d(rtn), status,
            "DURHAM COUNTY BOARD OF ELECTIONS" if req_type == "ONE-STOP" else "", "N"]


def write_absentee(path: Path, ids: list[str], *, seed: int = 7, foreign: int = 5) -> Generated:
    """An absentee file for the voters `ids` (some have no row at all) plus `foreign` rows of unknown ncids."""
    rng = random.Random(seed)
    gen = Generated()
    rows: list[list[str]] = []
    base = dt.date(2026, 9, 5)

    def day(n: int) -> dt.date:
        return base + dt.timedelta(days=n)

    for sid in ids:
        kind = rng.choice(("none", "none", "none", "mail_ok", "onestop", "requested", "repeat", "reissued",
                           "reissued_ok", "spoiled_ok", "mail_then_onestop", "problem", "cancelled"))
        a = rng.randint(0, 20)
        if kind == "none":
            continue
        if kind == "mail_ok":
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), day(a + 15), "ACCEPTED"))
            gen.truth[sid] = "voted"
        elif kind == "onestop":
            rows.append(_absentee_row(rng, sid, "ONE-STOP", day(40), day(40), "ACCEPTED"))
            gen.truth[sid] = "voted"
        elif kind == "requested":
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), None, ""))
            gen.truth[sid] = "requested"
        elif kind == "repeat":  # asked twice, neither back
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), None, ""))
            rows.append(_absentee_row(rng, sid, "MAIL", day(a + 5), None, ""))
            gen.truth[sid] = "requested"
        elif kind == "reissued":  # cancelled, a new ballot sent, not back yet
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), None, "CANCELLED"))
            rows.append(_absentee_row(rng, sid, "MAIL", day(a + 7), None, ""))
            gen.truth[sid] = "requested"
        elif kind == "reissued_ok":
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), day(a + 6), "RETURNED UNDELIVERABLE"))
            rows.append(_absentee_row(rng, sid, "MAIL", day(a + 8), day(a + 20), "ACCEPTED"))
            gen.truth[sid] = "voted"
        elif kind == "spoiled_ok":  # spoiled, then voted again: accepted (the "- CURED" spelling too)
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), day(a + 9), "SPOILED"))
            rows.append(_absentee_row(rng, sid, "MAIL", day(a + 10), day(a + 25),
                                      rng.choice(("ACCEPTED", "ACCEPTED - CURED"))))
            gen.truth[sid] = "voted"
        elif kind == "mail_then_onestop":  # asked for a mail ballot, voted early in person instead
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), None, "CANCELLED"))
            rows.append(_absentee_row(rng, sid, "ONE-STOP", day(45), day(45), "ACCEPTED"))
            gen.truth[sid] = "voted"
        elif kind == "problem":
            status = rng.choice(PROBLEMS)
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), day(a + 12), status))
            gen.truth[sid] = status
        else:  # cancelled and nothing since: the voter has no ballot any more
            rows.append(_absentee_row(rng, sid, "MAIL", day(a), None, "CANCELLED"))
            gen.truth[sid] = "CANCELLED"
    for n in range(foreign):
        rows.append(_absentee_row(rng, f"ZZ{n:06d}", "MAIL", day(3), None, ""))
    gen.unmatched = foreign
    rng.shuffle(rows)  # the state's file is in no useful order
    bad_date = _absentee_row(rng, ids[0], "MAIL", day(1), None, "")
    bad_date[ABSENTEE_HEADER.index("ballot_req_dt")] = "13/45/2026"
    short = _absentee_row(rng, ids[1], "MAIL", day(1), None, "")[:12]
    rows[len(rows) // 2:len(rows) // 2] = [bad_date, short]
    gen.rejected = 2
    gen.rows = len(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL)
        writer.writerow(ABSENTEE_HEADER)
        writer.writerows(rows)
    return gen


def write_ncvhis(path: Path, ids: list[str], *, seed: int = 8) -> Generated:
    """Voter history: an older election for most voters, and this election for about a third of them."""
    rng = random.Random(seed)
    gen = Generated()
    rows: list[list[str]] = []
    methods = ("ABSENTEE ONESTOP", "IN-PERSON", "ABSENTEE BY MAIL", "ABSENTEE CURBSIDE", "PROVISIONAL")

    def row(sid: str, election: dt.date, method: str) -> list[str]:
        return ["32", "DURHAM", str(rng.randint(1, 99999)), _d(election), f"{_d(election)} GENERAL", method, "DEM",
                "01", "PRECINCT 01", sid, "32", "DURHAM", "01", "01"]

    for sid in ids:
        if rng.random() < 0.7:
            rows.append(row(sid, dt.date(2024, 11, 5), rng.choice(methods)))
        if rng.random() < 0.35:
            rows.append(row(sid, ELECTION, rng.choice(methods)))
            gen.truth[sid] = "voted"
    rows.append(row("ZZ000001", ELECTION, "IN-PERSON"))
    gen.unmatched = 1
    rng.shuffle(rows)
    gen.rows = len(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_ALL)
        writer.writerow(NCVHIS_HEADER)
        writer.writerows(rows)
    return gen


def write_generic(path: Path, ids: list[str], *, seed: int = 9) -> Generated:
    """A county's own early-vote list: Voter ID, Date Voted (some blank), Method."""
    rng = random.Random(seed)
    gen = Generated()
    rows: list[list[str]] = []
    for sid in ids[1:]:  # ids[0] has only a broken row
        if rng.random() < 0.4:
            when = "" if rng.random() < 0.1 else (ELECTION - dt.timedelta(days=rng.randint(1, 17))).isoformat()
            rows.append([sid, when, rng.choice(("Early", "Mail", "In person"))])
            gen.truth[sid] = "voted"
    rows.append(["NOPE-1", "2026-10-20", "Early"])
    rows.append([ids[0], "not a date", "Early"])
    gen.unmatched, gen.rejected = 1, 1
    gen.rows = len(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["Voter ID", "Date Voted", "Method"])
        writer.writerows(rows)
    return gen


# Messy files: each layout's generated rows with, among them, the lines a reader must judge one by one (fields
# with odd spacing, dates in every accepted format and some that are not dates, unknown words, blank and broken
# lines, quoted line breaks, stray quotes, control characters, bad UTF-8). For holding two readers of a file equal.
DATE_TEXTS = ("2026-10-01", "20261001", "10/1/26", "10-01-2026", "2026/10/01", "10/01/2026 00:00:00", " 9/5/2026",
              "1/2/2026", "", "  ", "02/30/2026", "2026-13-01", "tomorrow", "10/01/2026\t", "10.01.2026")
RAW_LINES = ("", "   ", "\\.", "x\x1cy", '"unterminated, quote')


def _messy_rows(rng: random.Random, ids: list[str], fields: int, id_col: int, dates: tuple[int, ...],
                words: dict[int, tuple[str, ...]]) -> list[list[str]]:
    """Rows of `fields` columns: ids of the county, padded, unknown, blank, too long, with quotes; every date text
    in every date column; the given words in their columns."""
    sids = [ids[2], f"  {ids[3]}\u00a0", f"\t{ids[4]} ", "", "   ", "ZZ-UNKNOWN", "X" * 45, 'AB"1', ids[5].lower(),
            f"{ids[8]}\x85"]
    out = []
    for n in range(60):
        row = [f"f{n}-{k}" for k in range(fields)]
        row[id_col] = sids[n % len(sids)] if n % 3 else ids[rng.randrange(len(ids))]
        for col in dates:
            row[col] = rng.choice(DATE_TEXTS) if n % 2 else rng.choice(DATE_TEXTS[:8])
        for col, choices in words.items():
            row[col] = rng.choice(choices)
        out.append(row)
    return out


def write_messy(path: Path, layout: str, ids: list[str], *, newline: str = "\n", encoding: str = "utf-8") -> None:
    """A generated file of the layout (generic: "generic", "generic-status" with ';' and a status and an election
    column, "generic-one-column") made messy; written with the given line ends and encoding."""
    rng = random.Random(11)
    base = path.with_suffix(".base")
    delimiter = ","
    dates: tuple[int, ...] = ()
    if layout == "nc-absentee":
        write_absentee(base, ids)
        i = ABSENTEE_HEADER.index
        id_col, dates = i("ncid"), tuple(i(c) for c in ("election_dt", "ballot_req_dt", "ballot_rtn_dt",
                                                         "ballot_send_dt"))
        messy = _messy_rows(rng, ids, len(ABSENTEE_HEADER), id_col, dates, {
            i("ballot_req_type"): ("MAIL", "ONE-STOP", " one-stop ", "Mail", "", "IN PERSON", "FAX"),
            i("ballot_rtn_status"): ("ACCEPTED", "accepted -  cured", " witness info incomplete ", "", "SPOILED",
                                     "Accepted", "CANCELLED")})
        messy.append(_absentee_row(rng, ids[6], "MAIL", ELECTION, None, ""))
        messy[-1][i("voter_street_address")] = "12 MAIN ST\nAPT 4"  # quoted line breaks
        messy.append(_absentee_row(rng, ids[10], "MAIL", ELECTION, None, ""))
        messy[-1][i("voter_street_address")] = "12 MAIN ST\rAPT 4"
        messy.append(_absentee_row(rng, ids[7], "ONE-STOP", ELECTION, ELECTION, "ACCEPTED") + ["extra"])
        for n, (sent, returned) in enumerate((("10/20/2026", ""), ("", ""), ("", "10/21/2026"))):
            messy.append(_absentee_row(rng, ids[11 + n], "ONE-STOP", ELECTION, None, "ACCEPTED"))
            messy[-1][i("ballot_send_dt")], messy[-1][i("ballot_rtn_dt")] = sent, returned  # voted on which day
    elif layout == "ncvhis":
        write_ncvhis(base, ids)
        delimiter = "\t"
        i = NCVHIS_HEADER.index
        id_col, dates = i("ncid"), (i("election_lbl"),)
        messy = _messy_rows(rng, ids, len(NCVHIS_HEADER), id_col, dates, {
            i("voting_method"): ("ABSENTEE BY MAIL", "did not vote", "NO VOTE", "", "in-person", "CURBSIDE",
                                 "ABSENTEE ONESTOP", "PROVISIONAL", "who knows")})
    elif layout == "generic":
        write_generic(base, ids)
        id_col, dates = 0, (1,)
        messy = _messy_rows(rng, ids, 3, id_col, dates, {2: ("Early", "mail", "", "In person", "EV", "??")})
    elif layout == "generic-status":
        base.write_text("SOS VoterID;Ballot Status;Vote Type;Election Date\n" + "".join(
            f"{sid};{rng.choice(('Accepted', 'Requested'))};Mail;11/03/2026\n" for sid in ids[::4]))
        delimiter = ";"
        id_col, dates = 0, (3,)
        messy = _messy_rows(rng, ids, 4, id_col, dates, {
            1: ("Accepted", "Requested", "Witness info incomplete", "voted", "Sent", "", "  outstanding ",
                "ACCEPTED - CURED", "Spoiled")})
    else:  # generic-one-column
        base.write_text("voter_id\n" + "".join(f"{sid}\n" for sid in ids[::5]))
        id_col = 0
        messy = _messy_rows(rng, ids, 1, id_col, dates, {}) + [[""], ["  "], ['""']]
    stray = [list(messy[1]) for _ in range(2)]  # stray quotes where a well-quoted file has none
    stray[0][id_col] = f'{ids[9]}"x"'
    if dates:
        stray[1][dates[0]] = ' "10/01/2026"'
    records = []
    for row in messy:
        buffer = io.StringIO()
        quote_all = any("\r" in f for f in row)  # the writer does not quote a field for a "\r"
        csv.writer(buffer, delimiter=delimiter, lineterminator="",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerow(row)
        records.append(buffer.getvalue())
    records += [delimiter.join(row) for row in stray] + list(RAW_LINES)
    lines = base.read_text(encoding="utf-8").splitlines()
    body = lines[1:]
    for n, record in enumerate(records):
        body.insert(rng.randrange(len(body) + 1) if n % 4 else n, record)
    raw = (newline.join([lines[0], *body]) + newline).encode(encoding, errors="replace")
    if encoding == "utf-8":  # bytes that are not UTF-8 in one line, among many that are
        raw = raw.replace(b"f7-", b"f7\xff\xfe-", 1)
    path.write_bytes(raw)
    base.unlink()
