"""Kernel density (heatmap) rasters that reproduce QGIS's "Heatmap (Kernel Density Estimation)".

QGIS's algorithm (``qgis:heatmapkerneldensityestimation``, C++ ``QgsKernelDensityEstimation``,
src/analysis/raster/qgskde.cpp) adds each point to a GeoTIFF through two GDAL RasterIO calls
and a double loop over the pixels around it: about 10 s for a million points at radius 200 m,
pixel 10 m. This module computes the same raster with numpy, some 20 times faster on such data,
following QGIS's conventions exactly (read from the 3.22 source; tests/qgis/
test_kernel_matches_qgis.py runs QGIS and compares):

Extent and size
    The bounds are the points' extent buffered by the radius on every side. The raster's origin
    is the bounds' north-west corner (x_min, y_max); it has ``ceil(height / pixel) + 1`` rows and
    ``ceil(width / pixel) + 1`` columns (at least 1 each), so it reaches past the bounds in the
    east and south by one to two pixels. See `raster_frame`.

Which pixels a point reaches
    Only the pixels of a square block of ``2b + 1`` pixels around the pixel that holds the point,
    where b is the radius in pixels rounded QGIS's way (`radius_in_pixels`: rounded down unless
    the remainder exceeds 0.5 map units), and of those only the pixels whose centre lies within
    the radius (distance <= radius, centre = corner + 0.5 pixel).

Vertical placement quirk
    QGIS finds the point's row from the top of the bounds but measures the point's position
    inside that row from the bottom of the bounds (``y - y_min``), so the kernel sits as if the
    point's offset within its pixel were taken from the other edge: for bounds whose height is
    a whole number of pixels, the point is mirrored inside its pixel row. Where a block would
    start one pixel beyond the raster's top or bottom (only when b was rounded up, for points
    within a fraction of a metre of the outermost ones), QGIS's conversion to an unsigned
    integer moves the point by one more pixel. Both are reproduced, so results match QGIS
    rather than the ideal geometry (the shift is below one pixel, invisible in a heatmap).

Kernels and output
    ``raw`` values are the kernel shape, 1 at the point: quartic (1 - t²)², triweight (1 - t²)³,
    epanechnikov 1 - t², uniform 1, triangular 1 - (1 - decay)·t with t = distance / radius.
    ``scaled`` multiplies them by QGIS's normalising constants: 2 / (π r²) (epanechnikov),
    4 / (π r²) (triweight), 1 / (π r²) (uniform), 3 / ((1 + 2·decay) π r²) (triangular, decay
    >= 0; with a negative decay QGIS leaves the values raw) and, for quartic, 16 / (5 π r²) ·
    15 / 16 = 3 / (π r²), so that the kernel integrates to 1. QGIS before 3.40 wrote 116 for 16
    (QGIS issue 60616), which makes its scaled quartic raster 7.25 times too large; the plugin
    follows the corrected formula. Decay only affects triangular.

Differences from QGIS's file
    QGIS writes float32 and marks pixels no point reached as no-data (-9999); here they are 0
    and the values are float64. The radius is one value (no "radius from field"). A caller's
    `frame` may lie anywhere: on QGIS's grid (origin a whole number of pixels away) the values
    equal QGIS's raster where they overlap; off it, the kernel is centred on the point as QGIS
    places it and sampled at the frame's pixel centres.

Methods (the accuracy trade-off)
    ``exact`` evaluates the kernel for every pixel of every point's block, in numpy batches,
    with QGIS's own arithmetic: it equals QGIS to float32 rounding (1e-6 of the largest value),
    but costs (2b + 1)² kernel evaluations per point (1,681 at radius 200 m / pixel 10 m: about
    10 µs per point, slower than QGIS for a million).
    ``fft`` costs in proportion to the raster's area instead. The kernel is split into its
    value at the radius times the disc (the step uniform and triangular with decay have at the
    edge) and the rest, which falls continuously to 0 at the edge. The step is added exactly:
    per point and block line the pixels within the radius are one run of columns, whose ends
    are marked in a difference array and summed along the lines (so uniform is always exact,
    and cheap). For the continuous rest, the block a point adds depends only on where the
    point lies inside its pixel: the position is placed on a lattice of offsets 0, 1/S, ..., 1
    (S = `_SUBPIXEL` = 4) along each axis, its weight shared bilinearly between the four
    surrounding offsets (cloud-in-cell), each offset's weight grid is convolved by FFT with
    that offset's block, and the results are summed. Exact for points on the lattice; between,
    the blend of blocks differs from the true one by O(h²·K'') (h = pixel / S) where the kernel
    is smooth and O(h·K') at its kinks (the apex of triangular, the edge of epanechnikov).
    Measured against QGIS on 3,600 points: 1 - correlation < 1e-9 and largest difference < 1e-4
    of the largest value for quartic, triweight and triangular; 1e-8 and 3e-4 for
    epanechnikov; 3e-6 and 4e-3 for triangular with negative decay (a cone with values of both
    signs). More points average the errors out: 1,000,000 points give 1 - correlation ~1e-10.
    ``auto`` (default) works tile by tile and takes whichever of the two costs less by rough
    timings (`_EXACT_SECONDS`, `_FFT_SECONDS`): exact for sparse tiles, fft for dense ones.
    Tiles are overlap-added, so memory is the output (8 bytes per pixel), about 150 bytes per
    point and at most some 600 MiB of tile buffers, whatever the raster's size (1,000,000
    points spread over 10,000 × 10,000 pixels: 0.95 GiB peak and 14 s, nearly all tiles exact,
    against some 18 s for QGIS: the large speed-up is for dense data, points per pixel).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.progress import Progress

KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")
OUTPUTS = ("raw", "scaled")
METHODS = ("auto", "exact", "fft")

Frame = tuple[float, float, int, int]  # x_min, y_max, cols, rows

# Largest raster computed (float64: 1.6 GB of output); beyond it the pixel size is too small.
MAX_PIXELS = 200_000_000
# A frame whose origin is this close (in pixels) to whole pixels from QGIS's is on its grid.
_ALIGNED = 1e-6
# Largest radius in pixels: a block of (2·1000 + 1)² pixels per point is already 4 million.
MAX_RADIUS_PIXELS = 1000
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


@dataclass
class DensityRaster:
    """A north-up raster: row 0 is the north edge, as in a GeoTIFF."""

    values: np.ndarray  # float64 (rows, cols)
    x_min: float
    y_max: float
    pixel_size: float

    @property
    def rows(self) -> int:
        return int(self.values.shape[0])

    @property
    def cols(self) -> int:
        return int(self.values.shape[1])

    @property
    def x_max(self) -> float:
        return self.x_min + self.cols * self.pixel_size

    @property
    def y_min(self) -> float:
        return self.y_max - self.rows * self.pixel_size

    def extent(self) -> tuple[float, float, float, float]:
        """(x_min, y_min, x_max, y_max) of the raster's outer edges."""
        return self.x_min, self.y_min, self.x_max, self.y_max

    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """GDAL's geotransform, to write the raster or compare it with one GDAL read."""
        return self.x_min, self.pixel_size, 0.0, self.y_max, 0.0, -self.pixel_size


