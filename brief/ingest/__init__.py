"""Article import: pasted text, HTML pages, Markdown and DOCX files into `Article`s.

Entry points: `read_text`, `read_html` and `read_file`. None of them touches the network.
"""

from brief.ingest.article import Article
from brief.ingest.files import read_file
from brief.ingest.html import read_html
from brief.ingest.text import read_text

__all__ = ["Article", "read_file", "read_html", "read_text"]
