"""Communities divided side by side in worker processes (core.grids.parallel): the same bytes as one
after the other, warnings in the same order, cancel and failures handled, stage times collected."""

from __future__ import annotations

import os

import numpy as np
import pytest
import shapely
from shapely.ops import substring

from grid_plugin.core.errors import Cancelled
from grid_plugin.core.grids import parallel
from grid_plugin.core.grids.codes import CommunityCode
from grid_plugin.core.grids.containers import Container
from grid_plugin.core.grids.follow import AreaSettings, FollowLines, WeightPoints, divide_following
from grid_plugin.core.progress import Progress
from grid_plugin.core.timing import StageTimes, collecting, stage

SETTINGS = AreaSettings(target=10_000.0, minimum=5_000.0, maximum=20_000.0)
CELL = 480.0


def wiggly(rng, a, b, amplitude, samples=9):
    """A polyline from a to b with a smooth random bow and some noise across it."""
    t = np.linspace(0.0, 1.0, samples)
    d = np.asarray(b, float) - np.asarray(a, float)
    normal = np.array([-d[1], d[0]]) / np.hypot(*d)
    offset = amplitude * (rng.normal() * np.sin(np.pi * t) + 0.1 * rng.normal(size=samples) * np.sin(np.pi * t))
    return np.asarray(a, float) + t[:, None] * d + offset[:, None] * normal


def district(seed=7, size=5):
    """A small district shaped like real data (EPSG:4548 coordinates): size × size communities of
    ~0.23 km² on a jittered lattice with shared wiggly boundaries that roads do not follow, one
    community merged from four cells with no road at all, a 600 m² sliver community, dense lanes with
    gaps and dead ends in the old town, a lane 3 mm inside a community boundary, a duplicated road,
    and workload points in one corner."""
    rng = np.random.default_rng(seed)
    x0, y0 = 500_000.0, 4_420_000.0
    corners = np.stack(np.meshgrid(np.arange(size + 1), np.arange(size + 1), indexing="ij"), axis=-1) * CELL
    corners = corners + rng.uniform(-0.15, 0.15, corners.shape) * CELL + (x0, y0)
    horizontal = {(i, j): wiggly(rng, corners[i, j], corners[i + 1, j], 10.0) for i in range(size) for j in
                  range(size + 1)}
    vertical = {(i, j): wiggly(rng, corners[i, j], corners[i, j + 1], 10.0) for i in range(size + 1) for j in
                range(size)}

    def cell(i, j, k=1):
        ring = [horizontal[i + a, j][:-1] for a in range(k)]
        ring += [vertical[i + k, j + b][:-1] for b in range(k)]
        ring += [horizontal[i + a, j + k][:0:-1] for a in reversed(range(k))]
        ring += [vertical[i, j + b][:0:-1] for b in reversed(range(k))]
        return shapely.Polygon(np.concatenate(ring))

    quiet = {(size - 2, size - 2), (size - 1, size - 2), (size - 2, size - 1), (size - 1, size - 1)}
    polygons = [cell(i, j) for i in range(size) for j in range(size) if (i, j) not in quiet]
    polygons.append(cell(size - 2, size - 2, 2))  # 0.9 km², no road inside: split compactly, with a warning
    sliver_corner = corners[0, 0] - (40.0, 40.0)
    polygons.append(shapely.box(*sliver_corner, *(sliver_corner + np.array([30.0, 20.0]))))  # below the minimum area
    containers = [Container(n + 1, p, CommunityCode("990101", f"{1 + n // 10:03d}", f"{1 + n % 10:03d}"))
                  for n, p in enumerate(polygons)]

    quiet_area = cell(size - 2, size - 2, 2).buffer(5.0)
    lines, ranks = [], []
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(polygons, dtype=object))
    for spacing, rank, amplitude in ((330.0, 5, 8.0), (140.0, 2, 5.0), (70.0, 1, 3.0)):
        for along_x in (True, False):
            lo, hi = (ymin, ymax) if along_x else (xmin, xmax)
            for position in np.arange(lo + rng.uniform(0, spacing), hi, spacing):
                if rank == 1 and position > (lo + hi) / 2:  # lanes only in the old town (one half)
                    continue
                a, b = ((xmin - 50, position), (xmax + 50, position)) if along_x else \
                    ((position, ymin - 50), (position, ymax + 50))
                line = shapely.LineString(wiggly(rng, a, b, amplitude, samples=40))
                pieces = shapely.get_parts(shapely.difference(line, quiet_area))
                for piece in pieces:
                    # gaps and dead ends: lower classes lose more of their length
                    if rank < 5 and rng.uniform() < 0.25:
                        start, end = sorted(rng.uniform(0.0, 1.0, 2))
                        piece = substring(piece, start, end, normalized=True)
                    if piece.length > 1.0:
                        lines.append(piece)
                        ranks.append(rank)
    boundary_lane = shapely.offset_curve(shapely.LineString(vertical[1, 1]), 0.003)
    lines += [boundary_lane, lines[3]]  # a lane along a boundary, a duplicate
    ranks += [1, ranks[3]]
    xy = rng.uniform((xmin, ymin), (xmin + 900.0, ymin + 900.0), (400, 2))
    weights = WeightPoints(xy, rng.integers(1, 5, len(xy)).astype(float))
    return containers, FollowLines(np.array(lines, dtype=object), np.array(ranks)), weights


