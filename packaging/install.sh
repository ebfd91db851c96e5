#!/bin/sh
# Registers this unpacked Briefsmith for the current user: a menu entry, the icon, and .brief
# files opening in it. Nothing is copied elsewhere: move the folder, then run this again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
cp "$here/share/briefsmith.svg" "$data/icons/hicolor/scalable/apps/briefsmith.svg"
cp "$here/share/briefsmith-mime.xml" "$data/mime/packages/briefsmith.xml"
sed "s|^Exec=briefsmith|Exec=\"$here/briefsmith\"|" "$here/share/briefsmith.desktop" \
    > "$data/applications/briefsmith.desktop"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default briefsmith.desktop application/x-briefsmith-project || true
echo "Briefsmith is in the applications menu, and .brief files open in it."
echo "The command line: $here/briefsmith-cli --help"
