"""A browser's copy of a selection: the clipboard's HTML gives headings, quotes and lists
as marked up; the plain text is the fallback. Sample markup written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from brief.errors import ArticleImportError
from brief.ingest.fragment import read_clipboard, read_fragment
from brief.model import SectionKind

SELECTION = """<meta charset='utf-8'><h1>Sample: council closes river bridge</h1>
<p>By Jane Sample</p><p>3 May 2024</p>
<p>HOLM (Sample Wire) — The regional council voted on Tuesday to close the old
<a href="https://example.org/bridge">river bridge</a> to heavy lorries after engineers found
cracks in two of its supporting piers.</p>
<figure><img src="bridge.jpg"><figcaption>The bridge on Monday. Photo: Sample Agency</figcaption></figure>
<div class="share"><button>Share</button> <a href="#">Tweet</a></div>
<h2>What changes</h2><p>The ban covers:</p>
<ul><li>lorries over 7.5 tonnes</li><li>buses on <b>school</b> runs</li><li>farm vehicles</li></ul>
<blockquote><p>We will rebuild it, whatever it costs, before the winter comes.</p></blockquote>
<div>Drivers will take a detour of about forty kilometres<br>through the hill villages, which
residents say are not built for that traffic.</div>
<p>Subscribe to our newsletter</p>
<h3>Related stories</h3><p>Another sample story about something else that happened.</p>"""

PLAIN = """Sample: council closes river bridge
By Jane Sample
3 May 2024
HOLM (Sample Wire) — The regional council voted on Tuesday to close the old river bridge to heavy lorries after engineers found cracks in two of its supporting piers.
What changes
The ban covers:
lorries over 7.5 tonnes
"""


def test_the_markup_gives_the_sections_and_the_head_the_metadata():
    article = read_clipboard(SELECTION, PLAIN)
    meta = article.meta
    assert meta.title == "Sample: council closes river bridge"
    assert meta.authors == ["Jane Sample"] and meta.published == "2024-05-03"
    assert meta.dateline == "HOLM" and meta.publisher == "Sample Wire"
    assert [(s.kind, s.text) for s in article.sections] == [
        (
            SectionKind.PARAGRAPH,
            "The regional council voted on Tuesday to close the old river bridge to heavy "
            "lorries after engineers found cracks in two of its supporting piers.",
        ),
        (SectionKind.CAPTION, "The bridge on Monday. Photo: Sample Agency"),
        (SectionKind.HEADING, "What changes"),
        (SectionKind.PARAGRAPH, "The ban covers:"),
        (SectionKind.LIST_ITEM, "lorries over 7.5 tonnes"),
        (SectionKind.LIST_ITEM, "buses on school runs"),
        (SectionKind.LIST_ITEM, "farm vehicles"),
        (SectionKind.QUOTE, "We will rebuild it, whatever it costs, before the winter comes."),
        (
            SectionKind.PARAGRAPH,
            "Drivers will take a detour of about forty kilometres through the hill villages, "
            "which residents say are not built for that traffic.",
        ),
    ]
    # The share bar, the newsletter box and what follows "Related stories" are gone.
    assert "Subscribe to our newsletter" in article.removed
    assert not any("Tweet" in s.text or "Another sample" in s.text for s in article.sections)


def test_a_fragment_with_less_text_than_the_plain_copy_falls_back_to_the_text():
    """An editor's markup that holds a fraction of the selection's text (say, only its
    image's caption): the plain text is the article."""
    html = "<p><img src='a.png'> Photo: Sample Agency</p>"
    text = (
        "The council voted on Tuesday to close the bridge to heavy lorries after engineers "
        "found cracks in two of its piers, a sample paragraph long enough to be an article.\n"
    )
    article = read_clipboard(html, text)
    assert article.sections[0].text.startswith("The council voted on Tuesday")
    assert read_clipboard("", text).sections[0].text == article.sections[0].text


def test_nothing_on_the_clipboard_is_said_plainly():
    with pytest.raises(ArticleImportError, match="the clipboard holds no text"):
        read_clipboard("<p> </p>", "  ")
    with pytest.raises(ArticleImportError, match="no article text"):
        read_fragment("<script>x()</script><button>Share</button>")


_TAGS = st.sampled_from(["p", "div", "li", "h2", "blockquote", "span", "b", "td", "section"])


@st.composite
def _markup(draw, depth=0):
    """Nested markup whose text is numbered words ("w0", "w1", …) in document order."""
    if depth > 3 or draw(st.booleans()):
        return "{}"
    tag = draw(_TAGS)
    inner = " ".join(draw(st.lists(_markup(depth + 1), max_size=3)))
    tail = "{}" if draw(st.booleans()) else ""
    return f"<{tag}>{inner}</{tag}>{tail}"


@settings(max_examples=300, deadline=None)
@given(st.lists(_markup(), min_size=1, max_size=5).map(" ".join))
@example(  # a heading of twenty words wrapping blocks: a word list, removed as furniture
    "<h2><div><p><p>{}</p>{} <p>{} {} {}</p> <p>{} {} {}</p></p>{} <p><p>{}</p>{} <p>{} {} {}"
    "</p> <p>{} {} {}</p>{}</p>{}</div>{}</h2>{}"
)
def test_the_walk_keeps_every_word_once_in_order(template):
    """However the blocks nest, every word of the fragment is in the title, a section or
    the removed lines, once; what is kept and what is removed each keep document order."""
    count = template.count("{}")
    html = template.format(*[f" w{n} " for n in range(count)])
    try:
        article = read_fragment(html)
    except ArticleImportError as exc:
        assert count == 0 or "no article text" in str(exc)
        return
    kept = " ".join([article.meta.title, *(s.text for s in article.sections)]).split()
    removed = " ".join(article.removed).split()
    assert sorted(kept + removed) == sorted(f"w{n}" for n in range(count))
    for words in (kept, removed):
        assert words == sorted(words, key=lambda word: int(word[1:]))


def test_paste_as_new_source_reads_the_clipboards_html(window, monkeypatch):
    """Offscreen, a browser's copy put on the clipboard as HTML and text: the check dialog
    shows the markup's title, and the source keeps its list items and its quote."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs.paste import PasteDialog

    data = QMimeData()
    data.setHtml(SELECTION)
    data.setText(PLAIN)
    QApplication.clipboard().setMimeData(data)
    shown = []
    monkeypatch.setattr(PasteDialog, "exec", lambda dialog: shown.append(dialog.title.text()) or 1)
    project = window.session.project
    count = project.source_count()
    window.importer.paste()
    assert shown == ["Sample: council closes river bridge"]
    assert project.source_count() == count + 1
    source = project.source(project.source_rows()[-1].id)
    kinds = [s.kind for s in source.sections]
    assert kinds.count(SectionKind.LIST_ITEM) == 3 and kinds.count(SectionKind.QUOTE) == 1
    assert source.meta.authors == ["Jane Sample"]


def test_html_dragged_from_a_browser_onto_the_window_becomes_a_source(window, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, Qt
    from PySide6.QtGui import QDropEvent

    from desktop.dialogs.paste import PasteDialog
    from desktop.mime import SECTIONS_MIME

    monkeypatch.setattr(PasteDialog, "exec", lambda dialog: 1)
    project = window.session.project
    count = project.source_count()

    def drop(data):
        event = QDropEvent(
            QPointF(40, 40),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)

    data = QMimeData()
    data.setHtml(SELECTION)
    data.setText(PLAIN)
    drop(data)
    assert project.source_count() == count + 1
    assert project.source(project.source_rows()[-1].id).meta.title.startswith("Sample: council")
    # Briefsmith's own sections dropped outside the brief make no new source.
    own = QMimeData()
    own.setData(SECTIONS_MIME, b'{"project": "x", "ids": [1]}')
    own.setText("a section's text")
    drop(own)
    assert project.source_count() == count + 1


def test_inline_markup_between_blocks_stays_in_its_paragraph_and_cells_stay_apart():
    article = read_fragment(
        "<div>Intro text of the sample <span>with a word</span> and more"
        "<p>A paragraph of the sample story here.</p>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table></div>"
    )
    assert [s.text for s in article.sections] == [
        "Intro text of the sample with a word and more",
        "A paragraph of the sample story here.",
        "cell one",
        "cell two",
    ]
