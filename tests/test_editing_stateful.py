"""The editing layer under random use: every operation, undo and redo at random points.

A hypothesis state machine drives `desktop.editor.Editor` on a bare session (no window) and
keeps a plain Python model of the briefs, their outlines and the sources beside it. After
every step the project must equal the model; at the end, undoing everything must give back
the initial project exactly, and redoing everything the final one.

CI runs 200 sequences of 40 steps. A longer run:
    BRIEFSMITH_STATEFUL_EXAMPLES=5000 make test PYTEST_ARGS=tests/test_editing_stateful.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)
from PySide6.QtWidgets import QApplication

from brief.briefs import UNTITLED
from brief.demo import build_demo
from brief.ingest import read_text
from brief.model import ItemKind
from brief.project import Project
from brief.story.dated import rebuild_events
from brief.story.index import rebuild
from brief.story.said import rebuild_quotes
from desktop.session import Session

EXAMPLES = int(os.environ.get("BRIEFSMITH_STATEFUL_EXAMPLES", "200"))
STEPS = int(os.environ.get("BRIEFSMITH_STATEFUL_STEPS", "40"))
TABLES = ("sources", "sections", "briefs", "brief_items")

# Sample articles written for this test (no third-party text).
SAMPLES = [
    f"Sample article {n}: ferries return to the estuary\n\n"
    f"The ferry service number {n} resumed on Monday after a winter of repairs, the harbour "
    "office said, and the first crossings were full before noon.\n\n"
    f"Passengers on crossing {n} said the new timetable suited commuters better than the old "
    "one, though the evening boats still leave too early for shift workers.\n"
    for n in range(4)
]

_TEMPLATE: dict[str, Path] = {}


def template() -> Path:
    """The demo library, built once and copied for each sequence."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="briefsmith-stateful-"))
        _TEMPLATE["path"] = build_demo(folder / "template.brief")
    return _TEMPLATE["path"]


