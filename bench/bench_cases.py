"""Benchmark: cases (案件) — import, per-grid aggregation and case → grid assignment.

Targets (issue), each printed next to QGIS's own tools on the same data in the same run:

1. import 1,000,000 cases from a CSV with ``gridplugin:importcases``: GeoPackage store ≤ 30 s,
   PostGIS store ≤ 10 s. QGIS: ``native:createpointslayerfromtable`` (the CSV, lon/lat,
   EPSG:4490) written to a GeoPackage; then ``importintopostgis`` (``native:`` when the QGIS
   has it, else ``qgis:``) of that point layer into a QGIS PostgreSQL connection. The QGIS
   PostGIS figure is the chain CSV → GeoPackage points → PostGIS (both steps), the step alone
   is printed too. QGIS does less: no parsing/validation of times and classes, no CGCS2000
   conversion, no grid codes, no upsert, no rejects.
2. cases per grid over 10,000,000 cases with a month + class filter
   (``store.counts_per_grid(CaseFilter(start, end, class_codes))``): PostGIS ≤ 1 s,
   GeoPackage ≤ 3 s. The 10 M stores are built by calling the store directly
   (``import_cases`` with synthetic ``CaseRecords``, one import per 1,000,000 cases); the build
   time is printed (the two stores are built at once, in two workers, unless ``--serial-build``).
   The target is judged on the first call in a fresh process; the median of the repeats, the
   query plan and, for PostGIS, the figure after an explicit VACUUM ANALYZE are printed too.
   The same query also runs on the 1 M stores the plugin import made. QGIS:
   ``native:extractbyexpression`` (same month and class) then ``native:countpointsinpolygon``
   on the 1 M point layer of target 1 only (so "ratio" there compares 10 M with 1 M).
3. ``grid_plugin.core.cases.point_location.PointLocator`` (index built and points located, as
   importcases does it) of the 1,000,000 case points (EPSG:4490) to the store's 1,725
   road-following grids: ≥ 1,000,000 points/s and ≥ 10× faster than
   ``native:countpointsinpolygon`` on the same points and grids. The STRtree reference
   (``assign_to_grids`` with ``shapely.points``) is printed beside it, and both answers must agree.
4. peak memory ≤ 2,048 MiB for every plugin measurement (its worker's ``ru_maxrss``; QGIS
   start-up included where the worker starts QGIS, see the baseline line).

The kernel-heatmap target is measured by bench/bench_heatmap.py (not here).

Data (deterministic, ``numpy.random.default_rng``): the unit grids are the road-following
grids of the bundled sample district (``out/demo.gpkg`` layer ``unit_grids`` from ``make
demo``; when missing, ``gridplugin:dividegrids`` is run as resources/sample/demo.py does and cached).
Cases: 70 % in 80 Gaussian hot spots (σ 60-400 m, Zipf-like sizes) and 30 % uniform, all
inside a grid; case_id AJ2025 + 8 digits (unique, rising with the report time), source
监督员上报 / 12345热线 / 公众举报 / 视频发现, class_code from
resources/classes/events_gbt47678.csv (Zipf-like weights; kind 部件 for majors 01-05, else
事件), a Chinese address (street, community, a road of the sample bordering the case's grid,
house number) and a description of 40-60 characters, reported_at over 2025 (weekday and
daytime heavy, 'YYYY-MM-DD HH:MM:SS' Asia/Shanghai), status, closed_at for closed cases,
lon/lat CGCS2000 with 7 decimals. The CSV (UTF-8) and the points (npz) are cached in
``$TMPDIR/grid_plugin_bench/cache/``; stores and QGIS outputs go to a temporary folder that is
removed at the end (``--keep`` keeps it). PostGIS: the server of tests/postgis.env
(``bash .ci/postgis.sh`` starts it); the schemas bench_cases, bench_cases_import and
bench_cases_qgis are dropped before and after, and the QGIS connection "gridplugin_bench" is
saved in each worker that needs it and deleted again.

Each measured operation runs in a fresh worker process (this script with ``--worker``) that
prints one result line, so its peak memory is its own. The machine may be shared: the load
average is printed, and times vary by ±20 %.

    .venv/bin/python bench/bench_cases.py            # 1 M cases, 10 M for the aggregation (~13 min)
    .venv/bin/python bench/bench_cases.py --quick    # 100 k cases, 1 M for the aggregation
    .venv/bin/python bench/bench_cases.py --skip-postgis --skip-qgis
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import harness
from harness import REPO, fmt, verdict

DEMO_GPKG = REPO / "out" / "demo.gpkg"
SAMPLE_GPKG = REPO / "resources" / "sample" / "sample_district.gpkg"
EVENTS_CSV = REPO / "resources" / "classes" / "events_gbt47678.csv"
POSTGIS_ENV = REPO / "tests" / "postgis.env"
SEED = 20250301
GENERATOR_VERSION = 1  # bump when the generator changes; part of the cache key

CASES = 1_000_000
AGG_CASES = 10_000_000
QUICK_CASES = 100_000
QUICK_AGG_CASES = 1_000_000
BATCH = 1_000_000  # cases per import when building the aggregation stores
HOT_SPOTS = 80
CLUSTERED_SHARE = 0.7
ZONE_HOURS = 8  # Asia/Shanghai, no daylight saving
MONTH = ("2025-03-01 00:00:00", "2025-04-01 00:00:00")  # local time: March 2025
MONTH_UTC = ("2025-02-28T16:00:00Z", "2025-03-31T16:00:00Z")
AGG_REPEATS = 5

TARGET_IMPORT_S = {"gpkg": 30.0, "postgis": 10.0}
TARGET_AGG_S = {"gpkg": 3.0, "postgis": 1.0}
TARGET_POINTS_PER_S = 1_000_000.0
TARGET_SPEEDUP = 10.0
TARGET_MEMORY_MIB = 2048.0

CONNECTION = "gridplugin_bench"
SCHEMA_AGG = "bench_cases"
SCHEMA_IMPORT = "bench_cases_import"
SCHEMA_QGIS = "bench_cases_qgis"
SCHEMAS = (SCHEMA_AGG, SCHEMA_IMPORT, SCHEMA_QGIS)

SOURCES = ("监督员上报", "12345热线", "公众举报", "视频发现")
SOURCE_P = (0.45, 0.30, 0.10, 0.15)
LEADS = ("监督员巡查发现", "市民来电反映", "群众举报", "视频监控发现")
STATUSES = ("已结案", "处置中", "已派遣", "已立案", "已受理")
STATUS_P = (0.72, 0.10, 0.08, 0.06, 0.04)
DETAILS = ("影响行人通行", "存在安全隐患", "已持续多日", "周边居民意见较大", "夜间尤为明显", "影响市容环境",
           "多次反映仍未解决", "雨天情况加重", "占用盲道", "影响车辆通行", "给周边商户造成不便", "清晨时段较为严重")
REQUESTS = ("请尽快处理。", "请相关部门核实处置。", "请派人到现场查看。", "希望尽快解决。", "请责任单位限期整改。")
PLACES = ("附近", "门口", "东侧", "西侧", "南侧", "北侧", "路口", "对面", "公交站旁", "小区出入口")
# 暴露垃圾, 非法小广告, 店外经营, 乱堆杂物, 机动车乱停放, 非机动车乱停放, 道路不洁, 占道经营, 垃圾站满溢, 共享单车乱象
COMMON_CLASSES = ("06010", "07001", "09005", "06036", "09009", "09010", "06012", "09006", "06042", "09011")
HOUR_WEIGHTS = (1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4.0, 5.0, 5.0, 4.5,
                3.5, 4.0, 4.5, 4.5, 4.2, 3.8, 3.0, 2.5, 2.2, 2.0, 1.6, 1.2)


# --- synthetic data (workers; numpy, shapely, pyproj, GDAL) -----------------------------------


def split_uri(uri: str) -> tuple[str, str | None]:
    path, _, rest = uri.partition("|layername=")
    return path, rest or None


def read_layer(uri: str, fields: list[str]):
    """(shapely geometries in EPSG:4490, {field: values}) of an OGR layer."""
    import numpy as np
    import pyproj
    import shapely
    from osgeo import ogr

    path, name = split_uri(uri)
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    source = pyproj.CRS.from_wkt(layer.GetSpatialRef().ExportToWkt())
    defn = layer.GetLayerDefn()
    present = [f for f in fields if defn.GetFieldIndex(f) >= 0]
    wkbs, values = [], {f: [] for f in present}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        wkbs.append(bytes(geometry.ExportToWkb()) if geometry is not None else None)
        for f in present:
            values[f].append(feature.GetField(f))
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object))
    if source.to_epsg() != 4490:
        transformer = pyproj.Transformer.from_crs(source, "EPSG:4490", always_xy=True)
        geometries = shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0],
                                                                                                    xy[:, 1])))
    return geometries, values


class District:
    """The unit grids (EPSG:4490) with their codes and names, and the sample's roads along each."""

    def __init__(self, grids_uri: str):
        import numpy as np
        import shapely

        fields = ["grid_code", "street_code", "street_name", "community_code", "community_name", "area_m2"]
        self.geometries, values = read_layer(grids_uri, fields)
        order = np.argsort(np.asarray(values["grid_code"], dtype=str), kind="stable")
        self.geometries = self.geometries[order]
        self.values = {k: [v[i] for i in order] for k, v in values.items()}
        self.tree = shapely.STRtree(self.geometries)
        roads, road_values = read_layer(f"{SAMPLE_GPKG}|layername=roads", ["name"])
        names = np.asarray([n or "无名路" for n in road_values["name"]], dtype=object)
        grid, road = shapely.STRtree(roads).query(self.geometries, predicate="intersects")
        road_order = np.lexsort((road, grid))
        grid, road = grid[road_order], road[road_order]
        count = np.bincount(grid, minlength=len(self.geometries))
        lonely = np.flatnonzero(count == 0)
        if len(lonely):  # a grid touching no road: its nearest road
            _, nearest = shapely.STRtree(roads).query_nearest(self.geometries[lonely], all_matches=False,
                                                              return_distance=False)
            grid = np.concatenate([grid, lonely])
            road = np.concatenate([road, nearest])
            road_order = np.argsort(grid, kind="stable")
            grid, road = grid[road_order], road[road_order]
            count = np.bincount(grid, minlength=len(self.geometries))
        self.road_names = names[road]
        self.road_offset = np.r_[0, np.cumsum(count)[:-1]]
        self.road_count = count
        self.bounds = shapely.total_bounds(self.geometries)
        rng = np.random.default_rng([SEED, 7])  # hot spots are the same in every batch
        area = shapely.area(self.geometries)
        spots = rng.choice(len(self.geometries), HOT_SPOTS, replace=False, p=area / area.sum())
        centres = shapely.centroid(self.geometries[spots])
        self.spot_xy = np.column_stack([shapely.get_x(centres), shapely.get_y(centres)])
        self.spot_sigma_m = rng.uniform(60.0, 400.0, HOT_SPOTS)
        share = 1.0 / np.arange(1, HOT_SPOTS + 1) ** 0.8
        self.spot_p = share / share.sum()

    def __len__(self) -> int:
        return len(self.geometries)

    def stored_grids(self):
        import numpy as np
        import pyproj

        from grid_plugin.store.base import StoredGrids

        area = np.array([a if a is not None else np.nan for a in self.values.get("area_m2", [None] * len(self))])
        if np.isnan(area).any():
            geod = pyproj.Geod(ellps="GRS80")
            area = np.array([abs(geod.geometry_area_perimeter(g)[0]) for g in self.geometries])
        v = self.values
        return StoredGrids(list(v["grid_code"]), list(v["street_code"]), list(v["street_name"]),
                           list(v["community_code"]), list(v["community_name"]), area, self.geometries)

    def sample(self, rng, count: int):
        """count points (lon, lat rounded to 7 decimals) inside a grid, and the grid index of each."""
        import numpy as np
        import shapely

        xmin, ymin, xmax, ymax = self.bounds
        metre = np.array([1.0 / (111_320.0 * np.cos(np.radians((ymin + ymax) / 2))), 1.0 / 110_574.0])
        found_xy, found_grid, total = [], [], 0
        while total < count:
            n = int((count - total) * 1.3) + 1_000
            clustered = int(n * CLUSTERED_SHARE)
            spot = rng.choice(HOT_SPOTS, clustered, p=self.spot_p)
            xy = self.spot_xy[spot] + rng.normal(0.0, 1.0, (clustered, 2)) * self.spot_sigma_m[spot, None] * metre
            uniform = np.column_stack([rng.uniform(xmin, xmax, n - clustered), rng.uniform(ymin, ymax, n - clustered)])
            xy = np.round(np.concatenate([xy, uniform])[rng.permutation(n)], 7)
            point, grid = self.tree.query(shapely.points(xy), predicate="intersects")
            first = np.r_[True, point[1:] != point[:-1]] if len(point) else np.zeros(0, dtype=bool)
            point, grid = point[first], grid[first]  # query output is sorted by point
            found_xy.append(xy[point])
            found_grid.append(grid)
            total += len(point)
        return np.concatenate(found_xy)[:count], np.concatenate(found_grid)[:count]


