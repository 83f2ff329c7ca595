"""USPS Publication 28 tables: street suffixes, directionals and secondary-unit designators, as lookups."""

from __future__ import annotations

# Standard suffix abbreviation -> the spellings seen in voter files (the abbreviation itself included).
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "ALY": ("ALLEY", "ALLEE", "ALLY"),
    "ANX": ("ANEX", "ANNEX", "ANNX"),
    "ARC": ("ARCADE",),
    "AVE": ("AV", "AVEN", "AVENU", "AVENUE", "AVN", "AVNUE"),
    "BYU": ("BAYOO", "BAYOU"),
    "BCH": ("BEACH",),
    "BND": ("BEND",),
    "BLF": ("BLUF", "BLUFF"),
    "BTM": ("BOT", "BOTTM", "BOTTOM"),
    "BLVD": ("BOUL", "BOULEVARD", "BOULV"),
    "BR": ("BRNCH", "BRANCH"),
    "BRG": ("BRDGE", "BRIDGE"),
    "BRK": ("BROOK",),
    "BYP": ("BYPA", "BYPAS", "BYPASS", "BYPS"),
    "CP": ("CAMP", "CMP"),
    "CYN": ("CANYN", "CANYON", "CNYN"),
    "CPE": ("CAPE",),
    "CSWY": ("CAUSEWAY", "CAUSWA"),
    "CTR": ("CEN", "CENT", "CENTER", "CENTR", "CENTRE", "CNTER", "CNTR"),
    "CIR": ("CIRC", "CIRCL", "CIRCLE", "CRCL", "CRCLE"),
    "CLF": ("CLIFF",),
    "CLB": ("CLUB",),
    "CMN": ("COMMON",),
    "COR": ("CORNER",),
    "CRSE": ("COURSE",),
    "CT": ("COURT",),
    "CTS": ("COURTS",),
    "CV": ("COVE",),
    "CRK": ("CREEK",),
    "CRES": ("CRESCENT", "CRSENT", "CRSNT"),
    "CRST": ("CREST",),
    "XING": ("CROSSING", "CRSSNG"),
    "CURV": ("CURVE",),
    "DL": ("DALE",),
    "DM": ("DAM",),
    "DV": ("DIV", "DIVIDE", "DVD"),
    "DR": ("DRIV", "DRIVE", "DRV"),
    "DRS": ("DRIVES",),
    "EST": ("ESTATE",),
    "ESTS": ("ESTATES",),
    "EXPY": ("EXP", "EXPR", "EXPRESS", "EXPRESSWAY", "EXPW"),
    "EXT": ("EXTENSION", "EXTN", "EXTNSN"),
    "FLS": ("FALLS",),
    "FRY": ("FERRY", "FRRY"),
    "FLD": ("FIELD",),
    "FLDS": ("FIELDS",),
    "FLT": ("FLAT",),
    "FRD": ("FORD",),
    "FRST": ("FOREST", "FORESTS"),
    "FRG": ("FORG", "FORGE"),
    "FRK": ("FORK",),
    "FT": ("FORT", "FRT"),
    "FWY": ("FREEWAY", "FREEWY", "FRWAY", "FRWY"),
    "GDN": ("GARDEN", "GARDN", "GRDEN", "GRDN"),
    "GDNS": ("GARDENS", "GRDNS"),
    "GTWY": ("GATEWAY", "GATEWY", "GATWAY", "GTWAY"),
    "GLN": ("GLEN",),
    "GRN": ("GREEN",),
    "GRV": ("GROV", "GROVE"),
    "HBR": ("HARB", "HARBOR", "HARBR", "HRBOR"),
    "HVN": ("HAVEN",),
    "HTS": ("HT", "HEIGHTS"),
    "HWY": ("HIGHWAY", "HIGHWY", "HIWAY", "HIWY", "HWAY"),
    "HL": ("HILL",),
    "HLS": ("HILLS",),
    "HOLW": ("HLLW", "HOLLOW", "HOLLOWS", "HOLWS"),
    "INLT": ("INLET",),
    "IS": ("ISLAND", "ISLND"),
    "ISLE": ("ISLES",),
    "JCT": ("JCTION", "JCTN", "JUNCTION", "JUNCTN", "JUNCTON"),
    "KNL": ("KNOL", "KNOLL"),
    "LK": ("LAKE",),
    "LKS": ("LAKES",),
    "LNDG": ("LANDING", "LNDNG"),
    "LN": ("LANE",),
    "LOOP": ("LOOPS",),
    "MALL": (),
    "MNR": ("MANOR",),
    "MDW": ("MEADOW",),
    "MDWS": ("MDW", "MEADOWS", "MEDOWS"),
    "ML": ("MILL",),
    "MLS": ("MILLS",),
    "MTWY": ("MOTORWAY",),
    "MT": ("MNT", "MOUNT"),
    "MTN": ("MNTAIN", "MNTN", "MOUNTAIN", "MOUNTIN", "MTIN"),
    "ORCH": ("ORCHARD", "ORCHRD"),
    "OVAL": ("OVL",),
    "PARK": ("PRK", "PARKS"),
    "PKWY": ("PARKWAY", "PARKWY", "PKWAY", "PKY", "PARKWAYS", "PKWYS"),
    "PASS": (),
    "PATH": ("PATHS",),
    "PIKE": ("PIKES",),
    "PNES": ("PINES",),
    "PL": ("PLACE",),
    "PLN": ("PLAIN",),
    "PLZ": ("PLAZA", "PLZA"),
    "PT": ("POINT",),
    "PRT": ("PORT",),
    "PR": ("PRAIRIE", "PRR"),
    "RADL": ("RAD", "RADIAL", "RADIEL"),
    "RNCH": ("RANCH", "RANCHES", "RNCHS"),
    "RPDS": ("RAPIDS",),
    "RDG": ("RDGE", "RIDGE"),
    "RIV": ("RIVER", "RVR", "RIVR"),
    "RD": ("ROAD",),
    "RDS": ("ROADS",),
    "RTE": ("ROUTE",),
    "ROW": (),
    "RUN": (),
    "SHR": ("SHOAR", "SHORE"),
    "SHRS": ("SHOARS", "SHORES"),
    "SPG": ("SPNG", "SPRING", "SPRNG"),
    "SPGS": ("SPNGS", "SPRINGS", "SPRNGS"),
    "SQ": ("SQR", "SQRE", "SQU", "SQUARE"),
    "STA": ("STATION", "STATN", "STN"),
    "STRA": ("STRAV", "STRAVEN", "STRAVENUE", "STRAVN", "STRVN", "STRVNUE"),
    "STRM": ("STREAM", "STREME"),
    "ST": ("STREET", "STRT", "STR"),
    "SMT": ("SUMIT", "SUMITT", "SUMMIT"),
    "TER": ("TERR", "TERRACE"),
    "TRCE": ("TRACE", "TRACES"),
    "TRAK": ("TRACK", "TRACKS", "TRK", "TRKS"),
    "TRL": ("TRAIL", "TRAILS", "TRLS"),
    "TUNL": ("TUNEL", "TUNLS", "TUNNEL", "TUNNELS", "TUNNL"),
    "TPKE": ("TRNPK", "TURNPIKE", "TURNPK"),
    "UN": ("UNION",),
    "VLY": ("VALLEY", "VALLY", "VLLY"),
    "VIA": ("VDCT", "VIADCT", "VIADUCT"),
    "VW": ("VIEW",),
    "VLG": ("VILL", "VILLAG", "VILLAGE", "VILLG", "VILLIAGE"),
    "VL": ("VILLE",),
    "VIS": ("VIST", "VISTA", "VST", "VSTA"),
    "WALK": ("WALKS",),
    "WAY": ("WY",),
    "WL": ("WELL",),
    "WLS": ("WELLS",),
}

