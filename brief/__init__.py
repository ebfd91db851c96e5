"""Briefsmith's domain: sources, sections and briefs, the project file, and article import.

This package is Qt-free and knows nothing of the exporters; the desktop window and the
exporters stand on it, never the other way round (tests/test_architecture.py keeps it so).
"""

import logging

__version__ = "0.1.0"

# A library logs; the program decides where records go (the window: a log file). Without
# this, Python's last-resort handler would print warnings and their tracebacks on stderr
# under the CLI's own one-line messages.
logging.getLogger(__name__).addHandler(logging.NullHandler())
