"""Story families in the window: the library's Story column and filter, the reader's list of
relatives, from the keyboard and the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from brief.ingest import read_text
from brief.project import Project
from desktop.models.outline import SOURCE_LINE_ROLE
from desktop.models.sources import SOURCE_ID_ROLE, STORY_COLUMN
from tests import storygen
from tests.conftest import open_window


@pytest.fixture
def story(qtbot, tmp_path, settings):
    """A project holding one wire story and three copies of it (a repost cut short, a pickup
    and a rewrite a day later), and an unrelated story on the same events."""
    samples = {s.name: s for s in storygen.samples()}
    wire, business = samples["port-wire"], samples["port-business"]
    rng = storygen.random.Random(3)
    repost = storygen.repost(wire, rng)
    cut = repost.paragraphs[-1][:80] + "…"  # cut off, as the aggregator shows it
    copies = [
        storygen.replace(repost, paragraphs=(*repost.paragraphs[:-1], cut)),
        storygen.replace(storygen.pickup(wire, rng), date="2026-06-12"),
        storygen.replace(storygen.rewrite(wire, rng), date="2026-06-12"),
    ]
    path = tmp_path / "story.brief"
    names = {}
    with Project.create(path) as project:
        for each in [*copies, wire, business]:
            source = project.add_article(read_text(each.pasted(), name=f"{each.name}.txt"))
            names[each.name] = source.id
    win = open_window(qtbot, path, settings)
    yield win, names
    win.close()


def _labels(window) -> dict[int, str]:
    model = window.library.sources
    return {
        model.index(row, 0).data(SOURCE_ID_ROLE): model.index(row, STORY_COLUMN).data()
        for row in range(model.rowCount())
    }


def test_the_story_column_names_the_original_and_its_copies(story, qtmodeltester):
    window, names = story
    qtmodeltester.check(window.library.sources)
    labels = _labels(window)
    assert labels[names["port-wire"]] == "original · 4"
    for copy in ("port-wire~repost", "port-wire~pickup", "port-wire~rewrite"):
        assert labels[names[copy]] == "copy · 4"
    assert labels[names["port-business"]] == ""
    model = window.library.sources
    tip = model.index(model.row_of(names["port-wire~pickup"]), STORY_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "3 other sources" in tip and wire_title(window, names) in tip
    # sorted by the column: the family together, its original first
    window.library.table.sortByColumn(STORY_COLUMN, Qt.SortOrder.AscendingOrder)
    order = [model.index(r, 0).data(SOURCE_ID_ROLE) for r in range(model.rowCount())]
    assert order[0] == names["port-wire"] and order[-1] == names["port-business"]


def wire_title(window, names) -> str:
    return window.session.project.source(names["port-wire"]).meta.title


def test_only_this_story_from_the_keyboard_and_back(story, qtbot):
    window, names = story
    library = window.library
    library.select_source(names["port-wire~rewrite"])
    QTest.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert library.same_story.isChecked() and window.commands.same_story.isChecked()
    shown = set(_labels(window))
    assert shown == {names[n] for n in names if n.startswith("port-wire")}
    assert library.current_source() == names["port-wire~rewrite"]
    QTest.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not library.same_story.isChecked() and set(_labels(window)) == set(names.values())
    # a source of no family: only itself
    library.select_source(names["port-business"])
    qtbot.mouseClick(library.same_story, Qt.MouseButton.LeftButton)
    assert set(_labels(window)) == {names["port-business"]}


def test_the_reader_lists_the_relatives_and_follows_one(story, qtbot):
    window, names = story
    window.library.select_source(names["port-wire~repost"])
    label = window.reader.relatives
    assert label.isVisibleTo(window)
    text = label.text()
    assert text.startswith("A copy of a story also in:")
    assert f'href="source:{names["port-wire"]}"' in text and "— the original" in text
    assert f"source:{names['port-business']}" not in text
    # a filter hiding the relative is lifted when it is followed
    window.library.date_to.setText("2026-06-10")
    window.library._dates_changed()
    label.linkActivated.emit(f"source:{names['port-wire~pickup']}")
    assert window.library.current_source() == names["port-wire~pickup"]
    assert window.reader.source.id == names["port-wire~pickup"]
    assert window.library.date_to.text() == ""
    window.library.select_source(names["port-business"])
    assert not label.isVisibleTo(window)


def test_families_follow_an_import_and_its_undo(story, qtbot):
    window, names = story
    wire = next(s for s in storygen.samples() if s.name == "port-wire")
    another = storygen.replace(storygen.repost(wire, storygen.random.Random(9)), name="again")
    (source,) = window.session.editor.import_articles([read_text(another.pasted())])
    assert _labels(window)[source.id] == "copy · 5"
    assert _labels(window)[names["port-wire"]] == "original · 5"
    window.session.editor.undo()
    assert _labels(window)[names["port-wire"]] == "original · 4"


def test_an_excerpt_of_a_copy_offers_and_cites_the_original(story, qtbot):
    window, names = story
    session, project = window.session, window.session.project
    pickup = project.source(names["port-wire~pickup"])
    paragraph = next(s for s in pickup.sections if "union secretary" in s.text)
    (item_id,) = session.editor.add_excerpts(session.brief_id, [paragraph.id], 0)
    outline = window.brief.model
    row = next(r for r, i in enumerate(outline.items) if i.id == item_id)
    line = outline.index(row).data(SOURCE_LINE_ROLE)
    assert line.endswith(" · a copy")
    assert "Cite the Original Instead" in outline.index(row).data(Qt.ItemDataRole.ToolTipRole)
    window.brief.select_ids([item_id])
    window.commands.cite_original.trigger()
    cited = next(i for i in project.brief(session.brief_id).items if i.id == item_id)
    section = project.section(cited.section_id)
    assert section.source_id == names["port-wire"] and "union secretary" in section.text
    assert "1 excerpt now cites the original." in window.statusBar().currentMessage()
    assert not outline.index(row).data(SOURCE_LINE_ROLE).endswith(" · a copy")
    # one step to undo; and an excerpt of the original has nothing to change
    assert window.session.undo.undoText() == "Cite the original for 1 excerpt"
    window.session.editor.undo()
    restored = next(i for i in project.brief(session.brief_id).items if i.id == item_id)
    assert restored.section_id == paragraph.id
    window.session.editor.redo()
    window.commands.cite_original.trigger()
    assert "No selected excerpt comes from a copy" in window.statusBar().currentMessage()
