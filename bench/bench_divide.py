"""Benchmark: gridplugin:dividegrids against QGIS's native:creategrid + native:clip.

On the same synthetic districts of about 42, 1,400 and 16,400 km² (EPSG:4548, irregular outline
tiled exactly by Voronoi communities), one run times

- plugin: ``gridplugin:dividegrids`` (regular lattice, 100 m cells, 15-digit codes), and
- QGIS:   ``native:creategrid`` (rectangles, 100 m, over the communities' extent) followed by
          ``native:clip`` (INPUT = that grid, OVERLAY = the communities), in two chains:
          "qgis" writes the grid to an indexed GeoPackage before clipping (hand-tuned, fast);
          "qgis_temp" passes it as a temporary layer, as the graphical modeler and the toolbox's
          "Create temporary layer" do (clip then scans the unindexed layer: much slower),

each operation in a fresh worker process, both writing GeoPackages. It prints the median wall
time of the operation alone (not QGIS start-up), the peak RSS of each worker, the ratio
plugin/QGIS and the feature counts, then checks the targets (ratio <= 0.5 at 1,400 km²; plugin
peak memory <= 2 GiB at 16,400 km²).

    .venv/bin/python bench/bench_divide.py                       # all sizes (make bench)
    .venv/bin/python bench/bench_divide.py --sizes 42,1400 --repeats 1
    .venv/bin/python bench/bench_divide.py --skip-qgis-at 16400

The parent process imports nothing heavy (no numpy, shapely or QGIS) and generates the inputs in
a subprocess too: a child started from a big parent would inherit the parent's peak RSS in
ru_maxrss on Linux. Workers also report VmHWM (the peak of their own address space) as a check.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import harness

EPSG = 4548  # CGCS2000 3-degree Gauss-Krüger CM 117E
CENTRE = (450_000.0, 4_420_000.0)  # about 116.4E 39.9N (Beijing)
CELL_SIZE_M = 100.0
DISTRICT_CODE = "990101"  # province 99 does not exist in GB/T 2260: clearly synthetic
COMMUNITIES_PER_STREET = 15
SEED = 20240601
GENERATOR_VERSION = 2  # bump when the generator changes; part of the cache key

# area km² -> (Voronoi seed points, strength of the denser "urban core" in the seed density).
# Splitting cells above MAX_COMMUNITY_KM2 adds about 10 % at 16,400 km², giving ~6,500 communities
# (a mix of ~1 km² urban communities and 2-6 km² rural villages, like Beijing's); 42 km² gives
# ~170 (Dongcheng has 182) and 1,400 km² ~2,800.
SIZES = {42: (170, 0.0), 1400: (2_800, 1.0), 16400: (5_950, 1.5)}
DEFAULT_REPEATS = {42: 3, 1400: 3, 16400: 1}
# One community may hold at most 999 grids (3-digit sequence): about 9.9 km² of 100 m cells.
# Larger Voronoi cells are split until none exceeds this.
MAX_COMMUNITY_KM2 = 6.0

TARGET_RATIO_SIZE, TARGET_RATIO = 1400, 0.5
TARGET_MEMORY_SIZE, TARGET_MEMORY_MIB = 16400, 2048


# --- synthetic input (runs in a subprocess: numpy, shapely, fiona) ------------------------------


def district_outline(area_m2: float, rng):
    """An irregular star-shaped polygon of exactly area_m2 around CENTRE (a perturbed circle)."""
    import numpy as np
    import shapely

    theta = np.linspace(0.0, 2.0 * np.pi, 720, endpoint=False)
    radius = np.ones_like(theta)
    for k in range(2, 9):  # large lobes and bays; amplitudes sum to at most 0.41
        radius += rng.uniform(0.03, 0.12) * 2.0 / k * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    for k in range(9, 41):  # a ragged edge
        radius += rng.normal(0.0, 0.006) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    unit = shapely.Polygon(np.column_stack([radius * np.cos(theta), radius * np.sin(theta)]))
    scale = (area_m2 / unit.area) ** 0.5
    outline = shapely.affinity.affine_transform(unit, [scale, 0, 0, scale, *CENTRE])
    assert outline.is_valid, shapely.is_valid_reason(outline)
    return outline


def sample_points(polygon, count: int, rng, core_boost: float = 0.0):
    """count random points inside polygon; density 1 + core_boost·exp(-(d/0.35R)²) around CENTRE."""
    import numpy as np
    import shapely

    xmin, ymin, xmax, ymax = polygon.bounds
    core_radius = 0.35 * max(xmax - xmin, ymax - ymin) / 2.0
    shapely.prepare(polygon)
    found = []
    while sum(len(f) for f in found) < count:
        n = 4 * count + 16
        x, y = rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)
        density = 1.0 + core_boost * np.exp(-((x - CENTRE[0]) ** 2 + (y - CENTRE[1]) ** 2) / core_radius**2)
        keep = (rng.uniform(0.0, 1.0 + core_boost, n) < density) & shapely.contains_xy(polygon, x, y)
        found.append(np.column_stack([x[keep], y[keep]]))
    return np.concatenate(found)[:count]


def voronoi_pieces(polygon, points):
    """Voronoi cells of the points clipped to polygon, as single Polygons (parts split apart)."""
    import shapely

    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=polygon))
    clipped = shapely.intersection(cells, polygon)
    parts = shapely.get_parts(shapely.get_parts(clipped))  # collections, then multipolygons
    parts = parts[shapely.get_type_id(parts) == 3]
    return parts[shapely.area(parts) > 0.0]


def communities(outline, count: int, core_boost: float, rng):
    """Polygons tiling outline exactly: Voronoi cells of random seeds, big ones split again."""
    import numpy as np
    import shapely

    pieces = list(voronoi_pieces(outline, sample_points(outline, count, rng, core_boost)))
    cap = MAX_COMMUNITY_KM2 * 1e6
    done, queue = [], pieces
    while queue:
        big = [p for p in queue if p.area > cap]
        done += [p for p in queue if p.area <= cap]
        queue = []
        for piece in big:  # split into pieces of about half the cap
            n = max(2, int(np.ceil(piece.area / (cap / 2))))
            queue += list(voronoi_pieces(piece, sample_points(piece, n, rng)))
    result = np.array(done, dtype=object)
    invalid = ~shapely.is_valid(result)
    if invalid.any():  # never seen; repair and keep the polygonal parts to stay a tiling
        fixed = shapely.get_parts(shapely.get_parts(shapely.make_valid(result[invalid])))
        result = np.concatenate([result[~invalid], fixed[shapely.get_type_id(fixed) == 3]])
    return result


def check_tiling(outline, pieces) -> None:
    """Every piece a valid Polygon; pieces neither overlap nor leave gaps (to float precision)."""
    import numpy as np
    import shapely

    assert (shapely.get_type_id(pieces) == 3).all() and shapely.is_valid(pieces).all()
    total = float(np.sum(shapely.area(pieces)))
    union = shapely.union_all(pieces).area
    tolerance = 1e-9 * outline.area
    assert abs(total - outline.area) < tolerance, f"areas sum to {total}, outline {outline.area}"
    assert abs(union - outline.area) < tolerance, f"union {union}, outline {outline.area}: gaps"


def community_codes(pieces) -> list[str]:
    """12-digit codes: streets of COMMUNITIES_PER_STREET neighbours in reading order."""
    import numpy as np
    import shapely

    centroids = shapely.centroid(pieces)
    x, y = shapely.get_x(centroids), shapely.get_y(centroids)
    band = 4.0 * np.sqrt(np.mean(shapely.area(pieces)))  # rows of a few communities' height
    order = np.lexsort((x, -np.floor(y / band)))
    codes = [""] * len(pieces)
    for rank, k in enumerate(order):
        street, community = divmod(rank, COMMUNITIES_PER_STREET)
        assert street < 999, "too many streets for a 3-digit street code"
        codes[k] = f"{DISTRICT_CODE}{street + 1:03d}{community + 1:03d}"
    return codes


def generate(size_km2: int, path: Path) -> dict:
    """Write the communities of one synthetic district to path (GeoPackage); return its facts."""
    import fiona
    import numpy as np
    import shapely
    from fiona.crs import CRS

    count, core_boost = SIZES[size_km2]
    rng = np.random.default_rng([SEED, size_km2])
    outline = district_outline(size_km2 * 1e6, rng)
    pieces = communities(outline, count, core_boost, rng)
    check_tiling(outline, pieces)
    codes = community_codes(pieces)
    schema = {"geometry": "Polygon", "properties": {"community_code": "str:12"}}
    partial = path.with_suffix(".partial.gpkg")
    with fiona.open(partial, "w", driver="GPKG", layer="communities", schema=schema,
                    crs=CRS.from_epsg(EPSG)) as sink:
        sink.writerecords({"geometry": shapely.geometry.mapping(p), "properties": {"community_code": c}}
                          for p, c in zip(pieces, codes))
    partial.rename(path)
    areas = shapely.area(pieces) / 1e6
    xmin, ymin, xmax, ymax = outline.bounds
    return {"communities": len(pieces), "area_km2": round(outline.area / 1e6, 3),
            "community_km2": {"min": float(areas.min()), "median": float(np.median(areas)),
                              "max": float(areas.max())},
            "extent": [xmin, xmax, ymin, ymax]}


# --- workers (run in a subprocess each: QGIS) ---------------------------------------------------


def worker_plugin(args) -> dict:
    """One gridplugin:dividegrids run: 100 m lattice, output GeoPackage."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing
    from qgis.core import QgsProcessingFeedback

    output = str(Path(args.out_dir) / "unit_grids.gpkg")
    with harness.measured() as figures:
        result = processing.run("gridplugin:dividegrids", {
            "INPUT": f"{args.input}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
            "CELL_SIZE": CELL_SIZE_M, "OUTPUT": output,
        }, feedback=QgsProcessingFeedback())
    return {**figures, "grids": int(result["GRID_COUNT"]), "written": harness.feature_count(output)}


