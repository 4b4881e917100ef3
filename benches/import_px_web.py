#!/usr/bin/env python3
"""Import benchmark: a 50,000-row GSO PX-Web table (areas as rows, ten years as columns,
500,000 figures) against the same figures in Chiso's long CSV.

Usage: python3 benches/import_px_web.py [AREAS] [--chiso target/release/chiso]
Build first with `cargo build --release`. Both databases first get the same 50,000 areas (and
one figure each of another indicator, untimed), so the timed runs import only the figures:
the PX-Web table matched to areas by name, the long CSV by code. The goal: PX-Web at no less
than half the long CSV's speed.
"""
import argparse, csv, os, subprocess, sys, tempfile, time

HEADER = ["indicator", "area", "subgroup", "period", "value", "status", "qualifier", "footnote", "source",
          "indicator_name", "unit", "unit_symbol", "decimals", "direction", "area_name", "subgroup_name",
          "source_name", "source_publisher", "source_title", "source_edition", "source_published",
          "source_url", "source_citation", "source_licence"]
YEARS = range(2015, 2025)


def name(i):
    return f"Khu vực {i:05}"


def value(i, year):
    return round(10 + (i % 997) * 0.01 + (year - 2015) * 0.1, 2)


def long_csv(path, areas, indicator, years):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(areas):
            for year in years:
                w.writerow([indicator, f"KV{i:05}", "T", year, value(i, year), "", "", "", "GSO_BENCH",
                            f"{indicator} (bench)", "Per cent", "%", 2, "neutral", name(i), "Total",
                            "GSO bench", "General Statistics Office", "Bench table", "", "2025-06-30", "", "", ""])


def px_web(path, areas):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write('"Bench rate by province by Cities, provinces and Year"\r\n\r\n')
        f.write('"Cities, provinces";' + ";".join(f'"{y}"' for y in YEARS) + "\r\n")
        for i in range(areas):
            f.write(f'"{name(i)}";' + ";".join(str(value(i, y)) for y in YEARS) + "\r\n")


def timed(cmd):
    start = time.perf_counter()
    before = os.times()
    done = subprocess.run(cmd, capture_output=True, text=True)
    after = os.times()
    wall = time.perf_counter() - start
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return wall, cpu, done.stdout.strip().splitlines()[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("areas", nargs="?", type=int, default=50_000)
    ap.add_argument("--chiso", default="target/release/chiso")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        warm = os.path.join(d, "areas.csv")
        long_csv(warm, args.areas, "OTHER", [2015])
        figures = os.path.join(d, "figures.csv")
        long_csv(figures, args.areas, "BENCH_RATE", YEARS)
        table = os.path.join(d, "table.csv")
        px_web(table, args.areas)
        results = {}
        for kind, path, extra in [("long CSV", figures, []), ("PX-Web", table, ["--map", "Bench rate=BENCH_RATE"])]:
            db = os.path.join(d, f"{kind.replace(' ', '_')}.db")
            subprocess.run([args.chiso, "new", db], check=True, capture_output=True)
            subprocess.run([args.chiso, "import", db, warm], check=True, capture_output=True)
            if kind == "PX-Web":
                # The indicator the table maps onto, as the long CSV creates it.
                one = os.path.join(d, "one.csv")
                long_csv(one, 1, "BENCH_RATE", [2014])
                subprocess.run([args.chiso, "import", db, one], check=True, capture_output=True)
            results[kind] = timed([args.chiso, "import", db, path, *extra])
        figures_count = args.areas * len(YEARS)
        for kind, (wall, cpu, last) in results.items():
            print(f"{kind:9} {wall:6.2f} s wall, {cpu:6.2f} s CPU, {figures_count / wall:9.0f} figures/s   {last}")
        ratio = results["PX-Web"][0] / results["long CSV"][0]
        print(f"PX-Web takes {ratio:.2f}x the long CSV's time (goal: at most 2x)")


if __name__ == "__main__":
    main()
