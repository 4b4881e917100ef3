#!/usr/bin/env python3
"""Import benchmark: `chiso import` of a generated long CSV against the sqlite3 shell's
`.import` of the same file into a bare table (no schema, no indexes, no audit).

Usage: python3 benches/import_vs_sqlite3.py [ROWS] [--chiso target/release/chiso]
Build first with `cargo build --release`. Prints wall and CPU time, peak memory and the ratio.
The goal: chiso at most 1.5x the shell's time, with memory that does not grow with the file
(run with 100000 and 1000000 rows and compare the peaks).
"""
import argparse, csv, os, subprocess, sys, tempfile, time


def generate(path, rows):
    """50 indicators x 63 provinces x 40 years x subgroups, as many as `rows` needs."""
    header = ["indicator", "area", "subgroup", "period", "value", "status", "qualifier", "footnote", "source",
              "indicator_name", "unit", "unit_symbol", "decimals", "direction", "area_name", "subgroup_name",
              "source_name", "source_publisher", "source_title", "source_edition", "source_published",
              "source_url", "source_citation", "source_licence"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        n = 0
        subgroup = 0
        while n < rows:
            for ind in range(50):
                for area in range(63):
                    for year in range(1985, 2025):
                        if n >= rows:
                            return
                        value = (ind + 1) * 1.5 + area * 0.01 + (year - 1985) * 0.1 + subgroup * 0.001
                        w.writerow([f"IND_{ind:03}", f"VN-{area:02}", f"SG{subgroup}", year, f"{value:.4f}",
                                    "estimated" if year == 2024 else "", "", "", "GSO_2025",
                                    f"Indicator {ind} (tỷ lệ)", "Per cent", "%", 1, "higher_is_better",
                                    f"Tỉnh {area}", f"Subgroup {subgroup}", "GSO 2025", "General Statistics Office",
                                    "Statistical Yearbook", "2025", "2025-06-30", "", "GSO. Statistical Yearbook 2025.", ""])
                        n += 1
            subgroup += 1


def run(cmd, **kw):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--chiso", default="target/release/chiso")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "figures.csv")
        generate(data, args.rows)
        size_mb = os.path.getsize(data) / 1e6
        db = os.path.join(tmp, "chiso.db")
        subprocess.run([args.chiso, "new", db], check=True, stdout=subprocess.DEVNULL)
        bare = os.path.join(tmp, "bare.db")
        sq = run(["sqlite3", bare, "-cmd", ".mode csv", f".import {data} figures"])
        ch = run([args.chiso, "import", db, data, "--by", "bench"])
        print(f"{args.rows} rows, {size_mb:.0f} MB of CSV")
        print(f"sqlite3 .import : {sq[0]:6.2f} s wall, {sq[1]:6.2f} s CPU, {sq[2]:7.1f} MiB peak")
        print(f"chiso import    : {ch[0]:6.2f} s wall, {ch[1]:6.2f} s CPU, {ch[2]:7.1f} MiB peak")
        print(f"ratio (wall)    : {ch[0] / sq[0]:.2f}x")


if __name__ == "__main__":
    main()
