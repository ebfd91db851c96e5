"""Excerpts with their citations, for the clipboard: what "Copy with Citation" pastes into an
e-mail, a Word document or a note, as plain text and as HTML.

A note style (Chicago) follows each excerpt with its note; an in-text style (APA, MLA) puts
the citation after the excerpt and the reference entry under it, since an in-text citation
alone names no article. Text is data: it is escaped in the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from brief.citations import Cited, Pinpoint, Style, format_citations
from brief.document import Run, direction, is_safe_link, plain
from brief.model import Source


@dataclass
class Quotation:
    """Text quoted from a source, and its pinpoint (page or paragraph) when it has one."""

    text: str
    source: Source
    pinpoint: Pinpoint | None = None


@dataclass
class Clip:
    text: str  # text/plain
    html: str  # text/html


def quote_with_citations(quotations: list[Quotation], style: Style) -> Clip:
    """Each quotation with its citation in full: each is formatted on its own, since a clip
    is pasted anywhere, where "Ibid." or a short note would point at nothing."""
    texts, blocks = [], []
    for quotation in quotations:
        formatted = format_citations(style, [Cited(quotation.source, quotation.pinpoint)])
        citation = formatted.citations[0]
        entry = formatted.bibliography[0] if formatted.bibliography else []
        dir_attr = ' dir="rtl"' if direction(quotation.text) == "rtl" else ""
        if style.is_note:
            texts.append(f"{quotation.text}\n{plain(citation)}")
            blocks.append(
                f"<p{dir_attr}>{escape(quotation.text)}</p>\n<p>{runs_html(citation)}</p>"
            )
        else:
            texts.append(f"{quotation.text} {plain(citation)}\n\n{plain(entry)}")
            blocks.append(
                f"<p{dir_attr}>{escape(quotation.text)} {runs_html(citation)}</p>\n"
                f"<p>{runs_html(entry)}</p>"
            )
    return Clip(text="\n\n".join(texts) + "\n", html="\n".join(blocks))


def runs_html(runs: list[Run]) -> str:
    """Runs as HTML: text escaped, emphasis and strong as <i> and <b>, safe links as links."""
    out = []
    for run in runs:
        html = escape(run.text)
        if run.superscript:
            html = f"<sup>{html}</sup>"
        if run.small_caps:
            html = f'<span style="font-variant:small-caps">{html}</span>'
        if run.strong:
            html = f"<b>{html}</b>"
        if run.emphasis:
            html = f"<i>{html}</i>"
        if run.link and is_safe_link(run.link):
            html = f'<a href="{escape(run.link, quote=True)}">{html}</a>'
        out.append(html)
    return "".join(out)