STREET_TYPES: dict[str, str] = {}
for _abbr, _spellings in _SUFFIXES.items():
    STREET_TYPES[_abbr] = _abbr
    for _s in _spellings:
        STREET_TYPES.setdefault(_s, _abbr)

DIRECTIONS: dict[str, str] = {
    "N": "N", "S": "S", "E": "E", "W": "W", "NE": "NE", "NW": "NW", "SE": "SE", "SW": "SW",
    "NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W",
    "NORTHEAST": "NE", "NORTHWEST": "NW", "SOUTHEAST": "SE", "SOUTHWEST": "SW",
}

# Secondary unit designators -> USPS abbreviation.
UNIT_DESIGNATORS: dict[str, str] = {
    "APT": "APT", "APARTMENT": "APT", "UNIT": "UNIT", "STE": "STE", "SUITE": "STE", "LOT": "LOT",
    "RM": "RM", "ROOM": "RM", "BLDG": "BLDG", "BUILDING": "BLDG", "FL": "FL", "FLOOR": "FL",
    "TRLR": "TRLR", "TRAILER": "TRLR", "SPC": "SPC", "SPACE": "SPC", "DEPT": "DEPT",
    "DEPARTMENT": "DEPT", "PH": "PH", "PENTHOUSE": "PH", "SLIP": "SLIP", "PIER": "PIER",
    "HNGR": "HNGR", "HANGAR": "HNGR", "KEY": "KEY", "STOP": "STOP", "OFC": "OFC", "OFFICE": "OFC",
}
# Designators that stand alone, without an identifier.
UNIT_ALONE: dict[str, str] = {
    "BSMT": "BSMT", "BASEMENT": "BSMT", "FRNT": "FRNT", "FRONT": "FRNT", "REAR": "REAR",
    "LOWR": "LOWR", "LOWER": "LOWR", "UPPR": "UPPR", "UPPER": "UPPR", "SIDE": "SIDE", "LBBY": "LBBY",
    "LOBBY": "LBBY",
}

