"""Briefsmith's Qt window (see the desktop issue); it stands on `exporters` and `brief`."""
