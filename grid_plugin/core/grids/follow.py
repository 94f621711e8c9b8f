"""Road-following division of communities into unit grids (地理布局).

Unit grids are bounded by what is on the ground: roads, rivers and walls, and the boundaries of
polygon features (parcels, compounds, water bodies). Each community is noded with the lines to
follow and polygonized into blocks (core.grids.blocks); the blocks of a managed unit are one
(core.grids.units). Blocks below the minimum area join a neighbouring block of the same community,
across the lowest-ranked line first (an alley before a main road, a road before a river); blocks
above the maximum area are cut along the lines inside them (core.grids.dangles), then into compact
parts of near-equal area, or of near-equal workload when weight points are given
(core.grids.splitting). A community no line crosses is one block, so it is split compactly.
Grids never cross a community boundary and cover each community exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.errors import GridInputError, message
from grid_plugin.core.grids.blocks import community_blocks
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.dangles import split_along_dead_ends
from grid_plugin.core.grids.estimate import (
    GridCounts,
    check_follow_limit,
    follow_fix,
    refuse_oversized,
    small_communities,
)
from grid_plugin.core.grids.lattice import Division
from grid_plugin.core.grids.merging import merge_blocks
from grid_plugin.core.grids.numbering import ORDER_ROWS, number_grids
from grid_plugin.core.grids.parallel import map_in_order, worker_count
from grid_plugin.core.grids.precision import DEFAULT_PRECISION_M, snap_division
from grid_plugin.core.grids.shapes import POLYGONS, faces_to_parts, parts_of
from grid_plugin.core.grids.splitting import AreaBounds, split_equal
from grid_plugin.core.grids.strips import share_strips
from grid_plugin.core.grids.units import OPEN_LAND_FRACTION, ManagedUnits, join_units, oversized_units
from grid_plugin.core.progress import Progress
from grid_plugin.core.timing import stage

DEFAULT_TARGET_AREA_M2 = 10_000.0
# The minimum and maximum grid areas follow the target unless they are given: changing the target
# alone gives grids of consistent proportions.
MIN_AREA_FRACTION = 0.5
MAX_AREA_FRACTION = 2.0
DEFAULT_MIN_AREA_M2 = MIN_AREA_FRACTION * DEFAULT_TARGET_AREA_M2
DEFAULT_MAX_AREA_M2 = MAX_AREA_FRACTION * DEFAULT_TARGET_AREA_M2
# Faces below this area left between grids by noding (rounding crumbs) join the nearest (m²).
_CRUMB_M2 = 1e-6
# Vertices this close to a community boundary lie on it, for stitching communities (m).
_STITCH_M = 1e-6


# Crossing ranks of common road classes: Chinese urban road classes (CJJ 37) and OSM highway
# tags. Merging crosses the lowest rank first. Lines without a class (rivers, walls, a layer
# with no class field) are barriers: BARRIER_RANK, crossed only when nothing else will do.
ROAD_CLASS_RANKS: dict[str, int] = {
    "胡同": 1, "街巷": 1, "小区路": 1, "living_street": 1, "service": 1, "pedestrian": 1,
    "footway": 1, "path": 1, "track": 1,
    "支路": 2, "residential": 2, "unclassified": 2, "road": 2,
    "次干路": 3, "tertiary": 3, "tertiary_link": 3,
    "secondary": 4, "secondary_link": 4,
    "主干路": 5, "primary": 5, "primary_link": 5,
    "快速路": 6, "高速公路": 6, "trunk": 6, "trunk_link": 6, "motorway": 6, "motorway_link": 6,
}
DEFAULT_ROAD_RANK = 2
BARRIER_RANK = 9
# Polygon boundaries (parcel edges) are crossed as readily as a lane: the strip between a road's centre
# line and the parcel edge beside it joins the parcel, not the strip across the road; where a polygon
# edge runs on a road, river or wall, that line's higher rank counts.
DEFAULT_POLYGON_RANK = 1
# Kinds of followed lines, for the quality figures: roads (lines of a layer with the road-class field) and
# other features (barrier lines without a road class, the boundaries of polygon features).
KIND_ROAD, KIND_FEATURE = 0, 1


def road_class_rank(value: object) -> int | None:
    """The crossing rank of a road-class value: a known class name, or a whole number given as
    the rank itself; None for a name that is not known (the caller warns and uses the default).
    Empty values get the default rank of a minor road."""
    if value is None:
        return DEFAULT_ROAD_RANK
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return int(value)  # a Real field hands whole numbers over as 3.0
    text = str(value).strip()
    if not text or text.upper() == "NULL":
        return DEFAULT_ROAD_RANK
    if text.lstrip("-").isdigit():
        return int(text)
    return ROAD_CLASS_RANKS.get(text, ROAD_CLASS_RANKS.get(text.lower()))


@dataclass(frozen=True, init=False)
class AreaSettings:
    """Target, minimum and maximum grid area (m²); a minimum or maximum not given is
    MIN_AREA_FRACTION or MAX_AREA_FRACTION of the target. `open_land`: a managed unit up to this area
    is one grid (core.grids.units); not given, OPEN_LAND_FRACTION of the target, at least the maximum."""

    target: float
    minimum: float
    maximum: float
    open_land: float

    def __init__(self, target: float = DEFAULT_TARGET_AREA_M2, minimum: float | None = None,
                 maximum: float | None = None, open_land: float | None = None) -> None:
        object.__setattr__(self, "target", float(target))
        object.__setattr__(self, "minimum", MIN_AREA_FRACTION * target if minimum is None else float(minimum))
        object.__setattr__(self, "maximum", MAX_AREA_FRACTION * target if maximum is None else float(maximum))
        object.__setattr__(self, "open_land", max(OPEN_LAND_FRACTION * self.target, self.maximum)
                           if open_land is None else float(open_land))

    def check(self) -> None:
        if not 0 <= self.minimum < self.target < self.maximum:
            raise GridInputError(
                "areas must satisfy 0 ≤ minimum < target < maximum; got minimum {minimum:.0f}, "
                "target {target:.0f} and maximum {maximum:.0f} m²",
                minimum=self.minimum, target=self.target, maximum=self.maximum,
            )
        if self.maximum < 2 * self.minimum:
            raise GridInputError(
                "the maximum area {maximum:.0f} m² must be at least twice the minimum area "
                "{minimum:.0f} m², or a block just above the maximum could not be split",
                minimum=self.minimum, maximum=self.maximum,
            )
        if self.open_land < self.maximum:
            raise GridInputError(
                "the open-land maximum OPEN_LAND_MAX ({open_land:.0f} m²) must be at least the maximum area "
                "{maximum:.0f} m²; leave it empty for {fraction:g} × the target area",
                open_land=self.open_land, maximum=self.maximum, fraction=OPEN_LAND_FRACTION,
            )


@dataclass
class FollowLines:
    """The lines grids follow, in the working CRS, with a crossing rank each (higher = a
    stronger barrier: merging crosses low ranks first) and a kind each (KIND_ROAD, the default, or
    KIND_FEATURE: told apart by the quality figures only); and the managed units (polygons each one
    grid up to the open-land maximum, core.grids.units), if any."""

    geometries: np.ndarray
    ranks: np.ndarray
    kinds: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # empty: all roads
    units: ManagedUnits | None = None

    def __post_init__(self) -> None:
        self.geometries = np.asarray(self.geometries, dtype=object)
        self.ranks = np.asarray(self.ranks, dtype=np.int64)
        self.kinds = np.asarray(self.kinds, dtype=np.int64)
        if len(self.kinds) == 0:
            self.kinds = np.full(len(self.geometries), KIND_ROAD, dtype=np.int64)
        if len(self.ranks) != len(self.geometries) or len(self.kinds) != len(self.geometries):
            raise ValueError("one rank and one kind per line")

    def subset(self, index: np.ndarray, area: BaseGeometry | None = None) -> FollowLines:
        """The lines at `index`, with the managed units that meet `area` (all without it)."""
        units = self.units.near(area) if self.units is not None and area is not None else self.units
        return FollowLines(self.geometries[index], self.ranks[index], self.kinds[index], units)

    def joined(self, other: FollowLines) -> FollowLines:
        """These lines and units, then the other's."""
        return FollowLines(np.concatenate([self.geometries, other.geometries]),
                           np.concatenate([self.ranks, other.ranks]), np.concatenate([self.kinds, other.kinds]),
                           ManagedUnits.concatenate([self.units, other.units]))


