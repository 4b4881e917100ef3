#!/usr/bin/env bash
# Resident memory of Chiso's window and of DB Browser for SQLite (Debian `sqlitebrowser`) with
# the same generated million-figure file open, each in a real window under Xvfb.
#
# Usage: cargo build --release && bash benches/rss_vs_sqlitebrowser.sh [DB]
# Needs: xvfb xdotool imagemagick sqlitebrowser (Debian). Without DB, generates one with
# `chiso gen-sample --observations 1000000` in target/bench-data/.
#
# Each program is started on a copy of the file (Chiso's own copy may be written: its WAL),
# given time to load and draw, then used a little as a person would: a click on another
# indicator of Chiso's catalogue; in DB Browser, the figures table it was asked to browse
# (-t) scrolled down with the wheel. Reported: VmRSS
# (resident now) and VmHWM (peak resident) from /proc, and a screenshot of each window.
set -euo pipefail
cd "$(dirname "$0")/.."
chiso=target/release/chiso
data=target/bench-data
mkdir -p "$data"
db=${1:-$data/gen-1000000.db}
if [ ! -f "$db" ]; then
    "$chiso" gen-sample "$db" --observations 1000000
fi
work=$(mktemp -d)
display=:78
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sleep 2

memory() { # PID -> "rss_mib peak_mib"
    awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "%.0f %.0f", r/1024, h/1024}' "/proc/$1/status"
}

measure() { # NAME WINDOW-NAME "XDOTOOL ARGUMENTS" COMMAND...
    local name=$1 title=$2 use=$3
    shift 3
    DISPLAY=$display HOME="$work/home-$name" "$@" >"$work/$name.log" 2>&1 &
    app=$!
    local window=
    for _ in $(seq 1 60); do
        sleep 1
        window=$(DISPLAY=$display xdotool search --name "$title" 2>/dev/null | head -n 1 || true)
        [ -n "$window" ] && break
    done
    [ -n "$window" ] || { echo "$name: no window"; cat "$work/$name.log"; exit 1; }
    sleep 8
    local loaded
    loaded=$(memory "$app")
    # shellcheck disable=SC2086 # the arguments are words on purpose
    DISPLAY=$display xdotool $use >/dev/null 2>&1 || true
    sleep 4
    DISPLAY=$display import -window root "target/rss-$name.png"
    local after
    after=$(memory "$app")
    echo "$name: after loading: resident ${loaded% *} MiB; after use: resident ${after% *} MiB, peak ${after#* } MiB (screenshot target/rss-$name.png)"
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=
}

cp "$db" "$work/chiso.db"
cp "$db" "$work/dbb.db"
mkdir -p "$work/home-chiso" "$work/home-sqlitebrowser"
echo "file: $db ($(du -m "$db" | cut -f1) MiB)"
measure chiso Chiso "mousemove 150 330 click 1 sleep 2 mousemove 150 470 click 1" \
    "$chiso" "$work/chiso.db"
measure sqlitebrowser "DB Browser" "mousemove 250 400 click --repeat 40 --delay 50 5" \
    sqlitebrowser -R -t observation "$work/dbb.db"
