"""Packaging details pyproject.toml cannot say: the top-level resources/ is installed as canvass_app.resources."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["canvass_app*", "canvass_protocol*", "canvass_formats*", "canvass_server*"]),
        "canvass_app.resources",
    ],
    package_dir={"canvass_app.resources": "resources"},
    package_data={
        "canvass_app.resources": ["**/*"],
        "canvass_app.store": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
        "canvass_server": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
        "canvass_server.console": ["templates/*.html", "static/*"],
    },
    exclude_package_data={"canvass_app.resources": ["__pycache__/*", "**/__pycache__/*"]},
)
