"""grid_plugin.core.cases.kernel without QGIS: the kernels, QGIS's conventions (against a literal
per-pixel transcription of QGIS's loop, below), both methods, frames and input checks.
tests/qgis/test_kernel_matches_qgis.py compares with QGIS itself."""

from __future__ import annotations

import math

import numpy as np
import pytest

from grid_plugin.core.cases import kernel_tiles
from grid_plugin.core.cases.kernel import (
    KERNELS,
    OUTPUTS,
    DensityRaster,
    kernel_density,
    radius_in_pixels,
    raster_frame,
)
from grid_plugin.core.cases.kernel_shapes import kernel_values
from grid_plugin.core.errors import Cancelled, GridInputError
from grid_plugin.core.progress import Progress

X0, Y0 = 500_000.0, 4_420_000.0


def reference(x, y, w, radius, pixel, kernel, output, decay):
    """QGIS's addFeature, one pixel at a time (what qgskde.cpp does, restated in Python).

    Bounds: extent buffered by the radius; size ceil(side / pixel) + 1; per point, a block of
    2b + 1 pixels from unsigned-int positions ((x - x_min) / pixel - b, (y_max - y) / pixel - b);
    pixel centres from (y - y_min) / pixel - b vertically; pixels farther than the radius skipped.
    """
    x_min, x_max, y_min, y_max = x.min() - radius, x.max() + radius, y.min() - radius, y.max() + radius
    rows = int(max(math.ceil((y_max - y_min) / pixel) + 1, 1))
    cols = int(max(math.ceil((x_max - x_min) / pixel) + 1, 1))
    b = int(radius / pixel) + (1 if radius - pixel * int(radius / pixel) > 0.5 else 0)

    def unsigned(value):  # C's conversion of a double in (-1, 0) to unsigned int gives 0
        return int(value) if value > -1 else None

    out = np.zeros((rows, cols))
    for px, py, pw in zip(x, y, w):
        x_pos, y_pos, y_io = unsigned((px - x_min) / pixel - b), unsigned((py - y_min) / pixel - b), unsigned(
            (y_max - py) / pixel - b)
        if None in (x_pos, y_pos, y_io) or x_pos + 2 * b + 1 > cols or y_io + 2 * b + 1 > rows:
            continue  # QGIS's RasterIO fails: the point is dropped
        for xp in range(2 * b + 1):
            for yp in range(2 * b + 1):
                cx = (x_pos + xp + 0.5) * pixel + x_min
                cy = (y_pos + yp + 0.5) * pixel + y_min
                d = math.sqrt((cx - px) ** 2 + (cy - py) ** 2)
                if d > radius:
                    continue
                out[y_io + yp, x_pos + xp] += pw * float(kernel_values(np.array(d), radius, kernel, output, decay))
    return out, (x_min, pixel, 0.0, y_max, 0.0, -pixel)


def random_points(count, seed, spread=(600.0, 450.0)):
    rng = np.random.default_rng(seed)
    return X0 + rng.uniform(0, spread[0], count), Y0 + rng.uniform(0, spread[1], count), rng.uniform(0.5, 3, count)


def agreement(a, b):
    """(1 - correlation, largest difference / largest value)."""
    return 1 - np.corrcoef(a.ravel(), b.ravel())[0, 1], np.abs(a - b).max() / np.abs(b).max()


# --- QGIS's conventions -----------------------------------------------------------------------


def test_raster_frame_buffers_by_radius_and_adds_one_pixel():
    assert raster_frame(0.0, 0.0, 100.0, 50.0, 20.0, 10.0) == (-20.0, 70.0, 15, 10)
    assert raster_frame(0.0, 0.0, 95.0, 51.0, 20.0, 10.0) == (-20.0, 71.0, 15, 11)  # ceil(135/10)+1, ceil(91/10)+1


@pytest.mark.parametrize(("radius", "pixel", "expected"),
                         [(200.0, 10.0, 20), (205.0, 10.0, 21), (200.4, 10.0, 20), (50.3, 2.0, 25), (5.3, 0.5, 10)])
def test_radius_in_pixels_rounds_on_half_a_map_unit(radius, pixel, expected):
    assert radius_in_pixels(radius, pixel) == expected


