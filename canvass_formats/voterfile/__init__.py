"""Reading state voter files (no database): layouts, detection, address parsing, validated records."""

from canvass_formats.voterfile.address import Address, parse_address
from canvass_formats.voterfile.detect import VoterFileError
from canvass_formats.voterfile.fields import FIELDS
from canvass_formats.voterfile.layouts import LAYOUTS
from canvass_formats.voterfile.reader import VoterFileReader, iter_voter_rows
from canvass_formats.voterfile.records import Rejection, VoterRecord

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
