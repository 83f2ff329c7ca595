"""Canvass: offline field canvassing with an encrypted local store and exactly-once sync."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("canvass")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