CASES = [
    # kernel, output, decay, radius, pixel
    ("quartic", "raw", 0.0, 50.0, 10.0),
    ("quartic", "scaled", 0.0, 53.0, 10.0),  # the block is rounded up: QGIS's unsigned conversion shows
    ("triweight", "raw", 0.0, 57.3, 7.1),
    ("epanechnikov", "scaled", 0.0, 40.0, 5.0),
    ("uniform", "raw", 0.0, 45.0, 10.0),
    ("uniform", "scaled", 0.0, 30.2, 3.0),  # rounded down: the block clips the disc
    ("triangular", "raw", 0.4, 50.0, 6.0),
    ("triangular", "scaled", -0.7, 61.0, 10.0),
]


@pytest.mark.parametrize(("kernel", "output", "decay", "radius", "pixel"), CASES)
def test_both_methods_match_qgis_loop(kernel, output, decay, radius, pixel):
    x, y, w = random_points(60, seed=3)
    # points within 0.25 m of the lowest and highest ones: QGIS moves them where it rounds the block up
    x = np.r_[x, X0 + 100, X0 + 300, X0 + 200]
    y = np.r_[y, y.min() + 0.2, y.max() - 0.1, y.max() - 0.2]
    w = np.r_[w, 1.0, 2.0, 0.5]
    expected, geotransform = reference(x, y, w, radius, pixel, kernel, output, decay)
    for method in ("exact", "fft"):
        raster = kernel_density(x, y, radius=radius, pixel_size=pixel, kernel=kernel, output=output, decay=decay,
                                weights=w, method=method)
        assert raster.values.shape == expected.shape
        assert raster.geotransform() == geotransform
        if method == "exact" or kernel == "uniform":  # uniform is all step, added exactly
            np.testing.assert_allclose(raster.values, expected, rtol=1e-9, atol=1e-12 * np.abs(expected).max())
        else:
            lack, worst = agreement(raster.values, expected)
            assert lack < 1e-5 and worst < 0.01, (lack, worst)


def test_offset_in_the_row_is_measured_from_the_bottom_as_qgis_does():
    # P1 lies on the top edge of its pixel row (4), but QGIS measures its place in the row from
    # the bottom of the bounds, (y - y_min) / pixel = 33.7, so it acts as if 0.7 pixel (7 m)
    # lower. P2, far away, only sets the extent.
    x, y = np.array([X0, X0 + 300.0]), np.array([Y0, Y0 - 297.0])
    centre = (X0, Y0 - 7.0)
    for method in ("exact", "fft"):
        raster = kernel_density(x, y, radius=40.0, pixel_size=10.0, method=method)
        assert (raster.x_min, raster.y_max) == (X0 - 40.0, Y0 + 40.0)
        centres_x = raster.x_min + (np.arange(9) + 0.5) * 10.0
        centres_y = raster.y_max - (np.arange(9) + 0.5) * 10.0
        distance = np.hypot(centres_x[None, :] - centre[0], centres_y[:, None] - centre[1])
        expected = np.where(distance > 40.0, 0.0, kernel_values(distance, 40.0))
        np.testing.assert_allclose(raster.values[:9, :9], expected, atol=1e-8 if method == "exact" else 5e-3)
        assert raster.values[:9, 9:].max() == 0 and raster.values[9:, :9].max() == 0


# --- kernels -----------------------------------------------------------------------------------


def analytic_integral(kernel, output, decay, radius):
    """∫ K over the plane: raw shape × π r², or 1 for every scaled kernel (a density)."""
    if output == "scaled":
        return 1.0
    share = {"quartic": 1 / 3, "triweight": 1 / 4, "epanechnikov": 1 / 2, "uniform": 1.0,
             "triangular": (1 + 2 * decay) / 3}[kernel]
    return share * math.pi * radius**2


