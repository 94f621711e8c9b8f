"""Trend and multiple-testing statistics for many series at once: Mann–Kendall and Benjamini–Hochberg.

Mann–Kendall (Mann 1945; Kendall 1975) asks whether a series tends to rise or fall, without
assuming a straight line or a distribution. For a series x_1..x_t:

    S = Σ_{i<j} sign(x_j − x_i)
    Var(S) = [t(t − 1)(2t + 5) − Σ_g u_g(u_g − 1)(2u_g + 5)] / 18

where the sum runs over the groups of tied values, u_g values each (a group of one adds 0). The
standard score uses the continuity correction of the textbook test: Z = (S − 1)/√Var(S) when
S > 0, (S + 1)/√Var(S) when S < 0 and 0 when S = 0; p = P(|N(0,1)| ≥ |Z|), two-sided. A series
with every value tied has Var(S) = 0 and gets Z = 0, p = 1 (no trend). Example: 1, 2, 3, 4, 5 has
S = 10, Var(S) = 5·4·15/18 = 50/3, Z = 9/√(50/3) ≈ 2.2045, p ≈ 0.0275.

Benjamini–Hochberg (1995) keeps the expected share of false discoveries among the significant
results at or below alpha: with the m p-values sorted, p_(1) ≤ … ≤ p_(m), every test up to the
largest rank k with p_(k) ≤ k·alpha/m is significant. The adjusted p-value of rank i is
min_{j ≥ i} min(1, m·p_(j)/j), and a test is significant exactly when its adjusted p ≤ alpha.

Both are vectorised over series (rows) with numpy; core has no scipy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from grid_plugin.core.cases.hotspots import two_sided_p
from grid_plugin.core.errors import GridInputError


@dataclass(frozen=True, eq=False)
class MannKendall:
    """Mann–Kendall results per series (row): S, Var(S) with the tie correction, Z, two-sided p."""

    s: np.ndarray  # int64
    var: np.ndarray
    z: np.ndarray
    p: np.ndarray

    def direction(self, alpha: float = 0.10) -> np.ndarray:
        """+1 for a significant rise (p < alpha, S > 0), −1 for a significant fall, 0 otherwise."""
        _check_alpha(alpha)
        return (np.sign(self.s) * (self.p < alpha)).astype(np.int8)


def mann_kendall(series: np.ndarray) -> MannKendall:
    """Mann–Kendall test of each row of `series` (n, t) — or of one series (t,) — along its t values.

    S is summed lag by lag (t − 1 array operations over all rows), so memory stays at one
    (n, t) array and the time at about n·t²/2 comparisons. Ties are found by sorting each row.
    """
    x = np.asarray(series, dtype=np.float64)
    if x.ndim not in (1, 2):
        raise GridInputError("give one series or a table of series (one per row), got {dims} dimensions",
                             dims=x.ndim)
    x = np.atleast_2d(x)
    n, t = x.shape
    if t < 2:
        raise GridInputError("the Mann-Kendall trend test needs at least 2 time bins, got {count}; choose a "
                             "longer period or shorter time bins", count=t)
    bad = np.argwhere(~np.isfinite(x))
    if len(bad):
        raise GridInputError("series {row} has no numeric value at position {position}", row=int(bad[0][0]),
                             position=int(bad[0][1]))
    s = np.zeros(n, dtype=np.int64)
    for lag in range(1, t):
        s += np.sign(x[:, lag:] - x[:, :-lag]).sum(axis=1).astype(np.int64)
    var = (t * (t - 1) * (2 * t + 5) - _tie_terms(x)) / 18.0
    z = np.zeros(n)
    root = np.sqrt(np.maximum(var, 0.0))
    np.divide(s - np.sign(s), root, out=z, where=root > 0)
    return MannKendall(s, var, z, two_sided_p(z))


def _tie_terms(x: np.ndarray) -> np.ndarray:
    """Σ_g u_g(u_g − 1)(2u_g + 5) per row over its groups of equal values, in exact integers."""
    n, t = x.shape
    ordered = np.sort(x, axis=1)
    starts = np.ones((n, t), dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    starts = starts.ravel()
    # Every row opens a group, so numbering the groups over the flattened table never joins two rows.
    sizes = np.bincount(np.cumsum(starts) - 1).astype(np.int64)
    row_of_group = np.repeat(np.arange(n), t)[starts]
    terms = sizes * (sizes - 1) * (2 * sizes + 5)
    return np.bincount(row_of_group, weights=terms, minlength=n).astype(np.int64)


def benjamini_hochberg(p: np.ndarray, alpha: float = 0.10, axis: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Which p-values stay significant at false discovery rate `alpha`, and the adjusted p-values.

    `axis=None` treats all values as one family of tests; with an axis, each line of values along
    that axis is its own family (e.g. axis=0 on an (n grids, t bins) table: one family per bin).
    Returns (significant, adjusted), both shaped like `p`.
    """
    _check_alpha(alpha)
    values = np.asarray(p, dtype=np.float64)
    bad = np.flatnonzero(~((values >= 0) & (values <= 1)))  # also catches NaN
    if len(bad):
        raise GridInputError("p-values must lie between 0 and 1, got {value}", value=float(values.ravel()[bad[0]]))
    if values.size == 0:
        return np.zeros(values.shape, dtype=bool), values.copy()
    # each family becomes one row of `lines`
    moved = values.reshape(1, -1) if axis is None else np.moveaxis(values, axis, -1)
    lines = moved.reshape(-1, moved.shape[-1])
    m = lines.shape[1]
    order = np.argsort(lines, axis=1, kind="stable")
    ranked = np.take_along_axis(lines, order, axis=1) * (m / np.arange(1, m + 1))
    ranked = np.minimum(np.minimum.accumulate(ranked[:, ::-1], axis=1)[:, ::-1], 1.0)
    adjusted = np.empty_like(lines)
    np.put_along_axis(adjusted, order, ranked, axis=1)
    adjusted = adjusted.reshape(values.shape) if axis is None else np.moveaxis(adjusted.reshape(moved.shape), -1, axis)
    return adjusted <= alpha, adjusted


def _check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise GridInputError("the significance level must lie between 0 and 1, got {alpha}", alpha=alpha)
