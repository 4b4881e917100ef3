#!/usr/bin/env bash
# A package of 100,000 changed figures, written and applied: wall time, CPU time and peak
# memory of `chiso changes` (in a copy) and `chiso apply` (at the centre, a fresh copy of the
# centre's file for each run, copied outside the timing), medians of RUNS runs (default 5).
#
# The centre is a generated database of 300,000 figures; its copy changes 100,000 of them
# with one UPDATE through the sqlite3 shell (recorded by the audit triggers as any tool's
# change is), so the package holds 100,000 changed figures.
#
# Usage: cargo build --release && bash benches/exchange.sh [RUNS] (CHISO_BIN: another binary)
# Needs: /usr/bin/time (Debian `time`), sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
chiso=${CHISO_BIN:-target/release/chiso}
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CHISO_BACKUPS=off HOME="$work"
"$chiso" gen-sample "$work/centre.db" --observations 300000 --indicators 30 >/dev/null 2>&1
"$chiso" copy "$work/centre.db" "$work/copy.db" --for bench >/dev/null
sqlite3 "$work/copy.db" "UPDATE observation SET value = value + 1 WHERE id % 3 = 0;"
changed=$(sqlite3 "$work/copy.db" "SELECT count(*) FROM observation WHERE id % 3 = 0;")

report() {
    python3 - "$work/times" "$1" "$2" <<'PY'
import os, statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
size = os.path.getsize(sys.argv[3]) / 1024
print(f"{sys.argv[2]}: wall {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms, peak {rss:.1f} MiB, file {size:.0f} KiB ({len(rows)} runs)")
PY
}

: >"$work/times"
for _ in $(seq "$runs"); do
    rm -f "$work/p.chisochanges"
    /usr/bin/time -f "%e %U %S %M" -a -o "$work/times" \
        "$chiso" changes "$work/copy.db" --out "$work/p.chisochanges" --since copy >/dev/null
done
report "chiso changes: a package of $changed changed figures" "$work/p.chisochanges"

: >"$work/times"
for _ in $(seq "$runs"); do
    cp "$work/centre.db" "$work/target.db"
    rm -f "$work/target.db-wal" "$work/target.db-shm"
    /usr/bin/time -f "%e %U %S %M" -a -o "$work/times" \
        "$chiso" apply "$work/target.db" "$work/p.chisochanges" --show 0 >/dev/null
done
report "chiso apply: the same package at the centre" "$work/target.db"
