"""The kernels of QGIS's heatmap (quartic, triangular, uniform, triweight, epanechnikov) and what
defines the block one point adds to the raster: the kernel values (core.cases.kernel explains QGIS's
formulas) and the points as QGIS places them. Used by core.cases.kernel (placement) and
core.cases.kernel_tiles (rendering)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from grid_plugin.core.errors import GridInputError

KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")
OUTPUTS = ("raw", "scaled")


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


@dataclass
class KernelSpec:
    """Everything that defines the block a point adds, but not where the point is."""

    radius: float
    pixel: float
    buffer: int
    kernel: str
    output: str
    decay: float
    # Centre of block column j (-buffer..buffer) of a point: (col + col_shift + j + 0.5)·pixel +
    # x_origin, at a distance from the point's qx; of block line i: (line + i + 0.5)·pixel +
    # y_origin, from qy (see PlacedPoints). QGIS's own arithmetic, so that exact results match it.
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
class PlacedPoints:
    """Points as QGIS places them: the centre pixel of the block each adds, and where in it.

    ``col``/``row`` (frame pixels) are the block's centre pixel; the block covers col ± buffer
    and row ± buffer. The kernel is evaluated as if the point lay ``off_x`` pixels right of
    the centre pixel's west edge and ``off_y`` pixels below its north edge (normally in [0, 1);
    off_y is QGIS's mirrored offset, and both may leave [0, 1) by one where QGIS's unsigned
    conversion moved the block). ``qx``, ``qy`` and ``line`` give the same distances with
    QGIS's own arithmetic (see KernelSpec).
    """

    col: np.ndarray  # int64
    row: np.ndarray  # int64
    off_x: np.ndarray
    off_y: np.ndarray
    qx: np.ndarray
    qy: np.ndarray
    line: np.ndarray  # int64
    weight: np.ndarray
