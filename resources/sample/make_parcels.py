"""The parcels (地块) of the sample district (FICTIONAL data): layer `parcels` of sample_district.gpkg.

An old-town district's land as a city's land-use or 网格化 data holds it, in the large blocks without public
roads (the walled compounds, 大院, of make_sample.py's road network):
  - walled residential compounds (小区), most of 15,000–35,000 m², some below 20,000 m² and two above
    OPEN_LAND_MAX_M2 (4 × the demo's target area), one named with quotes (新华"一村");
  - a park (明湖公园) with its lake (明湖) as a parcel of its own (水体), the park holding it as a hole;
  - two schools (学校), a government compound and a hospital (机关);
  - land-use parcels along roads (用地): shop frontages along two arterials, a petrol station.

The edges along roads lie near the road centre lines, not on them, as parcels drawn from another source do:
each block's parcels keep SETBACK_M (decimetres to a few metres) off the centre lines, their corners on the
road side moved a further VERTEX_NOISE_M; in one block the setback is smaller than the noise, so a few edges
cross the arterial there (into the next community) by decimetres. Neighbouring parcels share their edges
exactly, except where a lane (夹道) of a few metres runs between two walls. One compound's ring touches
itself: it runs round a transformer enclave (配电室) touching the wall at one point, as a digitised "inverted
hole" does; make_valid turns it into a polygon with a hole of the same area.

Fields: name (Chinese), type (小区/公园/水体/学校/机关/用地), managed (1 for 小区, 学校, 机关: the parcel is one
managed unit; 0 else). make_sample.py calls `build_parcels` and `write_parcels` after it has written the other
layers; everything random here comes from its own generator (PARCEL_SEED), so the other layers stay as they
were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import fiona
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LinearRing, Point, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry

PARCEL_SEED = 20240607
LAYER = "parcels"
FIELDS = {"name": "str", "type": "str", "managed": "int"}
COMPOUND, PARK, WATER, SCHOOL, INSTITUTION, LAND_USE = "小区", "公园", "水体", "学校", "机关", "用地"
MANAGED_TYPES = (COMPOUND, SCHOOL, INSTITUTION)
OPEN_LAND_MAX_M2 = 40_000.0  # 4 × the demo's target area: a managed unit up to this stays one grid
VERTEX_NOISE_M = 0.15  # standard deviation of the road-side corners' offsets
QUOTED_NAME = '新华"一村"'
SELF_TOUCHING = "晴川东里"  # the compound whose ring runs round the transformer enclave


@dataclass(frozen=True)
class Plot:
    """A parcel as planned: the part of its block's inset inside `cell` (metres from the south-west of the
    nominal extent, as make_sample.py places things)."""

    name: str
    kind: str
    cell: tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class BlockPlan:
    """The parcels of one block: the face of the road network holding the nominal point `at`."""

    at: tuple[float, float]
    setback_m: float  # the parcels' road-side edges from the road centre lines
    plots: tuple[Plot, ...] = ()
    fill: str = ""  # when given: compounds laid out by `fill_block`, named after this


def plot(name: str, kind: str, x0: float, y0: float, x1: float, y1: float) -> Plot:
    return Plot(name, kind, (x0, y0, x1, y1))


# The lake of 明湖公园: centre and radii (metres, nominal), its shore wiggled by LAKE_WIGGLE of the radius.
LAKE_NAME, LAKE_CENTRE, LAKE_RADII, LAKE_WIGGLE = "明湖", (2405.0, 2600.0), (96.0, 72.0), 0.08
BLOCKS = (
    # 晴川社区: the park, with compounds north of it; the compound 明湖苑 is larger than OPEN_LAND_MAX_M2, a lane
    # of 5 m runs between it and 新华二村
    BlockPlan((2300.0, 2600.0), 1.2, (
        plot("明湖公园", PARK, 2200, 2420, 2600, 2763),
        plot("槐香园", COMPOUND, 2200, 2763, 2410, 2926),
        plot("晴川北里", COMPOUND, 2200, 2926, 2398, 3140),
        plot(QUOTED_NAME, COMPOUND, 2398, 2926, 2600, 3140),
        plot("新华二村", COMPOUND, 2560, 2926, 2696, 3140),
        plot("明湖苑", COMPOUND, 2701, 2926, 3000, 3140),
    )),
    # 晴川社区: shop frontage along 槐荫大街 (an arterial: the setback smaller than the noise), a school, three
    # compounds, a lane of 4 m between the northern two
    BlockPlan((2780.0, 2270.0), 0.1, (
        plot("槐荫大街沿街商业用地", LAND_USE, 2560, 2080, 2980, 2140),
        plot("示例区第一中学", SCHOOL, 2560, 2140, 2775, 2318),
        plot("晴川家园", COMPOUND, 2775, 2140, 2980, 2318),
        plot("聚宝小区", COMPOUND, 2560, 2318, 2760, 2460),
        plot(SELF_TOUCHING, COMPOUND, 2764, 2318, 2980, 2460),
    )),
    # 柳荫社区: the district government's compound, a hospital, a large compound (above OPEN_LAND_MAX_M2) and a
    # petrol station on 和义大街; the rest of the block has no parcel
    BlockPlan((3470.0, 2600.0), 2.0, (
        plot("示例区人民政府机关大院", INSTITUTION, 3280, 2725, 3467, 2960),
        plot("示例区中医医院", INSTITUTION, 3467, 2610, 3640, 2780),
        plot("柳荫里", COMPOUND, 3280, 2420, 3640, 2610),
        plot("和义加油站", LAND_USE, 3280, 2610, 3360, 2680),
    )),
    # 柳荫社区: shop frontage along 和义大街 and three compounds
    BlockPlan((3470.0, 2270.0), 0.6, (
        plot("和义大街沿街商业用地", LAND_USE, 3280, 2080, 3345, 2460),
        plot("翠苑一区", COMPOUND, 3345, 2080, 3480, 2300),
        plot("翠苑二区", COMPOUND, 3480, 2080, 3640, 2300),
        plot("翠苑三区", COMPOUND, 3345, 2300, 3640, 2460),
    )),
    # 柳荫社区: a primary school and three compounds
    BlockPlan((3800.0, 2950.0), 0.8, (
        plot("示例区实验小学", SCHOOL, 3600, 2750, 3760, 2935),
        plot("益民小区", COMPOUND, 3760, 2750, 3990, 2935),
        plot("春和园", COMPOUND, 3600, 2935, 3800, 3130),
        plot("秋实苑", COMPOUND, 3800, 2935, 3990, 3130),
    )),
    # blocks of compounds only (fill_block), named after their community: 枫林社区 (three), 桂馨社区 (two), 秋水社区
    # (two, one with its south edge the district's), 瑞雪社区 (two), 丁香社区, 玉兰社区 (three); some with a road of
    # the road layer running into them (their internal road)
    BlockPlan((2400.0, 500.0), 1.5, fill="枫林"),
    BlockPlan((2760.0, 500.0), 0.4, fill="枫园"),
    BlockPlan((2760.0, 970.0), 1.8, fill="枫丹"),
    BlockPlan((3460.0, 900.0), 2.5, fill="桂馨"),
    BlockPlan((4150.0, 500.0), 0.7, fill="桂园"),
    BlockPlan((4900.0, 150.0), 1.0, fill="秋水"),
    BlockPlan((4500.0, 570.0), 2.2, fill="秋景"),
    BlockPlan((2780.0, 3570.0), 0.5, fill="瑞雪"),
    BlockPlan((2780.0, 3260.0), 1.3, fill="雪松"),
    BlockPlan((4050.0, 3250.0), 0.9, fill="丁香"),
    BlockPlan((3460.0, 1500.0), 1.6, fill="玉兰"),
    BlockPlan((3800.0, 1900.0), 0.3, fill="玉泉"),
    BlockPlan((3950.0, 1200.0), 2.0, fill="兰亭"),
)
FILL_CELL_M = 150.0  # about the side of a filled compound
FILL_MIN_M2 = 8_000.0  # a cell with less of the block in it stays without a parcel
FILL_SUFFIXES = ("北里", "南里", "东里", "西里", "家园", "花园", "新村", "小区", "雅苑", "嘉园", "公寓", "佳苑",
                 "名苑", "丽园", "华庭", "景园", "新苑", "福园", "康居", "颐园")
LANE_SHARE, LANE_WIDTH_M = 0.4, (3.0, 6.0)  # share of a fill's inner walls with a lane between, its width


@dataclass(frozen=True)
class Parcel:
    geom: Polygon  # EPSG:4548
    name: str
    kind: str

    @property
    def managed(self) -> int:
        return int(self.kind in MANAGED_TYPES)


def build_parcels(communities: Sequence[Polygon], roads: Sequence[BaseGeometry],
                  origin: tuple[float, float]) -> list[Parcel]:
    """The parcels of BLOCKS, in EPSG:4548 (as the communities and road centre lines given)."""
    rng = np.random.default_rng(PARCEL_SEED)
    x0, y0 = origin
    blocks = RoadBlocks(communities, roads)
    parcels: list[Parcel] = []
    moved: dict[tuple[float, float], tuple[float, float]] = {}  # corner -> where the noise put it
    for plan in BLOCKS:
        groups: dict[int, tuple[Polygon, list[Plot]]] = {}  # face id -> (its inset, its plots), in plan order
        if plan.fill:
            face = blocks.at(Point(x0 + plan.at[0], y0 + plan.at[1]))
            inset = inset_of(face, plan.setback_m)
            groups[id(face)] = (inset, list(fill_block(rng, inset, origin, plan.fill)))
        for plot_ in plan.plots:
            face = blocks.most_of(box(plot_.cell[0] + x0, plot_.cell[1] + y0, plot_.cell[2] + x0, plot_.cell[3] + y0))
            groups.setdefault(id(face), (inset_of(face, plan.setback_m), []))[1].append(plot_)
        for inset, plots in groups.values():
            lake = lake_polygon(rng, origin) if any(p.kind == PARK for p in plots) else None
            pieces = cut_block(inset, plots, origin, lake)
            free = movable_corners([geom for _, _, geom in pieces], inset)
            parcels += [Parcel(jitter_corners(rng, geom, free, moved), name, kind) for name, kind, geom in pieces]
    parcels = [Parcel(touch_itself(p.geom), p.name, p.kind) if p.name == SELF_TOUCHING else p for p in parcels]
    names = [p.name for p in parcels]
    assert len(set(names)) == len(names), "duplicate parcel names"
    return parcels


def inset_of(face: Polygon, setback_m: float) -> Polygon:
    """The block shrunk by the setback (its largest part, where a narrow neck closes)."""
    inset = face.buffer(-setback_m, join_style="mitre")
    return inset if inset.geom_type == "Polygon" else max(shapely.get_parts(inset), key=lambda g: g.area)


class RoadBlocks:
    """The blocks of each community: its faces cut by the road centre lines, noded on a 1 cm grid, so that a road
    ending a few nanometres short of the one it meets (after a round trip through EPSG:4490) still closes a block."""

    def __init__(self, communities: Sequence[Polygon], roads: Sequence[BaseGeometry]):
        self.communities, self.roads = list(communities), list(roads)
        self._faces: dict[int, list[Polygon]] = {}

    def faces(self, k: int) -> list[Polygon]:
        if k not in self._faces:
            community = self.communities[k]
            lines = [r.intersection(community) for r in self.roads if r.intersects(community)]
            noded = shapely.union_all([community.exterior, *lines], grid_size=0.01)
            self._faces[k] = [f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
                              if community.contains(f.representative_point())]
        return self._faces[k]

    def at(self, point: Point) -> Polygon:
        (k,) = [k for k, c in enumerate(self.communities) if c.contains(point)]
        (face,) = [f for f in self.faces(k) if f.contains(point)]
        return face

    def most_of(self, cell: Polygon) -> Polygon:
        """The block of the community holding the cell's centre that takes the largest part of the cell."""
        (k,) = [k for k, c in enumerate(self.communities) if c.contains(cell.centroid)]
        return max(self.faces(k), key=lambda f: f.intersection(cell).area)


