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
    (S = `kernel_tiles._SUBPIXEL` = 4) along each axis, its weight shared bilinearly between the four
    surrounding offsets (cloud-in-cell), each offset's weight grid is convolved by FFT with
    that offset's block, and the results are summed. Exact for points on the lattice; between,
    the blend of blocks differs from the true one by O(h²·K'') (h = pixel / S) where the kernel
    is smooth and O(h·K') at its kinks (the apex of triangular, the edge of epanechnikov).
    Measured against QGIS on 3,600 points: 1 - correlation < 1e-9 and largest difference < 1e-4
    of the largest value for quartic, triweight and triangular; 1e-8 and 3e-4 for
    epanechnikov; 3e-6 and 4e-3 for triangular with negative decay (a cone with values of both
    signs). More points average the errors out: 1,000,000 points give 1 - correlation ~1e-10.
    ``auto`` (default) works tile by tile and takes whichever of the two costs less by rough
    timings (`kernel_tiles._EXACT_SECONDS`, `_FFT_SECONDS`): exact for sparse tiles, fft for dense ones.
    Tiles are overlap-added, so memory is the output (8 bytes per pixel), about 150 bytes per
    point and at most some 600 MiB of tile buffers, whatever the raster's size (1,000,000
    points spread over 10,000 × 10,000 pixels: 0.95 GiB peak and 14 s, nearly all tiles exact,
    against some 18 s for QGIS: the large speed-up is for dense data, points per pixel).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.cases.kernel_shapes import KERNELS, OUTPUTS, KernelSpec, PlacedPoints
from grid_plugin.core.cases.kernel_tiles import render
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.progress import Progress

METHODS = ("auto", "exact", "fft")

Frame = tuple[float, float, int, int]  # x_min, y_max, cols, rows

# Largest raster computed (float64: 1.6 GB of output); beyond it the pixel size is too small.
MAX_PIXELS = 200_000_000
# A frame whose origin is this close (in pixels) to whole pixels from QGIS's is on its grid.
_ALIGNED = 1e-6
# Largest radius in pixels: a block of (2·1000 + 1)² pixels per point is already 4 million.
MAX_RADIUS_PIXELS = 1000
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
        render(raster.values, placed, spec, method, progress)
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


def _place(x: np.ndarray, y: np.ndarray, w: np.ndarray, own: Frame, raster: DensityRaster, radius: float,
           kernel: str, output: str, decay: float) -> tuple[PlacedPoints, KernelSpec]:
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
    spec = KernelSpec(radius, pixel, buffer, kernel, output, decay, x_origin, y_origin, col_shift)
    keep = (col >= -buffer) & (col < raster.cols + buffer) & (row >= -buffer) & (row < raster.rows + buffer)
    keep &= w != 0
    if not keep.all():
        col, row, line, qx, qy, w = col[keep], row[keep], line[keep], qx[keep], qy[keep], w[keep]
    off_x = (qx - x_origin) / pixel - (col + col_shift)
    off_y = (qy - y_origin) / pixel - line
    return PlacedPoints(col, row, off_x, off_y, qx, qy, line, w), spec

