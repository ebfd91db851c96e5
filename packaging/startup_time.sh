#!/bin/bash
# Start-up time of a Briefsmith window, five times, each on a fresh HOME (so the demo library
# is built on the first start, as a new user meets it), under Xvfb:
#   packaging/startup_time.sh PATH/TO/briefsmith
# e.g. the unpacked bundle's ./briefsmith, or make run's .venv/bin/briefsmith.
set -euo pipefail
program=$(realpath "$1")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
for run in 1 2 3 4 5; do
    rm -rf "$1"/* "$1"/.[!.]* 2>/dev/null || true
    env -i HOME="$1" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
        "$2" --quit-after-start 2>/dev/null
done' _ "$home" "$program"