@dataclass
class WeightPoints:
    """Workload points (components, past cases) in the working CRS and their weights."""

    xy: np.ndarray
    weight: np.ndarray

    def __post_init__(self) -> None:
        self.xy = np.asarray(self.xy, dtype=float).reshape(-1, 2)
        self.weight = np.asarray(self.weight, dtype=float).reshape(-1)


def part_count(area: float, settings: AreaSettings, weight: float = 0.0, weight_per_grid: float = 0.0) -> int:
    """How many grids a block becomes.

    Blocks up to the maximum area stay whole (their edges are all on lines) unless they carry
    at least twice the average workload of a grid; larger ones get the number of parts whose
    mean area is nearest the target (on a ratio scale), at least enough to stay below the
    maximum. Parts never go below the minimum area.
    """
    by_weight = round(weight / weight_per_grid) if weight_per_grid > 0 else 0
    if area <= settings.maximum and by_weight < 2:
        return 1
    ratio = area / settings.target
    low = max(1, math.floor(ratio))
    by_area = low if abs(math.log(area / low / settings.target)) <= abs(math.log(area / (low + 1) / settings.target)) \
        else low + 1
    count = max(by_area, math.ceil(area / settings.maximum), by_weight)
    most = max(1, math.floor(area / settings.minimum)) if settings.minimum > 0 else count
    return max(1, min(count, most))


