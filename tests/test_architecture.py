"""The arrows point one way: desktop -> exporters -> brief. brief imports no Qt."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "exporters", "desktop")


def _imports(package: str) -> list[tuple[str, str]]:
    found = []
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            found.extend((str(path.relative_to(ROOT)), name) for name in names)
    return found


def test_brief_imports_neither_qt_nor_outer_packages():
    bad = [(f, n) for f, n in _imports("brief") if n.split(".")[0] in FORBIDDEN]
    assert bad == []


def test_assets_are_data_with_a_finder_and_import_nothing_of_ours():
    """brief, exporters and desktop all find their files through `assets`: it must pull
    nothing in (no Qt, no package of ours)."""
    names = {n.split(".")[0] for _, n in _imports("assets")}
    assert names <= {"__future__", "importlib", "pathlib"}


def test_exporters_do_not_import_qt_or_the_window():
    bad = [
        (f, n)
        for f, n in _imports("exporters")
        if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "desktop")
    ]
    assert bad == []


def test_importing_every_brief_module_loads_no_qt():
    code = (
        "import importlib, pkgutil, sys, brief\n"
        "for m in pkgutil.walk_packages(brief.__path__, 'brief.'):\n"
        "    importlib.import_module(m.name)\n"
        "import brief.ingest\n"
        "brief.ingest.read_text('A short test paragraph that has enough words in it to count.')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in %r]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    ).replace("%r", repr(FORBIDDEN))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_desktop_module_is_over_400_lines():
    """The window is wiring; a module that grows past this is doing two things."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "desktop").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_every_package_logs_through_its_own_logger():
    for package in ("brief", "desktop", "exporters"):
        named = [
            p
            for p in (ROOT / package).rglob("*.py")
            if "logging.getLogger(__name__)" in p.read_text(encoding="utf-8")
        ]
        assert named, package
