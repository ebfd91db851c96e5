"""Dialogs: export, paste as new source, preferences."""
