"""The brief content format: the bundled content parses, and bad files are refused naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvass_app.briefs.library import BUNDLED_CONTENT_DIR
from canvass_formats.briefs_content import CATEGORIES, ContentError, load_content_dir, parse_brief

GOOD = """---
slug: test-brief
title: A Test Brief
language: en
category: climate
status: proposed
version: 2
updated: 2026-01-02
summary: One line.
protects: [privacy]
talking_points:
  - First point
  - Second point
questions:
  - q: Why?
    a: Because.
rebuttals:
  - claim: It is bad.
    response: It is not.
---
## Body

Some *text*.
"""

RIGHTS = "rights:\n  - slug: privacy\n    title: Privacy\n    text: Private.\n"


def write_dir(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "secured_rights.yaml").write_text(RIGHTS, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_bundled_content_covers_every_category_and_the_charter_example() -> None:
    rights, briefs = load_content_dir(BUNDLED_CONTENT_DIR)
    assert len(rights) >= 5
    english = [b for b in briefs if b.language == "en"]
    assert {b.category for b in english} >= set(CATEGORIES) - {"other"}
    statuses = [b.status for b in english]
    assert statuses.count("adopted") > statuses.count("proposed") >= 2
    assert all(4 <= len(b.talking_points) <= 6 for b in briefs)
    assert all(b.questions and b.rebuttals and b.protects and b.summary for b in briefs)
    conflicting = [b for b in briefs if b.conflicts]
    assert conflicting
    assert all(b.status == "proposed" for b in conflicting)
    spanish = {b.slug for b in briefs if b.language == "es"}
    assert len(spanish) >= 2
    assert spanish <= {b.slug for b in english}


def test_parse_good_brief() -> None:
    doc = parse_brief(GOOD, "good.md")
    assert doc.slug == "test-brief"
    assert doc.version == 2
    assert doc.talking_points == ["First point", "Second point"]
    assert doc.questions == [{"q": "Why?", "a": "Because."}]
    assert doc.rebuttals == [{"claim": "It is bad.", "response": "It is not."}]
    assert doc.body_md.startswith("## Body")
    assert doc.updated_at is not None
    assert doc.updated_at.year == 2026
    assert doc.updated_at.tzinfo is not None


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        ("category: climate", "category: weather", "category", "not one of"),
        ("status: proposed", "status: maybe", "status", "not one of"),
        ("version: 2", "version: two", "version", "whole number"),
        ("title: A Test Brief\n", "", "title", "required"),
        ("  - First point\n  - Second point\n", "  []\n", "talking_points", "non-empty list"),
        ("    a: Because.\n", "", "questions[1].a", "required"),
        ("language: en", "language: fr", "language", "not one of"),
        ("slug: test-brief", "slug: Test Brief", "slug", "lower-case"),
        ("updated: 2026-01-02", "updated: soon", "updated", "ISO date"),
        ("summary: One line.", "summary: One line.\ncolour: red", "colour", "unknown field"),
    ],
)
def test_parse_errors_name_file_and_field(old: str, new: str, field: str, reason: str) -> None:
    with pytest.raises(ContentError) as err:
        parse_brief(GOOD.replace(old, new, 1), "briefs/x.md")
    assert err.value.source == "briefs/x.md"
    assert err.value.field == field
    assert reason in str(err.value)
    assert str(err.value).startswith(f"briefs/x.md: {field}: ")


def test_missing_front_matter_and_bad_yaml() -> None:
    with pytest.raises(ContentError, match="no YAML front matter"):
        parse_brief("# Just markdown\n", "plain.md")
    with pytest.raises(ContentError, match=r"front matter: not valid YAML .*line 2"):
        parse_brief("---\nslug: a\ntitle: [unclosed\n---\nbody\n", "broken.md")
    with pytest.raises(ContentError, match="body"):
        parse_brief(GOOD.split("## Body")[0], "nobody.md")


def test_adopted_with_conflict_is_refused_by_the_parser() -> None:
    text = GOOD.replace("status: proposed", "status: adopted").replace("protects: [privacy]", "conflicts: [privacy]")
    with pytest.raises(ContentError) as err:
        parse_brief(text, "bad.md")
    assert err.value.field == "status"
    assert "cannot be adopted" in str(err.value)
    assert "privacy" in str(err.value)


def test_content_dir_checks_rights_and_duplicates(tmp_path: Path) -> None:
    root = write_dir(tmp_path, one=GOOD)
    rights, briefs = load_content_dir(root)
    assert [r.slug for r in rights] == ["privacy"]
    assert [b.slug for b in briefs] == ["test-brief"]

    (root / "two.md").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ContentError, match=r"two\.md: slug: 'test-brief' in 'en' is also in .*one\.md"):
        load_content_dir(root)

    (root / "two.md").write_text(GOOD.replace("slug: test-brief", "slug: other").replace(
        "[privacy]", "[privacy, health]"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"two\.md: protects: no Secured Right 'health'"):
        load_content_dir(root)


def test_content_dir_without_rights_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="secured_rights.yaml"):
        load_content_dir(tmp_path)
    (tmp_path / "secured_rights.yaml").write_text("rights:\n  - slug: a\n    title: A\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"right #1: text: is required"):
        load_content_dir(tmp_path)
