"""Policy briefs and Secured Rights: content format, local library, search, rendering, votes, bookmarks."""

from canvass_app.briefs.library import apply_pulled_briefs, apply_pulled_rights, load_bundled_content
from canvass_formats.briefs_content import BriefDoc, ContentError, RightDoc, load_content_dir, parse_brief
from canvass_formats.charter import CharterViolation

__all__ = [
    "BriefDoc",
    "CharterViolation",
    "ContentError",
    "RightDoc",
    "apply_pulled_briefs",
    "apply_pulled_rights",
    "load_bundled_content",
    "load_content_dir",
    "parse_brief",
]