def exact_coverage(parts: list[BaseGeometry]) -> list[BaseGeometry]:
    """The grids of a community noded together, so that neighbours share identical vertices.

    A cut ends on a neighbour's edge at a computed point that lies on that edge only up to
    rounding (1e-13 m), and GEOS overlays on such near-coincident edges can go badly wrong
    (the union of two neighbours missing a third of them). Noding all edges together (GEOS's
    overlay noder, with its snapping fallbacks) puts every such junction into both neighbours,
    leaving at most crumbs of rounding width; every face of the noded linework goes back to the
    grid it lies in (faces in holes lie in none and are dropped; crumbs join the nearest grid).
    Snap-rounding on a fixed grid was tried and rejected: at northings of 4.4e6 m a 1 nm grid
    is below double precision, and a 1 µm grid moves community outlines.
    """
    if len(parts) < 2:
        return parts
    return faces_to_parts(shapely.boundary(np.array(parts, dtype=object)), parts, _CRUMB_M2)


def stitch_communities(grids: np.ndarray, owner: np.ndarray, containers: Sequence[Container]) -> np.ndarray:
    """Grids with their neighbours' vertices on shared community boundaries inserted.

    A cut in one community ends on the community boundary at a vertex the grid across the
    boundary, in the next community, does not have; that vertex lies on the other grid's edge
    only up to rounding, and GEOS overlays across such near-coincident edges can go badly wrong
    (a union of neighbouring grids missing whole blocks). Each grid on a community boundary is
    snapped (GEOS snapping inserts the vertices into its edges) to the boundary vertices of the
    other communities' grids within _STITCH_M; a result that is not valid or changes the area
    is discarded.
    """
    if len(containers) < 2 or len(grids) == 0:
        return grids
    boundaries = np.array([c.geometry.boundary for c in containers], dtype=object)
    coords, vertex_grid = shapely.get_coordinates(grids, return_index=True)
    on_boundary = shapely.dwithin(shapely.points(coords), boundaries[owner[vertex_grid]], _STITCH_M)
    xy, vertex_owner = coords[on_boundary], owner[vertex_grid[on_boundary]]
    if len(xy) == 0:
        return grids
    xy, first = np.unique(np.round(xy, 9), axis=0, return_index=True)  # one point per place
    vertex_owner = vertex_owner[first]
    tree = shapely.STRtree(shapely.points(xy))
    out = grids.copy()
    for g in np.unique(vertex_grid[on_boundary]).tolist():
        near = tree.query(grids[g], predicate="dwithin", distance=_STITCH_M)
        near = near[vertex_owner[near] != owner[g]]
        if len(near) == 0:
            continue
        snapped = shapely.snap(grids[g], shapely.multipoints(xy[near]), _STITCH_M)
        same_area = abs(snapped.area - grids[g].area) < _CRUMB_M2
        if snapped.is_valid and same_area and snapped.geom_type == grids[g].geom_type:
            out[g] = snapped
    return out


