#!/bin/sh
# Removes what install.sh registered (the menu entry, the icon, the .brief file type). Your
# projects and the demo library in your data folder are left as they are.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -f "$data/applications/briefsmith.desktop" "$data/mime/packages/briefsmith.xml" \
    "$data/icons/hicolor/scalable/apps/briefsmith.svg"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Briefsmith is no longer in the menu. Delete its folder to remove the program itself."
