#!/usr/bin/env python3
"""Chart export benchmark: whole-process CPU time to draw one 1920x1080 PNG of three series
from a SQLite file, with `chiso export`, with gnuplot's pngcairo terminal (fed by the sqlite3
shell) and with a matplotlib script.

Usage: python3 benches/export_vs_gnuplot.py [--chiso target/release/chiso] [--runs 5]
Needs: `cargo build --release`, Debian's gnuplot-nox and sqlite3, PyPI's matplotlib.
Goal: chiso uses less CPU than gnuplot and at least 20x less than matplotlib.
"""
import argparse, os, statistics, subprocess, sys, tempfile

QUERY = """SELECT s.code, o.year, o.value FROM observation o
JOIN indicator i ON i.id = o.indicator_id JOIN source s ON s.id = o.source_id
JOIN area a ON a.id = o.area_id WHERE i.code = 'U5MR' AND a.code = 'VNM' ORDER BY s.code, o.year"""

MATPLOTLIB = r'''
import sqlite3, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = sqlite3.connect(sys.argv[1]).execute(sys.argv[3]).fetchall()
series = {}
for source, year, value in rows:
    series.setdefault(source, ([], []))
    series[source][0].append(year); series[source][1].append(value)
fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
for source, (x, y) in series.items():
    ax.plot(x, y, marker="o", label=source)
ax.axhline(25, linestyle="--", label="Target 2030")
ax.set_title("Under-five mortality rate"); ax.set_ylabel("Deaths per 1,000 live births")
ax.legend(); fig.savefig(sys.argv[2])
'''


def cpu(cmd, **kw):
    """CPU seconds (user + system) of a command and all its children."""
    before = os.times()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chiso", default="target/release/chiso")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "s.db")
        subprocess.run([args.chiso, "new", db, "--sample"], check=True, stdout=subprocess.DEVNULL)
        mpl = os.path.join(tmp, "plot.py")
        open(mpl, "w").write(MATPLOTLIB)
        gp = os.path.join(tmp, "plot.gp")
        data = os.path.join(tmp, "data.csv")
        open(gp, "w").write(f'''set terminal pngcairo size 1920,1080 font "Noto Sans,20"
set output "{tmp}/gnuplot.png"
set datafile separator ","
set title "Under-five mortality rate"
set ylabel "Deaths per 1,000 live births"
set key top right
plot for [s in "NEWS_VNA_2025_12 WB_API_2025_10 WB_WDI_2024_09"] "< grep ^".s." {data}" using 2:3 with linespoints title s, 25 with lines dashtype 2 title "Target 2030"
''')
        tools = {
            "chiso export": lambda: cpu([args.chiso, "export", db, "--indicator", "U5MR", "--area", "VNM", "--out", f"{tmp}/chiso.png"]),
            "sqlite3 + gnuplot pngcairo": lambda: cpu(["sh", "-c", f'sqlite3 -csv "{db}" "{QUERY}" > "{data}" && gnuplot "{gp}"']),
            "matplotlib (Agg)": lambda: cpu([sys.executable, mpl, db, f"{tmp}/mpl.png", QUERY]),
        }
        results = {}
        for name, run in tools.items():
            run()  # warm the file cache
            results[name] = statistics.median(run() for _ in range(args.runs))
            print(f"{name:28} {results[name] * 1000:8.1f} ms CPU (median of {args.runs})")
        base = results["chiso export"]
        print(f"gnuplot / chiso    : {results['sqlite3 + gnuplot pngcairo'] / base:.2f}x")
        print(f"matplotlib / chiso : {results['matplotlib (Agg)'] / base:.2f}x")


if __name__ == "__main__":
    main()
