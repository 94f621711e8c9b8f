"""Hot and cold spots of reported cases (案件) per unit grid: contiguity and Getis-Ord Gi*.

Why Gi* with contiguity weights: unit grids are a coverage of small, similar-sized polygons, so
"the grid and the grids around it" is the natural neighbourhood a supervisor thinks in. Gi*
(Getis & Ord 1992; Ord & Getis 1995) compares the case count of that neighbourhood with what
the district-wide mean would give and expresses the difference as a z-score; many cases in a
grid *and* its neighbours make a hot spot, one busy grid among quiet ones does not.

Weights are binary and include the focal unit (w_ii = 1), so for unit i with W_i = 1 + degree:

    Gi* = (Σ_j w_ij x_j − X̄ W_i) / (S · sqrt((n W_i − W_i²) / (n − 1)))

with X̄ the mean and S = sqrt(Σ x_j² / n − X̄²) the population standard deviation. Classes
follow the ArcGIS "Gi_Bin" convention: ±3/±2/±1 for a hot (+) or cold (−) spot at 99/95/90 %
confidence (two-sided p below 0.01/0.05/0.10), 0 when not significant.

Adjacency is kept as CSR arrays (indptr, indices) because core must not import scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from grid_plugin.core.errors import GridInputError, Message, message
from grid_plugin.core.progress import Progress

RULES = ("queen", "rook")
# Two-sided p-value limits of the classes 3, 2, 1 (99, 95, 90 % confidence).
P_LIMITS = (0.01, 0.05, 0.10)
# Shared boundaries are measured for this many candidate pairs at a time, between progress steps.
_CHUNK = 20_000
# With a tolerance, rook neighbours share more than this many tolerances of boundary (see contiguity).
_ROOK_TOLERANCES = 3.0

HOTSPOT_CLASS_LABELS: dict[int, Message] = {
    3: message("Hot spot, 99% confidence"),
    2: message("Hot spot, 95% confidence"),
    1: message("Hot spot, 90% confidence"),
    0: message("Not significant"),
    -1: message("Cold spot, 90% confidence"),
    -2: message("Cold spot, 95% confidence"),
    -3: message("Cold spot, 99% confidence"),
}


@dataclass(frozen=True, eq=False)
class Neighbours:
    """Symmetric adjacency of n units in CSR form: the neighbours of unit i are
    ``indices[indptr[i]:indptr[i + 1]]``, sorted ascending, never i itself.

    CSR rather than a dense matrix because 10,000 grids would need 10⁸ cells for ~6 neighbours each.
    """

    indptr: np.ndarray
    indices: np.ndarray

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def from_pairs(cls, n: int, i: np.ndarray, j: np.ndarray) -> Neighbours:
        """Adjacency from unordered pairs: symmetrised, self-pairs and duplicates dropped."""
        i = np.asarray(i, dtype=np.int64).ravel()
        j = np.asarray(j, dtype=np.int64).ravel()
        if len(i) != len(j):
            raise GridInputError("neighbour pairs need as many first as second units, got {first} and {second}",
                                 first=len(i), second=len(j))
        if len(i) and (min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= n):
            raise GridInputError("a neighbour pair names a unit outside 0 to {last}; give indices of the units",
                                 last=n - 1)
        keep = i != j
        rows = np.concatenate([i[keep], j[keep]])
        cols = np.concatenate([j[keep], i[keep]])
        # One int64 key per ordered pair sorts rows first, then columns, and makes duplicates equal.
        keys = np.unique(rows * max(n, 1) + cols)
        rows, cols = np.divmod(keys, max(n, 1))
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        return cls(indptr, cols.astype(np.int64))

    def degree(self) -> np.ndarray:
        """Number of neighbours per unit (the focal unit not counted)."""
        return np.diff(self.indptr)

    def of(self, unit: int) -> np.ndarray:
        """The neighbours of one unit."""
        return self.indices[self.indptr[unit]:self.indptr[unit + 1]]

    def pairs(self) -> np.ndarray:
        """Each neighbouring pair once, as rows (i, j) with i < j, sorted."""
        rows = np.repeat(np.arange(self.n, dtype=np.int64), self.degree())
        upper = rows < self.indices
        return np.column_stack([rows[upper], self.indices[upper]])

    def islands(self) -> np.ndarray:
        """True for units without any neighbour."""
        return self.degree() == 0


def contiguity(
    polygons: np.ndarray, rule: str = "queen", tolerance: float = 0.0, progress: Progress | None = None,
) -> Neighbours:
    """Which polygons are neighbours.

    - queen: the polygons share at least one point; with a tolerance, they are at most
      `tolerance` apart (so a digitising gap between two grids of a coverage does not cut them
      apart).
    - rook: they share a boundary of positive length. Measured as the length of polygon i's
      boundary within `tolerance` of polygon j, which must exceed 0 without a tolerance and
      3 × tolerance with one. Why not "> tolerance": two grids touching at a corner have up to
      about 2 × tolerance of boundary within tolerance of each other (one tolerance along each
      edge at the corner, exactly so where two straight roads cross; a little more where the
      grids overlap by a sliver), so the limit must lie above 2 × tolerance; 3 × leaves room for
      slivers narrower than tolerance / 2. A truly shared edge shorter than 3 × tolerance is not
      counted, which is irrelevant at grid scale (tolerances of centimetres, edges of metres).

    Candidate pairs come from an STRtree query, all predicates are vectorised over pairs.
    """
    if rule not in RULES:
        raise GridInputError("contiguity rule must be queen or rook, got '{rule}'", rule=rule)
    if not (tolerance >= 0 and math.isfinite(tolerance)):
        raise GridInputError("the neighbour tolerance must be zero or positive, got {value}", value=tolerance)
    polygons = np.asarray(polygons, dtype=object).ravel()
    missing = np.flatnonzero(shapely.is_missing(polygons) | shapely.is_empty(polygons))
    if len(missing):
        raise GridInputError("feature {fid} has no geometry; draw it or remove the feature",
                             feature_ids=missing.tolist(), fid=int(missing[0]))
    n = len(polygons)
    tree = shapely.STRtree(polygons)
    if tolerance > 0:
        i, j = tree.query(polygons, predicate="dwithin", distance=tolerance)
    else:
        i, j = tree.query(polygons, predicate="intersects")
    upper = i < j
    i, j = i[upper], j[upper]
    if rule == "rook" and len(i):
        i, j = _rook_pairs(polygons, i, j, tolerance, progress)
    if progress is not None:
        progress.step(1, 1)
    return Neighbours.from_pairs(n, i, j)


def _rook_pairs(
    polygons: np.ndarray, i: np.ndarray, j: np.ndarray, tolerance: float, progress: Progress | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The queen pairs that share more than a corner (see contiguity)."""
    boundaries = shapely.boundary(polygons)
    if tolerance > 0:
        # A polygon buffer is cheaper and more robust than buffering its boundary line; for a
        # coverage (no overlaps) both give the part of i's boundary within tolerance of j.
        reach = shapely.buffer(polygons, tolerance, quad_segs=2)
        limit = _ROOK_TOLERANCES * tolerance
    else:
        reach = boundaries
        limit = 0.0
    keep = np.zeros(len(i), dtype=bool)
    for start in range(0, len(i), _CHUNK):
        stop = min(start + _CHUNK, len(i))
        shared = shapely.intersection(boundaries[i[start:stop]], reach[j[start:stop]])
        keep[start:stop] = shapely.length(shared) > limit
        if progress is not None:
            progress.step(stop, len(i) + 1)
    return i[keep], j[keep]