def event_classes() -> tuple[list[str], list[str], list[str]]:
    """(class codes, names, kinds) of resources/classes/events_gbt47678.csv."""
    import csv

    with EVENTS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = ["部件" if int(r["major_code"]) <= 5 else "事件" for r in rows]
    return [r["class_code"] for r in rows], [r["name_zh"] for r in rows], kinds


def class_weights(codes: list[str]):
    """Zipf-like class frequencies (the same in every batch): the classes most frequent in real
    city-management data first (COMMON_CLASSES), then the others in a fixed shuffled order."""
    import numpy as np

    rest = [codes[i] for i in np.random.default_rng([SEED, 3]).permutation(len(codes))
            if codes[i] not in COMMON_CLASSES]
    rank = {code: k for k, code in enumerate([c for c in COMMON_CLASSES if c in codes] + rest)}
    weights = 1.0 / (1.0 + np.array([rank[c] for c in codes], dtype=float))
    return weights / weights.sum()


def make_cases(district: District, count: int, batch: int) -> dict:
    """count synthetic cases (see the module docstring); batch b gets ids from b × 10^7."""
    import numpy as np

    rng = np.random.default_rng([SEED, batch, count])
    xy, grid = district.sample(rng, count)
    codes, names, kinds = event_classes()
    klass = rng.choice(len(codes), count, p=class_weights(codes))
    day_w = np.array([0.75 if (d + 2) % 7 >= 5 else 1.0 for d in range(365)])  # 2025-01-01 is a Wednesday
    seconds = (rng.choice(365, count, p=day_w / day_w.sum()) * 86_400
               + rng.choice(24, count, p=np.array(HOUR_WEIGHTS) / sum(HOUR_WEIGHTS)) * 3_600
               + rng.integers(0, 3_600, count))
    order = np.argsort(seconds, kind="stable")  # ids rise with the report time
    xy, grid, klass, seconds = xy[order], grid[order], klass[order], seconds[order]
    numbers = batch * 10_000_000 + np.cumsum(rng.integers(1, 10, count))
    assert numbers[-1] < (batch + 1) * 10_000_000
    source = rng.choice(len(SOURCES), count, p=SOURCE_P)
    status = rng.choice(len(STATUSES), count, p=STATUS_P)
    closed = status == 0
    hours = np.maximum(0.5, rng.lognormal(np.log(20.0), 1.0, count))
    base = np.datetime64("2025-01-01T00:00:00", "s")
    reported = base + seconds.astype("timedelta64[s]")
    closed_at = reported + (hours * 3600).astype("int64").astype("timedelta64[s]")
    road_pick = district.road_offset[grid] + (rng.random(count) * district.road_count[grid]).astype(np.int64)
    road = district.road_names[road_pick].tolist()
    house = rng.integers(1, 300, count).tolist()
    place = rng.integers(0, len(PLACES), count).tolist()
    detail = rng.integers(0, len(DETAILS), (count, 2)).tolist()
    request = rng.integers(0, len(REQUESTS), count).tolist()
    streets, communities = district.values["street_name"], district.values["community_name"]
    grid_l, source_l, klass_l = grid.tolist(), source.tolist(), klass.tolist()
    address = [f"{streets[g]}{communities[g]}{r}{h}号{PLACES[p]}"
               for g, r, h, p in zip(grid_l, road, house, place)]
    description = [f"{LEADS[s]}{a}{names[k]}，{DETAILS[d[0]]}，{DETAILS[(d[0] + 1 + d[1] % 11) % 12]}，"
                   f"{REQUESTS[q]}" for s, a, k, d, q in zip(source_l, address, klass_l, detail, request)]
    return {
        "case_id": [f"AJ2025{n:08d}" for n in numbers.tolist()],
        "source": [SOURCES[s] for s in source_l],
        "kind": [kinds[k] for k in klass_l],
        "class_code": [codes[k] for k in klass_l],
        "class_name": [names[k] for k in klass_l],
        "description": description,
        "address": address,
        "reported": reported,
        "status": [STATUSES[s] for s in status.tolist()],
        "closed": closed,
        "closed_at": closed_at,
        "lon": xy[:, 0],
        "lat": xy[:, 1],
        "grid": grid,
    }


