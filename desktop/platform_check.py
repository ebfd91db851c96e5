"""Before Qt starts on X11: are the system libraries its xcb plugin needs installed?

Qt's own answer to a missing one is an abort ("could not load the Qt platform plugin
xcb"). This asks the dynamic linker (ldd) which libraries of the plugin are missing and
names the Debian packages to install, in one apt-get line.
`python -m desktop.platform_check` exits 1 with that line (`make run` calls it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: The xcb plugin's libraries that a desktop may lack, and the Debian packages holding them.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _plugin_files() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]


def missing_libraries() -> list[str]:
    """Sonames the xcb plugin needs and the linker cannot find ([] when unsure)."""
    ldd = shutil.which("ldd")
    if ldd is None or not sys.platform.startswith("linux"):
        return []
    missing: set[str] = set()
    for path in _plugin_files():
        if not path.exists():
            continue
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20)
        missing |= set(re.findall(r"^\s*(\S+) => not found", result.stdout, re.MULTILINE))
    return sorted(missing)


def install_line(missing: list[str]) -> str:
    packages = sorted({PACKAGES.get(name, name) for name in missing})
    return "sudo apt-get install " + " ".join(packages)


def wants_xcb() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def problem() -> str:
    """What to tell the user before Qt would abort, or "" when all is there."""
    if not wants_xcb():
        return ""
    missing = missing_libraries()
    if not missing:
        return ""
    return (
        "Briefsmith's window needs system libraries that are not installed: "
        + ", ".join(missing)
        + ".\nInstall them with:\n\n    "
        + install_line(missing)
        + "\n"
    )


def main() -> int:
    message = problem()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
