"""Reading state voter files (no database): layouts, detection, address parsing, validated records."""

from canvass_app.voterfile.address import Address, parse_address
from canvass_app.voterfile.detect import VoterFileError
from canvass_app.voterfile.fields import FIELDS
from canvass_app.voterfile.layouts import LAYOUTS
from canvass_app.voterfile.reader import VoterFileReader, iter_voter_rows
from canvass_app.voterfile.records import Rejection, VoterRecord

__all__ = [
    "FIELDS",
    "LAYOUTS",
    "Address",
    "Rejection",
    "VoterFileError",
    "VoterFileReader",
    "VoterRecord",
    "iter_voter_rows",
    "parse_address",
]
