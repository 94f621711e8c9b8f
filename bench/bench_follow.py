"""Benchmark: gridplugin:dividegrids in follow-features mode (road-bounded grids).

Issue targets: a 42 km² district with a dense, realistic road network (at least 15,000 segments,
hutong-like) divided in at most 2 s; 1,400 km² in at most 60 s; peak memory at most 1 GiB, the QGIS
process and the worker processes that divide communities side by side together.

On synthetic districts of about 42 and 1,400 km² (EPSG:4548, see "Inputs" below) it times

- plugin: ``gridplugin:dividegrids`` with MODE 1 (follow features), LINES = the roads layer,
  ROAD_CLASS_FIELD road_class and the default areas (target 10,000 m², min and max 0.5 × and 2 × the target),
  written to a GeoPackage; it also prints the algorithm's quality outputs (GRID_COUNT,
  BOUNDARY_ON_LINES, SHARE_NEAR_TARGET);
- QGIS chain (a reference, not an equivalent): what a user would run by hand to get road-bounded
  blocks per community: ``native:polygonstolines`` (community boundaries) ->
  ``native:mergevectorlayers`` (with the roads) -> ``native:polygonize`` -> ``native:intersection``
  with the communities (each block gets its community's code and name; blocks outside the
  district drop out). ``native:joinattributesbylocation`` with "within" would be the obvious last
  step, but it misses about half the blocks: polygonize computes the road/boundary crossings,
  which are not exactly on the community boundaries. Intermediate layers are temporary, as in
  the modeler; the result is written to a GeoPackage. The chain only makes blocks: no merging
  of small blocks, no splitting of large ones, no codes, no quality figures, so "ratio" (plugin
  time / chain time) is a reference, not a like-for-like comparison.

Each operation runs in a fresh worker process (QGIS started there; the time is that of
``processing.run`` alone) so that its peak RSS (``ru_maxrss``, checked against ``VmHWM``) is its
own. The plugin divides communities in worker processes of its own (one per core unless
``--workers`` says otherwise): their resident memory is sampled with the QGIS process's every 0.1 s,
and the plugin's peak is the larger of ``ru_maxrss`` and the largest sum sampled. The plugin's time
includes reading the layers, the quality figures and writing the output; where it goes (the
algorithm's "Seconds by stage" debug line) is printed as a table per size.
The parent imports nothing heavy and generates the inputs in a subprocess too. Times are the
median over the runs (3 at 42 km², 1 at 1,400 km² by default).

Inputs (deterministic: ``numpy.random.default_rng([SEED, size])``, cached with a version key in
``$TMPDIR/grid_plugin_bench/cache/``; generation time is not measured):

- ``communities``: a perturbed lattice of ~480 m community cells (0.23 km², like Dongcheng's 182
  communities in 41.84 km²) whose corners are jittered and whose edges wiggle; every lattice edge
  is one polyline used by both cells on either side, so shared boundaries are identical and the
  cells tile the district exactly. Cells merge 2 × 2 in the suburbs and 4 × 4 in the countryside
  (0.9 and 3.7 km²). The district is made of the cells nearest its centre (distance scaled by
  an irregular star shape) up to the wanted area. Fields community_code (12 digits, district
  990101, streets of 15 communities) and community_name. The cells do not follow the roads, so
  every community edge cuts blocks: harder than real data, where boundaries often run along
  roads.
- ``roads``: field road_class = 主干路 / 次干路 / 支路 / 胡同, or NULL for unnamed lanes. Roughly
  orthogonal wiggly lines, inserted hierarchically: arterials ~every 1 km, secondaries filling the
  gaps to ~400 m, branches to ~150 m, and in the old town (the central ~28 km² irregular blob, about
  two thirds of the 42 km² district) east-west hutongs ~every 60-75 m and unnamed north-south lanes
  ~every 90 m. Edges between crossings are randomly dropped (gaps) or cut short (dead ends), more
  often the lower the class, and short unnamed dead-end lanes branch off the hutongs into
  courtyards. Outside the old town the network thins out: suburbs (beyond ~9 km) keep every other
  branch; the countryside (beyond ~15 km) keeps every other arterial, a third of the secondaries
  and dense lanes only in villages. Roads ignore community boundaries (they cross them) and extend
  300 m beyond the district. The network is split at every intersection: one feature per segment
  between crossings (or dead ends). Then the defects of hand-digitised old-town data (as in a
  historic district's 15,542 real road and hutong segments without road class; the shares here are
  chosen, not measured): hutongs and lanes that stop 0.5-3 m short of the line they meet (12 % of
  the stems of T-junctions, 5 % of the arms at crossings) or overshoot it by as much (8 % of the
  stems), 3 % of the lanes of at least 40 m drawn in two pieces with a 0.5-3 m gap, 3 % of all
  segments drawn twice (half as exact copies, half redigitised with other vertices about 0.1 m
  off) and 1 % of the lanes of at least 30 m with a near-coincident parallel piece 1-3 m beside
  them. The counts (segments, unnamed, dead ends, near-misses, duplicates) are printed.

    .venv/bin/python bench/bench_follow.py                      # 42 km² (3 runs) and 1,400 km² (1 run)
    .venv/bin/python bench/bench_follow.py --sizes 42           # quick check
    .venv/bin/python bench/bench_follow.py --sizes 42 --runs 1 --skip-qgis
    .venv/bin/python bench/bench_follow.py --sizes 42 --runs 1 --skip-qgis --snap-tolerance 0   # no snapping
    .venv/bin/python bench/bench_follow.py --profile 42         # cProfile of core.grids.follow, no QGIS

``--profile SIZE`` reads the cached input with fiona and runs ``divide_following`` and
``quality_figures`` (the core of the algorithm, bypassing QGIS, in one process) under cProfile, printing the top
functions by own and cumulative time. Workers need ``QT_QPA_PLATFORM=offscreen``, ``PROJ_DATA``
and ``PYTHONPATH`` (repo + QGIS's python/plugins); the script fills them in when missing.
The machine this runs on may be shared (other tests running): the load average is printed
before and after, and figures vary by ±20 %.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import harness
from harness import fmt, verdict

EPSG = 4548  # CGCS2000 3-degree Gauss-Krüger CM 117E
CENTRE = (500_000.0, 4_420_000.0)  # about 117.0E 39.9N
DISTRICT_CODE = "990101"  # province 99 does not exist in GB/T 2260: clearly synthetic
COMMUNITIES_PER_STREET = 15
SEED = 20240715
GENERATOR_VERSION = 2  # bump when the generator changes; part of the cache key

SIZES = (42, 1400)
DEFAULT_RUNS = {42: 3, 1400: 1}
# Issue targets: seconds per size, and peak memory of every plugin run; segments at 42 km².
TARGET_SECONDS = {42: 2.0, 1400: 60.0}
TARGET_MEMORY_MIB = 1024.0
TARGET_SEGMENTS = {42: 15_000}

# Community lattice and zones (metres from CENTRE, scaled by an irregular blob shape).
CELL_M = 480.0  # community cell side: 0.23 km²
OLD_TOWN_R, URBAN_R, SUBURB_R = 3_000.0, 9_000.0, 15_000.0
ROAD_MARGIN_M = 300.0  # roads extend this far beyond the district
# Road levels: class name, spacing of east-west lines (along y), of north-south lines (along x),
# wiggle amplitude (m), and per-edge probabilities of (gap, dead end) for each direction.
CLASSES = ("主干路", "次干路", "支路", "胡同")
SPACING_EW = (1_000.0, 400.0, 150.0, 62.0)
SPACING_NS = (1_000.0, 400.0, 150.0, 90.0)
WIGGLE_M = (12.0, 9.0, 6.0, 4.0)
GAP_DEAD_EW = ((0.0, 0.0), (0.03, 0.0), (0.06, 0.06), (0.08, 0.10))
GAP_DEAD_NS = ((0.0, 0.0), (0.03, 0.0), (0.06, 0.06), (0.12, 0.15))
SAMPLE_M = 40.0  # vertex spacing along roads
SPUR_PER_KM = 16.0  # courtyard dead-end lanes off hutongs
VILLAGES_PER_KM2 = 1.0 / 3.0
UNNAMED = len(CLASSES)  # the level of lanes without a road class (NULL)
# Defects of hand-digitised data, on hutongs and lanes (levels 3 and UNNAMED) unless said otherwise:
# shares of T-junction stems that stop short of or overshoot the road they meet, of arms at crossings
# that stop short, of segments of at least GAP_MIN_M drawn in two pieces, of all segments drawn twice
# (half exactly, half redigitised) and of lanes with a near-coincident parallel piece; gaps and offsets (m).
STEM_MISS, STEM_OVERSHOOT, CROSSING_MISS, SPLIT_GAP = 0.12, 0.08, 0.05, 0.03
DUPLICATE_SHARE, PARALLEL_SHARE = 0.03, 0.01
MISS_M = (0.5, 3.0)
PARALLEL_M = (1.0, 3.0)
REDIGITISED_M = (8.0, 15.0, 0.1)  # vertex spacing range and the noise (sd) of a redigitised copy
GAP_MIN_M = 40.0


# --- synthetic input (runs in a subprocess: numpy, shapely, fiona) ------------------------------


class Blob:
    """An irregular star shape around CENTRE: radius factor 1 + Σ a_k cos(kθ + φ_k)."""

    def __init__(self, rng, harmonics: int = 6, strength: float = 0.25):
        import numpy as np

        self.k = np.arange(2, 2 + harmonics)
        self.a = rng.uniform(0.3, 1.0, harmonics) * strength / self.k ** 0.8
        self.phase = rng.uniform(0.0, 2 * np.pi, harmonics)

    def factor(self, theta):
        import numpy as np

        return 1.0 + np.sum(self.a[:, None] * np.cos(self.k[:, None] * theta[None, :] + self.phase[:, None]), axis=0)

    def rho(self, x, y):
        """Distance from CENTRE divided by the shape factor in that direction."""
        import numpy as np

        dx, dy = np.asarray(x, float) - CENTRE[0], np.asarray(y, float) - CENTRE[1]
        return np.hypot(dx, dy) / self.factor(np.arctan2(dy, dx).ravel()).reshape(np.shape(dx))

    def polygon(self, radius: float):
        import numpy as np
        import shapely

        theta = np.linspace(0.0, 2 * np.pi, 360, endpoint=False)
        r = radius * self.factor(theta)
        return shapely.Polygon(np.column_stack([CENTRE[0] + r * np.cos(theta), CENTRE[1] + r * np.sin(theta)]))


def wiggle(rng, count: int, t, amplitude: float):
    """count smooth random offset curves sampled at t (metres): three sinusoids of 0.5-3 km."""
    import numpy as np

    waves = rng.uniform(500.0, 3_000.0, (count, 3))
    phase = rng.uniform(0.0, 2 * np.pi, (count, 3))
    weight = rng.dirichlet(np.ones(3), count)
    curve = np.zeros((count, len(t)))
    for j in range(3):
        curve += weight[:, j:j + 1] * np.sin(2 * np.pi * t[None, :] / waves[:, j:j + 1] + phase[:, j:j + 1])
    return amplitude * curve + rng.normal(0.0, 0.4, curve.shape)


def axis_positions(lo: float, hi: float, spacings, rng):
    """Hierarchical positions along one axis: level 0 every spacings[0] (jittered), then each
    gap between existing positions filled evenly to about spacings[level]. Returns positions
    and levels, sorted."""
    import numpy as np

    first = np.arange(lo + rng.uniform(0.0, spacings[0]), hi, spacings[0])
    positions = first + rng.uniform(-0.15, 0.15, len(first)) * spacings[0]
    levels = np.zeros(len(positions), dtype=np.int64)
    for level, spacing in enumerate(spacings[1:], start=1):
        bounds = np.concatenate([[lo], np.sort(positions), [hi]])
        gaps = np.diff(bounds)
        n = np.maximum(np.rint(gaps / spacing).astype(np.int64) - 1, 0)
        step = np.repeat(gaps / (n + 1), n)
        k = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n) + 1
        new = np.repeat(bounds[:-1], n) + k * step + rng.uniform(-0.15, 0.15, len(step)) * step
        positions = np.concatenate([positions, new])
        levels = np.concatenate([levels, np.full(len(new), level)])
    order = np.argsort(positions)
    return positions[order], levels[order]


def road_network(district, zones: Blob, rng):
    """The roads of the district (see the module docstring): LineStrings and their level."""
    import numpy as np
    import shapely

    domain = district.buffer(ROAD_MARGIN_M)
    xmin, ymin, xmax, ymax = domain.bounds
    # full-length wiggly lines over the domain's box, both directions
    full, levels, ranks, east_west = [], [], [], []
    for ew in (True, False):
        lo, hi = (ymin, ymax) if ew else (xmin, xmax)
        positions, level = axis_positions(lo, hi, SPACING_EW if ew else SPACING_NS, rng)
        t0, t1 = (xmin, xmax) if ew else (ymin, ymax)
        t = np.arange(t0, t1 + SAMPLE_M, SAMPLE_M)
        across = np.empty((len(positions), len(t)))
        rank = np.empty(len(level), dtype=np.int64)
        for lv in range(len(CLASSES)):
            members = np.flatnonzero(level == lv)
            across[members] = positions[members, None] + wiggle(rng, len(members), t - t0, WIGGLE_M[lv])
            rank[members] = np.arange(len(members))
        along = np.broadcast_to(t, across.shape)
        xy = np.stack([along, across], axis=-1) if ew else np.stack([across, along], axis=-1)
        full.append(shapely.linestrings(xy.reshape(-1, 2), indices=np.repeat(np.arange(len(positions)), len(t))))
        levels.append(level)
        ranks.append(rank)
        east_west.append(np.full(len(level), ew))
    full, level, rank, east_west = (np.concatenate(a) for a in (full, levels, ranks, east_west))

    # villages (dense lanes in the countryside) sit on the arterials that run everywhere
    old_town = zones.polygon(OLD_TOWN_R)
    urban, suburb = zones.polygon(URBAN_R), zones.polygon(SUBURB_R)
    hosts = full[(level == 0) & (rank % 2 == 0)]
    host_km = shapely.length(hosts) / 1000.0
    n = rng.poisson(VILLAGES_PER_KM2 * host_km.sum())
    on = rng.choice(len(hosts), n, p=host_km / host_km.sum())
    centres = shapely.line_interpolate_point(hosts[on], rng.uniform(0.0, 1.0, n), normalized=True)
    rural = zones.rho(shapely.get_x(centres), shapely.get_y(centres)) > SUBURB_R + 500.0
    villages = shapely.buffer(centres[rural], rng.uniform(250.0, 450.0, int(rural.sum())))
    villages = shapely.union_all(villages) if len(villages) else shapely.Polygon()
    # where each line exists, by (level, index within the level modulo the level's period)
    period = {0: 2, 1: 3, 2: 2, 3: 1}
    regions = {
        (0, 0): domain, (0, 1): suburb,
        (1, 0): domain, (1, 1): suburb, (1, 2): suburb,
        (2, 0): shapely.union(suburb, villages), (2, 1): shapely.union(urban, villages),
        (3, 0): shapely.union(old_town, villages),
    }
    regions = {key: shapely.intersection(value, domain) for key, value in regions.items()}
    region = np.array([regions[(lv, r % period[lv])] for lv, r in zip(level.tolist(), rank.tolist())],
                      dtype=object)
    pieces, source = shapely.get_parts(shapely.intersection(full, region), return_index=True)
    keep = shapely.get_type_id(pieces) == 1
    lines, level, east_west = pieces[keep], level[source[keep]], east_west[source[keep]]

    # node everything; every edge between crossings belongs to one line
    edges = shapely.get_parts(shapely.union_all(lines))
    edge_line = _nearest(edges, lines)
    edge_level, edge_ew = level[edge_line], east_west[edge_line]
    gap_dead = np.where(edge_ew[:, None], np.array(GAP_DEAD_EW)[edge_level], np.array(GAP_DEAD_NS)[edge_level])
    draw = rng.uniform(0.0, 1.0, len(edges))
    length = shapely.length(edges)
    fate = np.where(length < 15.0, 0, np.where(draw < gap_dead[:, 0], 1,
                                               np.where(draw < gap_dead.sum(axis=1), 2, 0)))
    dead = np.flatnonzero(fate == 2)
    fraction = rng.uniform(0.3, 0.7, len(dead))
    from_start = rng.uniform(0.0, 1.0, len(dead)) < 0.5
    from shapely.ops import substring

    for k, f, s in zip(dead.tolist(), fraction.tolist(), from_start.tolist()):
        edges[k] = substring(edges[k], 0.0, f, normalized=True) if s else substring(edges[k], f, 1.0, normalized=True)
    kept = fate != 1
    # runs: what is left of each line, merged through the crossings that no longer exist
    kept = np.flatnonzero(kept)
    kept = kept[np.argsort(edge_line[kept], kind="stable")]
    run_owner, dense = np.unique(edge_line[kept], return_inverse=True)
    merged = shapely.line_merge(shapely.multilinestrings(edges[kept], indices=dense))
    runs, run_index = shapely.get_parts(merged, return_index=True)
    run_level = level[run_owner[run_index]]
    run_ew = east_west[run_owner[run_index]]

    spurs = _courtyard_lanes(runs[(run_level == 3) & run_ew], rng)
    # no lane within 8 m of a line other than its own (no slivers of road, no tiny segments)
    near, _ = shapely.STRtree(runs).query(spurs, predicate="dwithin", distance=8.0)
    spurs = spurs[np.bincount(near, minlength=len(spurs)) == 1]
    network = np.concatenate([runs, spurs])
    # north-south lanes and courtyard lanes have no name (no road class)
    network_level = np.concatenate([np.where((run_level == 3) & ~run_ew, UNNAMED, run_level),
                                    np.full(len(spurs), UNNAMED)])
    segments = shapely.get_parts(shapely.union_all(network))
    segment_level = network_level[_nearest(segments, network)]
    return segments, segment_level


def _nearest(parts, lines):
    """Index of the line each part lies on (nearest to the part's midpoint)."""
    import numpy as np
    import shapely

    middle = shapely.line_interpolate_point(parts, 0.5, normalized=True)
    found, line = shapely.STRtree(lines).query(middle, predicate="dwithin", distance=0.01)
    out = np.full(len(parts), -1, dtype=np.int64)
    out[found[::-1]] = line[::-1]  # the first match of each part wins
    assert (out >= 0).all()
    return out


def _courtyard_lanes(hutongs, rng):
    """Short dead-end lanes, perpendicular to the hutongs, starting at one of their vertices."""
    import numpy as np
    import shapely

    xy, owner = shapely.get_coordinates(hutongs, return_index=True)
    interior = np.flatnonzero((owner[1:-1] == owner[:-2]) & (owner[1:-1] == owner[2:])) + 1
    chosen = interior[rng.uniform(0.0, 1.0, len(interior)) < SPUR_PER_KM * SAMPLE_M / 1000.0]
    direction = xy[chosen + 1] - xy[chosen - 1]
    direction /= np.hypot(*direction.T)[:, None]
    normal = np.column_stack([-direction[:, 1], direction[:, 0]])
    side = np.where(rng.uniform(0.0, 1.0, len(chosen)) < 0.5, -1.0, 1.0)
    length = rng.uniform(12.0, 30.0, len(chosen))
    start = xy[chosen]
    end = start + normal * (side * length)[:, None]
    return shapely.linestrings(np.stack([start, end], axis=1))


def digitising_defects(segments, levels, district, rng):
    """The exact network with the defects of hand-digitised data (see the module docstring): the
    segments, their levels and the counts of what was done (dead ends: free ends in the district)."""
    import numpy as np
    import shapely
    from shapely.ops import substring

    xy, segment, at_start, inward, degree = _segment_ends(segments)
    length = shapely.length(segments)
    minor = levels >= 3  # hutongs and unnamed lanes
    # at a junction of three, the two ends most nearly opposite are one road going through: the third is a stem
    three = np.flatnonzero(degree == 3)
    three = three[np.lexsort((xy[three, 1], xy[three, 0]))].reshape(-1, 3)
    d = inward[three]
    dots = np.stack([np.einsum("ij,ij->i", d[:, 1], d[:, 2]), np.einsum("ij,ij->i", d[:, 0], d[:, 2]),
                     np.einsum("ij,ij->i", d[:, 0], d[:, 1])], axis=1)
    stems = three[np.arange(len(three)), np.argmin(dots, axis=1)]
    arms = np.flatnonzero(degree == 4)
    usable = minor & (length >= 20.0)
    stems, arms = stems[usable[segment[stems]]], arms[usable[segment[arms]]]
    draw_stems, draw_arms = rng.uniform(0.0, 1.0, len(stems)), rng.uniform(0.0, 1.0, len(arms))
    short = np.concatenate([stems[draw_stems < STEM_MISS], arms[draw_arms < CROSSING_MISS]])
    over = stems[(draw_stems >= STEM_MISS) & (draw_stems < STEM_MISS + STEM_OVERSHOOT)]
    # one defect per segment
    ends = np.concatenate([short, over])
    ends = ends[np.sort(np.unique(segment[ends], return_index=True)[1])]
    gap = rng.uniform(*MISS_M, len(ends))
    out = segments.copy()
    overshooting = set(over.tolist())
    for end, g in zip(ends.tolist(), gap.tolist()):
        k, line = segment[end], segments[segment[end]]
        if end in overshooting:
            tip = xy[end] - g * inward[end]
            coords = shapely.get_coordinates(line)
            out[k] = shapely.linestrings(np.vstack([tip, coords]) if at_start[end] else np.vstack([coords, tip]))
        else:
            out[k] = substring(line, g, length[k]) if at_start[end] else substring(line, 0.0, length[k] - g)
    # lanes drawn in two pieces with a gap between them
    free = np.ones(len(segments), dtype=bool)
    free[segment[ends]] = False
    split = np.flatnonzero(minor & free & (length >= GAP_MIN_M))
    split = split[rng.uniform(0.0, 1.0, len(split)) < SPLIT_GAP]
    at = rng.uniform(0.3, 0.7, len(split)) * length[split]
    half = rng.uniform(*MISS_M, len(split)) / 2.0
    second = np.array([substring(segments[k], a + h, length[k]) for k, a, h in
                       zip(split.tolist(), at.tolist(), half.tolist())], dtype=object)
    for k, a, h in zip(split.tolist(), at.tolist(), half.tolist()):
        out[k] = substring(segments[k], 0.0, a - h)
    out = np.concatenate([out, second])
    levels = np.concatenate([levels, levels[split]])
    # the same road drawn twice: exact copies, and copies redigitised with other vertices
    twice = np.flatnonzero(rng.uniform(0.0, 1.0, len(out)) < DUPLICATE_SHARE)
    exact = twice[rng.uniform(0.0, 1.0, len(twice)) < 0.5]
    redrawn = np.setdiff1d(twice, exact)
    copies = [out[k] for k in exact.tolist()] + [_redigitised(out[k], rng) for k in redrawn.tolist()]
    # near-coincident parallel pieces beside lanes (another source's line, offset)
    lanes = np.flatnonzero(minor[:len(segments)] & (length >= 30.0))
    lanes = lanes[rng.uniform(0.0, 1.0, len(lanes)) < PARALLEL_SHARE]
    offset = rng.uniform(*PARALLEL_M, len(lanes)) * np.where(rng.uniform(0.0, 1.0, len(lanes)) < 0.5, -1.0, 1.0)
    pieces = shapely.offset_curve(np.array([substring(segments[k], 0.15, 0.85, normalized=True)
                                            for k in lanes.tolist()], dtype=object), offset)
    pieces = pieces[shapely.get_type_id(pieces) == 1]
    out = np.concatenate([out, np.array(copies, dtype=object), pieces])
    levels = np.concatenate([levels, levels[exact], levels[redrawn], np.full(len(pieces), UNNAMED)])
    counts = {
        "dead_ends": int(shapely.contains_xy(district, *xy[degree == 1].T).sum()),
        "stopping_short": int(np.isin(ends, short).sum()),
        "overshooting": int(np.isin(ends, over).sum()), "split_with_gap": len(split),
        "duplicates_exact": len(exact), "duplicates_redigitised": len(redrawn), "parallel_pieces": len(pieces),
    }
    return out, levels, counts


def _segment_ends(segments):
    """Both ends of every segment: coordinates, the segment, whether it is the start, the unit
    direction into the segment (over its first 10 m) and how many segment ends meet there."""
    import numpy as np
    import shapely

    n = len(segments)
    xy = np.concatenate([shapely.get_coordinates(shapely.get_point(segments, 0)),
                         shapely.get_coordinates(shapely.get_point(segments, -1))])
    segment = np.tile(np.arange(n), 2)
    at_start = np.repeat([True, False], n)
    length = shapely.length(segments)[segment]
    step = np.minimum(10.0, length / 2.0)
    inner = shapely.get_coordinates(shapely.line_interpolate_point(
        segments[segment], np.where(at_start, step, length - step)))
    inward = inner - xy
    inward /= np.hypot(*inward.T)[:, None]
    _, node, degree = np.unique(xy, axis=0, return_inverse=True, return_counts=True)
    return xy, segment, at_start, inward, degree[node.ravel()]


def _redigitised(line, rng):
    """The line drawn again: the same ends, vertices at another spacing and REDIGITISED_M[2] off."""
    import numpy as np
    import shapely

    length = line.length
    spacing = rng.uniform(REDIGITISED_M[0], REDIGITISED_M[1])
    inner = shapely.get_coordinates(shapely.line_interpolate_point(line, np.arange(spacing, length - 1.0, spacing)))
    inner = inner + rng.normal(0.0, REDIGITISED_M[2], inner.shape)
    coords = shapely.get_coordinates(line)
    return shapely.linestrings(np.vstack([coords[:1], inner, coords[-1:]]))


def community_cells(size_km2: float, zones: Blob, district_shape: Blob, rng):
    """Polygons tiling the district exactly (perturbed lattice, merged in the suburbs)."""
    import numpy as np
    import shapely

    half = 0.75 * np.sqrt(size_km2 * 1e6)  # generous: the blob may reach ~1.4 × the mean radius
    n = int(np.ceil(2 * half / (4 * CELL_M))) * 4  # whole 4 × 4 super-cells
    x0, y0 = CENTRE[0] - n * CELL_M / 2, CENTRE[1] - n * CELL_M / 2
    gx, gy = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    jitter = rng.uniform(-0.2, 0.2, (n + 1, n + 1, 2)) * CELL_M
    corners = np.stack([x0 + gx * CELL_M, y0 + gy * CELL_M], axis=-1) + jitter
    inner = 5  # wiggle points on each lattice edge
    s = np.linspace(0.0, 1.0, inner + 2)
    bump = np.sin(np.pi * s)  # zero at both corners

    def edge_polylines(a, b):
        d = b - a
        normal = np.stack([-d[..., 1], d[..., 0]], axis=-1) / np.hypot(d[..., 0], d[..., 1])[..., None]
        bend = rng.normal(0.0, 12.0, (*a.shape[:-1], 1))  # one gentle bow per edge, plus noise
        wobble = (bend + rng.normal(0.0, 2.0, (*a.shape[:-1], inner + 2))) * bump
        return a[..., None, :] + s[:, None] * d[..., None, :] + wobble[..., None] * normal[..., None, :]

    horizontal = edge_polylines(corners[:-1, :], corners[1:, :])  # [i, j]: corner (i,j) -> (i+1,j)
    vertical = edge_polylines(corners[:, :-1], corners[:, 1:])  # [i, j]: corner (i,j) -> (i,j+1)
    blocks = []  # (i0, j0, k)
    centre_of = (corners[:-1, :-1] + corners[1:, 1:]) / 2.0
    for si in range(0, n, 4):
        for sj in range(0, n, 4):
            cx, cy = centre_of[si + 1, sj + 1] / 2 + centre_of[si + 2, sj + 2] / 2
            rho = zones.rho(cx, cy)
            k = 1 if rho < URBAN_R else 2 if rho < SUBURB_R else 4
            blocks += [(si + a, sj + b, k) for a in range(0, 4, k) for b in range(0, 4, k)]

    def ring(i0, j0, k):
        parts = [horizontal[i, j0, :-1] for i in range(i0, i0 + k)]
        parts += [vertical[i0 + k, j, :-1] for j in range(j0, j0 + k)]
        parts += [horizontal[i, j0 + k, :0:-1] for i in range(i0 + k - 1, i0 - 1, -1)]
        parts += [vertical[i0, j, :0:-1] for j in range(j0 + k - 1, j0 - 1, -1)]
        return np.concatenate(parts)

    polygons = np.array([shapely.Polygon(ring(*b)) for b in blocks], dtype=object)
    centres = shapely.centroid(polygons)
    rho = district_shape.rho(shapely.get_x(centres), shapely.get_y(centres))
    order = np.argsort(rho)
    area = np.cumsum(shapely.area(polygons)[order])
    count = int(np.searchsorted(area, size_km2 * 1e6)) + 1  # the first cells to reach the area
    chosen = polygons[order[:count]]
    # fill any hole the selection left (a real district has none)
    outline = shapely.union_all(chosen)
    holes = [shapely.Polygon(r) for part in shapely.get_parts(outline) for r in part.interiors]
    if holes:
        rest = polygons[order[count:]]
        inside = shapely.within(shapely.point_on_surface(rest), shapely.union_all(holes))
        chosen = np.concatenate([chosen, rest[inside]])
    return chosen


def check_tiling(pieces) -> None:
    """Every piece a valid Polygon; no overlaps and no gaps (area sum = area of the union)."""
    import numpy as np
    import shapely

    assert (shapely.get_type_id(pieces) == 3).all() and shapely.is_valid(pieces).all()
    total = float(np.sum(shapely.area(pieces)))
    union = shapely.union_all(pieces)
    assert abs(total - union.area) < 1e-9 * total, f"areas sum to {total}, union {union.area}: overlaps"
    assert union.geom_type == "Polygon" and not union.interiors, "the district is not one polygon without holes"


def community_codes(pieces) -> tuple[list[str], list[str]]:
    """12-digit codes (streets of COMMUNITIES_PER_STREET neighbours in reading order) and names."""
    import numpy as np
    import shapely

    centroids = shapely.centroid(pieces)
    x, y = shapely.get_x(centroids), shapely.get_y(centroids)
    band = 4.0 * np.sqrt(np.median(shapely.area(pieces)))
    order = np.lexsort((x, -np.floor(y / band)))
    codes, names = [""] * len(pieces), [""] * len(pieces)
    for rank, k in enumerate(order):
        street, community = divmod(rank, COMMUNITIES_PER_STREET)
        codes[k] = f"{DISTRICT_CODE}{street + 1:03d}{community + 1:03d}"
        names[k] = f"合成{street + 1}街道第{community + 1}社区"
    return codes, names


def generate(size_km2: int, path: Path) -> dict:
    """Write communities and roads of one synthetic district to path; return its facts."""
    import fiona
    import numpy as np
    import shapely
    from fiona.crs import CRS

    started = time.perf_counter()
    rng = np.random.default_rng([SEED, size_km2])
    zones, district_shape = Blob(rng, strength=0.3), Blob(rng, strength=0.35)
    pieces = community_cells(size_km2, zones, district_shape, rng)
    check_tiling(pieces)
    codes, names = community_codes(pieces)
    district = shapely.union_all(pieces)
    shapely.prepare(district)
    segments, levels = road_network(district, zones, rng)
    segments, levels, defects = digitising_defects(segments, levels, district, rng)
    partial = path.with_suffix(".partial.gpkg")
    partial.unlink(missing_ok=True)
    crs = CRS.from_epsg(EPSG)
    schema = {"geometry": "Polygon", "properties": {"community_code": "str:12", "community_name": "str:40"}}
    with fiona.open(partial, "w", driver="GPKG", layer="communities", schema=schema, crs=crs) as sink:
        sink.writerecords({"geometry": shapely.geometry.mapping(p),
                           "properties": {"community_code": c, "community_name": n}}
                          for p, c, n in zip(pieces, codes, names))
    schema = {"geometry": "LineString", "properties": {"road_class": "str:8"}}
    with fiona.open(partial, "w", driver="GPKG", layer="roads", schema=schema, crs=crs) as sink:
        sink.writerecords({"geometry": shapely.geometry.mapping(g),
                           "properties": {"road_class": CLASSES[lv] if lv < len(CLASSES) else None}}
                          for g, lv in zip(segments, levels.tolist()))
    partial.rename(path)
    areas = shapely.area(pieces) / 1e6
    lengths = shapely.length(segments)
    xmin, ymin, xmax, ymax = district.bounds
    return {
        "communities": len(pieces), "area_km2": round(district.area / 1e6, 2),
        "community_km2": {"min": float(areas.min()), "median": float(np.median(areas)), "max": float(areas.max())},
        "segments": len(segments),
        "segments_in_district": int(shapely.intersects(district, segments).sum()),
        "segments_by_class": {**{CLASSES[lv]: int((levels == lv).sum()) for lv in range(len(CLASSES))},
                              "NULL": int((levels == UNNAMED).sum())},
        "defects": defects,
        "road_km": round(float(lengths.sum()) / 1000, 1),
        "segment_m_median": round(float(np.median(lengths)), 1),
        "extent": [xmin, xmax, ymin, ymax],
        "generate_s": round(time.perf_counter() - started, 1),
    }


# --- workers (run in a subprocess each: QGIS) ---------------------------------------------------


def worker_plugin(args) -> dict:
    """One gridplugin:dividegrids run in follow-features mode, output GeoPackage; with --workers N, QGIS's
    thread limit ("Max cores to use", which the algorithm follows) set to N."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing

    if args.workers:
        from qgis.core import QgsApplication

        QgsApplication.setMaxThreads(int(args.workers))
    output = str(Path(args.out_dir) / "unit_grids.gpkg")
    feedback = harness.counting_feedback()
    with harness.foreign_cpu() as others, harness.tree_memory() as tree, harness.measured() as figures:
        result = processing.run("gridplugin:dividegrids", {
            "INPUT": f"{args.input}|layername=communities", "MODE": 1,
            "LINES": [f"{args.input}|layername=roads"], "ROAD_CLASS_FIELD": "road_class",
            "COMMUNITY_CODE_FIELD": "community_code", "COMMUNITY_NAME_FIELD": "community_name",
            "OUTPUT": output,
            **({"SNAP_TOLERANCE": args.snap_tolerance} if args.snap_tolerance is not None else {}),
        }, feedback=feedback)
    quality = json.loads(result["QUALITY"])
    snapped = [line for line in feedback.textLog().splitlines() if line.startswith("Snapped ")]
    return {**figures, **tree, **others, "grids": int(result["GRID_COUNT"]), "written": harness.feature_count(output),
            "boundary_on_lines": result["BOUNDARY_ON_LINES"], "share_near_target": result["SHARE_NEAR_TARGET"],
            "quality": quality, "stages": stage_seconds(feedback.debug), "snapped": snapped[0] if snapped else "",
            **feedback.summary()}


# Stages the algorithm times (its "Seconds by stage" debug line), in the order of the breakdown; the
# indented ones run inside "dividing communities", in the workers: their sum over workers exceeds its wall time.
BREAKDOWN = (
    ("reading layers", "reading layers (communities, lines, weights)"),
    ("snapping line ends", "snapping line ends (near-misses)"),
    ("checks and estimate", "checks and grid-count estimate"),
    ("communities (wall)", "dividing communities (wall time)"),
    ("blocks", "  blocks: clipping, noding, polygonize"),
    ("merging", "  merging small blocks"),
    ("splitting", "  splitting large blocks (dead ends, cuts)"),
    ("exact coverage", "  exact coverage (noding cuts into neighbours)"),
    ("stitch communities", "stitching communities"),
    ("precision snap", "precision grid (snap, repair)"),
    ("numbering", "numbering"),
    ("stable codes", "stable codes"),
    ("quality figures", "quality figures"),
    ("writing", "attribute table and writing"),
)
NESTED = {"blocks", "merging", "splitting", "exact coverage"}


def stage_seconds(debug_lines: list[str]) -> dict:
    """The algorithm's seconds by stage: the JSON object of its "Seconds by stage" debug line."""
    for line in debug_lines:
        start = line.find("{")
        if start < 0:
            continue
        try:
            value = json.loads(line[start:])
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return {}


def print_breakdown(size: int, side: harness.SideResult) -> None:
    """Where the time goes at one size: median seconds by stage over the runs, and the share of the total."""
    runs = [r for r in side.runs if r.get("stages")]
    if not runs:
        return
    total = statistics.median(r["seconds"] for r in runs)
    names = [name for name, _ in BREAKDOWN]
    names += [name for r in runs for name in r["stages"] if name not in names]  # stages this table does not know
    labels = dict(BREAKDOWN)
    rows, top_level = [], 0.0
    for name in dict.fromkeys(names):
        values = [r["stages"].get(name, 0.0) for r in runs]
        if not any(values):
            continue
        seconds = statistics.median(values)
        top_level += 0.0 if name in NESTED else seconds
        share = "(summed over workers)" if name in NESTED else f"{seconds / total:.0%}"
        rows.append([labels.get(name, name), f"{seconds:.2f}", share])
    rows.append(["other (parameters, logging, styling)", f"{max(total - top_level, 0.0):.2f}",
                 f"{max(total - top_level, 0.0) / total:.0%}"])
    rows.append(["**total (processing.run)**", f"**{total:.2f}**", "100%"])
    print(f"Where the time goes at {size:,} km² (median of {len(runs)} run(s), seconds):")
    harness.table(["stage", "s", "share"], rows)


def worker_qgis(args) -> dict:
    """The generic QGIS chain: polygonstolines -> mergevectorlayers -> polygonize -> intersection."""
    keep = harness.start_qgis()  # noqa: F841
    import processing
    from qgis.core import QgsProcessingFeedback

    communities = f"{args.input}|layername=communities"
    roads = f"{args.input}|layername=roads"
    output = str(Path(args.out_dir) / "blocks.gpkg")
    steps = {}

    def step(name, algorithm, parameters):
        started = time.perf_counter()
        out = processing.run(algorithm, parameters, feedback=QgsProcessingFeedback())["OUTPUT"]
        steps[name] = round(time.perf_counter() - started, 2)
        return out

    with harness.measured() as figures:
        boundaries = step("polygonstolines", "native:polygonstolines",
                          {"INPUT": communities, "OUTPUT": "TEMPORARY_OUTPUT"})
        merged = step("merge", "native:mergevectorlayers",
                      {"LAYERS": [roads, boundaries], "CRS": None, "OUTPUT": "TEMPORARY_OUTPUT"})
        blocks = step("polygonize", "native:polygonize",
                      {"INPUT": merged, "KEEP_FIELDS": False, "OUTPUT": "TEMPORARY_OUTPUT"})
        # blocks are cut by the community boundaries already, but GEOS's computed crossings are not
        # exactly on them: "within" (joinattributesbylocation) misses ~half, so intersect instead
        step("intersection", "native:intersection", {
            "INPUT": blocks, "OVERLAY": communities, "INPUT_FIELDS": [],
            "OVERLAY_FIELDS": ["community_code", "community_name"], "OUTPUT": output})
    from qgis.core import QgsVectorLayer

    areas = [f.geometry().area() for f in QgsVectorLayer(output, "blocks", "ogr").getFeatures()]
    return {**figures, "steps": steps, "blocks_all": int(blocks.featureCount()),
            "pieces": len(areas), "blocks": sum(a >= 1.0 for a in areas)}


def worker_profile(args) -> dict:
    """cProfile of core.grids.follow.divide_following + core.grids.quality.quality_figures (no QGIS)."""
    import cProfile

    import fiona
    import numpy as np
    import shapely
    from shapely.geometry import shape

    from grid_plugin.core.grids.codes import parse_community_code
    from grid_plugin.core.grids.containers import prepare_containers
    from grid_plugin.core.grids.follow import (
        DEFAULT_ROAD_RANK,
        AreaSettings,
        FollowLines,
        divide_following,
        road_class_rank,
    )
    from grid_plugin.core.grids.quality import quality_figures
    from grid_plugin.core.grids.snapping import DEFAULT_SNAP_TOLERANCE_M, snap_line_ends

    with fiona.open(args.input, layer="communities") as source:
        records = [(f.id, shape(f.geometry), f.properties["community_code"], f.properties["community_name"])
                   for f in source]
    with fiona.open(args.input, layer="roads") as source:
        roads = [(shape(f.geometry), f.properties["road_class"]) for f in source]
    fids = [int(r[0]) for r in records]
    started = time.perf_counter()
    containers, _ = prepare_containers(fids, [r[1] for r in records], [parse_community_code(r[2]) for r in records],
                                       None, [r[3] for r in records])
    prepared = time.perf_counter()
    lines = FollowLines(snap_line_ends(np.array([g for g, _ in roads], dtype=object), DEFAULT_SNAP_TOLERANCE_M)[0],
                        [road_class_rank(c) or DEFAULT_ROAD_RANK for _, c in roads])  # snapped, as the plugin does
    settings = AreaSettings()
    profiler = cProfile.Profile()
    profiler.enable()
    t0 = time.perf_counter()
    division = divide_following(containers, lines, settings, workers=1)  # in this process, where cProfile sees it
    t1 = time.perf_counter()
    quality = quality_figures(division.geometries, division.container_index, containers, settings.target,
                              lines.geometries)
    t2 = time.perf_counter()
    profiler.disable()
    dump = Path(args.out_dir) / "follow.prof"
    profiler.dump_stats(dump)
    print(f"prepare_containers {prepared - started:.2f} s; divide_following {t1 - t0:.2f} s, "
          f"quality_figures {t2 - t1:.2f} s (under cProfile: slower than without); {len(division):,} grids, "
          f"boundary on lines {quality.boundary_on_lines:.3f}, near target {quality.share_near_target:.3f}; "
          f"{shapely.__version__=}, {shapely.geos_version=}")
    harness.print_profile(profiler, args.top)
    return {"divide_s": t1 - t0, "quality_s": t2 - t1, "grids": len(division), "profile": str(dump)}


WORKERS = {"baseline": harness.worker_baseline, "plugin": worker_plugin, "qgis": worker_qgis, "profile": worker_profile}


# --- orchestration (parent process: standard library only) -------------------------------------


def cached_input(size_km2: int, env: dict) -> tuple[Path, dict]:
    """The GeoPackage of one size and its facts, generated (in a subprocess) if missing."""
    path = harness.CACHE_DIR / f"follow_{size_km2}km2_seed{SEED}_v{GENERATOR_VERSION}.gpkg"
    return path, harness.cached_input(__file__, path, size_km2, f"{size_km2:,} km² input", env,
                                      "generated in {generate_s:.1f} s")


def describe(kind: str, r: dict) -> str:
    if kind == "qgis":
        steps = ", ".join(f"{k} {v:.1f}" for k, v in r["steps"].items())
        return (f"; ({steps} s), polygonize {r['blocks_all']:,} blocks -> {r['pieces']:,} pieces in communities, "
                f"{r['blocks']:,} of them >= 1 m² (the rest: slivers and empty pieces from inexact crossings)")
    q = r["quality"]
    return (f"; {r['grids']:,} grids ({r['written']:,} written), boundary on lines {r['boundary_on_lines']:.3f}, "
            f"near target {r['share_near_target']:.3f}, area median {q['area_median']:,.0f} m² "
            f"(min {q['area_min']:,.0f}, max {q['area_max']:,.0f}), compactness p5 {q['compactness_p5']:.2f}"
            + (f"; {r['snapped']}" if r.get("snapped") else "; no snapping") + harness.warnings_note(r)
            + f"; with its worker processes: peak {r['tree_peak_mib']:,.0f} MiB "
              f"(workers {r['children_peak_mib']:,.0f}); other processes used {r['other_cpu_s']:.1f} CPU-s meanwhile")


def plugin_peak(side: harness.SideResult) -> float | None:
    """The plugin's peak over its runs: its process's ru_maxrss or, when larger, its process and its worker
    processes together (sampled)."""
    if side.error or not side.runs:
        return None
    return max(max(r["ru_maxrss_mib"], r.get("tree_peak_mib", 0.0)) for r in side.runs)


def print_report(rows: list[dict], baseline: harness.ChildRun) -> None:
    """The markdown table and the target lines."""
    print()
    if baseline.result:
        print(f"Baseline (QGIS + Processing started, nothing run): peak {baseline.result['ru_maxrss_mib']:.0f} MiB, "
              "included in the peak column.")
    print("Times: median wall time of processing.run only (not QGIS start-up); peak: largest of the plugin's "
          "runs, its QGIS process and its worker processes together. QGIS chain = polygonstolines + "
          "mergevectorlayers + polygonize + intersection with the communities: blocks only, no "
          "merging/splitting/codes, so the ratio (plugin s / chain s) is a reference, not a like-for-like comparison.")
    print(harness.machine_line("shared and noisy (other test runs possible; ±20 %)"))
    print()
    header = ["km²", "communities", "segments (in district)", "grids", "plugin s", "plugin peak MiB",
              "QGIS chain s", "QGIS blocks ≥ 1 m²", "ratio (ref.)", "boundary on lines", "share near target",
              "time target", "memory target"]
    table_rows = []
    for row in rows:
        plugin, qgis, facts, size = row["plugin"], row["qgis"], row["facts"], row["size"]
        p_s, q_s, peak = plugin.median("seconds"), qgis.median("seconds"), plugin_peak(plugin)
        ratio = p_s / q_s if p_s is not None and q_s else None
        limit = TARGET_SECONDS.get(size)
        time_ok = None if p_s is None or limit is None else p_s <= limit
        if plugin.error:
            time_ok = False
        memory_ok = None if peak is None else peak <= TARGET_MEMORY_MIB
        if plugin.error:
            memory_ok = None
        row.update(p_s=p_s, peak=peak, time_ok=time_ok, memory_ok=memory_ok)
        table_rows.append([f"{facts['area_km2']:,.1f}", f"{facts['communities']:,}",
                           f"{facts['segments']:,} ({facts['segments_in_district']:,})",
                           fmt(plugin.median("grids"), plugin.error, ",.0f"), fmt(p_s, plugin.error, ".2f"),
                           fmt(peak, plugin.error, ",.0f"), fmt(q_s, qgis.error, ".2f"),
                           fmt(qgis.median("blocks"), qgis.error, ",.0f"),
                           fmt(ratio, plugin.error or qgis.error, ".2f"),
                           fmt(plugin.median("boundary_on_lines"), plugin.error, ".3f"),
                           fmt(plugin.median("share_near_target"), plugin.error, ".3f"),
                           f"≤ {limit:,.0f} s {verdict(time_ok)}" if limit else "-",
                           f"≤ {TARGET_MEMORY_MIB:,.0f} MiB {verdict(memory_ok)}"])
    harness.table(header, table_rows, first="---:")
    for row in rows:
        print_breakdown(row["size"], row["plugin"])
    for row in rows:
        size, facts = row["size"], row["facts"]
        for name in ("plugin", "qgis"):
            if row[name].failure():
                print(f"{name} at {size:,} km²: {row[name].failure()}")
        if size in TARGET_SEGMENTS:
            wanted = TARGET_SEGMENTS[size]
            print(f"segments at {size:,} km²: {facts['segments']:,} in the layer, {facts['segments_in_district']:,} "
                  f"touching the district (target >= {wanted:,}) "
                  f"{verdict(facts['segments_in_district'] >= wanted)}")
        if size in TARGET_SECONDS:
            shown = "n/a" if row["p_s"] is None else f"{row['p_s']:.2f} s"
            print(f"time at {size:,} km²: {shown} (target <= {TARGET_SECONDS[size]:,.0f} s) {verdict(row['time_ok'])}")
        shown = "n/a" if row["peak"] is None else f"{row['peak']:,.0f} MiB"
        print(f"peak memory at {size:,} km²: {shown} (target <= {TARGET_MEMORY_MIB:,.0f} MiB) "
              f"{verdict(row['memory_ok'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=harness.size_list_type(SIZES), default=list(SIZES),
                        help="comma-separated district areas in km² (default: 42,1400)")
    parser.add_argument("--runs", type=int, help="runs per side and size (default: 3 at 42 km², 1 at 1,400 km²)")
    parser.add_argument("--skip-qgis", action="store_true", help="time the plugin only")
    harness.add_timeout(parser)
    parser.add_argument("--profile", type=int, metavar="SIZE", choices=SIZES,
                        help="instead of timing: cProfile core.grids.follow on the input of SIZE km² (no QGIS)")
    parser.add_argument("--top", type=int, default=25, help="functions listed per profile table (default 25)")
    parser.add_argument("--workers", type=int, help="QGIS's thread limit for the plugin's runs, which the "
                        "algorithm follows (1 = serial; default: QGIS's default, one worker per core)")
    parser.add_argument("--snap-tolerance", type=float, help="SNAP_TOLERANCE of the plugin's runs in metres "
                        "(0 = no snapping; default: the algorithm's default)")
    harness.add_worker_options(parser, WORKERS, "input", "out-dir", generate="SIZE")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS, generate)

    env = harness.child_env()
    workers = harness.Workers(__file__, "follow_", env, args.timeout)
    print(harness.header(f"gridplugin:dividegrids follow-features mode vs the generic QGIS block chain, EPSG:{EPSG}",
                         "shared machine: figures vary by ±20 %"), flush=True)
    if args.profile:
        path, facts = cached_input(args.profile, env)
        print(f"profiling core.grids.follow on {facts['communities']:,} communities, {facts['segments']:,} segments",
              flush=True)
        return workers.profile(path, args.top, f" (under {harness.WORK_DIR})")

    baseline = workers.baseline()
    rows = []
    for size in args.sizes:
        print(f"\n{size:,} km²:", flush=True)
        path, facts = cached_input(size, env)
        km2 = facts["community_km2"]
        by_class = ", ".join(f"{k} {v:,}" for k, v in facts["segments_by_class"].items())
        print(f"  {facts['communities']:,} communities over {facts['area_km2']:,} km² (community km² min "
              f"{km2['min']:.2f}, median {km2['median']:.2f}, max {km2['max']:.2f}); roads: {facts['segments']:,} "
              f"segments ({facts['segments_in_district']:,} touching the district; {by_class}), "
              f"{facts['road_km']:,} km, median segment {facts['segment_m_median']} m", flush=True)
        defects = facts["defects"]
        print(f"  as digitised by hand: {defects['dead_ends']:,} dead ends in the district; near-misses: "
              f"{defects['stopping_short']:,} ends stopping 0.5-3 m short, {defects['overshooting']:,} overshooting, "
              f"{defects['split_with_gap']:,} lanes in two pieces with a gap; duplicates: "
              f"{defects['duplicates_exact']:,} exact, {defects['duplicates_redigitised']:,} redigitised; "
              f"{defects['parallel_pieces']:,} near-coincident parallel pieces", flush=True)
        runs = args.runs or DEFAULT_RUNS[size]
        plugin = workers.measure("plugin", runs, describe, path,
                                 [*(["--workers", str(args.workers)] if args.workers else ()),
                                  *(["--snap-tolerance", str(args.snap_tolerance)]
                                    if args.snap_tolerance is not None else ())])
        qgis = harness.SideResult(error="skipped") if args.skip_qgis else workers.measure("qgis", runs, describe, path)
        rows.append({"size": size, "facts": facts, "plugin": plugin, "qgis": qgis})
    print_report(rows, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