@pytest.mark.parametrize("method", ["exact", "fft"])
@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("kernel", KERNELS)
def test_single_point_integrates_to_the_kernel_integral(kernel, output, method):
    decay = 0.3 if kernel == "triangular" else 0.0
    raster = kernel_density(np.array([X0]), np.array([Y0]), radius=200.0, pixel_size=5.0, kernel=kernel, output=output,
                            decay=decay, method=method)
    total = raster.values.sum() * 5.0**2
    assert total == pytest.approx(analytic_integral(kernel, output, decay, 200.0), rel=0.01)


@pytest.mark.parametrize("kernel", KERNELS)
def test_single_point_is_symmetric_and_zero_beyond_the_radius(kernel):
    # a single point lies on a pixel corner of its own raster (radius / pixel is whole)
    radius, pixel = 100.0, 10.0
    raster = kernel_density(np.array([X0]), np.array([Y0]), radius=radius, pixel_size=pixel, kernel=kernel,
                            method="fft")
    values = raster.values
    assert values.shape == (21, 21)
    block = values[:20, :20]
    np.testing.assert_allclose(block, block[::-1, :], atol=1e-12)
    np.testing.assert_allclose(block, block[:, ::-1], atol=1e-12)
    np.testing.assert_allclose(block, block.T, atol=1e-12)
    centres_x = raster.x_min + (np.arange(raster.cols) + 0.5) * pixel
    centres_y = raster.y_max - (np.arange(raster.rows) + 0.5) * pixel
    distance = np.hypot(centres_x[None, :] - X0, centres_y[:, None] - Y0)
    assert (values[distance > radius] == 0).all()
    assert (values[distance < radius - 1] > 0).all()
    assert values.max() == pytest.approx(kernel_values(np.array(math.hypot(5.0, 5.0)), radius, kernel), rel=1e-6)


def test_kernel_values_at_centre_and_edge():
    for kernel in ("quartic", "triweight", "epanechnikov"):
        assert kernel_values(np.array([0.0, 10.0]), 10.0, kernel).tolist() == [1.0, 0.0]
    assert kernel_values(np.array([0.0, 10.0]), 10.0, "uniform").tolist() == [1.0, 1.0]
    assert kernel_values(np.array([0.0, 10.0]), 10.0, "triangular", decay=0.25).tolist() == [1.0, 0.25]
    assert kernel_values(np.array(0.0), 10.0, "uniform", "scaled") == pytest.approx(1 / (math.pi * 100))
    # negative decay: QGIS leaves scaled triangular values raw
    assert kernel_values(np.array(5.0), 10.0, "triangular", "scaled", -1.0) == pytest.approx(0.0)


def test_decay_only_changes_triangular():
    x, y, _ = random_points(40, seed=4)
    plain = kernel_density(x, y, radius=50, pixel_size=5, kernel="quartic").values
    np.testing.assert_array_equal(kernel_density(x, y, radius=50, pixel_size=5, kernel="quartic", decay=0.7).values,
                                  plain)


# --- methods, weights, tiles -----------------------------------------------------------------


@pytest.mark.parametrize("kernel", KERNELS)
def test_fft_agrees_with_exact(kernel):
    x, y, w = random_points(4000, seed=5, spread=(2000.0, 1500.0))
    decay = 0.5 if kernel == "triangular" else 0.0
    exact = kernel_density(x, y, radius=100, pixel_size=10, kernel=kernel, decay=decay, weights=w, method="exact")
    fast = kernel_density(x, y, radius=100, pixel_size=10, kernel=kernel, decay=decay, weights=w, method="fft")
    lack, worst = agreement(fast.values, exact.values)
    assert lack < 1e-6 and worst < 3e-3, (lack, worst)
    assert fast.values.sum() == pytest.approx(exact.values.sum(), rel=1e-3)


@pytest.mark.parametrize("method", ["exact", "fft"])
def test_weights_scale_and_add_linearly(method):
    x, y, w = random_points(300, seed=6)
    common = {"radius": 60.0, "pixel_size": 5.0, "method": method}
    ones = kernel_density(x, y, **common).values
    np.testing.assert_allclose(kernel_density(x, y, weights=np.full(len(x), 2.5), **common).values, 2.5 * ones,
                               rtol=1e-9, atol=1e-12)
    first = kernel_density(x, y, weights=w, **common).values
    second = kernel_density(x, y, weights=w**2, **common).values
    np.testing.assert_allclose(kernel_density(x, y, weights=w + w**2, **common).values, first + second, rtol=1e-9,
                               atol=1e-9)
    assert kernel_density(x, y, weights=np.zeros(len(x)), **common).values.max() == 0