def radius_in_pixels(radius: float, pixel_size: float) -> int:
    """Half the side of the block a point reaches, as QGIS rounds it.

    QGIS truncates radius / pixel and adds one when the remainder exceeds 0.5 *map units* (not
    half a pixel), so with sub-metre pixels the block may clip the disc; reproduced as is.
    """
    buffer = int(radius / pixel_size)
    if radius - pixel_size * buffer > 0.5:
        buffer += 1
    return buffer


def raster_frame(x_min: float, y_min: float, x_max: float, y_max: float, radius: float,
                 pixel_size: float) -> Frame:
    """(x_min, y_max, cols, rows) of the raster QGIS makes for points with this extent.

    The extent is buffered by the radius; the size is ceil(side / pixel) + 1 pixels, so the
    raster reaches past the buffered extent in the east and south.
    """
    _check_sizes(radius, pixel_size)
    left, right, bottom, top = x_min - radius, x_max + radius, y_min - radius, y_max + radius
    cols = int(max(math.ceil((right - left) / pixel_size) + 1, 1.0))
    rows = int(max(math.ceil((top - bottom) / pixel_size) + 1, 1.0))
    return left, top, cols, rows


def kernel_values(distance: np.ndarray, radius: float, kernel: str = "quartic", output: str = "raw",
                  decay: float = 0.0) -> np.ndarray:
    """QGIS's kernel at these distances (no cut-off: callers keep distance <= radius).

    Each formula follows QGIS's, with its scaled quartic constant as corrected in QGIS (see the module
    docstring), so that "scaled" rasters match QGIS's numbers.
    """
    t2 = (np.asarray(distance, dtype=np.float64) / radius) ** 2
    area = math.pi * radius**2
    if kernel == "quartic":
        return (1.0 - t2) ** 2 * (16.0 / (5.0 * area) * (15.0 / 16.0) if output == "scaled" else 1.0)
    if kernel == "triweight":
        return (1.0 - t2) ** 3 * (4.0 / area if output == "scaled" else 1.0)
    if kernel == "epanechnikov":
        return (1.0 - t2) * (2.0 / area if output == "scaled" else 1.0)
    if kernel == "uniform":
        return np.full_like(t2, 1.0 / area if output == "scaled" else 1.0)
    if kernel == "triangular":
        shape = 1.0 - (1.0 - decay) * np.sqrt(t2)
        return shape * (3.0 / ((1.0 + 2.0 * decay) * area) if output == "scaled" and decay >= 0 else 1.0)
    raise GridInputError("Kernel '{kernel}' is unknown; use one of {kernels}.", kernel=kernel,
                         kernels=", ".join(KERNELS))