def worker_qgis(args, intermediate: str = "gpkg") -> dict:
    """One native:creategrid (rectangles, 100 m, communities' extent) + native:clip run.

    intermediate "gpkg": the grid is written to an indexed GeoPackage before clipping (the fast,
    hand-tuned chain); "memory": a temporary layer, as the modeler and the toolbox pass it.
    """
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingFeedback

    grid = str(Path(args.out_dir) / "grid.gpkg") if intermediate == "gpkg" else "TEMPORARY_OUTPUT"
    clipped = str(Path(args.out_dir) / "clipped.gpkg")
    started = time.perf_counter()
    grid = processing.run("native:creategrid", {
        "TYPE": 2, "EXTENT": f"{args.extent} [EPSG:{EPSG}]", "HSPACING": CELL_SIZE_M,
        "VSPACING": CELL_SIZE_M, "HOVERLAY": 0, "VOVERLAY": 0, "CRS": f"EPSG:{EPSG}", "OUTPUT": grid,
    }, feedback=QgsProcessingFeedback())["OUTPUT"]
    grid_done = time.perf_counter()
    processing.run("native:clip", {
        "INPUT": grid, "OVERLAY": f"{args.input}|layername=communities", "OUTPUT": clipped,
    }, feedback=QgsProcessingFeedback())
    finished = time.perf_counter()
    peak = harness.peak_memory_mib()
    grid_cells = grid.featureCount() if not isinstance(grid, str) else harness.feature_count(grid)
    return {"seconds": finished - started, "creategrid_s": grid_done - started, "clip_s": finished - grid_done,
            **peak, "grid_cells": grid_cells, "cells": harness.feature_count(clipped)}