# Publication 28, appendix C2: the designators that only say "a flat" (a dwelling unit, numbered). Any of them, or
# a "#" (what Pub 28 prints when the designator is not known), names the same door by the unit's identifier.
# NO / NUMBER / NUM / NBR are the "#" written as a word.
FLAT_DESIGNATORS = frozenset({"APT", "UNIT", "#"})
NUMBER_WORDS = frozenset({"NO", "NUMBER", "NUM", "NBR"})

# Words of a street name with one standard short form (appendix C1 lists FT and MT as suffixes; in a name
# they are abbreviated the same way, and Saint is ST as in USPS's own city-state file).
NAME_WORDS: dict[str, str] = {
    "SAINT": "ST", "SNT": "ST", "MOUNT": "MT", "MNT": "MT", "FORT": "FT", "FRT": "FT",
}

_ONES = ("", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH")
_TEENS = ("TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH", "SEVENTEENTH",
          "EIGHTEENTH", "NINETEENTH")
_TENS = ("", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY")
_TENTHS = ("", "", "TWENTIETH", "THIRTIETH", "FORTIETH", "FIFTIETH", "SIXTIETH", "SEVENTIETH", "EIGHTIETH",
           "NINETIETH")


def ordinal(n: int) -> str:
    """5 -> "5TH", 21 -> "21ST", 112 -> "112TH"."""
    suffix = "TH" if 10 <= n % 100 <= 20 else {1: "ST", 2: "ND", 3: "RD"}.get(n % 10, "TH")
    return f"{n}{suffix}"


# Spelled-out ordinals up to 99 -> "5TH", "21ST"; two-word ones ("TWENTY FIRST") are keyed with a space.
ORDINAL_WORDS: dict[str, str] = {}
for _n, _w in enumerate(_ONES[1:], 1):
    ORDINAL_WORDS[_w] = ordinal(_n)
for _n, _w in enumerate(_TEENS, 10):
    ORDINAL_WORDS[_w] = ordinal(_n)
for _t in range(2, 10):
    ORDINAL_WORDS[_TENTHS[_t]] = ordinal(10 * _t)
    for _n, _w in enumerate(_ONES[1:], 1):
        ORDINAL_WORDS[f"{_TENS[_t]} {_w}"] = ordinal(10 * _t + _n)

# Two-letter state and territory codes: the prefix of a state highway ("NC HWY 55", "NC 55 HWY").
STATE_CODES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"})
