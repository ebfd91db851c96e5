"""Briefsmith's domain: sources, sections and briefs, the project file, and article import.

This package is Qt-free and knows nothing of the exporters; the desktop window and the
exporters stand on it, never the other way round (tests/test_architecture.py keeps it so).
"""

__version__ = "0.1.0"
