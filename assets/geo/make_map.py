#!/usr/bin/env python3
"""Makes the map's boundaries in the form Chiso loads: vn_map.json, from the project's geo
folder (../shared/geo: the 63 provinces valid until 2025-06-30, the 34 units valid from
2025-07-01, the Hoàng Sa and Trường Sa archipelagos).

Each polygon is projected once, here, rather than at every start: an equirectangular
projection whose x is shrunk by the cosine of 16° N (the middle of Viet Nam's latitudes), so
that the country's shape is true at its centre; y grows southwards, as on a screen. Points are
rounded to 1/1000 of a projected degree (about 110 m), and points that rounding makes equal
are dropped. Rings are closed
implicitly (the first point is not repeated).

Areas are keyed by Chiso's own codes (vn_areas_2025.csv beside this script), matched on GSO
codes: the 63 set by the areas valid before 1 July 2025, the 34 set by those valid after it.

Usage: python3 assets/geo/make_map.py [GEO_DIR]   (default: ../shared/geo)
"""

import csv
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "geo")
SCALE = 1000
COS = math.cos(math.radians(16.0))


def project(lon, lat):
    return (round(lon * COS * SCALE), round(-lat * SCALE))


def ring(points):
    out = []
    for lon, lat in points:
        p = project(lon, lat)
        if out and out[-1] == p:
            continue
        out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return [c for p in out for c in p]


def polygons(geometry):
    coords = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        coords = [coords]
    return [[ring(r) for r in poly if len(r) >= 4] for poly in coords]


def main():
    areas = list(csv.DictReader(open(os.path.join(HERE, "vn_areas_2025.csv"), encoding="utf-8")))
    before = {a["gso_code"]: a["code"] for a in areas if not a["valid_from"]}
    after = {a["gso_code"]: a["code"] for a in areas if not a["valid_until"]}
    out = {
        "about": "Made by assets/geo/make_map.py from ../shared/geo; see assets/geo/README.md",
        "projection": "equirectangular, x = lon * cos(16 deg) * 1000, y = -lat * 1000",
        "sets": [],
        "islands": [],
    }
    for name, day, codes in [
        ("vn_provinces_63.geojson", "2025-06-30", before),
        ("vn_provinces_34.geojson", "2025-07-01", after),
    ]:
        features = json.load(open(os.path.join(GEO, name), encoding="utf-8"))["features"]
        shapes = []
        for f in features:
            gso = f["properties"]["gso_code"]
            if gso not in codes:
                sys.exit(f"{name}: GSO code {gso} is not in vn_areas_2025.csv")
            shapes.append({"code": codes[gso], "polygons": polygons(f["geometry"])})
        if len(shapes) != len(codes):
            sys.exit(f"{name}: {len(shapes)} features for {len(codes)} areas")
        shapes.sort(key=lambda s: s["code"])
        out["sets"].append({"valid_on": day, "areas": shapes})
    islands = json.load(open(os.path.join(GEO, "vn_islands.geojson"), encoding="utf-8"))["features"]
    for f in islands:
        p = f["properties"]
        out["islands"].append({
            "name_vi": p["name_vi"],
            "name_en": p["name_en"],
            "label": list(project(p["label_lon"], p["label_lat"])),
            "polygons": polygons(f["geometry"]),
        })
    path = os.path.join(HERE, "vn_map.json")
    with open(path, "w", encoding="utf-8") as w:
        json.dump(out, w, ensure_ascii=False, separators=(",", ":"))
        w.write("\n")
    points = sum(len(r) // 2 for s in out["sets"] for a in s["areas"] for p in a["polygons"] for r in p)
    print(f"{path}: {os.path.getsize(path)} bytes, {points} points")


if __name__ == "__main__":
    main()