def signature(division):
    return (shapely.to_wkb(division.geometries).tolist(), division.container_index.tolist(),
            division.sequence.tolist(), [str(w) for w in division.warnings], division.snapped,
            division.max_area_change)


def record_pools(monkeypatch) -> list:
    """The worker pools made from now on (to check they ran and stopped)."""
    made = []

    class Recorded(parallel._Pool):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(parallel, "_Pool", Recorded)
    return made


@pytest.fixture()
def pools(monkeypatch):
    return record_pools(monkeypatch)


def test_two_workers_give_the_same_bytes_as_one(pools):
    containers, lines, weights = district()
    serial = divide_following(containers, lines, SETTINGS, weights, workers=1)
    assert not pools
    side_by_side = divide_following(containers, lines, SETTINGS, weights, workers=2)
    assert len(pools) == 1 and not pools[0].failure  # really divided in two worker processes
    assert signature(side_by_side) == signature(serial)
    # the input has what real data has: splits, a community without lines, a sliver community
    assert len(serial) > 5 * len(containers)
    assert any("no line to follow" in str(w) for w in serial.warnings)
    assert any(containers[-1].code.code12 in str(w) for w in serial.warnings)  # the sliver


def test_stage_times_of_the_workers_are_collected(pools):
    containers, lines, weights = district(size=4)
    times = StageTimes()
    with collecting(times):
        divide_following(containers, lines, SETTINGS, weights, workers=2)
    assert pools and not pools[0].failure
    for name in ("checks and estimate", "blocks", "merging", "splitting", "exact coverage", "communities (wall)",
                 "stitch communities", "precision snap", "numbering"):
        assert times.seconds.get(name, 0.0) > 0.0, name


def test_stages_without_a_collector_record_nothing():
    times = StageTimes()
    with stage("outside"):
        pass
    with collecting(times):
        with stage("inside"), stage("nested"):
            pass
        with collecting(None), stage("hidden"):
            pass
    assert set(times.seconds) == {"inside", "nested"}


def test_cancel_mid_run_raises_and_stops_the_workers(pools):
    containers, lines, weights = district()
    asked = []
    reported = []

    def cancelled():
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        divide_following(containers, lines, SETTINGS, weights, progress=Progress(reported.append, cancelled),
                         workers=2)
    assert len(pools) == 1
    assert all(process.poll() is not None for process in pools[0]._processes)  # none runs on
    assert max(reported) < 100.0  # stopped before the communities were all divided


def test_worker_count_follows_the_request_the_cores_and_the_tasks():
    assert parallel.worker_count(1, 500) == 1
    assert parallel.worker_count(3, 500) == 3
    assert parallel.worker_count(3, 5) == 1  # too few tasks to be worth a process each
    assert parallel.worker_count(None, 500) == min(parallel.available_cores(), parallel.MAX_WORKERS)
    with pytest.raises(ValueError):
        parallel.worker_count(0, 10)


# --- the pool on plain tasks (functions importable by the workers) ----------------------------------


def double_or_fail(value, failing=()):
    if value in failing:
        raise ValueError(f"task {value} failed")
    return 2 * value


def double_or_exit(value, parent, crash_at):
    if value == crash_at and os.getpid() != parent:
        os._exit(3)  # the worker process dies (as under the out-of-memory killer)
    return 2 * value


def run_all(function, tasks, fallback=None, workers=2):
    return list(parallel.map_in_order(function, tasks, len(tasks), workers, Progress(), fallback))


def test_a_task_error_is_raised_in_task_order(pools):
    tasks = [(k, (7, 9)) for k in range(20)]
    with pytest.raises(ValueError, match="task 7 failed"):
        run_all(double_or_fail, tasks)
    assert pools and not pools[0].failure


def test_a_worker_that_dies_leaves_the_rest_to_this_process(pools):
    tasks = [(k, os.getpid(), 5) for k in range(16)]
    reasons = []
    assert run_all(double_or_exit, tasks, reasons.append) == [2 * k for k in range(16)]
    assert len(reasons) == 1 and "exit code 3" in reasons[0]


def test_workers_of_other_versions_are_not_used(pools, monkeypatch):
    monkeypatch.setattr(parallel, "_versions", lambda: ("another Python",))
    reasons = []
    assert run_all(double_or_fail, [(k,) for k in range(12)], reasons.append) == [2 * k for k in range(12)]
    assert len(reasons) == 1 and "other versions" in reasons[0]


def test_without_an_interpreter_the_tasks_run_here(monkeypatch):
    monkeypatch.setattr(parallel, "python_executable", lambda: None)
    reasons = []
    assert run_all(double_or_fail, [(k,) for k in range(12)], reasons.append) == [2 * k for k in range(12)]
    assert reasons and "no Python interpreter" in reasons[0]
