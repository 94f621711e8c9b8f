"""Rendering a kernel density raster tile by tile, each tile by the exact or the fft method (for
"auto", whichever costs less); core.cases.kernel explains both methods and their accuracy."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from grid_plugin.core.cases.kernel_shapes import KernelSpec, PlacedPoints
from grid_plugin.core.progress import Progress

# "auto" takes, tile by tile, the cheaper method by these rough costs (seconds per kernel
# evaluation of the exact method; per pixel × log2(pixels) of one FFT): about 2 cores of 2020.
_EXACT_SECONDS = 6e-9
_FFT_SECONDS = 0.8e-9
# Run ends of the exact disc test closer than this (pixels) to a whole column, or runs shorter
# than _GRAZE, are settled with QGIS's own distance test (rounding could put them either side).
_TIE = 1e-6
_GRAZE = 1e-3
# FFT results below this fraction of a tile's largest value are round-off and set to 0.
_FFT_NOISE = 1e-10
# Kernel evaluations per numpy batch of the exact method (memory: ~10 float64 arrays of it).
_EXACT_BATCH = 500_000
# Sub-pixel lattice of the fft method: offsets 0, 1/S, ..., 1 on each axis.
_SUBPIXEL = 4
# Memory for one tile's weight grids (one per lattice offset) and for the cached block transforms.
_TILE_GRID_BYTES = 160 * 2**20
_FFT_CACHE_BYTES = 256 * 2**20


def _batches(count: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, count, size):
        yield start, min(count, start + size)


def _fast_length(n: int) -> int:
    """Smallest 2^a·3^b·5^c >= n: pocketfft is fast on such sizes and slow on large primes."""
    best = 1 << max(0, (n - 1).bit_length())
    power5 = 1
    while power5 < best:
        power35 = power5
        while power35 < best:
            candidate = power35
            while candidate < n:
                candidate *= 2
            best = min(best, candidate)
            power35 *= 3
        power5 *= 5
    return best


def render(values: np.ndarray, placed: PlacedPoints, spec: KernelSpec, method: str, progress: Progress | None) -> None:
    """The raster by tiles, each by the exact or the fft method (for "auto", whichever costs less).

    Tiles partition the block-centre pixels (the raster grown by the buffer on each side);
    each tile's window, which reaches the buffer beyond the tile, is added to the output
    (overlap-add), so a point is handled once and no tile needs its neighbours' points. The
    exact method costs in proportion to the tile's points, the fft method to its area, so
    sparse tiles go exact and dense ones fft.
    """
    rows, cols = values.shape
    buffer = spec.buffer
    side = 2 * buffer + 1
    step = spec.edge()
    # Uniform is all step: its row runs are exact and cheaper than either method.
    lattice = _Lattice(placed, spec) if method != "exact" and spec.kernel != "uniform" else None
    planes = lattice.planes if lattice is not None else (_SUBPIXEL + 1) ** 2
    domain_rows, domain_cols = rows + 2 * buffer, cols + 2 * buffer
    tile_side = max(int(math.sqrt(_TILE_GRID_BYTES / (8 * planes))), 2 * side)
    tile_rows, tile_cols = min(domain_rows, tile_side), min(domain_cols, tile_side)
    n_tile_rows, n_tile_cols = -(-domain_rows // tile_rows), -(-domain_cols // tile_cols)
    tile = ((placed.row + buffer) // tile_rows) * n_tile_cols + (placed.col + buffer) // tile_cols
    if n_tile_rows * n_tile_cols > 1:
        order = np.argsort(tile, kind="stable")
        counts = np.bincount(tile, minlength=n_tile_rows * n_tile_cols)
    else:
        order, counts = None, np.array([len(tile)])
    bounds = np.r_[0, np.cumsum(counts)]
    busy = np.flatnonzero(counts)
    if lattice is not None:
        lattice.prepare(tile_rows, tile_cols, len(busy))
    tally = _Tally(progress, len(tile))
    for current in busy.tolist():
        tile_row0 = (current // n_tile_cols) * tile_rows - buffer  # centre-pixel row of the tile's first line
        tile_col0 = (current % n_tile_cols) * tile_cols - buffer
        chosen = np.arange(len(tile)) if order is None else order[bounds[current]:bounds[current + 1]]
        # Window pixel (p, q) is raster pixel (top + p, left + q): the reach of the tile's points.
        top, left = tile_row0 - buffer, tile_col0 - buffer
        if lattice is not None and (method == "fft" or lattice.cost() < _EXACT_SECONDS * len(chosen) * side**2):
            window = lattice.convolve(chosen, tile_row0, tile_col0)
            if step != 0.0:
                _add_discs(window, top, left, placed, chosen, spec, step, None)
            tally.advance(len(chosen))
        else:
            window = np.zeros((tile_rows + 2 * buffer, tile_cols + 2 * buffer))
            if spec.kernel == "uniform":
                _add_discs(window, top, left, placed, chosen, spec, step, tally)
            else:
                _add_exact(window, top, left, placed, chosen, spec, tally)
        r0, r1 = max(top, 0), min(top + window.shape[0], rows)
        c0, c1 = max(left, 0), min(left + window.shape[1], cols)
        if r0 < r1 and c0 < c1:
            values[r0:r1, c0:c1] += window[r0 - top:r1 - top, c0 - left:c1 - left]


def _add_counts(flat: np.ndarray, index: np.ndarray, weights: np.ndarray) -> None:
    """flat[index] += weights, repeated indices summed, through a bincount over the indices' range
    only (a batch's band of lines, not the whole window)."""
    if len(index) == 0:
        return
    low = int(index.min())
    summed = np.bincount(index - low, weights=weights)
    flat[low:low + len(summed)] += summed


class _Tally:
    """Progress counted in points done, reported to the (optional) Progress after each batch."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def advance(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress.step(self.done, self.total)


def _add_exact(window: np.ndarray, top: int, left: int, placed: PlacedPoints, chosen: np.ndarray, spec: KernelSpec,
               tally: _Tally) -> None:
    """Every pixel of the chosen points' blocks, with QGIS's arithmetic for the pixel centres.

    Window pixel (p, q) is raster pixel (top + p, left + q); it must hold the blocks.
    """
    height, width = window.shape
    pixel, buffer = spec.pixel, spec.buffer
    steps = np.arange(-buffer, buffer + 1)
    flat = window.reshape(-1)
    chosen = chosen[np.argsort(placed.row[chosen], kind="stable")]  # a batch then covers a band of lines
    for start, stop in _batches(len(chosen), max(1, _EXACT_BATCH // len(steps) ** 2)):
        part = chosen[start:stop]
        col = placed.col[part, None] + steps  # (m, k) frame columns
        row = placed.row[part, None] + steps  # (m, k) frame rows, north to south
        dx = (col + spec.col_shift + 0.5) * pixel + spec.x_origin - placed.qx[part, None]
        dy = (placed.line[part, None] + steps + 0.5) * pixel + spec.y_origin - placed.qy[part, None]
        block = spec.block(dx[:, None, :], dy[:, :, None]) * placed.weight[part, None, None]
        index = ((row - top)[:, :, None] * width + (col - left)[:, None, :]).ravel()
        _add_counts(flat, index, block.ravel())
        tally.advance(len(part))


class _Lattice:
    """FFT convolution of the points with the continuous part of the kernel, on a sub-pixel lattice.

    The block a point adds depends only on where it lies inside its pixel. Each point's weight
    is shared bilinearly between the four lattice offsets around that position (lattice index
    p stands for p / _SUBPIXEL pixel), the weights at one offset form one grid ("plane"), each
    plane is convolved by FFT with the block of its offset, and the planes are summed in the
    frequency domain. The kernel's step at the radius is left out (`KernelSpec.block`,
    continuous=True): `_add_discs` adds it exactly.
    """

    def __init__(self, placed: PlacedPoints, spec: KernelSpec):
        self.placed, self.spec = placed, spec
        scaled_x, scaled_y = placed.off_x * _SUBPIXEL, placed.off_y * _SUBPIXEL
        base_x, base_y = np.floor(scaled_x), np.floor(scaled_y)
        frac_x, frac_y = scaled_x - base_x, scaled_y - base_y
        lattice_x, lattice_y = base_x.astype(np.int64), base_y.astype(np.int64)
        self.lx_min, self.ly_min = int(lattice_x.min()), int(lattice_y.min())
        self.n_lx = int(lattice_x.max()) - self.lx_min + 2
        self.planes = self.n_lx * (int(lattice_y.max()) - self.ly_min + 2)
        # plane of the lower corner; the others are +1, +n_lx, +n_lx + 1
        self.plane = (lattice_y - self.ly_min) * self.n_lx + (lattice_x - self.lx_min)
        self.corners = ((0, (1 - frac_x) * (1 - frac_y)), (1, frac_x * (1 - frac_y)),
                        (self.n_lx, (1 - frac_x) * frac_y), (self.n_lx + 1, frac_x * frac_y))
        self.cache: dict[int, np.ndarray] = {}

    def prepare(self, tile_rows: int, tile_cols: int, tiles: int) -> None:
        """Fix the tile size, hence the FFT size (no wrap-around: tile + block - 1).

        The blocks' transforms are kept for the next tiles while they fit in _FFT_CACHE_BYTES;
        with one tile there is no next one, so none are kept.
        """
        buffer = self.spec.buffer
        self.tile_rows, self.tile_cols = tile_rows, tile_cols
        self.fft_shape = (_fast_length(tile_rows + 2 * buffer), _fast_length(tile_cols + 2 * buffer))
        size = self.fft_shape[0] * (self.fft_shape[1] // 2 + 1) * 16
        self.cache_limit = _FFT_CACHE_BYTES // size if tiles > 1 else 0
        self.cache.clear()

    def cost(self) -> float:
        """Rough seconds for one tile: a forward FFT per plane (and its block's) and one inverse."""
        pixels = self.fft_shape[0] * self.fft_shape[1]
        return _FFT_SECONDS * (self.planes + 1) * pixels * math.log2(pixels)

    def block_transform(self, plane: int) -> np.ndarray:
        """FFT of the block of one lattice offset, zero-padded to the FFT size (cached if room)."""
        if plane in self.cache:
            return self.cache[plane]
        spec = self.spec
        steps = (np.arange(2 * spec.buffer + 1) - spec.buffer + 0.5) * spec.pixel
        off_x = (plane % self.n_lx + self.lx_min) / _SUBPIXEL * spec.pixel
        off_y = (plane // self.n_lx + self.ly_min) / _SUBPIXEL * spec.pixel
        block = spec.block((steps - off_x)[None, :], (steps - off_y)[:, None], continuous=True)
        transform = np.fft.rfft2(block, s=self.fft_shape)
        if len(self.cache) < self.cache_limit:
            self.cache[plane] = transform
        return transform

    def convolve(self, chosen: np.ndarray, tile_row0: int, tile_col0: int) -> np.ndarray:
        """The window (tile + buffer on each side) of the chosen points' continuous part."""
        placed, area = self.placed, self.tile_rows * self.tile_cols
        local = ((placed.row[chosen] - tile_row0) * self.tile_cols + (placed.col[chosen] - tile_col0)
                 + self.plane[chosen] * area)
        weight = placed.weight[chosen]
        grids = np.zeros(self.planes * area)
        for shift, share in self.corners:
            grids += np.bincount(local + shift * area, weights=share[chosen] * weight, minlength=self.planes * area)
        del local, weight
        grids = grids.reshape(self.planes, self.tile_rows, self.tile_cols)
        accumulated = np.zeros((self.fft_shape[0], self.fft_shape[1] // 2 + 1), dtype=np.complex128)
        for plane in range(self.planes):
            if grids[plane].any():
                accumulated += np.fft.rfft2(grids[plane], s=self.fft_shape) * self.block_transform(plane)
        del grids
        reach = 2 * self.spec.buffer
        window = np.fft.irfft2(accumulated, s=self.fft_shape)[:self.tile_rows + reach, :self.tile_cols + reach]
        # FFT round-off leaves ±1e-16 × the largest value where no point reaches: make those 0.
        window[np.abs(window) < _FFT_NOISE * np.abs(window).max()] = 0.0
        return window


def _add_discs(window: np.ndarray, top: int, left: int, placed: PlacedPoints, chosen: np.ndarray, spec: KernelSpec,
               scale: float, tally: _Tally | None) -> None:
    """Add scale × weight to every window pixel of a point's block whose centre QGIS finds within the radius.

    Per point and block line the pixels within the radius form one run of columns; its ends are
    found from the circle and then settled with QGIS's own distance test (so ties at exactly the
    radius go QGIS's way), marked +w / -w in a difference array and summed along the lines.
    Window pixel (p, q) is raster pixel (top + p, left + q).
    """
    height, width = window.shape
    pixel, radius, buffer, shift = spec.pixel, spec.radius, spec.buffer, spec.col_shift
    steps = np.arange(-buffer, buffer + 1)
    diff = np.zeros(height * (width + 1))
    chosen = chosen[np.argsort(placed.row[chosen], kind="stable")]  # a batch then covers a band of lines
    for start, stop in _batches(len(chosen), max(1, _EXACT_BATCH // len(steps))):
        part = chosen[start:stop]
        col, qx = placed.col[part, None], placed.qx[part, None]
        dy = (placed.line[part, None] + steps + 0.5) * pixel + spec.y_origin - placed.qy[part, None]
        gap = radius**2 - dy**2
        half = np.sqrt(np.maximum(gap, 0.0)) / pixel
        middle = (qx - spec.x_origin) / pixel - (col + shift) - 0.5  # block column level with the point
        low_end, high_end = middle - half, middle + half
        low, high = np.ceil(low_end).astype(np.int64), np.floor(high_end).astype(np.int64)
        # The circle and QGIS's test can only disagree where an end is within rounding of a whole
        # column or the line grazes the circle: settle those (few) with QGIS's test.
        far = gap < -_TIE * radius**2
        high[far] = low[far] - 1
        near = ~far & ((np.abs(low_end - np.rint(low_end)) < _TIE) | (np.abs(high_end - np.rint(high_end)) < _TIE)
                       | (half < _GRAZE))
        if near.any():
            near_col = np.broadcast_to(col, near.shape)[near] + shift
            near_qx, near_dy = np.broadcast_to(qx, near.shape)[near], dy[near]

            def inside(j: np.ndarray, c: np.ndarray = near_col, q: np.ndarray = near_qx,
                       d: np.ndarray = near_dy) -> np.ndarray:
                return np.sqrt(((c + j + 0.5) * pixel + spec.x_origin - q) ** 2 + d**2) <= radius

            a, b = low[near], high[near]
            low[near] = np.where(inside(a - 1), a - 1, np.where(inside(a), a, a + 1))
            high[near] = np.where(inside(b + 1), b + 1, np.where(inside(b), b, b - 1))
        low, high = np.maximum(low, -buffer), np.minimum(high, buffer)
        line = placed.row[part, None] + steps - top
        first = np.maximum(col + low - left, 0)
        after = np.minimum(col + high + 1 - left, width)
        ok = (low <= high) & (line >= 0) & (line < height) & (first < after)
        weight = np.broadcast_to(placed.weight[part, None] * scale, ok.shape)[ok]
        base = line[ok] * (width + 1)
        _add_counts(diff, np.concatenate([base + first[ok], base + after[ok]]), np.concatenate([weight, -weight]))
        if tally is not None:
            tally.advance(len(part))
    window += np.cumsum(diff.reshape(height, width + 1), axis=1)[:, :width]