def dump(project: Project) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (sqlite_sequence aside: ids only ever grow)."""
    db = project._db
    rows = {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    rows["rejected_matches"] = db.execute("SELECT * FROM rejected_matches ORDER BY a, b").fetchall()
    return rows


Item = tuple[int, str, str, int, int | None]  # id, kind, text, level, section id


@dataclass
class Model:
    """The briefs and sources as a plain Python value."""

    briefs: dict[int, tuple[str, list[Item]]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)  # source id -> title
    rejected: frozenset[tuple[int, int]] = frozenset()  # matches marked wrong

    def copy(self) -> Model:
        return Model(
            {k: (t, list(items)) for k, (t, items) in self.briefs.items()},
            dict(self.titles),
            self.rejected,
        )

    @staticmethod
    def of(project: Project) -> Model:
        return Model(
            {
                b.id or 0: (
                    b.title,
                    [(i.id or 0, i.kind.value, i.text, i.level, i.section_id) for i in b.items],
                )
                for b in project.briefs()
            },
            {r.id: r.title for r in project.source_rows()},
            frozenset(project._db.execute("SELECT a, b FROM rejected_matches").fetchall()),
        )


class EditingMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.app = QApplication.instance() or QApplication([])
        self.folder = Path(tempfile.mkdtemp(prefix="briefsmith-edit-"))
        path = self.folder / "p.brief"
        shutil.copy(template(), path)
        self.project = Project.open(path)
        self.session = Session(self.project)
        self.editor = self.session.editor
        self.refusals: list[str] = []
        self.editor.refused.connect(self.refusals.append)
        self.history = [Model.of(self.project)]
        self.at = 0  # where in `history` the project should be
        self.initial = dump(self.project)
        self.seen_ids: set[int] = {
            i[0] for _, items in self.history[0].briefs.values() for i in items
        }
        self.seen_briefs: set[int] = set(self.history[0].briefs)
        self.articles = [read_text(text, name=f"sample-{n}.txt") for n, text in enumerate(SAMPLES)]

    # -- helpers -----------------------------------------------------------------------------
    @property
    def model(self) -> Model:
        return self.history[self.at]

    def commit(self, model: Model) -> None:
        """A successful edit: the redo history beyond this point is gone, as on the stack."""
        self.history = [*self.history[: self.at + 1], model]
        self.at += 1

    def section_ids(self) -> list[int]:
        return [s.id or 0 for s in self.project.sections()]

    def pick_brief(self, data: st.DataObject) -> int:
        return data.draw(st.sampled_from(sorted(self.model.briefs)), label="brief")

    def pick_items(self, data: st.DataObject, brief: int) -> list[int]:
        ids = [i[0] for i in self.model.briefs[brief][1]]
        if not ids:
            return []
        return data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True), label="items")

    def new_ids(self, ids: list[int]) -> None:
        assert not set(ids) & self.seen_ids, f"ids reused: {set(ids) & self.seen_ids}"
        self.seen_ids |= set(ids)

    # -- outline operations ------------------------------------------------------------------
    @rule(data=st.data(), count=st.integers(1, 3), row=st.integers(-1, 30))
    def add_excerpts(self, data: st.DataObject, count: int, row: int) -> None:
        brief = self.pick_brief(data)
        sections = data.draw(
            st.lists(st.sampled_from(self.section_ids()), min_size=count, max_size=count)
        )
        ids = self.editor.add_excerpts(brief, sections, row)
        assert len(ids) == count and not self.refusals
        self.new_ids(ids)
        model = self.model.copy()
        title, items = model.briefs[brief]
        at = max(0, min(row, len(items)))
        new = [(i, "excerpt", "", 1, s) for i, s in zip(ids, sections, strict=True)]
        model.briefs[brief] = (title, items[:at] + new + items[at:])
        self.commit(model)

    @rule(
        data=st.data(),
        kind=st.sampled_from([ItemKind.HEADING, ItemKind.NOTE]),
        text=st.text(min_size=1, max_size=30).map(str.strip).filter(bool),
        level=st.integers(1, 3),
        row=st.integers(0, 30),
    )
    def add_text(
        self, data: st.DataObject, kind: ItemKind, text: str, level: int, row: int
    ) -> None:
        brief = self.pick_brief(data)
        item_id = self.editor.add_text(brief, kind, text, row, level)
        assert item_id and not self.refusals
        self.new_ids([item_id])
        model = self.model.copy()
        title, items = model.briefs[brief]
        at = min(row, len(items))
        model.briefs[brief] = (
            title,
            [*items[:at], (item_id, kind.value, text, level, None), *items[at:]],
        )
        self.commit(model)

    @rule(data=st.data(), row=st.integers(0, 30))
    def move(self, data: st.DataObject, row: int) -> None:
        brief = self.pick_brief(data)
        ids = self.pick_items(data, brief)
        done = self.editor.move(brief, ids, row)
        assert done == bool(ids) and not self.refusals
        if not ids:
            return
        model = self.model.copy()
        title, items = model.briefs[brief]
        moving = [i for i in items if i[0] in ids]
        rest = [i for i in items if i[0] not in ids]
        before = sum(1 for n, i in enumerate(items) if n < row and i[0] not in ids)
        model.briefs[brief] = (title, rest[:before] + moving + rest[before:])
        self.commit(model)

    @rule(data=st.data(), step=st.sampled_from([-1, 1]))
    def set_level(self, data: st.DataObject, step: int) -> None:
        brief = self.pick_brief(data)
        ids = self.pick_items(data, brief)
        changed = self.editor.set_level(brief, ids, step)
        title, items = self.model.briefs[brief]
        expected = [
            i[0] for i in items if i[0] in ids and i[1] == "heading" and 1 <= i[3] + step <= 3
        ]
        assert sorted(changed) == sorted(expected) and not self.refusals
        if expected:
            model = self.model.copy()
            model.briefs[brief] = (
                title,
                [(i[0], i[1], i[2], i[3] + step, i[4]) if i[0] in expected else i for i in items],
            )
            self.commit(model)

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        brief = self.pick_brief(data)
        ids = self.pick_items(data, brief)
        assert self.editor.remove(brief, ids) == bool(ids) and not self.refusals
        if ids:
            model = self.model.copy()
            title, items = model.briefs[brief]
            model.briefs[brief] = (title, [i for i in items if i[0] not in ids])
            self.commit(model)

    @rule(data=st.data(), text=st.text(max_size=20).map(str.strip))
    def edit_text(self, data: st.DataObject, text: str) -> None:
        brief = self.pick_brief(data)
        items = self.model.briefs[brief][1]
        if not items:
            return
        item = data.draw(st.sampled_from(items))
        expected = item[1] != "excerpt" and bool(text) and text != item[2]
        assert self.editor.edit_text(brief, item[0], text) == expected and not self.refusals
        if expected:
            model = self.model.copy()
            title, its = model.briefs[brief]
            model.briefs[brief] = (
                title,
                [(i[0], i[1], text, i[3], i[4]) if i[0] == item[0] else i for i in its],
            )
            self.commit(model)

    @rule(data=st.data())
    def add_missing_section(self, data: st.DataObject) -> None:
        """The domain refuses: the user is told, and nothing changes (no undo step)."""
        brief = self.pick_brief(data)
        before = self.session.undo.count()
        assert self.editor.add_excerpts(brief, [10**9], 0) == []
        assert self.refusals and "no section" in self.refusals[-1]
        assert self.session.undo.count() == before
        self.refusals.clear()

    # -- sources -----------------------------------------------------------------------------
    @rule(data=st.data(), title=st.text(min_size=1, max_size=30).map(str.strip).filter(bool))
    def edit_title(self, data: st.DataObject, title: str) -> None:
        source = data.draw(st.sampled_from(sorted(self.model.titles)))
        assert self.editor.edit_meta(source, title=title) and not self.refusals
        model = self.model.copy()
        model.titles[source] = title
        self.commit(model)

    @rule(data=st.data(), day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
    def edit_date(self, data: st.DataObject, day: date) -> None:
        """A source's date corrected: the days its "on Tuesday" names move with it."""
        source = data.draw(st.sampled_from(sorted(self.model.titles)))
        assert self.editor.edit_meta(source, published=day.isoformat()) and not self.refusals
        self.commit(self.model.copy())

    @rule(data=st.data())
    def import_articles(self, data: st.DataObject) -> None:
        articles = data.draw(
            st.lists(st.sampled_from(range(len(self.articles))), min_size=1, max_size=2)
        )
        sources = self.editor.import_articles([self.articles[n] for n in articles])
        assert len(sources) == len(articles) and not self.refusals
        model = self.model.copy()
        for source in sources:
            assert source.id not in model.titles
            model.titles[source.id or 0] = source.meta.title
        self.commit(model)

    # -- briefs ------------------------------------------------------------------------------
    @rule(title=st.text(min_size=1, max_size=20).map(str.strip).filter(bool))
    def new_brief(self, title: str) -> None:
        brief = self.editor.new_brief(title)
        assert brief and brief not in self.seen_briefs and not self.refusals
        self.seen_briefs.add(brief)
        model = self.model.copy()
        model.briefs[brief] = (title, [])
        self.commit(model)

    @rule(data=st.data(), title=st.text(min_size=1, max_size=20).map(str.strip).filter(bool))
    def rename_brief(self, data: st.DataObject, title: str) -> None:
        brief = self.pick_brief(data)
        old, items = self.model.briefs[brief]
        assert self.editor.rename_brief(brief, title) == (title != old) and not self.refusals
        if title != old:
            model = self.model.copy()
            model.briefs[brief] = (title, items)
            self.commit(model)

    @rule(data=st.data())
    def duplicate_brief(self, data: st.DataObject) -> None:
        brief = self.pick_brief(data)
        copy = self.editor.duplicate_brief(brief)
        assert copy and copy not in self.seen_briefs and not self.refusals
        self.seen_briefs.add(copy)
        title, items = self.model.briefs[brief]
        copied = self.project.brief(copy).items
        self.new_ids([i.id or 0 for i in copied])
        model = self.model.copy()
        model.briefs[copy] = (
            f"{title} (copy)",
            [(c.id or 0, *i[1:]) for c, i in zip(copied, items, strict=True)],
        )
        self.commit(model)

    @rule(data=st.data())
    def delete_brief(self, data: st.DataObject) -> None:
        brief = self.pick_brief(data)
        assert self.editor.delete_brief(brief) and not self.refusals
        model = self.model.copy()
        del model.briefs[brief]
        if not model.briefs:  # the project keeps one brief: an empty, new one
            (made,) = [b.id or 0 for b in self.project.briefs()]
            assert made not in self.seen_briefs
            self.seen_briefs.add(made)
            model.briefs[made] = (UNTITLED, [])
        self.commit(model)

    # -- corroboration -----------------------------------------------------------------------
    @rule(data=st.data())
    def mark_match(self, data: st.DataObject) -> None:
        """A match marked wrong, or its mark taken back, from the panel's button."""
        section = data.draw(st.sampled_from(self.section_ids()), label="section")
        matches = self.session.support(section).matches
        if not matches:
            return
        match = data.draw(st.sampled_from(matches), label="match")
        assert self.editor.mark_match(section, match.section_id, not match.rejected)
        pair = (min(section, match.section_id), max(section, match.section_id))
        model = self.model.copy()
        model.rejected = model.rejected ^ {pair}
        assert (pair in model.rejected) != match.rejected
        self.commit(model)

    # -- undo and redo -----------------------------------------------------------------------
    @precondition(lambda self: self.at > 0)
    @rule()
    def undo(self) -> None:
        assert self.session.undo.canUndo()
        assert self.editor.undo() and not self.refusals
        self.at -= 1

    @precondition(lambda self: self.at < len(self.history) - 1)
    @rule()
    def redo(self) -> None:
        assert self.session.undo.canRedo()
        assert self.editor.redo() and not self.refusals
        self.at += 1

    # -- checks ------------------------------------------------------------------------------
    @invariant()
    def project_equals_model(self) -> None:
        assert Model.of(self.project) == self.model
        assert self.session.undo.index() == self.at
        assert self.session.brief_id in self.model.briefs

    @invariant()
    def story_index_equals_a_rebuild(self) -> None:
        """Kept as articles come and go (imports, their undo and redo), the near-duplicate
        index holds what indexing the project from scratch gives."""
        db = self.project._db
        # Which of a set of twins (sections with the same words) holds their keys depends on
        # the order they came in: compared are the keys each set of words has.
        query = {
            "keys": "SELECT s.runs, group_concat(k.key) FROM section_sketches s JOIN"
            " (SELECT * FROM section_keys ORDER BY key) k ON k.section_id = s.section_id"
            " GROUP BY s.runs ORDER BY 1",
            "holders": "SELECT runs, COUNT(*) FROM section_sketches WHERE twin IS NULL"
            " GROUP BY runs ORDER BY 1",
            "twins": "SELECT COUNT(*) FROM section_sketches t JOIN section_sketches s"
            " ON s.section_id = t.twin WHERE s.twin IS NULL AND s.runs = t.runs",
            "sketches": "SELECT section_id, source_id, runs, runs_hash FROM section_sketches"
            " ORDER BY 1",
            "matches": "SELECT * FROM section_matches ORDER BY 1, 2",
        }
        kept = {name: db.execute(sql).fetchall() for name, sql in query.items()}
        assert all(count == 1 for _, count in kept["holders"])
        assert (
            kept["twins"]
            == db.execute("SELECT COUNT(*) FROM section_sketches WHERE twin IS NOT NULL").fetchall()
        )
        families = self.project.families()
        db.execute("BEGIN")
        try:
            rebuild(db)
            assert {name: db.execute(sql).fetchall() for name, sql in query.items()} == kept
            assert self.project.families() == families
        finally:
            db.execute("ROLLBACK")

    @invariant()
    def quotes_and_days_equal_a_rebuild(self) -> None:
        """Kept as articles come and go and their dates change (imports, edits, their undo
        and redo), the quotes and the days hold what finding them afresh gives."""
        db = self.project._db
        query = (
            'SELECT section_id, source_id, start, "end", speaker, speaker_key, role, direct'
            " FROM quotes ORDER BY 1, 3",
            'SELECT section_id, source_id, start, "end", day FROM events ORDER BY 1, 3',
        )
        kept = [db.execute(sql).fetchall() for sql in query]
        db.execute("BEGIN")
        try:
            rebuild_quotes(db)
            rebuild_events(db)
            assert [db.execute(sql).fetchall() for sql in query] == kept
        finally:
            db.execute("ROLLBACK")

    @invariant()
    def remembered_corroboration_is_current(self) -> None:
        """What the session keeps for the badges is what working it out afresh gives, after
        imports, marks and their undo."""
        brief = self.project.brief(self.session.brief_id)
        families = self.project.families()
        for item in brief.items[:8]:
            if item.section_id is not None:
                fresh = self.project.support(item.section_id, families)
                assert self.session.support(item.section_id) == fresh

    @invariant()
    def file_is_sound(self) -> None:
        assert self.project._db.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    def teardown(self) -> None:
        try:
            while self.session.undo.canRedo():  # to the last step made
                assert self.editor.redo(), self.refusals
            assert Model.of(self.project) == self.history[-1]
            final = dump(self.project)
            while self.session.undo.canUndo():
                assert self.editor.undo(), self.refusals
            assert dump(self.project) == self.initial, "undoing everything must restore the start"
            while self.session.undo.canRedo():
                assert self.editor.redo(), self.refusals
            assert dump(self.project) == final, "redoing everything must give the end back"
            check = self.project._db.execute("PRAGMA integrity_check").fetchone()[0]
            assert check == "ok"
        finally:
            self.session.close()
            shutil.rmtree(self.folder, ignore_errors=True)


EditingMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestEditing = EditingMachine.TestCase


def test_undo_of_a_refused_step_is_never_on_the_stack(tmp_path):
    """A plain check of the refusal path (the machine also draws it at random)."""
    path = tmp_path / "p.brief"
    shutil.copy(template(), path)
    session = Session(Project.open(path))
    refused: list[str] = []
    session.editor.refused.connect(refused.append)
    try:
        assert session.editor.add_excerpts(session.brief_id, [10**9], 0) == []
        assert "no section" in refused[0] and session.undo.count() == 0
        assert not session.undo.canUndo()
    finally:
        session.close()