def local_text(times) -> list[str]:
    import numpy as np

    return np.char.replace(np.datetime_as_string(times, unit="s"), "T", " ").tolist()


def utc_text(times) -> list[str]:
    import numpy as np

    return np.char.add(np.datetime_as_string(times - np.timedelta64(ZONE_HOURS, "h"), unit="s"), "Z").tolist()


def month_class_count(cases: dict, class_code: str) -> int:
    import numpy as np

    start, end = (np.datetime64(t.replace(" ", "T"), "s") for t in MONTH)
    in_class = np.asarray(cases["class_code"], dtype=object) == class_code
    return int(np.count_nonzero(in_class & (cases["reported"] >= start) & (cases["reported"] < end)))


def top_class() -> tuple[str, str]:
    codes, names, _ = event_classes()
    best = int(class_weights(codes).argmax())
    return codes[best], names[best]


def case_records(cases: dict, district: District):
    """The cases as the parser + finish_records would hand them to import_cases."""
    import hashlib

    import numpy as np

    from grid_plugin.core.cases.records import CaseRecords

    n = len(cases["case_id"])
    closed = cases["closed"].tolist()
    closed_at = [t if c else None for t, c in zip(utc_text(cases["closed_at"]), closed)]
    grid = cases["grid"].tolist()
    reported = utc_text(cases["reported"])
    values = {name: cases[name] for name in ("case_id", "source", "kind", "class_code", "class_name",
                                              "description", "address", "status")}
    values.update({"reported_at": reported, "filed_at": [None] * n, "dispatched_at": [None] * n,
                   "disposed_at": [None] * n, "closed_at": closed_at, "deadline": [None] * n})
    for name in ("grid_code", "street_code", "community_code"):
        column = district.values[name]
        values[name] = [column[g] for g in grid]
    values["content_hash"] = [hashlib.sha1(f"{i}\x1f{r}".encode()).hexdigest()
                              for i, r in zip(values["case_id"], reported)]
    return CaseRecords(values, cases["lon"], cases["lat"], np.arange(1, n + 1, dtype=np.int64))


def generate(count: int, csv_path: Path, grids_uri: str) -> dict:
    """Write the CSV and the points (npz) of `count` cases; return facts."""
    import csv

    import numpy as np

    started = time.perf_counter()
    district = District(grids_uri)
    cases = make_cases(district, count, 0)
    made = time.perf_counter()
    partial = csv_path.with_suffix(".partial")
    lon = np.char.mod("%.7f", cases["lon"]).tolist()
    lat = np.char.mod("%.7f", cases["lat"]).tolist()
    closed_at = [t if c else "" for t, c in zip(local_text(cases["closed_at"]), cases["closed"].tolist())]
    columns = ["case_id", "source", "kind", "class_code", "description", "address", "reported_at", "status",
               "closed_at", "lon", "lat"]
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(zip(cases["case_id"], cases["source"], cases["kind"], cases["class_code"],
                             cases["description"], cases["address"], local_text(cases["reported"]),
                             cases["status"], closed_at, lon, lat))
    np.savez(csv_path.with_suffix(".npz"), lon=cases["lon"], lat=cases["lat"], grid=cases["grid"])
    partial.rename(csv_path)
    code, name = top_class()
    lengths = [len(d) for d in cases["description"][:10_000]]
    return {"cases": count, "grids": len(district), "csv_mib": round(csv_path.stat().st_size / 2**20, 1),
            "class_code": code, "class_name": name,
            "class_share": round(cases["class_code"].count(code) / count, 3),
            "month_class": month_class_count(cases, code),
            "description_chars": [min(lengths), round(statistics.mean(lengths)), max(lengths)],
            "example": dict(zip(columns, first_row(csv_path))),
            "make_s": round(made - started, 1), "write_s": round(time.perf_counter() - made, 1)}