def fill_block(rng: np.random.Generator, inset: Polygon, origin: tuple[float, float], base: str) -> tuple[Plot, ...]:
    """Compounds on a grid of about FILL_CELL_M across the block, the walls jittered, some with a lane between."""
    x0, y0 = origin
    minx, miny, maxx, maxy = inset.bounds
    columns = max(1, round((maxx - minx) / FILL_CELL_M))
    rows = max(1, round((maxy - miny) / FILL_CELL_M))

    def walls(low: float, high: float, count: int) -> list[tuple[float, float]]:
        """(end of one cell, start of the next) for each inner wall, with a lane sometimes."""
        out = []
        for k in range(1, count):
            at = low + (high - low) * k / count + rng.uniform(-0.08, 0.08) * (high - low) / count
            lane = rng.uniform(*LANE_WIDTH_M) if rng.random() < LANE_SHARE else 0.0
            out.append((round(at - lane / 2, 1), round(at + lane / 2, 1)))
        return out

    xs = [(minx - 10, None), *walls(minx, maxx, columns), (None, maxx + 10)]
    ys = [(miny - 10, None), *walls(miny, maxy, rows), (None, maxy + 10)]
    suffixes = list(FILL_SUFFIXES)
    rng.shuffle(suffixes)
    plots = []
    for j in range(rows):
        for i in range(columns):
            cell = (xs[i][0] if i == 0 else xs[i][1], ys[j][0] if j == 0 else ys[j][1],
                    xs[i + 1][1] if i + 1 == columns else xs[i + 1][0], ys[j + 1][1] if j + 1 == rows else ys[j + 1][0])
            if inset.intersection(box(*cell)).area >= FILL_MIN_M2:
                plots.append(Plot(base + suffixes.pop(), COMPOUND, (cell[0] - x0, cell[1] - y0, cell[2] - x0,
                                                                    cell[3] - y0)))
    return tuple(plots)


