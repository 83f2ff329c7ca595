"""Packages of the server distribution, found one directory up (the repository root)."""

from pathlib import Path

from setuptools import find_packages, setup

SHIPPED = ["canvass_server", "canvass_server.*", "canvass_protocol", "canvass_protocol.*", "canvass_formats",
           "canvass_formats.*"]

BUILD = Path(__file__).resolve().parent / "build"
BUILD.mkdir(exist_ok=True)

setup(
    packages=find_packages(where="..", include=SHIPPED),
    package_dir={"": ".."},
    # Keep the build's egg-info under server/build, not in the repository root beside the packages.
    options={"egg_info": {"egg_base": str(BUILD)}},
    package_data={"canvass_server": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
                  "canvass_server.console": ["templates/*.html", "static/*"]},
)