@dataclass(frozen=True, eq=False)
class GiStar:
    """Gi* per unit: z-score, two-sided p-value and the class −3..3 (see HOTSPOT_CLASS_LABELS).

    `islands` marks units without neighbours: their Gi* is (x_i − X̄) / S, the unit's own
    standard score, because their neighbourhood is the unit alone (W_i = 1 makes the root 1).
    """

    z: np.ndarray
    p: np.ndarray
    classes: np.ndarray
    islands: np.ndarray
    mean: float
    std: float


def two_sided_p(z: np.ndarray) -> np.ndarray:
    """P(|Z| ≥ |z|) for a standard normal Z, erfc(|z|/√2); math.erfc because core has no scipy."""
    z = np.asarray(z, dtype=np.float64)
    flat = np.abs(z.ravel()) / math.sqrt(2.0)
    return np.fromiter((math.erfc(v) for v in flat), dtype=np.float64, count=len(flat)).reshape(z.shape)


def hotspot_classes(z: np.ndarray, p: np.ndarray | None = None) -> np.ndarray:
    """Gi_Bin classes: ±3/±2/±1 when p < 0.01/0.05/0.10 (sign of z: + hot, − cold), else 0.

    With p from two_sided_p, the limits fall at |z| ≈ 2.5758, 1.9600 and 1.6449.
    """
    z = np.asarray(z, dtype=np.float64)
    p = two_sided_p(z) if p is None else np.asarray(p, dtype=np.float64)
    level = np.zeros(z.shape, dtype=np.int8)
    for limit in P_LIMITS:
        level += (p < limit).astype(np.int8)
    return (np.sign(z).astype(np.int8) * level).astype(np.int8)


def getis_ord_gi_star(values: np.ndarray, neighbours: Neighbours) -> GiStar:
    """Gi* of `values` (e.g. case counts per grid) with binary contiguity weights and w_ii = 1.

    Degenerate cases give numbers, never NaN: all values equal (S = 0) gives z = 0, p = 1,
    class 0 everywhere, as no unit differs from any other; a unit neighbouring all others
    (W_i = n) has a zero denominator and a zero numerator, and gets z = 0 as well.
    """
    x = np.asarray(values, dtype=np.float64).ravel()
    n = len(x)
    if n < 3:
        raise GridInputError("hot spot analysis needs at least 3 units, got {count}; choose more grids", count=n)
    if n != neighbours.n:
        raise GridInputError("got {values} values for {units} units; give one value per unit",
                             values=n, units=neighbours.n)
    bad = np.flatnonzero(~np.isfinite(x))
    if len(bad):
        raise GridInputError("unit {unit} has no numeric value; count 0 for a grid without cases",
                             feature_ids=bad.tolist(), unit=int(bad[0]))
    mean = float(x.mean())
    islands = neighbours.islands()
    if np.all(x == x[0]):
        zeros = np.zeros(n)
        return GiStar(zeros, np.ones(n), np.zeros(n, dtype=np.int8), islands, mean, 0.0)
    std = float(np.sqrt(np.mean((x - mean) ** 2)))  # = sqrt(Σx²/n − X̄²), without the cancellation
    degree = neighbours.degree()
    rows = np.repeat(np.arange(n), degree)
    weighted_sum = x + np.bincount(rows, weights=x[neighbours.indices], minlength=n)
    weights = (degree + 1).astype(np.float64)  # Σ_j w_ij = Σ_j w_ij², binary weights with w_ii = 1
    numerator = weighted_sum - mean * weights
    spread = (n * weights - weights**2) / (n - 1)
    denominator = std * np.sqrt(spread)
    z = np.zeros(n)
    np.divide(numerator, denominator, out=z, where=denominator > 0)
    p = two_sided_p(z)
    return GiStar(z, p, hotspot_classes(z, p), islands, mean, std)
