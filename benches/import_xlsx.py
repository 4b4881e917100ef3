#!/usr/bin/env python3
"""Import benchmark: a 20 MB World Bank "Excel" download (.xlsx: the Data sheet with its
preamble rows, one row per area, one column per year, full-precision doubles as the World Bank
writes them) against the same figures in Chiso's long CSV.

Usage: python3 benches/import_xlsx.py [AREAS] [--chiso target/release/chiso]
Build first with `cargo build --release`. The workbook is written with the standard library
(an .xlsx is XML in a ZIP; text cells inline, as spreadsheet exporters write them). Both
databases first get the same areas (untimed), so the timed runs import only the figures. The
goal: the workbook at no less than half the long CSV's speed.
"""
import argparse, csv, os, subprocess, sys, tempfile, zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_px_web import HEADER, timed  # noqa: E402

YEARS = range(1960, 2024)
CODE = "BE.NCH.RATE"


def area(i):
    return f"K{i:05}"


def value(i, year):
    # Seventeen significant digits, as the World Bank's doubles have.
    return repr(100 + (i % 9973) / 7.0 + (year - 1960) / 3.0)


def column(n):
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def row_xml(r, cells):
    out = [f'<row r="{r}">']
    for c, cell in enumerate(cells):
        ref = f"{column(c)}{r}"
        if isinstance(cell, str):
            out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell)}</t></is></c>')
        elif cell is not None:
            out.append(f'<c r="{ref}"><v>{cell}</v></c>')
    out.append("</row>")
    return "".join(out)


def workbook(path, areas):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            rows = [["Data Source", "World Development Indicators"], [],
                    ["Last Updated Date", "2025-10-07"], [],
                    ["Country Name", "Country Code", "Indicator Name", "Indicator Code"] + [str(y) for y in YEARS]]
            for r, cells in enumerate(rows, 1):
                f.write(row_xml(r, cells).encode())
            for i in range(areas):
                cells = [f"Khu vực {i:05}", area(i), "Bench rate (%)", CODE] + [value(i, y) for y in YEARS]
                f.write(row_xml(len(rows) + 1 + i, cells).encode())
            f.write(b"</sheetData></worksheet>")


def long_csv(path, areas, indicator, years):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i in range(areas):
            for year in years:
                w.writerow([indicator, area(i), "T", year, value(i, year), "", "", "", "WB_BENCH",
                            "Bench rate", "Per cent", "%", 2, "neutral", f"Khu vực {i:05}", "Total",
                            "World Bank bench", "World Bank", "Bench table", "", "2025-10-07", "", "", ""])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("areas", nargs="?", type=int, default=20_000)
    ap.add_argument("--chiso", default="target/release/chiso")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        warm = os.path.join(d, "areas.csv")
        long_csv(warm, args.areas, "OTHER", [1959])
        figures = os.path.join(d, "figures.csv")
        long_csv(figures, args.areas, "BE_NCH_RATE", YEARS)
        book = os.path.join(d, "API_BE.NCH.RATE_DS2_en_excel_v2.xlsx")
        workbook(book, args.areas)
        results = {}
        for kind, path in [("long CSV", figures), ("xlsx", book)]:
            db = os.path.join(d, f"{kind.replace(' ', '_')}.db")
            subprocess.run([args.chiso, "new", db], check=True, capture_output=True)
            subprocess.run([args.chiso, "import", db, warm], check=True, capture_output=True)
            if kind == "xlsx":
                # The indicator the workbook goes into, as the long CSV creates it.
                one = os.path.join(d, "one.csv")
                long_csv(one, 1, "BE_NCH_RATE", [1959])
                subprocess.run([args.chiso, "import", db, one], check=True, capture_output=True)
            wall, cpu, last = timed([args.chiso, "import", db, path])
            results[kind] = wall
            size = os.path.getsize(path) / 1e6
            print(f"{kind:8} {size:7.1f} MB  {wall:6.2f} s wall  {cpu:6.2f} s cpu  {last}")
        n = args.areas * len(YEARS)
        print(f"{n} figures; xlsx {n / results['xlsx']:,.0f} figures/s, long CSV "
              f"{n / results['long CSV']:,.0f} figures/s; xlsx takes "
              f"{results['xlsx'] / results['long CSV']:.2f}x the long CSV's time (goal: at most 2x)")


if __name__ == "__main__":
    main()