def first_row(path: Path) -> list[str]:
    """The first data row of a CSV."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return next(reader)


# --- workers (each in a fresh process) ---------------------------------------------------------


def postgis_params() -> dict:
    """psycopg2 keywords of the test server (tests/postgis.env, read like tests/conftest.py)."""
    env = {}
    for line in POSTGIS_ENV.read_text().splitlines():
        if line.startswith("export "):
            key, value = line[len("export "):].split("=", 1)
            env[key] = value
    return {"host": env["PGHOST"], "port": env["PGPORT"], "dbname": env["PGDATABASE"], "user": env["PGUSER"],
            "password": env["PGPASSWORD"]}


def pg_execute(statements: list[str]) -> list:
    import psycopg2

    conn = psycopg2.connect(connect_timeout=10, application_name="bench_cases", **postgis_params())
    try:
        out = []
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
                out.append(cursor.fetchall() if cursor.description else None)
        conn.commit()
        return out
    finally:
        conn.close()


def save_connection() -> None:
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    p = postgis_params()
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(p["host"], p["port"], p["dbname"], p["user"], p["password"])
    # without saveUsername/savePassword the stored connection has no credentials and cannot log in
    md.saveConnection(md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True}), CONNECTION)


def delete_connection() -> None:
    from qgis.core import QgsProviderRegistry

    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    if CONNECTION in md.connections():
        md.deleteConnection(CONNECTION)


def gpkg_count(path: str, table: str) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def worker_grids(job: dict) -> dict:
    """gridplugin:dividegrids on the sample district, following roads, as resources/sample/demo.py does
    (target area 10,000 m² unless the job says)."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing
    from qgis.core import QgsProcessingFeedback

    out = job["out"]
    started = time.perf_counter()
    result = processing.run("gridplugin:dividegrids", {
        "INPUT": f"{SAMPLE_GPKG}|layername=communities", "MODE": 1, "LINES": [f"{SAMPLE_GPKG}|layername=roads"],
        "ROAD_CLASS_FIELD": "road_class", "COMMUNITY_CODE_FIELD": "community_code",
        "STREET_NAME_FIELD": "street_name", "COMMUNITY_NAME_FIELD": "community_name",
        "TARGET_AREA": job.get("target_area", 10_000.0),
        "OUTPUT": f"ogr:dbname='{out}' table=\"unit_grids\" (geom)",
    }, feedback=QgsProcessingFeedback())
    return {"seconds": time.perf_counter() - started, "grids": int(result["GRID_COUNT"])}


def worker_generate(job: dict) -> dict:
    return generate(job["cases"], Path(job["csv"]), job["grids"])


def worker_pg(job: dict) -> dict:
    """Drop the bench schemas (and say whether the server answers)."""
    rows = pg_execute([*(f'DROP SCHEMA IF EXISTS "{s}" CASCADE' for s in SCHEMAS),
                       "SELECT postgis_lib_version(), version()"])
    return {"postgis": rows[-1][0][0], "server": rows[-1][0][1].split(",")[0]}


def worker_plugin_import(job: dict) -> dict:
    """processing.run("gridplugin:importcases") of the CSV into a new GeoPackage or PostGIS store."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing
    from qgis.core import QgsProcessingFeedback

    postgis = job["backend"] == "postgis"
    if postgis:
        pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA_IMPORT}" CASCADE'])
        save_connection()
    parameters = {
        "INPUT": job["csv"], "LAYER": "", "ENCODING": 0, "FIELD_MAP": "", "COORDINATES": 1, "SOURCE_CRS": None,
        "TIMEZONE": "Asia/Shanghai", "SCHEME": 0, "USER_CLASSES": "",
        "STORE": "" if postgis else job["store"], "CONNECTION": CONNECTION if postgis else "",
        "DB_SCHEMA": SCHEMA_IMPORT if postgis else "gridplugin",
        "GRIDS": job["grids"], "REJECTS": job["rejects"],
    }
    try:
        with harness.measured() as figures:
            result = processing.run("gridplugin:importcases", parameters, feedback=QgsProcessingFeedback())
    finally:
        if postgis:
            delete_connection()
    if postgis:
        stored = pg_execute([f'SELECT COUNT(*) FROM "{SCHEMA_IMPORT}".cases'])[0][0][0]
    else:
        stored = gpkg_count(job["store"], "cases")
    return {**figures, "stored": int(stored),
            **{k.lower(): int(result[k]) for k in ("READ_COUNT", "IMPORTED_COUNT", "UPDATED_COUNT",
                                                   "UNCHANGED_COUNT", "REJECTED_COUNT")}}


def worker_qgis_points(job: dict) -> dict:
    """native:createpointslayerfromtable: the CSV (as QGIS opens a file: OGR) to a GeoPackage point layer."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingFeedback

    with harness.measured() as figures:
        processing.run("native:createpointslayerfromtable", {
            "INPUT": job["csv"], "XFIELD": "lon", "YFIELD": "lat", "ZFIELD": None, "MFIELD": None,
            "TARGET_CRS": "EPSG:4490", "OUTPUT": job["out"],
        }, feedback=QgsProcessingFeedback())
    from osgeo import ogr

    ds = ogr.Open(job["out"])
    layer = ds.GetLayer(0)
    return {**figures, "written": layer.GetFeatureCount(), "layer": layer.GetName()}