WORKERS = {"baseline": harness.worker_baseline, "plugin": worker_plugin, "qgis": worker_qgis,
           "qgis_temp": lambda args: worker_qgis(args, intermediate="memory")}
# The temporary-layer chain clips against an unindexed memory layer: ~2 minutes at 1,400 km²,
# hours at 16,400 km². It runs once per size, and not at the largest size by default.
TEMP_CHAIN_SIZES = (42, 1400)


# --- orchestration (parent process: standard library only) -------------------------------------


def describe(kind: str, r: dict) -> str:
    if kind.startswith("qgis"):
        return (f", creategrid {r['creategrid_s']:.1f} s + clip {r['clip_s']:.1f} s, "
                f"{r['grid_cells']:,} grid cells -> {r['cells']:,} clipped")
    return f", {r['grids']:,} grids ({r['written']:,} features written)"


def print_report(rows: list[dict], baseline: harness.ChildRun) -> None:
    """The summary table and the target lines."""
    header = ("size_km2", "communities", "plugin_grids", "plugin_s", "plugin_peak_MiB",
              "qgis_cells", "qgis_s", "qgis_peak_MiB", "ratio", "qgis_temp_s", "ratio_temp")
    widths = [max(len(h), 9) for h in header]
    print()
    if baseline.result:
        print(f"baseline (QGIS + Processing started, nothing run): peak "
              f"{baseline.result['ru_maxrss_mib']:.0f} MiB; included in both peak columns")
    else:
        print(f"baseline: {baseline.error} ({baseline.detail})")
    print("times: median wall time of the operation only; peaks: largest ru_maxrss over the runs")
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    for row in rows:
        plugin, qgis, temp = row["plugin"], row["qgis"], row["qgis_temp"]
        p_s, q_s, t_s = plugin.median("seconds"), qgis.median("seconds"), temp.median("seconds")
        ratio = p_s / q_s if p_s is not None and q_s else None
        ratio_temp = p_s / t_s if p_s is not None and t_s else None
        cells = [f"{row['size']:,}", f"{row['communities']:,}",
                 harness.fmt(plugin.median("grids"), plugin.error, ",.0f"), harness.fmt(p_s, plugin.error, ".2f"),
                 harness.fmt(plugin.peak_mib(), plugin.error, ".0f"),
                 harness.fmt(qgis.median("cells"), qgis.error, ",.0f"), harness.fmt(q_s, qgis.error, ".2f"),
                 harness.fmt(qgis.peak_mib(), qgis.error, ".0f"),
                 harness.fmt(ratio, plugin.error or qgis.error, ".2f"),
                 harness.fmt(t_s, temp.error, ".2f"), harness.fmt(ratio_temp, plugin.error or temp.error, ".2f")]
        row["ratio"], row["ratio_temp"] = ratio, ratio_temp
        print("  ".join(c.rjust(w) for c, w in zip(cells, widths)))
    print()
    by_size = {row["size"]: row for row in rows}
    ratio_row = by_size.get(TARGET_RATIO_SIZE)
    if ratio_row is None:
        print(f"ratio at {TARGET_RATIO_SIZE:,} km²: not measured (target <= {TARGET_RATIO})")
    elif ratio_row["ratio"] is None:
        print(f"ratio at {TARGET_RATIO_SIZE:,} km²: n/a (plugin {ratio_row['plugin'].error or 'ok'}, "
              f"QGIS {ratio_row['qgis'].error or 'ok'}) (target <= {TARGET_RATIO}) FAIL")
    else:
        for key, chain in (("ratio_temp", "creategrid -> temporary layer -> clip (modeler/toolbox chain)"),
                           ("ratio", "creategrid -> indexed GeoPackage -> clip (hand-tuned chain)")):
            value = ratio_row[key]
            verdict = "n/a" if value is None else ("PASS" if value <= TARGET_RATIO else "FAIL")
            shown = "n/a" if value is None else f"{value:.2f}"
            print(f"ratio at {TARGET_RATIO_SIZE:,} km² vs {chain}: {shown} (target <= {TARGET_RATIO}) {verdict}")
    memory_row = by_size.get(TARGET_MEMORY_SIZE)
    if memory_row is None:
        print(f"peak memory at {TARGET_MEMORY_SIZE:,} km²: not measured (target <= {TARGET_MEMORY_MIB})")
    else:
        peak = memory_row["plugin"].peak_mib()
        if peak is None:
            print(f"peak memory at {TARGET_MEMORY_SIZE:,} km²: {memory_row['plugin'].error} "
                  f"(target <= {TARGET_MEMORY_MIB}) FAIL")
        else:
            verdict = "PASS" if peak <= TARGET_MEMORY_MIB else "FAIL"
            print(f"peak memory at {TARGET_MEMORY_SIZE:,} km²: {peak:.0f} MiB "
                  f"(target <= {TARGET_MEMORY_MIB}) {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size_list = harness.size_list_type(SIZES)
    parser.add_argument("--sizes", type=size_list, default=sorted(SIZES),
                        help="comma-separated district areas in km² (default: 42,1400,16400)")
    parser.add_argument("--repeats", type=int, help="runs per side and size (default: 3, 3, 1)")
    parser.add_argument("--skip-qgis-at", type=size_list, default=[], metavar="SIZES",
                        help="sizes at which the QGIS side is not run, e.g. 16400")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "input", "extent", "out-dir", generate="SIZE")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS, generate)

    env = harness.child_env()
    workers = harness.Workers(__file__, "bench_", env, args.timeout)
    print(harness.header(f"gridplugin:dividegrids vs native:creategrid + native:clip, {CELL_SIZE_M:.0f} m cells, "
                         f"EPSG:{EPSG}", load_values=0), flush=True)
    baseline = workers.baseline()
    rows = []
    for size in args.sizes:
        print(f"\n{size:,} km²:", flush=True)
        path = harness.CACHE_DIR / f"communities_{size}km2_seed{SEED}_v{GENERATOR_VERSION}.gpkg"
        facts = harness.cached_input(__file__, path, size, f"{size:,} km² input", env, "generated in {seconds:.0f} s")
        km2 = facts["community_km2"]
        print(f"  {facts['communities']:,} communities over {facts['area_km2']:,} km² "
              f"(community km² min {km2['min']:.3f}, median {km2['median']:.2f}, max {km2['max']:.2f})",
              flush=True)
        repeats = args.repeats or DEFAULT_REPEATS[size]
        extent = ["--extent", ",".join(f"{v:.3f}" for v in facts["extent"])]
        plugin = workers.measure("plugin", repeats, describe, path, extent)
        if size in args.skip_qgis_at:
            qgis = harness.SideResult(error="skipped")
            print("    qgis   skipped (--skip-qgis-at)", flush=True)
        else:
            qgis = workers.measure("qgis", repeats, describe, path, extent)
        if size in TEMP_CHAIN_SIZES and size not in args.skip_qgis_at:
            temp = workers.measure("qgis_temp", 1, describe, path, extent)
        else:
            temp = harness.SideResult(error="not run")
        rows.append({"size": size, "communities": facts["communities"], "plugin": plugin, "qgis": qgis,
                     "qgis_temp": temp})
    print_report(rows, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