def _explode_fragments(grids: list[BaseGeometry], minimum: float) -> list[BaseGeometry]:
    """Single polygons: a cut through a concave block can leave a grid in several pieces; pieces
    of at least the minimum area become grids of their own, smaller ones join the touching grid
    they share most boundary with (largest first)."""
    if all(g.geom_type == "Polygon" for g in grids):
        return grids
    kept: list[BaseGeometry] = []
    fragments: list[BaseGeometry] = []
    for grid in grids:
        parts = parts_of(grid, POLYGONS)
        if len(parts) <= 1:
            kept.extend(parts)
            continue
        for part in parts:
            (kept if part.area >= minimum else fragments).append(part)
    if not fragments:
        return kept
    out = np.array(kept, dtype=object)
    tree = shapely.STRtree(out)
    for fragment in sorted(fragments, key=lambda f: -f.area):
        candidates = tree.query(fragment, predicate="intersects")
        if len(candidates) == 0:
            out = np.append(out, fragment)
            continue
        shared = shapely.length(shapely.intersection(fragment.boundary, shapely.boundary(out[candidates])))
        best = int(candidates[np.argmax(shared)])
        out[best] = _polygonal_union(out[best], fragment)
    return list(out)


def _polygonal_union(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    parts = parts_of(shapely.union(a, b), POLYGONS)
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(list(parts))


@dataclass
class CommunityDivision:
    grids: list[BaseGeometry]
    block_count: int  # blocks the lines cut the community into
    isolated: int  # blocks below the minimum area with no neighbour to join (kept as grids)


def divide_community(
    community: BaseGeometry, lines: FollowLines, settings: AreaSettings,
    weights: WeightPoints | None = None, weight_per_grid: float = 0.0,
) -> CommunityDivision:
    """The unit grids of one community (unordered)."""
    with stage("blocks"):
        blocks = community_blocks(community, lines.geometries)
    block_count = len(blocks)
    with stage("merging"):
        units = share_strips(join_units(blocks, community, lines.units, settings.minimum, settings.open_land),
                             settings.minimum)
        blocks, isolated, whole = merge_blocks(units.blocks, settings.minimum, lines.geometries, lines.ranks,
                                               units.whole, units.closed)
    bounds = AreaBounds(settings.minimum, settings.maximum)
    grids: list[BaseGeometry] = []
    block_points = _points_in(blocks, weights)

    def points_in(piece: BaseGeometry) -> np.ndarray:
        if weights is None or len(weights.xy) == 0:
            return np.empty(0, dtype=np.int64)
        return np.flatnonzero(shapely.contains_xy(piece, weights.xy[:, 0], weights.xy[:, 1]))

    def parts_for(piece: BaseGeometry) -> int:
        inside = points_in(piece) if weight_per_grid > 0 else ()
        weight = float(weights.weight[inside].sum()) if weights is not None and len(inside) else 0.0
        return part_count(piece.area, settings, weight, weight_per_grid)

    def split_straight(piece: BaseGeometry, count: int) -> list[BaseGeometry]:
        inside = points_in(piece)
        if weights is not None and len(inside):
            return split_equal(piece, count, bounds, weights.xy[inside], weights.weight[inside])
        return split_equal(piece, count, bounds)

    for block, inside, unit in zip(blocks, block_points, whole.tolist()):
        weight = float(weights.weight[inside].sum()) if weights is not None and len(inside) else 0.0
        if unit or part_count(block.area, settings, weight, weight_per_grid) == 1:
            grids.append(block)
        else:
            with stage("splitting"):
                grids.extend(split_along_dead_ends(block, lines.geometries, parts_for, settings.target,
                                                   settings.minimum, split_straight))
    with stage("exact coverage"):
        if len(grids) > len(blocks):  # cuts end on neighbours' edges: node them into both sides
            grids = exact_coverage(grids)
        grids = _explode_fragments(grids, settings.minimum)
    return CommunityDivision(grids, block_count, isolated)


def _points_in(blocks: np.ndarray, weights: WeightPoints | None) -> list[np.ndarray]:
    """Indices of the weight points inside each block."""
    empty = np.empty(0, dtype=np.int64)
    if weights is None or len(weights.xy) == 0:
        return [empty] * len(blocks)
    points = shapely.points(weights.xy)
    block_index, point_index = shapely.STRtree(points).query(blocks, predicate="intersects")
    # a point on a shared edge counts once: for the block listed first
    point_index, first = np.unique(point_index, return_index=True)
    block_index = block_index[first]
    order = np.argsort(block_index, kind="stable")
    counts = np.bincount(block_index, minlength=len(blocks))
    return np.split(point_index[order], np.cumsum(counts)[:-1])


def divide_following(
    containers: Sequence[Container],
    lines: FollowLines,
    settings: AreaSettings | None = None,
    weights: WeightPoints | None = None,
    order: str = ORDER_ROWS,
    progress: Progress | None = None,
    precision: float = DEFAULT_PRECISION_M,
    workers: int | None = None,
) -> Division:
    """Divide every community into road-following unit grids numbered west→east, north→south, on a
    grid of `precision` metres (core.grids.precision: valid in every CRS they are written to).
    Communities are divided side by side by `workers` processes (default: one per core,
    core.grids.parallel; 1 = one after the other in this process), with the same result whatever
    their number."""
    settings = settings or AreaSettings()
    progress = progress or Progress()
    with stage("checks and estimate"):
        check_follow_limit(containers, settings, lines, progress)  # checks the settings too
    if not containers:
        return Division(np.empty(0, dtype=object), np.empty(0, np.int64), np.empty(0, np.int64))
    line_geometries = lines.geometries
    tree = shapely.STRtree(line_geometries) if len(line_geometries) else None
    weight_per_grid = 0.0
    if weights is not None and len(weights.xy):
        total_area = sum(c.geometry.area for c in containers)
        weight_per_grid = float(weights.weight.sum()) / max(total_area / settings.target, 1.0)
    grids: list[BaseGeometry] = []
    owners: list[int] = []
    warnings = small_communities(containers, settings.minimum) + oversized_units(containers, lines.units,
                                                                                  settings.open_land)

    def tasks() -> Iterator[tuple]:  # divide_community's arguments for each community, in order
        for container in containers:
            near = tree.query(container.geometry) if tree is not None else np.empty(0, dtype=np.int64)
            near.sort()
            community_weights = None
            if weights is not None and len(weights.xy):
                inside = shapely.contains_xy(container.geometry, weights.xy[:, 0], weights.xy[:, 1])
                community_weights = WeightPoints(weights.xy[inside], weights.weight[inside])
            yield (container.geometry, lines.subset(near, container.geometry), settings,
                   community_weights, weight_per_grid)

    divisions = map_in_order(divide_community, tasks(), len(containers), worker_count(workers, len(containers)),
                             progress, lambda reason: warnings.append(message(
                                 "the communities were divided one after the other in this process: {reason}",
                                 reason=reason)))
    with stage("communities (wall)"), closing(divisions):
        for k, (container, divided) in enumerate(zip(containers, divisions)):
            parts = divided.grids
            if divided.isolated and len(parts) > 1:
                warnings.append(message(
                    "community {code} (feature {fid}): {count} piece(s) below {min_area:.0f} m² share "
                    "no edge with another grid of the community and were kept as grids of their own",
                    code=container.code.code12, fid=container.fid, count=divided.isolated,
                    min_area=settings.minimum,
                ))
            if divided.block_count == 1 and container.geometry.area > settings.maximum:
                warnings.append(message(
                    "community {code} (feature {fid}) has no line to follow; it was split into {count} "
                    "compact grids", code=container.code.code12, fid=container.fid, count=len(parts),
                ))
            grids.extend(parts)
            owners.extend([k] * len(parts))
    progress.step(len(containers), len(containers))
    geometries = np.array(grids, dtype=object)
    owner = np.array(owners, dtype=np.int64)
    with stage("stitch communities"):
        geometries = stitch_communities(geometries, owner, containers)
    with stage("precision snap"):
        snap, keep, snap_warnings = snap_division(geometries, owner, containers, precision, in_place=True)
    geometries, owner = snap.geometries[keep], owner[keep]
    warnings += snap_warnings
    with stage("numbering"):
        centroids = shapely.centroid(geometries)
        ranked, counts, sequence = number_grids(owner, shapely.get_x(centroids), shapely.get_y(centroids),
                                                math.sqrt(settings.target), len(containers), order)
        geometries, owner = geometries[ranked], owner[ranked]
        refuse_oversized(containers, GridCounts(counts, counts.astype(float)), lambda over: follow_fix(
            np.array([containers[k].geometry for k in over], dtype=object), settings))
    return Division(geometries, owner, sequence, warnings, snap.changed, snap.max_area_change)