def kernel_density(x: np.ndarray, y: np.ndarray, *, radius: float, pixel_size: float, kernel: str = "quartic",
                   output: str = "raw", decay: float = 0.0, weights: np.ndarray | None = None,
                   frame: Frame | None = None, method: str = "auto",
                   progress: Progress | None = None) -> DensityRaster:
    """The heatmap QGIS's Heatmap algorithm would make for these points (see the module docstring).

    x, y: projected coordinates (same units as radius and pixel_size). weights: one per point
    (QGIS's "weight from field"; it reads NULL as 0, so pass 0 for those). frame: (x_min,
    y_max, cols, rows) to compute on another grid, e.g. to align several rasters; points keep
    QGIS's placement for this point set, so ``frame=raster_frame(...)`` of the same points
    gives the default raster and any frame on QGIS's grid gives the same values where they
    overlap. Without points there is no extent: that raises unless a frame is given, which
    then gives an all-zero raster (QGIS refuses an empty layer). method: "auto", "exact" or
    "fft" (accuracy and cost in the module docstring). progress: reported per tile; raises
    Cancelled when the user stops.
    """
    _check_sizes(radius, pixel_size)
    if kernel not in KERNELS:
        raise GridInputError("Kernel '{kernel}' is unknown; use one of {kernels}.", kernel=kernel,
                             kernels=", ".join(KERNELS))
    if output not in OUTPUTS:
        raise GridInputError("Output '{output}' is unknown; use 'raw' or 'scaled'.", output=output)
    if method not in METHODS:
        raise GridInputError("Method '{method}' is unknown; use 'auto', 'exact' or 'fft'.", method=method)
    if not math.isfinite(decay):
        raise GridInputError("The decay ratio {decay} is not a number; use a value such as 0.", decay=decay)
    xs, ys, ws = _points(x, y, weights)
    if len(xs) == 0:
        if frame is None:
            raise GridInputError("There are no points, so the heatmap has no extent; add points or give a frame "
                                 "(x_min, y_max, columns, rows) for an all-zero raster.")
        return _empty_raster(frame, pixel_size)
    own = raster_frame(float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()), radius, pixel_size)
    raster = _empty_raster(own if frame is None else frame, pixel_size)
    placed, spec = _place(xs, ys, ws, own, raster, radius, kernel, output, decay)
    if len(placed.col):
        _render(raster.values, placed, spec, method, progress)
    return raster


# --- input checks -------------------------------------------------------------------------------


def _check_sizes(radius: float, pixel_size: float) -> None:
    """Radius and pixel size QGIS could use meaningfully; anything else is a user mistake."""
    if not (math.isfinite(radius) and radius > 0):
        raise GridInputError("The radius must be a positive distance, not {radius}; use e.g. 200 (metres).",
                             radius=radius)
    if not (math.isfinite(pixel_size) and pixel_size > 0):
        raise GridInputError("The pixel size must be a positive distance, not {pixel}; use e.g. 10 (metres).",
                             pixel=pixel_size)
    if pixel_size > radius * math.sqrt(2.0):
        # Beyond this a point can lie farther than the radius from every pixel centre and vanish.
        raise GridInputError("The pixel size {pixel} is too large for the radius {radius}: points could miss "
                             "every pixel centre; use a pixel size of at most radius × 1.41 (ideally radius / 10).",
                             pixel=pixel_size, radius=radius)
    if radius / pixel_size > MAX_RADIUS_PIXELS:
        raise GridInputError("The radius {radius} is {count} pixels of {pixel}; use a larger pixel size (at most "
                             "{limit} pixels per radius).", radius=radius, count=int(radius / pixel_size),
                             pixel=pixel_size, limit=MAX_RADIUS_PIXELS)


