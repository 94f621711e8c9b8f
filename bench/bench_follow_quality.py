"""Quality of road-following division (issue 3's targets) under different area bounds.

The issue asks, on the bundled sample and on the Manhattan network, for at least 80 % of the
interior grid-boundary length on followed lines and at least 90 % of grids within [0.5, 2] × the
target area. This script runs ``gridplugin:dividegrids`` (MODE=1) on both, once per pair of
``MIN_AREA`` / ``MAX_AREA`` (target 10,000 m² throughout), and prints the two shares next to the
targets. The first pair is the issue's defaults; the others show what each bound buys:

- a lower maximum splits the whole blocks between 2 × target and the maximum (more grids in range);
- a higher maximum keeps more blocks whole (fewer cuts off the lines, fewer grids in range).

Blocks above the maximum are split into parts of about the target area in every run (the issue's
rule "number of parts from the target area"), so the share on lines moves little with the maximum.

Data: resources/sample/sample_district.gpkg (communities, roads with road_class) and
../shared/data/manhattan/ (37 neighbourhoods as communities with made-up codes, 7,124 OSM streets
with highway; © OpenStreetMap contributors, ODbL 1.0), divided in EPSG:32618.

    .venv/bin/python bench/bench_follow_quality.py            # both data sets, six pairs (~40 s)
    .venv/bin/python bench/bench_follow_quality.py --data sample
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import harness

SAMPLE = harness.REPO / "resources" / "sample" / "sample_district.gpkg"
MANHATTAN = harness.REPO.parent / "shared" / "data" / "manhattan"
BOUNDS = ((3_000, 25_000), (3_000, 20_000), (5_000, 20_000), (3_000, 30_000), (3_000, 40_000), (2_000, 50_000))
TARGET_ON_LINES, TARGET_NEAR = 0.80, 0.90


def manhattan_communities(folder: Path) -> str:
    """The neighbourhoods with a 12-digit community code each (as tests/qgis/conftest.py makes them)."""
    import fiona

    out = folder / "manhattan_communities.gpkg"
    schema = {"geometry": "MultiPolygon", "properties": {"code": "str", "name": "str"}}
    with fiona.open(MANHATTAN / "manhattan_boundaries.gpkg", layer="manhattan_neighborhoods") as source, \
            fiona.open(out, "w", driver="GPKG", layer="neighbourhoods", schema=schema, crs="EPSG:4326") as sink:
        for k, feature in enumerate(source):
            geometry = dict(feature["geometry"])
            if geometry["type"] == "Polygon":
                geometry = {"type": "MultiPolygon", "coordinates": [geometry["coordinates"]]}
            sink.write({"geometry": geometry,
                        "properties": {"code": f"990101001{k + 1:03d}", "name": feature["properties"]["name"]}})
    return str(out)


def parameters(data: str, folder: Path) -> dict:
    if data == "sample":
        return {"INPUT": f"{SAMPLE}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
                "COMMUNITY_NAME_FIELD": "community_name", "LINES": f"{SAMPLE}|layername=roads",
                "ROAD_CLASS_FIELD": "road_class"}
    return {"INPUT": manhattan_communities(folder), "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
            "LINES": f"{MANHATTAN / 'manhattan_osm_streets.gpkg'}|layername=osm_streets",
            "ROAD_CLASS_FIELD": "highway", "TARGET_CRS": "EPSG:32618", "OVERLAP_TOLERANCE": "10"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", choices=("sample", "manhattan", "both"), default="both")
    args = parser.parse_args(argv)
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing

    names = ("sample", "manhattan") if args.data == "both" else (args.data,)
    print(f"targets: on lines ≥ {TARGET_ON_LINES:.0%}, within 0.5–2 × target ≥ {TARGET_NEAR:.0%}; target 10,000 m²")
    print("| data | MIN_AREA | MAX_AREA | grids | on lines | within 0.5–2 × | both met | seconds |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name in names:
            base = {**parameters(name, folder), "MODE": "1"}
            for minimum, maximum in BOUNDS:
                started = time.perf_counter()
                result = processing.run("gridplugin:dividegrids", {
                    **base, "MIN_AREA": str(minimum), "MAX_AREA": str(maximum),
                    "OUTPUT": str(folder / f"{name}_{minimum}_{maximum}.gpkg")})
                seconds = time.perf_counter() - started
                count = json.loads(result["QUALITY"])["grid_count"]
                on_lines, near = result["BOUNDARY_ON_LINES"], result["SHARE_NEAR_TARGET"]
                met = "yes" if on_lines >= TARGET_ON_LINES and near >= TARGET_NEAR else "no"
                print(f"| {name} | {minimum:,} | {maximum:,} | {count:,} | {on_lines:.1%} | {near:.1%} | {met} | "
                      f"{seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
