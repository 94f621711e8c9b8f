"""Splitting a polygon into compact parts of near-equal area (or weight) by recursive bisection.

A polygon to be cut into k parts is cut once, across the long axis of its minimum rotated
rectangle, so that the part before the cut holds floor(k/2)/k of the area; each side is then
cut again until every part is a single grid. Cutting across the long axis keeps the parts
compact. With weights (points such as components or past cases, the patrol workload), the cut
balances the weight instead, as far as the area bounds of both sides allow.

The cut position is found exactly, without trial overlays: along an axis u, the area of the
polygon left of u = X is the sum over its ring edges of the trapezoid each edge (clipped to
u ≤ X) sweeps, a piecewise-quadratic function of X that numpy evaluates for all edges at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from grid_plugin.core.grids.shapes import LINES, POLYGONS, faces_to_parts, parts_of

# Beyond this many edges × probe positions the exact search falls back to bisection on X.
_MATRIX_LIMIT = 4_000_000
_BISECTION_STEPS = 60
# Cuts reach this far past the edges they end on, so noding meets every junction (m).
_OVERSHOOT_M = 1e-3
# Faces smaller than this that belong to no part (rounding crumbs) join the nearest part (m²).
_CRUMB_M2 = 1e-3


@dataclass(frozen=True)
class AreaBounds:
    """The area every part must keep (m²)."""

    minimum: float
    maximum: float


def _edges(geometry: BaseGeometry) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start points, end points and the orientation factor (+1/−1) of every ring edge.

    The factor makes each ring's swept area count positive for a shell and negative for a hole,
    whatever direction the ring was digitised in.
    """
    polygons = parts_of(geometry, POLYGONS)
    starts, ends, factors = [], [], []
    for polygon in polygons:
        rings = [polygon.exterior, *polygon.interiors]
        for r, ring in enumerate(rings):
            xy = shapely.get_coordinates(ring)
            a, b = xy[:-1], xy[1:]
            swept = np.sum((b[:, 0] - a[:, 0]) * (a[:, 1] + b[:, 1])) / 2.0
            sign = 1.0 if swept >= 0 else -1.0
            starts.append(a)
            ends.append(b)
            factors.append(np.full(len(a), sign if r == 0 else -sign))
    return np.concatenate(starts), np.concatenate(ends), np.concatenate(factors)


def area_left_of(u1: np.ndarray, v1: np.ndarray, u2: np.ndarray, v2: np.ndarray, factor: np.ndarray,
                 x: np.ndarray) -> np.ndarray:
    """Area of the polygon with edges (u1, v1)→(u2, v2) that lies at u ≤ x, for every x.

    Each edge contributes the signed trapezoid between its part at u ≤ x and the axis v = 0;
    the cut itself is a vertical segment and sweeps nothing, so the sum is the clipped area.
    """
    return _Sweep(u1, v1, u2, v2, factor).area_left(x)


class _Sweep:
    """What area_left_of needs of the edges whatever x is, computed once for the many x a cut tries."""

    def __init__(self, u1: np.ndarray, v1: np.ndarray, u2: np.ndarray, v2: np.ndarray, factor: np.ndarray) -> None:
        self.lo, self.hi = np.minimum(u1, u2), np.maximum(u1, u2)
        du = u2 - u1
        with np.errstate(invalid="ignore", divide="ignore"):
            self.slope = np.where(du != 0, (v2 - v1) / np.where(du != 0, du, 1.0), 0.0)
        self.u1, self.v1, self.sign, self.factor = u1, v1, np.sign(du), factor
        self.v_lo = v1 + self.slope * (self.lo - u1)

    def area_left(self, x: np.ndarray) -> np.ndarray:
        end = np.minimum(np.maximum(np.asarray(x, dtype=float)[:, None], self.lo), self.hi)  # np.clip, faster
        v_end = self.v1 + self.slope * (end - self.u1)
        swept = (end - self.lo) * (self.v_lo + v_end) / 2.0 * self.sign * self.factor
        return swept.sum(axis=1)


@dataclass
class _Frame:
    """A polygon's edges in the frame of its long axis u (and the across axis v)."""

    origin: np.ndarray
    axis: np.ndarray  # unit vector of u
    u1: np.ndarray
    v1: np.ndarray
    u2: np.ndarray
    v2: np.ndarray
    factor: np.ndarray
    sweep: _Sweep | None = None

    def to_frame(self, xy: np.ndarray) -> np.ndarray:
        d = xy - self.origin
        return np.column_stack([d @ self.axis, d @ np.array([-self.axis[1], self.axis[0]])])

    def area_left(self, x: np.ndarray) -> np.ndarray:
        if self.sweep is None:
            self.sweep = _Sweep(self.u1, self.v1, self.u2, self.v2, self.factor)
        return self.sweep.area_left(x)