def _empty_raster(frame: Frame, pixel_size: float) -> DensityRaster:
    """An all-zero raster on the frame, refused when it would not fit in memory."""
    x_min, y_max, cols, rows = float(frame[0]), float(frame[1]), int(frame[2]), int(frame[3])
    if cols < 1 or rows < 1 or cols * rows > MAX_PIXELS:
        raise GridInputError("The heatmap would have {cols} × {rows} pixels; use a larger pixel size or a smaller "
                             "extent (at most {limit} pixels).", cols=cols, rows=rows, limit=MAX_PIXELS)
    return DensityRaster(np.zeros((rows, cols), dtype=np.float64), x_min, y_max, float(pixel_size))


def _points(x: np.ndarray, y: np.ndarray,
            weights: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coordinates and weights as flat float64 arrays, refused when they cannot be used."""
    xs = np.ascontiguousarray(x, dtype=np.float64).ravel()
    ys = np.ascontiguousarray(y, dtype=np.float64).ravel()
    if len(xs) != len(ys):
        raise GridInputError("There are {nx} x but {ny} y coordinates; give one of each per point.",
                             nx=len(xs), ny=len(ys))
    bad = np.flatnonzero(~(np.isfinite(xs) & np.isfinite(ys)))
    if len(bad):
        raise GridInputError("Point {index} has no finite coordinates ({count} such points); drop points with "
                             "empty geometry first.", index=int(bad[0]), count=len(bad))
    if weights is None:
        return xs, ys, np.ones_like(xs)
    ws = np.ascontiguousarray(weights, dtype=np.float64).ravel()
    if len(ws) != len(xs):
        raise GridInputError("There are {nw} weights for {n} points; give one weight per point.",
                             nw=len(ws), n=len(xs))
    bad = np.flatnonzero(~np.isfinite(ws))
    if len(bad):
        raise GridInputError("The weight of point {index} is not a number ({count} such points); QGIS counts "
                             "NULL weights as 0, so replace them by 0.", index=int(bad[0]), count=len(bad))
    return xs, ys, ws


# --- QGIS's placement of a point ----------------------------------------------------------------


@dataclass
class _Kernel:
    """Everything that defines the block a point adds, but not where the point is."""

    radius: float
    pixel: float
    buffer: int
    kernel: str
    output: str
    decay: float
    # Centre of block column j (-buffer..buffer) of a point: (col + col_shift + j + 0.5)·pixel +
    # x_origin, at a distance from the point's qx; of block line i: (line + i + 0.5)·pixel +
    # y_origin, from qy (see _Placed). QGIS's own arithmetic, so that exact results match it.
    x_origin: float
    y_origin: float
    col_shift: int

    def block(self, dx: np.ndarray, dy: np.ndarray, *, continuous: bool = False) -> np.ndarray:
        """Kernel values for pixel-centre offsets in map units; 0 beyond the radius.

        continuous: minus the value at the radius (`edge`), so that it falls to 0 at the edge;
        the fft method adds that step separately and exactly.
        """
        distance = np.sqrt(dx**2 + dy**2)
        inner = kernel_values(distance, self.radius, self.kernel, self.output, self.decay)
        if continuous:
            inner = inner - self.edge()
        return np.where(distance > self.radius, 0.0, inner)

    def edge(self) -> float:
        """The kernel's value at the radius: the step at the disc's edge (uniform, triangular)."""
        return float(kernel_values(np.array(self.radius), self.radius, self.kernel, self.output, self.decay))


@dataclass
class _Placed:
    """Points as QGIS places them: the centre pixel of the block each adds, and where in it.

    ``col``/``row`` (frame pixels) are the block's centre pixel; the block covers col ± buffer
    and row ± buffer. The kernel is evaluated as if the point lay ``off_x`` pixels right of
    the centre pixel's west edge and ``off_y`` pixels below its north edge (normally in [0, 1);
    off_y is QGIS's mirrored offset, and both may leave [0, 1) by one where QGIS's unsigned
    conversion moved the block). ``qx``, ``qy`` and ``line`` give the same distances with
    QGIS's own arithmetic (see _Kernel).
    """

    col: np.ndarray  # int64
    row: np.ndarray  # int64
    off_x: np.ndarray
    off_y: np.ndarray
    qx: np.ndarray
    qy: np.ndarray
    line: np.ndarray  # int64
    weight: np.ndarray


def _place(x: np.ndarray, y: np.ndarray, w: np.ndarray, own: Frame, raster: DensityRaster, radius: float,
           kernel: str, output: str, decay: float) -> tuple[_Placed, _Kernel]:
    """Where QGIS puts each point, on the caller's frame; only points that reach it are kept.

    QGIS's raster for these points (`own`) has its origin at (x_min, y_max) of the buffered
    bounds, whose bottom is y_ref. Per point it takes the block's position as (unsigned int)
    ((x - x_min) / pixel - b) and ((y_max - y) / pixel - b), and the pixel centres' y from
    (unsigned int)((y - y_ref) / pixel - b): so the point acts as if at
    y_eff = y_max + y_ref - y + pixel·(that - the block's row). On a frame aligned with QGIS's
    grid the blocks are only shifted by whole pixels and QGIS's arithmetic is kept; on any
    other frame the kernel is centred on (x, y_eff) in the frame's own grid, with a block
    just wide enough for the disc (QGIS's block clipping has no meaning there).
    """
    pixel = raster.pixel_size
    buffer = radius_in_pixels(radius, pixel)
    own_x_min, own_y_max = own[0], own[1]
    y_ref = float(y.min()) - radius
    # C's conversion to unsigned int truncates; within QGIS's own bounds the values are > -1
    x_position = np.trunc((x - own_x_min) / pixel - buffer).astype(np.int64)
    y_position_io = np.trunc((own_y_max - y) / pixel - buffer).astype(np.int64)
    y_position = np.trunc((y - y_ref) / pixel - buffer).astype(np.int64)
    shift_x, shift_y = (raster.x_min - own_x_min) / pixel, (own_y_max - raster.y_max) / pixel
    if max(abs(shift_x - round(shift_x)), abs(shift_y - round(shift_y))) < _ALIGNED:
        col_shift = round(shift_x)
        col, row = x_position + buffer - col_shift, y_position_io + buffer - round(shift_y)
        line = y_position + buffer
        qx, qy, x_origin, y_origin = x, y, own_x_min, y_ref
    else:
        y_eff = own_y_max + y_ref - y + pixel * (y_position - y_position_io)
        buffer, col_shift = int(radius / pixel + 0.5), 0
        col = np.floor((x - raster.x_min) / pixel).astype(np.int64)
        row = np.floor((raster.y_max - y_eff) / pixel).astype(np.int64)
        line = row  # the distance formula then runs north to south: centre (row + i + 0.5)·pixel - y_max
        qx, qy, x_origin, y_origin = x, -y_eff, raster.x_min, -raster.y_max
    spec = _Kernel(radius, pixel, buffer, kernel, output, decay, x_origin, y_origin, col_shift)
    keep = (col >= -buffer) & (col < raster.cols + buffer) & (row >= -buffer) & (row < raster.rows + buffer)
    keep &= w != 0
    if not keep.all():
        col, row, line, qx, qy, w = col[keep], row[keep], line[keep], qx[keep], qy[keep], w[keep]
    off_x = (qx - x_origin) / pixel - (col + col_shift)
    off_y = (qy - y_origin) / pixel - line
    return _Placed(col, row, off_x, off_y, qx, qy, line, w), spec


# --- rendering by tiles ------------------------------------------------------------------------


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


def _render(values: np.ndarray, placed: _Placed, spec: _Kernel, method: str, progress: Progress | None) -> None:
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


def _add_exact(window: np.ndarray, top: int, left: int, placed: _Placed, chosen: np.ndarray, spec: _Kernel,
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
    frequency domain. The kernel's step at the radius is left out (`_Kernel.block`,
    continuous=True): `_add_discs` adds it exactly.
    """

    def __init__(self, placed: _Placed, spec: _Kernel):
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


def _add_discs(window: np.ndarray, top: int, left: int, placed: _Placed, chosen: np.ndarray, spec: _Kernel,
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