def worker_qgis_postgis(job: dict) -> dict:
    """importintopostgis of the QGIS point layer into the QGIS connection (schema made beforehand)."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsApplication, QgsProcessingFeedback

    pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA_QGIS}" CASCADE', f'CREATE SCHEMA "{SCHEMA_QGIS}"'])
    save_connection()
    registry = QgsApplication.processingRegistry()
    algorithm = next(a for a in ("native:importintopostgis", "qgis:importintopostgis") if registry.algorithmById(a))
    try:
        with harness.measured() as figures:
            processing.run(algorithm, {
                "INPUT": job["input"], "DATABASE": CONNECTION, "SCHEMA": SCHEMA_QGIS, "TABLENAME": "cases",
                "PRIMARY_KEY": None, "GEOMETRY_COLUMN": "geom", "ENCODING": "UTF-8", "OVERWRITE": True,
                "CREATEINDEX": True, "LOWERCASE_NAMES": True, "DROP_STRING_LENGTH": False,
                "FORCE_SINGLEPART": False,
            }, feedback=QgsProcessingFeedback())
    finally:
        delete_connection()
    stored = pg_execute([f'SELECT COUNT(*) FROM "{SCHEMA_QGIS}".cases'])[0][0][0]
    return {**figures, "stored": int(stored), "algorithm": algorithm}


def open_store(job: dict, create: bool = False):
    if job["backend"] == "postgis":
        from grid_plugin.store.postgis import PostgisStore

        return PostgisStore(postgis_params(), schema=job["schema"])
    from grid_plugin.store.gpkg import GpkgStore

    return GpkgStore(job["store"], create=create)


def worker_build(job: dict) -> dict:
    """The aggregation stores: grids, then `cases` synthetic cases, one import_cases per batch of
    BATCH into each store (each batch is generated once and imported into every store)."""
    from grid_plugin.store.base import ImportCounts, import_cases

    started = time.perf_counter()
    district = District(job["grids"])
    code, _ = top_class()
    stores, out = {}, {}
    for backend, where in job["stores"].items():
        if backend == "postgis":
            pg_execute([f'DROP SCHEMA IF EXISTS "{where["schema"]}" CASCADE'])
        stores[backend] = open_store({"backend": backend, **where}, create=True)
        stores[backend].write_grids(district.stored_grids())
        out[backend] = {"imports": []}
    month_class, generate_s = 0, 0.0
    for batch in range(-(-job["cases"] // BATCH)):
        began = time.perf_counter()
        count = min(BATCH, job["cases"] - batch * BATCH)
        cases = make_cases(district, count, batch)
        month_class += month_class_count(cases, code)
        records = case_records(cases, district)
        del cases
        generate_s += time.perf_counter() - began
        for backend, store in stores.items():
            began = time.perf_counter()
            counts = import_cases(store, records, ImportCounts(read=count), "bench")
            out[backend]["imports"].append(round(time.perf_counter() - began, 2))
            assert counts.imported == count, counts
        del records
        shown = ", ".join(f"{b} {o['imports'][-1]:.1f} s" for b, o in out.items())
        print(f"      batch {batch + 1}: {count:,} cases imported in {shown}", flush=True)
    for backend, store in stores.items():
        out[backend].update(stored=store.count_cases(), import_s=sum(out[backend]["imports"]))
        store.close()
    return {"seconds": time.perf_counter() - started, "generate_s": generate_s, **harness.peak_memory_mib(),
            "month_class": month_class, "backends": out}


def worker_vacuum(job: dict) -> dict:
    """VACUUM ANALYZE of the PostGIS cases table (what autovacuum does some time after an import)."""
    import psycopg2

    conn = psycopg2.connect(connect_timeout=10, application_name="bench_cases", **postgis_params())
    conn.autocommit = True
    try:
        started = time.perf_counter()
        with conn.cursor() as cursor:
            cursor.execute(f'VACUUM ANALYZE "{job["schema"]}".cases')
        return {"seconds": time.perf_counter() - started}
    finally:
        conn.close()


def explain(store, job: dict, case_filter) -> str:
    """The query plan of counts_per_grid's query, shortened."""
    where, params = store.where(case_filter)
    sql = f"SELECT grid_code, COUNT(*) FROM {store.table('cases')}{where} GROUP BY grid_code"
    if job["backend"] == "postgis":
        rows = store.query("EXPLAIN " + sql, params)
        return " / ".join(r[0].strip().split("  (")[0] for r in rows if "->" in r[0] or r is rows[0])
    rows = store.query("EXPLAIN QUERY PLAN " + sql, params)
    return " / ".join(str(r[-1]) for r in rows)


def worker_aggregate(job: dict) -> dict:
    """store.counts_per_grid with a month + class filter: the first call and repeats."""
    from grid_plugin.core.cases.records import CaseFilter

    began = time.perf_counter()
    store = open_store(job)
    opened = time.perf_counter() - began
    case_filter = CaseFilter(start=MONTH_UTC[0], end=MONTH_UTC[1], class_codes=(job["class_code"],))
    times, counts = [], {}
    for _ in range(AGG_REPEATS):
        started = time.perf_counter()
        counts = store.counts_per_grid(case_filter)
        times.append(time.perf_counter() - started)
    peak = harness.peak_memory_mib()
    plan = explain(store, job, case_filter)
    total = store.count_cases()
    stats = {}
    if job["backend"] == "postgis":
        rows = store.query("SELECT n_live_tup, last_vacuum, last_autovacuum, last_analyze, last_autoanalyze "
                           "FROM pg_stat_user_tables WHERE schemaname = %s AND relname = 'cases'", [job["schema"]])
        if rows:
            stats = {"live": rows[0][0], "vacuumed": bool(rows[0][1] or rows[0][2]),
                     "analyzed": bool(rows[0][3] or rows[0][4])}
    store.close()
    return {"first": times[0], "median": statistics.median(times[1:]), "min": min(times), "open_s": opened,
            **peak, "grids": len(counts), "matched": sum(counts.values()), "cases": total, "plan": plan, **stats}


def worker_qgis_aggregate(job: dict) -> dict:
    """native:extractbyexpression (same month and class) then native:countpointsinpolygon, in memory."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    expression = (f"\"reported_at\" >= '{MONTH[0]}' AND \"reported_at\" < '{MONTH[1]}' "
                  f"AND \"class_code\" = '{job['class_code']}'")
    started = time.perf_counter()
    extracted = processing.run("native:extractbyexpression", {
        "INPUT": job["input"], "EXPRESSION": expression, "OUTPUT": "TEMPORARY_OUTPUT", "FAIL_OUTPUT": None,
    }, context=context, feedback=feedback)["OUTPUT"]
    middle = time.perf_counter()
    counted = processing.run("native:countpointsinpolygon", {
        "POLYGONS": job["grids"], "POINTS": extracted, "WEIGHT": None, "CLASSFIELD": None, "FIELD": "NUMPOINTS",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }, context=context, feedback=feedback)["OUTPUT"]
    seconds = time.perf_counter() - started
    peak = harness.peak_memory_mib()
    numbers = [f["NUMPOINTS"] for f in harness.output_layer(counted, context).getFeatures()]
    extracted_layer = harness.output_layer(extracted, context)
    return {"seconds": seconds, "extract_s": middle - started, "count_s": seconds - (middle - started), **peak,
            "extracted": extracted_layer.featureCount(), "matched": int(sum(numbers)),
            "grids": sum(1 for n in numbers if n)}


def worker_assign(job: dict) -> dict:
    """PointLocator of the case points (EPSG:4490) in the store's grids, as importcases calls it;
    assign_to_grids (STRtree) as the reference."""
    import numpy as np
    import shapely

    from grid_plugin.core.cases.grid_assignment import assign_to_grids
    from grid_plugin.core.cases.point_location import PointLocator
    from grid_plugin.store.gpkg import GpkgStore

    points = np.load(job["npz"])
    lon, lat = points["lon"], points["lat"]
    store = GpkgStore(job["store"], create=False)
    grids = store.read_grids()
    store.close()
    codes = np.asarray(grids.grid_codes, dtype=object)
    priority = np.argsort(np.argsort(codes.astype(str), kind="stable"))
    times, reference_times = [], []
    located = None
    for _ in range(job["repeats"]):
        started = time.perf_counter()
        located = PointLocator(grids.geometries, priority).locate(lon, lat)
        times.append(time.perf_counter() - started)
    peak = harness.peak_memory_mib()
    for _ in range(job["repeats"]):
        started = time.perf_counter()
        reference = assign_to_grids(shapely.points(lon, lat), grids.geometries, priority).grid
        reference_times.append(time.perf_counter() - started)
    assert located is not None
    inside = located >= 0
    return {"seconds": statistics.median(times), "assign_s": statistics.median(reference_times), "times": times,
            **peak, "points": len(lon), "grids": len(grids), "inside": int(inside.sum()),
            "used_grids": int(len(np.unique(located[inside]))), "same_as_strtree": bool((located == reference).all())}


def worker_qgis_count(job: dict) -> dict:
    """native:countpointsinpolygon of the same points and the store's grids (output in memory)."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    with harness.measured() as figures:
        counted = processing.run("native:countpointsinpolygon", {
            "POLYGONS": job["grids"], "POINTS": job["input"], "WEIGHT": None, "CLASSFIELD": None,
            "FIELD": "NUMPOINTS", "OUTPUT": "TEMPORARY_OUTPUT",
        }, context=context, feedback=QgsProcessingFeedback())["OUTPUT"]
    numbers = [f["NUMPOINTS"] for f in harness.output_layer(counted, context).getFeatures()]
    return {**figures, "grids": len(numbers), "counted": int(sum(numbers))}