def _long_axis(geometry: BaseGeometry) -> np.ndarray:
    """Direction of the longer side of the minimum-area rectangle around the geometry.

    Rotating calipers in numpy: the minimum rectangle has a side on a convex-hull edge, so each
    hull edge direction is tried at once (shapely 2.0's minimum_rotated_rectangle does the same
    in Python, edge by edge, and dominated the cutting time).
    """
    hull = shapely.get_coordinates(shapely.convex_hull(geometry))
    edges = np.diff(hull, axis=0)
    lengths = np.hypot(edges[:, 0], edges[:, 1])
    edges, lengths = edges[lengths > 0], lengths[lengths > 0]
    if len(edges) == 0:
        return np.array([1.0, 0.0])
    along = edges / lengths[:, None]  # unit vector of each hull edge
    across = np.column_stack([-along[:, 1], along[:, 0]])
    u = hull @ along.T  # (points, edges): coordinates along each candidate direction
    v = hull @ across.T
    extent_u, extent_v = u.max(axis=0) - u.min(axis=0), v.max(axis=0) - v.min(axis=0)  # np.ptp, faster
    best = int(np.argmin(np.round(extent_u * extent_v, 6)))  # first of equal areas: stable
    axis = along[best] if extent_u[best] >= extent_v[best] else across[best]
    # one direction per axis (east-ish, else north), so a polygon is always cut the same way
    if axis[0] < -1e-12 or (abs(axis[0]) <= 1e-12 and axis[1] < 0):
        axis = -axis
    return axis


def _frame(geometry: BaseGeometry) -> _Frame:
    a, b, factor = _edges(geometry)
    axis = _long_axis(geometry)
    origin = a.min(axis=0)
    frame = _Frame(origin, axis, *(np.empty(0),) * 5)
    fa, fb = frame.to_frame(a), frame.to_frame(b)
    frame.u1, frame.v1, frame.u2, frame.v2, frame.factor = fa[:, 0], fa[:, 1], fb[:, 0], fb[:, 1], factor
    return frame


def _position_for_area(frame: _Frame, wanted: float) -> float:
    """The X where the area at u ≤ X equals `wanted` (area is non-decreasing in X)."""
    knots = np.unique(np.concatenate([frame.u1, frame.u2]))
    if len(knots) * len(frame.u1) <= _MATRIX_LIMIT:
        cumulative = frame.area_left(knots)
        k = min(max(int(np.searchsorted(cumulative, wanted)), 1), len(knots) - 1)
        lo, hi = float(knots[k - 1]), float(knots[k])
        # between two knots the area is quadratic in X: fit it through three points and solve
        mid = (lo + hi) / 2.0
        a_lo, a_mid, a_hi = cumulative[k - 1], *frame.area_left(np.array([mid, hi]))
        t = _solve_quadratic_fraction(a_lo, a_mid, a_hi, wanted)
        if t is not None:
            return lo + t * (hi - lo)
    else:
        lo, hi = float(knots[0]), float(knots[-1])
    for _ in range(_BISECTION_STEPS):
        mid = (lo + hi) / 2.0
        if frame.area_left(np.array([mid]))[0] < wanted:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def _solve_quadratic_fraction(a0: float, am: float, a1: float, wanted: float) -> float | None:
    """t in [0, 1] with q(t) = wanted, q the quadratic through (0, a0), (½, am), (1, a1)."""
    c = a0 - wanted
    b = 4 * am - 3 * a0 - a1
    a = 2 * a1 - 4 * am + 2 * a0
    if abs(a) < 1e-12 * max(1.0, abs(b)):
        return _unit(-c / b) if b else None
    disc = b * b - 4 * a * c
    if disc < 0:
        return None
    root = np.sqrt(disc)
    for t in ((-b + root) / (2 * a), (-b - root) / (2 * a)):
        if -1e-9 <= t <= 1 + 1e-9:
            return _unit(t)
    return None


def _unit(t: float) -> float:
    """t clipped to [0, 1] as np.clip does it (+0.0 for -0.0, NaN kept), without its cost on a scalar."""
    return 0.0 if t <= 0.0 else 1.0 if t >= 1.0 else float(t)


def _half_planes(frame: _Frame, x: float, extent: float) -> np.ndarray:
    """The two half-planes u ≤ x and u ≥ x, as rectangles large enough to hold the polygon."""
    ax = frame.axis
    across = np.array([-ax[1], ax[0]])
    far = 2.0 * extent + 1.0
    u = np.array([-far, x, x, -far, x, far, far, x])[:, None]
    v = np.array([-far, -far, far, far, -far, -far, far, far])[:, None]
    corners = frame.origin + u * ax + v * across  # each corner as origin + u·axis + v·across
    return shapely.polygons(corners.reshape(2, 4, 2))


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    parts = parts_of(geometry, POLYGONS)
    if len(parts) == 1:
        return parts[0]
    return shapely.MultiPolygon(list(parts)) if len(parts) else shapely.Polygon()


