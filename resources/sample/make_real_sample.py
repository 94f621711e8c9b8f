"""The sample district's cases as a real export writes them, traps included (FICTIONAL data).

make_sample.py calls `write_real_sample` after it has written and checked the clean sample; the
clean files are not touched. Everything random here comes from its own generator (REAL_SEED), so
the clean sample's draws stay as they were.

sample_cases_real.csv: the sample cases reported January to June 2025 (2,298 rows), as a hotline
platform exports them (UTF-8 with BOM, Chinese headers):
  - times in US form, MM/DD/YYYY hh:mm:ss AM/PM, local time (Asia/Shanghai) without a zone;
  - 经度/纬度 in GCJ-02 (core.geodesy.offsets.wgs84_to_gcj02, 6 decimals) while the 坐标系 column says WGS84;
  - a default-location pile: PILE_SHARE (8 %) of the rows on the point of the 槐荫街道办事处 (the
    street office), half of them with their own address, half with a vague one;
  - a quarter of the other rows placed on their nearest door plate, as an address-geocoding
    platform does: real places repeated a few times each (the pile rule must leave them alone);
  - rows with an empty class, rows with an unknown class (06999), and quotes (" and “”) in
    descriptions and addresses.
sample_real.gpkg, layer components_gcj02: the sample's components in GCJ-02 degrees, tagged EPSG:4326.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import fiona
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Point, mapping
from shapely.strtree import STRtree

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # the plugin's own GCJ-02 formula, as the brief of the traps asks
    sys.path.insert(0, str(REPO_ROOT))
from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02  # noqa: E402

REAL_SEED = 20240117
REAL_CSV_NAME = "sample_cases_real.csv"
REAL_GPKG_NAME = "sample_real.gpkg"
LAST_MONTH = 6  # January to June
PILE_SHARE = 0.08
SNAP_SHARE = 0.25
EMPTY_CLASS_ROWS = 6
UNKNOWN_CLASS_ROWS = 3
QUOTED_ROWS = 4
UNKNOWN_CLASS = ("06999", "其他问题（待分类）")
OFFICE_NAME = "槐荫街道办事处"
OFFICE_NOMINAL_XY = (1700.0, 2750.0)  # metres from the south-west of the nominal extent (street 001)
VAGUE_ADDRESS = "示例区槐荫街道（位置不详）"
COORDINATE_SYSTEM_TAG = "WGS84"  # what the export claims; the numbers are GCJ-02
HEADER = ("案件编号", "案件来源", "案件类型", "小类代码", "小类名称", "问题描述", "地址", "上报时间", "状态",
          "结案时间", "经度", "纬度", "坐标系")
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class RealSampleSummary:
    rows: int
    pile_rows: int
    snapped_rows: int
    office_lonlat: tuple[float, float]


def us_time(moment: datetime | None) -> str:
    """'03/01/2025 08:05:09 PM' in the case's own (local) time; '' for none. Written by hand, so that
    no locale changes AM/PM."""
    if moment is None:
        return ""
    hour12 = moment.hour % 12 or 12
    return (f"{moment.month:02d}/{moment.day:02d}/{moment.year:04d} {hour12:02d}:{moment.minute:02d}:"
            f"{moment.second:02d} {'AM' if moment.hour < 12 else 'PM'}")


def gcj02_text(points: Sequence[Point], to_output: Transformer) -> list[tuple[str, str]]:
    """Longitude and latitude texts in GCJ-02 (6 decimals, as web maps give them) of EPSG:4548 points."""
    lon, lat = to_output.transform(np.array([p.x for p in points]), np.array([p.y for p in points]))
    glon, glat = wgs84_to_gcj02(np.asarray(lon), np.asarray(lat))
    return [(f"{x:.6f}", f"{y:.6f}") for x, y in zip(glon.tolist(), glat.tolist(), strict=True)]


def office_point(door_plates: Sequence[Point], origin: tuple[float, float]) -> Point:
    """The street office stands at the door plate nearest its nominal place."""
    nominal = Point(origin[0] + OFFICE_NOMINAL_XY[0], origin[1] + OFFICE_NOMINAL_XY[1])
    return min(door_plates, key=nominal.distance)


def choose(rng: np.random.Generator, pool: list[int], count: int) -> list[int]:
    """`count` distinct members of `pool`, removed from it, in ascending order."""
    picked = sorted(int(k) for k in rng.choice(len(pool), count, replace=False))
    chosen = [pool[k] for k in picked]
    for k in reversed(picked):
        pool.pop(k)
    return sorted(chosen)


def write_real_sample(out_dir: Path, cases: Sequence, door_plates: Sequence[Point], components: Sequence,
                      component_properties, origin: tuple[float, float], to_output: Transformer,
                      fixed_date: str) -> RealSampleSummary:
    """Write sample_cases_real.csv and sample_real.gpkg (see the module docstring); `cases` are
    make_sample's Case objects (geometry in EPSG:4548), `door_plates` the door-plate points."""
    csv_path, gpkg_path = out_dir / REAL_CSV_NAME, out_dir / REAL_GPKG_NAME
    for stale in (csv_path, gpkg_path):
        stale.unlink(missing_ok=True)
    rng = np.random.default_rng(REAL_SEED)
    rows = [c for c in cases if c.reported_at.month <= LAST_MONTH]
    n = len(rows)
    pool = list(range(n))
    pile = set(choose(rng, pool, round(PILE_SHARE * n)))
    empty_class = choose(rng, pool, EMPTY_CLASS_ROWS)
    unknown_class = choose(rng, pool, UNKNOWN_CLASS_ROWS)
    quoted = choose(rng, pool, QUOTED_ROWS)
    snapped = set(choose(rng, pool, round(SNAP_SHARE * n)))
    office = office_point(door_plates, origin)
    plates = STRtree(list(door_plates))
    points = []
    for k, case in enumerate(rows):
        if k in pile:
            points.append(office)
        elif k in snapped:
            points.append(door_plates[int(plates.query_nearest(case.geom)[0])])
        else:
            points.append(case.geom)
    coordinates = gcj02_text(points, to_output)
    vague = {k for i, k in enumerate(sorted(pile)) if i % 2}
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # as Excel saves "CSV UTF-8"
        writer.writerow(HEADER)
        for k, case in enumerate(rows):
            code, name = case.class_code, case.class_name
            description, address = case.description, case.address
            if k in empty_class:
                code = name = ""
            elif k in unknown_class:
                code, name = UNKNOWN_CLASS
            if k in quoted:
                description = f'{description}，商户称"马上就收"'
                address = f"{address}“老字号”烧饼店门前"
            if k in vague:
                address = VAGUE_ADDRESS
            writer.writerow([case.case_id, case.source, case.kind, code, name, description, address,
                             us_time(case.reported_at), case.status, us_time(case.closed_at), *coordinates[k],
                             COORDINATE_SYSTEM_TAG])
    write_gcj02_components(gpkg_path, components, component_properties, to_output, fixed_date)
    for path in (csv_path, gpkg_path):
        assert path.stat().st_size < MAX_BYTES, f"{path.name} is {path.stat().st_size} bytes, over {MAX_BYTES}"
    office_lonlat = tuple(float(v) for v in coordinates[min(pile)])
    return RealSampleSummary(n, len(pile), len(snapped), (office_lonlat[0], office_lonlat[1]))


def write_gcj02_components(path: Path, components: Sequence, component_properties, to_output: Transformer,
                           fixed_date: str) -> None:
    """The components in GCJ-02 degrees, tagged EPSG:4326 as web-map downloads are (layer components_gcj02)."""
    lon, lat = to_output.transform(np.array([c.geom.x for c in components]), np.array([c.geom.y for c in components]))
    glon, glat = wgs84_to_gcj02(np.asarray(lon), np.asarray(lat))
    first = component_properties(components[0])
    schema = {"geometry": "Point", "properties": {name: "str" for name in first}}
    records = [{"geometry": mapping(shapely.Point(round(x, 7), round(y, 7))), "properties": component_properties(c)}
               for c, x, y in zip(components, glon.tolist(), glat.tolist(), strict=True)]
    with fiona.Env(OGR_CURRENT_DATE=fixed_date), fiona.open(path, "w", driver="GPKG", layer="components_gcj02",
                                                              crs="EPSG:4326", schema=schema) as sink:
        sink.writerecords(records)