def lake_polygon(rng: np.random.Generator, origin: tuple[float, float]) -> Polygon:
    """The park's lake: an ellipse with a wiggled shore, a vertex every 6 degrees."""
    angles = np.radians(np.arange(0.0, 360.0, 6.0))
    phases = rng.uniform(0.0, 2 * np.pi, 3)
    wiggle = 1 + LAKE_WIGGLE * sum(np.sin(k * angles + p) for k, p in zip((2, 3, 5), phases)) / 3
    cx, cy = origin[0] + LAKE_CENTRE[0], origin[1] + LAKE_CENTRE[1]
    xy = np.column_stack([cx + LAKE_RADII[0] * wiggle * np.cos(angles), cy + LAKE_RADII[1] * wiggle * np.sin(angles)])
    return Polygon(np.round(xy, 2))


def cut_block(inset: Polygon, plots: Sequence[Plot], origin: tuple[float, float],
              lake: Polygon | None) -> list[tuple[str, str, Polygon]]:
    """(name, type, polygon) of each plot: the faces of the inset cut by every cell's outline (and the lake's
    shore) that lie in the plot's cell, merged; the faces come from one polygonize, so neighbours share edges."""
    x0, y0 = origin
    cells = [box(p.cell[0] + x0, p.cell[1] + y0, p.cell[2] + x0, p.cell[3] + y0) for p in plots]
    rings = [inset.exterior, *(c.exterior for c in cells), *([lake.exterior] if lake is not None else [])]
    faces = [f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(rings))))
             if inset.contains(f.representative_point())]
    out = []
    for plot_, cell in zip(plots, cells):
        mine = [f for f in faces if cell.contains(f.representative_point())
                and (lake is None or not lake.contains(f.representative_point()))]
        if not mine:
            continue
        merged = shapely.union_all(mine)
        if merged.geom_type != "Polygon":  # a cell over the block's corner: keep the main part
            merged = max(shapely.get_parts(merged), key=lambda g: g.area)
        out.append((plot_.name, plot_.kind, merged))
        if plot_.kind == PARK and lake is not None:
            assert merged.interiors, "the lake must lie inside the park"
            (shore,) = merged.interiors
            out.append((LAKE_NAME, WATER, Polygon(shore)))
    return out


