"""PDF and DOCX renderers of a brief's format-neutral document (see the exporters issue).

Exporters depend on `brief` only; they never touch widgets, settings or the project file.
"""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
