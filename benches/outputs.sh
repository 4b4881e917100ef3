#!/usr/bin/env bash
# Whole-process wall time, CPU time and peak memory of the outputs for conferences and editors:
# the sample's five-view deck as one PDF (with its title page), a map of the 63 provinces as a
# 1920×1080 PNG, and a workbook of 100,000 generated figures (`chiso export-data --format xlsx`). Each is run RUNS times (default 5);
# the median of each column is reported, with the size of what was written.
#
# Usage: cargo build --release && bash benches/outputs.sh [RUNS] (CHISO_BIN: another binary)
# Needs: /usr/bin/time (Debian `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
chiso=${CHISO_BIN:-target/release/chiso}
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CHISO_BACKUPS=off HOME="$work"
"$chiso" new "$work/sample.db" --sample >/dev/null
"$chiso" gen-sample "$work/gen.db" --observations 100000 --indicators 20 >/dev/null 2>&1

# Runs the command RUNS times under /usr/bin/time; prints the medians of wall s, user+sys s
# and peak resident MiB.
measure() {
    local name=$1 out=$2
    shift 2
    : >"$work/times"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S %M" -a -o "$work/times" "$@" >/dev/null 2>&1
    done
    python3 - "$work/times" "$name" "$out" <<'PY'
import os, statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
size = os.path.getsize(sys.argv[3]) / 1024
print(f"{sys.argv[2]}: wall {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms, peak {rss:.1f} MiB, file {size:.0f} KiB ({len(rows)} runs)")
PY
}

measure "sample deck, 5 views + title page, PDF (vi)" "$work/deck.pdf" \
    "$chiso" export "$work/sample.db" --deck --format pdf --title-page --lang vi --out "$work/deck.pdf"
measure "map of the 63 provinces, 2016, 1920x1080 PNG" "$work/map.png" \
    "$chiso" export "$work/sample.db" --indicator U5MR --kind map --year 2016 --out "$work/map.png"
measure "workbook of 100,000 figures (20 indicators)" "$work/figures.xlsx" \
    "$chiso" export-data "$work/gen.db" --format xlsx --lang vi --out "$work/figures.xlsx"
measure "the same figures as long CSV, for comparison" "$work/figures.csv" \
    "$chiso" export-data "$work/gen.db" --out "$work/figures.csv"