def movable_corners(pieces: Sequence[Polygon], inset: Polygon, clear_m: float = 2.0) -> set[tuple[float, float]]:
    """The corners of the pieces on the road side (on the inset's outline) with no other corner within
    `clear_m`: moving those by the noise cannot fold an edge."""
    corners = np.unique(np.vstack([shapely.get_coordinates(p) for p in pieces]), axis=0)
    tree = shapely.STRtree(shapely.points(corners))
    outline = inset.exterior
    free = set()
    for x, y in corners:
        near = tree.query(Point(x, y).buffer(clear_m))
        if len(near) == 1 and outline.distance(Point(x, y)) < 1e-6:
            free.add((x, y))
    return free


def jitter_corners(rng: np.random.Generator, geom: Polygon, free: set[tuple[float, float]],
                   moved: dict[tuple[float, float], tuple[float, float]]) -> Polygon:
    """Move the free corners by VERTEX_NOISE_M, the same corner of two neighbours alike; round every
    coordinate to the centimetre."""

    def ring(coords: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        out = []
        for x, y in coords[:-1]:
            if (x, y) not in moved:
                dx, dy = rng.normal(0.0, VERTEX_NOISE_M, 2) if (x, y) in free else (0.0, 0.0)
                moved[x, y] = (round(x + dx, 2), round(y + dy, 2))
            out.append(moved[x, y])
        return [*out, out[0]]

    polygon = Polygon(ring(geom.exterior.coords), [ring(h.coords) for h in geom.interiors])
    assert polygon.is_valid, "a corner's noise made a parcel invalid"
    return polygon


def touch_itself(geom: Polygon, depth: float = 24.0, width: float = 18.0) -> Polygon:
    """The ring run round a kite-shaped enclave (a transformer room) that touches it at the middle of its
    northern edge (on the road side): the ring passes that point twice (invalid: ring self-intersection)."""
    coords = list(geom.exterior.coords)[:-1]
    k = max(range(len(coords)), key=lambda i: coords[i][1] + coords[(i + 1) % len(coords)][1])
    (ax, ay), (bx, by) = coords[k], coords[(k + 1) % len(coords)]
    length = float(np.hypot(bx - ax, by - ay))
    tx, ty = (bx - ax) / length, (by - ay) / length
    nx, ny = (-ty, tx) if LinearRing(coords).is_ccw else (ty, -tx)  # inwards
    vx, vy = round((ax + bx) / 2, 2), round((ay + by) / 2, 2)

    def at(along: float, inwards: float) -> tuple[float, float]:
        return round(vx + along * tx + inwards * nx, 2), round(vy + along * ty + inwards * ny, 2)

    # round the enclave against the ring's own direction: an inverted hole
    enclave = [at(-width / 2, depth / 2), at(0.0, depth), at(width / 2, depth / 2)]
    ring = [*coords[:k + 1], (vx, vy), *enclave, (vx, vy), *coords[k + 1:]]
    touched = Polygon(ring, [h.coords for h in geom.interiors])
    assert not touched.is_valid and "Self-intersection" in shapely.is_valid_reason(touched)
    return touched


def write_parcels(gpkg: Path, parcels: Sequence[Parcel], to_output: Transformer, fixed_date: str) -> None:
    """Append layer `parcels` (EPSG:4490) to the sample's GeoPackage."""
    records = [{"geometry": mapping(shapely.transform(
        p.geom, lambda xy: np.column_stack(to_output.transform(xy[:, 0], xy[:, 1])))),
        "properties": {"name": p.name, "type": p.kind, "managed": p.managed}} for p in parcels]
    schema = {"geometry": "Polygon", "properties": FIELDS}
    with fiona.Env(OGR_CURRENT_DATE=fixed_date), \
            fiona.open(gpkg, "w", driver="GPKG", layer=LAYER, crs="EPSG:4490", schema=schema) as sink:
        sink.writerecords(records)


def check_parcels(gpkg: Path, district: Polygon, to_work: Transformer) -> dict[str, object]:
    """Re-read the layer and assert its traps and shapes; returns summary figures."""
    with fiona.open(gpkg, layer=LAYER) as source:
        assert source.crs.to_epsg() == 4490 and list(source.schema["properties"]) == list(FIELDS)
        features = [(shapely.transform(shape(f["geometry"]),
                                       lambda xy: np.column_stack(to_work.transform(xy[:, 0], xy[:, 1]))),
                     dict(f["properties"])) for f in source]
    invalid = [p["name"] for g, p in features if not g.is_valid]
    assert invalid == [SELF_TOUCHING], invalid
    repaired = [(shapely.make_valid(g), p) for g, p in features]
    (touched,) = [(g, r) for (g, _), (r, p) in zip(features, repaired) if p["name"] == SELF_TOUCHING]
    assert touched[1].geom_type == "Polygon" and len(touched[1].interiors) == 1
    assert abs(touched[1].area - touched[0].area) < 0.01
    assert sum(1 for _, p in features if '"' in p["name"]) == 1
    assert all(p["managed"] == int(p["type"] in MANAGED_TYPES) for _, p in features)
    areas = {p["name"]: g.area for g, p in repaired}
    compounds = [areas[p["name"]] for _, p in features if p["type"] == COMPOUND]
    assert sum(1 for a in compounds if 15_000 <= a <= 35_000) >= 10
    assert sum(1 for a in compounds if 20_000 < a <= OPEN_LAND_MAX_M2) >= 10  # above the max: one grid each
    assert sum(1 for a in compounds if a > OPEN_LAND_MAX_M2) == 2
    assert areas["明湖公园"] > 40_000 and areas[LAKE_NAME] > 10_000
    tree = shapely.STRtree([g for g, _ in repaired])
    left, right = tree.query([g for g, _ in repaired], predicate="intersects")
    overlap = sum(repaired[i][0].intersection(repaired[j][0]).area for i, j in zip(left, right) if i < j)
    assert overlap < 0.01, f"parcels overlap by {overlap:.3f} m²"
    assert all(district.buffer(1.0).contains(g) for g, _ in repaired)
    return {"parcels": len(features), "managed": sum(p["managed"] for _, p in features),
            "compound_m2": (round(min(compounds)), round(float(np.median(compounds))), round(max(compounds))),
            "types": {t: sum(1 for _, p in features if p["type"] == t) for t in
                      (COMPOUND, PARK, WATER, SCHOOL, INSTITUTION, LAND_USE)}}