def cut_in_two(
    geometry: BaseGeometry, fraction: float, bounds: tuple[float, float] | None = None,
    points: np.ndarray | None = None, weights: np.ndarray | None = None,
) -> tuple[BaseGeometry, BaseGeometry, np.ndarray, list[BaseGeometry]]:
    """Cut across the long axis so that `fraction` of the area (or weight) lies before the cut.

    With points and weights, the cut splits the weight at `fraction`, clamped so that the area
    before the cut stays within `bounds` (min, max m²; the area after it follows). Returns the
    two parts, for each point True if it lies before the cut, and the cut's segments inside the
    geometry (lengthened slightly at both ends, for noding).
    """
    frame = _frame(geometry)
    total = float(frame.area_left(np.array([max(frame.u1.max(), frame.u2.max())]))[0])
    x = _position_for_area(frame, fraction * total)
    before = np.zeros(0, dtype=bool)
    if points is not None and len(points):
        u = frame.to_frame(points)[:, 0]
        if weights is not None and float(np.sum(weights)) > 0:
            order = np.argsort(u, kind="stable")
            cumulative = np.cumsum(weights[order])
            k = int(np.searchsorted(cumulative, fraction * cumulative[-1]))
            k = min(k, len(order) - 1)
            # the cut between the point that reaches the wanted weight and the next one
            x_weight = (u[order[k]] + u[order[k + 1]]) / 2.0 if k + 1 < len(order) else u[order[k]]
            if bounds is not None:
                lo = _position_for_area(frame, max(bounds[0], 0.0))
                hi = _position_for_area(frame, min(bounds[1], total))
                x = float(np.clip(x_weight, min(lo, hi), max(lo, hi)))
            else:
                x = float(x_weight)
        before = u <= x
    u_all = np.concatenate([frame.u1, frame.u2])
    v_all = np.concatenate([frame.v1, frame.v2])
    extent = float(max(u_all.max() - u_all.min(), v_all.max() - v_all.min()) + abs(u_all).max() + abs(v_all).max())
    first, second = (_polygonal(side) for side in shapely.intersection(geometry, _half_planes(frame, x, extent)))
    return first, second, before, _cut_segments(frame, x, extent, geometry)


def _cut_segments(frame: _Frame, x: float, extent: float, geometry: BaseGeometry) -> list[BaseGeometry]:
    """The cut u = x inside the geometry, each piece lengthened by _OVERSHOOT_M at both ends.

    The overshoot makes every cut cross the edges it ends on (earlier cuts included) instead of
    stopping a rounding error short of them, so noding finds every junction; the stubs beyond
    are dangles that polygonize ignores.
    """
    ax = frame.axis
    across = np.array([-ax[1], ax[0]])
    far = 2.0 * extent + 1.0
    line = shapely.linestrings(frame.origin + x * ax + np.array([[-far], [far]]) * across)
    pieces = parts_of(shapely.intersection(line, geometry), LINES)
    out = []
    for piece in pieces:
        xy = shapely.get_coordinates(piece)
        start, end = xy[0], xy[-1]
        direction = (end - start) / max(float(np.hypot(*(end - start))), 1e-12)
        out.append(shapely.linestrings(np.array([start - _OVERSHOOT_M * direction, end + _OVERSHOOT_M * direction])))
    return out


def split_equal(
    geometry: BaseGeometry, parts: int, bounds: AreaBounds | None = None,
    points: np.ndarray | None = None, weights: np.ndarray | None = None,
) -> list[BaseGeometry]:
    """Cut a polygon into `parts` compact parts of near-equal area, or of near-equal weight
    within the area bounds when weighted points are given. The parts cover the polygon exactly
    and share identical vertices along every cut."""
    if parts <= 1:
        return [geometry]
    geometry = shapely.normalize(geometry)  # where rings start must not move the cuts
    cuts: list[BaseGeometry] = []
    pieces = _split(geometry, parts, bounds, points, weights, cuts)
    # one noding of the outline and every cut: neighbours share identical vertices along cuts
    return faces_to_parts(np.array([geometry.boundary, *cuts], dtype=object), pieces, _CRUMB_M2)


def _split(
    geometry: BaseGeometry, parts: int, bounds: AreaBounds | None, points: np.ndarray | None,
    weights: np.ndarray | None, cuts: list[BaseGeometry],
) -> list[BaseGeometry]:
    """Recursive bisection; collects every cut's segments in `cuts`."""
    if parts <= 1:
        return [geometry]
    first_parts = parts // 2
    fraction = first_parts / parts
    area_bounds = None
    if bounds is not None:
        area = geometry.area
        second_parts = parts - first_parts
        # both sides must be able to give each of their parts an area within the bounds
        margin = 1e-3 * bounds.minimum  # aim a little inside, so rounding never crosses a bound
        lo = max(first_parts * bounds.minimum, area - second_parts * bounds.maximum) + margin
        hi = min(first_parts * bounds.maximum, area - second_parts * bounds.minimum) - margin
        # infeasible only by rounding (the part count keeps it feasible): cut by area then
        area_bounds = (lo, hi) if lo <= hi else (fraction * area, fraction * area)
    first, second, before, cut = cut_in_two(geometry, fraction, area_bounds, points, weights)
    cuts.extend(cut)
    if points is None or len(before) == 0:
        return (_split(first, first_parts, bounds, None, None, cuts)
                + _split(second, parts - first_parts, bounds, None, None, cuts))
    assert weights is not None
    return (_split(first, first_parts, bounds, points[before], weights[before], cuts)
            + _split(second, parts - first_parts, bounds, points[~before], weights[~before], cuts))
