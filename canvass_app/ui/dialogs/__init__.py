"""Dialogs: import, settings, first run."""