def test_many_tiles_give_the_same_raster(monkeypatch):
    x, y, w = random_points(3000, seed=7, spread=(3000.0, 2000.0))
    for kernel in ("quartic", "uniform", "triangular"):
        common = {"radius": 100.0, "pixel_size": 10.0, "kernel": kernel, "decay": 0.2, "weights": w}
        whole = {m: kernel_density(x, y, method=m, **common).values for m in ("exact", "fft", "auto")}
        with monkeypatch.context() as patch:
            patch.setattr(kernel_tiles, "_TILE_GRID_BYTES", 25 * 8 * 70 * 70)  # 70-pixel tiles
            for method, values in whole.items():
                np.testing.assert_allclose(kernel_density(x, y, method=method, **common).values, values, rtol=1e-9,
                                           atol=1e-10 * values.max())


def test_auto_is_exact_for_few_points_and_close_for_many():
    x, y, w = random_points(500, seed=8)
    common = {"radius": 50.0, "pixel_size": 5.0, "weights": w}
    np.testing.assert_array_equal(kernel_density(x, y, **common).values,
                                  kernel_density(x, y, method="exact", **common).values)
    x, y, w = random_points(60_000, seed=9, spread=(800.0, 800.0))
    common["weights"] = w
    exact = kernel_density(x, y, method="exact", **common).values
    lack, worst = agreement(kernel_density(x, y, **common).values, exact)
    assert lack < 1e-8 and worst < 1e-3


# --- frames ------------------------------------------------------------------------------------


def test_raster_properties():
    raster = DensityRaster(np.zeros((3, 4)), 10.0, 100.0, 2.0)
    assert (raster.rows, raster.cols, raster.x_max, raster.y_min) == (3, 4, 18.0, 94.0)
    assert raster.extent() == (10.0, 94.0, 18.0, 100.0)
    assert raster.geotransform() == (10.0, 2.0, 0.0, 100.0, 0.0, -2.0)


