"""grid_plugin.core.cases.kernel against QGIS's own qgis:heatmapkerneldensityestimation on the same points.

Both methods are compared with the raster QGIS writes (no-data -9999, where no point reached,
read as 0), which must have the same size and the very same geotransform. The exact method
equals it to float32 rounding (QGIS accumulates in float32; measured: largest difference 1e-6
of the largest value, 1 - correlation < 1e-13). The fft method must have correlation >= 0.99999
and a largest difference <= 0.5 % of the largest value; measured on these points: uniform
exact (its step is added exactly), quartic, triweight and triangular (decay 0.5) 1 - correlation
< 1e-9 and largest difference < 1e-4, epanechnikov 1e-8 and 3e-4, triangular with decay -0.5
(a cone whose apex the sub-pixel lattice blurs, with values of both signs) 3e-6 and 3.4e-3.
"""

from __future__ import annotations

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import Qgis, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsVectorLayer

from grid_plugin.core.cases.kernel import KERNELS, OUTPUTS, kernel_density

QGIS_NODATA = -9999.0


def points(count: int = 3000, seed: int = 20240807) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Deterministic clustered points around (500000, 4420000) in EPSG:4548, with weights."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform((500_000.0, 4_420_000.0), (502_500.0, 4_421_800.0), size=(6, 2))
    which = rng.integers(0, len(centres), count)
    xy = centres[which] + rng.normal(0.0, rng.uniform(80.0, 300.0, len(centres))[which, None], (count, 2))
    spread = rng.uniform((500_000.0, 4_420_000.0), (502_500.0, 4_421_800.0), size=(count // 5, 2))
    xy = np.vstack([xy, spread])
    # Points within 0.25 m of the lowest and highest: where QGIS rounds the block up (radius 153,
    # pixel 7.3: by 0.3 m) its unsigned conversion moves them by a pixel.
    edge_x = rng.uniform(500_500.0, 502_000.0, (2, 10))
    low, high = xy[:, 1].min(), xy[:, 1].max()
    edges = [np.column_stack([edge_x[0], low + rng.uniform(0.0, 0.25, 10)]),
             np.column_stack([edge_x[1], high - rng.uniform(0.0, 0.25, 10)])]
    xy = np.vstack([xy, *edges])
    weights = np.round(rng.gamma(2.0, 1.5, len(xy)), 2)
    return xy[:, 0], xy[:, 1], weights


def memory_layer(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:4548&field=w:double", "points", "memory")
    features = []
    for xi, yi, wi in zip(x.tolist(), y.tolist(), w.tolist()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(xi, yi)))
        feature.setAttributes([wi])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def qgis_heatmap(layer, path, *, radius, pixel, kernel, output, decay, weighted):
    """QGIS's raster as float64 with no-data as 0, and its geotransform."""
    processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": layer, "RADIUS": radius, "RADIUS_FIELD": None, "PIXEL_SIZE": pixel,
        "WEIGHT_FIELD": "w" if weighted else None, "KERNEL": KERNELS.index(kernel), "DECAY": decay,
        "OUTPUT_VALUE": OUTPUTS.index(output), "OUTPUT": str(path),
    }, feedback=QgsProcessingFeedback())
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    assert band.GetNoDataValue() == QGIS_NODATA
    values = band.ReadAsArray().astype(np.float64)
    geotransform = dataset.GetGeoTransform()
    dataset = None
    values[values == QGIS_NODATA] = 0.0
    return values, geotransform


@pytest.fixture(scope="module")
def data():
    return points()


CASES = [
    # kernel, output, decay, radius, pixel, weighted
    ("quartic", "raw", 0.0, 200.0, 10.0, False),
    ("quartic", "scaled", 0.0, 200.0, 10.0, True),
    ("epanechnikov", "raw", 0.0, 150.0, 10.0, True),
    ("triweight", "scaled", 0.0, 120.0, 8.0, False),
    ("uniform", "raw", 0.0, 100.0, 10.0, False),
    # radius / pixel = 20.96: QGIS rounds the block up and moves points near the top and bottom
    ("triangular", "scaled", 0.5, 153.0, 7.3, False),
    ("triangular", "raw", -0.5, 95.0, 10.0, True),
    # remainder 0.3 map units: QGIS rounds the block down, so it clips the disc
    ("quartic", "raw", 0.0, 50.3, 2.0, False),
]


# QGIS before 3.40 wrote 116 / 5 for 16 / 5 in the scaled quartic kernel (QGIS issue 60616, fixed in 3.40 and
# 3.42): its raster is 116 / 16 = 7.25 times the correct density that the plugin gives. The lanes run 3.22.16
# (typo) and 3.40.6 (fixed).
QUARTIC_TYPO = 116.0 / 16.0 if Qgis.QGIS_VERSION_INT < 34000 else 1.0


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson's r from centred unit vectors: stable to ~1e-14 where np.corrcoef's rounding reaches 1e-12."""
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    return float(np.dot(a / np.linalg.norm(a), b / np.linalg.norm(b)))


@pytest.mark.parametrize(("kernel", "output", "decay", "radius", "pixel", "weighted"), CASES)
def test_same_raster_as_qgis(qgis_processing, tmp_path, data, kernel, output, decay, radius, pixel, weighted):
    x, y, w = data
    expected, geotransform = qgis_heatmap(memory_layer(x, y, w), tmp_path / "heatmap.tif", radius=radius,
                                          pixel=pixel, kernel=kernel, output=output, decay=decay, weighted=weighted)
    if kernel == "quartic" and output == "scaled":
        expected = expected / QUARTIC_TYPO
    scale = np.abs(expected).max()
    assert scale > 0
    # QGIS writes float32: values agree to `tolerance` of the peak, which bounds 1 - r by about tolerance² / 2
    for method, minimum, tolerance in (("exact", 1 - 5e-6**2 / 2, 5e-6), ("fft", 0.99999, 0.005)):
        raster = kernel_density(x, y, radius=radius, pixel_size=pixel, kernel=kernel, output=output, decay=decay,
                                weights=w if weighted else None, method=method)
        assert raster.values.shape == expected.shape, method
        assert raster.geotransform() == geotransform, method
        assert correlation(raster.values, expected) >= minimum, method
        assert np.abs(raster.values - expected).max() <= tolerance * scale, method
