#!/usr/bin/env python3
"""Makes vn_areas_2025.csv, the provinces Chiso knows, from the project's geo folder
(../shared/geo: vn_province_merger_2025.csv, vn_provinces_34.geojson, vn_regions.csv).

Run from the repository: python3 assets/geo/make_areas.py ../shared/geo
The CSV is read by schema migration 4 (src/store/schema.rs): once released it never changes.

Rows: the 63 provinces of 2008-2025 (ISO 3166-2 codes), valid until 2025-06-30 unless their
territory is unchanged; the 23 units the 2025 reform made by merging (valid from 2025-07-01;
ISO 3166-2 has no codes for them yet, so Chiso's are VN-2025-<GSO code>); each with its GSO
code, its region (by the seat of its government for a unit spanning two) and successors.
"""
import csv, json, sys
from collections import defaultdict

geo = sys.argv[1] if len(sys.argv) > 1 else "../shared/geo"
REGION = {"TDMNPB": "VN-R-NMM", "DBSH": "VN-R-RRD", "BTB_DHMT": "VN-R-NCC",
          "TN": "VN-R-CH", "DNB": "VN-R-SE", "DBSCL": "VN-R-MRD"}

merger = list(csv.DictReader(open(f"{geo}/vn_province_merger_2025.csv", encoding="utf-8")))
old63 = {f["properties"]["gso_code"]: f["properties"]
         for f in json.load(open(f"{geo}/vn_provinces_63.geojson", encoding="utf-8"))["features"]}
new34 = {f["properties"]["gso_code"]: f["properties"]
         for f in json.load(open(f"{geo}/vn_provinces_34.geojson", encoding="utf-8"))["features"]}
predecessors = defaultdict(list)
for row in merger:
    predecessors[row["new_gso_code"]].append(row["old_gso_code"])
unchanged = {new for new, olds in predecessors.items() if len(olds) == 1 and olds[0] == new}

def new_code(gso):
    return new34[gso]["iso_3166_2"] if gso in unchanged else f"VN-2025-{gso}"

out = csv.writer(open("assets/geo/vn_areas_2025.csv", "w", encoding="utf-8", newline=""),
                 lineterminator="\n")
out.writerow(["code", "gso_code", "name_vi", "region", "valid_from", "valid_until", "successors"])
for gso in sorted(old63):
    p = old63[gso]
    successor = next(r["new_gso_code"] for r in merger if r["old_gso_code"] == gso)
    if successor in unchanged:
        # The same territory on both sides of the reform: one area, under the name its
        # series are published with (Thừa Thiên Huế, "Huế" since 1 January 2025).
        out.writerow([p["iso_3166_2"], gso, p["name_vi"], REGION[p["region_id"]], "", "", ""])
    else:
        out.writerow([p["iso_3166_2"], gso, p["name_vi"], REGION[p["region_id"]], "", "2025-06-30",
                      new_code(successor)])
for gso in sorted(new34):
    if gso in unchanged:
        continue
    p = new34[gso]
    seat_region = old63[p["seat_in_old_gso"]]["region_id"]
    out.writerow([new_code(gso), gso, p["name_vi"], REGION[seat_region], "2025-07-01", "", ""])