@pytest.mark.parametrize("method", ["exact", "fft"])
def test_frame_override_aligns(method):
    x, y, w = random_points(200, seed=10)
    common = {"radius": 40.0, "pixel_size": 4.0, "weights": w, "method": method, "kernel": "triangular", "decay": 0.3}
    default = kernel_density(x, y, **common)
    frame = raster_frame(x.min(), y.min(), x.max(), y.max(), 40.0, 4.0)
    assert (default.x_min, default.y_max, default.cols, default.rows) == frame
    np.testing.assert_array_equal(kernel_density(x, y, frame=frame, **common).values, default.values)
    # a larger frame on the same grid: the same values, zeros around
    grown = (frame[0] - 3 * 4.0, frame[1] + 5 * 4.0, frame[2] + 10, frame[3] + 12)
    big = kernel_density(x, y, frame=grown, **common)
    assert big.x_min == grown[0] and big.y_max == grown[1] and big.values.shape == (grown[3], grown[2])
    np.testing.assert_allclose(big.values[5:5 + default.rows, 3:3 + default.cols], default.values, rtol=1e-9,
                               atol=1e-12)
    assert big.values.sum() == pytest.approx(default.values.sum(), rel=1e-12)
    # a smaller frame: the matching part, including points outside it that reach in
    small = (frame[0] + 20 * 4.0, frame[1] - 10 * 4.0, 30, 25)
    part = kernel_density(x, y, frame=small, **common).values
    np.testing.assert_allclose(part, default.values[10:35, 20:50], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kernel", KERNELS)
def test_frame_off_qgis_grid_centres_the_kernel_on_the_point(kernel):
    # A single point lies on a corner of its own grid, so QGIS's placement is the true one; a
    # frame shifted by a fraction of a pixel then samples the kernel at its own pixel centres.
    frame = (X0 - 103.3, Y0 + 96.1, 25, 24)
    centres_x = frame[0] + (np.arange(25) + 0.5) * 10.0
    centres_y = frame[1] - (np.arange(24) + 0.5) * 10.0
    distance = np.hypot(centres_x[None, :] - X0, centres_y[:, None] - Y0)
    expected = np.where(distance > 80.0, 0.0, kernel_values(distance, 80.0, kernel, decay=0.25))
    for method in ("exact", "fft"):
        raster = kernel_density(np.array([X0]), np.array([Y0]), radius=80.0, pixel_size=10.0, kernel=kernel,
                                decay=0.25, frame=frame, method=method)
        np.testing.assert_allclose(raster.values, expected, atol=1e-9 if method == "exact" else 0.02)


def test_frame_off_qgis_grid_fft_agrees_with_exact():
    x, y, w = random_points(2000, seed=13, spread=(1500.0, 1000.0))
    frame = (X0 + 200.37, Y0 + 800.81, 100, 70)
    common = {"radius": 50.3, "pixel_size": 10.0, "weights": w, "frame": frame}
    lack, worst = agreement(kernel_density(x, y, method="fft", **common).values,
                            kernel_density(x, y, method="exact", **common).values)
    assert lack < 1e-5 and worst < 5e-3


def test_empty_input():
    with pytest.raises(GridInputError, match="no points"):
        kernel_density(np.array([]), np.array([]), radius=100, pixel_size=10)
    raster = kernel_density(np.array([]), np.array([]), radius=100, pixel_size=10, frame=(X0, Y0, 7, 5))
    assert raster.values.shape == (5, 7) and not raster.values.any()


# --- input checks ------------------------------------------------------------------------------


@pytest.mark.parametrize(("radius", "pixel"), [(0, 10), (-5, 10), (math.nan, 10), (math.inf, 10), (100, 0),
                                               (100, -1), (100, math.nan), (100, 150), (100, 0.05)])
def test_bad_sizes_raise(radius, pixel):
    with pytest.raises(GridInputError):
        kernel_density(np.array([X0]), np.array([Y0]), radius=radius, pixel_size=pixel)
    with pytest.raises(GridInputError):
        raster_frame(0, 0, 1, 1, radius, pixel)


def test_largest_pixel_allowed_still_reaches_every_point():
    # pixel = radius × √2 (just under): any point is within the radius of its pixel's centre
    rng = np.random.default_rng(11)
    x, y = X0 + rng.uniform(0, 500, 50), Y0 + rng.uniform(0, 500, 50)
    raster = kernel_density(x, y, radius=10.0, pixel_size=14.1, kernel="uniform")
    assert raster.values.sum() >= 50


@pytest.mark.parametrize(("arguments", "match"), [
    ({"kernel": "gaussian"}, "Kernel"), ({"output": "percent"}, "Output"), ({"method": "fast"}, "Method"),
    ({"decay": math.nan}, "decay"), ({"weights": np.array([1.0, 2.0])}, "weights"),
    ({"weights": np.array([math.nan])}, "weight"), ({"frame": (X0, Y0, 0, 10)}, "pixels"),
    ({"frame": (X0, Y0, 20_000, 20_000)}, "pixels"),
])
def test_bad_arguments_raise(arguments, match):
    with pytest.raises(GridInputError, match=match):
        kernel_density(np.array([X0]), np.array([Y0]), radius=100, pixel_size=10, **arguments)


def test_bad_coordinates_raise():
    with pytest.raises(GridInputError, match="finite"):
        kernel_density(np.array([X0, math.nan]), np.array([Y0, Y0]), radius=100, pixel_size=10)
    with pytest.raises(GridInputError, match="coordinates"):
        kernel_density(np.array([X0, X0]), np.array([Y0]), radius=100, pixel_size=10)


def test_progress_reports_and_cancels():
    x, y, _ = random_points(500, seed=12, spread=(3000.0, 3000.0))
    seen: list[float] = []
    kernel_density(x, y, radius=100, pixel_size=10, progress=Progress(report=seen.append))
    assert seen and seen[-1] == 100.0
    with pytest.raises(Cancelled):
        kernel_density(x, y, radius=100, pixel_size=10, progress=Progress(is_cancelled=lambda: True))