WORKERS = {"grids": worker_grids, "generate": worker_generate, "pg": worker_pg,
           "baseline": lambda job: harness.worker_baseline(with_provider=True),
           "plugin_import": worker_plugin_import, "qgis_points": worker_qgis_points,
           "qgis_postgis": worker_qgis_postgis, "build": worker_build, "vacuum": worker_vacuum,
           "aggregate": worker_aggregate,
           "qgis_aggregate": worker_qgis_aggregate, "assign": worker_assign, "qgis_count": worker_qgis_count}


# --- orchestration (parent process: standard library only) -------------------------------------


def ensure_grids(runner: harness.Runner) -> str:
    """The road-following unit grids: out/demo.gpkg's, else made (and cached) like resources/sample/demo.py."""
    import sqlite3

    if DEMO_GPKG.exists():
        conn = sqlite3.connect(f"file:{DEMO_GPKG}?mode=ro", uri=True)
        try:
            if conn.execute("SELECT 1 FROM gpkg_contents WHERE table_name = 'unit_grids'").fetchone():
                return f"{DEMO_GPKG}|layername=unit_grids"
        finally:
            conn.close()
    out = harness.CACHE_DIR / "bench_cases_unit_grids.gpkg"
    if not out.exists():
        partial = harness.CACHE_DIR / "bench_cases_unit_grids_partial.gpkg"
        partial.unlink(missing_ok=True)
        run = runner.run("unit grids: gridplugin:dividegrids on the sample district", "grids", {"out": str(partial)})
        if run.result is None:
            raise SystemExit("could not make the unit grids")
        partial.rename(out)
    return f"{out}|layername=unit_grids"


def build_store(runner: harness.Runner, path: Path, grids_uri: str, count: int) -> dict:
    """A GeoPackage store of `count` synthetic cases in the grids, made at path by the build worker of
    this script (run by `runner`) through a .partial file; the worker's result."""
    partial = path.with_name(path.stem + "_partial.gpkg")
    partial.unlink(missing_ok=True)
    done = runner.run(f"building the store: {count:,} cases -> {path}", "build",
                      {"stores": {"gpkg": {"store": str(partial)}}, "grids": grids_uri, "cases": count}, echo=True)
    if done.result is None:
        raise SystemExit("could not build the case store")
    partial.rename(path)
    return done.result


def cached_csv(runner: harness.Runner, count: int, grids_uri: str) -> tuple[Path, dict]:
    harness.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = harness.CACHE_DIR / f"cases_{count}_seed{SEED}_v{GENERATOR_VERSION}.csv"
    facts_path = path.with_suffix(".json")
    if path.exists() and facts_path.exists() and path.with_suffix(".npz").exists():
        facts = json.loads(facts_path.read_text())
        if facts.get("grids_uri") == grids_uri:
            print(f"  cached CSV {path}", flush=True)
            return path, facts
    path.unlink(missing_ok=True)
    run = runner.run(f"generating {count:,} cases -> {path}", "generate",
                     {"cases": count, "csv": str(path), "grids": grids_uri})
    if run.result is None:
        raise SystemExit("case generation failed")
    facts = {**run.result, "grids_uri": grids_uri}
    facts_path.write_text(json.dumps(facts, ensure_ascii=False))
    return path, facts


def ratio(a, b):
    return a / b if a is not None and b else None


def met(value, target, larger_is_better: bool = False, full: bool = True) -> str:
    if not full:
        return "n/a (small run)"
    if value is None:
        return "FAIL" if target is not None else "n/a"
    return verdict(value >= target if larger_is_better else value <= target)


def f(runner: harness.Runner, name: str, key: str = "seconds", spec: str = ".2f") -> str:
    return fmt(runner.get(name, key), runner.error(name), spec)


