"""Benchmark: gridplugin:codecomponents on a million point components.

Issue target: 1,000,000 point components coded (standard IDs, unit-grid codes and BeiDou codes)
in at most 20 s with peak memory under 2 GiB, printed next to QGIS's
``native:joinattributesbylocation`` on the same data in the same run.

On one synthetic district of about 120 km² (EPSG:4548, see "Inputs" below) it times

- plugin: ``gridplugin:codecomponents`` (INPUT the points, CLASS_FIELD class_code, scheme
  GB/T 47678.5, GRIDS the unit grids, GRID_CODE_FIELD grid_code, default BeiDou level 8, no
  existing IDs so every component gets a new one), written to a GeoPackage; it also prints the
  algorithm's outputs (COMPONENT_COUNT, NEW_COUNT, PROBLEM_COUNT) and checks the written layer
  (features, and how many have a component_id, bgid and beidou_code);
- QGIS: ``native:joinattributesbylocation`` (INPUT the points, JOIN the grids, PREDICATE
  intersects, JOIN_FIELDS grid_code, METHOD 1 = attributes of the first matching feature only,
  non-matching points kept), written to a GeoPackage. It only attaches the grid code: no IDs,
  no street/community attributes, no BeiDou codes, no class look-up. It is the yardstick, not an
  equivalent, so "ratio" (plugin time / QGIS time) is a reference.

Each operation runs in a fresh worker process (QGIS started there; the time is that of
``processing.run`` alone, reading the layers and writing the output included) so that its peak
RSS (``ru_maxrss``, checked against ``VmHWM``) is its own; a baseline worker shows what QGIS +
Processing start-up alone costs. The parent imports nothing heavy and generates the inputs in a
subprocess too. Times are the median over the runs (1 by default at 1,000,000 points, 3 below
500,000).

Inputs (deterministic: ``numpy.random.default_rng``, cached with a version key in
``$TMPDIR/grid_plugin_bench/cache/``, one GeoPackage per point count holding both layers;
generation time is printed, not measured):

- ``grids``: the district is a jittered lattice of ~600 m community quadrilaterals (0.36 km²)
  whose cells nearest the centre (distance scaled by an irregular star shape) make up 120 km²;
  every community is cut by a 100 m square lattice (the plugin's lattice mode) and pieces under
  3,000 m² are merged into the neighbouring piece of the same community they share most
  boundary with, as the plugin does. Everything is computed on a 1 cm grid so shared edges are
  identical; the grids are checked to tile the district (valid Polygons, no gaps or overlaps),
  and the points are drawn in their union, so every inside point has a grid.
  Fields grid_code (15 digits: 990101 + 3-digit street + 3-digit community + 3-digit sequence in
  reading order), street_code, street_name, community_code, community_name (streets of 15
  communities; district 990101 does not exist in GB/T 2260, so the data is clearly synthetic).
- ``components``: N points (default 1,000,000), uniform inside the district, coordinates rounded
  to 1 mm (so a few lie exactly on a grid edge and exercise the tie rule), plus N / 10,000
  points in a 500 m band outside it (reported by the plugin as outside every grid). Field
  class_code: a GB/T 47678.5 5-digit class read from resources/classes/components_gbt47678.csv
  among those whose geometry_types allow a point, drawn with Zipf-like weights (1 / rank^0.8,
  in a shuffled order: a few classes such as manhole covers dominate, as in real inventories).

    .venv/bin/python bench/bench_components.py                        # 1,000,000 points, 1 run
    .venv/bin/python bench/bench_components.py --points 100000        # quick check (3 runs)
    .venv/bin/python bench/bench_components.py --skip-qgis --runs 1
    .venv/bin/python bench/bench_components.py --profile              # cProfile of the algorithm

``--profile`` runs ``processing.run("gridplugin:codecomponents", ...)`` under cProfile in a
worker and prints the top functions by own and cumulative time (cProfile slows Python code down,
so the times are inflated; the proportions are what matter). The algorithm's own time in that
profile includes the sink's destruction (``del sink``), where GDAL builds the GeoPackage's
spatial index (R-tree) over everything written: about 12 s for 1,000,000 components with GDAL
3.6 on the reference machine. Workers need
``QT_QPA_PLATFORM=offscreen``, ``PROJ_DATA`` and ``PYTHONPATH`` (repo + QGIS's python/plugins);
the script fills them in when missing. The machine may be shared: the load average is printed,
and figures vary by ±20 %.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import harness
from harness import fmt, verdict

CLASSES_CSV = harness.REPO / "resources" / "classes" / "components_gbt47678.csv"
EPSG = 4548  # CGCS2000 3-degree Gauss-Krüger CM 117E
CENTRE = (450_000.0, 4_420_000.0)  # about 116.4E 39.9N (Beijing)
DISTRICT_CODE = "990101"  # province 99 does not exist in GB/T 2260: clearly synthetic
DISTRICT_KM2 = 120.0
COMMUNITY_M = 600.0  # community lattice cell side (0.36 km², ~36 grids)
COMMUNITIES_PER_STREET = 15
GRID_M = 100.0  # unit-grid lattice
MIN_GRID_M2 = 3_000.0  # smaller pieces are merged into a neighbour
PRECISION_M = 0.01  # everything on a 1 cm grid: shared edges identical
OUTSIDE_PER = 10_000  # one point outside the district per this many inside
OUTSIDE_BAND_M = 500.0
SEED = 20240801
GENERATOR_VERSION = 2  # bump when the generator changes; part of the cache key

DEFAULT_POINTS = 1_000_000
TARGET_POINTS = 1_000_000
TARGET_SECONDS = 20.0
TARGET_MEMORY_MIB = 2048.0


# --- synthetic input (runs in a subprocess: numpy, shapely, GDAL) -------------------------------


def star_factor(rng, theta):
    """Radius factor of an irregular star shape: 1 + Σ a_k cos(kθ + φ_k), k = 2..7."""
    import numpy as np

    k = np.arange(2, 8)
    a = rng.uniform(0.3, 1.0, len(k)) * 0.3 / k**0.8
    phase = rng.uniform(0.0, 2 * np.pi, len(k))
    return 1.0 + np.sum(a[:, None] * np.cos(k[:, None] * np.asarray(theta)[None, :] + phase[:, None]), axis=0)


def community_quads(rng):
    """Jittered-lattice quadrilaterals tiling the district (cells nearest the centre, scaled by a
    star shape, up to DISTRICT_KM2; holes filled)."""
    import numpy as np
    import shapely

    half = 0.9 * np.sqrt(DISTRICT_KM2 * 1e6)
    n = int(np.ceil(2 * half / COMMUNITY_M))
    x0, y0 = CENTRE[0] - n * COMMUNITY_M / 2, CENTRE[1] - n * COMMUNITY_M / 2
    gx, gy = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    corners = np.stack([x0 + gx * COMMUNITY_M, y0 + gy * COMMUNITY_M], axis=-1)
    corners += rng.uniform(-0.2, 0.2, corners.shape) * COMMUNITY_M
    corners = np.round(corners / PRECISION_M) * PRECISION_M
    rings = np.stack([corners[:-1, :-1], corners[1:, :-1], corners[1:, 1:], corners[:-1, 1:]], axis=2)
    quads = shapely.polygons(rings.reshape(-1, 4, 2))
    centres = shapely.centroid(quads)
    dx, dy = shapely.get_x(centres) - CENTRE[0], shapely.get_y(centres) - CENTRE[1]
    rho = np.hypot(dx, dy) / star_factor(rng, np.arctan2(dy, dx))
    order = np.argsort(rho)
    count = int(np.searchsorted(np.cumsum(shapely.area(quads)[order]), DISTRICT_KM2 * 1e6)) + 1
    chosen = quads[order[:count]]
    outline = shapely.union_all(chosen, grid_size=PRECISION_M)
    holes = [shapely.Polygon(r) for part in shapely.get_parts(outline) for r in part.interiors]
    if holes:
        rest = quads[order[count:]]
        chosen = np.concatenate([chosen, rest[shapely.within(shapely.point_on_surface(rest),
                                                             shapely.union_all(holes))]])
    return chosen


def lattice_pieces(communities):
    """Each community cut by the 100 m lattice: (pieces, community index of each piece)."""
    import numpy as np
    import shapely

    xmin, ymin, xmax, ymax = shapely.total_bounds(communities)
    xs = np.arange(np.floor(xmin / GRID_M) * GRID_M, xmax, GRID_M)
    ys = np.arange(np.floor(ymin / GRID_M) * GRID_M, ymax, GRID_M)
    gx, gy = (a.ravel() for a in np.meshgrid(xs, ys, indexing="ij"))
    squares = shapely.box(gx, gy, gx + GRID_M, gy + GRID_M)
    community, square = shapely.STRtree(squares).query(communities, predicate="intersects")
    cut = shapely.intersection(communities[community], squares[square], grid_size=PRECISION_M)
    parts, index = shapely.get_parts(cut, return_index=True)
    polygonal = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0.0)
    return parts[polygonal], community[index[polygonal]]


def merge_small(pieces, owner):
    """Pieces under MIN_GRID_M2 joined, in passes, to the larger neighbour of the same community
    with which they share the longest boundary (a cluster of small pieces in a community corner
    first merges into its largest member); a merge that would not give one Polygon is skipped."""
    import numpy as np
    import shapely

    for _ in range(20):
        area = shapely.area(pieces)
        small = np.flatnonzero(area < MIN_GRID_M2)
        s, p = shapely.STRtree(pieces).query(pieces[small], predicate="intersects")
        s = small[s]
        ok = (owner[s] == owner[p]) & ((area[p] > area[s]) | ((area[p] == area[s]) & (p > s)))
        s, p = s[ok], p[ok]
        shared = shapely.length(shapely.intersection(pieces[s], pieces[p], grid_size=PRECISION_M))
        order = np.lexsort((-shared, s))
        s, p, shared = s[order], p[order], shared[order]
        first = np.r_[True, s[1:] != s[:-1]] & (shared > 0)
        target = dict(zip(s[first].tolist(), p[first].tolist()))
        targets = set(target.values())
        groups: dict[int, list[int]] = {}
        for source, big in target.items():
            if source not in targets:  # a piece that receives others this pass moves next pass
                groups.setdefault(big, []).append(source)
        out = list(pieces)
        dropped: set[int] = set()
        for big, members in groups.items():
            merged = shapely.union_all(pieces[[big, *members]], grid_size=PRECISION_M)
            if merged.geom_type == "Polygon" and not merged.interiors:
                out[big] = merged
                dropped.update(members)
        if not dropped:
            break
        keep = np.array([k not in dropped for k in range(len(pieces))])
        pieces, owner = np.array(out, dtype=object)[keep], owner[keep]
    return pieces, owner


def check_tiling(communities, pieces):
    """Every piece a valid Polygon, no overlaps (area sum = area of the union), no gaps (the union
    is one Polygon without holes) and the communities' area kept. Returns the union: the
    district as the grids cover it (points are drawn in it, so every inside point has a grid)."""
    import numpy as np
    import shapely

    assert (shapely.get_type_id(pieces) == 3).all() and shapely.is_valid(pieces).all()
    total = float(np.sum(shapely.area(pieces)))
    district = shapely.union_all(pieces)
    assert district.geom_type == "Polygon" and not district.interiors, "gaps between the grids"
    assert abs(total - district.area) < 1e-3, f"grids sum to {total} m², their union {district.area} m²: overlaps"
    expected = float(np.sum(shapely.area(communities)))
    assert abs(total - expected) < 1e-6 * expected, f"grids sum to {total} m², communities {expected} m²"
    return district


def grid_attributes(communities, pieces, owner) -> list[tuple[str, str, str, str, str]]:
    """(grid_code, street_code, street_name, community_code, community_name) of every piece:
    communities in reading order (rows from the north), streets of COMMUNITIES_PER_STREET, grids
    numbered in reading order inside their community."""
    import numpy as np
    import shapely

    def reading_order(geometries, band):
        c = shapely.centroid(geometries)
        return np.lexsort((shapely.get_x(c), -np.floor(shapely.get_y(c) / band)))

    community_rank = np.empty(len(communities), dtype=np.int64)
    community_rank[reading_order(communities, 4 * COMMUNITY_M)] = np.arange(len(communities))
    rows: list[tuple[str, str, str, str, str] | None] = [None] * len(pieces)
    for c in range(len(communities)):
        members = np.flatnonzero(owner == c)
        street, number = divmod(int(community_rank[c]), COMMUNITIES_PER_STREET)
        assert street < 999 and len(members) <= 999
        street_code = f"{DISTRICT_CODE}{street + 1:03d}"
        community_code = f"{street_code}{number + 1:03d}"
        street_name = f"合成{street + 1}街道"
        community_name = f"{street_name}第{number + 1}社区"
        for seq, k in enumerate(members[reading_order(pieces[members], GRID_M)].tolist(), start=1):
            rows[k] = (f"{community_code}{seq:03d}", street_code, street_name, community_code, community_name)
    return rows  # type: ignore[return-value]


def point_classes() -> list[str]:
    """5-digit GB/T 47678.5 classes whose geometry_types allow a point, in file order."""
    import csv

    with CLASSES_CSV.open(encoding="utf-8", newline="") as handle:
        return [row["class_code"] for row in csv.DictReader(handle)
                if "point" in row["geometry_types"].split("|") and len(row["class_code"]) == 5]


def sample_points(area, count: int, rng):
    """count uniform points inside the polygonal area, rounded to 1 mm."""
    import numpy as np
    import shapely

    shapely.prepare(area)
    xmin, ymin, xmax, ymax = area.bounds
    ratio = area.area / ((xmax - xmin) * (ymax - ymin))
    found, total = [], 0
    while total < count:
        n = int((count - total) / ratio * 1.1) + 64
        x, y = np.round(rng.uniform(xmin, xmax, n), 3), np.round(rng.uniform(ymin, ymax, n), 3)
        inside = shapely.contains_xy(area, x, y)
        found.append(np.column_stack([x[inside], y[inside]]))
        total += int(inside.sum())
    return np.concatenate(found)[:count]


def write_layer(ds, name: str, geometry_type: int, fields: list[tuple[str, int]], features) -> None:
    """A GeoPackage layer (with its spatial index) in one transaction; features yield (wkb, values)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, geometry_type, options=["GEOMETRY_NAME=geom", "FID=fid"])
    for field_name, width in fields:
        definition = ogr.FieldDefn(field_name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    layer_defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for geometry, values in features:
        feature = ogr.Feature(layer_defn)
        for k, value in enumerate(values):
            feature.SetField(k, value)
        feature.SetGeometryDirectly(geometry)
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def generate(points: int, path: Path) -> dict:
    """Write the grids and `points` components of the synthetic district to path; return facts."""
    import numpy as np
    import shapely
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    started = time.perf_counter()
    rng = np.random.default_rng([SEED, 0])  # the grids do not depend on the point count
    communities = community_quads(rng)
    pieces, owner = lattice_pieces(communities)
    pieces, owner = merge_small(pieces, owner)
    district = check_tiling(communities, pieces)
    attributes = grid_attributes(communities, pieces, owner)
    grids_done = time.perf_counter()

    rng = np.random.default_rng([SEED, 1, points])
    inside = sample_points(district, points, rng)
    outside_count = max(1, points // OUTSIDE_PER)
    band = shapely.difference(shapely.buffer(district, OUTSIDE_BAND_M), district)
    outside = sample_points(band, outside_count, rng)
    xy = np.concatenate([inside, outside])
    xy = xy[rng.permutation(len(xy))]  # outside points scattered through the layer
    classes = point_classes()
    weights = 1.0 / np.arange(1, len(classes) + 1) ** 0.8
    weights = weights[rng.permutation(len(classes))]
    class_index = rng.choice(len(classes), len(xy), p=weights / weights.sum())
    points_done = time.perf_counter()

    partial = path.with_suffix(".partial.gpkg")
    partial.unlink(missing_ok=True)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    grid_fields = [("grid_code", 15), ("street_code", 9), ("street_name", 50), ("community_code", 12),
                   ("community_name", 50)]
    write_layer(ds, "grids", ogr.wkbPolygon, grid_fields,
                ((ogr.CreateGeometryFromWkb(w), row) for w, row in zip(shapely.to_wkb(pieces).tolist(), attributes)))

    def point_features():
        for (x, y), c in zip(xy.tolist(), class_index.tolist()):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            yield point, (classes[c],)

    write_layer(ds, "components", ogr.wkbPoint, [("class_code", 5)], point_features())
    ds = None
    partial.rename(path)
    written = time.perf_counter()
    grid_areas = shapely.area(pieces)
    used = np.bincount(class_index, minlength=len(classes))
    return {
        "area_km2": round(district.area / 1e6, 2), "communities": len(communities),
        "streets": -(-len(communities) // COMMUNITIES_PER_STREET), "grids": len(pieces),
        "grid_m2": {"min": round(float(grid_areas.min())), "median": round(float(np.median(grid_areas))),
                    "max": round(float(grid_areas.max()))},
        "points": len(xy), "inside": len(inside), "outside": len(outside),
        "classes": len(classes), "classes_used": int((used > 0).sum()),
        "top_class": {"code": classes[int(used.argmax())], "share": round(float(used.max() / len(xy)), 3)},
        "grids_s": round(grids_done - started, 1), "points_s": round(points_done - grids_done, 1),
        "write_s": round(written - points_done, 1), "generate_s": round(written - started, 1),
        "file_mib": round(path.stat().st_size / 2**20, 1),
    }


# --- workers (run in a subprocess each: QGIS) ---------------------------------------------------


def plugin_parameters(args, output: str) -> dict:
    return {"INPUT": f"{args.input}|layername=components", "CLASS_FIELD": "class_code", "SCHEME": 0,
            "GRIDS": f"{args.input}|layername=grids", "GRID_CODE_FIELD": "grid_code", "OUTPUT": output}


def counts_sql(path: str, columns: list[str]) -> dict:
    """Features of the (only) layer of a GeoPackage and the non-NULL count of each column (SQLite)."""
    from osgeo import ogr

    ds = ogr.Open(path)
    name = ds.GetLayer(0).GetName()
    listed = ", ".join(f'COUNT("{c}")' for c in columns)
    result = ds.ExecuteSQL(f'SELECT COUNT(*), {listed} FROM "{name}"', dialect="SQLite")
    row = result.GetNextFeature()
    values = [row.GetField(k) for k in range(len(columns) + 1)]
    ds.ReleaseResultSet(result)
    sample = ds.ExecuteSQL(f'SELECT {", ".join(columns)} FROM "{name}" WHERE "{columns[0]}" IS NOT NULL LIMIT 1',
                           dialect="SQLite")
    first = sample.GetNextFeature()
    example = {c: first.GetField(c) for c in columns} if first else {}
    ds.ReleaseResultSet(sample)
    return {"written": int(values[0]), "non_null": dict(zip(columns, map(int, values[1:]))), "example": example}


def worker_plugin(args) -> dict:
    """One gridplugin:codecomponents run, output GeoPackage."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing

    output = str(Path(args.out_dir) / "coded_components.gpkg")
    feedback = harness.counting_feedback()
    with harness.measured() as figures:
        result = processing.run("gridplugin:codecomponents", plugin_parameters(args, output), feedback=feedback)
    check = counts_sql(output, ["component_id", "bgid", "beidou_code", "community_code"])
    return {**figures, **check, "components": int(result["COMPONENT_COUNT"]),
            "new": int(result["NEW_COUNT"]), "kept": int(result["KEPT_COUNT"]),
            "problems": int(result["PROBLEM_COUNT"]), **feedback.summary()}


def worker_qgis(args) -> dict:
    """One native:joinattributesbylocation run (intersects, first match, grid_code), GeoPackage."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingFeedback

    output = str(Path(args.out_dir) / "joined.gpkg")
    with harness.measured() as figures:
        result = processing.run("native:joinattributesbylocation", {
            "INPUT": f"{args.input}|layername=components", "JOIN": f"{args.input}|layername=grids",
            "PREDICATE": [0], "JOIN_FIELDS": ["grid_code"], "METHOD": 1, "DISCARD_NONMATCHING": False,
            "PREFIX": "", "OUTPUT": output,
        }, feedback=QgsProcessingFeedback())
    joined = result.get("JOINED_COUNT")
    return {**figures, **counts_sql(output, ["grid_code"]),
            "joined": None if joined is None else int(joined)}


def worker_profile(args) -> dict:
    """processing.run("gridplugin:codecomponents") under cProfile (QGIS started first, not profiled)."""
    import cProfile

    keep = harness.start_qgis(with_provider=True)  # noqa: F841
    import processing
    from qgis.core import QgsProcessingFeedback

    output = str(Path(args.out_dir) / "coded_components.gpkg")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    result = processing.run("gridplugin:codecomponents", plugin_parameters(args, output),
                            feedback=QgsProcessingFeedback())
    profiler.disable()
    seconds = time.perf_counter() - started
    dump = Path(args.out_dir) / "codecomponents.prof"
    profiler.dump_stats(dump)
    print(f"processing.run under cProfile: {seconds:.1f} s (slower than without), peak "
          f"{harness.peak_memory_mib()['ru_maxrss_mib']:,.0f} MiB; {int(result['COMPONENT_COUNT']):,} components")
    harness.print_profile(profiler, args.top)
    return {"seconds": seconds, "profile": str(dump)}


WORKERS = {"baseline": lambda args: harness.worker_baseline(with_provider=True), "plugin": worker_plugin,
           "qgis": worker_qgis, "profile": worker_profile}


# --- orchestration (parent process: standard library only) -------------------------------------


def describe(kind: str, r: dict) -> str:
    non_null = ", ".join(f"{k} {v:,}" for k, v in r["non_null"].items())
    example = ", ".join(f"{k}={v}" for k, v in r["example"].items())
    if kind == "qgis":
        joined = "" if r["joined"] is None else f"JOINED_COUNT {r['joined']:,}; "
        return f"; {joined}{r['written']:,} written, non-NULL: {non_null}; e.g. {example}"
    return (f"; COMPONENT_COUNT {r['components']:,}, NEW_COUNT {r['new']:,}, KEPT_COUNT {r['kept']:,}, "
            f"PROBLEM_COUNT {r['problems']:,}; {r['written']:,} written, non-NULL: {non_null}; e.g. {example}"
            + harness.warnings_note(r))


def print_report(facts: dict, plugin: harness.SideResult, qgis: harness.SideResult, baseline: harness.ChildRun,
                 runs: int) -> None:
    """The markdown table and the target lines."""
    print()
    if baseline.result:
        print(f"Baseline (QGIS + Processing + provider started, nothing run): peak "
              f"{baseline.result['ru_maxrss_mib']:,.0f} MiB, included in the peak columns.")
    print(f"Times: {'median ' if runs > 1 else ''}wall time of processing.run only over {runs} run(s) (reading "
          "and writing included, QGIS start-up not); peak: largest ru_maxrss of the worker runs. QGIS = "
          "native:joinattributesbylocation (intersects, first match, grid_code only: no IDs, no BeiDou "
          "codes, no street/community attributes), so the ratio (plugin s / QGIS s) is a reference.")
    print(harness.machine_line("shared and noisy (±20 %)"))
    print()
    p_s, q_s = plugin.median("seconds"), qgis.median("seconds")
    p_peak, q_peak = plugin.peak_mib(), qgis.peak_mib()
    ratio = p_s / q_s if p_s is not None and q_s else None
    full = facts["inside"] >= TARGET_POINTS
    time_ok = False if plugin.error else (None if p_s is None or not full else p_s <= TARGET_SECONDS)
    memory_ok = None if p_peak is None or not full else p_peak < TARGET_MEMORY_MIB
    header = ["points (outside)", "grids", "plugin s", "plugin peak MiB", "plugin coded (ID, BGID, BeiDou)",
              "QGIS join s", "QGIS peak MiB", "QGIS joined", "ratio plugin/QGIS", "time ≤ 20 s", "memory < 2 GiB"]
    first = plugin.runs[0] if plugin.runs else None
    coded = ("/".join(f"{first['non_null'][c]:,}" for c in ("component_id", "bgid", "beidou_code"))
             if first else plugin.error or "-")
    joined = f"{qgis.runs[0]['non_null']['grid_code']:,}" if qgis.runs else qgis.error or "-"
    cells = [f"{facts['points']:,} ({facts['outside']:,})", f"{facts['grids']:,}", fmt(p_s, plugin.error, ".2f"),
             fmt(p_peak, plugin.error, ",.0f"), coded, fmt(q_s, qgis.error, ".2f"), fmt(q_peak, qgis.error, ",.0f"),
             joined, fmt(ratio, plugin.error or qgis.error, ".2f"),
             verdict(time_ok) if full else "n/a (target at 1M)", verdict(memory_ok) if full else "n/a (target at 1M)"]
    harness.table(header, [cells], first="---:")
    for name, side in (("plugin", plugin), ("qgis", qgis)):
        if side.failure():
            print(f"{name}: {side.failure()}")
    if full:
        shown = "n/a" if p_s is None else f"{p_s:.2f} s"
        print(f"time for {facts['points']:,} points: {shown} (target <= {TARGET_SECONDS:.0f} s) {verdict(time_ok)}")
        shown = "n/a" if p_peak is None else f"{p_peak:,.0f} MiB"
        print(f"peak memory for {facts['points']:,} points: {shown} (target < {TARGET_MEMORY_MIB:,.0f} MiB) "
              f"{verdict(memory_ok)}")
    else:
        print(f"targets apply to {TARGET_POINTS:,} points; this run had {facts['inside']:,} inside the district")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=DEFAULT_POINTS,
                        help=f"components inside the district (default {DEFAULT_POINTS:,}; "
                             f"plus 1 in {OUTSIDE_PER:,} outside)")
    parser.add_argument("--runs", type=int, help="runs per side (default: 1 from 500,000 points, else 3)")
    parser.add_argument("--skip-qgis", action="store_true", help="time the plugin only")
    harness.add_timeout(parser)
    parser.add_argument("--profile", action="store_true",
                        help="instead of timing: cProfile of the plugin's processing.run in a worker")
    parser.add_argument("--top", type=int, default=30, help="functions listed per profile table (default 30)")
    harness.add_worker_options(parser, WORKERS, "input", "out-dir", generate="POINTS")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS, generate)

    if args.points < 1:
        parser.error("--points must be at least 1")
    env = harness.child_env()
    workers = harness.Workers(__file__, "components_", env, args.timeout)
    print(harness.header(f"gridplugin:codecomponents vs native:joinattributesbylocation, {args.points:,} points, "
                         f"EPSG:{EPSG}", "shared machine: figures vary by ±20 %"), flush=True)
    path = harness.CACHE_DIR / f"components_{args.points}pts_seed{SEED}_v{GENERATOR_VERSION}.gpkg"
    facts = harness.cached_input(
        __file__, path, args.points, f"{args.points:,} points", env,
        "generated in {generate_s:.1f} s (grids {grids_s:.1f} s, points {points_s:.1f} s, GeoPackage writing "
        "{write_s:.1f} s; {file_mib:,.0f} MiB)", cached="cached input {path}")
    m2 = facts["grid_m2"]
    print(f"  district {facts['area_km2']:,} km², {facts['streets']} streets, {facts['communities']:,} communities, "
          f"{facts['grids']:,} grids (m² min {m2['min']:,}, median {m2['median']:,}, max {m2['max']:,}); "
          f"{facts['points']:,} points ({facts['inside']:,} inside, {facts['outside']:,} outside), "
          f"{facts['classes_used']} of {facts['classes']} point classes used (most frequent "
          f"{facts['top_class']['code']}: {facts['top_class']['share']:.1%})", flush=True)
    if args.profile:
        return workers.profile(path, args.top)

    baseline = workers.baseline(indent="  ", peak_spec=",.0f")
    runs = args.runs or (1 if args.points >= 500_000 else 3)
    plugin = workers.measure("plugin", runs, describe, path, peak_spec=",.0f")
    if args.skip_qgis:
        qgis = harness.SideResult(error="skipped")
        print("    qgis   skipped (--skip-qgis)", flush=True)
    else:
        qgis = workers.measure("qgis", runs, describe, path, peak_spec=",.0f")
    print_report(facts, plugin, qgis, baseline, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
