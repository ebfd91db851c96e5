#!/bin/bash
# Checks a built bundle the way a user meets it: unpacked in a fresh folder, run with a fresh
# HOME, PATH=/usr/bin:/bin, no virtual environment and no PYTHONPATH.
#   packaging/check_bundle.sh dist/Briefsmith-VERSION-linux-x86_64.tar.gz
# It imports the demo articles and exports a brief as PDF and DOCX with the bundle's
# briefsmith-cli, checks that the PDF's fonts are the shipped ones, embedded, and the same with
# fontconfig off the PATH, starts the window under Xvfb (the time it takes is printed), and
# runs install.sh and uninstall.sh into a scratch XDG_DATA_HOME.
set -euo pipefail
tarball=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
app=$(echo "$work"/Briefsmith-*)
home="$work/home"
mkdir -p "$home" "$work/out"
clean=(env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8)
cli() { "${clean[@]}" "$app/briefsmith-cli" "$@"; }

echo "== size"
du -sh "$tarball" "$app" | sed "s|$work/||"

echo "== import the demo articles and export a brief"
cli import --quiet "$work/out/check.brief" "$root"/data/sample-*
cli brief new "$work/out/check.brief" "Bundle check" >/dev/null
ids=$(cli sections "$work/out/check.brief" --json | "${clean[@]}" python3 -c \
    'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin) if s["kind"] == "paragraph"))')
# shellcheck disable=SC2086 # one argument per section id
cli brief add "$work/out/check.brief" 1 --section $ids
cli export "$work/out/check.brief" 1 --format pdf -o "$work/out/brief.pdf"
cli export "$work/out/check.brief" 1 --format docx -o "$work/out/brief.docx"
python3 -c 'import sys, zipfile; sys.exit("para." not in zipfile.ZipFile(sys.argv[1]).read("word/footnotes.xml").decode())' \
    "$work/out/brief.docx" || { echo "the DOCX has no footnotes" >&2; exit 1; }

echo "== fonts: the shipped ones, embedded"
pdffonts "$work/out/brief.pdf"
fonts=$(pdffonts "$work/out/brief.pdf" | tail -n +3)
if echo "$fonts" | awk '{print $1}' | sed 's/^[A-Z]*+//' | grep -v '^Noto'; then
    echo "a font that is not shipped with Briefsmith is in the PDF" >&2; exit 1
fi
if echo "$fonts" | awk '{print $(NF-4)}' | grep -qv yes; then
    echo "a font is not embedded" >&2; exit 1
fi

echo "== without fontconfig on the PATH: the same fonts and the same text"
mkdir -p "$work/nofc"
for program in /usr/bin/* /bin/*; do
    case ${program##*/} in fc-*) ;; *) [ -e "$work/nofc/${program##*/}" ] || ln -s "$program" "$work/nofc/" ;; esac
done
env -i HOME="$home" PATH="$work/nofc" LANG=C.UTF-8 "$app/briefsmith-cli" export \
    "$work/out/check.brief" 1 --format pdf -o "$work/out/nofc.pdf"
cmp <(pdffonts "$work/out/brief.pdf" | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort) \
    <(pdffonts "$work/out/nofc.pdf" | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort)
cmp <(pdftotext "$work/out/brief.pdf" -) <(pdftotext "$work/out/nofc.pdf" -)

if [ -x "$root/.venv/bin/briefsmith-cli" ]; then
    echo "== the same brief from make run's install: the same fonts and the same text"
    "$root/.venv/bin/briefsmith-cli" export "$work/out/check.brief" 1 --format pdf \
        -o "$work/out/checkout.pdf"
    cmp <(pdffonts "$work/out/brief.pdf" | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort) \
        <(pdffonts "$work/out/checkout.pdf" | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort)
    cmp <(pdftotext "$work/out/brief.pdf" -) <(pdftotext "$work/out/checkout.pdf" -)
fi

echo "== the window, under Xvfb"
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c \
        "env -i HOME='$home' PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY=\$DISPLAY XAUTHORITY=\$XAUTHORITY \
         '$app/briefsmith' --quit-after-start"
else
    echo "xvfb-run is not installed: the window was not started" >&2
    [ -z "${CI:-}" ] || exit 1
fi

echo "== install.sh and uninstall.sh"
data="$work/xdg"
XDG_DATA_HOME="$data" "$app/install.sh" >/dev/null
grep -q "^Exec=\"$app/briefsmith\" %f" "$data/applications/briefsmith.desktop"
test -f "$data/mime/packages/briefsmith.xml" && test -f "$data/icons/hicolor/scalable/apps/briefsmith.svg"
XDG_DATA_HOME="$data" "$app/uninstall.sh" >/dev/null
test ! -e "$data/applications/briefsmith.desktop"
echo "bundle check passed"