def report(runner: harness.Runner, args, facts: dict, full: bool) -> None:
    r = runner
    n, agg_n = args.cases, args.agg_cases
    print()
    print(harness.machine_line("shared (figures vary by ±20 %)"))
    if r.get("baseline", "ru_maxrss_mib") is not None:
        print(f"Baseline worker (QGIS + Processing + provider, nothing run): peak "
              f"{r.get('baseline', 'ru_maxrss_mib'):,.0f} MiB — included in the peaks of the workers that start "
              "QGIS (import, QGIS sides); the build/aggregate/assign workers do not start QGIS.")
    print(f"Data: {n:,} cases ({facts['csv_mib']:,} MiB CSV), {facts['grids']:,} road-following unit grids; "
          f"filter: March 2025 (local) + class {facts['class_code']} {facts['class_name']} "
          f"({facts['class_share']:.1%} of cases).")
    print()

    print(f"Target 1 — import {n:,} cases from the CSV (processing.run wall time; QGIS start-up not included)")
    qgis_pg_chain = (None if r.get("qgis_points") is None or r.get("qgis_postgis") is None
                     else r.get("qgis_points") + r.get("qgis_postgis"))
    rows = []
    for backend, label, qgis_s, qgis_name, qgis_what in (
            ("gpkg", "GeoPackage", r.get("qgis_points"), "qgis_points", "createpointslayerfromtable → .gpkg"),
            ("postgis", "PostGIS", qgis_pg_chain, "qgis_postgis",
             "createpoints → .gpkg + importintopostgis")):
        name = f"import_{backend}"
        p_s = r.get(name)
        qgis_err = r.error(qgis_name) or (r.error("qgis_points") if backend == "postgis" else None)
        rows.append([label, f(r, name), fmt(qgis_s, qgis_err, ".2f"), qgis_what,
                     fmt(ratio(p_s, qgis_s), r.error(name) or qgis_err, ".2f"),
                     fmt(None if p_s is None else n / p_s, r.error(name), ",.0f"),
                     fmt(r.get(name, "imported_count"), r.error(name), ","),
                     f(r, name, "ru_maxrss_mib", ",.0f"), f(r, qgis_name, "ru_maxrss_mib", ",.0f"),
                     f"≤ {TARGET_IMPORT_S[backend]:.0f} s", met(p_s, TARGET_IMPORT_S[backend], full=full)])
    harness.table(["store", "plugin s", "QGIS s", "QGIS side", "ratio plugin/QGIS", "plugin cases/s", "imported",
                   "plugin peak MiB", "QGIS peak MiB", "target", "met"], rows)
    if r.get("qgis_postgis") is not None:
        print(f"  {r.get('qgis_postgis', 'algorithm')} alone (GeoPackage points → PostGIS): "
              f"{r.get('qgis_postgis'):.2f} s, {r.get('qgis_postgis', 'stored'):,} rows.")
    for backend in ("gpkg", "postgis"):
        if r.get(f"import_{backend}") is not None:
            res = r.runs[f"import_{backend}"].result
            print(f"  plugin {backend}: read {res['read_count']:,}, imported {res['imported_count']:,}, rejected "
                  f"{res['rejected_count']:,}; {res['stored']:,} rows in the store.")
    print()

    print(f"Target 2 — cases per grid, March 2025 + class {facts['class_code']} "
          f"(store.counts_per_grid; first call in a fresh process, then median of {AGG_REPEATS - 1} repeats)")
    rows = []
    for backend, label, names in (("gpkg", "GeoPackage", ("agg_gpkg", "agg1m_gpkg")),
                                  ("postgis", "PostGIS", ("agg_postgis", "agg_postgis_vacuumed", "agg1m_postgis"))):
        for name in names:
            size = n if name.startswith("agg1m") else agg_n
            shown = "PostGIS, after VACUUM ANALYZE" if name == "agg_postgis_vacuumed" else label
            first = r.get(name, "first")
            q_s = r.get("qgis_aggregate")
            rows.append([shown, f"{size:,}", fmt(first, r.error(name), ".3f"), f(r, name, "median", ".3f"),
                         fmt(q_s, r.error("qgis_aggregate"), ".2f") + f" ({n:,})",
                         fmt(ratio(first, q_s), r.error(name) or r.error("qgis_aggregate"), ".3f"),
                         fmt(r.get(name, "matched"), r.error(name), ","), fmt(r.get(name, "grids"), r.error(name), ","),
                         f(r, name, "ru_maxrss_mib", ",.0f"),
                         f"≤ {TARGET_AGG_S[backend]:.0f} s" if size == agg_n else "(import store)",
                         met(first, TARGET_AGG_S[backend], full=full) if size == agg_n else "-"])
    harness.table(["store", "cases", "plugin first s", "plugin median s", "QGIS s (cases)", "ratio first/QGIS",
                   "matched", "grids", "plugin peak MiB", "target", "met"], rows)
    if r.get("qgis_aggregate") is not None:
        q = r.runs["qgis_aggregate"].result
        print(f"  QGIS side: native:extractbyexpression {q['extract_s']:.2f} s ({q['extracted']:,} points) + "
              f"native:countpointsinpolygon {q['count_s']:.2f} s ({q['matched']:,} counted in {q['grids']:,} "
              f"grids), on the {n:,}-case point layer of target 1 only (not on {agg_n:,}).")
    for backend in ("gpkg", "postgis"):
        name = f"build_{backend}"
        if r.get(name) is not None:
            b = r.runs[name].result
            per_batch = ", ".join(f"{t:.0f}" for t in b["imports"])
            print(f"  build {backend} {agg_n:,} cases: {b['seconds']:.0f} s in all, of which import_cases "
                  f"{b['import_s']:.0f} s in {len(b['imports'])} batch(es) ({per_batch} s) and generating the "
                  f"synthetic cases {b['generate_s']:.0f} s; worker peak {b['ru_maxrss_mib']:,.0f} MiB; "
                  f"{b['stored']:,} stored; expected matches {b['month_class']:,}"
                  f"{'' if args.serial_build else ' (both stores were built at once)'}.")
        elif r.error(name):
            print(f"  build {backend}: {r.error(name)}")
        if backend == "postgis" and r.get("vacuum") is not None:
            print(f"  VACUUM ANALYZE of the {agg_n:,}-case PostGIS table: {r.get('vacuum'):.0f} s.")
        agg = r.get(f"agg_{backend}", "plan")
        if agg:
            extra = ""
            if backend == "postgis" and r.get(f"agg_{backend}", "live") is not None:
                res = r.runs[f"agg_{backend}"].result
                extra = f" (table analyzed: {res['analyzed']}, vacuumed: {res['vacuumed']})"
            print(f"  plan {backend} {agg_n:,}: {agg}{extra}")
        if backend == "postgis" and r.get("agg_postgis_vacuumed", "plan"):
            print(f"  plan postgis {agg_n:,} after VACUUM ANALYZE: {r.get('agg_postgis_vacuumed', 'plan')}")
    print(f"  expected matches in the {n:,}-case CSV: {facts['month_class']:,}")
    print()

    print(f"Target 3 — case → grid assignment, {n:,} points (EPSG:4490) against the store's grids")
    p_s, q_s = r.get("assign"), r.get("qgis_count")
    speed = None if p_s is None else n / p_s
    speedup = ratio(q_s, p_s)
    harness.table(["points", "grids", "plugin s", "plugin points/s", "QGIS countpointsinpolygon s",
                   "speed-up QGIS/plugin", "plugin inside", "QGIS counted", "plugin peak MiB", "QGIS peak MiB",
                   "targets", "met"],
                  [[f"{n:,}", fmt(r.get("assign", "grids"), r.error("assign"), ","), f(r, "assign", spec=".3f"),
                    fmt(speed, r.error("assign"), ",.0f"), f(r, "qgis_count"),
                    fmt(speedup, r.error("assign") or r.error("qgis_count"), ".1f"),
                    fmt(r.get("assign", "inside"), r.error("assign"), ","),
                    fmt(r.get("qgis_count", "counted"), r.error("qgis_count"), ","),
                    f(r, "assign", "ru_maxrss_mib", ",.0f"), f(r, "qgis_count", "ru_maxrss_mib", ",.0f"),
                    "≥ 1,000,000 pts/s; ≥ 10×",
                    f"{met(speed, TARGET_POINTS_PER_S, True, full)}; {met(speedup, TARGET_SPEEDUP, True, full)}"]])
    if p_s is not None:
        a = r.runs["assign"].result
        print(f"  plugin: median of {len(a['times'])} runs ({', '.join(f'{t:.3f}' for t in a['times'])} s); "
              f"index built and points located; the STRtree reference (shapely.points + assign_to_grids) "
              f"{a['assign_s']:.3f} s, same answers: {a.get('same_as_strtree')}; the worker does not start QGIS.")
    print()

    print("Target 4 — peak memory of each plugin measurement (worker ru_maxrss)")
    rows = []
    for name, what in (("import_gpkg", "importcases → GeoPackage"), ("import_postgis", "importcases → PostGIS"),
                       ("agg_gpkg", "counts_per_grid GeoPackage"), ("agg_postgis", "counts_per_grid PostGIS"),
                       ("assign", "case -> grid (PointLocator)"),
                       ("build_gpkg", "(build GeoPackage store: import_cases of 1 M batches)"),
                       ("build_postgis", "(build PostGIS store: import_cases of 1 M batches)")):
        peak = r.get(name, "ru_maxrss_mib")
        rows.append([what, fmt(peak, r.error(name), ",.0f"), fmt(r.get(name, "vmhwm_mib"), r.error(name), ",.0f"),
                     f"≤ {TARGET_MEMORY_MIB:,.0f} MiB", met(peak, TARGET_MEMORY_MIB, full=full)])
    harness.table(["measurement", "peak MiB", "VmHWM MiB", "target", "met"], rows)
    print("Kernel heatmap target: see bench/bench_heatmap.py (not measured here).")
    if not full:
        print(f"Small run: {n:,} cases and {agg_n:,} for the aggregation; the targets apply at "
              f"{CASES:,} / {AGG_CASES:,}, so nothing is judged.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_CASES:,} cases and {QUICK_AGG_CASES:,} for the aggregation (smoke run)")
    parser.add_argument("--cases", type=int, help=f"cases in the CSV (default {CASES:,})")
    parser.add_argument("--agg-cases", type=int, help=f"cases in the aggregation stores (default {AGG_CASES:,})")
    parser.add_argument("--skip-qgis", action="store_true", help="plugin side only")
    parser.add_argument("--skip-postgis", action="store_true", help="GeoPackage only")
    parser.add_argument("--serial-build", action="store_true",
                        help="build the GeoPackage and PostGIS aggregation stores one after the other (default: "
                             "both at once, which is faster on 2 cores but makes their build times noisier)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and the PostGIS schemas")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "job")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS)

    args.cases = args.cases or (QUICK_CASES if args.quick else CASES)
    args.agg_cases = args.agg_cases or (QUICK_AGG_CASES if args.quick else AGG_CASES)
    full = args.cases >= CASES and args.agg_cases >= AGG_CASES
    env = harness.child_env()
    runner = harness.Runner(__file__, env, args.timeout)
    print(harness.header(f"bench_cases: {args.cases:,} cases, {args.agg_cases:,} for the aggregation"), flush=True)
    began = time.perf_counter()
    grids_uri = ensure_grids(runner)
    print(f"  unit grids: {grids_uri}", flush=True)
    csv_path, facts = cached_csv(runner, args.cases, grids_uri)
    print(f"  CSV {facts['csv_mib']:,} MiB, {facts['grids']:,} grids; description length (chars) min/mean/max "
          f"{facts['description_chars']}; e.g. {json.dumps(facts['example'], ensure_ascii=False)}", flush=True)
    work = harness.new_work_dir("cases_")
    postgis = not args.skip_postgis
    try:
        if postgis:
            pg = runner.run("PostGIS: dropping the bench schemas", "pg", {})
            if pg.error:
                postgis = False
                print("    PostGIS unavailable (start it with: bash .ci/postgis.sh); PostGIS parts skipped", flush=True)
        runner.run("baseline", "baseline", {})
        common = {"csv": str(csv_path), "grids": grids_uri}
        import_store = work / "import_store.gpkg"
        qgis_points = work / "qgis_points.gpkg"
        print("Target 1: import", flush=True)
        runner.run("import_gpkg", "plugin_import", {**common, "backend": "gpkg", "store": str(import_store),
                                                    "rejects": str(work / "rejects_gpkg.csv")})
        if postgis:
            runner.run("import_postgis", "plugin_import", {**common, "backend": "postgis",
                                                           "rejects": str(work / "rejects_postgis.csv")})
        else:
            runner.skip("import_postgis", "skipped")
        if args.skip_qgis:
            for name in ("qgis_points", "qgis_postgis", "qgis_aggregate", "qgis_count"):
                runner.skip(name, "skipped")
        else:
            runner.run("qgis_points", "qgis_points", {"csv": str(csv_path), "out": str(qgis_points)})
            if postgis and qgis_points.exists():
                runner.run("qgis_postgis", "qgis_postgis", {"input": str(qgis_points)})
            else:
                runner.skip("qgis_postgis", "skipped")

        print("Target 2: aggregation", flush=True)
        agg_store = work / "agg_store.gpkg"
        code = facts["class_code"]
        builds = {"gpkg": {"store": str(agg_store)}}
        if postgis:
            builds["postgis"] = {"schema": SCHEMA_AGG}
        else:
            runner.skip("build_postgis", "skipped")

        def build(backend: str) -> None:
            run = runner.run(f"build_{backend}", "build", {"stores": {backend: builds[backend]}, "grids": grids_uri,
                                                          "cases": args.agg_cases}, echo=True)
            if run.result:
                result = {**run.result, **run.result["backends"][backend]}
                runner.runs[f"build_{backend}"] = harness.ChildRun(result=result)

        if args.serial_build:
            for backend in builds:
                build(backend)
        else:  # the two builds at once (2 cores): about 8 instead of 13 minutes at 10 M
            with ThreadPoolExecutor(max_workers=2) as pool:
                list(pool.map(build, builds))
        for backend, name, job in (
                ("gpkg", "agg_gpkg", {"store": str(agg_store)}), ("postgis", "agg_postgis", {"schema": SCHEMA_AGG}),
                ("gpkg", "agg1m_gpkg", {"store": str(import_store)}),
                ("postgis", "agg1m_postgis", {"schema": SCHEMA_IMPORT})):
            source = f"build_{backend}" if name.startswith("agg_") else f"import_{backend}"
            if r_ok(runner, source):
                runner.run(name, "aggregate", {**job, "backend": backend, "class_code": code})
            else:
                runner.skip(name, "skipped")
        if r_ok(runner, "build_postgis"):
            runner.run("vacuum", "vacuum", {"schema": SCHEMA_AGG})
            runner.run("agg_postgis_vacuumed", "aggregate", {"schema": SCHEMA_AGG, "backend": "postgis",
                                                             "class_code": code})
        grid_layer = f"{import_store}|layername=unit_grids" if r_ok(runner, "import_gpkg") else grids_uri
        if not args.skip_qgis and qgis_points.exists():
            runner.run("qgis_aggregate", "qgis_aggregate", {"input": str(qgis_points), "grids": grid_layer,
                                                            "class_code": code})

        print("Target 3: case → grid assignment", flush=True)
        grid_store = import_store if r_ok(runner, "import_gpkg") else agg_store
        runner.run("assign", "assign", {"npz": str(csv_path.with_suffix(".npz")), "store": str(grid_store),
                                        "repeats": 3})
        if not args.skip_qgis and qgis_points.exists():
            runner.run("qgis_count", "qgis_count", {"input": str(qgis_points),
                                                    "grids": f"{grid_store}|layername=unit_grids"})
    finally:
        if args.keep:
            print(f"  kept {work} and the PostGIS schemas {', '.join(SCHEMAS)}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            if postgis:
                runner.run("PostGIS: dropping the bench schemas", "pg", {})
    report(runner, args, facts, full)
    print(f"Total run time {time.perf_counter() - began:.0f} s.")
    return 0


def r_ok(runner: harness.Runner, name: str) -> bool:
    return runner.get(name) is not None


if __name__ == "__main__":
    sys.exit(main())
