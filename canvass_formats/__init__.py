"""File formats read by both the app and the server: state voter files, policy-brief content. No Qt, no database."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark a string for lupdate without translating it here (tables of data, translated where shown).

    The one definition: the app's canvass_app.i18n takes it from here, so that tables declared in these shared
    formats (the voter-file fields' names) reach the app's translation catalog too."""
    return text
